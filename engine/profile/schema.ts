/**
 * The shape of an LA profile: timescales as data, each with its source. Validated with zod when the
 * worker and API start; a bad profile stops them with a message naming the rule (see profiles/load.ts).
 */
import { z } from 'zod';
import { UNITS } from '../calendar/due';

export const NOTIFICATION_ROLES = [
  'assigned-worker',
  'team-manager',
  'service-manager',
  'head-of-service',
  'duty-manager',
  'cp-chair',
  'iro',
  'complaints-manager',
  'practice-supervisor',
  'safeguarding-manager',
] as const;
export const RoleSchema = z.enum(NOTIFICATION_ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const TIERS = ['reminder', 'overdue', 'escalated', 'critical'] as const;
export const TierSchema = z.enum(TIERS);
export type Tier = z.infer<typeof TierSchema>;

/**
 * Where a rule comes from. A seed citation is checked by the test suite: the quote must appear on the
 * cited lines of the vendored copy in profiles/seeds. A regulation or guidance citation names the instrument.
 */
export const SourceSchema = z.union([
  z.object({
    kind: z.literal('seed'),
    document: z.string().min(1).describe('the practice standards, by title'),
    file: z.string().regex(/^seeds\/\d{3}_[0-9a-f]{16}\.txt$/, 'a seed file as seeds/NNN_<hash>.txt'),
    lines: z.tuple([z.number().int().positive(), z.number().int().positive()]).or(z.number().int().positive()),
    quote: z.string().min(10),
  }),
  z.object({
    kind: z.enum(['regulation', 'guidance', 'product']),
    citation: z.string().min(5),
    quote: z.string().optional(),
  }),
]);
export type Source = z.infer<typeof SourceSchema>;

export const DurationSchema = z.object({
  value: z.number().int().nonnegative(),
  unit: z.enum(UNITS),
});

export const LadderTierSchema = z.object({
  tier: TierSchema,
  role: RoleSchema,
  /**
   * Working days relative to the due date at which the tier fires, at the profile's notification hour:
   * negative before it (reminder), 1 = the first working day after it (overdue). For hour rules the
   * `overdue` tier fires at the exact late instant, whatever the day, to `hourBreachRole`.
   */
  workingDaysFromDue: z.number().int().min(-20).max(60),
  /** Roles told as well, as the standards name them (e.g. the conference chair when an ICPC is late). */
  cc: z.array(RoleSchema).optional(),
});
export type LadderTier = z.infer<typeof LadderTierSchema>;

const tierOrder = (ladder: LadderTier[]) =>
  ladder.every(
    (t, i) =>
      i === 0 ||
      (TIERS.indexOf(t.tier) > TIERS.indexOf(ladder[i - 1].tier) &&
        t.workingDaysFromDue > ladder[i - 1].workingDaysFromDue),
  );

export const LadderSchema = z
  .array(LadderTierSchema)
  .min(1)
  .refine(
    tierOrder,
    'tiers must be in the order reminder, overdue, escalated, critical, each firing later than the one before',
  )
  .refine(
    (l) => l.every((t) => (t.tier === 'reminder') === t.workingDaysFromDue < 1),
    'a reminder fires before the due date (negative days); every other tier after it (1 or more)',
  );

export const ExtensionSchema = z.object({
  /** The furthest the step may be moved, counted from the rule's own anchor. */
  max: DurationSchema,
  /**
   * true: a statutory extension (complaints) that moves the due date itself. false: an agreed revised
   * target that moves reminders and escalations but not the statutory due date (reports count it late).
   */
  statutory: z.boolean(),
  approverRole: RoleSchema.optional(),
  /** The extension must be agreed with the complainant (the event says so: agreedWithComplainant). */
  complainantAgreement: z.boolean().optional(),
  source: SourceSchema,
});

/**
 * The complainant's time, not the LA's duty (20 working days to ask for the next stage of a complaint):
 * the recording of `closedBy` dated within it completes it; nobody is escalated; if nothing is recorded,
 * the process ends once `recordingGrace` has passed after its last day (a request made on the last day
 * is often recorded the next morning).
 */
export const WindowSchema = z.object({
  closedBy: z.string().min(1),
  recordingGrace: DurationSchema,
  graceSource: SourceSchema,
});

/** A due duration; `before: true` counts back from the anchor (a pre-birth conference before 28 weeks' gestation). */
export const DueSchema = DurationSchema.extend({ before: z.boolean().optional() });

/** Another way the same step can fall due; the step is due on the earliest timing whose anchor is recorded. */
export const TimingSchema = z.object({
  anchor: z.string().min(1),
  due: DueSchema,
  source: SourceSchema,
  note: z.string().optional(),
  /**
   * Brings any occurrence forward, not only the first: a value recorded after the previous occurrence
   * (a significant change before the next review, a visit the child asked for) also makes it due.
   */
  anyOccurrence: z.boolean().optional(),
});

/**
 * A fact about the case on the date an occurrence is counted from (the previous visit, or the anchor).
 * Every part given must hold. Conditions read recorded facts only, so due dates stay a pure function.
 */
export const ConditionSchema = z
  .object({
    /** Counted from the rule's anchor (a first occurrence, or a restart), or from the previous occurrence. */
    from: z.enum(['anchor', 'previous']).optional(),
    /** The occurrence being counted, e.g. {min: 2, max: 2}: the second review. */
    occurrence: z
      .object({ min: z.number().int().positive().optional(), max: z.number().int().positive().optional() })
      .optional(),
    /** The kind recorded with the anchor's value then in force (the placement type of the current placement). */
    kindOf: z.object({ anchor: z.string().min(1), in: z.array(z.string().min(1)).min(1) }).optional(),
    /** The anchor was recorded by then, and not before the latest value of `since` (permanence agreed for this placement). */
    recorded: z.object({ anchor: z.string().min(1), since: z.string().min(1).optional() }).optional(),
    /** Less than this many years after the anchor's value then in force (first year of a placement; under 5). */
    within: z.object({ anchor: z.string().min(1), years: z.number().int().positive() }).optional(),
    /** The step's first occurrence had (or had not) happened by then (weekly visits until the first review). */
    stepDone: z.string().min(1).optional(),
    stepNotDone: z.string().min(1).optional(),
  })
  .strict();
export type Condition = z.infer<typeof ConditionSchema>;

/** A different timescale where a condition holds (reg 28's visit variants); the first that holds wins. */
export const VariantSchema = z.object({
  when: ConditionSchema,
  due: DurationSchema,
  source: SourceSchema,
  note: z.string().optional(),
});

/**
 * How to choose among repeated values of an anchor (a strategy discussion held again): the latest, the
 * earliest, or the latest on or before another anchor (the discussion at which the S47 was started).
 */
export const AnchorPickSchema = z.union([
  z.enum(['latest', 'earliest']),
  z.object({ latestOnOrBefore: z.string().min(1) }),
]);

export const RepeatSchema = z.object({
  /** Occurrence 2, 3... fall due this long after the date the previous one actually happened (docs/design.md, Time). */
  every: DurationSchema,
  /**
   * A new value of the rule's anchor (a placement move) restarts the cadence: the next occurrence counts
   * from it with the rule's first timescale, not from the previous occurrence.
   */
  restart: z.boolean().optional(),
  source: SourceSchema.optional(),
  note: z.string().optional(),
  /**
   * The interval may be set per child (by the plan, the conference or a manager). Tighter is always
   * allowed; looser only up to `loosest`, and only by `approverRole` where given.
   */
  adjustable: z
    .object({
      loosest: DurationSchema.optional(),
      /** The standards leave the interval wholly to the approver (a conference sets the visiting pattern): no limit. */
      anyInterval: z.boolean().optional(),
      approverRole: RoleSchema.optional(),
      source: SourceSchema,
    })
    .optional(),
});

export const StepRuleSchema = z.object({
  title: z.string().min(3),
  /** An anchor of the process, or another step's key (counted from the date that step happened). */
  anchor: z.string().min(1),
  anchorPick: AnchorPickSchema.optional(),
  due: DueSchema,
  also: z.array(TimingSchema).optional(),
  repeat: RepeatSchema.optional(),
  /** Other timescales where the case's facts say so (placement type, age, first year); the first that holds wins. */
  variants: z.array(VariantSchema).optional(),
  /**
   * The step applies only when it falls due after this anchor's date: a referral to the leaving-care team
   * due a month before 16 does not apply to a child who came into care at 16 and a half.
   */
  appliesIfDueAfter: z.string().min(1).optional(),
  /** Due once for every value of its anchor (a placement plan for each placement), not on a cadence. */
  perAnchor: z.boolean().optional(),
  /** A visit: completes only when the child was seen; a no-access visit is recorded and escalated. */
  visit: z.boolean().optional(),
  /** Steps that must have happened first (when they apply to this case, i.e. their anchor is recorded). */
  requires: z.array(z.string()).optional(),
  /** statutory: national rules (never moved by LA closure days); local: an LA's tighter target. */
  kind: z.enum(['statutory', 'local']),
  meeting: z.boolean().optional(),
  source: SourceSchema,
  extension: ExtensionSchema.optional(),
  window: WindowSchema.optional(),
  ladder: LadderSchema.optional(),
  /** Completion may be recorded before the anchor (e.g. a placement plan made before the placement). */
  completableBeforeAnchor: z.boolean().optional(),
  /** Extra notes an inspector should read next to the date (ambiguities, contradictions resolved). */
  note: z.string().optional(),
});
export type StepRuleInput = z.input<typeof StepRuleSchema>;
export type StepRule = z.infer<typeof StepRuleSchema>;

/**
 * A time limit for starting the process (a complaint made more than a year after the matter, reg 9):
 * `of` later than `within` after `anchor` needs a recorded decision to accept it late.
 */
export const TimeLimitSchema = z.object({
  anchor: z.string().min(1),
  of: z.string().min(1),
  within: DurationSchema,
  source: SourceSchema,
  note: z.string().optional(),
});
export type TimeLimit = z.infer<typeof TimeLimitSchema>;

/** What an LA file holds: everything optional but its id, so it overrides only what its standards change. */
export const ProfileFileSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(3),
  inherits: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  notificationHour: z.number().int().min(0).max(23).optional(),
  anchorOnNonWorkingDay: z.enum(['count-from-anchor', 'next-working-day']).optional(),
  hourBreachRole: RoleSchema.optional(),
  closureDays: z.array(z.object({ date: z.iso.date(), reason: z.string().min(3) })).optional(),
  ladder: LadderSchema.optional(),
  /**
   * Alarms (a refused hand-over, a process with nothing counting) go at once to the role the ladder's
   * overdue tier names; these roles are copied too (the duty manager, where the LA has one).
   */
  alarm: z.object({ cc: z.array(RoleSchema).min(1), source: SourceSchema }).optional(),
  processes: z
    .record(
      z.string(),
      z.object({
        anchors: z.array(z.string().min(1)).optional(),
        timeLimit: TimeLimitSchema.optional(),
        /** The ladder for every step of this process that sets none (complaints escalate to the complaints manager). */
        ladder: LadderSchema.optional(),
        steps: z
          .record(z.string().regex(/^[a-z0-9-]+$/, 'step keys are kebab-case'), StepRuleSchema.partial())
          .optional(),
      }),
    )
    .default({}),
});
export type ProfileFile = z.infer<typeof ProfileFileSchema>;

export { PROCESS_TYPES, ProcessTypeSchema, type ProcessType } from '../catalogue';
