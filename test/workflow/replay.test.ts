/**
 * Replays every recorded history (test/histories, from earlier releases of the workflow code) against
 * the current bundle. A change that would make a running workflow non-deterministic fails here until it
 * is guarded with patched() (brief s6); see test/histories/record.ts for how histories are made.
 */
import { readFileSync } from 'node:fs';
import { Worker } from '@temporalio/worker';
import { BUNDLE_PATH } from '../support/bundle.global';
import { quietRuntime } from '../support/testWorker';
import { historyFromFile, recordedHistories } from '../histories/files';

const histories = recordedHistories();

test('there are recorded histories of the long-running processes', () => {
  const names = histories.map((h) => h.name);
  expect(names).toEqual(expect.arrayContaining(['looked-after-v1-run1', 'looked-after-v1-runlast', 'pathway-plan-v1-run1', 'pathway-plan-v1-runlast', 'complaint-statutory-v1', 'complaint-corporate-v1']));
});

describe.each(histories.map((h) => [h.name, h.path]))('%s', (name, path) => {
  test('replays deterministically on the current code', async () => {
    quietRuntime();
    const history = historyFromFile(path);
    expect(history.events.length).toBeGreaterThan(10);
    // Throws DeterminismViolationError (or a workflow task failure) on any mismatch.
    await Worker.runReplayHistory({ workflowBundle: { code: readFileSync(BUNDLE_PATH, 'utf8') } }, history, `replay-${name}`);
  });
});
