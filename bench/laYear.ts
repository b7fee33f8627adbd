/**
 * Benchmark: a simulated LA year on the time-skipping server. Five LAs' referrals arrive every
 * working day from 1 Apr 2030 to 31 Mar 2031 (full: 5,000 referrals, 1,800 single assessments, 300 CP
 * plans, 400 children coming into care; --quick: a tenth), each decided, assessed, visited and reviewed
 * through the same start path and Updates the API uses, by the real worker with its real activities and
 * a real SMTP sink. Measured: wall time of the year, workflow history events (every run), events per
 * second, workflows, emails delivered, peak memory; and, from every workflow's final view, the chain of
 * processes: hand-overs made, hand-overs refused and whether each raised its alarm, other alarms.
 *
 *   npx ts-node --transpile-only bench/laYear.ts [--quick]     (prints the section as JSON)
 */
import { cpus, loadavg } from 'node:os';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { ProfileRegistry } from '../profiles/load';
import { ProcessStarter } from '../services/start';
import buildWorkflowBundle from '../harness/bundle.global';
import { startTimeSkipping } from '../harness/timeSkipping';
import { ASSESSMENT_ENQUIRY_FATES, ASSESSMENT_OUTCOMES, Caseworker, PRACTICE } from './laYear/caseworker';
import { handoverNotes, handoverReport } from './laYear/handovers';
import { countHistories, finalView, peakMemory } from './laYear/measure';
import { FULL_YEAR, OLDER_SHARE, YEAR, planYear, volumeOf } from './laYear/plan';
import { processTypeOf } from '../engine/catalogue';
import { YearSimulation } from './laYear/simulation';
import type { ClockView } from '../engine/types';
import type { BenchOptions, BenchSection, Figure } from './section';

/** The fixed seed of every draw: the same year each run. */
export const SEED = 20300401;

export async function runLaYear(options: BenchOptions): Promise<BenchSection> {
  const volume = volumeOf(options.quick);
  const plan = planYear(volume, SEED);
  const registry = ProfileRegistry.fromDirectory();
  await buildWorkflowBundle();
  const t = await startTimeSkipping();
  try {
    const starter = new ProcessStarter(t.env.client, registry, t.taskQueue);
    const caseworker = new Caseworker(
      registry,
      SEED,
      new Map(plan.referrals.map((r) => [`${r.caseId}|${r.referralId}`, r])),
      YEAR.last,
    );
    const load = [loadavg()[0]];
    const months: string[] = [];
    const began = Date.now();
    let monthBegan = began;
    const sim = new YearSimulation(t, starter, caseworker, plan, (day) => {
      load.push(loadavg()[0]);
      months.push(`${day.slice(0, 7)} ${((Date.now() - monthBegan) / 1000).toFixed(0)} s`);
      monthBegan = Date.now();
      options.log(
        `la-year ${day}: ${sim.open} workflows open of ${sim.tracked.size}, ${sim.tally.eventsSent} events sent, wall ${((Date.now() - began) / 1000).toFixed(0)} s, load ${loadavg()[0].toFixed(1)}`,
      );
    });
    await sim.run(YEAR.first, YEAR.last);
    const wallS = (Date.now() - began) / 1000;

    const mail = await settledMail(t);
    // Every tracked workflow's final view, read in the same pass: the chain's hand-overs and alarms.
    const views = new Map<string, ClockView | undefined>();
    const histories = await countHistories(t.env.client, [...sim.tracked.keys()], 'default', async (id, d) => {
      views.set(id, (await finalView(t.env.client, id, d)).view);
    });
    // Processes a milestone started after the case system last heard from the process that made it (a
    // pathway plan begun in the year's last weeks): read and counted too.
    const unseen = [...views.values()].flatMap((v) =>
      v?.handedOver && !v.handedOver.error && !views.has(v.handedOver.to) ? [v.handedOver.to] : [],
    );
    try {
      const more = await countHistories(t.env.client, unseen, 'default', async (id, d) => {
        const { view } = await finalView(t.env.client, id, d);
        views.set(id, view);
        sim.adopt(id, processTypeOf(id) ?? 'unknown', view?.status ?? 'open');
      });
      histories.workflows += more.workflows;
      histories.runs += more.runs;
      histories.events += more.events;
      histories.longestRun = Math.max(histories.longestRun, more.longestRun);
    } catch (err) {
      options.log(
        `la-year: could not read ${unseen.length} processes started at the year's end: ${(err as Error).message}`,
      );
    }
    const chain = handoverReport(views, (id) => sim.tracked.get(id)?.type ?? processTypeOf(id));
    const memory = peakMemory();
    const bench = memory.find((m) => m.pid === process.pid);
    const server = memory.find((m) => /temporal-test-server/.test(m.name));
    const s = sim.tally.started;
    const figures: Figure[] = [
      { measure: 'wall time of the simulated year', value: round(wallS, 1), unit: 's' },
      { measure: 'workflow history events (every run of every workflow)', value: histories.events, unit: 'events' },
      {
        measure: 'workflow history events per second of wall time',
        value: round(histories.events / wallS, 1),
        unit: 'events/s',
      },
      { measure: 'workflows started', value: histories.workflows, unit: 'workflows' },
      { measure: 'workflow runs (continue-as-new included)', value: histories.runs, unit: 'runs' },
      {
        measure: 'events recorded by the simulated case system (Updates)',
        value: sim.tally.eventsSent,
        unit: 'updates',
      },
      { measure: 'notifications delivered (emails in the SMTP sink)', value: mail.total, unit: 'emails' },
      {
        measure: 'hand-overs made (the next process started by the outcome)',
        value: Object.values(chain.made).reduce((a, n) => a + n, 0),
        unit: 'hand-overs',
      },
      { measure: 'hand-overs refused', value: chain.refusedTotal, unit: 'hand-overs' },
      { measure: 'hand-overs refused without an alarm', value: chain.withoutAlarm, unit: 'hand-overs' },
      {
        measure: 'other alarms raised (stalled, event-refused)',
        value: Object.values(chain.alarmsByKind).reduce((a, n) => a + n, 0),
        unit: 'alarms',
      },
      ...(bench
        ? [
            {
              measure: 'peak RSS of the bench process (worker and simulated case system)',
              value: bench.peakMb,
              unit: 'MB',
            },
          ]
        : []),
      ...(server ? [{ measure: 'peak RSS of the time-skipping server', value: server.peakMb, unit: 'MB' }] : []),
    ];
    const refused = Object.entries(sim.tally.refused).map(([k, n]) => `${k} x${n}`);
    return {
      id: 'la-year',
      title: `A simulated LA year on the time-skipping server${options.quick ? ' (quick: a tenth of the volume)' : ''}`,
      figures,
      notes: [
        `Workload: ${YEAR.first} to ${YEAR.last}, five LA profiles (Derbyshire 30%, Northamptonshire 25%, England 20%, York 15%, Bracknell Forest 10%); planned ${volume.referrals} referrals, ${volume.assessments} single assessments, ${volume.cpPlans} CP plans, ${volume.lookedAfter} children coming into care (${OLDER_SHARE * 100}% aged 15, who become eligible care leavers at 16)${options.quick ? ` (the full year: ${FULL_YEAR.referrals}, ${FULL_YEAR.assessments}, ${FULL_YEAR.cpPlans}, ${FULL_YEAR.lookedAfter})` : ''}, seed ${SEED}. Assessment conclusions by seeded draw: ${ASSESSMENT_OUTCOMES.map(([o, w]) => `${o} ${w}%`).join(', ')}; an enquiry an assessment started comes to ${ASSESSMENT_ENQUIRY_FATES.map(([o, w]) => `${o} ${w}%`).join(', ')} (cp = a CP plan, icpc-nfa = no plan at the conference).`,
        `Started: ${Object.entries(s)
          .map(([k, n]) => `${n} ${k}`)
          .join(
            ', ',
          )}. Open at the end (final views): ${[...views.values()].filter((v) => v?.status === 'open').length}.`,
        `Case system: ${sim.tally.completions} steps completed (${sim.tally.late} late, about ${PRACTICE.lateShare * 100}% planned late), ${sim.tally.noAccess} no-access visits, ${sim.tally.anchors} anchors recorded; ${sim.tally.ended} events met a process that had already ended; refused: ${refused.length ? refused.join(', ') : 'none'}.`,
        ...(sim.tally.refusalExamples.length
          ? [`Refusal examples: ${sim.tally.refusalExamples.slice(0, 3).join(' | ')}`]
          : []),
        ...handoverNotes(chain),
        ...(sim.tally.handoversRefusedLive
          ? [
              `Hand-overs seen refused as the year ran (left to their alarms, not started by the case system): ${sim.tally.handoversRefusedLive}.`,
            ]
          : []),
        ...(sim.tally.startsRefused.length
          ? [
              `Planned starts refused: ${sim.tally.startsRefused.length} (${sim.tally.startsRefused.slice(0, 3).join('; ')})`,
            ]
          : []),
        ...(sim.tally.lostHandovers.length
          ? [
              `Processes never found after a hand-over: ${sim.tally.lostHandovers.length} (${sim.tally.lostHandovers.slice(0, 3).join('; ')})`,
            ]
          : []),
        `Emails: ${mail.total} delivered, ${mail.keys} distinct notification keys (${mail.total - mail.keys} duplicates).`,
        `Events counted: describe().historyLength of every run of every workflow the year started, earlier runs found through each run's first event (continuedExecutionRunId); ${histories.runs} runs, the longest ${histories.longestRun} events.`,
        `Memory: ${memory.map((m) => `${m.name} peak ${m.peakMb} MB`).join('; ')}.`,
        `Wall time per simulated month: ${months.join(', ')}.`,
        `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), shared with other work: 1-minute load average ${load.map((l) => l.toFixed(1)).join(' -> ')} across the run (start, then each simulated month).`,
      ],
    };
  } finally {
    // A failing teardown (a worker already stopped by a signal) must not hide why the year stopped.
    await t.teardown().catch((err: Error) => options.log(`la-year: teardown failed: ${err.message}`));
  }
}

/** The mail sink's count once it stops growing (the last deliveries of the year may still be in flight). */
async function settledMail(t: { mail: { messages: () => Promise<{ headers: Record<string, string> }[]> } }) {
  let previous = -1;
  for (;;) {
    const messages = await t.mail.messages();
    if (messages.length === previous)
      return { total: messages.length, keys: new Set(messages.map((m) => m.headers['x-clock-key'])).size };
    previous = messages.length;
    await new Promise((r) => setTimeout(r, 3000));
  }
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

if (require.main === module) {
  const quick = process.argv.includes('--quick');
  // Native SDK logs to stderr through the Node logger, so stdout holds only the JSON.
  Runtime.install({
    logger: new DefaultLogger('WARN'),
    telemetryOptions: { logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} } },
  });
  // The SDK stops the worker on these signals; say so, since the year then stops with a less obvious error.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGQUIT', 'SIGUSR2'] as const)
    process.on(signal, () => console.error(`la-year: received ${signal}; the worker stops`));
  runLaYear({ quick, log: (m) => console.error(m) })
    .then((section) => {
      console.log(JSON.stringify(section, null, 2));
      process.exit(0);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
