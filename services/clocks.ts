/**
 * What the API asks of the running clocks, named from the domain: start one, read it, list them, send it
 * an event. The Temporal implementation is services/temporalClocks.ts; route tests use an in-process
 * fake (test/support/fakeClocks.ts). The API depends on this interface only, so it never learns how
 * clocks are run, and its own checks (validation, roles, areas) are tested without a Temporal server.
 */
import type { ClockView } from '../engine/types';
import type { ClockEvent } from '../engine/events/contract';
import type { Rejection } from '../engine/events';
import type { Area } from '../management/area';
import type { ReferralClaim } from '../workflows/referralClaim';
import type { FamilyEventInput, FamilyEventResult, FamilySibling } from '../workflows/family';
import type { ProcessStarter, StartOptions, StartResult } from './start';
import type { StartProcess } from './contracts';

export type { ClockView, ClockEvent, Rejection, ReferralClaim, FamilyEventInput, FamilyEventResult, FamilySibling };

/** A clock as read: live, or from its memo when no worker answers or it has ended. */
export type ClockRead = ClockView & { source: 'query' | 'memo' };

/** The start path's checks, with no I/O: what intake and events dry-run (services/handoverCheck.ts). */
export type StartChecks = Pick<ProcessStarter, 'buildInput'>;

export interface ListFilter {
  caseId?: string;
  familyId?: string;
  type?: string;
  team?: string;
  localAuthority?: string;
  overdue?: boolean;
  /** Running processes only (a family event's siblings). */
  openOnly?: boolean;
  /** Keeps the list inside the caller's area (management/area.ts); undefined is every case. */
  area?: Area;
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

/** Which clock views the inbox and reports read (no per-process query: the memo of each). */
export interface ViewFilter {
  area?: Area;
  type?: string;
  team?: string;
  localAuthority?: string;
  /** Running processes only (the inbox); otherwise every run, open or closed (reports). */
  openOnly?: boolean;
  /** Only clocks with something due within this many days of `now` (a superset: the inbox decides exactly). */
  dueWithin?: { now: number; days: number };
}

/**
 * Why a clock could not be read or did not take an event. `message` is the caller's detail, whole.
 *  - not-found: no process of that id;
 *  - not-ready: started, but its first clock is not published yet;
 *  - unavailable: the process did not answer in time (no worker);
 *  - closed: the process has ended and takes no more events;
 *  - rejected: the clock refused the event (`rejection` says which field and why).
 */
export class ClockError extends Error {
  constructor(
    readonly kind: 'not-found' | 'not-ready' | 'unavailable' | 'closed' | 'rejected',
    message: string,
    readonly rejection?: Partial<Rejection>,
  ) {
    super(message);
    this.name = 'ClockError';
  }
}

export interface ClockService {
  /** The start path's own checks, for intake and events to dry-run a hand-over. */
  readonly checks: StartChecks;
  /** Starts a process, or answers with the one already there (a StartError when refused). */
  start(req: StartProcess, options?: StartOptions): Promise<StartResult>;
  /** Holds a referral id for its case: the same id for another case is a StartError naming referralId. */
  claimReferral(claim: ReferralClaim): Promise<void>;
  /** One clock (ClockError not-found / not-ready). */
  read(workflowId: string): Promise<ClockRead>;
  /** Clocks by case, family, type, team, LA or area, oldest case first. */
  list(filter: ListFilter): Promise<ListedClock[]>;
  /** The clock views the inbox and timeliness reports count. */
  views(filter: ViewFilter): Promise<ClockView[]>;
  /** Applies an event; the clock's view after it (ClockError when refused, closed, absent or unanswered). */
  sendEvent(workflowId: string, event: ClockEvent): Promise<ClockView>;
  /**
   * A family event checked on every sibling without applying it: each sibling's event as the family event
   * would send it (its overrides applied), with that clock's refusal, if any, in the order of input.siblings.
   */
  checkFamilyEvent(input: FamilyEventInput): Promise<{ event: ClockEvent; rejection?: Rejection }[]>;
  /** Who sent the event with this id, if the clock applied one (undefined when unknown or unanswered). */
  eventSender(workflowId: string, eventId: string): Promise<string | undefined>;
  /** Moves a running process onto today's rules and calendar for its LA and type, with who and why. */
  migrateRules(
    workflowId: string,
    migration: { localAuthority: string; type: string; reason: string; by: string; eventId?: string },
  ): Promise<ClockView>;
  /** A family event recorded under this id: who it was for and, where still kept, what it said. */
  familyEvent(workflowId: string): Promise<{ siblings: FamilySibling[]; input?: FamilyEventInput } | undefined>;
  /** Starts a family event (a second start of the same id, racing this one, is not an error). */
  startFamilyEvent(workflowId: string, input: FamilyEventInput): Promise<void>;
  /** What a family event did, if it finished within the wait allowed for its siblings. */
  familyEventResult(workflowId: string, siblings: number): Promise<FamilyEventResult | undefined>;
  /** Resolves when the clocks can be reached; rejects saying why not. */
  health(): Promise<void>;
}
