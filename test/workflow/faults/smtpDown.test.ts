/**
 * Fault: the SMTP server down for nine days of process time, then back on the same port.
 *
 * On the time-skipping server, with the real worker, real activities and a real SMTP sink (maildev) that
 * is stopped and started again on its port. Probed first: the test server skips an activity's retry
 * backoff like any timer (deliverNotification retries 5 s, doubling, capped at 10 minutes, without limit,
 * workflows/runClock.ts), so nine simulated days of outage are 3,888 real, refused SMTP
 * attempts (ECONNREFUSED), each a real activity task, in seconds of wall time.
 *
 * Hand-worked (Derbyshire practice standards L17, L18, L507; England default ladder; no bank holiday in
 * Oct-Dec 2029 before Christmas; clocks go back Sun 28 Oct 2029):
 *   referral decision Tue 9 Oct 2029. WD 1 Wed 10, 2 Thu 11, 3 Fri 12, 4 Mon 15, 5 Tue 16, 6 Wed 17, 7 Thu 18;
 *   Oct WD after the 9th: 16 (to Wed 31), Nov: 22 (38), Dec 3-7: 43, Mon 10: 44, Tue 11: 45.
 *   initial-visit (5 WD) due Tue 16 Oct; assessment-plan (7 WD) Thu 18 Oct; Derbyshire's assessment-complete
 *   (45 WD from the decision) Tue 11 Dec, but the national 45 WD from the referral (Mon 8 Oct) runs beside it
 *   and is one WD earlier, Mon 10 Dec, which applies.
 * Ladder: reminder 2 WD before, overdue +1, escalated +3, critical +6 WD, at 09:00 London.
 *   initial-visit:       reminder Fri 12 Oct, overdue Wed 17 Oct, escalated Fri 19 Oct, critical Wed 24 Oct (BST)
 *   assessment-plan:     reminder Tue 16 Oct, overdue Fri 19 Oct, escalated Tue 23 Oct, critical Fri 26 Oct (BST)
 *   assessment-complete: reminder Thu 6 Dec, overdue Tue 11 Dec, escalated Thu 13 Dec, critical Tue 18 Dec (GMT)
 * The sink is down from Mon 15 Oct 12:00 to Wed 24 Oct 12:00 BST: the six tiers from assessment-plan's
 * reminder (Tue 16) to initial-visit's critical (Wed 24) fall due inside it; the first reminder is sent
 * before it, the last five after it. Recipients (config/directory.json, team derb-north-assessment):
 * sw-derb-01, tm-derb-north, sm-derb-assess, hos-derb.
 */
import { DefaultLogger, LogEntry, Runtime } from '@temporalio/worker';
import { ProfileRegistry } from '../../../profiles/load';
import { ProcessStarter } from '../../../services/start';
import { clockEventUpdate, clockViewQuery } from '../../../workflows/messages';
import type { SunkMail } from '../../../harness/mailSink';
import { waitFor } from '../../../harness/ports';
import { ClockTestEnv, sleepUntil as sleepOn, startTimeSkipping } from '../../../harness/timeSkipping';

// Thousands of expected "Activity failed" warnings (the SMTP refusals) are counted here, not printed;
// every other worker log line still goes to stderr.
const refusedAttempts: number[] = [];
function countRefusals(entry: LogEntry) {
  const error = entry.meta?.error as { message?: string } | undefined;
  if (
    entry.message === 'Activity failed' &&
    entry.meta?.activityType === 'deliverNotification' &&
    /ECONNREFUSED/.test(error?.message ?? '')
  ) {
    refusedAttempts.push(Date.now());
    return;
  }
  process.stderr.write(`[${entry.level}] ${entry.message} ${JSON.stringify(entry.meta ?? {})}\n`);
}

let t: ClockTestEnv;
beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('WARN', countRefusals) });
  t = await startTimeSkipping();
}, 120_000);
afterAll(async () => t?.teardown());

const sleepUntil = (iso: string) => sleepOn(t, iso);

const fields = (m: SunkMail) => [
  m.headers['x-clock-key'],
  m.headers['x-clock-fires-at'],
  m.headers['x-clock-recipient'],
];
const byKey = (a: string[], b: string[]) => (a[1] + a[0]).localeCompare(b[1] + b[0]);

test('every notification decided on time during a nine-day SMTP outage arrives exactly once when the server is back', async () => {
  const starter = new ProcessStarter(t.env.client, ProfileRegistry.fromDirectory(), t.taskQueue);
  const { workflowId } = await starter.start({
    type: 'single-assessment',
    caseId: 'DERBY-SMTP-DOWN',
    localAuthority: 'derbyshire',
    anchors: { 'referral-received': '2029-10-08T14:00:00+01:00', 'referral-decision': '2029-10-09T11:00:00+01:00' },
    assignment: { workerId: 'sw-derb-01', team: 'derb-north-assessment' },
  });
  const key = (step: string, tier: string) => `${workflowId}:${step}:1:${tier}`;
  const handle = t.env.client.workflow.getHandle(workflowId);
  expect((await handle.query(clockViewQuery)).steps.map((s) => [s.key, s.dueDate])).toEqual([
    ['initial-visit', '2029-10-16'],
    ['assessment-plan', '2029-10-18'],
    ['assessment-visit', undefined],
    ['assessment-complete', '2029-12-10'],
  ]);

  // Before the outage: the first reminder is delivered normally.
  await sleepUntil('2029-10-15T12:00:00+01:00');
  const beforeOutage = await waitFor('the first reminder', async () => {
    const m = await t.mail.messages();
    return m.length >= 1 ? m : undefined;
  });
  expect(beforeOutage.map(fields)).toEqual([
    [key('initial-visit', 'reminder'), '2029-10-12T09:00:00+01:00', 'sw-derb-01'],
  ]);

  // The outage: nine days of process time with the SMTP port refusing connections.
  await t.mail.stop();
  await sleepUntil('2029-10-24T12:00:00+01:00');

  // The ladder did not wait on delivery: each of the six tiers was decided at its instant and is still being sent.
  const during = await handle.query(clockViewQuery);
  const ladder = (view: typeof during) =>
    view.steps.flatMap((s) =>
      s.escalations.map((e) => [s.key, e.tier, e.at, e.deliveredAt !== undefined, e.recipients ?? null]),
    );
  expect(ladder(during)).toEqual([
    ['initial-visit', 'reminder', '2029-10-12T09:00:00+01:00', true, ['sw-derb-01']],
    ['initial-visit', 'overdue', '2029-10-17T09:00:00+01:00', false, null],
    ['initial-visit', 'escalated', '2029-10-19T09:00:00+01:00', false, null],
    ['initial-visit', 'critical', '2029-10-24T09:00:00+01:00', false, null],
    ['assessment-plan', 'reminder', '2029-10-16T09:00:00+01:00', false, null],
    ['assessment-plan', 'overdue', '2029-10-19T09:00:00+01:00', false, null],
    ['assessment-plan', 'escalated', '2029-10-23T09:00:00+01:00', false, null],
  ]);
  // Six deliveries still retrying, each refused by the closed SMTP port, each retried through the outage.
  const pending = (await handle.describe()).raw.pendingActivities ?? [];
  expect(pending.map((p) => p.activityType?.name)).toEqual(Array(6).fill('deliverNotification'));
  for (const p of pending) expect(p.lastFailure?.message).toContain(`ECONNREFUSED 127.0.0.1:${t.mail.smtpPort}`);
  // Retried 5, 10, 20, 40, 80, 160, 320 s after each failure, then every 600 s: attempt k (k >= 8) runs
  // 635 + 600(k - 8) s after the tier fired. Refused attempts by Wed 24 Oct 12:00, 8 + floor((T - 635) / 600):
  //   assessment-plan reminder, T = 195 h = 702,000 s: 1,176; initial-visit overdue, 171 h = 615,600 s: 1,032;
  //   initial-visit escalated and assessment-plan overdue, 123 h = 442,800 s: 744 each;
  //   assessment-plan escalated, 27 h = 97,200 s: 168; initial-visit critical, 3 h = 10,800 s: 24. Total 3,888.
  // The pending activity's attempt is the next one, due 35 s later: one more than those refused.
  const refusedDuringOutage = refusedAttempts.length;
  expect(pending.map((p) => p.attempt ?? 0).sort((a, b) => a - b)).toEqual([25, 169, 745, 745, 1033, 1177]);
  expect(refusedDuringOutage).toBe(3888);

  // The server is back on the same port: every retry succeeds within the 10-minute cap.
  await t.mail.restart();
  await sleepUntil('2029-10-24T12:15:00+01:00');
  const afterOutage = await waitFor('the six held notifications', async () => {
    const m = await t.mail.messages();
    return m.length >= 6 ? m : undefined;
  });
  expect(afterOutage.map(fields).sort(byKey)).toEqual([
    [key('assessment-plan', 'reminder'), '2029-10-16T09:00:00+01:00', 'sw-derb-01'],
    [key('initial-visit', 'overdue'), '2029-10-17T09:00:00+01:00', 'tm-derb-north'],
    [key('assessment-plan', 'overdue'), '2029-10-19T09:00:00+01:00', 'tm-derb-north'],
    [key('initial-visit', 'escalated'), '2029-10-19T09:00:00+01:00', 'sm-derb-assess'],
    [key('assessment-plan', 'escalated'), '2029-10-23T09:00:00+01:00', 'sm-derb-assess'],
    [key('initial-visit', 'critical'), '2029-10-24T09:00:00+01:00', 'hos-derb'],
  ]);
  // Decided at the instant the ladder says, whatever the outage (workflow time).
  for (const m of afterOutage) expect(m.headers['x-clock-decided-at']).toBe(m.headers['x-clock-fires-at']);
  expect((await handle.describe()).raw.pendingActivities ?? []).toEqual([]);
  // The next attempt after the restart went through: none refused since.
  expect(refusedAttempts.length).toBe(refusedDuringOutage);

  // The rest of the process with the sink up: the remaining five tiers, then nothing more.
  await sleepUntil('2029-12-21T12:00:00+00:00');
  const all = [
    ...beforeOutage,
    ...(await waitFor('eleven notifications since the sink came back', async () => {
      const m = await t.mail.messages();
      return m.length >= 11 ? m : undefined;
    })),
  ];
  expect(all.map(fields).sort(byKey)).toEqual([
    [key('initial-visit', 'reminder'), '2029-10-12T09:00:00+01:00', 'sw-derb-01'],
    [key('assessment-plan', 'reminder'), '2029-10-16T09:00:00+01:00', 'sw-derb-01'],
    [key('initial-visit', 'overdue'), '2029-10-17T09:00:00+01:00', 'tm-derb-north'],
    [key('assessment-plan', 'overdue'), '2029-10-19T09:00:00+01:00', 'tm-derb-north'],
    [key('initial-visit', 'escalated'), '2029-10-19T09:00:00+01:00', 'sm-derb-assess'],
    [key('assessment-plan', 'escalated'), '2029-10-23T09:00:00+01:00', 'sm-derb-assess'],
    [key('initial-visit', 'critical'), '2029-10-24T09:00:00+01:00', 'hos-derb'],
    [key('assessment-plan', 'critical'), '2029-10-26T09:00:00+01:00', 'hos-derb'],
    [key('assessment-complete', 'reminder'), '2029-12-06T09:00:00+00:00', 'sw-derb-01'],
    [key('assessment-complete', 'overdue'), '2029-12-11T09:00:00+00:00', 'tm-derb-north'],
    [key('assessment-complete', 'escalated'), '2029-12-13T09:00:00+00:00', 'sm-derb-assess'],
    [key('assessment-complete', 'critical'), '2029-12-18T09:00:00+00:00', 'hos-derb'],
  ]);
  // Exactly once across both lives of the sink: twelve keys, twelve messages, one Message-ID each.
  expect(new Set(all.map((m) => m.headers['message-id'])).size).toBe(12);

  // The clock records each tier once, every one delivered.
  const after = await handle.query(clockViewQuery);
  expect(ladder(after)).toEqual([
    ['initial-visit', 'reminder', '2029-10-12T09:00:00+01:00', true, ['sw-derb-01']],
    ['initial-visit', 'overdue', '2029-10-17T09:00:00+01:00', true, ['tm-derb-north']],
    ['initial-visit', 'escalated', '2029-10-19T09:00:00+01:00', true, ['sm-derb-assess']],
    ['initial-visit', 'critical', '2029-10-24T09:00:00+01:00', true, ['hos-derb']],
    ['assessment-plan', 'reminder', '2029-10-16T09:00:00+01:00', true, ['sw-derb-01']],
    ['assessment-plan', 'overdue', '2029-10-19T09:00:00+01:00', true, ['tm-derb-north']],
    ['assessment-plan', 'escalated', '2029-10-23T09:00:00+01:00', true, ['sm-derb-assess']],
    ['assessment-plan', 'critical', '2029-10-26T09:00:00+01:00', true, ['hos-derb']],
    ['assessment-complete', 'reminder', '2029-12-06T09:00:00+00:00', true, ['sw-derb-01']],
    ['assessment-complete', 'overdue', '2029-12-11T09:00:00+00:00', true, ['tm-derb-north']],
    ['assessment-complete', 'escalated', '2029-12-13T09:00:00+00:00', true, ['sm-derb-assess']],
    ['assessment-complete', 'critical', '2029-12-18T09:00:00+00:00', true, ['hos-derb']],
  ]);

  // A month on, nothing has been sent again.
  await t.env.sleep('30 days');
  expect((await t.mail.messages()).length).toBe(11);
  await handle.executeUpdate(clockEventUpdate, { args: [{ type: 'close', reason: 'fault test over' }] });
  expect((await handle.result()).status).toBe('closed');
}, 300_000);
