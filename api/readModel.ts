/**
 * Reading clocks: a live query with a deadline, falling back to the memo (which also serves closed
 * processes and works with no worker running); lists through Temporal visibility, sorted here because
 * SQLite visibility has no ORDER BY (docs/design.md, Temporal).
 */
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { clockViewQuery } from '../workflows/messages';
import type { ClockView } from '../engine/types';
import * as SA from '../workflows/searchAttributes';
import { HttpProblem, notFound } from './problem';
import { VISIBILITY_PAGE_SIZE, filterClauses } from '../services/visibility';

const QUERY_DEADLINE_MS = 3_000;
/** A process read just after its start has no clock until its first workflow task runs: wait that long for it. */
const FIRST_CLOCK_WAIT_MS = 15_000;

export async function readClock(client: Client, connection: Connection, workflowId: string): Promise<ClockView & { source: 'query' | 'memo' }> {
  const handle = client.workflow.getHandle(workflowId);
  const until = Date.now() + FIRST_CLOCK_WAIT_MS;
  for (;;) {
    let description;
    try {
      description = await handle.describe();
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw notFound('workflowId', `no process ${workflowId}`);
      throw err;
    }
    if (description.status.name === 'RUNNING') {
      const live = await connection.withDeadline(Date.now() + QUERY_DEADLINE_MS, () => handle.query(clockViewQuery)).catch(() => undefined);
      if (live) return { ...live, source: 'query' };
    }
    const memo = (description.memo ?? {}) as { clock?: ClockView };
    if (memo.clock) {
      const status = description.status.name === 'RUNNING' ? memo.clock.status : memo.clock.status === 'open' ? 'closed' : memo.clock.status;
      return { ...memo.clock, status, source: 'memo' };
    }
    // A read right after a start (where the OpenAPI links lead a client, or a fuzzer) would otherwise be a 503.
    if (Date.now() >= until) throw new HttpProblem(503, 'Not ready', `${workflowId} has not published its clock yet (is a worker running?); retry shortly`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export interface ListFilter {
  caseId?: string;
  familyId?: string;
  type?: string;
  team?: string;
  localAuthority?: string;
  overdue?: boolean;
  /** Visibility clauses that keep the list inside the caller's area (management/area.ts). */
  area?: string[];
  /** Cases assigned to this worker (from the memo: workers are not a search attribute). */
  workerId?: string;
}

export interface ListedClock {
  workflowId: string;
  type: string;
  caseId: string;
  familyId?: string;
  episode?: string;
  localAuthority: string;
  team?: string;
  workerId?: string;
  status: string;
  nextDue?: ClockView['nextDue'];
  overdueSteps: string[];
  /** When the process began (its first run: a plan that continued as new keeps its original start). */
  startedAt: string;
  closedAt?: string;
  /** How it ended or where it led: the outcome, the process it started, the one it stepped up from. */
  finished?: ClockView['finished'];
  closed?: ClockView['closed'];
  handedOver?: ClockView['handedOver'];
  /** A refused hand-over waiting for its missing fact, and the open alarms: where the chain is broken. */
  pendingHandover?: ClockView['pendingHandover'];
  alarms?: { key: string; kind: string; raisedAt: string; what: string; action: string }[];
  steppedUpFrom?: string;
  runs?: number;
}

/** Values are validated as opaque ids by the route before they reach this query string. */
export async function listClocks(client: Client, filter: ListFilter, limit = 500): Promise<ListedClock[]> {
  const clauses = [...filterClauses(filter), ...(filter.area ?? [])];
  if (!clauses.length) clauses.push('ProcessType IS NOT NULL');
  // A process that continued as new has one execution per run: keep the current one, with the first start.
  const byId = new Map<string, { current?: ListedClock; firstStart: string; closedAt?: string }>();
  for await (const wf of client.workflow.list({ query: clauses.join(' AND '), pageSize: VISIBILITY_PAGE_SIZE })) {
    const entry = byId.get(wf.workflowId) ?? { firstStart: wf.startTime.toISOString() };
    if (wf.startTime.toISOString() < entry.firstStart) entry.firstStart = wf.startTime.toISOString();
    byId.set(wf.workflowId, entry);
    if (wf.status.name === 'CONTINUED_AS_NEW') continue;
    const clock = (wf.memo as { clock?: ClockView } | undefined)?.clock;
    // Until its first workflow task has run a process has no memo; the start's search attributes say what it is.
    const attribute = (key: typeof SA.CaseId) => wf.typedSearchAttributes.get(key) ?? '';
    const overdueSteps = [...new Set(clock?.steps.filter((s) => s.status === 'overdue').map((s) => s.key) ?? [])];
    if (wf.closeTime) entry.closedAt = wf.closeTime.toISOString();
    entry.current = {
      workflowId: wf.workflowId,
      type: clock?.type ?? (attribute(SA.ProcessType) || wf.type),
      caseId: clock?.caseId ?? attribute(SA.CaseId),
      ...(wf.typedSearchAttributes.get(SA.FamilyId) ? { familyId: wf.typedSearchAttributes.get(SA.FamilyId) } : {}),
      ...(clock?.episode ? { episode: clock.episode } : {}),
      localAuthority: clock?.localAuthority ?? attribute(SA.LocalAuthority),
      ...(clock?.team ? { team: clock.team } : {}),
      ...(clock?.assignment.workerId ? { workerId: clock.assignment.workerId } : {}),
      status: wf.status.name === 'RUNNING' ? 'open' : (clock?.status ?? wf.status.name.toLowerCase()),
      ...(clock?.nextDue && wf.status.name === 'RUNNING' ? { nextDue: clock.nextDue } : {}),
      overdueSteps: wf.status.name === 'RUNNING' ? overdueSteps : [],
      startedAt: '',
      ...(clock?.finished ? { finished: clock.finished } : {}),
      ...(clock?.closed ? { closed: clock.closed } : {}),
      ...(clock?.handedOver ? { handedOver: clock.handedOver } : {}),
      ...(clock?.pendingHandover ? { pendingHandover: clock.pendingHandover } : {}),
      ...(clock?.alarms?.some((a) => a.status === 'open') ? { alarms: clock.alarms.filter((a) => a.status === 'open').map(({ key, kind, raisedAt, what, action }) => ({ key, kind, raisedAt, what, action })) } : {}),
      ...(clock?.steppedUpFrom ? { steppedUpFrom: clock.steppedUpFrom } : {}),
      ...(clock?.run ? { runs: clock.run } : {}),
    };
  }
  const out: ListedClock[] = [];
  for (const entry of byId.values()) {
    if (!entry.current) continue;
    if (filter.overdue !== undefined && filter.overdue !== entry.current.overdueSteps.length > 0) continue;
    if (filter.workerId && entry.current.workerId !== filter.workerId) continue;
    out.push({ ...entry.current, startedAt: entry.firstStart, ...(entry.closedAt && entry.current.status !== 'open' ? { closedAt: entry.closedAt } : {}) });
    if (out.length >= limit) break;
  }
  // Oldest case first within a case: the order a child's journey happened in.
  return out.sort((a, b) => a.caseId.localeCompare(b.caseId) || a.startedAt.localeCompare(b.startedAt) || a.workflowId.localeCompare(b.workflowId));
}

