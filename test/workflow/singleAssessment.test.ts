/**
 * A Derbyshire single assessment left untouched, on the time-skipping server with the real worker,
 * real activities and a real SMTP sink. Dates are years ahead because the test server's clock starts
 * at the real now and cannot go back (docs/design.md, Tests).
 *
 * Hand-worked (Derbyshire practice standards L17, L18, L507; England and Wales calendar 2029):
 *   referral decision Thu 29 Mar 2029 (Maundy Thursday). Not working days: Fri 30 Mar (Good Friday),
 *   Mon 2 Apr (Easter Monday), Mon 7 May (early May), Mon 28 May (spring), and weekends.
 *   WD 1 Tue 3 Apr, 2 Wed 4, 3 Thu 5, 4 Fri 6, 5 Mon 9, 6 Tue 10, 7 Wed 11, 8 Thu 12, ..., 45 Wed 6 Jun.
 *   initial-visit (5 WD) due Mon 9 Apr; assessment-plan (7 WD) Wed 11 Apr; Derbyshire's assessment-complete
 *   (45 WD from the decision) Wed 6 Jun, but the national 45 WD from the referral (Wed 28 Mar; WD 1 Thu 29 Mar)
 *   runs beside it and is one WD earlier, Tue 5 Jun, which applies. The visit during the assessment waits
 *   for the initial visit (never recorded here).
 * Ladder (england default): reminder 2 WD before, overdue +1, escalated +3, critical +6 WD, at 09:00 BST.
 *   initial-visit:       reminder Thu 5 Apr, overdue Tue 10 Apr, escalated Thu 12 Apr, critical Tue 17 Apr
 *   assessment-plan:     reminder Mon 9 Apr, overdue Thu 12 Apr, escalated Mon 16 Apr, critical Thu 19 Apr
 *   assessment-complete: reminder Fri 1 Jun, overdue Wed 6 Jun, escalated Fri 8 Jun, critical Wed 13 Jun
 * Reassigned on Sat 14 Apr 2029 from sw-derb-01 / derb-north-assessment (service manager sm-derb-assess)
 * to sw-derb-02 / derb-south-assessment (tm-derb-south, sm-derb-south); head of service hos-derb for both.
 */
import { ProfileRegistry } from '../../profiles/load';
import { ProcessStarter } from '../../services/start';
import { clockEventUpdate, clockViewQuery } from '../../workflows/messages';
import { waitFor } from '../../harness/ports';
import { ClockTestEnv, sleepUntil as sleepOn, startTimeSkipping } from '../../harness/timeSkipping';

let t: ClockTestEnv;
beforeAll(async () => {
  t = await startTimeSkipping();
});
afterAll(async () => t?.teardown());

const sleepUntil = (iso: string) => sleepOn(t, iso);

test('every notification at its exact instant, exactly once, to the right person after a reassignment', async () => {
  const starter = new ProcessStarter(t.env.client, ProfileRegistry.fromDirectory(), t.taskQueue);
  const { workflowId } = await starter.start({
    type: 'single-assessment',
    caseId: 'DERBY-SA-2029',
    localAuthority: 'derbyshire',
    anchors: { 'referral-received': '2029-03-28T10:15:00+01:00', 'referral-decision': '2029-03-29T11:00:00+01:00' },
    assignment: { workerId: 'sw-derb-01', team: 'derb-north-assessment' },
  });
  const handle = t.env.client.workflow.getHandle(workflowId);
  const before = await handle.query(clockViewQuery);
  expect(before.steps.map((s) => [s.key, s.dueDate])).toEqual([
    ['initial-visit', '2029-04-09'],
    ['assessment-plan', '2029-04-11'],
    ['assessment-visit', undefined],
    ['assessment-complete', '2029-06-05'],
  ]);

  await sleepUntil('2029-04-14T12:00:00+01:00');
  await handle.executeUpdate(clockEventUpdate, {
    args: [
      { type: 'reassign', workerId: 'sw-derb-02', team: 'derb-south-assessment', reason: 'moved to the south team' },
    ],
  });
  await sleepUntil('2029-06-15T12:00:00+01:00');

  const mails = await waitFor('12 notifications in the mail sink', async () => {
    const m = await t.mail.messages();
    return m.length >= 12 ? m : undefined;
  });
  const got = mails
    .map((m) => [
      m.headers['x-clock-step'],
      m.headers['x-clock-tier'],
      m.headers['x-clock-fires-at'],
      m.headers['x-clock-recipient'],
    ])
    .sort((a, b) => (a[2] + a[0]).localeCompare(b[2] + b[0]));
  expect(got).toEqual([
    ['initial-visit', 'reminder', '2029-04-05T09:00:00+01:00', 'sw-derb-01'],
    ['assessment-plan', 'reminder', '2029-04-09T09:00:00+01:00', 'sw-derb-01'],
    ['initial-visit', 'overdue', '2029-04-10T09:00:00+01:00', 'tm-derb-north'],
    ['assessment-plan', 'overdue', '2029-04-12T09:00:00+01:00', 'tm-derb-north'],
    ['initial-visit', 'escalated', '2029-04-12T09:00:00+01:00', 'sm-derb-assess'],
    // after the reassignment on Sat 14 Apr:
    ['assessment-plan', 'escalated', '2029-04-16T09:00:00+01:00', 'sm-derb-south'],
    ['initial-visit', 'critical', '2029-04-17T09:00:00+01:00', 'hos-derb'],
    ['assessment-plan', 'critical', '2029-04-19T09:00:00+01:00', 'hos-derb'],
    ['assessment-complete', 'reminder', '2029-06-01T09:00:00+01:00', 'sw-derb-02'],
    ['assessment-complete', 'overdue', '2029-06-06T09:00:00+01:00', 'tm-derb-south'],
    ['assessment-complete', 'escalated', '2029-06-08T09:00:00+01:00', 'sm-derb-south'],
    ['assessment-complete', 'critical', '2029-06-13T09:00:00+01:00', 'hos-derb'],
  ]);
  // Decided by the workflow at the very instant the ladder says (workflow time), not late, not early.
  for (const m of mails) expect(m.headers['x-clock-decided-at']).toBe(m.headers['x-clock-fires-at']);
  // Exactly once: one email per (workflow, step, occurrence, tier) key, and the right addressee.
  expect(new Set(mails.map((m) => m.headers['x-clock-key'])).size).toBe(12);
  expect(
    mails.find((m) => m.headers['x-clock-key'] === `${workflowId}:assessment-plan:1:escalated`)!.to[0].address,
  ).toBe('sm-derb-south@derbyshire.clocks.test');

  const after = await handle.query(clockViewQuery);
  expect(after.steps.map((s: { status: string }) => s.status)).toEqual([
    'overdue',
    'overdue',
    'awaiting-anchor',
    'overdue',
  ]);
  expect(after.steps[3].escalations.map((e) => [e.tier, e.recipients])).toEqual([
    ['reminder', ['sw-derb-02']],
    ['overdue', ['tm-derb-south']],
    ['escalated', ['sm-derb-south']],
    ['critical', ['hos-derb']],
  ]);

  // A year later nothing more has been sent: the ladder ends at critical, no repeats.
  await t.env.sleep('365 days');
  expect((await t.mail.messages()).length).toBe(12);

  await handle.executeUpdate(clockEventUpdate, {
    args: [{ type: 'close', reason: 'case closed after transfer to another LA' }],
  });
  const final = await handle.result();
  expect(final.status).toBe('closed');
  expect(final.steps.map((s: { status: string }) => s.status)).toEqual([
    'cancelled',
    'cancelled',
    'cancelled',
    'cancelled',
  ]);
});
