/**
 * `npm run bench` (full, about an hour) or `npm run bench -- --quick` (a few minutes): starts the
 * deployment (bench/stack.ts), runs intake, timer storm and scale on it, then the simulated LA year on
 * the time-skipping server, and writes bench/results/<full|quick>.{md,svg,json}. The last line printed
 * is `intake ratio <api/raw>`. `--only intake,storm,scale,la-year` runs some of them; `--serve` only
 * starts the stack and prints its addresses, for bench/intakeSide.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { chartSvg, ChartData } from './chart';
import { runIntake } from './intake';
import { SCALE_INBOX_NOTE, ScaleLevel, runScale, scaleTargets } from './scale';
import type { BenchOptions, BenchSection } from './section';
import { startBenchStack } from './stack';
import { runStorm } from './storm';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const bins = require('../scripts/temporalBinaries');

const ALL = ['intake', 'storm', 'scale', 'la-year'] as const;

function parseArgs(argv: string[]) {
  const quick = argv.includes('--quick');
  const i = argv.indexOf('--only');
  const only = i >= 0 ? (argv[i + 1] ?? '').split(',') : [...ALL];
  const unknown = only.filter((o) => !(ALL as readonly string[]).includes(o));
  if (unknown.length) throw new Error(`--only: unknown benchmark ${unknown.join(', ')} (known: ${ALL.join(', ')})`);
  return { quick, only };
}

export function machine(): string {
  const temporal = (() => {
    try {
      return execFileSync(bins.temporalCli(), ['--version'], { encoding: 'utf8' }).trim();
    } catch {
      return 'temporal CLI version unknown';
    }
  })();
  return `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${temporal} (dev server, SQLite file), ${process.platform}`;
}

function table(sections: BenchSection[]): string {
  const rows = sections.flatMap((s) =>
    s.figures.map(
      (f) =>
        `| ${s.title} | ${f.measure} | ${Number.isInteger(f.value) ? f.value : f.value.toFixed(f.value < 10 ? 3 : 1)} ${f.unit} | ${f.goal ?? ''} | ${f.met === undefined ? '' : f.met ? 'met' : 'NOT MET'} |`,
    ),
  );
  return ['| benchmark | measure | value | goal | |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** `--serve`: the stack alone, until Ctrl-C, for timing bench/intakeSide.ts from outside. */
async function serve() {
  const stack = await startBenchStack((m) => console.log(`[bench] ${m}`));
  console.log(`BENCH_API=${stack.api} BENCH_TEMPORAL=${stack.address}`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await stack.stop();
}

async function main() {
  if (process.argv.includes('--serve')) return serve();
  const { quick, only } = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const loadAtStart = loadavg()[0];
  const log = (m: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${m}`);
  const opts: BenchOptions = { quick, log };
  const sections: BenchSection[] = [];
  const chart: ChartData = {};
  let ratio: number | undefined;
  if (only.some((o) => o !== 'la-year')) {
    const stack = await startBenchStack(log);
    // Ctrl-C stops the server, worker and API this run started, not just the runner.
    const interrupted = () => void stack.stop().finally(() => process.exit(130));
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', interrupted);
    try {
      let startsPerSecond = 50;
      if (only.includes('intake')) {
        const intake = await runIntake(stack, opts);
        sections.push(intake);
        ratio = intake.ratio;
        startsPerSecond = intake.rawRate;
        chart.intake = intake.perRound;
      }
      // The storm runs between the two scale levels, so its processes fall due among 10,000 others.
      const [low, high] = scaleTargets(quick);
      const levels: ScaleLevel[] = [];
      const scaleSections: BenchSection[] = [];
      if (only.includes('scale')) {
        const s = await runScale(stack, opts, [low]);
        scaleSections.push(s);
        levels.push(...s.levels);
      }
      if (only.includes('storm')) {
        const storm = await runStorm(stack, { ...opts, startsPerSecond });
        sections.push(storm);
        chart.storm = { latencies: storm.latencies, goalSeconds: 60 };
      }
      if (only.includes('scale')) {
        const s = await runScale(stack, opts, [high]);
        scaleSections.push(s);
        levels.push(...s.levels);
        sections.push({
          ...s,
          figures: scaleSections.flatMap((x) => x.figures),
          notes: [...scaleSections.flatMap((x) => x.notes), SCALE_INBOX_NOTE],
        });
        chart.scale = levels;
      }
    } finally {
      await stack.stop();
    }
  }
  if (only.includes('la-year')) {
    // Loaded only when asked for: it brings the time-skipping server and the workflow bundler.
    const { runLaYear } = await import('./laYear');
    sections.push(await runLaYear(opts));
  }

  const name = quick ? 'quick' : 'full';
  const dir = resolve(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const md = [
    `# Benchmark results (${name})`,
    '',
    `Run ${new Date(started).toISOString()}, ${((Date.now() - started) / 60000).toFixed(1)} minutes, on ${machine()}; 1-minute load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end (other work on the machine shows here).`,
    `Rerun: \`npm run bench${quick ? ' -- --quick' : ''}\`. Chart: [${name}.svg](${name}.svg).`,
    '',
    table(sections),
    '',
    ...sections.flatMap((s) => [`## ${s.title}`, '', ...s.notes.map((n) => `- ${n}`), '']),
    `![results](${name}.svg)`,
    '',
  ].join('\n');
  writeFileSync(resolve(dir, `${name}.md`), md);
  writeFileSync(resolve(dir, `${name}.svg`), chartSvg(chart));
  writeFileSync(
    resolve(dir, `${name}.json`),
    JSON.stringify({ started: new Date(started).toISOString(), machine: machine(), sections }, null, 1) + '\n',
  );
  console.log(table(sections));
  log(`wrote bench/results/${name}.md, ${name}.svg and ${name}.json`);
  if (ratio !== undefined) console.log(`intake ratio ${ratio.toFixed(3)}`);
}

main().catch((err) => {
  console.error(`bench failed: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
