/**
 * The data a clock workflow runs on. Input is what it was started with (rules and calendar as data);
 * state is facts only (anchors, completions, extensions, assignment, notifications decided); every due
 * date is derived from them by schedule.ts. Plain types: workflows and the API share them.
 */
import type { CalendarData } from '../../calendar/workingDays';
import type { ResolvedProcessRules } from '../../profiles/resolved';
import type { Role, Tier } from '../../profiles/schema';

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
  assignment: Assignment;
  rules: ResolvedProcessRules;
  calendar: CalendarData;
  correlationId?: string;
  /** Opaque business reference of whoever started it (e.g. the referral's id), never personal data. */
  startedBy?: string;
}

export interface Completion {
  occurredAt: string;
  recordedAt: string;
  outcome?: string;
  seen?: boolean;
  seenAlone?: boolean;
  by?: string;
}

export interface Extension {
  until: string; // LocalDate
  reason: string;
  by?: string;
  recordedAt: string;
  statutory: boolean;
}

export interface NotificationRecord {
  key: string;
  step: string;
  occurrence: number;
  tier: Tier;
  role: Role;
  /** The instant the ladder said this tier fires (workflow time), ISO. */
  firesAt: string;
  decidedAt: string;
  deliveredAt?: string;
  recipients?: string[];
}

export interface HistoryEntry {
  at: string;
  what: string;
  by?: string;
}

export interface ClockState {
  anchors: Record<string, string>;
  completions: Record<string, Completion>;
  extensions: Record<string, Extension[]>;
  assignment: Assignment;
  notifications: NotificationRecord[];
  closed?: { reason: string; at: string; by?: string };
  /** What happened and why, in order: the explanation an inspector reads. Bounded (see MAX_HISTORY). */
  history: HistoryEntry[];
  handedOver?: { to: string; at: string };
}

export type StepStatus = 'pending' | 'completed' | 'overdue' | 'extended' | 'cancelled' | 'awaiting-anchor';

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
  /** An agreed revised target that moves reminders and escalations (not the statutory date). */
  revisedTarget?: string;
  completedAt?: string;
  outcome?: string;
  late?: boolean;
  escalations: { tier: Tier; role: Role; at: string; deliveredAt?: string; recipients?: string[] }[];
  rule: {
    value: number;
    unit: string;
    anchor: string;
    kind: 'statutory' | 'local';
    source: ResolvedProcessRules["steps"][number]["source"];
    definedBy: string;
    looserThanNational?: string;
    note?: string;
  };
  /** The due date in words: count, skipped days, rule and source. */
  explanation?: string;
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
  tier: Tier;
  role: Role;
  assignment: Assignment;
  dueDate?: string;
  dueAt?: string;
  firesAt: string;
  /** Workflow time when the ladder decided it: equals firesAt unless the case was back-dated. */
  decidedAt: string;
  explanation?: string;
  correlationId?: string;
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
  assignment: Assignment;
  anchors: Record<string, string>;
  rulesVersion: string;
  calendarVersion: string;
  steps: StepView[];
  nextDue?: { step: string; dueDate: string; dueAt: string };
  closed?: ClockState['closed'];
  handedOver?: ClockState['handedOver'];
  history: HistoryEntry[];
}
