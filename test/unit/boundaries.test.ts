/**
 * The layer boundaries of .dependency-cruiser.js, each shown to fire: a small tree laid out like the
 * repository (engine/, workflows/, activities/, services/, api/, worker/, profiles/, test/, bench/,
 * stub @temporalio packages, a tsconfig) is cruised with the project's own config, first clean (no
 * violation at all), then with one deliberate violation per rule, naming exactly which rule fires for
 * which import; each both with node_modules in the tree and with node_modules a symlink out of it.
 * dependency-cruiser is ESM-only, which jest's CommonJS runtime cannot import, so the depcruise CLI runs
 * as a child process and its JSON report is read.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const config = join(root, '.dependency-cruiser.js');
const depcruise = join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ruleNames: string[] = require(config).forbidden.map((r: { name: string }) => r.name);

type Files = Record<string, string>;

/** A tree every rule accepts: each layer importing only what it may. */
const clean: Files = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: { module: 'commonjs', moduleResolution: 'node', strict: true, esModuleInterop: true },
    include: ['engine', 'workflows', 'activities', 'services', 'api', 'worker', 'profiles', 'test', 'bench'],
  }),
  'node_modules/@temporalio/workflow/package.json': pkg('@temporalio/workflow'),
  'node_modules/@temporalio/workflow/index.js': 'exports.proxyActivities = () => ({});\n',
  'node_modules/@temporalio/common/package.json': pkg('@temporalio/common'),
  'node_modules/@temporalio/common/index.js': 'exports.defineSearchAttributeKey = (n) => n;\n',
  'node_modules/@temporalio/client/package.json': pkg('@temporalio/client'),
  'node_modules/@temporalio/client/index.js': 'exports.Client = class {};\n',
  'node_modules/@temporalio/worker/package.json': pkg('@temporalio/worker'),
  'node_modules/@temporalio/worker/index.js': 'exports.Worker = class {};\n',
  'node_modules/zod/package.json': pkg('zod'),
  'node_modules/zod/index.js': 'exports.z = {};\n',

  'engine/types.ts': src("import { z } from 'zod';", 'export const Clock = z;', 'export type Due = string;'),
  'engine/schedule.ts': src("import type { Due } from './types';", 'export const next = (d: Due): Due => d;'),
  'profiles/load.ts': src(
    "import { readFileSync } from 'node:fs';",
    "import type { Due } from '../engine/types';",
    "export const load = (f: string): Due => readFileSync(f, 'utf8');",
  ),
  'activities/index.ts': src(
    "import { Client } from '@temporalio/client';",
    "import { load } from '../profiles/load';",
    'export const createActivities = () => ({ client: Client, load });',
  ),
  'workflows/messages.ts': src("export const clockQuery = 'clock';"),
  'workflows/searchAttributes.ts': src(
    "import { defineSearchAttributeKey } from '@temporalio/common';",
    "export const LA = defineSearchAttributeKey('LA');",
  ),
  'workflows/clock.ts': src(
    "import { proxyActivities } from '@temporalio/workflow';",
    "import type { createActivities } from '../activities';",
    "import { next } from '../engine/schedule';",
    "import { clockQuery } from './messages';",
    "import { LA } from './searchAttributes';",
    'export const acts = proxyActivities<ReturnType<typeof createActivities>>();',
    'export const clock = [next, clockQuery, LA];',
  ),
  'services/start.ts': src(
    "import { Client } from '@temporalio/client';",
    "import { next } from '../engine/schedule';",
    'export const start = [Client, next];',
  ),
  'api/app.ts': src(
    "import { start } from '../services/start';",
    "import { Clock } from '../engine/types';",
    'export const app = [start, Clock];',
  ),
  'worker/index.ts': src(
    "import { Worker } from '@temporalio/worker';",
    "import { createActivities } from '../activities';",
    "export const w = [Worker, createActivities, require.resolve('../workflows/clock')];",
  ),
  'test/support/helper.ts': src(
    "import { app } from '../../api/app';",
    "import { w } from '../../worker/index';",
    'export const all = [app, w];',
  ),
  'bench/run.ts': src("import { all } from '../test/support/helper';", 'export const bench = all;'),
};

/** One deliberate violation per rule: the file added, and the [rule, from, to] it must produce. */
const violations: { rule: string; files: Files; expected: [string, string, string][] }[] = [
  {
    rule: 'engine-no-temporal',
    files: {
      'engine/timer.ts': src(
        "import { proxyActivities } from '@temporalio/workflow';",
        'export const t = proxyActivities;',
      ),
    },
    expected: [['engine-no-temporal', 'engine/timer.ts', 'node_modules/@temporalio/workflow/index.js']],
  },
  {
    rule: 'engine-no-node-io',
    files: { 'engine/read.ts': src("import { readFileSync } from 'node:fs';", 'export const r = readFileSync;') },
    expected: [['engine-no-node-io', 'engine/read.ts', 'fs']],
  },
  {
    rule: 'engine-no-outer-layers',
    files: { 'engine/rules.ts': src("import { load } from '../profiles/load';", 'export const rules = load;') },
    expected: [['engine-no-outer-layers', 'engine/rules.ts', 'profiles/load.ts']],
  },
  {
    rule: 'workflows-only-engine-and-temporal-workflow',
    files: { 'workflows/direct.ts': src("import { Client } from '@temporalio/client';", 'export const c = Client;') },
    expected: [
      [
        'workflows-only-engine-and-temporal-workflow',
        'workflows/direct.ts',
        'node_modules/@temporalio/client/index.js',
      ],
    ],
  },
  {
    rule: 'workflows-activities-type-only',
    files: {
      'workflows/eager.ts': src(
        "import { createActivities } from '../activities';",
        'export const a = createActivities;',
      ),
    },
    expected: [['workflows-activities-type-only', 'workflows/eager.ts', 'activities/index.ts']],
  },
  {
    rule: 'api-not-to-worker',
    files: { 'api/server.ts': src("import { w } from '../worker/index';", 'export const s = w;') },
    expected: [['api-not-to-worker', 'api/server.ts', 'worker/index.ts']],
  },
  {
    rule: 'no-circular',
    files: {
      'services/a.ts': src("import { b } from './b';", 'export const a = () => b;'),
      'services/b.ts': src("import { a } from './a';", 'export const b = () => a;'),
    },
    // Reported once, from the first module on the cycle.
    expected: [['no-circular', 'services/a.ts', 'services/b.ts']],
  },
  {
    rule: 'production-not-to-test',
    files: { 'services/fixture.ts': src("import { all } from '../test/support/helper';", 'export const f = all;') },
    expected: [['production-not-to-test', 'services/fixture.ts', 'test/support/helper.ts']],
  },
  {
    rule: 'not-to-unresolvable',
    files: { 'api/typo.ts': src("import { app } from './ap';", 'export const t = app;') },
    expected: [['not-to-unresolvable', 'api/typo.ts', './ap']],
  },
];

/** A source file's text, one argument a line. */
function src(...lines: string[]): string {
  return lines.map((l) => `${l}\n`).join('');
}

function pkg(name: string): string {
  return JSON.stringify({ name, version: '0.0.0', main: 'index.js' });
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * The files written to a new temporary directory. With `linked`, node_modules is a symlink to a directory
 * outside the tree, as in a git worktree that shares another checkout's packages: packages then resolve
 * to paths outside the tree, and the rules must still recognise them.
 */
function tree(files: Files, linked = false): string {
  const dir = mkdtempSync(join(tmpdir(), 'boundaries-'));
  dirs.push(dir);
  const modules = linked ? mkdtempSync(join(tmpdir(), 'boundaries-modules-')) : dir;
  if (linked) {
    dirs.push(modules);
    symlinkSync(join(modules, 'node_modules'), join(dir, 'node_modules'), 'junction');
  }
  for (const [path, text] of Object.entries(files)) {
    const file = join(path.startsWith('node_modules/') ? modules : dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

/** depcruise with the project's config over `dir`; the [rule, from, to] of each violation, sorted. */
function cruise(dir: string): [string, string, string][] {
  const layers = ['engine', 'workflows', 'activities', 'services', 'api', 'worker', 'profiles', 'test', 'bench'];
  const run = spawnSync(process.execPath, [depcruise, '--config', config, '--output-type', 'json', ...layers], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  // With the JSON reporter depcruise exits 0 whatever it found; anything else means it did not run.
  if (run.status !== 0 || !run.stdout) throw new Error(`depcruise failed (exit ${run.status}): ${run.stderr}`);
  const report = JSON.parse(run.stdout) as { summary: { violations: Violation[] } };
  // A package outside the tree (a linked node_modules) is named by its path from node_modules on.
  const named = (path: string) => path.replace(/^.*?(?=node_modules\/)/, '');
  return report.summary.violations
    .map((v): [string, string, string] => [v.rule.name, v.from, named(v.to)])
    .sort((x, y) => x.join(' ').localeCompare(y.join(' ')));
}

describe('dependency-cruiser boundaries (.dependency-cruiser.js)', () => {
  test.each([
    ['', false],
    [', node_modules a symlink out of the tree', true],
  ])('a tree laid out like the repository, each layer importing only what it may, has no violation%s', (_, linked) => {
    expect(cruise(tree(clean, linked))).toEqual([]);
  });

  test('every rule has its deliberate violation below', () => {
    expect(violations.map((v) => v.rule).sort()).toEqual([...ruleNames].sort());
  });

  test.each([
    ['', false],
    [', node_modules a symlink out of the tree', true],
  ])('each deliberate violation fires its rule, and only it, for exactly that import%s', (_, linked) => {
    const all = Object.assign({}, clean, ...violations.map((v) => v.files)) as Files;
    const expected = violations.flatMap((v) => v.expected).sort((x, y) => x.join(' ').localeCompare(y.join(' ')));
    expect(cruise(tree(all, linked))).toEqual(expected);
  });
});
