/**
 * No personal data where Temporal lists it or where logs keep it (docs/operations.md, "Personal data"). On a dev
 * stack, processes of every type are started and driven through the API with a distinctive value in
 * every free-text field the API accepts (the late-complaint decision, extension, interval, reassignment,
 * closing, withdrawal and rule-migration reasons) and with the birth dates it takes (a looked-after
 * child's date of birth and its correction, a care leaver's date of birth and 16th birthday, an unborn
 * child's expected date of delivery and the birth). Then none of them may appear in any run's search
 * attributes, memo or Temporal UI summary, in the API's pino log (trace level, every line) or in the
 * worker's log (the SDK's and core's, debug level), or in a webhook body.
 *
 * Controls, so the test cannot pass by losing the values: the API's live view shows each of them back,
 * the workflow history (Temporal's record of what each event said) holds them, and the memo still holds
 * the clock (due dates, non-personal anchors) with "[withheld]" where a value was.
 */
import { Writable } from 'node:stream';
import type { WorkflowExecutionDescription } from '@temporalio/client';
import { DefaultLogger, LogEntry, Runtime, makeTelemetryFilterString } from '@temporalio/worker';
import pino from 'pino';
import { formatLongDate } from '../../engine/calendar/localDate';
import { ProfileRegistry } from '../../profiles/load';
import { WITHHELD } from '../../engine/explain/memo';
import { StackApi, startApiOnStack } from '../support/apiOnStack';
import { DevStack, startDevStack } from '../support/devStack';
import { profileCopy } from '../support/profileCopy';
import { waitFor } from '../../harness/ports';

const apiLog: string[] = [];
const workerLog: string[] = [];

/** Free text typed into each field, each with a made-up name so it reads like what a worker would type. */
const TEXT = {
  lateAccepted: 'RDX-LATE Odalys Penhaligon was in hospital for the whole year',
  complaintExtension: 'RDX-EXT1 Odalys Penhaligon away until after Christmas',
  assessmentTarget: 'RDX-EXT2 Tamsin Kerrow-Vane with her father in Lisbon',
  interval: 'RDX-INT Jory Kerrow-Vane settled at his nan Morwenna',
  reassign: 'RDX-REA worker already knows the Pascoe family',
  close: 'RDX-CLO Pascoe family moved to Truro',
  withdraw: 'RDX-WDR Odalys Penhaligon satisfied after the apology',
  migrate: 'RDX-MIG rules corrected after the Kitto case review',
};
/** A reassignment's reason may be one word; it is withheld in its own history line. */
const SHORT_REASON = 'ok';

/** Birth dates the API takes (none collides with another date in these cases). */
const BIRTH = {
  lacDob: '2014-07-19',
  lacDobCorrected: '2014-07-21',
  leaverDob: '2010-05-27',
  leaverSixteenth: '2026-05-27',
  expectedDelivery: '2027-02-14',
  planExpectedDelivery: '2027-03-03',
  birth: '2026-11-15', // a Sunday: no notification fires or falls due on it here
};

/** Each birth date as it may be written: ISO and the long form explanations use ("19 Jul 2014"). */
const birthForms = Object.values(BIRTH).flatMap((d) => [d, formatLongDate(d).slice(4)]);
const secrets = [...Object.values(TEXT), ...birthForms];

/** The secrets found in a text, with a little context each. */
function leaks(where: string, text: string): string[] {
  return secrets
    .filter((s) => text.includes(s))
    .map(
      (s) => `${where}: '${s}' in …${text.slice(Math.max(0, text.indexOf(s) - 80), text.indexOf(s) + s.length + 20)}…`,
    );
}

/** The API's pino log, every line at trace level, as a log shipper would receive it. */
const apiLogger = pino(
  { level: 'trace' },
  new Writable({
    write(chunk, _enc, done) {
      apiLog.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  }),
);

let s: DevStack;
let api: StackApi;
beforeAll(async () => {
  // The worker's log as the SDK writes it, at debug, from the TypeScript side and from core. Installed
  // before the stack, whose own quiet runtime then stays unused.
  Runtime.install({
    logger: new DefaultLogger('DEBUG', (entry: LogEntry) =>
      workerLog.push(`${entry.level} ${entry.message} ${JSON.stringify(entry.meta ?? {})}`),
    ),
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'DEBUG', other: 'WARN' }), forward: {} } },
  });
  s = await startDevStack();
  api = await startApiOnStack(s, { logger: apiLogger, updateTimeoutMs: 60_000 });
}, 180_000);
afterAll(async () => {
  await api?.close();
  await s?.teardown();
});

async function call(method: string, path: string, body?: unknown, token = 'dev-admin', base = api.url) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function start(path: string, body: object): Promise<string> {
  // The intake system takes referrals in; the other processes are started by the administrator (docs/access.md).
  const r = await call('POST', path, body, path === '/api/referrals' ? 'dev-intake-system' : 'dev-admin');
  expect({ body, status: r.status, detail: r.body.detail }).toEqual({ body, status: 201, detail: undefined });
  return r.body.workflowId;
}

async function send(workflowId: string, event: object, token = 'dev-team-manager.tm-eng') {
  const r = await call('POST', `/api/processes/${workflowId}/events`, event, token);
  expect({ event, status: r.status, detail: r.body.detail }).toEqual({ event, status: 200, detail: undefined });
  return r.body;
}

test('free text and birth dates stay out of search attributes, memos, summaries and logs', async () => {
  const assign = { workerId: 'sw-eng-01', team: 'eng-demo' };
  // A complaint a year and more after the matter, considered late with a reason; extended; withdrawn.
  const complaint = await start('/api/processes', {
    type: 'complaint-statutory',
    caseId: 'RDX-1',
    localAuthority: 'england',
    assignment: assign,
    anchors: { 'matter-occurred': '2025-09-01', 'stage1-received': '2026-11-02' },
    lateAccepted: { reason: TEXT.lateAccepted },
  });
  await send(complaint, {
    type: 'extend',
    step: 'stage1-response',
    reason: TEXT.complaintExtension,
    agreedWithComplainant: true,
    agreedAt: '2026-11-10',
  });
  await send(
    complaint,
    { type: 'withdraw', occurredAt: '2026-11-20', reason: TEXT.withdraw },
    'dev-social-worker.sw-eng-01',
  );

  // A single assessment given a revised target, reassigned twice (a long and a one-word reason), migrated, closed.
  const assessment = await start('/api/processes', {
    type: 'single-assessment',
    caseId: 'RDX-2',
    localAuthority: 'england',
    assignment: assign,
    anchors: { 'referral-received': '2026-10-01', 'referral-decision': '2026-10-02' },
  });
  await send(assessment, { type: 'extend', step: 'assessment-complete', reason: TEXT.assessmentTarget });
  await send(assessment, { type: 'reassign', workerId: 'sw-eng-02', reason: TEXT.reassign });
  await send(assessment, { type: 'reassign', workerId: 'sw-eng-01', reason: SHORT_REASON });
  // An edited profile deployed (a step's title reworded), then the running assessment moved onto it.
  const edited = profileCopy();
  edited.edit(
    'england',
    (england) => (england.processes['single-assessment'].steps['assessment-complete'].title += ' (reworded)'),
  );
  const redeployed = await startApiOnStack(s, {
    logger: apiLogger,
    updateTimeoutMs: 60_000,
    profiles: ProfileRegistry.fromDirectory(edited.dir),
  });
  const migrated = await call(
    'POST',
    `/api/processes/${assessment}/migrate-rules`,
    { reason: TEXT.migrate },
    'dev-admin',
    redeployed.url,
  );
  await redeployed.close();
  edited.remove();
  expect({ status: migrated.status, detail: migrated.body.detail }).toEqual({ status: 200, detail: undefined });

  // A child in need plan with visits agreed more often for a reason, then closed.
  const cin = await start('/api/processes', {
    type: 'child-in-need-plan',
    caseId: 'RDX-3',
    localAuthority: 'england',
    assignment: assign,
    anchors: { 'plan-agreed': '2026-09-01' },
  });
  await send(
    cin,
    { type: 'set-interval', step: 'cin-visit', every: { value: 2, unit: 'weeks' }, reason: TEXT.interval },
    'dev-social-worker.sw-eng-01',
  );
  await send(cin, { type: 'close', reason: TEXT.close });

  // A child in care: date of birth at the start, corrected later; a review ends the cycle (continue-as-new).
  const lac = await start('/api/processes', {
    type: 'looked-after',
    caseId: 'RDX-4',
    localAuthority: 'england',
    assignment: assign,
    anchors: { 'date-of-birth': BIRTH.lacDob, 'became-looked-after': '2026-06-01', 'placement-start': '2026-06-01' },
    anchorKinds: { 'placement-start': 'foster-care' },
  });
  await send(
    lac,
    { type: 'anchor', anchor: 'date-of-birth', at: BIRTH.lacDobCorrected },
    'dev-social-worker.sw-eng-01',
  );
  await send(
    lac,
    { type: 'step-completed', step: 'lac-review', occurredAt: '2026-06-26' },
    'dev-social-worker.sw-eng-01',
  );

  // A care leaver from the 16th birthday; an unborn child's enquiry and plan, then the birth.
  const leaver = await start('/api/processes', {
    type: 'pathway-plan',
    caseId: 'RDX-5',
    localAuthority: 'england',
    assignment: assign,
    anchors: { 'date-of-birth': BIRTH.leaverDob, 'sixteenth-birthday': BIRTH.leaverSixteenth },
  });
  const enquiry = await start('/api/processes', {
    type: 'child-protection-enquiry',
    caseId: 'RDX-6',
    localAuthority: 'england',
    assignment: assign,
    anchors: { 'strategy-discussion': '2026-11-10T10:00:00+00:00', 'expected-delivery-date': BIRTH.expectedDelivery },
  });
  const plan = await start('/api/processes', {
    type: 'child-protection-plan',
    caseId: 'RDX-7',
    localAuthority: 'england',
    assignment: assign,
    anchors: { icpc: '2026-10-20', 'expected-delivery-date': BIRTH.planExpectedDelivery },
  });
  await send(plan, { type: 'anchor', anchor: 'birth', at: BIRTH.birth }, 'dev-social-worker.sw-eng-01');
  const ids = [complaint, assessment, cin, lac, leaver, enquiry, plan];

  // Controls: the live view (a query, as the API answers while a worker runs) shows what was typed.
  const live = async (id: string) => (await call('GET', `/api/processes/${id}`)).body;
  expect((await live(assessment)).steps.find((x: any) => x.key === 'assessment-complete').extensions[0].reason).toBe(
    TEXT.assessmentTarget,
  );
  expect((await live(lac)).anchors['date-of-birth']).toBe(BIRTH.lacDobCorrected);
  expect((await live(leaver)).anchors).toMatchObject({
    'date-of-birth': BIRTH.leaverDob,
    'sixteenth-birthday': BIRTH.leaverSixteenth,
  });
  expect((await live(plan)).anchors.birth).toBe(BIRTH.birth);
  // The same search finds them in the live views of the running processes (so it would find them in a memo).
  const liveLeaks = (await Promise.all([assessment, lac, leaver, enquiry, plan].map(live))).flatMap((v) =>
    leaks('live', JSON.stringify(v)),
  );
  expect(Object.values(TEXT).filter((t) => liveLeaks.some((l) => l.includes(`'${t}'`)))).toEqual([
    TEXT.assessmentTarget,
    TEXT.reassign,
    TEXT.migrate,
  ]);
  expect(Object.values(BIRTH).filter((b) => !liveLeaks.some((l) => l.includes(`'${b}'`)))).toEqual([]);

  // Each process's memo has caught up with its last event (closed ones publish a final memo).
  const lastLine: Record<string, string> = {
    [complaint]: 'withdrawn',
    [assessment]: 'migrated',
    [cin]: 'closed',
    [lac]: 'continued as new',
    [leaver]: 'started',
    [enquiry]: 'started',
    [plan]: 'anchor birth',
  };
  const descriptions = new Map<string, WorkflowExecutionDescription>();
  for (const id of ids) {
    descriptions.set(
      id,
      await waitFor(
        `memo of ${id}`,
        async () => {
          const d = await s.client.workflow.getHandle(id).describe();
          const clock = (d.memo as any)?.clock;
          return clock?.history.some((h: any) => h.what.includes(lastLine[id])) ? d : undefined;
        },
        60_000,
      ),
    );
  }

  // Every run of every process as visibility lists it: search attributes, memo, summary.
  const found: string[] = [];
  const runs: string[] = [];
  for await (const wf of s.client.workflow.list({ query: 'CaseId STARTS_WITH "RDX-"' })) {
    runs.push(`${wf.workflowId}/${wf.status.name}`);
    const described = await s.client.workflow.getHandle(wf.workflowId, wf.runId).describe();
    found.push(
      ...leaks(
        `${wf.workflowId} search attributes`,
        JSON.stringify(wf.typedSearchAttributes) + JSON.stringify(wf.searchAttributes),
      ),
    );
    found.push(...leaks(`${wf.workflowId} memo (listed)`, JSON.stringify(wf.memo ?? {})));
    found.push(...leaks(`${wf.workflowId} memo (described)`, JSON.stringify(described.memo ?? {})));
    found.push(
      ...leaks(
        `${wf.workflowId} summary and details`,
        `${await described.staticSummary?.()} ${await described.staticDetails?.()}`,
      ),
    );
  }
  // Seven processes; the looked-after child's review continued it as new, so it has two runs.
  expect(runs.sort()).toEqual(
    [
      ...ids.map((id) => `${id}/${id === complaint || id === cin ? 'COMPLETED' : 'RUNNING'}`),
      `${lac}/CONTINUED_AS_NEW`,
    ].sort(),
  );
  found.push(...apiLog.flatMap((line, i) => leaks(`API log line ${i}`, line)));
  found.push(...workerLog.flatMap((line, i) => leaks(`worker log line ${i}`, line)));
  found.push(...s.hooks.flatMap((h, i) => leaks(`webhook ${i}`, h.body)));
  expect(found).toEqual([]);
  console.log(
    `searched ${runs.length} runs, ${apiLog.length} API log lines, ${workerLog.length} worker log lines, ${s.hooks.length} webhooks`,
  );

  // The logs were written, so their silence means something. The API logs each request once: 7 starts,
  // 10 events, 1 migration and 4 + 5 reads above, all answered 2xx.
  expect(apiLog.filter((line) => JSON.parse(line).msg === 'request completed')).toHaveLength(27);
  expect(workerLog.filter((line) => line.includes('notification delivered')).length).toBeGreaterThan(0);

  // The memo is still the clock: due dates, the anchors that are not birth dates, and [withheld] where a value was.
  const memoOf = (id: string) => (descriptions.get(id)!.memo as any).clock;
  const assessmentMemo = memoOf(assessment);
  expect(assessmentMemo.steps.find((x: any) => x.key === 'assessment-complete')).toMatchObject({
    dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    extensions: [{ reason: WITHHELD }],
  });
  expect(assessmentMemo.anchors).toEqual({ 'referral-received': '2026-10-01', 'referral-decision': '2026-10-02' });
  expect(assessmentMemo.migrations[0].reason).toBe(WITHHELD);
  const reassignments = assessmentMemo.history
    .filter((h: any) => h.what.startsWith('reassigned'))
    .map((h: any) => h.what);
  expect(reassignments).toEqual([
    `reassigned from sw-eng-01/eng-demo to sw-eng-02/eng-demo: ${WITHHELD}`,
    `reassigned from sw-eng-02/eng-demo to sw-eng-01/eng-demo: ${WITHHELD}`,
  ]);
  expect(Object.keys(memoOf(lac).anchors).sort()).toEqual(['became-looked-after', 'placement-start']);
  expect(memoOf(complaint).timeLimit.acceptedLate.reason).toBe(WITHHELD);
  expect(memoOf(cin).closed.reason).toBe(WITHHELD);
  expect(memoOf(cin).steps.find((x: any) => x.key === 'cin-visit').interval.reason).toBe(WITHHELD);

  // History is Temporal's record of each event and keeps what was typed (docs/operations.md, "Personal data").
  const history = payloadTexts(await s.client.workflow.getHandle(assessment).fetchHistory());
  expect([TEXT.assessmentTarget, TEXT.reassign, TEXT.migrate].filter((t) => !history.includes(t))).toEqual([]);
}, 600_000);

/** The payloads in a history (event arguments, results), as text. */
function payloadTexts(node: unknown): string {
  if (node instanceof Uint8Array) return Buffer.from(node).toString('utf8');
  if (Array.isArray(node)) return node.map(payloadTexts).join('\n');
  if (node && typeof node === 'object') return Object.values(node).map(payloadTexts).join('\n');
  return '';
}
