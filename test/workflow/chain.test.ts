/**
 * The chain of processes, on the time-skipping server with the real worker, activities and SMTP sink:
 * the hand-overs that used to fail now start their process, a decisive step ends the lesser ones, eligibility
 * after 16 starts pathway planning by itself, and a case moved in sends only what a live system would.
 * One server clock for the file, so each test has its own month and sleeps forward into it.
 * Calendar (England and Wales): Good Friday 26 Mar and Easter Monday 29 Mar 2027; early May bank holiday
 * Mon 3 May 2027. GMT until Sun 28 Mar 2027, BST after.
 */
import { ProfileRegistry } from '../../profiles/load';
import { ProcessStarter } from '../../services/start';
import { waitFor } from '../../harness/ports';
import {
  ClockTestEnv,
  mailsFrom,
  sendTo,
  sleepUntil as sleepOn,
  startTimeSkipping,
  viewOf,
} from '../../harness/timeSkipping';

let t: ClockTestEnv;
let starter: ProcessStarter;
beforeAll(async () => {
  t = await startTimeSkipping();
  starter = new ProcessStarter(t.env.client, ProfileRegistry.fromDirectory(), t.taskQueue);
});
afterAll(async () => t?.teardown());

const sleepUntil = (iso: string) => sleepOn(t, iso);
const view = (id: string) => viewOf(t, id);
const send = (id: string, event: object) => sendTo(t, id, event);
/** The next process a hand-over started, once it exists. */
const started = (id: string) => waitFor(`${id} started`, () => view(id).catch(() => undefined), 30_000);
/** A process's final view, read by query: awaiting its result would let the server skip time ahead to other timers. */
const ended = (id: string) =>
  waitFor(`${id} ended`, async () => ((await view(id)).status !== 'open' ? view(id) : undefined), 30_000);
const mailsOf = (workflowId: string) => mailsFrom(t, workflowId);

test('a referral decided for a strategy discussion starts an enquiry in England and Northamptonshire', async () => {
  // Received Mon 11 Jan 2027 10:00 GMT, decided the same day at 14:00 (due Tue 12 Jan: on time). The
  // enquiry's concern is the referral's time; its strategy discussion (England's product default, which
  // Northamptonshire inherits) is due 1 WD later: Tue 12 Jan 2027, on time until 23:59:59 GMT.
  await sleepUntil('2027-01-11T15:00:00Z');
  for (const [la, anchors] of [
    ['england', { 'referral-received': '2027-01-11T10:00:00Z' }],
    ['northamptonshire', { 'contact-received': '2027-01-11T09:00:00Z', 'referral-received': '2027-01-11T10:00:00Z' }],
  ] as const) {
    const { workflowId } = await starter.start(
      {
        type: 'referral',
        caseId: `CHAIN-SD-${la}`,
        episode: 'R1',
        localAuthority: la,
        anchors,
        assignment: { team: 'eng-demo' },
      },
      { requireAllStepAnchors: true },
    );
    await send(workflowId, {
      type: 'step-completed',
      step: 'referral-decision',
      occurredAt: '2027-01-11T14:00:00Z',
      outcome: 'strategy-discussion',
    });
    const referral = await ended(workflowId);
    expect(referral.handedOver).toMatchObject({ to: `child-protection-enquiry-CHAIN-SD-${la}-R1` });
    expect(referral.handedOver?.error).toBeUndefined();
    const enquiry = await started(`child-protection-enquiry-CHAIN-SD-${la}-R1`);
    expect(enquiry.anchors).toEqual({ 'concern-raised': '2027-01-11T10:00:00Z' });
    expect(enquiry.steps.map((s) => [s.key, s.status, s.dueAt ?? null])).toEqual([
      ['strategy-discussion', 'pending', '2027-01-12T23:59:59+00:00'],
      ['icpc', 'awaiting-anchor', null],
      ['s47-complete', 'awaiting-anchor', null],
    ]);
  }
});

test('York: the assessment waits for allocation, 24 hours from the decision; unallocated, the duty manager hears at the instant', async () => {
  // Decided Mon 1 Feb 2027 15:30 GMT (outcome assessment) -> allocation due Tue 2 Feb 15:30:00 GMT (on time at
  // that instant); the hour rule's breach goes to the duty manager (duty-york) just after it, no reminder.
  // Allocated Tue 2 Feb 16:00: visit 5 WD -> Wed 3 (1), Thu 4, Fri 5, Mon 8, Tue 9 Feb (5);
  // assessment 45 WD from the referral, Mon 1 Feb (004 L358, the national rule) -> Feb 2-5 (4), 8-12 (9),
  // 15-19 (14), 22-26 (19), Mar 1-5 (24), 8-12 (29), 15-19 (34), 22-25 (38), [26 Good Friday, 29 Easter
  // Monday], 30 Mar-2 Apr (42), Mon 5 (43), Tue 6 (44), Wed 7 Apr 2027 (45): counting from the start.
  await sleepUntil('2027-02-01T16:00:00Z');
  const { workflowId } = await starter.start(
    {
      type: 'referral',
      caseId: 'CHAIN-YORK',
      episode: 'R1',
      localAuthority: 'york',
      anchors: { 'referral-received': '2027-02-01T09:00:00Z' },
      assignment: { workerId: 'sw-york-01', team: 'york-ra' },
    },
    { requireAllStepAnchors: true },
  );
  await send(workflowId, {
    type: 'step-completed',
    step: 'referral-decision',
    occurredAt: '2027-02-01T15:30:00Z',
    outcome: 'assessment',
  });
  const sa = await started('single-assessment-CHAIN-YORK-R1');
  expect(sa.steps.map((s) => [s.key, s.status, s.dueAt ?? null])).toEqual([
    ['assessment-complete', 'pending', '2027-04-07T23:59:59+01:00'],
    ['allocation', 'pending', '2027-02-02T15:30:00+00:00'],
    ['initial-visit', 'awaiting-anchor', null],
    ['assessment-visit', 'awaiting-anchor', null],
  ]);
  await sleepUntil('2027-02-02T16:30:00Z');
  const mails = await waitFor('the allocation breach', async () => {
    const m = await mailsOf('single-assessment-CHAIN-YORK-R1');
    return m.length ? m : undefined;
  });
  expect(
    mails.map((m) => [
      m.headers['x-clock-step'],
      m.headers['x-clock-tier'],
      m.headers['x-clock-fires-at'],
      m.headers['x-clock-recipient'],
    ]),
  ).toEqual([['allocation', 'overdue', '2027-02-02T15:30:00+00:00', 'duty-york']]);
  const after = await send('single-assessment-CHAIN-YORK-R1', {
    type: 'step-completed',
    step: 'allocation',
    occurredAt: '2027-02-02T16:00:00Z',
  });
  expect(after.steps.map((s) => [s.key, s.status, s.dueDate ?? null])).toEqual([
    ['assessment-complete', 'pending', '2027-04-07'],
    ['allocation', 'completed', '2027-02-02'],
    ['initial-visit', 'pending', '2027-02-09'],
    ['assessment-visit', 'awaiting-anchor', null],
  ]);
});

test("the assessment's conclusion starts what it calls for, and the steps it no longer needs stop nagging", async () => {
  // Derbyshire, decided Mon 1 Mar 2027 11:00 GMT: visit due Mon 8 Mar (5 WD), plan Wed 10 Mar (7 WD);
  // their first reminders would be Thu 4 Mar and Mon 8 Mar 09:00. Concluded Wed 3 Mar 10:00, before either.
  // strategy-discussion: the enquiry's concern is the conclusion's time; Derbyshire's discussion is due
  // within 24 hours (000 L567): due Thu 4 Mar 10:00:00 GMT, on time at that instant.
  // child-in-need-plan: plan agreed Wed 3 Mar; Derbyshire's plan within 10 WD -> Wed 17 Mar 2027.
  await sleepUntil('2027-03-03T12:00:00Z');
  const anchors = { 'referral-received': '2027-03-01T09:00:00Z', 'referral-decision': '2027-03-01T11:00:00Z' };
  const assignment = { workerId: 'sw-derb-01', team: 'derb-north-assessment' };
  for (const [caseId, outcome, next] of [
    ['CHAIN-SA-SD', 'strategy-discussion', 'child-protection-enquiry'],
    ['CHAIN-SA-CIN', 'child-in-need-plan', 'child-in-need-plan'],
  ] as const) {
    const { workflowId } = await starter.start({
      type: 'single-assessment',
      caseId,
      episode: 'R1',
      localAuthority: 'derbyshire',
      anchors,
      assignment,
    });
    await send(workflowId, {
      type: 'step-completed',
      step: 'assessment-complete',
      occurredAt: '2027-03-03T10:00:00Z',
      outcome,
    });
    const done = await ended(workflowId);
    expect(done.steps.map((s) => [s.key, s.status])).toEqual([
      ['initial-visit', 'cancelled'],
      ['assessment-plan', 'cancelled'],
      ['assessment-visit', 'cancelled'],
      ['assessment-complete', 'completed'],
    ]);
    expect(done.handedOver).toMatchObject({ to: `${next}-${caseId}-R1` });
  }
  const enquiry = await started('child-protection-enquiry-CHAIN-SA-SD-R1');
  expect(enquiry.steps.find((s) => s.key === 'strategy-discussion')).toMatchObject({
    status: 'pending',
    dueAt: '2027-03-04T10:00:00+00:00',
  });
  const cin = await started('child-in-need-plan-CHAIN-SA-CIN-R1');
  expect(cin.steps.find((s) => s.key === 'cin-plan')).toMatchObject({ status: 'pending', dueDate: '2027-03-17' });
  expect(await mailsOf('single-assessment-CHAIN-SA-SD-R1')).toEqual([]);
});

test('a child who becomes eligible after 16 has pathway planning started by the looked-after process itself', async () => {
  // Born 15 Feb 2011, looked after from Mon 4 Jan 2027 (after the 14th birthday): 13 weeks served on
  // Mon 5 Apr 2027 (4 Jan + 91 days), after the 16th birthday (15 Feb 2027), so eligible on 5 Apr 2027:
  // CPPCR 2010 reg 42(1), the needs assessment within 3 months of becoming eligible -> Mon 5 Jul 2027.
  await sleepUntil('2027-03-10T12:00:00Z');
  const { workflowId } = await starter.start({
    type: 'looked-after',
    caseId: 'CHAIN-LAC',
    episode: 'E1',
    localAuthority: 'england',
    anchors: { 'became-looked-after': '2027-01-04', 'date-of-birth': '2011-02-15', 'placement-start': '2027-01-04' },
    anchorKinds: { 'placement-start': 'foster-care' },
    assignment: { team: 'eng-demo' },
  });
  await sleepUntil('2027-04-05T12:00:00Z');
  const pathway = await started('pathway-plan-CHAIN-LAC-E1');
  expect(pathway.anchors).toMatchObject({ 'became-eligible': '2027-04-05', 'date-of-birth': '2011-02-15' });
  expect(pathway.steps.find((s) => s.key === 'needs-assessment')).toMatchObject({
    status: 'pending',
    dueDate: '2027-07-05',
    countedFrom: 'became-eligible',
  });
  expect((await view(workflowId)).handedOver).toEqual({
    to: 'pathway-plan-CHAIN-LAC-E1',
    at: '2027-04-05T00:00:00+01:00',
  });
});

test('a case moved in: decided on time it sends nothing; three weeks overdue it sends one escalation, at the tier it reached', async () => {
  // Derbyshire referrals received Tue 4 May 2027 10:00 BST (Mon 3 May is a bank holiday), due Wed 5 May.
  // Moved in on Wed 26 May 2027. One was decided Wed 5 May 09:00 (on time): nothing to send. The other
  // was never decided: overdue +1 WD Thu 6 May, escalated +3 WD Mon 10 May, critical +6 WD Thu 13 May
  // 2027, each 09:00 BST, all passed before it was moved in: one email, critical, to the head of service
  // (hos-derb) copying the team manager (tm-derb-north) and the service manager (sm-derb-assess).
  await sleepUntil('2027-05-26T12:00:00Z');
  const base = {
    type: 'referral' as const,
    localAuthority: 'derbyshire',
    anchors: { 'referral-received': '2027-05-04T10:00:00+01:00' },
    assignment: { workerId: 'sw-derb-01', team: 'derb-north-assessment' },
  };
  // The server's clock is in 2027: the start is checked as of it.
  const now = await t.env.currentTimeMs();
  const onTime = await starter.start(
    {
      ...base,
      caseId: 'CHAIN-MIG-1',
      episode: 'R1',
      completed: [{ step: 'referral-decision', occurredAt: '2027-05-05T09:00:00+01:00', outcome: 'no-further-action' }],
    },
    { requireAllStepAnchors: true, now },
  );
  const overdue = await starter.start(
    { ...base, caseId: 'CHAIN-MIG-2', episode: 'R1' },
    { requireAllStepAnchors: true },
  );
  const decided = await ended(onTime.workflowId);
  expect(decided.steps).toMatchObject([
    { key: 'referral-decision', status: 'completed', late: false, outcome: 'no-further-action', escalations: [] },
  ]);
  const mails = await waitFor('the catch-up escalation', async () => {
    const m = await mailsOf(overdue.workflowId);
    return m.length ? m : undefined;
  });
  expect(
    mails.map((m) => [
      m.headers['x-clock-tier'],
      m.headers['x-clock-fires-at'],
      m.headers['x-clock-recipient'],
      m.headers['x-clock-cc'],
    ]),
  ).toEqual([['critical', '2027-05-13T09:00:00+01:00', 'hos-derb', 'tm-derb-north,sm-derb-assess']]);
  // The passed tiers are on the record, marked as carried by the critical one.
  const clock = await view(overdue.workflowId);
  expect(clock.steps[0].escalations.map((e) => [e.tier, e.role, e.recipients ?? null])).toEqual([
    ['overdue', 'team-manager', null],
    ['escalated', 'service-manager', null],
    ['critical', 'head-of-service', ['hos-derb', 'tm-derb-north', 'sm-derb-assess']],
  ]);
  await t.env.sleep('7 days');
  expect((await mailsOf(onTime.workflowId)).length).toBe(0);
  expect((await mailsOf(overdue.workflowId)).length).toBe(1);
});
