/**
 * The dev server stopped (cleanly, as `npm start` is stopped, and by SIGKILL, a crash) and started
 * again on its SQLite file and the same port, while the worker process keeps running and reconnects.
 * A tier falls due while the server is down: it is sent once after the restart; nothing sent before is
 * sent again; every process is still running with its search attributes (registered once, still there:
 * none added at the restart).
 *
 * Expected, worked by hand (rules in test/support/faultRig.ts), for each run's case ids (<run>-1...):
 *  - RESTART-1, a Derbyshire referral received Mon 2 Nov 2026 10:00 GMT: decision due Tue 3 Nov (dueAt
 *    23:59:59 GMT); overdue (Wed 4 Nov), escalated (Fri 6 Nov) and critical (Wed 11 Nov) all due at its
 *    first pass, so one notification before the restart: the critical (09:00 GMT Wed 11 Nov) to hos-derb,
 *    copying tm-derb-north and sm-derb-assess, the two lower tiers caught up in it and never sent; level 3
 *    (the critical reached), overdue step referral-decision.
 *  - RESTART-2, a Derbyshire enquiry whose strategy discussion (24 hours, L567) breaches while the
 *    server is down: the breach to duty-derb, once, after the restart; level 1.
 *  - RESTART-3, a Derbyshire referral received Thu 1 Mar 2029 10:00 GMT: due Fri 2 Mar 2029 (1 WD), so
 *    dueAt 2029-03-02T23:59:59 GMT; its reminder (2 WD before, Wed 28 Feb) would precede the referral, so
 *    none; nothing is due for years: level 0, no overdue step.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTES } from '../../../workflows/searchAttributes';
import { clockViewQuery } from '../../../workflows/messages';
import { registerSearchAttributes } from '../../../worker/searchAttributes';
import { each, hookCounts, mailCounts } from '../../support/deliveries';
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
import { PersistentDevServer } from '../../support/persistentDevServer';
import { waitFor } from '../../../harness/ports';
import { TsChild } from '../../../harness/tsChild';

let dir: string;
let server: PersistentDevServer;
let rig: FaultRig;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clocks-sqlite-'));
  server = await PersistentDevServer.start(join(dir, 'dev.sqlite'));
  rig = await startFaultRig(server.address);
}, 120_000);

afterAll(async () => {
  await rig?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Only this run's keys: the runs share the sink and the receiver. */
const ofRun = (counts: Record<string, number>, ids: string[]) =>
  Object.fromEntries(Object.entries(counts).filter(([k]) => ids.some((id) => k.startsWith(`${id}:`))));

let worker: TsChild | undefined;

test.each([
  ['SIGTERM', 'RESTART'],
  ['SIGKILL', 'CRASH'],
] as const)(
  'stopped by %s: a tier that falls due while the dev server is down is sent once after it restarts on its SQLite file; every process still running',
  async (signal, run) => {
    // One worker process for both runs: the second finds a worker that already lived through one outage.
    const w = (worker ??= await rig.startWorker());
    const overdueReferral = await startBackdatedReferral(rig, `${run}-1`, 'R1');
    const sentBefore = referralKeys(overdueReferral);
    await waitFor(
      "the overdue referral's one notification (its critical, copying the two tiers passed)",
      async () => {
        const m = await mailCounts(rig.mail);
        return sentBefore.every((k) => m[k] === 1) && sentBefore.every((k) => hookCounts(rig.receiver)[k] === 1);
      },
      60_000,
    );
    const futureReferral = (
      await rig.starter.start(
        {
          type: 'referral',
          caseId: `${run}-3`,
          episode: 'R3',
          localAuthority: 'derbyshire',
          anchors: { 'referral-received': '2029-03-01T10:00:00Z' },
          assignment: { workerId: 'sw-derb-01', team: 'derb-north-assessment' },
        },
        { requireAllStepAnchors: true },
      )
    ).workflowId;
    // Breaches 30 s from now: time to set its timer and stop the server before then.
    const enquiry = await startEnquiryBreachingIn(rig, `${run}-2`, 30_000);
    await waitUntilWaiting(rig.client, enquiry.workflowId);
    await waitUntilWaiting(rig.client, futureReferral);

    await server.stop(signal);
    expect(Date.now()).toBeLessThan(enquiry.dueAtMs); // the server went down before the tier fell due
    await sleep(Math.max(0, enquiry.dueAtMs - Date.now()) + 3_000);
    expect((await mailCounts(rig.mail))[enquiry.key]).toBeUndefined();
    expect(w.running).toBe(true); // the worker rides out the outage, retrying its polls

    await server.restart();
    const connection = await Connection.connect({ address: server.address });
    try {
      expect(await registerSearchAttributes(connection, 'default')).toEqual([]); // persisted in the SQLite file
    } finally {
      await connection.close();
    }
    await waitFor(
      'the breach after the restart',
      async () => (await mailCounts(rig.mail))[enquiry.key] === 1 && hookCounts(rig.receiver)[enquiry.key] === 1,
      90_000,
    );
    await sleep(10_000); // time for any duplicate to show

    const expected = each([...sentBefore, enquiry.key]);
    const ids = [overdueReferral, enquiry.workflowId, futureReferral];
    expect(ofRun(await mailCounts(rig.mail), ids)).toEqual(expected);
    expect(ofRun(hookCounts(rig.receiver), ids)).toEqual(expected);
    expect(rig.receiver.hooks.every((h) => h.validSignature)).toBe(true);
    const breach = (await rig.mail.messages()).find((m) => m.headers['x-clock-key'] === enquiry.key)!;
    expect([breach.to[0].address, breach.headers['x-clock-fires-at']]).toEqual([
      'duty-derb@derbyshire.clocks.test',
      enquiry.firesAt,
    ]);
    // The referral's one email, sent before the outage and not again: the critical, To hos-derb, Cc the two passed.
    const critical = (await rig.mail.messages()).filter((m) => m.headers['x-clock-key'] === sentBefore[0]);
    expect(
      critical.map((m) => [
        m.headers['x-clock-tier'],
        m.headers['x-clock-fires-at'],
        m.headers['x-clock-recipient'],
        m.headers['x-clock-cc'],
      ]),
    ).toEqual([
      [
        BACKDATED_REFERRAL_SENT.tier,
        BACKDATED_REFERRAL_SENT.firesAt,
        BACKDATED_REFERRAL_SENT.recipient,
        'tm-derb-north,sm-derb-assess',
      ],
    ]);
    // Its clock, across the restart, still lists all three tiers and the one delivery.
    expect((await rig.client.workflow.getHandle(overdueReferral).query(clockViewQuery)).steps[0].escalations).toEqual(
      backdatedReferralEscalations(),
    );
    expect(w.running).toBe(true); // the same worker process throughout

    // The clock's own attributes (the server adds its BuildIds).
    const attributes = async (id: string) => {
      const d = await rig.client.workflow.getHandle(id).describe();
      return {
        status: d.status.name,
        ...Object.fromEntries(Object.entries(d.searchAttributes).filter(([k]) => k in SEARCH_ATTRIBUTES)),
      };
    };
    const common = { status: 'RUNNING', LocalAuthority: ['derbyshire'], Team: ['derb-north-assessment'] };
    expect(await attributes(overdueReferral)).toEqual({
      ...common,
      CaseId: [`${run}-1`],
      ProcessType: ['referral'],
      CurrentStep: ['referral-decision'],
      NextDueDate: [new Date('2026-11-03T23:59:59Z')],
      OverdueSteps: ['referral-decision'],
      EscalationLevel: [3],
    });
    expect(await attributes(enquiry.workflowId)).toEqual({
      ...common,
      CaseId: [`${run}-2`],
      ProcessType: ['child-protection-enquiry'],
      CurrentStep: ['strategy-discussion'],
      NextDueDate: [new Date(enquiry.dueAtMs)], // an hour rule is due at its instant
      OverdueSteps: ['strategy-discussion'],
      EscalationLevel: [1],
    });
    expect(await attributes(futureReferral)).toEqual({
      ...common,
      CaseId: [`${run}-3`],
      ProcessType: ['referral'],
      CurrentStep: ['referral-decision'],
      NextDueDate: [new Date('2029-03-02T23:59:59Z')],
      EscalationLevel: [0],
    });
    // Visibility, rebuilt from the same file, still finds all three by their attributes.
    const listed: string[] = [];
    for await (const w of rig.client.workflow.list({
      query: `CaseId STARTS_WITH '${run}-' AND ExecutionStatus = 'Running'`,
    }))
      listed.push(w.workflowId);
    expect(listed.sort()).toEqual([enquiry.workflowId, overdueReferral, futureReferral].sort());
  },
);
