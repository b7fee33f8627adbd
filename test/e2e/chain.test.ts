/**
 * Nothing slips between processes, through the API on a real dev server with the worker, a real SMTP sink
 * and webhook receiver. The worker runs on an edited England profile in which the single assessment
 * counts only from `assessment-start` (a profile change deployed to the worker but not yet to the API), so
 * an England referral decided for an assessment has its hand-over refused: the alarm's path, end to end.
 * Everything else here is Derbyshire, on the shipped rules.
 * Calendar: England and Wales; GMT throughout Nov-Dec 2026; Derbyshire closes on Tue 29 Dec 2026 (local
 * targets only).
 */
import { calendarData } from '../../profiles/calendar';
import { ProfileRegistry } from '../../profiles/load';
import type { ClockInput } from '../../engine/types';
import * as SA from '../../workflows/searchAttributes';
import { DevStack, startDevStack, stepOf } from '../support/devStack';
import { ProfileCopy, assessmentFromStartOnly } from '../support/profileCopy';
import { waitFor } from '../../harness/ports';

let s: DevStack;
let edited: ProfileCopy;
beforeAll(async () => {
  edited = assessmentFromStartOnly();
  s = await startDevStack({ workerProfiles: edited.dir });
}, 600_000);
afterAll(async () => {
  await s?.teardown();
  edited?.remove();
});

const mailsOf = async (workflowId: string) =>
  (await s.mail.messages()).filter((m) => m.headers['x-clock-workflow-id'] === workflowId);
const row = (m: { headers: Record<string, string> }) => [
  m.headers['x-clock-step'],
  m.headers['x-clock-tier'],
  m.headers['x-clock-fires-at'],
  m.headers['x-clock-recipient'],
  m.headers['x-clock-cc'] ?? '',
];
const derbyNorth = { workerId: 'sw-derb-01', team: 'derb-north-assessment' };

test('input a later hand-over would refuse is refused at intake, naming the field, and starts nothing', async () => {
  // Derbyshire's strategy discussion counts 24 hours from the referral (000 L567): a date will not do.
  const r = await s.call(
    'POST',
    '/api/referrals',
    {
      referralId: 'R-DATE',
      caseId: 'CHAIN-DATE',
      localAuthority: 'derbyshire',
      receivedAt: '2026-11-30',
      assignment: derbyNorth,
    },
    'dev-intake-system',
  );
  expect(r.status).toBe(422);
  expect(r.body.errors.map((e: { field: string }) => e.field)).toEqual(['receivedAt']);
  expect(r.body.detail).toContain(
    "a referral-decision outcome 'strategy-discussion' would start child-protection-enquiry, which derbyshire would refuse",
  );
  expect((await s.call('GET', '/api/processes/referral-CHAIN-DATE-R-DATE')).status).toBe(404);

  // York allocates within 24 hours of the referral decision (004 L111): a decision for an assessment needs its time.
  const york = await s.call(
    'POST',
    '/api/referrals',
    {
      referralId: 'R-Y',
      caseId: 'CHAIN-YORK',
      localAuthority: 'york',
      receivedAt: '2026-11-30T09:00:00Z',
      assignment: { workerId: 'sw-york-01', team: 'york-ra' },
    },
    'dev-intake-system',
  );
  expect(york.status).toBe(201);
  const before = await waitFor('the York referral clock', async () =>
    (await s.call('GET', `/api/processes/${york.body.workflowId}`)).status === 200
      ? s.view(york.body.workflowId)
      : undefined,
  );
  const refused = await s.event(york.body.workflowId, {
    type: 'step-completed',
    step: 'referral-decision',
    occurredAt: '2026-11-30',
    outcome: 'assessment',
  });
  expect(refused.status).toBe(422);
  expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.occurredAt']);
  expect((await s.view(york.body.workflowId)).history).toEqual(before.history);
  // With its time it is recorded, and the assessment starts waiting for allocation.
  await s.accept(york.body.workflowId, {
    type: 'step-completed',
    step: 'referral-decision',
    occurredAt: '2026-11-30T15:30:00Z',
    outcome: 'assessment',
  });
  const sa = await waitFor('the York assessment', async () =>
    (await s.call('GET', '/api/processes/single-assessment-CHAIN-YORK-R-Y')).status === 200
      ? s.view('single-assessment-CHAIN-YORK-R-Y')
      : undefined,
  );
  expect(stepOf(sa, 'allocation')).toMatchObject({ dueAt: '2026-12-01T15:30:00+00:00' });
});

test('a refused hand-over raises an alarm at once to the team manager and the duty manager, and clears when the fact is recorded', async () => {
  // Received an hour ago, decided half an hour ago: on time, whatever the hour the test runs (due the
  // next working day). The worker refuses the assessment: an alarm at that instant to the team manager of
  // eng-demo (tm-eng), copying England's duty manager (duty-eng), raised when the worker was refused.
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const r = await s.call(
    'POST',
    '/api/referrals',
    {
      referralId: 'R-HO',
      caseId: 'CHAIN-HO',
      localAuthority: 'england',
      receivedAt: iso(now - 3_600_000),
      assignment: { workerId: 'sw-eng-01', team: 'eng-demo' },
    },
    'dev-intake-system',
  );
  expect(r.status).toBe(201);
  const id = r.body.workflowId;
  await waitFor('the referral clock', async () => (await s.call('GET', `/api/processes/${id}`)).status === 200);
  const decidedAt = Date.now();
  await s.accept(id, {
    type: 'step-completed',
    step: 'referral-decision',
    occurredAt: iso(now - 1_800_000),
    outcome: 'assessment',
  });
  const alarmed = await waitFor('the alarm', async () => {
    const v = await s.view(id);
    return v.alarms?.length ? v : undefined;
  });
  expect(alarmed.status).toBe('open');
  const alarm = alarmed.alarms[0];
  expect(alarm).toMatchObject({
    key: 'handover-refused-1',
    kind: 'handover-refused',
    status: 'open',
    field: 'anchors.assessment-start',
  });
  expect(Date.parse(alarm.raisedAt)).toBeGreaterThanOrEqual(Math.floor(decidedAt / 1000) * 1000);
  expect(Date.parse(alarm.raisedAt)).toBeLessThanOrEqual(Date.now());
  const mails = await waitFor('the alarm email', async () => {
    const m = await mailsOf(id);
    return m.length ? m : undefined;
  });
  expect(mails.map(row)).toEqual([['alarm:handover-refused-1', 'alarm', alarm.raisedAt, 'tm-eng', 'duty-eng']]);
  // The webhook carries the same alarm, signed, under the same key.
  const ofThis = () => s.hooks.map((h) => ({ ...h, json: JSON.parse(h.body) })).filter((h) => h.json.workflowId === id);
  const hooks = await waitFor('the alarm webhook', async () => (ofThis().length ? ofThis() : undefined));
  expect(hooks.map((h) => [h.json.key, h.json.tier, h.json.recipient, h.json.cc, h.validSignature])).toEqual([
    [`${id}:alarm:handover-refused-1:alarm`, 'alarm', 'tm-eng', ['duty-eng'], true],
  ]);

  // In the team manager's inbox, first; in the case; in the list as overdue.
  const inbox = await s.call('GET', '/api/inbox?team=eng-demo', undefined, 'dev-team-manager.tm-eng');
  expect(inbox.body.items[0]).toMatchObject({ workflowId: id, state: 'alarm', step: 'alarm:handover-refused' });
  expect(inbox.body.counts.alarms).toBeGreaterThanOrEqual(1);
  const kase = await s.call('GET', '/api/cases/CHAIN-HO');
  expect(kase.body.processes).toMatchObject([
    {
      workflowId: id,
      status: 'open',
      alarms: [{ key: 'handover-refused-1' }],
      pendingHandover: { type: 'single-assessment' },
    },
  ]);

  // The missing fact, recorded on the referral: the assessment starts, counted from it; the alarm clears.
  const startedOn = iso(now - 600_000);
  const cleared = await s.accept(id, { type: 'hand-over', anchors: { 'assessment-start': startedOn } });
  expect(cleared.history.at(-1).what).toContain(
    'for the refused hand-over to single-assessment: recorded assessment-start',
  );
  const sa = await waitFor('the assessment', async () =>
    (await s.call('GET', '/api/processes/single-assessment-CHAIN-HO-R-HO')).status === 200
      ? s.view('single-assessment-CHAIN-HO-R-HO')
      : undefined,
  );
  expect(sa.anchors['assessment-start']).toBe(startedOn);
  expect(stepOf(sa, 'assessment-complete').countedFrom).toBe('assessment-start');
  const done = await waitFor('the referral done', async () => {
    const v = await s.view(id);
    return v.status === 'completed' ? v : undefined;
  });
  expect(done.alarms).toMatchObject([
    {
      key: 'handover-refused-1',
      status: 'cleared',
      cleared: 'single-assessment started (single-assessment-CHAIN-HO-R-HO)',
    },
  ]);
  const journey = await waitFor('the case with both', async () => {
    const k = await s.call('GET', '/api/cases/CHAIN-HO');
    return k.body.processes?.length === 2 && !k.body.processes[0].alarms ? k.body : undefined;
  });
  expect(
    journey.processes.map((p: { type: string; handedOver?: { to: string } }) => [p.type, p.handedOver?.to ?? null]),
  ).toEqual([
    ['referral', 'single-assessment-CHAIN-HO-R-HO'],
    ['single-assessment', null],
  ]);
  expect((await mailsOf(id)).length).toBe(1);
});

test('a process with nothing counting (a fact that never came) raises an alarm at once, and clears when the fact is recorded', async () => {
  // A process begun outside today's start checks (on older code, or rules the checks did not cover): an
  // England assessment on the edited rules (its only step counts from assessment-start), started without
  // it. The alarm goes at once to tm-eng, copying duty-eng; recording assessment-start through the API gives
  // the step its clock and clears it.
  const rules = ProfileRegistry.fromDirectory(edited.dir).resolve('england', 'single-assessment');
  const input: ClockInput = {
    processType: 'single-assessment',
    caseId: 'CHAIN-STALL',
    episode: '1',
    localAuthority: 'england',
    anchors: { 'referral-received': '2026-11-30T10:00:00Z' },
    assignment: { team: 'eng-demo' },
    rules,
    calendar: calendarData([], '2025-01-01'),
  };
  const id = 'single-assessment-CHAIN-STALL-1';
  await s.client.workflow.start('singleAssessment', {
    taskQueue: s.taskQueue,
    workflowId: id,
    args: [input],
    typedSearchAttributes: [
      { key: SA.CaseId, value: 'CHAIN-STALL' },
      { key: SA.ProcessType, value: 'single-assessment' },
      { key: SA.LocalAuthority, value: 'england' },
      { key: SA.Team, value: 'eng-demo' },
    ],
  });
  const stalled = await waitFor('the stall alarm', async () => {
    const r = await s.call('GET', `/api/processes/${id}`);
    return r.status === 200 && r.body.alarms?.length ? r.body : undefined;
  });
  expect(stalled.alarms[0]).toMatchObject({
    key: 'stalled-1',
    kind: 'stalled',
    status: 'open',
    field: 'anchors.assessment-start',
  });
  const mails = await waitFor('the alarm email', async () => {
    const m = await mailsOf(id);
    return m.length ? m : undefined;
  });
  expect(mails.map(row)).toEqual([['alarm:stalled-1', 'alarm', stalled.alarms[0].raisedAt, 'tm-eng', 'duty-eng']]);
  // 45 WD from Mon 30 Nov 2026: Dec 1-4 (4), 7-11 (9), 14-18 (14), 21-24 (18), [25, 28 Dec], 29-31 (21),
  // [1 Jan], Jan 4-8 (26), 11-15 (31), 18-22 (36), 25-29 (41), Feb 1-4 (45) -> Thu 4 Feb 2027.
  // Recorded by the team's manager: the case has a team and no worker yet.
  const after = await s.accept(
    id,
    { type: 'anchor', anchor: 'assessment-start', at: '2026-11-30' },
    'dev-team-manager',
  );
  expect(stepOf(after, 'assessment-complete')).toMatchObject({ status: 'pending', dueDate: '2027-02-04' });
  const cleared = await waitFor('the alarm cleared', async () => {
    const v = await s.view(id);
    return v.alarms?.[0]?.status === 'cleared' ? v : undefined;
  });
  expect(cleared.alarms[0].cleared).toBe('a clock runs again: assessment-complete due 2027-02-04');
  expect((await mailsOf(id)).length).toBe(1);
});

test('one family event reaches every sibling once, each in its own history; a refusal for one child changes nothing for any', async () => {
  // Two siblings' Derbyshire enquiries, concern Mon 30 Nov 2026 10:00 GMT; the strategy discussion held
  // once for both on Tue 1 Dec 09:00 with a section 47 for each.
  const ids: string[] = [];
  for (const child of ['A', 'B']) {
    const r = await s.call('POST', '/api/processes', {
      type: 'child-protection-enquiry',
      caseId: `FAM-E2E-${child}`,
      familyId: 'FAM-E2E',
      localAuthority: 'derbyshire',
      anchors: { 'concern-raised': '2026-11-30T10:00:00Z' },
      assignment: derbyNorth,
    });
    expect(r.status).toBe(201);
    ids.push(r.body.workflowId);
  }
  await waitFor(
    'both siblings listed',
    async () => (await s.call('GET', '/api/processes?familyId=FAM-E2E')).body.count === 2,
    60_000,
  );
  const event = {
    processType: 'child-protection-enquiry',
    eventId: 'sd-fam-1',
    event: { type: 'step-completed', step: 'strategy-discussion', occurredAt: '2026-12-01T09:00:00Z', outcome: 's47' },
  };
  const first = await s.call('POST', '/api/families/FAM-E2E/events', event, 'dev-team-manager.tm-derb-north');
  expect(first.status).toBe(200);
  expect(first.body.results).toEqual([
    { caseId: 'FAM-E2E-A', workflowId: ids[0], status: 'applied' },
    { caseId: 'FAM-E2E-B', workflowId: ids[1], status: 'applied' },
  ]);
  const line = 'strategy-discussion completed at 09:00 GMT Tue 1 Dec 2026';
  for (const id of ids) {
    const v = await s.view(id);
    expect(stepOf(v, 'strategy-discussion')).toMatchObject({
      status: 'completed',
      completedAt: '2026-12-01T09:00:00Z',
      outcome: 's47',
    });
    expect(
      v.history.filter((h: { what: string; by?: string }) => h.what.startsWith(line)).map((h: { by?: string }) => h.by),
    ).toEqual(['dev-team-manager.tm-derb-north']);
  }
  // The same family event again: answered the same, applied to nobody twice.
  const again = await s.call('POST', '/api/families/FAM-E2E/events', event, 'dev-team-manager.tm-derb-north');
  expect(again.body.results).toEqual(first.body.results);
  for (const id of ids)
    expect((await s.view(id)).history.filter((h: { what: string }) => h.what.startsWith(line)).length).toBe(1);

  // One child's outcome that its clock refuses: the whole event is refused, naming the child and field.
  const histories = await Promise.all(ids.map(async (id) => JSON.stringify((await s.view(id)).history)));
  const refused = await s.call(
    'POST',
    '/api/families/FAM-E2E/events',
    {
      processType: 'child-protection-enquiry',
      eventId: 's47-fam-1',
      event: { type: 'step-completed', step: 's47-complete', occurredAt: '2026-12-02T12:00:00Z', outcome: 'icpc' },
      children: { 'FAM-E2E-B': { outcome: 'not-an-outcome' } },
    },
    'dev-team-manager.tm-derb-north',
  );
  expect(refused.status).toBe(422);
  expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.children.FAM-E2E-B.outcome']);
  expect(await Promise.all(ids.map(async (id) => JSON.stringify((await s.view(id)).history)))).toEqual(histories);
  // A family outside the caller's area reads as absent, as its processes do.
  const outside = await s.call('POST', '/api/families/FAM-E2E/events', event, 'dev-team-manager.tm-derb-south');
  expect([outside.status, outside.body.errors[0].field]).toEqual([404, 'familyId']);
  // Once both enquiries have ended, the same family event is still answered with what it did.
  for (const id of ids)
    await s.accept(id, { type: 'close', reason: 'family moved to another LA' }, 'dev-team-manager.tm-derb-north');
  const afterEnd = await s.call('POST', '/api/families/FAM-E2E/events', event, 'dev-team-manager.tm-derb-north');
  expect([afterEnd.status, afterEnd.body.results]).toEqual([200, first.body.results]);
  expect((await s.call('POST', '/api/families/FAM-E2E/events', event, 'dev-team-manager.tm-derb-south')).status).toBe(
    404,
  );
});

test('a case moved in: decided on time it sends nothing; three weeks overdue it sends one escalation at the tier reached', async () => {
  // Derbyshire referrals received Mon 2 Nov 2026 10:00 GMT, due Tue 3 Nov (1 WD). One decided on Tue 3 Nov
  // 09:00 (on time), moved in with that decision: nothing to send. The other never decided: overdue +1 WD
  // Wed 4 Nov, escalated +3 WD Fri 6 Nov, critical +6 WD Wed 11 Nov 2026 (09:00 GMT), all passed: one email,
  // critical, to the head of service (hos-derb), copying tm-derb-north and sm-derb-assess.
  const onTime = await s.call('POST', '/api/processes', {
    type: 'referral',
    caseId: 'MIG-ONTIME',
    episode: 'R1',
    localAuthority: 'derbyshire',
    anchors: { 'referral-received': '2026-11-02T10:00:00Z' },
    assignment: derbyNorth,
    completed: [{ step: 'referral-decision', occurredAt: '2026-11-03T09:00:00Z', outcome: 'no-further-action' }],
  });
  expect(onTime.status).toBe(201);
  const late = await s.call(
    'POST',
    '/api/referrals',
    {
      referralId: 'R1',
      caseId: 'MIG-LATE',
      localAuthority: 'derbyshire',
      receivedAt: '2026-11-02T10:00:00Z',
      assignment: derbyNorth,
    },
    'dev-intake-system',
  );
  expect(late.status).toBe(201);
  const critical = await waitFor('the critical tier delivered', async () => {
    const v = await s.view(late.body.workflowId);
    return stepOf(v, 'referral-decision').escalations.find(
      (e: { tier: string; deliveredAt?: string }) => e.tier === 'critical' && e.deliveredAt,
    )
      ? v
      : undefined;
  });
  expect(
    stepOf(critical, 'referral-decision').escalations.map((e: { tier: string; at: string }) => [e.tier, e.at]),
  ).toEqual([
    ['overdue', '2026-11-04T09:00:00+00:00'],
    ['escalated', '2026-11-06T09:00:00+00:00'],
    ['critical', '2026-11-11T09:00:00+00:00'],
  ]);
  const done = await waitFor('the on-time one completed', async () => {
    const v = await s.view(onTime.body.workflowId);
    return v.status === 'completed' ? v : undefined;
  });
  expect(stepOf(done, 'referral-decision')).toMatchObject({ status: 'completed', late: false, escalations: [] });
  expect((await mailsOf(late.body.workflowId)).map(row)).toEqual([
    ['referral-decision', 'critical', '2026-11-11T09:00:00+00:00', 'hos-derb', 'tm-derb-north,sm-derb-assess'],
  ]);
  expect(await mailsOf(onTime.body.workflowId)).toEqual([]);
});

test('a child on a protection plan who comes into care: the plan records it, and its review conference meets with the first looked-after review', async () => {
  // Derbyshire plan from an ICPC on Mon 16 Nov 2026: first review due 3 months later, Tue 16 Feb 2027.
  // Looked after from Mon 30 Nov 2026: the review conference is brought forward to the first looked-after
  // review, 20 WD later: Dec 1-4 (4), 7-11 (9), 14-18 (14), 21-24 (18), [25 Dec, 28 Dec], Tue 29 (19),
  // Wed 30 Dec 2026 (20). (The review is statutory: Derbyshire's closure on 29 Dec does not move it.)
  const plan = await s.call('POST', '/api/processes', {
    type: 'child-protection-plan',
    caseId: 'CPLAC-1',
    localAuthority: 'derbyshire',
    anchors: { icpc: '2026-11-16T10:00:00Z' },
    assignment: derbyNorth,
  });
  expect(plan.status).toBe(201);
  const before = await waitFor('the plan clock', async () =>
    (await s.call('GET', `/api/processes/${plan.body.workflowId}`)).status === 200
      ? s.view(plan.body.workflowId)
      : undefined,
  );
  expect(stepOf(before, 'rcpc')).toMatchObject({ dueDate: '2027-02-16' });
  await waitFor(
    'the plan listed',
    async () => (await s.call('GET', '/api/processes?caseId=CPLAC-1')).body.count === 1,
    60_000,
  );
  const lac = await s.call('POST', '/api/processes', {
    type: 'looked-after',
    caseId: 'CPLAC-1',
    localAuthority: 'derbyshire',
    anchors: { 'became-looked-after': '2026-11-30', 'date-of-birth': '2015-06-01', 'placement-start': '2026-11-30' },
    anchorKinds: { 'placement-start': 'foster-care' },
    assignment: derbyNorth,
  });
  expect(lac.status).toBe(201);
  const after = await waitFor('the plan told', async () => {
    const v = await s.view(plan.body.workflowId);
    return v.anchors['became-looked-after'] ? v : undefined;
  });
  expect(stepOf(after, 'rcpc')).toMatchObject({ dueDate: '2026-12-30', countedFrom: 'became-looked-after' });
  const lacView = await s.view(lac.body.workflowId);
  expect(lacView.history.map((h: { what: string }) => h.what)).toContain(
    `the child became looked after: the protection plan continues until a review conference ends it, and its next review conference meets with the first looked-after review: ${plan.body.workflowId} recorded became-looked-after 2026-11-30 (core-group-initial due 2026-11-30, cp-visit due 2026-11-30, rcpc due 2026-12-30)`,
  );
  // The review conference ends the plan: the looked-after child's care plan and reviews take over.
  await s.accept(plan.body.workflowId, {
    type: 'step-completed',
    step: 'rcpc',
    occurredAt: '2026-12-02T10:00:00Z',
    outcome: 'looked-after',
  });
  const ended = await waitFor('the plan ended', async () => {
    const v = await s.view(plan.body.workflowId);
    return v.status !== 'open' ? v : undefined;
  });
  expect(ended.finished).toMatchObject({ step: 'rcpc', outcome: 'looked-after' });
});
