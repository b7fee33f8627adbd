/**
 * Scale: the open workflows topped up to each target (10,000 then 50,000; the intake referrals and the
 * storm's enquiries count), with single assessments across York and Derbyshire's teams, one in ten
 * back-dated so it is overdue. At each level, once the worker has caught up: the resident memory of the
 * worker, the API and the Temporal server, and the latency of GET /api/inbox for three areas.
 */
import { randomUUID } from 'node:crypto';
import { addDays } from '../engine/calendar/localDate';
import { londonDate } from '../engine/calendar/london';
import { ProfileRegistry } from '../profiles/load';
import { ProcessStarter, requestHash, workflowStartOptions } from '../services/start';
import { WORKFLOW_TYPE } from '../engine/catalogue';
import type { StartProcess } from '../services/contracts';
import { pooled } from './intake';
import type { BenchOptions, BenchSection, Figure } from './section';
import { percentile } from './storm';
import { BenchStack, TASK_QUEUE, memoryOf, waitUntilIdle } from './stack';

/** Whose inbox is timed: one team, one LA, everything. */
export const INBOX_CALLERS = [
  { who: 'team manager (York, one team)', token: 'dev-team-manager.tm-york-ra' },
  { who: 'head of service (Derbyshire, two teams)', token: 'dev-head-of-service.hos-derb' },
  { who: 'admin (every LA)', token: 'dev-admin' },
];

function assessment(tag: string, i: number, today: string): StartProcess {
  // One in ten allocated 30 days ago: overdue at once (its notifications are part of the load).
  const allocated = i % 10 === 0 ? addDays(today, -30) : today;
  const received = addDays(allocated, -1);
  const york = i % 3 === 0;
  const team = york ? 'york-ra' : i % 3 === 1 ? 'derb-north-assessment' : 'derb-south-assessment';
  return york
    ? {
        type: 'single-assessment',
        caseId: `${tag}-${i}`,
        localAuthority: 'york',
        anchors: { 'referral-received': received, allocation: allocated },
        assignment: { workerId: `sw-bench-${i % 40}`, team },
      }
    : {
        type: 'single-assessment',
        caseId: `${tag}-${i}`,
        localAuthority: 'derbyshire',
        anchors: { 'referral-received': received, 'referral-decision': allocated },
        assignment: { workerId: `sw-bench-${i % 40}`, team },
      };
}

async function timeInbox(
  stack: BenchStack,
  token: string,
  times: number,
): Promise<{ p50: number; max: number; items: number }> {
  const ms: number[] = [];
  let items = 0;
  for (let k = 0; k < times; k++) {
    const t0 = process.hrtime.bigint();
    const res = await fetch(`${stack.api}/api/inbox`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { items?: unknown[]; detail?: string };
    if (res.status !== 200) throw new Error(`inbox for ${token}: ${res.status} ${body.detail}`);
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
    items = body.items?.length ?? 0;
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), max: ms[ms.length - 1], items };
}

export interface ScaleLevel {
  open: number;
  workerMiB: number;
  apiMiB: number;
  serverMiB: number;
  inboxMs: number[];
}

/** The two levels: 10,000 and 50,000 open (quick: 2,000 and 4,000). */
export const scaleTargets = (quick: boolean) => (quick ? [2000, 4000] : [10_000, 50_000]);

export const SCALE_INBOX_NOTE =
  "Inbox latency: GET /api/inbox (overdue and due within 7 days), three calls per caller, the median. Visibility returns the area's open clocks with a step due by the window's end, with their memos (no per-workflow query). Every single assessment here has its initial visit due within 5 working days, so each is in some inbox: the worst case for the inbox.";

let scaleRun = 0;

/** Tops the open workflows up to `target` and measures there. */
export async function runScale(
  stack: BenchStack,
  opts: BenchOptions,
  targets: number[],
): Promise<BenchSection & { levels: ScaleLevel[] }> {
  const starter = new ProcessStarter(stack.client, ProfileRegistry.fromDirectory(), TASK_QUEUE);
  const tag = `BENCH-SCALE-${randomUUID().slice(0, 6)}-${scaleRun++}`;
  const today = londonDate(Date.now());
  const figures: Figure[] = [];
  const notes: string[] = [];
  const levels: ScaleLevel[] = [];
  let next = 0;
  for (const target of targets) {
    const open = await stack.client.workflow.count('ExecutionStatus = "Running"');
    const toStart = Math.max(0, target - open.count);
    opts.log(`scale: ${open.count} open; starting ${toStart} single assessments to reach ${target}`);
    const t = await pooled(toStart, 32, async () => {
      const i = next++;
      const req = assessment(tag, i, today);
      const input = starter.buildInput(req);
      await stack.client.workflow.start(
        WORKFLOW_TYPE[req.type],
        workflowStartOptions(req, input, TASK_QUEUE, { hash: requestHash(req), requestId: randomUUID() }),
      );
    });
    const caughtUp = await waitUntilIdle(stack.pids.worker, 5000);
    const now = (await stack.client.workflow.count('ExecutionStatus = "Running"')).count;
    opts.log(
      `scale: ${now} open (started ${toStart} in ${t.toFixed(0)} s; worker idle ${(caughtUp / 1000).toFixed(0)} s later)`,
    );
    const inbox = [];
    for (const c of INBOX_CALLERS) {
      const r = await timeInbox(stack, c.token, 3);
      inbox.push(r);
      opts.log(`scale: inbox for ${c.who}: p50 ${r.p50.toFixed(0)} ms (max ${r.max.toFixed(0)} ms), ${r.items} items`);
      figures.push({
        measure: `inbox latency p50 at ${now.toLocaleString('en-GB')} open, ${c.who}, ${r.items} items`,
        value: r.p50 / 1000,
        unit: 's',
      });
    }
    const w = memoryOf(stack.pids.worker);
    const a = memoryOf(stack.pids.api);
    const s = memoryOf(stack.pids.server);
    figures.push(
      {
        measure: `worker RSS at ${now.toLocaleString('en-GB')} open (peak so far)`,
        value: w.rssMiB,
        unit: `MiB (${w.peakMiB.toFixed(0)})`,
      },
      {
        measure: `API RSS at ${now.toLocaleString('en-GB')} open (peak so far)`,
        value: a.rssMiB,
        unit: `MiB (${a.peakMiB.toFixed(0)})`,
      },
      { measure: `Temporal dev server RSS at ${now.toLocaleString('en-GB')} open`, value: s.rssMiB, unit: 'MiB' },
    );
    notes.push(
      `Level ${target.toLocaleString('en-GB')}: ${toStart} single assessments started in ${t.toFixed(0)} s (${(toStart / Math.max(t, 0.001)).toFixed(0)}/s, 32 in flight); ${now} workflows open once the worker was idle.`,
    );
    levels.push({
      open: now,
      workerMiB: w.rssMiB,
      apiMiB: a.rssMiB,
      serverMiB: s.rssMiB,
      inboxMs: inbox.map((r) => r.p50),
    });
  }
  return { id: 'scale', title: 'Scale: open workflows, memory and inbox latency', figures, notes, levels };
}
