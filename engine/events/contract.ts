/**
 * The events a case-management system sends to a running process: the one zod source of their API
 * type. Workflows `import type` these; the API parses with them; the workflow's Update validator then
 * checks what only the workflow knows (which steps are open, the anchors, the rule's maximum). Strict:
 * an unknown field is refused, naming it, never silently dropped.
 */
import { z } from 'zod';
import { isValidLocalDate } from '../calendar/localDate';
import { RoleSchema } from '../profile/schema';

/**
 * A date, and a date with a time of day (00:00 to 23:59:59) and offset, as patterns that admit only
 * possible months, days, hours and offsets: /openapi.json carries them, so clients (and fuzzers) see the
 * format. The refinement then refuses the days no pattern can (30 February).
 */
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MOMENT =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d))?$/;
const MOMENT_MESSAGE = 'must be a real date (YYYY-MM-DD) or a datetime with an offset (YYYY-MM-DDTHH:MM:SS+01:00)';

/** A date (that day in Europe/London) or a datetime with an explicit offset; impossible dates and times are refused. */
export const MomentSchema = z
  .string()
  .regex(MOMENT, { message: MOMENT_MESSAGE, abort: true })
  .refine((v) => isValidLocalDate(v.slice(0, 10)), { message: MOMENT_MESSAGE })
  .describe('date (YYYY-MM-DD, Europe/London) or datetime with offset');

export const LocalDateSchema = z
  .string()
  .regex(DAY, { message: 'must be a real date, YYYY-MM-DD', abort: true })
  .refine((v) => isValidLocalDate(v), { message: 'must be a real date, YYYY-MM-DD' });

export const OpaqueIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash and underscore only (no names or personal data)');

const eventId = OpaqueIdSchema.optional().describe('your id for this event; a retry with the same id is applied once');

export const StepCompletedEventSchema = z.strictObject({
  type: z.literal('step-completed'),
  eventId,
  step: z.string().min(1),
  occurredAt: MomentSchema,
  outcome: z.string().min(1).max(64).optional(),
  seen: z.boolean().optional().describe('visits: whether the child was seen; false records a no-access visit'),
  seenAlone: z.boolean().optional(),
  immediateConcern: z
    .boolean()
    .optional()
    .describe(
      'a decision for a strategy discussion: the concerns are immediate, so LA rules for immediate concerns count (in hours) from this decision; needs its time',
    ),
});

export const ExtendEventSchema = z.strictObject({
  type: z.literal('extend'),
  eventId,
  step: z.string().min(1),
  reason: z.string().trim().min(3, 'a reason is required for an extension'),
  until: LocalDateSchema.optional().describe("new date; without it, the rule's maximum"),
  agreedWithComplainant: z
    .boolean()
    .optional()
    .describe('complaints: the extension was agreed with the complainant (required where the profile says so)'),
  agreedAt: MomentSchema.optional().describe(
    'when the extension was agreed (default now); a statutory extension must be agreed by the due date it moves',
  ),
});

export const ReassignFields = z.strictObject({
  type: z.literal('reassign'),
  eventId,
  workerId: OpaqueIdSchema.optional(),
  team: OpaqueIdSchema.optional(),
  reason: z.string().max(500).optional(),
});

export const ReassignEventSchema = ReassignFields.refine((e) => e.workerId !== undefined || e.team !== undefined, {
  message: 'give workerId, team or both',
  path: ['workerId'],
});

export const AnchorEventSchema = z.strictObject({
  type: z.literal('anchor'),
  eventId,
  anchor: z.string().min(1),
  at: MomentSchema,
  kind: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe("for an anchor that carries one: placement-start's placement type (see /openapi.json)"),
});

export const SetIntervalEventSchema = z.strictObject({
  type: z.literal('set-interval'),
  eventId,
  step: z.string().min(1),
  every: z.strictObject({
    value: z.number().int().min(1).max(366),
    unit: z.enum(['working-days', 'calendar-days', 'weeks', 'months']),
  }),
  reason: z.string().trim().min(3, 'a reason is required to set a visiting or meeting interval'),
  agreedBy: RoleSchema.optional().describe(
    'the role that agreed the interval (the conference chair, the team manager)',
  ),
});

export const CloseEventSchema = z.strictObject({
  type: z.literal('close'),
  eventId,
  reason: z.string().trim().min(3, 'a reason is required to close a process'),
});

export const WithdrawEventSchema = z.strictObject({
  type: z.literal('withdraw'),
  eventId,
  occurredAt: MomentSchema.describe('when the complainant withdrew'),
  reason: z.string().trim().min(3, 'a reason is required to record a withdrawal').max(500),
});

const AnchorKeySchema = z.string().regex(/^[a-z0-9-]+$/, 'an anchor key: lower-case letters, digits and dashes');

export const HandOverEventSchema = z.strictObject({
  type: z.literal('hand-over'),
  eventId,
  anchors: z
    .record(AnchorKeySchema, MomentSchema)
    .optional()
    .describe(
      'the facts the refused hand-over lacked, as anchors of the process it starts (e.g. {"allocation": "2026-11-03T09:30:00Z"})',
    ),
  anchorKinds: z.record(AnchorKeySchema, z.string().min(1).max(64)).optional(),
});

export const ResolveAlarmEventSchema = z.strictObject({
  type: z.literal('resolve-alarm'),
  eventId,
  alarm: z
    .string()
    .min(1)
    .max(64)
    .describe('the key of an open alarm (alarms[].key in the clock), e.g. event-refused-1'),
  reason: z
    .string()
    .trim()
    .min(3, 'a reason is required to resolve an alarm')
    .max(500)
    .describe('what was done about it, e.g. recorded on the other process by hand'),
});

export const ProcessEventSchema = z.discriminatedUnion('type', [
  StepCompletedEventSchema,
  ExtendEventSchema,
  ReassignEventSchema,
  AnchorEventSchema,
  SetIntervalEventSchema,
  CloseEventSchema,
  WithdrawEventSchema,
  HandOverEventSchema,
  ResolveAlarmEventSchema,
]);
export type ProcessEvent = z.infer<typeof ProcessEventSchema>;

/** What the workflow receives: the event plus who sent it (from the API's authentication, never the body). */
export type ClockEvent = ProcessEvent & { by?: string; byRole?: string };
