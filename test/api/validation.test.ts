/**
 * The API's own answers, in process (api/app.ts on FakeClocks): bad input is a clear 4xx naming the field
 * and changes nothing, the calendar endpoint's arithmetic, the OpenAPI document, and the health check
 * when Temporal cannot be reached. Event refusals come from the engine's validator, as the workflow's
 * do; test/e2e/api.test.ts keeps a few of them against the real clock, with what needs a worker.
 */
import { InProcessApi, startInProcessApi } from '../support/inProcessApi';

let s: InProcessApi;
beforeAll(async () => {
  s = await startInProcessApi();
});
afterAll(async () => s?.close());

describe('bad input gets a clear 4xx naming the field, and changes nothing', () => {
  let wf: string;
  beforeAll(async () => {
    const r = await s.call('POST', '/api/processes', {
      type: 'single-assessment',
      caseId: 'ENG-BAD-1',
      localAuthority: 'england',
      anchors: { 'referral-received': '2026-11-02' },
      assignment: { workerId: 'tm-eng', team: 'eng-demo' },
    });
    wf = r.body.workflowId;
  });

  test.each([
    [
      'unknown LA',
      'POST',
      '/api/processes',
      { type: 'referral', caseId: 'X1', localAuthority: 'narnia', anchors: { 'referral-received': '2026-11-02' } },
      'dev-admin',
      422,
      'localAuthority',
    ],
    [
      'malformed date',
      'POST',
      '/api/referrals',
      { referralId: 'R1', caseId: 'X1', localAuthority: 'york', receivedAt: '02/11/2026' },
      'dev-admin',
      400,
      'body.receivedAt',
    ],
    [
      'impossible date',
      'POST',
      '/api/referrals',
      { referralId: 'R1', caseId: 'X1', localAuthority: 'york', receivedAt: '2027-02-29' },
      'dev-admin',
      400,
      'body.receivedAt',
    ],
    [
      'anchor the process does not have',
      'POST',
      '/api/processes',
      { type: 'single-assessment', caseId: 'X1', localAuthority: 'derbyshire', anchors: { allocation: '2026-11-02' } },
      'dev-admin',
      422,
      'anchors.allocation',
    ],
    [
      'working days before the calendar',
      'POST',
      '/api/processes',
      {
        type: 'single-assessment',
        caseId: 'X1',
        localAuthority: 'england',
        anchors: { 'referral-received': '2011-06-01' },
      },
      'dev-admin',
      422,
      'anchors.referral-received',
    ],
    // Named as the body's field, not the anchor it becomes.
    [
      'Bracknell Forest referral without the contact date it counts from',
      'POST',
      '/api/referrals',
      { referralId: 'R1', caseId: 'X1', localAuthority: 'bracknell-forest', receivedAt: '2026-11-02' },
      'dev-admin',
      422,
      'contactReceivedAt',
    ],
    // Request bodies are strict: a misspelt field is a 400 naming it, as every schema error is, not dropped.
    [
      'unknown field in a referral',
      'POST',
      '/api/referrals',
      { referralId: 'R1', caseId: 'X1', localAuthority: 'york', receivedAt: '2026-11-02', recievedBy: 'duty desk' },
      'dev-admin',
      400,
      'body.recievedBy',
    ],
    [
      'unknown field in an assignment',
      'POST',
      '/api/processes',
      {
        type: 'referral',
        caseId: 'X1',
        localAuthority: 'york',
        anchors: { 'referral-received': '2026-11-02' },
        assignment: { tem: 'york-ra' },
      },
      'dev-admin',
      400,
      'body.assignment.tem',
    ],
    [
      'referral received in the future',
      'POST',
      '/api/referrals',
      { referralId: 'R1', caseId: 'X1', localAuthority: 'york', receivedAt: '2031-06-03T10:00:00+01:00' },
      'dev-admin',
      422,
      'body.receivedAt',
    ],
    [
      'contact received in the future',
      'POST',
      '/api/referrals',
      {
        referralId: 'R1',
        caseId: 'X1',
        localAuthority: 'bracknell-forest',
        receivedAt: '2026-11-02',
        contactReceivedAt: '2031-06-02',
      },
      'dev-admin',
      422,
      'body.contactReceivedAt',
    ],
    // Born Tue 10 Mar 2015: 16 on Mon 10 Mar 2031, not Tue 11 Mar.
    [
      'a 16th birthday that contradicts the date of birth',
      'POST',
      '/api/processes',
      {
        type: 'pathway-plan',
        caseId: 'X1',
        localAuthority: 'england',
        anchors: { 'date-of-birth': '2015-03-10', 'sixteenth-birthday': '2031-03-11' },
      },
      'dev-admin',
      422,
      'anchors.sixteenth-birthday',
    ],
    ['missing token', 'POST', '/api/processes', {}, null, 401, 'authorization'],
    ['wrong token', 'GET', '/api/processes?caseId=X1', undefined, 'letmein', 401, 'authorization'],
    ['bad JSON', 'POST', '/api/processes', '{"type":', 'dev-admin', 400, 'body'],
  ])('%s', async (_name, method, path, body, token, status, field) => {
    const r = await s.call(method as string, path as string, body, token as string | null);
    expect(r.status).toBe(status);
    expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(r.body.errors.map((e: any) => e.field)).toContain(field);
  });

  test.each([
    [
      'unknown step',
      { type: 'step-completed', step: 'assesment-complete', occurredAt: '2026-11-20' },
      'dev-social-worker',
      422,
      'body.step',
      /unknown step 'assesment-complete'/,
    ],
    [
      'completion before the anchor',
      { type: 'step-completed', step: 'assessment-complete', occurredAt: '2026-10-30' },
      'dev-social-worker',
      422,
      'body.occurredAt',
      /is before referral-received \(2026-11-02\), which 'assessment-complete' counts from/,
    ],
    [
      'completion in the future',
      { type: 'step-completed', step: 'assessment-complete', occurredAt: '2031-01-01' },
      'dev-social-worker',
      422,
      'body.occurredAt',
      /in the future/,
    ],
    [
      'extension without a reason',
      { type: 'extend', step: 'assessment-complete', reason: '' },
      'dev-team-manager',
      400,
      'body.reason',
      /reason is required/,
    ],
    // max 65 WD from Mon 2 Nov 2026 = Thu 4 Feb 2027 (45 WD = Thu 7 Jan 2027, then 20 more)
    [
      'extension past the maximum',
      { type: 'extend', step: 'assessment-complete', reason: 'family abroad', until: '2027-02-05' },
      'dev-team-manager',
      422,
      'body.until',
      /past the maximum .* 2027-02-04/,
    ],
    [
      'extension by a social worker',
      { type: 'extend', step: 'assessment-complete', reason: 'family abroad' },
      'dev-social-worker',
      403,
      'type',
      /needs one of the roles/,
    ],
    ['unknown event type', { type: 'pause', reason: 'x' }, 'dev-admin', 400, 'body.type', /./],
    [
      'unknown field in an event',
      { type: 'reassign', team: 'eng-demo', colour: 'blue' },
      'dev-team-manager',
      400,
      'body.colour',
      /body\.colour: unknown field/,
    ],
  ])('%s', async (_name, event, token, status, field, message) => {
    const before = (await s.call('GET', `/api/processes/${wf}`)).body;
    const r = await s.call('POST', `/api/processes/${wf}/events`, event, token as string);
    expect(r.status).toBe(status);
    expect(r.body.errors.map((e: any) => e.field)).toContain(field);
    expect(r.body.detail).toMatch(message as RegExp);
    const after = (await s.call('GET', `/api/processes/${wf}`)).body;
    expect(after.steps).toEqual(before.steps);
    expect(after.history).toEqual(before.history);
  });
});

test('the calendar endpoint: the arithmetic every rule uses, checkable by hand', async () => {
  // Thu 25 Mar 2027 (Maundy Thursday) + 45 WD, skipping Good Friday 26 Mar, Easter Monday 29 Mar, the early
  // May bank holiday Mon 3 May and the spring one Mon 31 May: WD 5 Mon 5 Apr ... 43 Fri 28 May, 44 Tue 1 Jun,
  // 45 Wed 2 Jun 2027.
  const check = await s.call(
    'GET',
    '/api/calendar/due?from=2027-03-25&add=45&unit=working-days',
    undefined,
    'dev-social-worker',
  );
  expect(check.body).toMatchObject({ dueDate: '2027-06-02', dueDateLong: 'Wed 2 Jun 2027' });
  expect(check.body.provisional).toBeUndefined();
  // Past GOV.UK's list (to Tue 26 Dec 2028) bank holidays are projected by rule and the date is provisional:
  // Fri 24 Dec 2032 + 1 WD: Sat 25, Sun 26, Mon 27 and Tue 28 (Christmas on a Saturday) -> Wed 29 Dec 2032.
  const projected = await s.call(
    'GET',
    '/api/calendar/due?from=2032-12-24&add=1&unit=working-days',
    undefined,
    'dev-social-worker',
  );
  expect(projected.body).toMatchObject({
    dueDate: '2032-12-29',
    provisional: true,
    note: 'provisional: bank holidays after Tue 26 Dec 2028 are projected by rule (Banking and Financial Dealings Act 1971, Schedule 1) until GOV.UK publishes them',
    calendar: { coverage: { from: '2012-01-01' }, provisionalFrom: '2028-12-27' },
  });
  // Calendar time in any year reads no bank holiday: 31 Jan 2090 + 1 month -> 28 Feb 2090 (not a leap year).
  const farOff = await s.call(
    'GET',
    '/api/calendar/due?from=2090-01-31&add=1&unit=months',
    undefined,
    'dev-social-worker',
  );
  expect(farOff.body).toMatchObject({ dueDate: '2090-02-28' });
  expect(farOff.body.provisional).toBeUndefined();
  // Working days before the calendar's coverage (1 Jan 2012) cannot be counted: 422 naming query.from.
  const before = await s.call(
    'GET',
    '/api/calendar/due?from=2011-06-01&add=1&unit=working-days',
    undefined,
    'dev-social-worker',
  );
  expect({ status: before.status, errors: before.body.errors }).toEqual({
    status: 422,
    errors: [{ field: 'query.from', message: 'before the calendar coverage' }],
  });
  const badUnit = await s.call(
    'GET',
    '/api/calendar/due?from=2026-12-24&add=1&unit=fortnights',
    undefined,
    'dev-social-worker',
  );
  expect({ status: badUnit.status, field: badUnit.body.errors[0].field }).toEqual({ status: 400, field: 'query.unit' });
});

test('openapi.json is generated from the schemas', async () => {
  const doc = (await s.call('GET', '/openapi.json', undefined, null)).body;
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining([
      '/api/referrals',
      '/api/processes',
      '/api/processes/{workflowId}',
      '/api/processes/{workflowId}/events',
      '/api/calendar/due',
    ]),
  );
  expect(doc.components.schemas.Referral.required).toEqual(
    expect.arrayContaining(['referralId', 'caseId', 'localAuthority', 'receivedAt']),
  );
});

test('healthz answers 503 problem+json, saying why, while the clocks cannot be reached', async () => {
  expect(await s.call('GET', '/healthz', undefined, null)).toMatchObject({
    status: 200,
    body: { status: 'ok', temporal: 'ok' },
  });
  s.clocks.unreachable = '14 UNAVAILABLE: No connection established';
  try {
    const down = await s.call('GET', '/healthz', undefined, null);
    expect({ status: down.status, type: down.headers.get('content-type'), body: down.body }).toEqual({
      status: 503,
      type: 'application/problem+json; charset=utf-8',
      body: {
        title: 'Unavailable',
        status: 503,
        detail: 'Temporal is not reachable: 14 UNAVAILABLE: No connection established',
      },
    });
  } finally {
    s.clocks.unreachable = undefined;
  }
});

test('a process that does not exist is a 404 naming workflowId, to a read and to an event', async () => {
  const read = await s.call('GET', '/api/processes/referral-NO-SUCH-1');
  expect({ status: read.status, errors: read.body.errors, detail: read.body.detail }).toEqual({
    status: 404,
    errors: [{ field: 'workflowId', message: 'not found' }],
    detail: 'no process referral-NO-SUCH-1',
  });
  const event = await s.call(
    'POST',
    '/api/processes/referral-NO-SUCH-1/events',
    { type: 'close', reason: 'recorded in error' },
    'dev-admin',
  );
  expect({ status: event.status, errors: event.body.errors }).toEqual({
    status: 404,
    errors: [{ field: 'workflowId', message: 'not found' }],
  });
  const badId = await s.call('GET', '/api/processes/NOT%20AN%20ID');
  expect({ status: badId.status, field: badId.body.errors[0].field }).toEqual({ status: 400, field: 'workflowId' });
});
