/**
 * The API against a real dev server, as a case-management system drives it. Hand-worked dates:
 *  - Derbyshire, referral decision Thu 25 Mar 2027 (Maundy Thursday). Not working days: Fri 26 Mar
 *    (Good Friday), Mon 29 Mar (Easter Monday), Mon 3 May (early May), Mon 31 May (spring).
 *    WD 1 Tue 30 Mar, 2 Wed 31, 3 Thu 1 Apr, 4 Fri 2, 5 Mon 5 Apr  -> initial visit (L17, 5 WD)
 *    6 Tue 6, 7 Wed 7 Apr                                         -> assessment plan (L18, 7 WD)
 *    ... 24 Fri 30 Apr, 25 Tue 4 May, ... 43 Fri 28 May, 44 Tue 1 Jun, 45 Wed 2 Jun 2027 -> completion (L507)
 *  - Back-dated referral received Mon 2 Nov 2026 10:00 GMT: due Tue 3 Nov; overdue Wed 4 Nov, escalated
 *    Fri 6 Nov, critical Wed 11 Nov 2026, each 09:00 GMT. All three are due at the first pass (the case is
 *    started weeks later), so only the highest, critical, is sent: to the head of service (hos-derb),
 *    copying the roles of the two it passed, team manager then service manager (tm-derb-north,
 *    sm-derb-assess); overdue and escalated are recorded as caught up in it and never sent.
 */
import { DevStack, startDevStack } from '../support/devStack';
import { waitFor } from '../../harness/ports';

let s: DevStack;
beforeAll(async () => {
  s = await startDevStack();
});
afterAll(async () => s?.teardown());

const derbyshireSA = {
  type: 'single-assessment',
  caseId: 'DERBY-MAUNDY-2027',
  localAuthority: 'derbyshire',
  anchors: { 'referral-received': '2027-03-24T15:30:00+00:00', 'referral-decision': '2027-03-25' },
  assignment: { workerId: 'sw-derb-01', team: 'derb-north-assessment' },
};

test('a Derbyshire single assessment decided on Maundy Thursday 2027 shows each due date with its source', async () => {
  const started = await s.call('POST', '/api/processes', derbyshireSA, 'dev-admin');
  expect(started).toMatchObject({
    status: 201,
    body: { workflowId: 'single-assessment-DERBY-MAUNDY-2027-1', existing: false },
  });
  const { status, body } = await s.call(
    'GET',
    `/api/processes/${started.body.workflowId}`,
    undefined,
    'dev-social-worker.sw-derb-01',
  );
  expect(status).toBe(200);
  expect(body).toMatchObject({
    type: 'single-assessment',
    caseId: 'DERBY-MAUNDY-2027',
    localAuthority: 'derbyshire',
    status: 'open',
  });
  const steps = Object.fromEntries(body.steps.map((x: any) => [x.key, x]));
  expect(steps['initial-visit']).toMatchObject({
    dueDate: '2027-04-05',
    dueAt: '2027-04-05T23:59:59+01:00',
    status: 'pending',
    rule: {
      value: 5,
      unit: 'working-days',
      anchor: 'referral-decision',
      kind: 'local',
      source: { kind: 'seed', file: 'seeds/000_ef8a5146208a670e.txt', lines: 17 },
    },
  });
  expect(steps['initial-visit'].explanation).toContain(
    '5 working days after Thu 25 Mar 2027 (referral-decision) = Mon 5 Apr 2027; not counted besides weekends: Fri 26 Mar 2027 (bank holiday), Mon 29 Mar 2027 (bank holiday)',
  );
  expect(steps['assessment-plan']).toMatchObject({ dueDate: '2027-04-07', rule: { value: 7, source: { lines: 18 } } });
  // Derbyshire's 45 WD from the decision (L507) gives Wed 2 Jun 2027; the national 45 WD from the referral,
  // the day before, runs beside it and gives Tue 1 Jun, which applies (never later than statute).
  expect(steps['assessment-complete']).toMatchObject({
    dueDate: '2027-06-01',
    countedFrom: 'referral-received',
    rule: { value: 45, anchor: 'referral-decision', source: { file: 'seeds/000_ef8a5146208a670e.txt', lines: 507 } },
  });
  expect(steps['assessment-complete'].timings.map((t: any) => [t.countedFrom, t.dueDate, t.applies])).toEqual([
    ['referral-received', '2027-06-01', true],
    ['referral-decision', '2027-06-02', false],
  ]);
  expect(steps['assessment-complete'].rule.looserThanNational).toMatch(/later than the national rule/);
  expect(steps['assessment-complete'].explanation).toContain(
    'Mon 3 May 2027 (bank holiday), Mon 31 May 2027 (bank holiday)',
  );
});

test('a back-dated referral shows its overdue step and every tier within seconds, one notification at the tier reached', async () => {
  const t0 = Date.now();
  const res = await s.call(
    'POST',
    '/api/referrals',
    {
      referralId: 'MIG-0001',
      caseId: 'DERBY-MIG-1',
      localAuthority: 'derbyshire',
      receivedAt: '2026-11-02T10:00:00Z',
      assignment: { workerId: 'sw-derb-01', team: 'derb-north-assessment' },
    },
    'dev-intake-system',
  );
  expect(res.status).toBe(201);
  const wf = res.body.workflowId;
  const view = await waitFor('the tiers recorded and the critical delivered', async () => {
    const v = (await s.call('GET', `/api/processes/${wf}`)).body;
    const e = v.steps[0].escalations;
    return e.length === 3 && e[2].recipients ? v : undefined;
  });
  const seconds = (Date.now() - t0) / 1000;
  expect(seconds).toBeLessThan(15);
  expect(view.steps[0]).toMatchObject({ key: 'referral-decision', dueDate: '2026-11-03', status: 'overdue' });
  // Every tier reached is listed (header: Wed 4, Fri 6, Wed 11 Nov 2026, 09:00 GMT); only the critical was
  // delivered, so only it has deliveredAt and recipients: hos-derb (head-of-service of derb-north-assessment,
  // config/directory.json), then its copies in catch-up order, the overdue tier's team manager (tm-derb-north)
  // and the escalated tier's service manager (sm-derb-assess).
  expect(view.steps[0].escalations).toEqual([
    { tier: 'overdue', role: 'team-manager', at: '2026-11-04T09:00:00+00:00', caughtUpIn: 'critical' },
    { tier: 'escalated', role: 'service-manager', at: '2026-11-06T09:00:00+00:00', caughtUpIn: 'critical' },
    {
      tier: 'critical',
      role: 'head-of-service',
      at: '2026-11-11T09:00:00+00:00',
      deliveredAt: expect.any(String),
      recipients: ['hos-derb', 'tm-derb-north', 'sm-derb-assess'],
    },
  ]);
  // The history says why the two lower tiers were not sent, and whom the critical copied.
  const lines = view.history.map((h: any) => h.what);
  expect(lines).toEqual(
    expect.arrayContaining([
      'overdue for referral-decision (to team-manager, due 09:00 GMT Wed 4 Nov 2026) passed before it could be sent on its own (the case started or was recorded late, or nothing ran then): the critical sent now copies the team-manager',
      'escalated for referral-decision (to service-manager, due 09:00 GMT Fri 6 Nov 2026) passed before it could be sent on its own (the case started or was recorded late, or nothing ran then): the critical sent now copies the service-manager',
      'critical for referral-decision to head-of-service (copy to team-manager, service-manager)',
    ]),
  );
  // One email: To the head of service, Cc the two managers passed, with the critical's key and instant.
  const mails = (await s.mail.messages()).filter((m) => m.headers['x-clock-workflow-id'] === wf);
  expect(
    mails.map((m) => ({
      to: m.to.map((t) => t.address),
      cc: ((m as any).cc ?? []).map((t: any) => t.address),
      key: m.headers['x-clock-key'],
      tier: m.headers['x-clock-tier'],
      firesAt: m.headers['x-clock-fires-at'],
      recipient: m.headers['x-clock-recipient'],
      copies: m.headers['x-clock-cc'],
    })),
  ).toEqual([
    {
      to: ['hos-derb@derbyshire.clocks.test'],
      cc: ['tm-derb-north@derbyshire.clocks.test', 'sm-derb-assess@derbyshire.clocks.test'],
      key: `${wf}:referral-decision:1:critical`,
      tier: 'critical',
      firesAt: '2026-11-11T09:00:00+00:00', // the critical tier's own instant (header), not the time it was sent
      recipient: 'hos-derb',
      copies: 'tm-derb-north,sm-derb-assess',
    },
  ]);
  expect(mails[0].subject).toMatch(/^\[CRITICAL: still overdue\] Decide the type of response/);
  // The same notification went to the webhook, signed, with the key as Idempotency-Key, recipient and cc.
  const hooks = await waitFor('the webhook', async () => {
    const h = s.hooks.filter((x) => String(x.headers['idempotency-key']).startsWith(`${wf}:`));
    return h.length >= 1 ? h : undefined;
  });
  // A moment more, so a second delivery (a lower tier sent after all, or a repeat) would show.
  await new Promise((r) => setTimeout(r, 2_000));
  expect(s.hooks.filter((x) => String(x.headers['idempotency-key']).startsWith(`${wf}:`))).toHaveLength(1);
  expect(hooks[0].validSignature).toBe(true);
  expect(hooks[0].headers['idempotency-key']).toBe(`${wf}:referral-decision:1:critical`);
  expect(JSON.parse(hooks[0].body)).toMatchObject({
    key: `${wf}:referral-decision:1:critical`,
    tier: 'critical',
    role: 'head-of-service',
    recipient: 'hos-derb',
    cc: ['tm-derb-north', 'sm-derb-assess'],
    firesAt: '2026-11-11T09:00:00+00:00',
    dueDate: '2026-11-03',
  });
  expect((await s.mail.messages()).filter((m) => m.headers['x-clock-workflow-id'] === wf)).toHaveLength(1);
  // And the search attributes say so in the Temporal UI: the critical tier reached, level 3.
  const desc = await s.client.workflow.getHandle(wf).describe();
  expect(desc.searchAttributes).toMatchObject({
    CaseId: ['DERBY-MIG-1'],
    ProcessType: ['referral'],
    LocalAuthority: ['derbyshire'],
    Team: ['derb-north-assessment'],
    CurrentStep: ['referral-decision'],
    OverdueSteps: ['referral-decision'],
    EscalationLevel: [3],
  });
  console.log(`back-dated referral: escalations visible ${seconds.toFixed(1)} s after POST`);
});

test('posting a referral again is idempotent; the same id with another body is a 409', async () => {
  const body = { referralId: 'R-77', caseId: 'YORK-5', localAuthority: 'york', receivedAt: '2026-11-24T09:30:00Z' };
  expect((await s.call('POST', '/api/referrals', body, 'dev-intake-system')).status).toBe(201);
  expect(await s.call('POST', '/api/referrals', body, 'dev-intake-system')).toMatchObject({
    status: 200,
    body: { workflowId: 'referral-YORK-5-R-77', existing: true },
  });
  const conflict = await s.call(
    'POST',
    '/api/referrals',
    { ...body, receivedAt: '2026-11-25T09:30:00Z' },
    'dev-intake-system',
  );
  expect(conflict.status).toBe(409);
  expect(conflict.headers.get('content-type')).toMatch(/application\/problem\+json/);
  const listed = await waitFor('visibility', async () => {
    const r = await s.call('GET', '/api/processes?caseId=YORK-5');
    return r.body.count === 1 ? r.body : undefined;
  });
  expect(listed.items[0]).toMatchObject({
    workflowId: 'referral-YORK-5-R-77',
    type: 'referral',
    localAuthority: 'york',
    status: 'open',
  });
});

test('the referral decision through the API starts the assessment; the closed referral then refuses events', async () => {
  // Bracknell Forest counts the decision from the contact (L122): contact Fri 13 Nov 2026 -> due Mon 16 Nov.
  // Its assessment counts from the referral, Mon 16 Nov 2026: child seen 5 WD -> Mon 23 Nov (L165);
  // completion 35 WD -> Nov 17-20 (4), 23-27 (9), 30 Nov-4 Dec (14), 7-11 (19), 14-18 (24), 21-24 (28),
  // [25 and 28 Dec bank holidays], 29-31 (31), [1 Jan], 4-7 Jan (35) -> Thu 7 Jan 2027 (L169).
  const ref = await s.call(
    'POST',
    '/api/referrals',
    {
      referralId: 'R-88',
      caseId: 'BF-9',
      localAuthority: 'bracknell-forest',
      receivedAt: '2026-11-16T09:00:00Z',
      contactReceivedAt: '2026-11-13T16:00:00Z',
      assignment: { workerId: 'sw-bf-01', team: 'bf-mash' },
    },
    'dev-intake-system',
  );
  expect(ref.status).toBe(201);
  expect((await s.call('GET', `/api/processes/${ref.body.workflowId}`)).body.steps[0]).toMatchObject({
    dueDate: '2026-11-16',
    anchor: 'contact-received',
  });
  const future = await s.call(
    'POST',
    `/api/processes/${ref.body.workflowId}/events`,
    { type: 'step-completed', step: 'referral-decision', occurredAt: '2031-02-01', outcome: 'assessment' },
    'dev-social-worker',
  );
  expect(future).toMatchObject({ status: 422, body: { errors: [{ field: 'body.occurredAt' }] } });
  const decided = await s.call(
    'POST',
    `/api/processes/${ref.body.workflowId}/events`,
    {
      type: 'step-completed',
      step: 'referral-decision',
      occurredAt: '2026-11-17T10:00:00Z',
      outcome: 'assessment',
      eventId: 'evt-1',
    },
    'dev-social-worker',
  );
  expect(decided.status).toBe(200);
  expect(decided.body.steps[0]).toMatchObject({ status: 'completed', late: true, outcome: 'assessment' });
  const sa = await waitFor('the assessment', async () => {
    const r = await s.call('GET', '/api/processes/single-assessment-BF-9-R-88');
    return r.status === 200 ? r.body : undefined;
  });
  expect(sa.anchors).toEqual({
    'referral-received': '2026-11-16T09:00:00Z',
    'referral-decision': '2026-11-17T10:00:00Z',
  });
  expect(sa.steps.map((x: any) => [x.key, x.dueDate, x.rule.source.lines])).toEqual([
    ['initial-visit', '2026-11-23', 165],
    ['assessment-complete', '2027-01-07', 169],
  ]);
  const late = await waitFor('referral closed', async () => {
    const r = await s.call(
      'POST',
      `/api/processes/${ref.body.workflowId}/events`,
      { type: 'reassign', team: 'bf-mash' },
      'dev-team-manager',
    );
    return r.status === 409 ? r : undefined;
  });
  expect(late.body.errors[0]).toEqual({ field: 'workflowId', message: 'process closed' });
  const journey = await waitFor('both listed', async () => {
    const r = await s.call('GET', '/api/processes?caseId=BF-9');
    return r.body.count === 2 ? r.body.items : undefined;
  });
  expect(journey.map((x: any) => x.type)).toEqual(['referral', 'single-assessment']);
});

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

  // The rest of these refusals, and many more, are the API's own: test/api/validation.test.ts. Here, through
  // the starter a real server runs: the profile's refusal, and an intake check refused before any claim.
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
  ])('%s', async (_name, method, path, body, token, status, field) => {
    const r = await s.call(method as string, path as string, body, token as string | null);
    expect(r.status).toBe(status);
    expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(r.body.errors.map((e: any) => e.field)).toContain(field);
  });

  // Refused by the clock's own validator, as an Update: the rest are in test/api/validation.test.ts.
  test.each([
    [
      'completion before the anchor',
      { type: 'step-completed', step: 'assessment-complete', occurredAt: '2026-10-30' },
      'dev-social-worker',
      422,
      'body.occurredAt',
      /is before referral-received \(2026-11-02\), which 'assessment-complete' counts from/,
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

  test('a good extension is recorded with who and why; after close, events get 409', async () => {
    const ok = await s.call(
      'POST',
      `/api/processes/${wf}/events`,
      {
        type: 'extend',
        step: 'assessment-complete',
        reason: 'family abroad until February',
        until: '2027-02-04',
        eventId: 'ext-1',
      },
      'dev-team-manager',
    );
    expect(ok.status).toBe(200);
    expect(ok.body.steps[0]).toMatchObject({ dueDate: '2027-01-07', revisedTarget: '2027-02-04', status: 'extended' });
    expect(ok.body.history.at(-1)).toMatchObject({
      what: 'assessment-complete given a revised target from 2027-01-07 to 2027-02-04 (the maximum is 2027-02-04): family abroad until February',
      by: 'dev-team-manager.tm-eng',
    });
    // The same eventId again is applied once.
    const again = await s.call(
      'POST',
      `/api/processes/${wf}/events`,
      {
        type: 'extend',
        step: 'assessment-complete',
        reason: 'family abroad until February',
        until: '2027-02-04',
        eventId: 'ext-1',
      },
      'dev-team-manager',
    );
    expect(again.status).toBe(200);
    expect(again.body.history.filter((h: any) => h.what.includes('revised target')).length).toBe(1);
    expect(
      (
        await s.call(
          'POST',
          `/api/processes/${wf}/events`,
          { type: 'close', reason: 'transferred out' },
          'dev-team-manager',
        )
      ).status,
    ).toBe(200);
    const closed = await waitFor('closed', async () => {
      const r = await s.call(
        'POST',
        `/api/processes/${wf}/events`,
        { type: 'step-completed', step: 'assessment-complete', occurredAt: '2026-11-20' },
        'dev-social-worker',
      );
      return r.status === 409 ? r : undefined;
    });
    expect(closed.body.errors[0].field).toMatch(/workflowId|body\.type/);
    const view = (await s.call('GET', `/api/processes/${wf}`)).body;
    expect(view).toMatchObject({ status: 'closed', source: 'memo' });
  });
});

test('a strategy discussion held at exactly 24 hours is on time', async () => {
  // Derbyshire: 24 hours from the concern. Concern Mon 23 Nov 2026 10:00 GMT -> due Tue 24 Nov 10:00:00 GMT,
  // the last instant on time; held then: not late. planBy Tue 24 Nov, a working day.
  const r = await s.call('POST', '/api/processes', {
    type: 'child-protection-enquiry',
    caseId: 'DERBY-SD-24',
    localAuthority: 'derbyshire',
    anchors: { 'concern-raised': '2026-11-23T10:00:00+00:00' },
    assignment: { workerId: 'sw-derb-01', team: 'derb-north-assessment' },
  });
  expect(r.status).toBe(201);
  const before = (await s.call('GET', `/api/processes/${r.body.workflowId}`)).body.steps.find(
    (x: any) => x.key === 'strategy-discussion',
  );
  expect(before).toMatchObject({ dueDate: '2026-11-24', dueAt: '2026-11-24T10:00:00+00:00', planBy: '2026-11-24' });
  const held = await s.call(
    'POST',
    `/api/processes/${r.body.workflowId}/events`,
    { type: 'step-completed', step: 'strategy-discussion', occurredAt: '2026-11-24T10:00:00+00:00', outcome: 'no-s47' },
    'dev-social-worker',
  );
  expect(held.status).toBe(200);
  expect(held.body.steps.find((x: any) => x.key === 'strategy-discussion')).toMatchObject({
    status: 'completed',
    late: false,
  });
});

test("a looked-after child's milestones are in the view, a 29 February birthday explained", async () => {
  // Born Wed 29 Feb 2012; looked after from Mon 2 Mar 2026 (13 weeks served Mon 1 Jun 2026). 16 on Tue 29 Feb
  // 2028 (a leap year), eligible that day; 18 on Fri 1 Mar 2030 (a common year: FLRA 1969 s9).
  const r = await s.call('POST', '/api/processes', {
    type: 'looked-after',
    caseId: 'ENG-LEAP-1',
    localAuthority: 'england',
    anchors: { 'date-of-birth': '2012-02-29', 'became-looked-after': '2026-03-02', 'placement-start': '2026-03-02' },
    anchorKinds: { 'placement-start': 'foster-care' },
    assignment: { workerId: 'tm-eng', team: 'eng-demo' },
  });
  expect(r.status).toBe(201);
  const view = (await s.call('GET', `/api/processes/${r.body.workflowId}`)).body;
  expect(view.milestones.map((m: any) => [m.key, m.date])).toEqual([
    ['sixteenth-birthday', '2028-02-29'],
    ['pathway-planning', '2028-02-29'],
    ['eighteenth-birthday', '2030-03-01'],
  ]);
  expect(view.milestones[2].rule).toBe(
    '18th birthday: Fri 1 Mar 2030 (born 29 Feb 2012; in a year without 29 February a birthday falls on 1 March, Family Law Reform Act 1969 s9)',
  );
});

test('healthz checks Temporal', async () => {
  expect(await s.call('GET', '/healthz', undefined, null)).toMatchObject({
    status: 200,
    body: { status: 'ok', temporal: 'ok' },
  });
});

test('with no worker running, an event gets a 503 and a read falls back to the memo', async () => {
  const r = await s.call('POST', '/api/processes', { ...derbyshireSA, caseId: 'DERBY-NOWORKER' });
  await waitFor('memo published', async () =>
    (await s.call('GET', `/api/processes/${r.body.workflowId}`)).status === 200 ? true : undefined,
  );
  await s.stopWorker();
  const ev = await s.call(
    'POST',
    `/api/processes/${r.body.workflowId}/events`,
    { type: 'reassign', team: 'derb-south-assessment' },
    'dev-team-manager',
  );
  expect(ev.status).toBe(503);
  const view = await s.call('GET', `/api/processes/${r.body.workflowId}`);
  expect(view).toMatchObject({ status: 200, body: { source: 'memo', steps: expect.any(Array) } });
});
