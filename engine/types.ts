/**
 * The data a clock workflow runs on. Input is what it was started with (rules and calendar as data);
 * state is facts only (anchors, completions, extensions, assignment, notifications decided); every due
 * date is derived from them by schedule.ts. Plain types: workflows and the API share them.
 */
import type { CalendarData } from './calendar/workingDays';
import type { ResolvedProcessRules } from './profile/resolved';
import type { Role, Source, Tier } from './profile/schema';

export interface Assignment {
  workerId?: string;
  team?: string;
}

export interface ClockInput {
  processType: string;
  caseId: string;
  episode: string;
  localAuthority: string;
  familyId?: string;
  /** anchor key -> ISO date or datetime with offset, as the caller gave it */
  anchors: Record<string, string>;
  /** The kind of an anchor that carries one (placement-start: the placement type). */
  anchorKinds?: Record<string, string>;
  assignment: Assignment;
  rules: ResolvedProcessRules;
  calendar: CalendarData;
  correlationId?: string;
  /** Opaque business reference of whoever started it (e.g. the referral's id), never personal data. */
  startedBy?: string;
  /** The process this one stepped up from (a CIN plan during an S47): closed if a CP plan supersedes it. */
  steppedUpFrom?: string;
  /** The compact state carried across continue-as-new (years-long plans); absent on the first run. */
  carried?: ClockState;
  /** The recorded decision to consider a process started outside its time limit (a complaint over a year late). */
  lateAccepted?: { reason: string; by?: string };
  /**
   * Steps already done before the process started here (an open case moved in from another system), in the
   * order they happened: applied as events at the first instant, so on-time history raises no alarm.
   */
  completed?: PriorCompletion[];
}

/** A step done before the process started here, as a step-completed event carries it. */
export interface PriorCompletion {
  step: string;
  occurredAt: string;
  outcome?: string;
  seen?: boolean;
  seenAlone?: boolean;
}

export interface Completion {
  occurrence: number;
  occurredAt: string;
  recordedAt: string;
  outcome?: string;
  seen?: boolean;
  seenAlone?: boolean;
  by?: string;
  /** The date this occurrence was due, kept so the record reads the same after continue-as-new. */
  dueDate?: string;
  late?: boolean;
}

/** A visit at which the child was not seen: recorded and escalated, but it does not restart the cadence. */
export interface NoAccessVisit {
  occurrence: number;
  occurredAt: string;
  recordedAt: string;
  note?: string;
  by?: string;
}

/** A per-child interval for a recurring step (set by the plan, the conference or a manager). */
export interface IntervalSetting {
  every: { value: number; unit: 'working-days' | 'calendar-days' | 'weeks' | 'months' };
  reason: string;
  agreedBy?: string;
  by?: string;
  recordedAt: string;
}

export interface Extension {
  occurrence?: number;
  until: string; // LocalDate
  reason: string;
  by?: string;
  /** The role that sent it (checked against the profile's approver role). */
  byRole?: string;
  recordedAt: string;
  statutory: boolean;
  /** The date it replaced (the due date, or the previous extension's). */
  from?: string;
  agreedWithComplainant?: boolean;
  /** When it was agreed, where that was not when it was recorded (a complaint entered after the event). */
  agreedAt?: string;
}

/** A ladder tier, the alert a no-access visit raises, or an alarm (no clock runs where one should). */
export type NoticeTier = Tier | 'no-access' | 'alarm';

/**
 * Why a child could drop between processes, each raised at once to a named person (engine/decide/alarms.ts):
 * the next process could not be started, nothing is counting because a fact never came, or an event sent
 * for the child (with the family's) was refused after it had been accepted.
 */
export type AlarmKind = 'handover-refused' | 'stalled' | 'event-refused';

export interface Alarm {
  /** Unique within the process: `<kind>-<n>`. */
  key: string;
  kind: AlarmKind;
  raisedAt: string;
  /** The problem, in words a manager acts on. */
  what: string;
  /** What to record to clear it. */
  action: string;
  /** The field of the input or event at fault, where there is one. */
  field?: string;
  /** An event-refused alarm clears when an event for this step or anchor is accepted. */
  clearsWith?: { step?: string; anchor?: string };
  clearedAt?: string;
  /** How it cleared: the fact recorded, the process started, or the close that ended it. */
  cleared?: string;
}

/** A hand-over that was refused: what it asked for, kept so recording the missing fact can retry it. */
export interface PendingHandover {
  type: string;
  anchors: Record<string, string>;
  anchorKinds?: Record<string, string>;
  /** The outcome or milestone that called for it (`referral-decision: strategy-discussion`). */
  why: string;
  means: string;
  error: string;
  /** Set by a `hand-over` event: retry at the next pass. */
  retry?: boolean;
  attempts: number;
}

export interface NotificationRecord {
  key: string;
  step: string;
  occurrence: number;
  tier: NoticeTier;
  role: Role;
  cc?: Role[];
  /** The instant the ladder said this tier fires (workflow time), ISO. */
  firesAt: string;
  decidedAt: string;
  deliveredAt?: string;
  recipients?: string[];
  /**
   * A tier that passed before the fact making it due was recorded (a case moved in three weeks overdue):
   * not sent on its own; the tier named here carried it, copying its role.
   */
  caughtUpIn?: NoticeTier;
}

export interface HistoryEntry {
  at: string;
  what: string;
  by?: string;
  /** What a person typed into `what` (a reason, a birth date), withheld from the memo (memo.ts); not in views. */
  withheld?: string[];
}

export interface ClockState {
  /** The latest value of each anchor. */
  anchors: Record<string, string>;
  /** Every value an anchor has had, in the order recorded (a strategy discussion held again). */
  anchorLog: Record<string, string[]>;
  /** The kind recorded with each value of an anchor that carries one (each placement's type). */
  anchorKinds: Record<string, { at: string; kind: string }[]>;
  /** Milestones reached (birthdays, eligibility as a care leaver): key -> what happened, when. */
  reached: Record<string, { date: string; at: string; what: string }>;
  /** Per step, its completed occurrences in order (older ones of recurring steps pruned at continue-as-new). */
  completions: Record<string, Completion[]>;
  noAccess: Record<string, NoAccessVisit[]>;
  intervals: Record<string, IntervalSetting>;
  extensions: Record<string, Extension[]>;
  assignment: Assignment;
  notifications: NotificationRecord[];
  closed?: { reason: string; at: string; by?: string };
  /** The process ended by an outcome (plan ended, stepped down, no further action); open steps lapse. */
  finished?: { reason: string; at: string; step: string; outcome: string };
  /** What happened and why, in order: the explanation an inspector reads. Bounded (see MAX_HISTORY). */
  history: HistoryEntry[];
  handedOver?: { to: string; at: string; error?: string };
  /** A refused hand-over waiting for its missing fact (cleared when the next process starts). */
  pendingHandover?: PendingHandover;
  /** Alarms raised, open and cleared (absent in runs carried from before alarms existed). */
  alarms?: Alarm[];
  /** The stepped-up-from process this one closed (a CP plan superseding the CIN plan). */
  superseded?: { workflowId: string; at: string };
  /** Event ids already applied, carried across continue-as-new where the server's own dedupe ends. */
  recentEventIds: string[];
  /** The body each recent event id stood for (sameEvent.ts), so a reused id with another body is refused, not dropped. */
  eventBodies?: Record<string, string>;
  /** Who sent each recent event id (its `by`), so the API can answer a sender's retry of their own event. */
  eventSenders?: Record<string, string>;
  /** How many runs this process has had (continue-as-new count + 1). */
  run: number;
  /** Audited moves onto new rules or a new calendar (engine/migrate.ts). */
  migrations?: MigrationRecord[];
}

/**
 * `awaiting-complainant`: a complainant's window is open (their time, not the LA's duty); `lapsed`: it
 * ended with no request recorded.
 */
export type StepStatus =
  | 'pending'
  | 'completed'
  | 'overdue'
  | 'extended'
  | 'cancelled'
  | 'awaiting-anchor'
  | 'awaiting-complainant'
  | 'lapsed';

/** One timing a step's date was counted on, where it has more than one (the earliest applies). */
export interface TimingView {
  countedFrom: string;
  anchorAt: string;
  value: number;
  unit: string;
  dueDate: string;
  /** statutory: the national rule running beside a later LA rule, or a national step's own rule. */
  kind: 'statutory' | 'local';
  applies: boolean;
  source: Source;
}

export interface StepView {
  key: string;
  occurrence: number;
  title: string;
  status: StepStatus;
  anchor: string;
  anchorAt?: string;
  /** Statutory (or local target) due date, YYYY-MM-DD, Europe/London. */
  dueDate?: string;
  /** The last instant the step is on time, ISO with London offset. */
  dueAt?: string;
  planBy?: string;
  /** The due date or planBy counted working days over bank holidays projected by rule, not yet official. */
  provisional?: true;
  /** An agreed revised target that moves reminders and escalations (not the statutory date). */
  revisedTarget?: string;
  /** Every extension of this occurrence, in order: the date it moved from and to, why, who and when. */
  extensions?: Extension[];
  /** A complainant's window: the last day a request is recorded as in time, and when the process closes without one. */
  window?: { closedBy: string; lastDay: string; closesAfter: string };
  completedAt?: string;
  outcome?: string;
  late?: boolean;
  /** Each tier decided for this occurrence; one caught up in a higher tier (never sent on its own) says which. */
  escalations: {
    tier: NoticeTier;
    role: Role;
    at: string;
    deliveredAt?: string;
    recipients?: string[];
    caughtUpIn?: NoticeTier;
  }[];
  /** Visits at which the child was not seen, for this occurrence. */
  noAccess?: { occurredAt: string; note?: string }[];
  /** The per-child interval in force for a recurring step, when one was set. */
  interval?: IntervalSetting;
  /** Which timing governs, when a step has more than one (e.g. a transfer-in notification). */
  countedFrom?: string;
  rule: {
    value: number;
    unit: string;
    anchor: string;
    kind: 'statutory' | 'local';
    source: ResolvedProcessRules['steps'][number]['source'];
    definedBy: string;
    looserThanNational?: string;
    note?: string;
  };
  /** The due date in words: count, skipped days, rule and source. */
  explanation?: string;
  /** Every timing that counted, when more than one did (a national rule beside a later LA rule). */
  timings?: TimingView[];
  problem?: string;
}

export interface NotificationRequest {
  key: string;
  workflowId: string;
  processType: string;
  caseId: string;
  localAuthority: string;
  step: string;
  stepTitle: string;
  occurrence: number;
  tier: NoticeTier;
  role: Role;
  cc?: Role[];
  assignment: Assignment;
  dueDate?: string;
  dueAt?: string;
  firesAt: string;
  /** Workflow time when the ladder decided it: equals firesAt unless the case was back-dated. */
  decidedAt: string;
  explanation?: string;
  correlationId?: string;
  /** Set for an alarm's notifications: what went wrong and what clears it. */
  alarm?: Pick<Alarm, 'key' | 'kind' | 'what' | 'action' | 'raisedAt'>;
}

export interface NotificationResult {
  recipients: string[];
  deliveredAt: string;
  channels: string[];
  duplicate: boolean;
}

export interface ClockView {
  workflowId: string;
  type: string;
  caseId: string;
  episode: string;
  localAuthority: string;
  team?: string;
  status: 'open' | 'completed' | 'closed';
  run: number;
  finished?: ClockState['finished'];
  steppedUpFrom?: string;
  assignment: Assignment;
  anchors: Record<string, string>;
  rulesVersion: string;
  calendarVersion: string;
  steps: StepView[];
  nextDue?: { step: string; occurrence: number; dueDate: string; dueAt: string };
  /** Whether the process started within its time limit, and the decision that accepted it if not. */
  timeLimit?: {
    anchor: string;
    limitDate: string;
    late: boolean;
    acceptedLate?: ClockInput['lateAccepted'];
    source: string;
  };
  closed?: ClockState['closed'];
  handedOver?: ClockState['handedOver'];
  /** A refused hand-over waiting for its missing fact. */
  pendingHandover?: Omit<PendingHandover, 'retry'>;
  /** Open alarms, then the last few cleared, each with who was told. */
  alarms?: AlarmView[];
  migrations?: MigrationRecord[];
  /** Dates the case's facts give (birthdays, eligibility as a care leaver), with the rule in words. */
  milestones?: MilestoneView[];
  history: HistoryEntry[];
}

export interface MilestoneView {
  key: string;
  date: string;
  /** The date and the rule that gives it, citing the law, e.g. "16th birthday: Wed 1 Mar 2028 (born 29 Feb 2012; ...)". */
  rule: string;
  /** What it does to the process. */
  means?: string;
  /** A birthday, so the child's date of birth in another year: withheld wherever birth dates are (memo.ts). */
  birthday: boolean;
  /** When the process decided it (00:00 London on its date, or when the facts arrived later). */
  reachedAt?: string;
}

export interface AlarmView extends Alarm {
  status: 'open' | 'cleared';
  escalations: StepView['escalations'];
}

/** A running process moved onto new rules or a new calendar, by whom and why, and what it moved. */
export interface MigrationRecord {
  at: string;
  by?: string;
  reason: string;
  from: string;
  to: string;
  /** The open steps whose due date moved, in words. */
  changes: string[];
}
