/** Starting processes, reading them, and sending them events (Temporal Updates). */
import { Request, Router } from 'express';
import { z } from 'zod';
import { ReferralSchema, StartProcess, StartProcessSchema } from '../../services/contracts';
import { checkHandoverOfEvent, checkHandoversAtStart } from '../../services/handoverCheck';
import { PROCESS_TYPES, type ProcessType } from '../../engine/profile/schema';
import { CalendarInputError } from '../../engine/calendar/localDate';
import { formatLondon, parseMoment } from '../../engine/calendar/london';
import { inFuture } from '../../engine/events';
import { StartError } from '../../services/start';
import type { ClockService } from '../../services/clocks';
import { OpaqueIdSchema, ProcessEventSchema } from '../../engine/events/contract';
import { EVERYONE, allow } from '../auth';
import { EVENT_ROLES, START_ROLES, outOfScope } from '../permissions';
import { assignmentProblem } from '../../management/directory';
import { HttpProblem, notFound, parse } from '../problem';
import { processTypeOf } from '../../engine/catalogue';
import { shapeOf } from '../../engine/catalogue';
import { EVERYONE_AREA, holds, startOutside } from '../../management/area';
import type { DirectoryData } from '../../management/directory';
import { callerArea, checkInsideArea } from '../callerArea';

export const ListQuerySchema = z.object({
  caseId: OpaqueIdSchema.optional(),
  familyId: OpaqueIdSchema.optional(),
  type: z.enum(PROCESS_TYPES).optional(),
  team: OpaqueIdSchema.optional(),
  localAuthority: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  overdue: z.enum(['true', 'false']).optional(),
});

/** The referral's fields, by the anchor each gives. */
const REFERRAL_FIELDS: Record<string, string> = {
  'referral-received': 'receivedAt',
  'contact-received': 'contactReceivedAt',
};

/** A refusal naming an anchor the referral's body gives by another name: named as the body's field. */
function referralField(err: unknown): unknown {
  if (!(err instanceof StartError)) return err;
  const anchor = err.field.startsWith('anchors.') ? err.field.slice('anchors.'.length) : undefined;
  const field = anchor && REFERRAL_FIELDS[anchor];
  return field
    ? new StartError(err.status, field, err.message.replaceAll(`anchors.${anchor}`, field).replaceAll(anchor, field))
    : err;
}

export const WorkflowIdSchema = z
  .string()
  .max(200)
  .regex(/^[a-z-]+-[A-Za-z0-9._-]+$/, 'not a process id');

function startProblem(err: unknown): never {
  if (err instanceof StartError) {
    throw new HttpProblem(err.status, err.status === 409 ? 'Conflict' : 'Unprocessable', err.message, [
      { field: err.field, message: err.message },
    ]);
  }
  // A date the body's schema let through but the calendar cannot read is still the caller's input, not a fault.
  if (err instanceof CalendarInputError)
    throw new HttpProblem(400, 'Invalid request', err.message, [{ field: 'body.anchors', message: err.message }]);
  throw err;
}

export function processRoutes(deps: { clocks: ClockService; directory: DirectoryData }): Router {
  const r = Router();

  r.post('/referrals', allow(...START_ROLES.referral), async (req, res) => {
    const body = parse(ReferralSchema, req.body, 'body');
    const assignment = checkStart(req, deps.directory, {
      type: 'referral',
      localAuthority: body.localAuthority,
      assignment: body.assignment,
    });
    // A referral received in the future is a typing error: the API knows now, the workflow does not.
    const now = Date.now();
    for (const field of ['receivedAt', 'contactReceivedAt'] as const) {
      const value = body[field];
      if (value && inFuture(parseMoment(value), now)) {
        const message = `${value} is in the future (now ${formatLondon(now)}); record a referral once it has been received`;
        throw new HttpProblem(422, 'Unprocessable', `${field}: ${message}`, [{ field: `body.${field}`, message }]);
      }
    }
    const anchors: Record<string, string> = { 'referral-received': body.receivedAt };
    if (body.contactReceivedAt) anchors['contact-received'] = body.contactReceivedAt;
    const start: StartProcess = {
      type: 'referral',
      caseId: body.caseId,
      episode: body.referralId,
      localAuthority: body.localAuthority,
      anchors,
      ...(assignment ? { assignment } : {}),
      ...(body.familyId ? { familyId: body.familyId } : {}),
    };
    const result = await deps.clocks
      .start(start, {
        requireAllStepAnchors: true,
        startedBy: `intake referral ${body.referralId}`,
        correlationId: req.correlationId,
        // After the referral's own checks: what its decision could hand over must be startable from what
        // intake gives (a 24-hour strategy discussion needs the referral's time).
        beforeStart: async () => {
          checkHandoversAtStart(deps.clocks.checks, start, (anchor) => REFERRAL_FIELDS[anchor] ?? `anchors.${anchor}`);
          // Last, once the referral is known to start: a refused body claims nothing.
          await deps.clocks.claimReferral({
            localAuthority: body.localAuthority,
            referralId: body.referralId,
            caseId: body.caseId,
          });
        },
      })
      .catch((err) => startProblem(referralField(err)));
    res
      .status(result.existing ? 200 : 201)
      .json({ workflowId: result.workflowId, referralId: body.referralId, existing: result.existing });
  });

  r.post('/processes', allow(...EVERYONE), async (req, res) => {
    const parsed = parse(StartProcessSchema, req.body, 'body');
    const assignment = checkStart(req, deps.directory, parsed);
    const body: StartProcess = { ...parsed, ...(assignment ? { assignment } : {}) };
    const result = await deps.clocks
      .start(body, {
        startedBy: req.caller!.subject,
        correlationId: req.correlationId,
        beforeStart: () => checkHandoversAtStart(deps.clocks.checks, body, (anchor) => `anchors.${anchor}`),
      })
      .catch(startProblem);
    res.status(result.existing ? 200 : 201).json({ workflowId: result.workflowId, existing: result.existing });
  });

  r.get('/processes', allow(...EVERYONE), async (req, res) => {
    const q = parse(ListQuerySchema, req.query, 'query');
    const area = callerArea(req, deps.directory);
    checkInsideArea(area, q, deps.directory);
    const items = await deps.clocks.list({
      ...q,
      overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
      area,
      workerId: area.workerId,
    });
    res.json({ items, count: items.length });
  });

  // One child's processes in the order they began: referral, assessment, enquiry, plan, step-down...
  r.get('/cases/:caseId', allow(...EVERYONE), async (req, res) => {
    const caseId = parse(OpaqueIdSchema, req.params.caseId, 'caseId');
    const area = callerArea(req, deps.directory);
    // Outside the area a case reads as absent: its existence is not for another team to learn.
    const processes = await deps.clocks.list({ caseId, area, workerId: area.workerId });
    if (!processes.length) throw notFound('caseId', `no processes for case ${caseId}`);
    res.json({ caseId, processes });
  });

  r.get('/processes/:workflowId', allow(...EVERYONE), async (req, res) => {
    const id = parse(WorkflowIdSchema, req.params.workflowId, 'workflowId');
    const area = callerArea(req, deps.directory);
    const clock = await deps.clocks.read(id);
    // Outside the area a process reads as absent, as a case does.
    if (!holds(area, clock)) throw notFound('workflowId', `no process ${id}`);
    res.json(clock);
  });

  r.post('/processes/:workflowId/events', async (req, res) => {
    const id = parse(WorkflowIdSchema, req.params.workflowId, 'workflowId');
    const caller = req.caller!;
    const event = parse(ProcessEventSchema, req.body, 'body');
    const type = processTypeOf(id);
    const allowed = EVENT_ROLES[event.type];
    const scope = outOfScope(caller.role, type, id);
    if (scope)
      throw new HttpProblem(403, 'Forbidden', scope, [
        { field: 'authorization', message: 'role not allowed for this process' },
      ]);
    if (!allowed.includes(caller.role)) {
      throw new HttpProblem(
        403,
        'Forbidden',
        `'${event.type}' needs one of the roles ${allowed.join(', ')}; you are ${caller.role}`,
        [{ field: 'type', message: 'role not allowed for this event' }],
      );
    }
    // The case must lie in the caller's area, read live (a reassignment just made counts); outside it the
    // process reads as absent, as it does to GET. Callers who see every case skip the read.
    const area = callerArea(req, deps.directory);
    // An outcome that starts the next process: its date must be one that process can count from (below).
    const startsNext =
      event.type === 'step-completed' &&
      !!event.outcome &&
      !!type &&
      !!shapeOf(type).outcomes[event.step]?.[event.outcome]?.starts;
    const needsClock = area !== EVERYONE_AREA || event.type === 'reassign' || startsNext;
    const clock = needsClock ? await deps.clocks.read(id) : undefined;
    if (clock && !holds(area, clock) && !(await ownRetry(deps, id, event.eventId, caller.subject)))
      throw notFound('workflowId', `no process ${id}`);
    if (event.type === 'reassign') {
      const wrong = assignmentProblem(deps.directory, clock!.localAuthority, event);
      if (wrong)
        throw new HttpProblem(422, 'Unprocessable', wrong.message, [
          { field: `body.${wrong.field}`, message: wrong.message },
        ]);
    }
    // The chair or IRO recording an interval is the one who agreed it.
    if (event.type === 'set-interval' && !event.agreedBy && (caller.role === 'cp-chair' || caller.role === 'iro'))
      event.agreedBy = caller.role;
    if (clock && startsNext && event.type === 'step-completed') {
      const refused = checkHandoverOfEvent(deps.clocks.checks, clock, event);
      if (refused)
        throw new HttpProblem(422, 'Unprocessable', refused.message, [
          { field: `body.${refused.field}`, message: refused.message },
        ]);
    }
    res.json(await deps.clocks.sendEvent(id, { ...event, by: caller.subject, byRole: caller.role }));
  });

  // An audited administrator action: move a running process onto today's rules and calendar (docs/design.md, Versions).
  r.post('/processes/:workflowId/migrate-rules', allow('admin'), async (req, res) => {
    const id = parse(WorkflowIdSchema, req.params.workflowId, 'workflowId');
    const body = parse(MigrateRulesSchema, req.body, 'body');
    const current = await deps.clocks.read(id);
    if (!holds(callerArea(req, deps.directory), current)) throw notFound('workflowId', `no process ${id}`);
    const view = await deps.clocks.migrateRules(id, {
      localAuthority: current.localAuthority,
      type: current.type,
      reason: body.reason,
      by: req.caller!.subject,
      ...(body.eventId ? { eventId: body.eventId } : {}),
    });
    res.json({ migration: view.migrations?.at(-1), view });
  });

  return r;
}

export const MigrateRulesSchema = z.strictObject({
  reason: z.string().trim().min(3, 'a reason is required to migrate a running process'),
  eventId: OpaqueIdSchema.optional().describe('your id for this action; a retry with the same id is applied once'),
});

/**
 * A start's permission and assignment, checked before anything else reads it: the caller's role may start
 * this type (403 naming type), the assignment names a team of the process's LA and people in the
 * directory (422 naming the field), and the process would lie inside the caller's area (403 naming the
 * field that takes it outside). Fields are named as the start's other refusals name them (no `body.`).
 * A social worker's start with no worker named is assigned to them.
 */
export function checkStart(
  req: Request,
  directory: DirectoryData,
  start: { type: ProcessType; localAuthority: string; assignment?: { team?: string; workerId?: string } },
): { team?: string; workerId?: string } | undefined {
  const caller = req.caller!;
  if (!START_ROLES[start.type].includes(caller.role)) {
    throw new HttpProblem(
      403,
      'Forbidden',
      `a ${start.type} is started by ${START_ROLES[start.type].join(', ')}; you are ${caller.role} (docs/access.md)`,
      [{ field: 'type', message: 'role may not start this process type' }],
    );
  }
  const area = callerArea(req, directory);
  const assignment =
    area.workerId && !start.assignment?.workerId
      ? { ...(start.assignment ?? {}), workerId: area.workerId }
      : start.assignment;
  const wrong = assignmentProblem(directory, start.localAuthority, assignment);
  if (wrong)
    throw new HttpProblem(422, 'Unprocessable', wrong.message, [
      { field: `assignment.${wrong.field}`, message: wrong.message },
    ]);
  const outside = startOutside(area, { ...start, ...(assignment ? { assignment } : {}) });
  if (outside)
    throw new HttpProblem(403, 'Forbidden', outside.message, [{ field: outside.field, message: outside.message }]);
  return assignment;
}

/**
 * Whether an event outside the caller's area is the caller's own, already applied: a manager who moved a
 * case to another team and lost the answer retries, and is answered as any retry is, not with a 404.
 */
async function ownRetry(
  deps: { clocks: ClockService },
  workflowId: string,
  eventId: string | undefined,
  subject: string,
): Promise<boolean> {
  if (!eventId) return false;
  return (await deps.clocks.eventSender(workflowId, eventId)) === subject;
}
