#!/usr/bin/env node
// `npm test`: the type check, then `npm run lint`, then the jest projects unit, api, workflow and e2e
// (e2e --runInBand), in that order. It exists because CI logs must end with one countable line,
// `N passed, N failed` (plus `, N skipped` when any were skipped), summed over every project and counting
// tests, not suites; separate jest runs each print their own summary, so nothing else gives that total.
// Jest's own output streams as usual; each run also writes --json to a temporary file to be counted.
// Before the e2e project the Chromium its browser tests drive is installed if missing (scripts/installBrowser.js).
// Extra args (`npm test -- test/unit/calendar`) go to every jest run, with --passWithNoTests, since a
// pattern usually leaves some projects with nothing to run. Exits non-zero if the type check or lint
// fails, any test fails or any project fails to run; a failed project is still followed by the next one.
const { stepRunner } = require('./steps');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '..');
const extra = process.argv.slice(2);
const projects = [
  { name: 'unit', flags: [] },
  { name: 'api', flags: [] },
  { name: 'workflow', flags: [] },
  { name: 'e2e', flags: ['--runInBand'] },
];
const totals = { passed: 0, failed: 0, skipped: 0 };
let ok = true;
const steps = stepRunner('test');
const run = steps.run;

function summary() {
  const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
  return `${totals.passed} passed, ${totals.failed} failed${skipped}`;
}

function finish(code) {
  console.log(summary());
  process.exit(steps.interrupted() ? steps.exitCodeOf(steps.interrupted()) : code);
}

async function main() {
  // The type check as `npm run typecheck` defines it. When it fails no test has run, so there is
  // nothing to count: the failed check itself is the one failure, giving `0 passed, 1 failed`.
  const npm = process.env.npm_execpath;
  const tc = npm ? await run(process.execPath, [npm, 'run', 'typecheck']) : await run('npm', ['run', 'typecheck']);
  if (tc.code !== 0) {
    totals.failed += 1;
    finish(1);
  }

  // Then `npm run lint` (ESLint, Prettier's check, the dependency-cruiser boundaries). A failure counts
  // as one failure, as the type check's does, but the tests still run: style or a crossed boundary
  // should not hide what the tests would say.
  const lint = npm ? await run(process.execPath, [npm, 'run', 'lint']) : await run('npm', ['run', 'lint']);
  if (lint.code !== 0) {
    ok = false;
    totals.failed += 1;
    console.error(`[test] lint failed, exit ${lint.signal || lint.code}`);
  }

  const jest = require.resolve('jest/bin/jest', { paths: [root] });
  const dir = mkdtempSync(join(tmpdir(), 'jest-results-'));
  try {
    for (const project of projects) {
      if (steps.interrupted()) break;
      // The e2e project drives a real Chromium: installed here when missing (Debian's, through apt-get), so
      // the README's `npm install && npm test` needs nothing installed by hand. Present, it does nothing.
      if (project.name === 'e2e') {
        const browser = await run(process.execPath, [join(root, 'scripts', 'installBrowser.js')]);
        if (browser.code !== 0)
          console.error('[test] no Chromium: the browser tests will fail (see the message above)');
      }
      const outputFile = join(dir, `${project.name}.json`);
      const args = [jest, '--selectProjects', project.name, ...project.flags, '--json', `--outputFile=${outputFile}`];
      if (extra.length) args.push('--passWithNoTests', ...extra);
      const { code, signal } = await run(process.execPath, args);

      let r = null;
      try {
        r = JSON.parse(readFileSync(outputFile, 'utf8'));
      } catch {
        // No results: jest did not get as far as running tests (a bad option, a globalSetup error, a
        // crash or a signal). Counted as one failure below.
      }
      let failed = 0;
      if (r) {
        totals.passed += r.numPassedTests;
        totals.skipped += r.numPendingTests + r.numTodoTests;
        // A suite that fails to load (or whose hooks throw) has no failed tests of its own: count it once.
        failed = r.numFailedTests + r.numRuntimeErrorTestSuites;
      }
      const projectOk = code === 0 && !signal && r !== null && r.success;
      // Whatever made the project fail, the line must not read "0 failed".
      if (!projectOk && failed === 0) failed = 1;
      totals.failed += failed;
      if (!projectOk) {
        ok = false;
        const why = r ? '' : ' (no results: it did not run its tests)';
        console.error(`[test] jest project ${project.name} failed${why}, exit ${signal || code}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  finish(ok && totals.failed === 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  totals.failed = Math.max(totals.failed, 1);
  finish(1);
});
