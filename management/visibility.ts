/** Clock views straight from Temporal visibility (memo on each listed run), with no per-workflow query. */
import type { Client } from '@temporalio/client';
import type { ClockView } from '../workflows/clock/types';

/**
 * The memo views of the open clocks matching `clauses` (visibility only: no per-workflow query), for the
 * inbox and the digest. A process whose first task has not yet published its memo has nothing due yet.
 */
export async function listOpenViews(client: Client, clauses: string[]): Promise<ClockView[]> {
  return listViews(client, ['ExecutionStatus = "Running"', ...clauses]);
}

/** The memo views of every run (open, closed and continued-as-new) matching `clauses`: what reports count. */
export async function listViews(client: Client, clauses: string[]): Promise<ClockView[]> {
  const query = ['ProcessType IS NOT NULL', ...clauses].join(' AND ');
  const views: ClockView[] = [];
  for await (const wf of client.workflow.list({ query })) {
    const clock = (wf.memo as { clock?: ClockView } | undefined)?.clock;
    if (clock) views.push(clock);
  }
  return views;
}
