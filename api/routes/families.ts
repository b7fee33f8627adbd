/**
 * One event for a family: a strategy discussion, a conference or a visit that saw each child, recorded
 * once and applied to every sibling's open process of one type, each in its own history. Every sibling
 * is checked first (the same validator each clock runs, as a query) and any refusal refuses the whole
 * event, naming the child and field, with nothing changed; then the familyEvent workflow applies it.
 */
import { Router } from 'express';
import { Client, Connection, WorkflowExecutionAlreadyStartedError, WorkflowHandle, WorkflowNotFoundError } from '@temporalio/client';
import { z } from 'zod';
import { startInputOf } from '../../services/startInput';
import { PROCESS_TYPES } from '../../engine/profile/schema';
import { checkHandoverOfEvent } from '../../services/handoverCheck';
import type { ProcessStarter } from '../../services/start';
import { AnchorEventSchema, OpaqueIdSchema, ReassignFields, StepCompletedEventSchema } from '../../engine/events/contract';
import type { ClockEvent } from '../../engine/events/contract';
import { clockCheckQuery } from '../../workflows/messages';
import { type FamilyEventInput, type FamilyEventResult, type FamilySibling, siblingEvent } from '../../workflows/family';
import { holds } from '../../management/area';
import type { DirectoryData } from '../../management/directory';
import { VISIBILITY_PAGE_SIZE, filterClauses } from '../../services/visibility';
import { EVENT_ROLES, ROLE_SCOPE } from '../permissions';
import { assignmentProblem } from '../../management/directory';
import { bodyDifferences, canonical } from '../../engine/events/sameEvent';
import { callerArea } from '../callerArea';
import { HttpProblem, PROBLEM_TITLES, notFound, parse, rejectionStatus } from '../problem';
import { readClock } from '../readModel';

/** The events that can be one family's: the family's own id replaces each event's. */
const FamilyScopedEvent = z.discriminatedUnion('type', [
  StepCompletedEventSchema.omit({ eventId: true }),
  AnchorEventSchema.omit({ eventId: true }),
  ReassignFields.omit({ eventId: true }).refine((e) => e.workerId !== undefined || e.team !== undefined, { message: 'give workerId, team or both', path: ['workerId'] }),
]);

export const FamilyEventSchema = z.strictObject({
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

    const area = callerArea(req, deps.directory);
    const workflowId = `family-event-${familyId}-${body.eventId}`;
    // Outside the caller's area a family reads as absent, as its processes do; a family reaching partly
    // outside it is refused whole, since its event is recorded by someone whose area holds every child.
    const outside = (siblings: Pick<FamilySibling, 'caseId' | 'localAuthority' | 'processType' | 'assignment'>[]) => {
      const out = siblings.filter((sib) => !holds(area, { type: sib.processType, localAuthority: sib.localAuthority, assignment: sib.assignment }));
      if (out.length && out.length === siblings.length) throw notFound('familyId', `family ${familyId} has no open ${body.processType}`);
      if (out.length) throw new HttpProblem(403, 'Forbidden', `family ${familyId} has a ${body.processType} outside your area (case ${out[0].caseId}); its event is recorded by someone whose area holds every child`, [{ field: 'familyId', message: 'a sibling is outside your area' }]);
    };
    // What a family event says, as one string (instants as instants): who sent it is not part of it.
    const said = (processType: string, event: object, children: Record<string, object> | undefined) => {
      const { by: _by, byRole: _role, ...what } = event as { by?: string; byRole?: string };
      return canonical({ processType, event: what, children });
    };
    const answer = async (handle: WorkflowHandle, siblings: FamilySibling[]) => {
      const done = await deps.connection.withDeadline(Date.now() + deps.updateTimeoutMs + perSiblingMs * siblings.length, () => handle.result() as Promise<FamilyEventResult>).catch(() => undefined);
      if (!done) res.status(202).json({ familyId, eventId: body.eventId, workflowId, status: 'in progress', siblings: siblings.map((sib) => sib.workflowId) });
      else res.json({ ...done, processType: body.processType, workflowId });
    };

    // The same family event again (even once its siblings' processes have ended): answered with what it did.
    const earlier = await deps.client.workflow.getHandle(workflowId).describe().catch((err) => {
      if (err instanceof WorkflowNotFoundError) return undefined;
      throw err;
    });
    if (earlier) {
      const siblings = ((earlier.memo ?? {}) as { siblings?: FamilySibling[] }).siblings ?? [];
      outside(siblings);
      // The same id with another body is another event: refused, naming what differs, never dropped. What
      // it said is read from its start (not the memo, which keeps no personal data).
      const first = await startInputOf<FamilyEventInput>(deps.client, workflowId);
      const differs = first ? bodyDifferences(said(first.siblings[0]?.processType ?? body.processType, first.event, childrenOf(first)), said(body.processType, body.event, body.children)) : [];
      if (differs.length) {
        throw new HttpProblem(409, 'Conflict', `family event ${body.eventId} was recorded with another body (it differs in ${differs.join(', ')}); a new event needs a new eventId`, [{ field: `body.${differs[0]}`, message: 'differs from the event recorded under this eventId' }]);
      }
      return answer(deps.client.workflow.getHandle(workflowId), siblings);
    }

    // Every sibling's open process of this type, read at once; a family reaching outside the caller's area is refused whole.
    const query = [...filterClauses({ familyId, type: body.processType }), 'ExecutionStatus = "Running"'].join(' AND ');
    const ids: string[] = [];
    for await (const wf of deps.client.workflow.list({ query, pageSize: VISIBILITY_PAGE_SIZE })) ids.push(wf.workflowId);
    const clocks = await Promise.all(ids.map((id) => readClock(deps.client, deps.connection, id)));
    const siblings: FamilySibling[] = clocks
      .map((clock) => ({ workflowId: clock.workflowId, caseId: clock.caseId, localAuthority: clock.localAuthority, processType: clock.type, assignment: clock.assignment, ...(body.children?.[clock.caseId] ? { overrides: body.children[clock.caseId] } : {}) }))
      .sort((a, b) => a.caseId.localeCompare(b.caseId));
    outside(siblings);
    if (body.event.type === 'reassign') {
      for (const sib of siblings) {
        const wrong = assignmentProblem(deps.directory, sib.localAuthority, body.event);
        if (wrong) throw new HttpProblem(422, 'Unprocessable', `case ${sib.caseId}: ${wrong.message}; nothing was recorded for any child`, [{ field: `body.event.${wrong.field}`, message: wrong.message }]);
      }
    }
    if (!siblings.length) throw notFound('familyId', `family ${familyId} has no open ${body.processType}`);
    for (const caseId of Object.keys(body.children ?? {})) {
      if (!siblings.some((sib) => sib.caseId === caseId)) {
        throw new HttpProblem(422, 'Unprocessable', `case ${caseId} has no open ${body.processType} in family ${familyId} (children: ${siblings.map((sib) => sib.caseId).join(', ')})`, [{ field: `body.children.${caseId}`, message: 'not a child of this family with this process open' }]);
      }
    }

    // Each clock's own validator, as a query (all at once, reported in case order): any refusal refuses the
    // whole event, and nothing changes.
    const input: FamilyEventInput = { familyId, eventId: body.eventId, event: { ...body.event, by: caller.subject, byRole: caller.role } as ClockEvent, siblings, ...(req.correlationId ? { correlationId: req.correlationId } : {}) };
    const events = siblings.map((sib) => siblingEvent(input, sib));
    const rejections = await deps.connection.withDeadline(Date.now() + deps.updateTimeoutMs, () => Promise.all(siblings.map((sib, i) => deps.client.workflow.getHandle(sib.workflowId).query(clockCheckQuery, events[i]))));
    siblings.forEach((sib, i) => {
      const field = (f: string) => `body.children.${sib.caseId}.${f}`;
      const rejection = rejections[i];
      if (rejection) {
        const status = rejectionStatus(rejection);
        throw new HttpProblem(status, PROBLEM_TITLES[status], `case ${sib.caseId}: ${rejection.message}; nothing was recorded for any child`, [{ field: field(rejection.field), message: rejection.message }]);
      }
      const refused = checkHandoverOfEvent(deps.starter, clocks.find((c) => c.workflowId === sib.workflowId)!, events[i]);
      if (refused) throw new HttpProblem(422, 'Unprocessable', `case ${sib.caseId}: ${refused.message}; nothing was recorded for any child`, [{ field: field(refused.field), message: refused.message }]);
    });

    let handle: WorkflowHandle;
    try {
      // Who the event was for is kept in the memo (ids and teams only), so a repeat is answered without its siblings.
      const memoSiblings = siblings.map(({ overrides: _o, ...sib }) => sib);
      handle = await deps.client.workflow.start('familyEvent', { taskQueue: deps.starter.taskQueue, workflowId, args: [input], workflowIdConflictPolicy: 'FAIL', workflowIdReusePolicy: 'REJECT_DUPLICATE', memo: { siblings: memoSiblings }, staticSummary: `Family ${familyId}: ${body.event.type} for ${siblings.length} children` });
    } catch (err) {
      // Started by a request that raced this one: answered with what it did.
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      handle = deps.client.workflow.getHandle(workflowId);
    }
    return answer(handle, siblings);
  });

  return r;
}

/** The per-child differences a family event's input carries, by case id, as its body gave them. */
function childrenOf(input: FamilyEventInput): Record<string, object> | undefined {
  const entries = input.siblings.filter((sib) => sib.overrides).map((sib) => [sib.caseId, sib.overrides!] as const);
  return entries.length ? Object.fromEntries(entries) : undefined;
}
