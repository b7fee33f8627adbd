/** /openapi.json, generated from the same zod schemas that validate requests. */
import { FamilyEventSchema } from './routes/families';
import { z } from 'zod';
import { ReferralSchema, StartProcessSchema } from '../services/contracts';
import { ProcessEventSchema } from '../engine/events/contract';
import { API_ROLES } from './auth';
import { DueQuerySchema } from './routes/calendar';
import { InboxQuerySchema } from './routes/inbox';
import { TimelinessQuerySchema } from './routes/reports';
import { ListQuerySchema, MigrateRulesSchema, WorkflowIdSchema } from './routes/processes';
import { OpaqueIdSchema } from '../engine/events/contract';
import { SHAPES } from '../engine/catalogue';

/** Step outcomes and what each does, so an integrator can see the journey without reading code. */
function outcomesDescription(): string {
  const lines: string[] = ['Step outcomes (send with step-completed):'];
  for (const [type, shape] of Object.entries(SHAPES)) {
    for (const [step, outcomes] of Object.entries(shape.outcomes)) {
      lines.push(
        `- ${type} / ${step}: ${Object.entries(outcomes)
          .map(([o, e]) => `\`${o}\` (${e.means}${e.starts ? `; starts ${e.starts.type}` : ''})`)
          .join(', ')}`,
      );
    }
  }
  for (const [type, shape] of Object.entries(SHAPES)) {
    for (const [anchor, kinds] of Object.entries(shape.anchorKinds ?? {}))
      lines.push(`- ${type}: anchor \`${anchor}\` needs \`kind\`, one of ${kinds.map((k) => `\`${k}\``).join(', ')}`);
    for (const [anchor, means] of Object.entries(shape.endingAnchors ?? {}))
      lines.push(`- ${type}: anchor \`${anchor}\` ends the process (${means})`);
    for (const m of shape.milestones ?? [])
      lines.push(
        `- ${type}: milestone ${m.key}: ${m.means}${m.unless ? ` (not if \`${m.unless}\` was recorded)` : ''}`,
      );
    for (const [step, means] of Object.entries(shape.completionEnds ?? {}))
      lines.push(`- ${type}: completing \`${step}\` ends the process (${means})`);
    if (shape.withdrawable) lines.push(`- ${type}: \`{type: 'withdraw', occurredAt, reason}\` ends it at any stage`);
  }
  lines.push(
    "- A refused hand-over (the next process could not start) keeps this process open with an alarm: record what it lacked as `{type: 'hand-over', anchors: {...}}` and it is tried again; `close` with a reason ends it instead.",
    "- Complaints: a window step (e.g. `stage2-request-window`) is the complainant's time: record their request as `{type: 'anchor', anchor: 'stage2-requested', at}`; with none, the complaint closes after the window's recording grace. Extensions: `{type: 'extend', step, reason, until?, agreedWithComplainant}` (403 without the approver role the profile names; 422 past the maximum or without agreement where required).",
  );
  return lines.join('\n');
}

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

function queryParams(schema: z.ZodObject) {
  return Object.entries(schema.shape).map(([name, s]) => ({
    name,
    in: 'query',
    required: !(s as z.ZodType).safeParse(undefined).success,
    schema: json(s as z.ZodType),
  }));
}

const problem = {
  description: 'problem+json naming the field',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};
const errors = {
  '400': problem,
  '401': problem,
  '403': problem,
  '404': problem,
  '409': problem,
  '413': problem,
  '422': problem,
  '429': problem,
  '503': problem,
};

/** Path parameters with the pattern the route checks, so a client (or a fuzzer) can build a valid one. */
const workflowIdParam = { name: 'workflowId', in: 'path', required: true, schema: json(WorkflowIdSchema) };
const caseIdParam = { name: 'caseId', in: 'path', required: true, schema: json(OpaqueIdSchema) };
const familyIdParam = { name: 'familyId', in: 'path', required: true, schema: json(OpaqueIdSchema) };

/** What a start answers, and where its workflowId leads (OpenAPI links: read it, send it events, its case). */
function started(description: string) {
  return {
    description,
    content: {
      'application/json': {
        schema: {
          type: 'object',
          required: ['workflowId', 'existing'],
          properties: { workflowId: { type: 'string' }, existing: { type: 'boolean' }, referralId: { type: 'string' } },
        },
      },
    },
    links: {
      GetProcess: { operationId: 'getProcess', parameters: { workflowId: '$response.body#/workflowId' } },
      SendEvent: { operationId: 'sendEvent', parameters: { workflowId: '$response.body#/workflowId' } },
      MigrateRules: { operationId: 'migrateRules', parameters: { workflowId: '$response.body#/workflowId' } },
      GetCase: { operationId: 'getCase', parameters: { caseId: '$request.body#/caseId' } },
    },
  };
}

/**
 * Every `localAuthority` in a schema or query parameter, as the LA profiles this API serves: any other
 * value is refused (422) or lists nothing, and an integrator should see which ones exist.
 */
function withLocalAuthorities<T>(node: T, ids: string[]): T {
  if (Array.isArray(node)) return node.map((n) => withLocalAuthorities(n, ids)) as T;
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'localAuthority' && v && typeof v === 'object' && (v as { type?: string }).type === 'string')
      out[k] = { ...v, enum: ids };
    else out[k] = withLocalAuthorities(v, ids);
  }
  const param = out as { in?: string; name?: string; schema?: object };
  if (param.in === 'query' && param.name === 'localAuthority' && param.schema)
    param.schema = { ...param.schema, enum: ids };
  return out as T;
}

/** `localAuthorities`: the profile ids loaded (ProfileRegistry.ids()); without them the field is any id. */
export function openApiDocument(localAuthorities?: string[]) {
  const doc = document();
  return localAuthorities?.length ? withLocalAuthorities(doc, localAuthorities) : doc;
}

function document() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Statutory clocks API',
      version: '0.1.0',
      description: `Drives the statutory clocks of children's social care. Development tokens: ${API_ROLES.map((r) => `dev-${r}`).join(', ')}.`,
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Referral: json(ReferralSchema),
        StartProcess: json(StartProcessSchema),
        ProcessEvent: json(ProcessEventSchema),
        Problem: {
          type: 'object',
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            errors: {
              type: 'array',
              items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
            },
            correlationId: { type: 'string' },
          },
        },
      },
    },
    security: [{ bearer: [] }],
    paths: {
      '/api/referrals': {
        post: {
          operationId: 'startReferral',
          summary: 'Start the referral clock (idempotent on referralId, which is unique within its LA)',
          description:
            'The same body again answers 200 with the process. The same referralId with another caseId is 409 naming referralId; another body for the same case is 409 naming the fields that differ (receivedAt...). Instants are compared as instants. Who may start what: docs/access.md.',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Referral' } } },
          },
          responses: { '201': started('started'), '200': started('already started with the same body'), ...errors },
        },
      },
      '/api/processes': {
        post: {
          operationId: 'startProcess',
          summary: 'Start a process (back-dated anchors allowed)',
          description:
            "Each role starts the process types that fit it, inside its own area (403 naming type, localAuthority, assignment.team or assignment.workerId); the assignment must name a team of the process's LA and people in the directory (422). The same body again answers 200; another body for the same process is 409 naming the fields that differ.",
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/StartProcess' } } },
          },
          responses: { '201': started('started'), '200': started('already running'), ...errors },
        },
        get: {
          operationId: 'listProcesses',
          summary: 'List processes through Temporal visibility',
          parameters: queryParams(ListQuerySchema),
          responses: { '200': { description: 'items' }, ...errors },
        },
      },
      '/api/processes/{workflowId}': {
        get: {
          operationId: 'getProcess',
          summary: "A process's clock: steps, due dates, rules and sources, escalations",
          parameters: [workflowIdParam],
          responses: { '200': { description: 'the clock' }, ...errors },
        },
      },
      '/api/cases/{caseId}': {
        get: {
          operationId: 'getCase',
          summary:
            "One child's processes in the order they began (referral, assessment, enquiry, plan, step-down), each with how it ended and what it led to",
          parameters: [caseIdParam],
          responses: { '200': { description: 'the journey' }, ...errors },
        },
      },
      '/api/processes/{workflowId}/events': {
        post: {
          operationId: 'sendEvent',
          summary:
            'Send an event; answered once the workflow accepted or rejected it (404 outside your area, as a read; an eventId reused with another body is 409 naming what differs)',
          description: outcomesDescription(),
          parameters: [workflowIdParam],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ProcessEvent' } } },
          },
          responses: { '200': { description: 'accepted; the updated clock' }, ...errors },
        },
      },
      '/api/families/{familyId}/events': {
        post: {
          operationId: 'sendFamilyEvent',
          summary:
            "One event for a family (a strategy discussion, a conference, a visit that saw each child), applied to every sibling's open process of one type, each in its own history",
          description:
            'Every sibling is checked first: any refusal refuses the whole event, naming the child (body.children.<caseId>.<field>), and nothing is recorded. Per-child outcomes and visits in children. 202 if the siblings have not all answered in time (it is applied all the same; send it again with the same eventId to read the result).',
          parameters: [familyIdParam],
          requestBody: { required: true, content: { 'application/json': { schema: json(FamilyEventSchema) } } },
          responses: {
            '200': { description: "applied: each sibling's result" },
            '202': { description: 'accepted, still being applied' },
            ...errors,
          },
        },
      },
      '/api/processes/{workflowId}/migrate-rules': {
        post: {
          operationId: 'migrateRules',
          summary:
            "Admin: move a running process onto today's rules and calendar (audited in its history, with the due dates that moved)",
          parameters: [workflowIdParam],
          requestBody: { required: true, content: { 'application/json': { schema: json(MigrateRulesSchema) } } },
          responses: { '200': { description: 'migrated; the migration record and the clock' }, ...errors },
        },
      },
      '/api/calendar/due': {
        get: {
          operationId: 'dueDate',
          summary: 'Due date arithmetic (working days, calendar days, weeks, months, hours)',
          parameters: queryParams(DueQuerySchema),
          responses: { '200': { description: 'the due date' }, ...errors },
        },
      },
      '/api/inbox': {
        get: {
          operationId: 'inbox',
          summary:
            "Overdue and due-soon steps in the caller's area (team, service, LA, complaints, own cases), most overdue first, with counts per step",
          description:
            'Scoped by the caller: a dev token must name the person (dev-team-manager.tm-derb-north); a filter outside the area is 403 naming it.',
          parameters: queryParams(InboxQuerySchema),
          responses: { '200': { description: 'the inbox' }, ...errors },
        },
      },
      '/api/reports/timeliness': {
        get: {
          operationId: 'timelinessReport',
          summary:
            "Share on time per national measure, LA and period (or month), within the caller's area; format=csv for CSV",
          parameters: queryParams(TimelinessQuerySchema),
          responses: { '200': { description: 'the report (JSON or text/csv)' }, ...errors },
        },
      },
      '/healthz': {
        get: {
          operationId: 'health',
          summary: 'Checks Temporal',
          security: [],
          responses: { '200': { description: 'ok' }, '503': problem },
        },
      },
    },
  };
}
