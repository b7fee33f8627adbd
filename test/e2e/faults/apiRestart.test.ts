/**
 * The API process killed (SIGKILL) while many requests are in flight, and started again on the same
 * port: once during a storm of new referrals, once during a storm of events. The integrator retries every request that failed or got no answer, with the same body: the same
 * referralId, the same eventId. Nothing is duplicated: one workflow per referral, each event applied
 * once, each notification sent once.
 *
 * Expected, worked by hand (test/support/faultRig.ts): every referral is a Derbyshire referral received
 * Mon 2 Nov 2026 10:00 GMT, so its overdue, escalated and critical tiers for referral-decision are all due
 * at its first pass and it sends exactly one notification, the critical (Wed 11 Nov 2026 09:00 GMT) to
 * hos-derb copying tm-derb-north and sm-derb-assess (the two lower tiers are caught up in it, never sent);
 * 50 referrals give 50 keys, each once by email and once by webhook. The ten decisions (no further
 * action, 20 Nov 2026) complete their referral; the ten reassignments move theirs from
 * sw-derb-01/derb-north-assessment to sw-derb-02/derb-south-assessment. Neither changes a notification:
 * every tier had been decided before them (at the first pass, the reassigned ones' copies resolved on
 * the north team).
 */
import { each, hookCounts, mailCounts } from '../../support/deliveries';
import { startDevServerOnFreePorts } from '../../support/devStack';
import {
  BACKDATED_REFERRAL,
  BACKDATED_REFERRAL_SENT,
  FaultRig,
  referralKeys,
  sleep,
  startFaultRig,
} from '../../support/faultRig';
import { startChildApi } from '../../../harness/childApi';
import { freePort, waitFor } from '../../../harness/ports';
import { TsChild } from '../../../harness/tsChild';

let server: Awaited<ReturnType<typeof startDevServerOnFreePorts>>;
let rig: FaultRig;
let api: TsChild | undefined;

beforeAll(async () => {
  server = await startDevServerOnFreePorts();
  rig = await startFaultRig(server.address);
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await rig?.close();
  await server?.stop();
});

interface Call {
  what: string;
  method: 'POST';
  path: string;
  token: string;
  body: object;
}
type Answer = { status: number; body: any } | { error: string };

const DECIDED = 10;
const REASSIGNED = 10;
const NEW = 30;

const referralBody = (caseId: string, referralId: string) => ({
  referralId,
  caseId,
  localAuthority: BACKDATED_REFERRAL.localAuthority,
  receivedAt: BACKDATED_REFERRAL.receivedAt,
  assignment: BACKDATED_REFERRAL.assignment,
});
const referralCall = (caseId: string, referralId: string): Call => ({
  what: `referral ${caseId}`,
  method: 'POST',
  path: '/api/referrals',
  token: 'dev-intake-system',
  body: referralBody(caseId, referralId),
});
const decision = {
  type: 'step-completed',
  step: 'referral-decision',
  occurredAt: '2026-11-20',
  outcome: 'no-further-action',
};
const reassignment = { type: 'reassign', workerId: 'sw-derb-02', team: 'derb-south-assessment' };

test('API killed with requests in flight, restarted, every failed request retried: one workflow per referral, each event once, each notification once', async () => {
  await rig.startWorker();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  api = await startChildApi({ port, temporalAddress: rig.address, taskQueue: rig.taskQueue });
  const send = async (c: Call): Promise<Answer> => {
    try {
      const res = await fetch(`${base}${c.path}`, {
        method: c.method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
        body: JSON.stringify(c.body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    } catch (err) {
      return { error: String((err as Error).cause ?? err) };
    }
  };

  // Twenty referrals exist before the storm; the storm sends them events.
  const existing = [...Array(DECIDED + REASSIGNED)].map((_, i) => referralCall(`API-OLD-${i + 1}`, `R${i + 1}`));
  for (const c of existing) expect(await send(c)).toMatchObject({ status: 201 });
  const oldIds = existing.map((c) => `referral-${(c.body as any).caseId}-${(c.body as any).referralId}`);

  const newReferrals = [...Array(NEW)].map((_, i) => referralCall(`API-NEW-${i + 1}`, `RN${i + 1}`));
  const events = [
    ...oldIds.slice(0, DECIDED).map((id, i): Call => ({
      what: `decision ${id}`,
      method: 'POST',
      path: `/api/processes/${id}/events`,
      token: 'dev-social-worker.sw-derb-01',
      body: { ...decision, eventId: `decide-${i + 1}` },
    })),
    ...oldIds.slice(DECIDED).map((id, i): Call => ({
      what: `reassign ${id}`,
      method: 'POST',
      path: `/api/processes/${id}/events`,
      token: 'dev-team-manager.tm-derb-north',
      body: { ...reassignment, eventId: `reassign-${i + 1}` },
    })),
  ];

  /**
   * Sends every call at once and kills the API the moment the first answer comes back, with the rest in
   * flight; starts it again on the same port and retries each call that failed or got no answer, with
   * the same body, until it is answered. Returns the calls that were cut off, their final answers, and
   * the second from which anything a retry did is recorded.
   */
  const stormKillRetry = async (calls: Call[]) => {
    const first: Answer[] = new Array(calls.length);
    let killed: Promise<void> | undefined;
    await Promise.all(
      calls.map(async (c, i) => {
        first[i] = await send(c);
        killed ??= api!.kill();
      }),
    );
    await killed;
    const cut = calls.filter((_, i) => 'error' in first[i] || (first[i] as any).status >= 500);
    expect(cut.length).toBeGreaterThan(0); // the kill really caught requests in flight
    // Anything answered before the kill was answered well.
    for (const [i, c] of calls.entries()) {
      const a = first[i];
      if (!('error' in a) && a.status < 500)
        expect([c.what, a.status]).toEqual([c.what, c.path === '/api/referrals' ? 201 : 200]);
    }
    api = await startChildApi({ port, temporalAddress: rig.address, taskQueue: rig.taskQueue });
    // History records whole seconds: anything a retry applied is at or after this second.
    const backAt = Math.floor(Date.now() / 1000) * 1000;
    const retried = new Map<Call, { status: number; body: any }>();
    for (const c of cut) {
      retried.set(
        c,
        await waitFor(
          `an answer to ${c.what}`,
          async () => {
            const r = await send(c);
            return 'error' in r || r.status >= 500 ? undefined : r;
          },
          60_000,
          500,
        ),
      );
    }
    return { cut, retried, backAt };
  };

  // Round 1, intake: the retried referrals. One whose cut-off attempt had started it is answered 200
  // "existing"; one it had not, 201.
  const intake = await stormKillRetry(newReferrals);
  for (const c of intake.cut) {
    const a = intake.retried.get(c)!;
    expect([c.what, a.status, a.body.existing]).toEqual([c.what, a.body.existing ? 200 : 201, a.status === 200]);
  }
  const startedByCutAttempt = intake.cut.filter((c) => intake.retried.get(c)!.status === 200).length;

  // Round 2, events: every retry answered 200 with the clock, whether or not its first attempt had applied it.
  const eventRound = await stormKillRetry(events);
  for (const c of eventRound.cut) expect([c.what, eventRound.retried.get(c)!.status]).toEqual([c.what, 200]);

  // One workflow per referral, by visibility (CaseId), and no other referral.
  const referralCases = [...existing, ...newReferrals].map((c) => (c.body as any).caseId as string);
  const listed = await waitFor(
    'every referral visible',
    async () => {
      const ids: string[] = [];
      for await (const w of rig.client.workflow.list({ query: `CaseId STARTS_WITH 'API-'` })) ids.push(w.workflowId);
      return ids.length >= referralCases.length ? ids : undefined;
    },
    30_000,
  );
  expect(listed.sort()).toEqual(
    referralCases
      .map((caseId) => `referral-${caseId}-${caseId.startsWith('API-NEW') ? 'RN' : 'R'}${caseId.split('-').at(-1)}`)
      .sort(),
  );
  for (const caseId of referralCases)
    expect([caseId, (await rig.client.workflow.count(`CaseId = '${caseId}'`)).count]).toEqual([caseId, 1]);

  // Each event applied once: one completion, one reassignment, each once in the clock's history.
  const view = async (id: string) =>
    (await (
      await fetch(`${base}/api/processes/${id}`, { headers: { authorization: 'Bearer dev-admin' } })
    ).json()) as any;
  const appliedAt: number[] = [];
  for (const id of oldIds.slice(0, DECIDED)) {
    const v = await view(id);
    const completions = v.history.filter((h: any) => /completed at 2026-11-20/.test(h.what));
    expect([id, v.status, v.steps[0].status, v.steps[0].completedAt, v.steps[0].outcome, completions.length]).toEqual([
      id,
      'completed',
      'completed',
      '2026-11-20',
      'no-further-action',
      1,
    ]);
    appliedAt.push(Date.parse(completions[0].at));
  }
  for (const id of oldIds.slice(DECIDED)) {
    const v = await view(id);
    const moves = v.history.filter((h: any) => /^reassigned from/.test(h.what));
    expect([id, v.assignment, moves.length]).toEqual([
      id,
      { workerId: 'sw-derb-02', team: 'derb-south-assessment' },
      1,
    ]);
    appliedAt.push(Date.parse(moves[0].at));
  }
  // Events whose answer was cut off but which the workflow had already applied (before the API came back):
  // their retry is the one the event id must deduplicate.
  const appliedByCutAttempt = events.filter(
    (c, i) => eventRound.cut.includes(c) && appliedAt[i] < eventRound.backAt,
  ).length;
  // The retries that had something to deduplicate did occur (else this test would not test it).
  expect(startedByCutAttempt + appliedByCutAttempt).toBeGreaterThan(0);

  // Each notification once: 50 referrals x 1 (the critical, carrying the two tiers it passed).
  const keys = listed.flatMap(referralKeys);
  expect(keys).toHaveLength(DECIDED + REASSIGNED + NEW);
  expect(keys.every((k) => k.endsWith(':referral-decision:1:critical'))).toBe(true);
  await waitFor(
    'every notification',
    async () => {
      const m = await mailCounts(rig.mail);
      const h = hookCounts(rig.receiver);
      return keys.every((k) => m[k] >= 1 && h[k] >= 1);
    },
    90_000,
    500,
  );
  await sleep(5_000);
  expect(await mailCounts(rig.mail)).toEqual(each(keys));
  expect(hookCounts(rig.receiver)).toEqual(each(keys));
  // Each the same catch-up notification (faultRig.ts): critical at 09:00 GMT Wed 11 Nov 2026, To hos-derb, Cc the two passed.
  const sentAs = (await rig.mail.messages()).map((m) =>
    [
      m.headers['x-clock-tier'],
      m.headers['x-clock-fires-at'],
      m.headers['x-clock-recipient'],
      m.headers['x-clock-cc'],
    ].join(' '),
  );
  expect(new Set(sentAs)).toEqual(
    new Set([`critical ${BACKDATED_REFERRAL_SENT.firesAt} hos-derb tm-derb-north,sm-derb-assess`]),
  );
  const hooked = rig.receiver.hooks
    .map((h) => JSON.parse(h.body))
    .map((b) => [b.tier, b.firesAt, b.recipient, (b.cc ?? []).join(',')].join(' '));
  expect(new Set(hooked)).toEqual(
    new Set([`critical ${BACKDATED_REFERRAL_SENT.firesAt} hos-derb tm-derb-north,sm-derb-assess`]),
  );

  console.log(
    `API killed twice with requests in flight: ${intake.cut.length} of ${newReferrals.length} referrals unanswered, ${startedByCutAttempt} of them already started by the cut-off attempt; ` +
      `${eventRound.cut.length} of ${events.length} events unanswered, ${appliedByCutAttempt} of them already applied by the cut-off attempt; ` +
      `${listed.length} workflows for ${referralCases.length} referrals; ${keys.length} notifications, each once`,
  );
});
