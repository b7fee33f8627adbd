/**
 * The worker process killed with SIGKILL mid-escalation and started again on the same outbox
 * (production keeps it on a volume): nothing lost, nothing sent twice except inside the one window the
 * outbox states (a kill after the SMTP server accepted a message and before the outbox recorded it),
 * which is measured here rather than assumed.
 *
 * Expected notifications, worked by hand (see test/support/faultRig.ts):
 *  - each back-dated Derbyshire referral (received Mon 2 Nov 2026 10:00 GMT): its overdue, escalated and
 *    critical tiers for referral-decision are all due at its first pass, so one notification, the critical
 *    (fires at Wed 11 Nov 2026 09:00 GMT), to hos-derb copying tm-derb-north and sm-derb-assess (the roles
 *    of the two tiers it passed); the other two are recorded as caught up in it and never sent;
 *  - the Derbyshire enquiry: the strategy discussion's breach, at concern-raised + 24 hours, to the duty
 *    manager duty-derb, and nothing else (its later tiers are 3 and 6 working days away at 09:00). It is
 *    the only tier due when the restarted worker runs, so it is sent on its own, copying nobody.
 * Each goes by email (key in X-Clock-Key and the Message-ID) and by signed webhook (Idempotency-Key).
 */
import { formatLondon } from '../../../engine/calendar/london';
import { each, hookCounts, keyOfMail, mailCounts, outboxEntries } from '../../support/deliveries';
import { startDevServerOnFreePorts } from '../../support/devStack';
import {
  BACKDATED_REFERRAL_SENT,
  FaultRig,
  backdatedReferralEscalations,
  referralKeys,
  sleep,
  startBackdatedReferral,
  startEnquiryBreachingIn,
  startFaultRig,
  waitUntilWaiting,
} from '../../support/faultRig';
import { waitFor } from '../../../harness/ports';

let server: Awaited<ReturnType<typeof startDevServerOnFreePorts>>;
let rig: FaultRig;

beforeAll(async () => {
  server = await startDevServerOnFreePorts();
  rig = await startFaultRig(server.address);
}, 120_000);

// Each test starts with no worker on the queue: a worker left running would take the next test's work.
afterEach(async () => {
  await rig?.stopWorkers();
  if (rig) rig.receiver.onAccepted = undefined;
});

afterAll(async () => {
  await rig?.close();
  await server?.stop();
});

/** Only this test's keys: both tests share the sink and the receiver. */
const only = (counts: Record<string, number>, prefix: string) =>
  Object.fromEntries(Object.entries(counts).filter(([k]) => k.startsWith(prefix)));
const ofCase = (counts: Record<string, number>, prefixes: string[]) =>
  Object.fromEntries(Object.entries(counts).filter(([k]) => prefixes.some((p) => k.startsWith(p))));

test('killed between tiers: the tier that falls due while no worker runs is sent once by the restarted worker, none again', async () => {
  const first = await rig.startWorker();
  const referral = await startBackdatedReferral(rig, 'KILL-A', 'R1');
  const sent = referralKeys(referral);
  await waitFor(
    "the referral's one (critical) notification",
    async () => {
      const m = await mailCounts(rig.mail);
      return sent.every((k) => m[k] === 1) && sent.every((k) => hookCounts(rig.receiver)[k] === 1);
    },
    60_000,
  );

  // The strategy discussion breaches 40 s from now: time for the workflow to set its timer and for the kill.
  const enquiry = await startEnquiryBreachingIn(rig, 'KILL-A', 40_000);
  await waitUntilWaiting(rig.client, enquiry.workflowId);
  await first.kill();
  const killedAt = Date.now();
  expect(killedAt).toBeLessThan(enquiry.dueAtMs); // killed while it waited, before the tier fell due

  // The due instant passes with no worker at all: nothing can be sent.
  await sleep(Math.max(0, enquiry.dueAtMs - Date.now()) + 3_000);
  expect((await mailCounts(rig.mail))[enquiry.key]).toBeUndefined();

  await rig.startWorker();
  await waitFor(
    'the breach after the restart',
    async () => (await mailCounts(rig.mail))[enquiry.key] === 1 && hookCounts(rig.receiver)[enquiry.key] === 1,
    90_000,
  );
  // Long enough for a duplicate to show: a replayed workflow re-running its deliveries would send within seconds.
  await sleep(10_000);

  const expected = each([...sent, enquiry.key]);
  const prefixes = [referral, enquiry.workflowId];
  expect(ofCase(await mailCounts(rig.mail), prefixes)).toEqual(expected);
  expect(ofCase(hookCounts(rig.receiver), prefixes)).toEqual(expected);
  expect(
    rig.receiver.hooks
      .filter((h) => prefixes.some((p) => h.idempotencyKey.startsWith(p)))
      .every((h) => h.validSignature),
  ).toBe(true);

  const mails = (await rig.mail.messages()).filter((m) => prefixes.some((p) => keyOfMail(m).startsWith(p)));
  const byKey = Object.fromEntries(
    mails.map((m) => [
      keyOfMail(m),
      {
        firesAt: m.headers['x-clock-fires-at'],
        recipient: m.headers['x-clock-recipient'],
        to: m.to.map((t) => t.address),
        cc: ((m as any).cc ?? []).map((t: any) => t.address),
        copies: m.headers['x-clock-cc'],
      },
    ]),
  );
  const derb = (id: string) => `${id}@derbyshire.clocks.test`;
  expect(byKey).toEqual({
    // The critical at its own instant (Wed 11 Nov 2026 09:00 GMT), To the head of service, Cc the two passed.
    [`${referral}:referral-decision:1:critical`]: {
      firesAt: BACKDATED_REFERRAL_SENT.firesAt,
      recipient: 'hos-derb',
      to: [derb('hos-derb')],
      cc: [derb('tm-derb-north'), derb('sm-derb-assess')],
      copies: 'tm-derb-north,sm-derb-assess',
    },
    // The breach at concern-raised + 24 h exactly, to the duty manager alone.
    [enquiry.key]: {
      firesAt: enquiry.firesAt,
      recipient: 'duty-derb',
      to: [derb('duty-derb')],
      cc: [],
      copies: undefined,
    },
  });

  // The outbox kept across the restart: every key sent, each on its first attempt.
  const outbox = outboxEntries(rig.outboxDir).filter((e) => prefixes.some((p) => e.key.startsWith(p)));
  expect(outbox.map((e) => [e.key, e.state, e.attempts]).sort()).toEqual(
    [...sent, enquiry.key].sort().map((k) => [k, 'sent', 1]),
  );

  // Both processes still running; the enquiry's clock records the breach and who was told.
  const e = await rig.client.workflow.getHandle(enquiry.workflowId).describe();
  expect(e.status.name).toBe('RUNNING');
  expect(e.searchAttributes).toMatchObject({
    CaseId: ['KILL-A'],
    OverdueSteps: ['strategy-discussion'],
    EscalationLevel: [1],
  });
  const step = (e.memo as any).clock.steps.find((s: any) => s.key === 'strategy-discussion');
  expect(step).toMatchObject({ status: 'overdue', dueAt: formatLondon(enquiry.dueAtMs) }); // an hour rule is due at its instant
  expect(step.escalations).toEqual([
    {
      tier: 'overdue',
      role: 'duty-manager',
      at: enquiry.firesAt,
      deliveredAt: expect.any(String),
      recipients: ['duty-derb'],
    },
  ]);
  const r = await rig.client.workflow.getHandle(referral).describe();
  expect(r.status.name).toBe('RUNNING');
  expect((r.memo as any).clock.steps[0].escalations).toEqual(backdatedReferralEscalations());
});

/**
 * 120 back-dated referrals, each with its three tiers due at once and so one key (its critical, copying the
 * two tiers passed): a burst of 120 keys, each by email and webhook.
 * SIGKILL the moment the webhook receiver accepts the tenth delivery of the burst (from inside the
 * receiver, so no polling lag lets the burst finish first). The outbox then shows, per key, which
 * channels were recorded as delivered; a channel a key was claimed for and not recorded on (a delivery
 * in flight) is the only one allowed a second copy, and at most one.
 */
const BURST = 120;
const KILL_AT_HOOK = 10;

test('killed during a burst of escalations: after the restart every key arrives, only a channel in flight at the kill may repeat', async () => {
  const ids: string[] = [];
  // Started with no worker running, so every tier of every process falls due at once when one starts.
  for (let i = 1; i <= BURST; i++) ids.push(await startBackdatedReferral(rig, `BURST-${i}`, `R${i}`));
  const expectedKeys = ids.flatMap(referralKeys);
  expect(expectedKeys).toHaveLength(BURST); // one key per referral: the critical
  const burstMail = async () => only(await mailCounts(rig.mail), 'referral-BURST-');
  const burstHooks = () => only(hookCounts(rig.receiver), 'referral-BURST-');

  const worker = await rig.startWorker();
  let accepted = 0;
  const killed = new Promise<void>((resolve) => {
    rig.receiver.onAccepted = (hook) => {
      if (!hook.idempotencyKey.startsWith('referral-BURST-') || ++accepted !== KILL_AT_HOOK) return;
      rig.receiver.onAccepted = undefined;
      void worker.kill().then(resolve);
    };
  });
  await waitFor(
    `the burst's delivery ${KILL_AT_HOOK} and the kill`,
    async () => Promise.race([killed.then(() => true), sleep(500).then(() => false)]),
    90_000,
    0,
  );
  // The outbox at the kill: per key claimed and not sent, the channels recorded as delivered so far.
  const inFlight = outboxEntries(rig.outboxDir).filter(
    (e) => e.key.startsWith('referral-BURST-') && e.state === 'claimed',
  );
  const openOn = (channel: string) =>
    new Set(inFlight.filter((e) => !(e.delivered ?? []).includes(channel)).map((e) => e.key));
  const mayRepeatByMail = openOn('email');
  const mayRepeatByHook = openOn(`webhook ${rig.receiver.url}`);
  // No worker runs until the restart below, so the sink and the receiver can only gain what was already
  // accepted before the kill: give a loaded sink time to store it.
  await sleep(5_000);
  const mailAtKill = await burstMail();
  const hooksAtKill = burstHooks();
  // The kill really came mid-burst: some keys delivered, some in flight, some not begun.
  expect(Object.keys(hooksAtKill).length).toBeGreaterThanOrEqual(KILL_AT_HOOK);
  expect(Object.keys(hooksAtKill).length).toBeLessThan(expectedKeys.length);
  expect(inFlight.length).toBeGreaterThan(0);

  await rig.startWorker();
  // Deliveries that were running on the dead worker are retried after their 1-minute start-to-close timeout.
  await waitFor(
    'every key by email and webhook',
    async () => {
      const m = await burstMail();
      const h = burstHooks();
      return expectedKeys.every((k) => m[k] >= 1 && h[k] >= 1);
    },
    150_000,
    500,
  );
  await sleep(10_000);

  const mail = await burstMail();
  const hooks = burstHooks();
  expect(Object.keys(mail).sort()).toEqual([...expectedKeys].sort());
  expect(Object.keys(hooks).sort()).toEqual([...expectedKeys].sort());
  // Exactly once on every channel not in flight at the kill; once or twice on a channel in flight.
  const allowed = (mayRepeat: Set<string>) =>
    Object.fromEntries(expectedKeys.map((k) => [k, mayRepeat.has(k) ? '1 or 2' : 1]));
  const seen = (counts: Record<string, number>, mayRepeat: Set<string>) =>
    Object.fromEntries(
      expectedKeys.map((k) => [k, mayRepeat.has(k) && (counts[k] === 1 || counts[k] === 2) ? '1 or 2' : counts[k]]),
    );
  expect(seen(mail, mayRepeatByMail)).toEqual(allowed(mayRepeatByMail));
  expect(seen(hooks, mayRepeatByHook)).toEqual(allowed(mayRepeatByHook));
  const twiceByMail = expectedKeys.filter((k) => mail[k] === 2);
  const twiceByHook = expectedKeys.filter((k) => hooks[k] === 2);
  // A repeat needs the first copy to have been accepted before the kill: it was there at the kill.
  for (const k of twiceByMail) expect([k, mailAtKill[k]]).toEqual([k, 1]);
  for (const k of twiceByHook) expect([k, hooksAtKill[k]]).toEqual([k, 1]);

  // Every key ends sent in the outbox; only keys in flight needed a second attempt.
  const outbox = outboxEntries(rig.outboxDir).filter((e) => e.key.startsWith('referral-BURST-'));
  expect(outbox.map((e) => e.key).sort()).toEqual([...expectedKeys].sort());
  expect(outbox.filter((e) => e.state !== 'sent').map((e) => e.key)).toEqual([]);
  expect(
    outbox
      .filter((e) => e.attempts > 1)
      .map((e) => e.key)
      .sort(),
  ).toEqual(inFlight.map((e) => e.key).sort());

  // No process lost: every referral still running, at escalation level 3, its three tiers listed and the
  // critical's delivery recorded (to hos-derb, copying tm-derb-north and sm-derb-assess).
  for (const id of ids) {
    const d = await rig.client.workflow.getHandle(id).describe();
    const step = (d.memo as any).clock.steps[0];
    expect([id, d.status.name, d.searchAttributes.EscalationLevel, step.escalations]).toEqual([
      id,
      'RUNNING',
      [3],
      backdatedReferralEscalations(),
    ]);
  }
  const inFlightMailed = inFlight.filter((e) => mailAtKill[e.key] && !mayRepeatByMail.has(e.key)).length;
  console.log(
    `worker killed mid-burst: ${Object.keys(mailAtKill).length}/${expectedKeys.length} keys mailed and ${Object.keys(hooksAtKill).length} by webhook at the kill; ` +
      `${inFlight.length} keys claimed-not-sent in the outbox (${inFlightMailed} of them with the email already recorded, so not resent); ` +
      `email in flight for ${mayRepeatByMail.size}, webhook for ${mayRepeatByHook.size}; ` +
      `sent twice: ${twiceByMail.length} by email, ${twiceByHook.length} by webhook, each once more at most and only where the outbox showed that channel in flight`,
  );
});
