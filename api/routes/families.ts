/**
 * One event for a family: a strategy discussion, a conference or a visit that saw each child, recorded
 * once and applied to every sibling's open process of one type, each in its own history. Every sibling
 * is checked first (the same validator each clock runs, as a query) and any refusal refuses the whole
 * event, naming the child and field, with nothing changed; then the familyEvent workflow applies it.
 */
import { Router } from 'express';
import { z } from 'zod';
import { PROCESS_TYPES } from '../../engine/profile/schema';
import { checkHandoverOfEvent } from '../../services/handoverCheck';
import {
  AnchorEventSchema,
  OpaqueIdSchema,
  ReassignFields,
  StepCompletedEventSchema,
} from '../../engine/events/contract';
import type { ClockEvent } from '../../engine/events/contract';
import type { ClockService, FamilyEventInput, FamilyEventResult, FamilySibling } from '../../services/clocks';
import { holds } from '../../management/area';
import type { DirectoryData } from '../../management/directory';
import { EVENT_ROLES, ROLE_SCOPE } from '../permissions';
import { assignmentProblem } from '../../management/directory';
import { bodyDifferences, canonical } from '../../engine/events/sameEvent';
import { callerArea } from '../callerArea';
import { HttpProblem, PROBLEM_TITLES, notFound, parse, rejectionStatus } from '../problem';

/** The events that can be one family's: the family's own id replaces each event's. */
const FamilyScopedEvent = z.discriminatedUnion('type', [
  StepCompletedEventSchema.omit({ eventId: true }),
  AnchorEventSchema.omit({ eventId: true }),
  ReassignFields.omit({ eventId: true }).refine((e) => e.workerId !== undefined || e.team !== undefined, {
    message: 'give workerId, team or both',
    path: ['workerId'],
  }),
]);

export const FamilyEventSchema = z.strictObject({
  processType: z
    .enum(PROCESS_TYPES)
    .describe("the siblings' process the event belongs to (e.g. child-protection-enquiry)"),
  eventId: OpaqueIdSchema.describe('your id for this event: each sibling applies it once, however often it is sent'),
  event: FamilyScopedEvent.describe('a step-completed, anchor or reassign event, as for one process'),
  children: z
    .record(
      OpaqueIdSchema,
      z
        .object({
          outcome: z.string().min(1).max(64).optional(),
          seen: z.boolean().optional(),
          seenAlone: z.boolean().optional(),
        })
        .strict(),
    )
    .optional()
    .describe(
      'per case id, what differs for that child (the outcome a conference decided for them, whether they were seen)',
    ),
});

export function familyRoutes(deps: { clocks: ClockService; directory: DirectoryData }): Router {
  const r = Router();

  r.post('/families/:familyId/events', async (req, res) => {
    const familyId = parse(OpaqueIdSchema, req.params.familyId, 'familyId');
    const body = parse(FamilyEventSchema, req.body, 'body');
    const caller = req.caller!;
    if (!EVENT_ROLES[body.event.type].includes(caller.role)) {
      throw new HttpProblem(
        403,
        'Forbidden',
        `'${body.event.type}' needs one of the roles ${EVENT_ROLES[body.event.type].join(', ')}; you are ${caller.role}`,
        [{ field: 'body.event.type', message: 'role not allowed for this event' }],
      );
    }
    const scope = ROLE_SCOPE[caller.role];
    if (scope && !scope.types.includes(body.processType)) {
      throw new HttpProblem(403, 'Forbidden', `the ${caller.role} sends events to ${scope.what} only`, [
        { field: 'body.processType', message: 'role not allowed for this process' },
      ]);
    }
    if (body.children && body.event.type !== 'step-completed') {
      throw new HttpProblem(422, 'Unprocessable', 'per-child outcomes and visits go with a step-completed event', [
        { field: 'body.children', message: `not for a ${body.event.type} event` },
      ]);
    }

    const area = callerArea(req, deps.directory);
    const workflowId = `family-event-${familyId}-${body.eventId}`;
    // Outside the caller's area a family reads as absent, as its processes do; a family reaching partly
    // outside it is refused whole, since its event is recorded by someone whose area holds every child.
    const outside = (siblings: Pick<FamilySibling, 'caseId' | 'localAuthority' | 'processType' | 'assignment'>[]) => {
      const out = siblings.filter(
        (sib) =>
          !holds(area, { type: sib.processType, localAuthority: sib.localAuthority, assignment: sib.assignment }),
      );
      if (out.length && out.length === siblings.length)
        throw notFound('familyId', `family ${familyId} has no open ${body.processType}`);
      if (out.length)
        throw new HttpProblem(
          403,
          'Forbidden',
          `family ${familyId} has a ${body.processType} outside your area (case ${out[0].caseId}); its event is recorded by someone whose area holds every child`,
          [{ field: 'familyId', message: 'a sibling is outside your area' }],
        );
    };
    // What a family event says, as one string (instants as instants): who sent it is not part of it.
    const said = (processType: string, event: object, children: Record<string, object> | undefined) => {
      const { by: _by, byRole: _role, ...what } = event as { by?: string; byRole?: string };
      return canonical({ processType, event: what, children });
    };
    // The service waits a while for every sibling; still going, the answer is 202 (the event goes on regardless).
    const answer = async (siblings: FamilySibling[]) => {
      const done: FamilyEventResult | undefined = await deps.clocks.familyEventResult(workflowId, siblings.length);
      if (!done)
        res.status(202).json({
          familyId,
          eventId: body.eventId,
          workflowId,
          status: 'in progress',
          siblings: siblings.map((sib) => sib.workflowId),
        });
      else res.json({ ...done, processType: body.processType, workflowId });
    };

    // The same family event again (even once its siblings' processes have ended): answered with what it did.
    const earlier = await deps.clocks.familyEvent(workflowId);
    if (earlier) {
      const siblings = earlier.siblings;
      outside(siblings);
      // The same id with another body is another event: refused, naming what differs, never dropped.
      const first = earlier.input;
      const differs = first
        ? bodyDifferences(
            said(first.siblings[0]?.processType ?? body.processType, first.event, childrenOf(first)),
            said(body.processType, body.event, body.children),
          )
        : [];
      if (differs.length) {
        throw new HttpProblem(
          409,
          'Conflict',
          `family event ${body.eventId} was recorded with another body (it differs in ${differs.join(', ')}); a new event needs a new eventId`,
          [{ field: `body.${differs[0]}`, message: 'differs from the event recorded under this eventId' }],
        );
      }
      return answer(siblings);
    }

    // Every sibling's open process of this type, read at once; a family reaching outside the caller's area is refused whole.
    const open = await deps.clocks.list({ familyId, type: body.processType, openOnly: true });
    const clocks = await Promise.all(open.map((listed) => deps.clocks.read(listed.workflowId)));
    const siblings: FamilySibling[] = clocks
      .map((clock) => ({
        workflowId: clock.workflowId,
        caseId: clock.caseId,
        localAuthority: clock.localAuthority,
        processType: clock.type,
        assignment: clock.assignment,
        ...(body.children?.[clock.caseId] ? { overrides: body.children[clock.caseId] } : {}),
      }))
      .sort((a, b) => a.caseId.localeCompare(b.caseId));
    outside(siblings);
    if (body.event.type === 'reassign') {
      for (const sib of siblings) {
        const wrong = assignmentProblem(deps.directory, sib.localAuthority, body.event);
        if (wrong)
          throw new HttpProblem(
            422,
            'Unprocessable',
            `case ${sib.caseId}: ${wrong.message}; nothing was recorded for any child`,
            [{ field: `body.event.${wrong.field}`, message: wrong.message }],
          );
      }
    }
    if (!siblings.length) throw notFound('familyId', `family ${familyId} has no open ${body.processType}`);
    for (const caseId of Object.keys(body.children ?? {})) {
      if (!siblings.some((sib) => sib.caseId === caseId)) {
        throw new HttpProblem(
          422,
          'Unprocessable',
          `case ${caseId} has no open ${body.processType} in family ${familyId} (children: ${siblings.map((sib) => sib.caseId).join(', ')})`,
          [{ field: `body.children.${caseId}`, message: 'not a child of this family with this process open' }],
        );
      }
    }

    // Each clock's own validator (reported in case order): any refusal refuses the
    // whole event, and nothing changes.
    const input: FamilyEventInput = {
      familyId,
      eventId: body.eventId,
      event: { ...body.event, by: caller.subject, byRole: caller.role } as ClockEvent,
      siblings,
      ...(req.correlationId ? { correlationId: req.correlationId } : {}),
    };
    const checked = await deps.clocks.checkFamilyEvent(input);
    const events = checked.map((c) => c.event);
    siblings.forEach((sib, i) => {
      const field = (f: string) => `body.children.${sib.caseId}.${f}`;
      const rejection = checked[i].rejection;
      if (rejection) {
        const status = rejectionStatus(rejection);
        throw new HttpProblem(
          status,
          PROBLEM_TITLES[status],
          `case ${sib.caseId}: ${rejection.message}; nothing was recorded for any child`,
          [{ field: field(rejection.field), message: rejection.message }],
        );
      }
      const refused = checkHandoverOfEvent(
        deps.clocks.checks,
        clocks.find((c) => c.workflowId === sib.workflowId)!,
        events[i],
      );
      if (refused)
        throw new HttpProblem(
          422,
          'Unprocessable',
          `case ${sib.caseId}: ${refused.message}; nothing was recorded for any child`,
          [{ field: field(refused.field), message: refused.message }],
        );
    });

    await deps.clocks.startFamilyEvent(workflowId, input);
    return answer(siblings);
  });

  return r;
}

/** The per-child differences a family event's input carries, by case id, as its body gave them. */
function childrenOf(input: FamilyEventInput): Record<string, object> | undefined {
  const entries = input.siblings.filter((sib) => sib.overrides).map((sib) => [sib.caseId, sib.overrides!] as const);
  return entries.length ? Object.fromEntries(entries) : undefined;
}
