/**
 * The API's request bodies for starting processes: the one zod source of their types.
 */
import { z } from 'zod';
import { MomentSchema, OpaqueIdSchema } from '../engine/events/contract';
import { PROCESS_TYPES } from '../engine/profile/schema';

export const AssignmentSchema = z
  .strictObject({ workerId: OpaqueIdSchema.optional(), team: OpaqueIdSchema.optional() })
  .describe('who owns the work; recipients are resolved by role from the directory at send time');

/** Request bodies are strict: an unknown (misspelt) field is refused, naming it, never dropped. */
export const StartProcessSchema = z.strictObject({
  type: z.enum(PROCESS_TYPES),
  caseId: OpaqueIdSchema.describe('the case reference in your case-management system (no names)'),
  episode: OpaqueIdSchema.optional().describe('distinguishes repeated processes of one case; default 1'),
  localAuthority: z.string().min(1).describe('an LA profile id, e.g. derbyshire'),
  anchors: z
    .record(z.string().regex(/^[a-z0-9-]+$/), MomentSchema)
    .refine((a) => Object.keys(a).length > 0, 'give at least one anchor'),
  anchorKinds: z
    .record(z.string().regex(/^[a-z0-9-]+$/), z.string().min(1).max(64))
    .optional()
    .describe("the kind of an anchor that carries one, e.g. {'placement-start': 'foster-care'}"),
  assignment: AssignmentSchema.optional(),
  familyId: OpaqueIdSchema.optional(),
  steppedUpFrom: OpaqueIdSchema.optional().describe(
    'the workflow id of the process this one stepped up from (a CIN plan); a CP plan closes it',
  ),
  completed: z
    .array(
      z.strictObject({
        step: z.string().min(1).max(64),
        occurredAt: MomentSchema,
        outcome: z.string().min(1).max(64).optional(),
        seen: z.boolean().optional(),
        seenAlone: z.boolean().optional(),
      }),
    )
    .max(200)
    .optional()
    .describe(
      'steps already done before the process starts here (an open case moved in), oldest first, as step-completed events carry them; on-time history then raises no alarm',
    ),
  lateAccepted: z
    .strictObject({ reason: z.string().trim().min(3, 'a reason is required to accept a late complaint').max(500) })
    .optional()
    .describe('complaints: the decision to consider a complaint made after the time limit (reg 9(2)), with its reason'),
});
export type StartProcess = z.infer<typeof StartProcessSchema>;

export const ReferralSchema = z.strictObject({
  referralId: OpaqueIdSchema.describe('your referral id; posting it again returns the same process'),
  caseId: OpaqueIdSchema,
  localAuthority: z.string().min(1),
  receivedAt: MomentSchema.describe('when the referral was received (a datetime with offset, or a date)'),
  contactReceivedAt: MomentSchema.optional().describe('when the contact came in, for LAs that count from the contact'),
  assignment: AssignmentSchema.optional(),
  familyId: OpaqueIdSchema.optional(),
});
export type Referral = z.infer<typeof ReferralSchema>;

/** What the referral workflow asks the starter for when a decision leads to an assessment. */
export interface HandoverRequest {
  type: StartProcess['type'];
  caseId: string;
  episode: string;
  localAuthority: string;
  anchors: Record<string, string>;
  anchorKinds?: Record<string, string>;
  assignment: { workerId?: string; team?: string };
  familyId?: string;
  startedBy?: string;
  correlationId?: string;
}
