/**
 * An in-process fake of the clocks (services/clocks.ts ClockService) for route tests: no Temporal server,
 * no worker. Starts go through the real start checks (ProcessStarter.buildInput), and each clock is the
 * pure engine's state with the validator, event and migration steps the workflow runs
 * (workflows/runClock.ts), so views carry real due dates and refusals the clock's real fields and
 * messages. What it does not do is what only Temporal does: notifications, timers, hand-overs to the next
 * process, continue-as-new, visibility lag. Those stay tested end to end (test/e2e).
 */
import type { ProfileRegistry } from '../../profiles/load';
import {
  ProcessStarter,
  StartError,
  type StartOptions,
  type StartResult,
  requestHash,
  startConflict,
} from '../../services/start';
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
} from '../../services/clocks';
import type { StartProcess } from '../../services/contracts';
import { claimedForAnotherCase } from '../../services/referralClaim';
import { workflowIdFor } from '../../engine/catalogue';
import { initialState } from '../../engine/state';
import { type Rejection, applyEvent, checkEvent, recordHistory, repeatedEvent } from '../../engine/events';
import type { ClockEvent } from '../../engine/events/contract';
import { buildSchedule } from '../../engine/compute/schedule';
import { applyMigration, checkMigration } from '../../engine/migrate';
import { formatLondon } from '../../engine/calendar/london';
import type { ClockInput, ClockState, ClockView } from '../../engine/types';
import type { Area } from '../../management/area';
import { toView } from '../../engine/explain/view';
import { siblingEvent } from '../../workflows/family';

interface Process {
  input: ClockInput;
  state: ClockState;
  startedAt: number;
  hash: string;
}

/** Whether a clock lies in an area as visibility's area clauses select it (the worker is filtered apart). */
function inArea(
  area: Area | undefined,
  clock: { type: string; localAuthority: string; assignment: { team?: string } },
): boolean {
  if (!area) return true;
  if (area.teams && !area.teams.includes(clock.assignment.team ?? '')) return false;
  if (area.localAuthorities && !area.localAuthorities.includes(clock.localAuthority)) return false;
  if (area.types && !area.types.includes(clock.type as never)) return false;
  return true;
}

export class FakeClocks implements ClockService {
  checks: ProcessStarter;
  private readonly processes = new Map<string, Process>();
  private readonly claims = new Map<string, string>();
  private readonly familyEvents = new Map<string, { input: FamilyEventInput; result: FamilyEventResult }>();
  /** The message health() fails with while set: Temporal unreachable. */
  unreachable?: string;

  constructor(
    profiles: ProfileRegistry,
    /** The fake's clock (the engine's `now`): the real time unless a test fixes it. */
    readonly now: () => number = Date.now,
  ) {
    // The start checks read profiles and the calendar only: the client is never used by buildInput.
    this.checks = new ProcessStarter({} as never, profiles, 'fake-clocks');
  }

  /** A deployment of other profiles: new starts and migrations use them; running clocks keep theirs. */
  useProfiles(profiles: ProfileRegistry): void {
    this.checks = new ProcessStarter({} as never, profiles, 'fake-clocks');
  }

  /** Every process started, by workflow id (what a test checks a refused start left behind). */
  ids(): string[] {
    return [...this.processes.keys()];
  }

  async health(): Promise<void> {
    if (this.unreachable) throw new Error(this.unreachable);
  }

  async start(req: StartProcess, options: StartOptions = {}): Promise<StartResult> {
    const now = options.now ?? this.now();
    const input = this.checks.buildInput(req, options, now);
    await options.beforeStart?.();
    const workflowId = workflowIdFor(req.type, req.caseId, input.episode);
    const hash = requestHash(req);
    const runId = `run-${workflowId}`;
    const existing = this.processes.get(workflowId);
    if (existing) {
      // As ProcessStarter: the same request is answered with the process, another is a conflict naming what differs.
      if (existing.hash !== hash && !options.acceptExisting) {
        const conflict = startConflict(workflowId, existing.input, input);
        if (conflict) throw conflict;
      }
      return { workflowId, runId, existing: true };
    }
    if (req.steppedUpFrom) this.checkSteppedUpFrom(req);
    // The workflow's first steps (workflows/runClock.ts): its start line, then steps already done, in order.
    const state = initialState(input);
    recordHistory(
      state,
      formatLondon(now),
      `started on ${input.rules.profileId} rules ${input.rules.version}, calendar ${input.calendar.version}${input.startedBy ? ` by ${input.startedBy}` : ''}`,
    );
    for (const c of input.completed ?? [])
      applyEvent(
        input,
        state,
        { type: 'step-completed', ...c, ...(input.startedBy ? { by: input.startedBy } : {}) },
        now,
      );
    this.processes.set(workflowId, { input, state, startedAt: now, hash });
    return { workflowId, runId, existing: false };
  }

  private checkSteppedUpFrom(req: StartProcess): void {
    const id = req.steppedUpFrom!;
    const plan = this.processes.get(id);
    if (!plan) throw new StartError(422, 'steppedUpFrom', `no process ${id}`);
    if (plan.input.processType !== 'child-in-need-plan')
      throw new StartError(422, 'steppedUpFrom', `${id} is a ${plan.input.processType}, not a child in need plan`);
    if (plan.input.caseId !== req.caseId)
      throw new StartError(422, 'steppedUpFrom', `${id} is case ${plan.input.caseId}'s plan, not case ${req.caseId}'s`);
    if (this.ended(id, plan)) throw new StartError(409, 'steppedUpFrom', `${id} has already ended (completed)`);
  }

  async claimReferral(claim: ReferralClaim): Promise<void> {
    const key = `${claim.localAuthority}/${claim.referralId}`;
    const held = this.claims.get(key);
    if (held === undefined) this.claims.set(key, claim.caseId);
    else if (held !== claim.caseId) throw claimedForAnotherCase(claim);
  }

  /** The clock as the workflow's query shows it, and whether its loop would have returned (closed, finished, nothing left to count). */
  private look(workflowId: string, p: Process): { view: ClockView; ended: boolean } {
    const schedule = buildSchedule(p.input, p.state, this.now(), workflowId);
    return {
      view: toView(p.input, p.state, schedule, workflowId, false),
      ended: !!p.state.closed || !!p.state.finished || schedule.allDone,
    };
  }

  private view(workflowId: string, p: Process): ClockView {
    return this.look(workflowId, p).view;
  }

  private ended(workflowId: string, p: Process): boolean {
    return this.look(workflowId, p).ended;
  }

  /** The processes whose facts match, before any schedule is computed (a list reads few of many). */
  private matching(filter: {
    caseId?: string;
    familyId?: string;
    type?: string;
    team?: string;
    localAuthority?: string;
    area?: Area;
    workerId?: string;
  }): [string, Process][] {
    return [...this.processes].filter(([, { input, state }]) => {
      const clock = { type: input.processType, localAuthority: input.localAuthority, assignment: state.assignment };
      return (
        (!filter.caseId || input.caseId === filter.caseId) &&
        (!filter.familyId || input.familyId === filter.familyId) &&
        (!filter.type || clock.type === filter.type) &&
        (!filter.team || clock.assignment.team === filter.team) &&
        (!filter.localAuthority || clock.localAuthority === filter.localAuthority) &&
        (!filter.workerId || clock.assignment.workerId === filter.workerId) &&
        inArea(filter.area, clock)
      );
    });
  }

  private process(workflowId: string): Process {
    const p = this.processes.get(workflowId);
    if (!p) throw new ClockError('not-found', `no process ${workflowId}`);
    return p;
  }

  async read(workflowId: string): Promise<ClockRead> {
    return { ...this.view(workflowId, this.process(workflowId)), source: 'query' };
  }

  async list(filter: ListFilter): Promise<ListedClock[]> {
    const out: ListedClock[] = [];
    for (const [workflowId, p] of this.matching(filter)) {
      const { view, ended } = this.look(workflowId, p);
      const overdueSteps = ended
        ? []
        : [...new Set(view.steps.filter((s) => s.status === 'overdue').map((s) => s.key))];
      if (filter.openOnly && ended) continue;
      if (filter.overdue !== undefined && filter.overdue !== overdueSteps.length > 0) continue;
      out.push({
        workflowId,
        type: view.type,
        caseId: view.caseId,
        ...(p.input.familyId ? { familyId: p.input.familyId } : {}),
        episode: view.episode,
        localAuthority: view.localAuthority,
        ...(view.team ? { team: view.team } : {}),
        ...(view.assignment.workerId ? { workerId: view.assignment.workerId } : {}),
        status: ended ? view.status : 'open',
        ...(view.nextDue && !ended ? { nextDue: view.nextDue } : {}),
        overdueSteps,
        startedAt: new Date(p.startedAt).toISOString(),
        ...(view.finished ? { finished: view.finished } : {}),
        ...(view.closed ? { closed: view.closed } : {}),
        ...(view.steppedUpFrom ? { steppedUpFrom: view.steppedUpFrom } : {}),
        runs: view.run,
      });
    }
    return out.sort(
      (a, b) =>
        a.caseId.localeCompare(b.caseId) ||
        a.startedAt.localeCompare(b.startedAt) ||
        a.workflowId.localeCompare(b.workflowId),
    );
  }

  async views(filter: ViewFilter): Promise<ClockView[]> {
    // dueWithin only narrows what Temporal reads; the inbox decides exactly, so every open clock is given.
    return this.matching(filter)
      .map(([id, p]) => this.look(id, p))
      .filter((l) => !filter.openOnly || !l.ended)
      .map((l) => l.view);
  }

  /** The Update's validator, as the workflow's: an event already applied (its id) passes if the body is the same. */
  private check(p: Process, event: ClockEvent): Rejection | undefined {
    return event.eventId && p.state.recentEventIds.includes(event.eventId)
      ? repeatedEvent(p.state, event)
      : checkEvent(p.input, p.state, event, this.now());
  }

  async sendEvent(workflowId: string, event: ClockEvent): Promise<ClockView> {
    const p = this.process(workflowId);
    if (this.ended(workflowId, p)) throw new ClockError('closed', `${workflowId} is closed: it accepts no more events`);
    const rejection = this.check(p, event);
    // The workflow's refusal is an ApplicationFailure whose message is `field: message` (workflows/runClock.ts refuse).
    if (rejection) throw new ClockError('rejected', `${rejection.field}: ${rejection.message}`, rejection);
    if (!(event.eventId && p.state.recentEventIds.includes(event.eventId)))
      applyEvent(p.input, p.state, event, this.now());
    return this.view(workflowId, p);
  }

  async checkFamilyEvent(input: FamilyEventInput) {
    return input.siblings.map((sib) => {
      const event = siblingEvent(input, sib);
      const rejection = this.check(this.process(sib.workflowId), event);
      return { event, ...(rejection ? { rejection } : {}) };
    });
  }

  async eventSender(workflowId: string, eventId: string): Promise<string | undefined> {
    return this.processes.get(workflowId)?.state.eventSenders?.[eventId];
  }

  async migrateRules(
    workflowId: string,
    m: { localAuthority: string; type: string; reason: string; by: string },
  ): Promise<ClockView> {
    const p = this.process(workflowId);
    if (this.ended(workflowId, p)) throw new ClockError('closed', `${workflowId} is closed: it accepts no more events`);
    const migration = {
      rules: this.checks.currentRules(m.localAuthority, m.type),
      calendar: this.checks.currentCalendar(m.localAuthority),
      reason: m.reason,
      by: m.by,
    };
    const rejection = checkMigration(p.input, p.state, migration, this.now());
    if (rejection) throw new ClockError('rejected', `${rejection.field}: ${rejection.message}`, rejection);
    applyMigration(p.input, p.state, migration, this.now());
    return this.view(workflowId, p);
  }

  async familyEvent(workflowId: string): Promise<{ siblings: FamilySibling[]; input?: FamilyEventInput } | undefined> {
    const recorded = this.familyEvents.get(workflowId);
    return (
      recorded && { siblings: recorded.input.siblings.map(({ overrides: _o, ...sib }) => sib), input: recorded.input }
    );
  }

  /** Applied to each sibling at once, as the familyEvent workflow applies it, one after another. */
  async startFamilyEvent(workflowId: string, input: FamilyEventInput): Promise<void> {
    if (this.familyEvents.has(workflowId)) return;
    const results: FamilyEventResult['results'] = [];
    for (const sib of input.siblings) {
      try {
        await this.sendEvent(sib.workflowId, siblingEvent(input, sib));
        results.push({ caseId: sib.caseId, workflowId: sib.workflowId, status: 'applied' });
      } catch (err) {
        if (!(err instanceof ClockError)) throw err;
        results.push({
          caseId: sib.caseId,
          workflowId: sib.workflowId,
          status: 'refused',
          field: err.rejection?.field,
          message: err.message,
        });
      }
    }
    this.familyEvents.set(workflowId, { input, result: { familyId: input.familyId, eventId: input.eventId, results } });
  }

  async familyEventResult(workflowId: string): Promise<FamilyEventResult | undefined> {
    return this.familyEvents.get(workflowId)?.result;
  }
}
