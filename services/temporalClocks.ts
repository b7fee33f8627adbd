/**
 * The clocks as Temporal runs them (services/clocks.ts): starts through ProcessStarter, reads as a live
 * query with a deadline falling back to the memo (which also serves closed processes and works with no
 * worker running), events and migrations as Updates, lists through visibility, sorted here because
 * SQLite visibility has no ORDER BY (docs/design.md, Temporal).
 */
import { createHash } from 'node:crypto';
import {
  Client,
  Connection,
  WorkflowExecutionAlreadyStartedError,
  WorkflowHandle,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import type { ProfileRegistry } from '../profiles/load';
import {
  clockCheckQuery,
  clockEventSenderQuery,
  clockEventUpdate,
  clockViewQuery,
  migrateRulesUpdate,
} from '../workflows/messages';
import * as SA from '../workflows/searchAttributes';
import { siblingEvent } from '../workflows/family';
import { eventBody } from '../engine/events/sameEvent';
import type { ClockView } from '../engine/types';
import type { ClockEvent } from '../engine/events/contract';
import { areaClauses } from '../management/area';
import { dueByClause } from '../management/inbox';
import {
  ClockError,
  type ClockRead,
  type ClockService,
  type FamilyEventInput,
  type FamilyEventResult,
  type FamilySibling,
  type ListFilter,
  type ListedClock,
  type ReferralClaim,
  type ViewFilter,
} from './clocks';
import type { StartProcess } from './contracts';
import { claimReferralId } from './referralClaim';
import { ProcessStarter, type StartOptions } from './start';
import { startInputOf } from './startInput';
import { VISIBILITY_PAGE_SIZE, filterClauses, listViews } from './visibility';
import { temporalConnectionOptions, type TemporalConnectionConfig } from './temporalConnection';

const QUERY_DEADLINE_MS = 3_000;
/** A process read just after its start has no clock until its first workflow task runs: wait that long for it. */
const FIRST_CLOCK_WAIT_MS = 15_000;
/** How long a family event's answer waits for each sibling, beyond one Update's deadline (the workflow goes on regardless). */
const PER_SIBLING_MS = 5_000;

/**
 * The Temporal update id of an event: its id and its body's hash. A retry (same id, same body) is the same
 * update, answered by the server once; the same id with another body is a new update, which the clock's
 * validator refuses as a conflict naming what differs (engine/events/index.ts repeatedEvent).
 */
export function updateIdFor(eventId: string, body: string): string {
  return `${eventId}:${createHash('sha256').update(body).digest('hex').slice(0, 16)}`;
}

export class TemporalClocks implements ClockService {
  readonly checks: ProcessStarter;

  constructor(
    private readonly client: Client,
    private readonly connection: Connection,
    readonly starter: ProcessStarter,
    /** How long an event waits for the process to accept it before the caller hears 503. */
    private readonly updateTimeoutMs: number,
  ) {
    this.checks = starter;
  }

  start(req: StartProcess, options?: StartOptions) {
    return this.starter.start(req, options);
  }

  claimReferral(claim: ReferralClaim) {
    return claimReferralId(this.client, this.starter.taskQueue, claim);
  }

  async health(): Promise<void> {
    await this.connection.withDeadline(Date.now() + 3000, () => this.connection.workflowService.getSystemInfo({}));
  }

  async read(workflowId: string): Promise<ClockRead> {
    const handle = this.client.workflow.getHandle(workflowId);
    const until = Date.now() + FIRST_CLOCK_WAIT_MS;
    for (;;) {
      let description;
      try {
        description = await handle.describe();
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) throw new ClockError('not-found', `no process ${workflowId}`);
        throw err;
      }
      if (description.status.name === 'RUNNING') {
        const live = await this.connection
          .withDeadline(Date.now() + QUERY_DEADLINE_MS, () => handle.query(clockViewQuery))
          .catch(() => undefined);
        if (live) return { ...live, source: 'query' };
      }
      const memo = (description.memo ?? {}) as { clock?: ClockView };
      if (memo.clock) {
        const status =
          description.status.name === 'RUNNING'
            ? memo.clock.status
            : memo.clock.status === 'open'
              ? 'closed'
              : memo.clock.status;
        return { ...memo.clock, status, source: 'memo' };
      }
      // A read right after a start (where the OpenAPI links lead a client, or a fuzzer) would otherwise be a 503.
      if (Date.now() >= until)
        throw new ClockError(
          'not-ready',
          `${workflowId} has not published its clock yet (is a worker running?); retry shortly`,
        );
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** Values are validated as opaque ids by the route before they reach this query string. */
  async list(filter: ListFilter, limit = 500): Promise<ListedClock[]> {
    const clauses = [
      ...filterClauses(filter),
      ...(filter.area ? areaClauses(filter.area) : []),
      ...(filter.openOnly ? ['ExecutionStatus = "Running"'] : []),
    ];
    if (!clauses.length) clauses.push('ProcessType IS NOT NULL');
    // A process that continued as new has one execution per run: keep the current one, with the first start.
    const byId = new Map<string, { current?: ListedClock; firstStart: string; closedAt?: string }>();
    for await (const wf of this.client.workflow.list({
      query: clauses.join(' AND '),
      pageSize: VISIBILITY_PAGE_SIZE,
    })) {
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
        ...(clock?.alarms?.some((a) => a.status === 'open')
          ? {
              alarms: clock.alarms
                .filter((a) => a.status === 'open')
                .map(({ key, kind, raisedAt, what, action }) => ({ key, kind, raisedAt, what, action })),
            }
          : {}),
        ...(clock?.steppedUpFrom ? { steppedUpFrom: clock.steppedUpFrom } : {}),
        ...(clock?.run ? { runs: clock.run } : {}),
      };
    }
    const out: ListedClock[] = [];
    for (const entry of byId.values()) {
      if (!entry.current) continue;
      if (filter.overdue !== undefined && filter.overdue !== entry.current.overdueSteps.length > 0) continue;
      if (filter.workerId && entry.current.workerId !== filter.workerId) continue;
      out.push({
        ...entry.current,
        startedAt: entry.firstStart,
        ...(entry.closedAt && entry.current.status !== 'open' ? { closedAt: entry.closedAt } : {}),
      });
      if (out.length >= limit) break;
    }
    // Oldest case first within a case: the order a child's journey happened in.
    return out.sort(
      (a, b) =>
        a.caseId.localeCompare(b.caseId) ||
        a.startedAt.localeCompare(b.startedAt) ||
        a.workflowId.localeCompare(b.workflowId),
    );
  }

  views(filter: ViewFilter): Promise<ClockView[]> {
    const clauses = [
      ...(filter.openOnly ? ['ExecutionStatus = "Running"'] : []),
      ...(filter.area ? areaClauses(filter.area) : []),
      ...filterClauses(filter),
      ...(filter.dueWithin ? [dueByClause(filter.dueWithin.now, filter.dueWithin.days)] : []),
    ];
    return listViews(this.client, clauses);
  }

  async sendEvent(workflowId: string, event: ClockEvent): Promise<ClockView> {
    const handle = this.client.workflow.getHandle(workflowId);
    try {
      // A gRPC deadline, not a race: nothing keeps polling after the API has answered 503.
      return await this.connection.withDeadline(Date.now() + this.updateTimeoutMs, () =>
        handle.executeUpdate(clockEventUpdate, {
          args: [event],
          ...(event.eventId ? { updateId: updateIdFor(event.eventId, eventBody(event)) } : {}),
        }),
      );
    } catch (err) {
      throw await this.updateError(err, handle);
    }
  }

  async checkFamilyEvent(input: FamilyEventInput) {
    const events = input.siblings.map((sib) => siblingEvent(input, sib));
    // Each clock's own validator, as a query, all at once.
    const rejections = await this.connection.withDeadline(Date.now() + this.updateTimeoutMs, () =>
      Promise.all(
        input.siblings.map((sib, i) =>
          this.client.workflow.getHandle(sib.workflowId).query(clockCheckQuery, events[i]),
        ),
      ),
    );
    return events.map((event, i) => ({ event, ...(rejections[i] ? { rejection: rejections[i] } : {}) }));
  }

  async eventSender(workflowId: string, eventId: string): Promise<string | undefined> {
    const sender = await this.connection
      .withDeadline(Date.now() + QUERY_DEADLINE_MS, () =>
        this.client.workflow.getHandle(workflowId).query(clockEventSenderQuery, eventId),
      )
      .catch(() => null);
    return sender ?? undefined;
  }

  async migrateRules(
    workflowId: string,
    m: { localAuthority: string; type: string; reason: string; by: string; eventId?: string },
  ): Promise<ClockView> {
    const handle = this.client.workflow.getHandle(workflowId);
    try {
      return await this.connection.withDeadline(Date.now() + this.updateTimeoutMs, () =>
        handle.executeUpdate(migrateRulesUpdate, {
          args: [
            {
              rules: this.starter.currentRules(m.localAuthority, m.type),
              calendar: this.starter.currentCalendar(m.localAuthority),
              reason: m.reason,
              by: m.by,
            },
          ],
          ...(m.eventId ? { updateId: m.eventId } : {}),
        }),
      );
    } catch (err) {
      throw await this.updateError(err, handle);
    }
  }

  async familyEvent(workflowId: string): Promise<{ siblings: FamilySibling[]; input?: FamilyEventInput } | undefined> {
    const earlier = await this.client.workflow
      .getHandle(workflowId)
      .describe()
      .catch((err) => {
        if (err instanceof WorkflowNotFoundError) return undefined;
        throw err;
      });
    if (!earlier) return undefined;
    const siblings = ((earlier.memo ?? {}) as { siblings?: FamilySibling[] }).siblings ?? [];
    // What it said is read from its start (not the memo, which keeps no personal data).
    const input = await startInputOf<FamilyEventInput>(this.client, workflowId);
    return { siblings, ...(input ? { input } : {}) };
  }

  async startFamilyEvent(workflowId: string, input: FamilyEventInput): Promise<void> {
    try {
      // Who the event was for is kept in the memo (ids and teams only), so a repeat is answered without its siblings.
      const memoSiblings = input.siblings.map(({ overrides: _o, ...sib }) => sib);
      await this.client.workflow.start('familyEvent', {
        taskQueue: this.starter.taskQueue,
        workflowId,
        args: [input],
        workflowIdConflictPolicy: 'FAIL',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        memo: { siblings: memoSiblings },
        staticSummary: `Family ${input.familyId}: ${input.event.type} for ${input.siblings.length} children`,
      });
    } catch (err) {
      // Started by a request that raced this one: answered with what it did.
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }

  familyEventResult(workflowId: string, siblings: number): Promise<FamilyEventResult | undefined> {
    const handle = this.client.workflow.getHandle(workflowId);
    return this.connection
      .withDeadline(
        Date.now() + this.updateTimeoutMs + PER_SIBLING_MS * siblings,
        () => handle.result() as Promise<FamilyEventResult>,
      )
      .catch(() => undefined);
  }

  /** What a failed Update means: unavailable (no worker in time), not found, closed, or the clock's refusal. */
  private async updateError(err: unknown, handle: WorkflowHandle): Promise<unknown> {
    const id = handle.workflowId;
    if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError || /deadline/i.test((err as Error)?.message ?? '')) {
      return new ClockError(
        'unavailable',
        `the process did not accept the event within ${this.updateTimeoutMs} ms (is a worker running?); it may still apply it: retry with the same eventId`,
      );
    }
    if (err instanceof WorkflowNotFoundError) {
      // The server answers "not found" for an update to a closed workflow: tell the two apart.
      const closed = await handle.describe().then(
        (d) => d.status.name !== 'RUNNING',
        () => false,
      );
      return closed
        ? new ClockError('closed', `${id} is closed: it accepts no more events`)
        : new ClockError('not-found', `no process ${id}`);
    }
    if (err instanceof WorkflowUpdateFailedError) {
      const cause = err.cause as { message?: string; details?: unknown[] } | undefined;
      const rejection = (cause?.details?.[0] ?? {}) as {
        field?: string;
        message?: string;
        conflict?: boolean;
        forbidden?: boolean;
      };
      return new ClockError('rejected', cause?.message ?? err.message, rejection);
    }
    return err;
  }
}

/** The clocks of the Temporal server `config` names, and how to let go of it: the API's one connection. */
export async function connectTemporalClocks(
  config: TemporalConnectionConfig & { TEMPORAL_NAMESPACE: string; TASK_QUEUE: string; UPDATE_TIMEOUT_MS: number },
  profiles: ProfileRegistry,
): Promise<{ clocks: TemporalClocks; close: () => Promise<void> }> {
  const connection = await Connection.connect(temporalConnectionOptions(config));
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  const clocks = new TemporalClocks(
    client,
    connection,
    new ProcessStarter(client, profiles, config.TASK_QUEUE),
    config.UPDATE_TIMEOUT_MS,
  );
  return { clocks, close: () => connection.close() };
}
