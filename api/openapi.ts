/** /openapi.json, generated from the same zod schemas that validate requests. */
import { z } from 'zod';
import { ReferralSchema, StartProcessSchema } from '../processes/contracts';
import { ProcessEventSchema } from '../workflows/contracts/events';
import { API_ROLES } from './auth';
import { DueQuerySchema } from './routes/calendar';
import { InboxQuerySchema } from './routes/inbox';
import { TimelinessQuerySchema } from './routes/reports';
import { ListQuerySchema, MigrateRulesSchema } from './routes/processes';
import { SHAPES } from '../workflows/journeys';

/** Step outcomes and what each does, so an integrator can see the journey without reading code. */
function outcomesDescription(): string {
  const lines: string[] = ['Step outcomes (send with step-completed):'];
  for (const [type, shape] of Object.entries(SHAPES)) {
    for (const [step, outcomes] of Object.entries(shape.outcomes)) {
      lines.push(`- ${type} / ${step}: ${Object.entries(outcomes).map(([o, e]) => `\`${o}\` (${e.means}${e.starts ? `; starts ${e.starts.type}` : ''})`).join(', ')}`);
    }
  }
  for (const [type, shape] of Object.entries(SHAPES)) {
    for (const [anchor, kinds] of Object.entries(shape.anchorKinds ?? {})) lines.push(`- ${type}: anchor \`${anchor}\` needs \`kind\`, one of ${kinds.map((k) => `\`${k}\``).join(', ')}`);
    for (const [anchor, means] of Object.entries(shape.endingAnchors ?? {})) lines.push(`- ${type}: anchor \`${anchor}\` ends the process (${means})`);
    for (const m of shape.milestones ?? []) lines.push(`- ${type}: milestone ${m.key}: ${m.means}${m.unless ? ` (not if \`${m.unless}\` was recorded)` : ''}`);
    for (const [step, means] of Object.entries(shape.completionEnds ?? {})) lines.push(`- ${type}: completing \`${step}\` ends the process (${means})`);
    if (shape.withdrawable) lines.push(`- ${type}: \`{type: 'withdraw', occurredAt, reason}\` ends it at any stage`);
  }
  lines.push(
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

const problem = { description: 'problem+json naming the field', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
const errors = { '400': problem, '401': problem, '403': problem, '404': problem, '409': problem, '422': problem, '503': problem };

export function openApiDocument() {
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
            errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
            correlationId: { type: 'string' },
          },
        },
      },
    },
    security: [{ bearer: [] }],
    paths: {
      '/api/referrals': {
        post: {
          summary: 'Start the referral clock (idempotent on referralId)',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Referral' } } } },
          responses: { '201': { description: 'started' }, '200': { description: 'already started with the same body' }, ...errors },
        },
      },
      '/api/processes': {
        post: {
          summary: 'Start a process (back-dated anchors allowed)',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/StartProcess' } } } },
          responses: { '201': { description: 'started' }, '200': { description: 'already running' }, ...errors },
        },
        get: { summary: 'List processes through Temporal visibility', parameters: queryParams(ListQuerySchema), responses: { '200': { description: 'items' }, ...errors } },
      },
      '/api/processes/{workflowId}': {
        get: {
          summary: "A process's clock: steps, due dates, rules and sources, escalations",
          parameters: [{ name: 'workflowId', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'the clock' }, ...errors },
        },
      },
      '/api/cases/{caseId}': {
        get: {
          summary: "One child's processes in the order they began (referral, assessment, enquiry, plan, step-down), each with how it ended and what it led to",
          parameters: [{ name: 'caseId', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'the journey' }, ...errors },
        },
      },
      '/api/processes/{workflowId}/events': {
        post: {
          summary: 'Send an event; answered once the workflow accepted or rejected it',
          description: outcomesDescription(),
          parameters: [{ name: 'workflowId', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ProcessEvent' } } } },
          responses: { '200': { description: 'accepted; the updated clock' }, ...errors },
        },
      },
      '/api/processes/{workflowId}/migrate-rules': {
        post: {
          summary: "Admin: move a running process onto today's rules and calendar (audited in its history, with the due dates that moved)",
          parameters: [{ name: 'workflowId', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, content: { 'application/json': { schema: json(MigrateRulesSchema) } } },
          responses: { '200': { description: 'migrated; the migration record and the clock' }, ...errors },
        },
      },
      '/api/calendar/due': {
        get: { summary: 'Due date arithmetic (working days, calendar days, weeks, months, hours)', parameters: queryParams(DueQuerySchema), responses: { '200': { description: 'the due date' }, ...errors } },
      },
      '/api/inbox': {
        get: {
          summary: "Overdue and due-soon steps in the caller's area (team, service, LA, complaints, own cases), most overdue first, with counts per step",
          description: 'Scoped by the caller: a dev token must name the person (dev-team-manager.tm-derb-north); a filter outside the area is 403 naming it.',
          parameters: queryParams(InboxQuerySchema),
          responses: { '200': { description: 'the inbox' }, ...errors },
        },
      },
      '/api/reports/timeliness': {
        get: {
          summary: 'Share on time per national measure, LA and period (or month), within the caller\'s area; format=csv for CSV',
          parameters: queryParams(TimelinessQuerySchema),
          responses: { '200': { description: 'the report (JSON or text/csv)' }, ...errors },
        },
      },
      '/healthz': { get: { summary: 'Checks Temporal', security: [], responses: { '200': { description: 'ok' }, '503': problem } } },
    },
  };
}
