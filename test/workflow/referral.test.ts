/**
 * Referral intake to single assessment, on the time-skipping server with the real worker and mail sink.
 * Hand-worked (England profile, England and Wales calendar):
 *   received Thu 24 Dec 2026 14:00 -> 1 WD: Fri 25 (Christmas), Mon 28 (Boxing Day substitute) -> due Tue 29 Dec.
 *   Reminder 2 WD before = Wed 23 Dec, before the referral existed: not sent.
 *   Overdue +1 WD = Wed 30 Dec 2026 09:00 GMT, to the team manager of eng-demo (tm-eng).
 *   Decision Wed 30 Dec 10:00, outcome assessment -> single assessment, 45 WD from the referral:
 *   Tue 29 (1), Wed 30 (2), Thu 31 (3), [Fri 1 Jan], 4-8 Jan (8), 11-15 (13), 18-22 (18), 25-29 (23),
 *   1-5 Feb (28), 8-12 (33), 15-19 (38), 22-26 (43), Mon 1 Mar (44), Tue 2 Mar 2027 (45).
 */
import { ProfileRegistry } from '../../profiles/load';
import { ProcessStarter, StartError } from '../../services/start';
import { clockEventUpdate, clockViewQuery } from '../../workflows/messages';
import { waitFor } from '../../harness/ports';
import { ClockTestEnv, startTimeSkipping } from '../../harness/timeSkipping';

let t: ClockTestEnv;
beforeAll(async () => {
  t = await startTimeSkipping();
});
afterAll(async () => t?.teardown());

test('a referral decided late escalates once, then hands over to the single assessment', async () => {
  const starter = new ProcessStarter(t.env.client, ProfileRegistry.fromDirectory(), t.taskQueue);
  const body = {
    type: 'referral' as const,
    caseId: 'ENG-REF-1',
    episode: 'R-2026-0042',
    localAuthority: 'england',
    anchors: { 'referral-received': '2026-12-24T14:00:00Z' },
    assignment: { workerId: 'tm-eng', team: 'eng-demo' },
  };
  const first = await starter.start(body, { requireAllStepAnchors: true });
  expect(first).toMatchObject({ workflowId: 'referral-ENG-REF-1-R-2026-0042', existing: false });
  // The same referral again: the same process, nothing new.
  expect(await starter.start(body, { requireAllStepAnchors: true })).toMatchObject({
    workflowId: first.workflowId,
    existing: true,
  });
  // The same id with a different body: refused.
  await expect(
    starter.start({ ...body, anchors: { 'referral-received': '2026-12-23T14:00:00Z' } }),
  ).rejects.toMatchObject({ status: 409 });
  await expect(starter.start({ ...body, localAuthority: 'narnia' })).rejects.toBeInstanceOf(StartError);

  const handle = t.env.client.workflow.getHandle(first.workflowId);
  expect((await handle.query(clockViewQuery)).steps[0]).toMatchObject({
    dueDate: '2026-12-29',
    dueAt: '2026-12-29T23:59:59+00:00',
    status: 'pending',
  });

  await t.env.sleep(Date.parse('2026-12-30T10:00:00Z') - (await t.env.currentTimeMs()));
  const mails = await waitFor('the overdue email', async () => {
    const m = await t.mail.messages();
    return m.length ? m : undefined;
  });
  expect(
    mails.map((m) => [m.headers['x-clock-tier'], m.headers['x-clock-fires-at'], m.headers['x-clock-recipient']]),
  ).toEqual([['overdue', '2026-12-30T09:00:00+00:00', 'tm-eng']]);

  await handle.executeUpdate(clockEventUpdate, {
    args: [
      { type: 'step-completed', step: 'referral-decision', occurredAt: '2026-12-30T10:00:00Z', outcome: 'assessment' },
    ],
  });
  const referral = await handle.result();
  expect(referral.status).toBe('completed');
  expect(referral.steps[0]).toMatchObject({ status: 'completed', late: true, outcome: 'assessment' });
  expect(referral.handedOver?.to).toBe('single-assessment-ENG-REF-1-R-2026-0042');

  const sa = await t.env.client.workflow.getHandle('single-assessment-ENG-REF-1-R-2026-0042').query(clockViewQuery);
  expect(sa.anchors).toEqual({
    'referral-received': '2026-12-24T14:00:00Z',
    'referral-decision': '2026-12-30T10:00:00Z',
  });
  expect(sa.assignment).toEqual({ workerId: 'tm-eng', team: 'eng-demo' });
  expect(sa.steps.map((s) => [s.key, s.dueDate, s.status])).toEqual([['assessment-complete', '2027-03-02', 'pending']]);
  expect((await t.mail.messages()).length).toBe(1);
});
