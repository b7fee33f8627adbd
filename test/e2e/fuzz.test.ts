/**
 * The API fuzzed from its own /openapi.json by schemathesis (PyPI, pinned; `npm install` puts it in
 * .temporal/venv): every operation, with data that fits the document and data that does not, on a real
 * dev stack (Temporal dev server, worker, SMTP sink). The check is "not a server error": bad input is a
 * 4xx naming the field, a process that does not exist a 404, never a 5xx. A fixed seed and a bounded
 * number of examples keep the run repeatable and to a few minutes.
 *
 * Nine processes of every kind are started first, and the fuzzer's dictionaries hold their ids, the
 * profiles' step and anchor keys and dates inside the calendar's coverage, so generated events reach
 * running workflows (their Update validators and handlers) and not only the request schemas.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { ProfileRegistry } from '../../profiles/load';
import { SHAPES } from '../../engine/catalogue';
import { StackApi, startApiOnStack } from '../support/apiOnStack';
import { DevStack, startDevStack } from '../support/devStack';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { schemathesisPath, VERSION } = require('../../scripts/installFuzzer');

const SEED = 20261123;
const MAX_EXAMPLES = 100;

let s: DevStack;
let api: StackApi;
let dir: string;
beforeAll(async () => {
  s = await startDevStack();
  // Updates get a minute here: on a busy 2-core machine a slow worker must not read as a server error.
  api = await startApiOnStack(s, { logger: pino({ level: 'silent' }), updateTimeoutMs: 60_000 });
  dir = mkdtempSync(join(tmpdir(), 'clocks-fuzz-'));
}, 180_000);
afterAll(async () => {
  await api?.close();
  await s?.teardown();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** One back-dated process of every type (anchors as the API's own tests use them), started through the API. */
const SEEDS: { path: string; body: object; workflowId: string }[] = [
  {
    path: '/api/referrals',
    body: { referralId: 'R-FZ-1', caseId: 'FZ-1', localAuthority: 'derbyshire', receivedAt: '2026-11-02T10:00:00Z' },
    workflowId: 'referral-FZ-1-R-FZ-1',
  },
  {
    path: '/api/processes',
    body: {
      type: 'single-assessment',
      caseId: 'FZ-2',
      localAuthority: 'england',
      anchors: { 'referral-received': '2026-10-01', 'referral-decision': '2026-10-02' },
    },
    workflowId: 'single-assessment-FZ-2-1',
  },
  {
    path: '/api/processes',
    body: {
      type: 'child-protection-enquiry',
      caseId: 'FZ-3',
      localAuthority: 'england',
      anchors: { 'strategy-discussion': '2026-11-10T10:00:00+00:00' },
    },
    workflowId: 'child-protection-enquiry-FZ-3-1',
  },
  {
    path: '/api/processes',
    body: {
      type: 'looked-after',
      caseId: 'FZ-4',
      localAuthority: 'england',
      anchors: { 'date-of-birth': '2016-10-05', 'became-looked-after': '2026-03-02', 'placement-start': '2026-03-02' },
      anchorKinds: { 'placement-start': 'foster-care' },
    },
    workflowId: 'looked-after-FZ-4-1',
  },
  {
    path: '/api/processes',
    body: {
      type: 'complaint-statutory',
      caseId: 'FZ-5',
      localAuthority: 'england',
      anchors: { 'stage1-received': '2026-11-02', 'matter-occurred': '2026-10-01' },
    },
    workflowId: 'complaint-statutory-FZ-5-1',
  },
  {
    path: '/api/processes',
    body: { type: 'child-protection-plan', caseId: 'FZ-6', localAuthority: 'england', anchors: { icpc: '2026-09-01' } },
    workflowId: 'child-protection-plan-FZ-6-1',
  },
  {
    path: '/api/processes',
    body: {
      type: 'child-in-need-plan',
      caseId: 'FZ-7',
      localAuthority: 'england',
      anchors: { 'plan-agreed': '2026-09-01' },
    },
    workflowId: 'child-in-need-plan-FZ-7-1',
  },
  {
    path: '/api/processes',
    body: {
      type: 'pathway-plan',
      caseId: 'FZ-8',
      localAuthority: 'england',
      anchors: { 'date-of-birth': '2010-02-13', 'sixteenth-birthday': '2026-02-13' },
    },
    workflowId: 'pathway-plan-FZ-8-1',
  },
  {
    path: '/api/processes',
    body: {
      type: 'complaint-corporate',
      caseId: 'FZ-9',
      localAuthority: 'derbyshire',
      anchors: { received: '2026-11-02' },
    },
    workflowId: 'complaint-corporate-FZ-9-1',
  },
];

const toml = (values: readonly (string | number)[]) =>
  `values = [${[...new Set(values)].map((v) => JSON.stringify(v)).join(', ')}]`;

/** schemathesis.toml: dictionaries of real values and where generated requests draw on them. */
function fuzzConfig(): string {
  const profiles = ProfileRegistry.fromDirectory();
  const steps: string[] = [];
  const anchors: string[] = [];
  for (const id of profiles.ids()) {
    for (const type of profiles.processTypes(id)) {
      const rules = profiles.resolve(id, type);
      steps.push(...rules.steps.map((x) => x.key));
      anchors.push(...rules.anchors);
    }
  }
  const outcomes = Object.values(SHAPES).flatMap((shape) =>
    Object.values(shape.outcomes).flatMap((o) => Object.keys(o)),
  );
  const kinds = Object.values(SHAPES).flatMap((shape) => Object.values(shape.anchorKinds ?? {}).flatMap((k) => [...k]));
  // Inside the calendar's coverage and before today (2026-11), on working days, weekends and Christmas.
  const dates = [
    '2026-09-01',
    '2026-10-02',
    '2026-11-02',
    '2026-11-07',
    '2026-11-20T10:00:00+00:00',
    '2025-12-24',
    '2026-03-29T01:30:00+00:00',
  ];
  return [
    `[dictionaries.workflows]\n${toml(SEEDS.map((x) => x.workflowId))}`,
    `[dictionaries.cases]\n${toml(SEEDS.map((x) => (x.body as { caseId: string }).caseId))}`,
    `[dictionaries.dates]\n${toml(dates)}`,
    `[dictionaries.steps]\n${toml(steps)}`,
    `[dictionaries.anchors]\n${toml(anchors)}`,
    `[dictionaries.outcomes]\n${toml(outcomes)}`,
    `[dictionaries.kinds]\n${toml(kinds)}`,
    '[parameters]',
    ...[
      ['path.workflowId', 'workflows', 0.9],
      ['path.caseId', 'cases', 0.8],
      ['query.caseId', 'cases', 0.5],
      ['query.from', 'dates', 0.5],
      ['body.step', 'steps', 0.8],
      ['body.anchor', 'anchors', 0.8],
      ['body.outcome', 'outcomes', 0.7],
      ['body.kind', 'kinds', 0.5],
      ['body.occurredAt', 'dates', 0.7],
      ['body.at', 'dates', 0.7],
      ['body.until', 'dates', 0.5],
      ['body.receivedAt', 'dates', 0.7],
    ].map(([key, dictionary, p]) => `"${key}" = { dictionary = "${dictionary}", probability = ${p} }`),
    '',
  ].join('\n');
}

function run(cmd: string, args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** Every response in the NDJSON report: method, path template and status. */
function responses(ndjson: string): { method: string; path: string; status: number }[] {
  const out: { method: string; path: string; status: number }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as { request?: { method?: string; uri?: string }; response?: { status_code?: number } };
    if (o.request?.method && o.request.uri && typeof o.response?.status_code === 'number') {
      out.push({ method: o.request.method, path: new URL(o.request.uri).pathname, status: o.response.status_code });
    }
    Object.values(node).forEach(walk);
  };
  for (const line of ndjson.split('\n')) if (line.trim()) walk(JSON.parse(line));
  return out;
}

test(`schemathesis ${VERSION} finds no server error on any operation of /openapi.json`, async () => {
  const bin: string | undefined = schemathesisPath();
  expect({ schemathesis: bin ?? 'not installed: run npm install' }).toEqual({
    schemathesis: expect.stringContaining('schemathesis'),
  });
  for (const seed of SEEDS) {
    const r = await fetch(`${api.url}${seed.path}`, {
      method: 'POST',
      headers: { authorization: 'Bearer dev-admin', 'content-type': 'application/json' },
      body: JSON.stringify(seed.body),
    });
    expect({ seed: seed.workflowId, status: r.status, body: await r.json() }).toMatchObject({
      seed: seed.workflowId,
      status: 201,
      body: { workflowId: seed.workflowId },
    });
  }
  writeFileSync(join(dir, 'schemathesis.toml'), fuzzConfig());
  const report = join(dir, 'report.ndjson');
  const { code, output } = await run(
    bin!,
    [
      '--config-file',
      join(dir, 'schemathesis.toml'),
      'run',
      `${api.url}/openapi.json`,
      '--header',
      'Authorization: Bearer dev-admin',
      '--checks',
      'not_a_server_error',
      '--seed',
      String(SEED),
      '--max-examples',
      String(MAX_EXAMPLES),
      '--workers',
      '1',
      '--request-timeout',
      '90',
      // Generation health checks judge the generator, not the API; only a 5xx should fail this test.
      '--suppress-health-check',
      'all',
      '--generation-database',
      'none',
      '--no-color',
      '--report',
      'ndjson',
      '--report-ndjson-path',
      report,
    ],
    dir,
  );
  const seen = responses(readFileSync(report, 'utf8'));
  const serverErrors = seen.filter((r) => r.status >= 500);
  // Exit 0 and no 5xx in the recorded responses; on failure the fuzzer's own account (with a curl line per failure).
  expect({ code, serverErrors: serverErrors.slice(0, 20), summary: code === 0 ? 'ok' : output.slice(-12_000) }).toEqual(
    { code: 0, serverErrors: [], summary: 'ok' },
  );
  // It reached the running processes: some events were accepted (200) and some refused by a workflow (409/422).
  const events = seen.filter((r) => r.method === 'POST' && /^\/api\/processes\/[^/]+\/events$/.test(r.path));
  expect({
    accepted: events.some((r) => r.status === 200),
    refusedByWorkflow: events.some((r) => r.status === 409 || r.status === 422),
  }).toEqual({ accepted: true, refusedByWorkflow: true });
  expect(seen.some((r) => r.method === 'GET' && /^\/api\/processes\/[^/]+$/.test(r.path) && r.status === 200)).toBe(
    true,
  );
  // Every operation in the document was called.
  const doc = (await (await fetch(`${api.url}/openapi.json`)).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
  );
  const template = (p: string) =>
    p
      .replace(
        /^\/api\/processes\/[^/]+(\/events|\/migrate-rules)?$/,
        (_m, tail) => `/api/processes/{workflowId}${tail ?? ''}`,
      )
      .replace(/^\/api\/cases\/[^/]+$/, '/api/cases/{caseId}')
      .replace(/^\/api\/families\/[^/]+\/events$/, '/api/families/{familyId}/events');
  const called = new Set(seen.map((r) => `${r.method} ${template(r.path)}`));
  expect(operations.filter((o) => !called.has(o))).toEqual([]);
  console.log(
    `${seen.length} requests, ${events.length} events (${events.filter((r) => r.status === 200).length} accepted)\n${output.trim().split('\n').slice(-14).join('\n')}`,
  );
}, 900_000);

// Found while fuzzing (a start with receivedAt at 25 o'clock was a 500): impossible times, offsets and days
// are refused by the schema, naming the field, and start nothing.
test('an impossible time of day, offset or day is a 400 naming the field, never a 500', async () => {
  const post = async (path: string, body: object) => {
    const r = await fetch(`${api.url}${path}`, {
      method: 'POST',
      headers: { authorization: 'Bearer dev-admin', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return {
      status: r.status,
      fields: ((await r.json()) as { errors?: { field: string }[] }).errors?.map((e) => e.field),
    };
  };
  expect(
    await post('/api/referrals', {
      referralId: 'R-BAD',
      caseId: 'FZ-BAD',
      localAuthority: 'england',
      receivedAt: '2026-11-02T25:00:00Z',
    }),
  ).toEqual({ status: 400, fields: ['body.receivedAt'] });
  expect(
    await post('/api/processes', {
      type: 'referral',
      caseId: 'FZ-BAD',
      localAuthority: 'england',
      anchors: { 'referral-received': '2026-11-02T10:61:00+00:00' },
    }),
  ).toEqual({ status: 400, fields: ['body.anchors.referral-received'] });
  expect(
    await post('/api/processes/single-assessment-FZ-2-1/events', {
      type: 'step-completed',
      step: 'initial-visit',
      occurredAt: '2026-11-02T10:00:00+24:00',
    }),
  ).toEqual({ status: 400, fields: ['body.occurredAt'] });
  const due = await fetch(`${api.url}/api/calendar/due?from=2026-02-30&add=1&unit=working-days`, {
    headers: { authorization: 'Bearer dev-admin' },
  });
  expect({
    status: due.status,
    fields: ((await due.json()) as { errors: { field: string }[] }).errors.map((e) => e.field),
  }).toEqual({ status: 400, fields: ['query.from'] });
  const listed = await fetch(`${api.url}/api/processes?caseId=FZ-BAD`, {
    headers: { authorization: 'Bearer dev-admin' },
  });
  expect(await listed.json()).toEqual({ items: [], count: 0 });
});
