/**
 * One event for a family: a strategy discussion, a conference or a visit that saw each child, recorded
 * once and applied to every sibling's open process of one type, each in its own history. Every sibling
 * is checked first (the same validator each clock runs, as a query) and any refusal refuses the whole
 * event, naming the child and field, with nothing changed; then the familyEvent workflow applies it.
 */
import { Router } from 'express';
import { Client, Connection, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { z } from 'zod';
import { PROCESS_TYPES } from '../../profiles/schema';
import { checkHandoverOfEvent } from '../../processes/handoverCheck';
import type { ProcessStarter } from '../../processes/start';
import { AnchorEventSchema, OpaqueIdSchema, ReassignFields, StepCompletedEventSchema } from '../../workflows/contracts/events';
import type { ClockEvent } from '../../workflows/contracts/events';
import { clockCheckQuery } from '../../workflows/messages';
import { type FamilyEventInput, type FamilyEventResult, type FamilySibling, siblingEvent } from '../../workflows/family';
import { holds } from '../../management/area';
import type { DirectoryData } from '../../management/directory';
import { VISIBILITY_PAGE_SIZE } from '../../management/visibility';
import { EVENT_ROLES, ROLE_SCOPE } from '../auth';
import { callerArea } from '../callerArea';
import { HttpProblem, notFound, parse } from '../problem';
import { readClock } from '../readModel';

/** The events that can be one family's: the family's own id replaces each event's. */
const FamilyScopedEvent = z.discriminatedUnion('type', [
  StepCompletedEventSchema.omit({ eventId: true }),
  AnchorEventSchema.omit({ eventId: true }),
  ReassignFields.omit({ eventId: true }).refine((e) => e.workerId !== undefined || e.team !== undefined, { message: 'give workerId, team or both', path: ['workerId'] }),
]);

export const FamilyEventSchema = z.object({
  processType: z.enum(PROCESS_TYPES).describe("the siblings' process the event belongs to (e.g. child-protection-enquiry)"),
  eventId: OpaqueIdSchema.describe('your id for this event: each sibling applies it once, however often it is sent'),
  event: FamilyScopedEvent.describe('a step-completed, anchor or reassign event, as for one process'),
  children: z
    .record(OpaqueIdSchema, z.object({ outcome: z.string().min(1).max(64).optional(), seen: z.boolean().optional(), seenAlone: z.boolean().optional() }).strict())
    .optional()
    .describe('per case id, what differs for that child (the outcome a conference decided for them, whether they were seen)'),
});

/** How long the API waits for every sibling before answering 202 (the workflow goes on regardless). */
const perSiblingMs = 5_000;

export function familyRoutes(deps: { client: Client; connection: Connection; starter: ProcessStarter; updateTimeoutMs: number; directory: DirectoryData }): Router {
  const r = Router();

  r.post('/families/:familyId/events', async (req, res) => {
    const familyId = parse(OpaqueIdSchema, req.params.familyId, 'familyId');
    const body = parse(FamilyEventSchema, req.body, 'body');
    const caller = req.caller!;
    if (!EVENT_ROLES[body.event.type].includes(caller.role)) {
      throw new HttpProblem(403, 'Forbidden', `'${body.event.type}' needs one of the roles ${EVENT_ROLES[body.event.type].join(', ')}; you are ${caller.role}`, [{ field: 'body.event.type', message: 'role not allowed for this event' }]);
    }
    const scope = ROLE_SCOPE[caller.role];
    if (scope && !scope.types.includes(body.processType)) {
      throw new HttpProblem(403, 'Forbidden', `the ${caller.role} sends events to ${scope.what} only`, [{ field: 'body.processType', message: 'role not allowed for this process' }]);
    }
    if (body.children && body.event.type !== 'step-completed') {
      throw new HttpProblem(422, 'Unprocessable', 'per-child outcomes and visits go with a step-completed event', [{ field: 'body.children', message: `not for a ${body.event.type} event` }]);
    }

    // Every sibling's open process of this type; a family reaching outside the caller's area is refused whole.
    const area = callerArea(req, deps.directory);
    const query = `FamilyId = "${familyId}" AND ProcessType = "${body.processType}" AND ExecutionStatus = "Running"`;
    const siblings: FamilySibling[] = [];
    const clocks = new Map<string, Awaited<ReturnType<typeof readClock>>>();
    for await (const wf of deps.client.workflow.list({ query, pageSize: VISIBILITY_PAGE_SIZE })) {
      const clock = await readClock(deps.client, deps.connection, wf.workflowId);
      if (!holds(area, clock)) {
        throw new HttpProblem(403, 'Forbidden', `family ${familyId} has a ${body.processType} outside your area (case ${clock.caseId}); its event is recorded by someone whose area holds every child`, [{ field: 'familyId', message: 'a sibling is outside your area' }]);
      }
      clocks.set(wf.workflowId, clock);
      siblings.push({ workflowId: wf.workflowId, caseId: clock.caseId, localAuthority: clock.localAuthority, processType: clock.type, assignment: clock.assignment, ...(body.children?.[clock.caseId] ? { overrides: body.children[clock.caseId] } : {}) });
    }
    if (!siblings.length) throw notFound('familyId', `family ${familyId} has no open ${body.processType}`);
    siblings.sort((a, b) => a.caseId.localeCompare(b.caseId));
    for (const caseId of Object.keys(body.children ?? {})) {
      if (!siblings.some((s) => s.caseId === caseId)) {
        throw new HttpProblem(422, 'Unprocessable', `case ${caseId} has no open ${body.processType} in family ${familyId} (children: ${siblings.map((s) => s.caseId).join(', ')})`, [{ field: `body.children.${caseId}`, message: 'not a child of this family with this process open' }]);
      }
    }

    // Each clock's own validator, as a query: any refusal refuses the whole event, and nothing changes.
    const input: FamilyEventInput = { familyId, eventId: body.eventId, event: { ...body.event, by: caller.subject, byRole: caller.role } as ClockEvent, siblings, ...(req.correlationId ? { correlationId: req.correlationId } : {}) };
    for (const sibling of siblings) {
      const event = siblingEvent(input, sibling);
      const rejection = await deps.connection.withDeadline(Date.now() + deps.updateTimeoutMs, () => deps.client.workflow.getHandle(sibling.workflowId).query(clockCheckQuery, event));
      const field = (f: string) => `body.children.${sibling.caseId}.${f}`;
      if (rejection) {
        const status = rejection.conflict ? 409 : rejection.forbidden ? 403 : 422;
        throw new HttpProblem(status, ({ 409: 'Conflict', 403: 'Forbidden', 422: 'Unprocessable' } as const)[status], `case ${sibling.caseId}: ${rejection.message}; nothing was recorded for any child`, [{ field: field(rejection.field), message: rejection.message }]);
      }
      const refused = checkHandoverOfEvent(deps.starter, clocks.get(sibling.workflowId)!, event);
      if (refused) throw new HttpProblem(422, 'Unprocessable', `case ${sibling.caseId}: ${refused.message}; nothing was recorded for any child`, [{ field: field(refused.field), message: refused.message }]);
    }

    const workflowId = `family-event-${familyId}-${body.eventId}`;
    let handle;
    try {
      handle = await deps.client.workflow.start('familyEvent', { taskQueue: deps.starter.taskQueue, workflowId, args: [input], workflowIdConflictPolicy: 'FAIL', workflowIdReusePolicy: 'REJECT_DUPLICATE', staticSummary: `Family ${familyId}: ${body.event.type} for ${siblings.length} children` });
    } catch (err) {
      // The same family event again: answered with what it did.
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      handle = deps.client.workflow.getHandle(workflowId);
    }
    const done = await deps.connection.withDeadline(Date.now() + deps.updateTimeoutMs + perSiblingMs * siblings.length, () => handle.result() as Promise<FamilyEventResult>).catch(() => undefined);
    if (!done) {
      res.status(202).json({ familyId, eventId: body.eventId, workflowId, status: 'in progress', siblings: siblings.map((s) => s.workflowId) });
      return;
    }
    res.json({ ...done, processType: body.processType, workflowId });
  });

  return r;
}
