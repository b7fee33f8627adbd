/**
 * Alarms on the time-skipping server with the real worker, activities and SMTP sink. The worker here is
 * deployed with an edited England profile in which the single assessment counts only from `assessment-start`
 * (an LA's profile change deployed to the worker while referrals are open): a referral decided for an
 * assessment can then no longer hand over, which is the refusal the alarm exists for.
 * Calendar: no bank holiday in June 2027 (spring bank holiday Mon 31 May 2027); BST.
 */
import { calendarData } from '../../profiles/calendar';
import { ProfileRegistry } from '../../profiles/load';
import { ProcessStarter } from '../../services/start';
import type { ClockInput } from '../../engine/types';
import { waitFor } from '../../harness/ports';
import { ProfileCopy, assessmentFromStartOnly } from '../support/profileCopy';
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
let edited: ProfileCopy;
beforeAll(async () => {
  edited = assessmentFromStartOnly();
  t = await startTimeSkipping({ PROFILE_DIR: edited.dir });
  // Intake runs on the shipped profiles (the API was not redeployed): it accepts the referral.
  starter = new ProcessStarter(t.env.client, ProfileRegistry.fromDirectory(), t.taskQueue);
});
afterAll(async () => {
  await t?.teardown();
  edited?.remove();
});

const sleepUntil = (iso: string) => sleepOn(t, iso);
const view = (id: string) => viewOf(t, id);
const send = (id: string, event: object) => sendTo(t, id, event);
const mailsOf = (workflowId: string) => mailsFrom(t, workflowId);
const row = (m: { headers: Record<string, string> }) => [
  m.headers['x-clock-step'],
  m.headers['x-clock-tier'],
  m.headers['x-clock-fires-at'],
  m.headers['x-clock-recipient'],
  m.headers['x-clock-cc'] ?? '',
];

test('a refused hand-over raises an alarm at once, escalates, and clears when the missing fact is recorded', async () => {
  // Received Mon 7 Jun 2027 10:00 BST, decided 14:00 for an assessment (on time). The worker refuses the
  // assessment (nothing would count without assessment-start): the alarm goes at that instant to the team
  // manager of eng-demo (tm-eng), copying England's duty manager (duty-eng); not cleared, it is escalated
  // +3 WD from Mon 7 Jun: Tue 8 (1), Wed 9 (2), Thu 10 Jun (3) 09:00 BST, to the service manager (sm-eng).
  // Recorded on Thu 10 Jun 11:00 (assessment-start 10:00): the assessment starts, 45 WD from Thu 10 Jun:
  // Jun 11 (1), 14-18 (6), 21-25 (11), 28 Jun-2 Jul (16), 5-9 (21), 12-16 (26), 19-23 (31), 26-30 (36),
  // Aug 2-6 (41), 9-12 (45) -> Thu 12 Aug 2027. The critical tier (+6 WD: Tue 15 Jun) is never sent.
  await sleepUntil('2027-06-07T14:30:00+01:00');
  const { workflowId } = await starter.start(
    {
      type: 'referral',
      caseId: 'ALARM-HO',
      episode: 'R1',
      localAuthority: 'england',
      anchors: { 'referral-received': '2027-06-07T10:00:00+01:00' },
      assignment: { workerId: 'sw-eng-none', team: 'eng-demo' },
    },
    { requireAllStepAnchors: true },
  );
  const decided = await send(workflowId, {
    type: 'step-completed',
    step: 'referral-decision',
    occurredAt: '2027-06-07T14:00:00+01:00',
    outcome: 'assessment',
  });
  expect(decided.steps[0]).toMatchObject({ status: 'completed', late: false });
  const alarmed = await waitFor('the alarm', async () => {
    const v = await view(workflowId);
    return v.alarms?.length ? v : undefined;
  });
  // Still open: the referral's decision is done, but the child has no next clock yet.
  expect(alarmed.status).toBe('open');
  const alarm = alarmed.alarms![0];
  expect(alarm).toMatchObject({
    key: 'handover-refused-1',
    kind: 'handover-refused',
    status: 'open',
    field: 'anchors.assessment-start',
  });
  expect(alarm.what).toBe(
    'single assessment: could not start single-assessment: anchors.assessment-start: nothing would count: assessment-complete counts from assessment-start; give it',
  );
  expect(alarmed.pendingHandover).toMatchObject({
    type: 'single-assessment',
    anchors: { 'referral-received': '2027-06-07T10:00:00+01:00', 'referral-decision': '2027-06-07T14:00:00+01:00' },
    attempts: 1,
  });
  const first = await waitFor('the alarm email', async () => {
    const m = await mailsOf(workflowId);
    return m.length ? m : undefined;
  });
  // Fired at the instant it was raised (workflow time when the hand-over was refused).
  expect(first.map(row)).toEqual([['alarm:handover-refused-1', 'alarm', alarm.raisedAt, 'tm-eng', 'duty-eng']]);
  expect(alarm.raisedAt.slice(0, 16)).toBe('2027-06-07T14:30');
  expect(first[0].subject).toBe('[ALARM: the child has no clock running] Referral decision – case ALARM-HO');
  expect(first[0].text).toContain(
    'To clear it: record what it lacks with {"type": "hand-over", "anchors": {...}} on this process',
  );

  await sleepUntil('2027-06-10T11:00:00+01:00');
  const escalated = await waitFor('the escalation', async () => {
    const m = await mailsOf(workflowId);
    return m.length >= 2 ? m : undefined;
  });
  expect(escalated.map(row)[1]).toEqual([
    'alarm:handover-refused-1',
    'escalated',
    '2027-06-10T09:00:00+01:00',
    'sm-eng',
    '',
  ]);

  const cleared = await send(workflowId, {
    type: 'hand-over',
    anchors: { 'assessment-start': '2027-06-10T10:00:00+01:00' },
  });
  expect(cleared.pendingHandover).toMatchObject({ anchors: { 'assessment-start': '2027-06-10T10:00:00+01:00' } });
  const sa = await waitFor(
    'the assessment',
    () => view('single-assessment-ALARM-HO-R1').catch(() => undefined),
    30_000,
  );
  expect(sa.steps.map((s) => [s.key, s.dueDate])).toEqual([['assessment-complete', '2027-08-12']]);
  const done = await waitFor('the referral done', async () => {
    const v = await view(workflowId).catch(() => undefined);
    return v && v.status !== 'open' ? v : undefined;
  });
  expect(done.handedOver).toMatchObject({ to: 'single-assessment-ALARM-HO-R1' });
  expect(done.alarms).toMatchObject([
    {
      key: 'handover-refused-1',
      status: 'cleared',
      cleared: 'single-assessment started (single-assessment-ALARM-HO-R1)',
    },
  ]);
  expect(done.pendingHandover).toBeUndefined();
  await t.env.sleep('10 days');
  expect((await mailsOf(workflowId)).map((m) => m.headers['x-clock-tier'])).toEqual(['alarm', 'escalated']);
});

test('a process with nothing counting raises an alarm, and a clock running again clears it', async () => {
  // A process begun outside today's start checks (older code, or a start the checks did not cover): an
  // England assessment whose only step counts from assessment-start, started without it. At once: an
  // alarm to tm-eng copying duty-eng. Recording assessment-start (Mon 21 Jun 2027 10:00 BST) gives the
  // step a clock (45 WD -> Jun 22-25 (4), 28 Jun-2 Jul (9), 5-9 (14), 12-16 (19), 19-23 (24), 26-30 (29),
  // Aug 2-6 (34), 9-13 (39), 16-20 (44), Mon 23 Aug 2027 (45)) and clears the alarm.
  await sleepUntil('2027-06-21T12:00:00+01:00');
  const rules = ProfileRegistry.fromDirectory(edited.dir).resolve('england', 'single-assessment');
  const input: ClockInput = {
    processType: 'single-assessment',
    caseId: 'ALARM-STALL',
    episode: '1',
    localAuthority: 'england',
    anchors: { 'referral-received': '2027-06-14T10:00:00+01:00' },
    assignment: { team: 'eng-demo' },
    rules,
    calendar: calendarData([], '2026-01-01'),
  };
  const workflowId = 'single-assessment-ALARM-STALL-1';
  await t.env.client.workflow.start('singleAssessment', { taskQueue: t.taskQueue, workflowId, args: [input] });
  const stalled = await waitFor('the stall alarm', async () => {
    const v = await view(workflowId);
    return v.alarms?.length ? v : undefined;
  });
  expect(stalled.alarms![0]).toMatchObject({
    key: 'stalled-1',
    kind: 'stalled',
    status: 'open',
    what: 'no clock is running: assessment-complete counts from assessment-start, which has not been recorded',
  });
  const mails = await waitFor('the alarm email', async () => {
    const m = await mailsOf(workflowId);
    return m.length ? m : undefined;
  });
  expect(mails.map(row)).toEqual([['alarm:stalled-1', 'alarm', stalled.alarms![0].raisedAt, 'tm-eng', 'duty-eng']]);
  const after = await send(workflowId, { type: 'anchor', anchor: 'assessment-start', at: '2027-06-21T10:00:00+01:00' });
  expect(after.steps.map((s) => [s.key, s.status, s.dueDate])).toEqual([
    ['assessment-complete', 'pending', '2027-08-23'],
  ]);
  const cleared = await waitFor('cleared', async () => {
    const v = await view(workflowId);
    return v.alarms?.[0]?.status === 'cleared' ? v : undefined;
  });
  expect(cleared.alarms![0].cleared).toBe('a clock runs again: assessment-complete due 2027-08-23');
  await t.env.sleep('10 days');
  expect((await mailsOf(workflowId)).length).toBe(1);
});
