/**
 * Replays every recorded history (test/histories, from earlier releases of the workflow code) against
 * the current bundle. A change that would make a running workflow non-deterministic fails here until it
 * is guarded with patched() (docs/design.md, Versions); see test/histories/record.ts for how histories are made.
 */
import { readFileSync } from 'node:fs';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { BUNDLE_PATH } from '../../harness/bundle.global';
import { quietRuntime } from '../../harness/testWorker';
import { historyFromFile, recordedHistories } from '../histories/files';

const histories = recordedHistories();

/**
 * The workflow types the worker registers: every function workflows/index.ts (its workflowsPath) exports.
 * Loading that module outside the sandbox only defines functions, update/query handles and activity
 * proxies; no workflow code runs until a worker calls it, so this reads the same list the worker does.
 */
function workflowTypes(): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exported: Record<string, unknown> = require('../../workflows');
  return Object.keys(exported)
    .filter((name) => typeof exported[name] === 'function')
    .sort();
}

/** The type a recorded history ran: its first event, WorkflowExecutionStarted, names it. */
function typeOf(path: string): string | undefined {
  return historyFromFile(path).events[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name ?? undefined;
}

test('every workflow type the worker registers has at least one recorded history', () => {
  const types = workflowTypes();
  // A floor, so an import that silently yields nothing cannot pass: the eleven types of this release.
  expect(types.length).toBeGreaterThanOrEqual(11);
  const recorded = new Set(histories.map((h) => typeOf(h.path)));
  // A new workflow type fails here until a scenario in test/histories/record.ts records it.
  expect(types.filter((t) => !recorded.has(t))).toEqual([]);
});

test('every recorded history starts with a workflow type the worker still registers', () => {
  const types = new Set(workflowTypes());
  expect(histories.map((h) => [h.name, typeOf(h.path)]).filter(([, t]) => !types.has(t!))).toEqual([]);
});

describe.each(histories.map((h) => [h.name, h.path]))('%s', (name, path) => {
  test('replays deterministically on the current code', async () => {
    quietRuntime();
    const history = historyFromFile(path);
    // Something to replay: the start, and at least one workflow task the code completed (a digest on a bank
    // holiday has just one: 5 events).
    expect(history.events[0].eventType).toBe(temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED);
    expect(
      history.events.filter((e) => e.eventType === temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)
        .length,
    ).toBeGreaterThan(0);
    // Throws DeterminismViolationError (or a workflow task failure) on any mismatch.
    await Worker.runReplayHistory(
      { workflowBundle: { code: readFileSync(BUNDLE_PATH, 'utf8') } },
      history,
      `replay-${name}`,
    );
  });
});
