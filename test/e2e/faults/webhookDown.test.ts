/**
 * A webhook receiver that refuses deliveries for a while (503) must not make the email go out again on
 * every retry: the outbox records the email as delivered the moment the SMTP server accepts it, and a
 * retry sends only what is still missing. (Before each channel was recorded, a refused webhook failed
 * the whole delivery after the email had been accepted, and each retry mailed the managers again.)
 *
 * Expected, worked by hand (test/support/faultRig.ts): a Derbyshire referral received Mon 2 Nov 2026
 * 10:00 GMT has three tiers due at once (overdue, escalated, critical); each arrives by email exactly
 * once, and by webhook exactly once, after the receiver is back.
 */
import { each, hookCounts, mailCounts, outboxEntries } from '../../support/deliveries';
import { startDevServerOnFreePorts } from '../../support/devStack';
import { FaultRig, referralKeys, sleep, startBackdatedReferral, startFaultRig } from '../../support/faultRig';
import { waitFor } from '../../../harness/ports';

let server: Awaited<ReturnType<typeof startDevServerOnFreePorts>>;
let rig: FaultRig;

beforeAll(async () => {
  server = await startDevServerOnFreePorts();
  rig = await startFaultRig(server.address);
}, 120_000);

afterAll(async () => {
  await rig?.close();
  await server?.stop();
});

test('a webhook refused twice per key: each email still sent once, each webhook once when the receiver is back', async () => {
  rig.receiver.down = true;
  await rig.startWorker();
  const referral = await startBackdatedReferral(rig, 'HOOK-DOWN', 'R1');
  const keys = referralKeys(referral);
  // Two refusals per key: the first attempt and the first retry (5 s later, by the delivery retry policy).
  await waitFor('two refused attempts per key', async () => rig.receiver.refused >= 2 * keys.length, 60_000);
  rig.receiver.down = false;
  await waitFor('every webhook accepted', async () => keys.every((k) => hookCounts(rig.receiver)[k] === 1), 90_000);
  await sleep(5_000);

  expect(await mailCounts(rig.mail)).toEqual(each(keys));
  expect(hookCounts(rig.receiver)).toEqual(each(keys));
  const outbox = outboxEntries(rig.outboxDir);
  expect(outbox.map((e) => [e.key, e.state, e.delivered]).sort()).toEqual(
    keys.sort().map((k) => [k, 'sent', ['email', `webhook ${rig.receiver.url}`]]),
  );
  // It took at least three attempts per key (two refused), yet one email each.
  expect(outbox.every((e) => e.attempts >= 3)).toBe(true);
});
