/** Clock views straight from Temporal visibility (memo on each listed run), with no per-workflow query. */
import type { Client } from '@temporalio/client';
import type { ClockView } from '../engine/types';

/**
 * The visibility clauses for the API's filters, one place for lists, the inbox and reports. Values are
 * checked by each route's zod schema (opaque ids, no quotes) before they reach a query string.
 */
export function filterClauses(filter: {
  caseId?: string;
  familyId?: string;
  type?: string;
  team?: string;
  localAuthority?: string;
}): string[] {
  const clauses: string[] = [];
  if (filter.caseId) clauses.push(`CaseId = "${filter.caseId}"`);
  if (filter.familyId) clauses.push(`FamilyId = "${filter.familyId}"`);
  if (filter.type) clauses.push(`ProcessType = "${filter.type}"`);
  if (filter.team) clauses.push(`Team = "${filter.team}"`);
  if (filter.localAuthority) clauses.push(`LocalAuthority = "${filter.localAuthority}"`);
  return clauses;
}

/**
 * The memo views of the open clocks matching `clauses` (visibility only: no per-workflow query), for the
 * inbox and the digest. A process whose first task has not yet published its memo has nothing due yet.
 */
export async function listOpenViews(client: Client, clauses: string[]): Promise<ClockView[]> {
  return listViews(client, ['ExecutionStatus = "Running"', ...clauses]);
}

/**
 * Rows per visibility page. Each row carries its memo (a few kB of step table), and a page over 4 MB
 * breaks gRPC's default message limit ("Failed to list workflows"): at the server's default of 1,000 rows
 * an LA's inbox failed once it held about 2,000 open clocks (found by bench/scale.ts).
 */
export const VISIBILITY_PAGE_SIZE = 200;

/** The memo views of every run (open, closed and continued-as-new) matching `clauses`: what reports count. */
export async function listViews(client: Client, clauses: string[]): Promise<ClockView[]> {
  const query = ['ProcessType IS NOT NULL', ...clauses].join(' AND ');
  const views: ClockView[] = [];
  for await (const wf of client.workflow.list({ query, pageSize: VISIBILITY_PAGE_SIZE })) {
    const clock = (wf.memo as { clock?: ClockView } | undefined)?.clock;
    if (clock) views.push(clock);
  }
  return views;
}
