/**
 * Complaints through the API against a real dev server, back-dated (the dev server runs in real time):
 * a late complaint needs a recorded decision; a bad extension (no reason, past the maximum, not agreed with
 * the complainant, the wrong role) is refused with the field named and changes nothing; a good one moves the
 * date and shows who, when and why in the API and in the Temporal UI's details; a withdrawal ends it.
 * Hand-worked (2026 bank holidays: 3 Apr, 6 Apr, 4 May, 25 May, 31 Aug, 25 Dec, 28 Dec):
 *  - received Mon 5 Oct 2026: stage 1 due 10 WD later = Tue 6 .. Fri 9 (4), Mon 12 .. Fri 16 (9), Mon 19 Oct (10);
 *    the maximum, 20 WD: Tue 20 .. Fri 23 (14), Mon 26 .. Fri 30 (19), Mon 2 Nov 2026 (20).
 *  - the matter on Mon 1 Sep 2025: the year ends Tue 1 Sep 2026, so a complaint received on 5 Oct 2026 is late.
 *  - England's complaint ladder from the due date Mon 19 Oct 2026, at 09:00 London: overdue +1 WD Tue 20 Oct
 *    (BST) to the complaints manager cc team manager; escalated +3 WD Thu 22 Oct (BST) to the service manager
 *    cc complaints manager; critical +6 WD (Tue 20, Wed 21, Thu 22, Fri 23, Mon 26, Tue 27) Tue 27 Oct, GMT
 *    since Sun 25 Oct, to the head of service cc complaints manager. Started weeks later, all three are due
 *    at its first pass: only the critical is sent, its cc the roles passed in ladder order then its own
 *    (complaints-manager, team-manager, service-manager, complaints-manager, complaints-manager), deduplicated:
 *    complaints-manager, team-manager, service-manager; for team eng-demo cm-eng, tm-eng, sm-eng
 *    (config/directory.json), To hos-eng.
 */
import { DevStack, startDevStack, stepOf } from '../support/devStack';
import { waitFor } from '../../harness/ports';

let s: DevStack;
beforeAll(async () => {
  s = await startDevStack();
});
afterAll(async () => s?.teardown());

const start = (body: object, token = 'dev-complaints-manager') => s.call('POST', '/api/processes', body, token);
const received = { 'stage1-received': '2026-10-05T11:00:00+01:00' };

/** What a refused event must leave untouched: every step and the whole history. */
const snapshot = async (id: string) => {
  const v = await s.view(id);
  return JSON.stringify({ steps: v.steps, history: v.history });
};

test('a late complaint needs a recorded decision; bad extensions change nothing; a good one is recorded with who, when and why', async () => {
  const body = {
    type: 'complaint-statutory',
    caseId: 'CMP-E2E-1',
    localAuthority: 'england',
    anchors: { ...received, 'matter-occurred': '2025-09-01' },
    assignment: { workerId: 'sw-eng-01', team: 'eng-demo' },
  };
  const late = await start(body);
  expect(late.status).toBe(422);
  expect(late.body.errors[0]).toMatchObject({ field: 'lateAccepted', message: expect.stringContaining('2026-09-01') });
  const started = await start({
    ...body,
    lateAccepted: { reason: 'the young person was in hospital for most of the year' },
  });
  expect(started.status).toBe(201);
  const id = started.body.workflowId;
  const first = await s.view(id);
  expect(first.timeLimit).toMatchObject({
    limitDate: '2026-09-01',
    late: true,
    acceptedLate: {
      reason: 'the young person was in hospital for most of the year',
      by: 'dev-complaints-manager.cm-eng',
    },
  });
  expect(stepOf(first, 'stage1-response')).toMatchObject({ dueDate: '2026-10-19' });
  // Back-dated: the three tiers are due at once, so one notification, the critical, carrying the two it
  // passed; its delivery is recorded a moment later (the start answers before it is). The refusals below
  // must change nothing, so compare against the settled clock.
  const settled = await waitFor(
    'the three tiers recorded, the critical delivered',
    async () => {
      const e = stepOf(await s.view(id), 'stage1-response').escalations;
      return e.length === 3 && e[2].deliveredAt ? e : undefined;
    },
    60_000,
  );
  // Instants from the ladder in the header; only the critical has a delivery, to hos-eng then its copies.
  expect(settled).toEqual([
    { tier: 'overdue', role: 'complaints-manager', at: '2026-10-20T09:00:00+01:00', caughtUpIn: 'critical' },
    { tier: 'escalated', role: 'service-manager', at: '2026-10-22T09:00:00+01:00', caughtUpIn: 'critical' },
    {
      tier: 'critical',
      role: 'head-of-service',
      at: '2026-10-27T09:00:00+00:00',
      deliveredAt: expect.any(String),
      recipients: ['hos-eng', 'cm-eng', 'tm-eng', 'sm-eng'],
    },
  ]);
  const mails = (await s.mail.messages()).filter((m) => m.headers['x-clock-workflow-id'] === id);
  expect(
    mails.map((m) => [
      m.headers['x-clock-key'],
      m.headers['x-clock-fires-at'],
      m.to.map((t) => t.address),
      ((m as any).cc ?? []).map((t: any) => t.address),
      m.headers['x-clock-cc'],
    ]),
  ).toEqual([
    [
      `${id}:stage1-response:1:critical`,
      '2026-10-27T09:00:00+00:00',
      ['hos-eng@england.clocks.test'],
      ['cm-eng@england.clocks.test', 'tm-eng@england.clocks.test', 'sm-eng@england.clocks.test'],
      'cm-eng,tm-eng,sm-eng',
    ],
  ]);
  const before = await snapshot(id);

  const noReason = await s.event(
    id,
    { type: 'extend', step: 'stage1-response', agreedWithComplainant: true },
    'dev-team-manager',
  );
  expect(noReason.status).toBe(400);
  expect(noReason.body.errors[0].field).toBe('body.reason');
  const pastMax = await s.event(
    id,
    {
      type: 'extend',
      step: 'stage1-response',
      reason: 'complex',
      until: '2026-11-03',
      agreedWithComplainant: true,
      agreedAt: '2026-10-15',
    },
    'dev-team-manager',
  );
  expect(pastMax.status).toBe(422);
  expect(pastMax.body.errors[0]).toMatchObject({ field: 'body.until', message: expect.stringContaining('2026-11-02') });
  const notAgreed = await s.event(
    id,
    { type: 'extend', step: 'stage1-response', reason: 'complex', until: '2026-10-26', agreedAt: '2026-10-15' },
    'dev-team-manager',
  );
  expect(notAgreed.status).toBe(422);
  expect(notAgreed.body.errors[0].field).toBe('body.agreedWithComplainant');
  const worker = await s.event(
    id,
    { type: 'extend', step: 'stage1-response', reason: 'complex', until: '2026-10-26', agreedWithComplainant: true },
    'dev-social-worker',
  );
  expect(worker.status).toBe(403);
  // Agreed after the due date (Mon 19 Oct): a statutory extension cannot turn a breach into "on time".
  const afterDue = await s.event(
    id,
    {
      type: 'extend',
      step: 'stage1-response',
      reason: 'complex',
      until: '2026-10-26',
      agreedWithComplainant: true,
      agreedAt: '2026-10-20',
    },
    'dev-team-manager',
  );
  expect(afterDue.status).toBe(422);
  expect(afterDue.body.errors[0]).toMatchObject({
    field: 'body.agreedAt',
    message: expect.stringContaining('was due 2026-10-19'),
  });
  const window = await s.event(id, { type: 'anchor', anchor: 'stage2-requested', at: '2026-10-20' });
  expect(window.status).toBe(409);
  expect(await snapshot(id)).toBe(before);

  const extended = await s.accept(
    id,
    {
      type: 'extend',
      step: 'stage1-response',
      reason: 'complex: three teams involved',
      until: '2026-10-26',
      agreedWithComplainant: true,
      agreedAt: '2026-10-15T14:00:00+01:00',
    },
    'dev-team-manager',
  );
  expect(stepOf(extended, 'stage1-response')).toMatchObject({
    dueDate: '2026-10-26',
    extensions: [
      {
        from: '2026-10-19',
        until: '2026-10-26',
        reason: 'complex: three teams involved',
        agreedWithComplainant: true,
        agreedAt: '2026-10-15T14:00:00+01:00',
        statutory: true,
        by: 'dev-team-manager.tm-eng',
        byRole: 'team-manager',
      },
    ],
  });
  // The Temporal UI shows the same record in the workflow's current details.
  const meta = (await s.client.workflow.getHandle(id).query('__temporal_workflow_metadata')) as {
    currentDetails?: string;
  };
  expect(meta.currentDetails).toContain(
    '- stage1-response: extended from Mon 19 Oct 2026 to **Mon 26 Oct 2026**: complex: three teams involved (agreed with the complainant)',
  );
  expect(meta.currentDetails).toContain(
    'Time limit: received after Tue 1 Sep 2026 (LATE; considered: the young person was in hospital for most of the year)',
  );

  const withdrawn = await s.accept(id, {
    type: 'withdraw',
    occurredAt: '2026-10-21',
    reason: 'resolved with the team manager',
  });
  expect(withdrawn.finished.reason).toBe('withdrawn by the complainant on 2026-10-21: resolved with the team manager');
});

test('Derbyshire: only the complaints manager agrees a stage 1 extension (L1617); York has no corporate procedure', async () => {
  const started = await start({
    type: 'complaint-statutory',
    caseId: 'CMP-E2E-2',
    localAuthority: 'derbyshire',
    anchors: received,
    assignment: { workerId: 'sw-derb-01', team: 'derb-north-assessment' },
  });
  expect(started.status).toBe(201);
  const id = started.body.workflowId;
  // Back-dated as above (same dates): one notification, the critical, whose delivery is recorded after the
  // start answers; compare against the settled clock. Derbyshire's ladder: overdue to the team manager,
  // escalated to the service manager, critical to the head of service, each cc the complaints manager; so
  // the critical's cc is team-manager, complaints-manager, service-manager (passed tiers in ladder order,
  // then its own, deduplicated): tm-derb-north, cm-derb, sm-derb-assess for derb-north-assessment.
  const settled = await waitFor(
    'the critical delivered',
    async () => {
      const e = stepOf(await s.view(id), 'stage1-response').escalations;
      return e.length === 3 && e[2].deliveredAt ? e : undefined;
    },
    60_000,
  );
  expect(settled).toEqual([
    { tier: 'overdue', role: 'team-manager', at: '2026-10-20T09:00:00+01:00', caughtUpIn: 'critical' },
    { tier: 'escalated', role: 'service-manager', at: '2026-10-22T09:00:00+01:00', caughtUpIn: 'critical' },
    {
      tier: 'critical',
      role: 'head-of-service',
      at: '2026-10-27T09:00:00+00:00',
      deliveredAt: expect.any(String),
      recipients: ['hos-derb', 'tm-derb-north', 'cm-derb', 'sm-derb-assess'],
    },
  ]);
  const before = await snapshot(id);
  const byTeamManager = await s.event(
    id,
    { type: 'extend', step: 'stage1-response', reason: 'complex', agreedWithComplainant: true },
    'dev-team-manager',
  );
  expect(byTeamManager.status).toBe(403);
  expect(byTeamManager.body.errors[0]).toMatchObject({
    field: 'body.type',
    message: expect.stringContaining('complaints-manager'),
  });
  expect(await snapshot(id)).toBe(before);
  // No `until`: the maximum, Mon 2 Nov 2026.
  const extended = await s.accept(
    id,
    { type: 'extend', step: 'stage1-response', reason: 'complex', agreedWithComplainant: true, agreedAt: '2026-10-16' },
    'dev-complaints-manager',
  );
  expect(stepOf(extended, 'stage1-response')).toMatchObject({
    dueDate: '2026-11-02',
    extensions: [{ byRole: 'complaints-manager' }],
  });

  const atStage2 = await start({
    type: 'complaint-statutory',
    caseId: 'CMP-E2E-4',
    localAuthority: 'derbyshire',
    anchors: { ...received, 'stage2-requested': '2026-11-02' },
  });
  expect(atStage2.status).toBe(422);
  expect(atStage2.body.errors[0].field).toBe('anchors.stage2-requested');

  // The complaints manager acts on complaints only.
  const referral = await s.call(
    'POST',
    '/api/referrals',
    {
      referralId: 'R-CMP-5',
      caseId: 'CMP-E2E-5',
      localAuthority: 'derbyshire',
      receivedAt: '2026-10-05T10:00:00+01:00',
    },
    'dev-intake-system',
  );
  expect(referral.status).toBe(201);
  const onReferral = await s.event(
    referral.body.workflowId,
    { type: 'step-completed', step: 'referral-decision', occurredAt: '2026-10-06', outcome: 'no-further-action' },
    'dev-complaints-manager',
  );
  expect(onReferral.status).toBe(403);

  const york = await start({
    type: 'complaint-corporate',
    caseId: 'CMP-E2E-3',
    localAuthority: 'york',
    anchors: { received: '2026-10-05' },
  });
  expect(york.status).toBe(422);
  expect(york.body.errors[0]).toMatchObject({
    field: 'type',
    message: expect.stringContaining('york has no complaint-corporate procedure'),
  });
});
