/**
 * What every fault test stands on: a dev server, the SMTP sink, a webhook receiver and an outbox
 * directory that outlives the worker processes the test kills, and the one start path (ProcessStarter)
 * that the API and hand-overs use. Hand-worked expectations shared by the fault tests live here too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { formatLondon } from '../../engine/calendar/london';
import { ProfileRegistry } from '../../profiles/load';
import { ProcessStarter } from '../../services/start';
import { registerSearchAttributes } from '../../worker/searchAttributes';
import { ChildWorkerEnv, startChildWorker } from './childWorker';
import { HookReceiver, startHookReceiver } from './hookReceiver';
import { MailSink } from '../../harness/mailSink';
import { TsChild } from '../../harness/tsChild';

export const WEBHOOK_SECRET = 'fault-test-webhook-secret-0123456789';

export interface FaultRig {
  address: string;
  client: Client;
  mail: MailSink;
  receiver: HookReceiver;
  outboxDir: string;
  taskQueue: string;
  starter: ProcessStarter;
  /** Starts the real worker process on this rig's queue, SMTP sink, webhook and outbox. */
  startWorker: () => Promise<TsChild>;
  /** Stops (cleanly) every worker this rig started that still runs: the next test starts from none. */
  stopWorkers: () => Promise<void>;
  workerEnv: ChildWorkerEnv;
  close: () => Promise<void>;
}

/** `address`: a dev server the caller started (and stops). */
export async function startFaultRig(address: string): Promise<FaultRig> {
  const mail = await MailSink.start();
  const receiver = await startHookReceiver(WEBHOOK_SECRET);
  const connection = await Connection.connect({ address });
  await registerSearchAttributes(connection, 'default');
  const client = new Client({ connection, namespace: 'default' });
  const outboxDir = mkdtempSync(join(tmpdir(), 'clocks-fault-outbox-'));
  const taskQueue = `clocks-fault-${Math.random().toString(36).slice(2, 8)}`;
  const workerEnv: ChildWorkerEnv = {
    temporalAddress: address,
    taskQueue,
    smtpPort: mail.smtpPort,
    outboxDir,
    webhookUrl: receiver.url,
    webhookSecret: WEBHOOK_SECRET,
  };
  const workers: TsChild[] = [];
  return {
    address,
    client,
    mail,
    receiver,
    outboxDir,
    taskQueue,
    starter: new ProcessStarter(client, ProfileRegistry.fromDirectory(), taskQueue),
    workerEnv,
    startWorker: async () => {
      const w = await startChildWorker(workerEnv);
      workers.push(w);
      return w;
    },
    stopWorkers: async () => {
      for (const w of workers) await w.stop();
    },
    close: async () => {
      for (const w of workers) await w.stop();
      await connection.close();
      await receiver.close();
      await mail.stop();
      rmSync(outboxDir, { recursive: true, force: true });
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A datetime anchor with an offset, to the second (what an intake system sends). */
export const isoSecond = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * A Derbyshire referral received Mon 2 Nov 2026 10:00 GMT and never decided (worked by hand, as in
 * test/e2e/api.test.ts): decision due Tue 3 Nov (1 WD, L505); the reminder (2 WD before) would be before
 * the referral, so none; overdue Wed 4 Nov (+1 WD) to the team manager, escalated Fri 6 Nov (+3 WD) to
 * the service manager, critical Wed 11 Nov (+6 WD: Mon 9, Tue 10, Wed 11) to the head of service, each
 * at 09:00 GMT. All three have fired by any date after 11 Nov 2026, so a start now finds all three due at
 * once: only the highest, critical, is sent, to hos-derb, copying the roles of the tiers it passed in ladder
 * order (tm-derb-north, sm-derb-assess); overdue and escalated are recorded as caught up in it, never sent.
 */
export const BACKDATED_REFERRAL = {
  localAuthority: 'derbyshire',
  receivedAt: '2026-11-02T10:00:00Z',
  assignment: { workerId: 'sw-derb-01', team: 'derb-north-assessment' },
};
/** Every tier the referral reached, as its clock lists them (escalations), the holder of each role. */
export const BACKDATED_REFERRAL_TIERS = [
  { tier: 'overdue', role: 'team-manager', firesAt: '2026-11-04T09:00:00+00:00', recipient: 'tm-derb-north' },
  { tier: 'escalated', role: 'service-manager', firesAt: '2026-11-06T09:00:00+00:00', recipient: 'sm-derb-assess' },
  { tier: 'critical', role: 'head-of-service', firesAt: '2026-11-11T09:00:00+00:00', recipient: 'hos-derb' },
] as const;
/** The one notification sent for them: the critical tier, at its own instant, copying the two tiers passed. */
export const BACKDATED_REFERRAL_SENT = {
  tier: 'critical',
  firesAt: '2026-11-11T09:00:00+00:00',
  recipient: 'hos-derb',
  cc: ['tm-derb-north', 'sm-derb-assess'],
} as const;
/** The keys a back-dated referral sends (one: its critical tier's). */
export const referralKeys = (workflowId: string) => [
  `${workflowId}:referral-decision:1:${BACKDATED_REFERRAL_SENT.tier}`,
];
/** Its clock's escalations once the critical is delivered: the caught-up tiers have no deliveredAt or recipients. */
export const backdatedReferralEscalations = () =>
  BACKDATED_REFERRAL_TIERS.map((t) => ({
    tier: t.tier,
    role: t.role,
    at: t.firesAt,
    ...(t.tier === BACKDATED_REFERRAL_SENT.tier
      ? {
          deliveredAt: expect.any(String),
          recipients: [BACKDATED_REFERRAL_SENT.recipient, ...BACKDATED_REFERRAL_SENT.cc],
        }
      : { caughtUpIn: BACKDATED_REFERRAL_SENT.tier }),
  }));

/** Starts a back-dated Derbyshire referral through the intake path; its workflow id. */
export async function startBackdatedReferral(rig: FaultRig, caseId: string, referralId: string): Promise<string> {
  const { workflowId } = await rig.starter.start(
    {
      type: 'referral',
      caseId,
      episode: referralId,
      localAuthority: BACKDATED_REFERRAL.localAuthority,
      anchors: { 'referral-received': BACKDATED_REFERRAL.receivedAt },
      assignment: BACKDATED_REFERRAL.assignment,
    },
    { requireAllStepAnchors: true, startedBy: 'fault test' },
  );
  return workflowId;
}

/**
 * A Derbyshire child protection enquiry whose strategy discussion (24 hours from concern-raised, L567)
 * breaches `leadMs` from now: concern-raised is 24 hours minus the lead ago. An hour rule's breach goes
 * at once, at the instant, to the duty manager (duty-derb); its later tiers are working days away
 * (+3 WD and +6 WD at 09:00), so within a test the breach is the only notification.
 */
export async function startEnquiryBreachingIn(
  rig: FaultRig,
  caseId: string,
  leadMs: number,
): Promise<{ workflowId: string; dueAtMs: number; key: string; firesAt: string }> {
  const concernMs = Math.floor((Date.now() + leadMs) / 1000) * 1000 - 24 * 3_600_000;
  const { workflowId } = await rig.starter.start(
    {
      type: 'child-protection-enquiry',
      caseId,
      localAuthority: 'derbyshire',
      anchors: { 'concern-raised': isoSecond(concernMs) },
      assignment: { workerId: 'sw-derb-01', team: 'derb-north-assessment' },
    },
    { startedBy: 'fault test' },
  );
  const dueAtMs = concernMs + 24 * 3_600_000;
  return { workflowId, dueAtMs, key: `${workflowId}:strategy-discussion:1:overdue`, firesAt: formatLondon(dueAtMs) };
}

/** Resolves once the workflow has started a timer: its first task ran and it now waits for a due instant. */
export async function waitUntilWaiting(client: Client, workflowId: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    if (history.events?.some((e) => e.timerStartedEventAttributes)) return;
    if (Date.now() > until) throw new Error(`${workflowId} started no timer within ${timeoutMs / 1000}s`);
    await sleep(250);
  }
}
