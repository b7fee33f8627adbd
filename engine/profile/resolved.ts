/**
 * The rules one process runs on, after inheritance: plain data handed to the workflow in its input and
 * carried across continue-as-new. Workflows import these types only (never zod or the profile files),
 * so editing a profile changes new processes, not running ones (docs/design.md, Versions).
 */
import type { Unit } from '../calendar/due';
import type { Condition, LadderTier, Role, Source } from './schema';

export interface ResolvedDue {
  value: number;
  unit: Unit;
  before?: boolean;
}

export interface ResolvedTiming {
  anchor: string;
  due: ResolvedDue;
  source: Source;
  note?: string;
  anyOccurrence?: boolean;
  /**
   * The national rule, running beside an LA rule that would give a later date: whichever falls first
   * applies, and it counts as statute does, without LA closure days (docs/design.md, Time).
   */
  national?: boolean;
}

export interface ResolvedVariant {
  when: Condition;
  due: { value: number; unit: Unit };
  source: Source;
  note?: string;
}

export type AnchorPick = 'latest' | 'earliest' | { latestOnOrBefore: string };

export interface ResolvedRepeat {
  every: { value: number; unit: Unit };
  restart?: boolean;
  source?: Source;
  note?: string;
  adjustable?: { loosest?: { value: number; unit: Unit }; anyInterval?: boolean; approverRole?: Role; source: Source };
}

export interface ResolvedStepRule {
  key: string;
  title: string;
  anchor: string;
  anchorPick?: AnchorPick;
  due: ResolvedDue;
  also?: ResolvedTiming[];
  repeat?: ResolvedRepeat;
  variants?: ResolvedVariant[];
  perAnchor?: boolean;
  appliesIfDueAfter?: string;
  visit: boolean;
  requires?: string[];
  kind: 'statutory' | 'local';
  meeting: boolean;
  source: Source;
  extension?: {
    max: { value: number; unit: Unit };
    statutory: boolean;
    approverRole?: Role;
    complainantAgreement?: boolean;
    source: Source;
  };
  /** The complainant's window to ask for the next stage (never escalated; lapsing ends the process). */
  window?: { closedBy: string; recordingGrace: { value: number; unit: Unit }; graceSource: Source };
  ladder: LadderTier[];
  completableBeforeAnchor: boolean;
  note?: string;
  /** Set when the LA's rule gives a later date than the national one (docs/design.md, Time). */
  looserThanNational?: string;
  /** The profile that last set this rule ('england' or the LA). */
  definedBy: string;
}

export interface ResolvedProcessRules {
  processType: string;
  profileId: string;
  profileName: string;
  /** sha256 of this object without the version field: what a running process was started on. */
  version: string;
  notificationHour: number;
  anchorOnNonWorkingDay: 'count-from-anchor' | 'next-working-day';
  hourBreachRole: Role;
  anchors: string[];
  /** A limit on when the process may start without a recorded decision to accept it late (complaints, reg 9). */
  timeLimit?: { anchor: string; of: string; within: { value: number; unit: Unit }; source: Source; note?: string };
  steps: ResolvedStepRule[];
  /** Who is copied, beside the ladder's overdue role, when a child could drop between processes (alarms.ts). */
  alarm?: { cc: Role[]; source: Source };
}
