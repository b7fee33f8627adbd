/**
 * Timer storm: N open child protection enquiries (Derbyshire) whose strategy discussion, 24 hours from
 * the concern, falls due at one instant. At that instant each fires its overdue notification to the
 * duty manager (hour rules escalate at once). Latency per message = the sink's acceptance minus the
 * instant the clock scheduled it (X-Clock-Fires-At, which is the due instant).
 */
import { randomUUID } from 'node:crypto';
import { ProfileRegistry } from '../profiles/load';
import { ProcessStarter, requestHash, workflowStartOptions } from '../services/start';
import { WORKFLOW_TYPE } from '../engine/catalogue';
import type { StartProcess } from '../services/contracts';
import { pooled } from './intake';
import type { BenchOptions, BenchSection } from './section';
import { BenchStack, TASK_QUEUE, memoryOf, waitUntilIdle } from './stack';

export function percentile(sorted: number[], p: number): number {
  // Nearest rank: the smallest value with at least p% of the values at or below it.
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function runStorm(
  stack: BenchStack,
  opts: BenchOptions & { startsPerSecond: number },
): Promise<BenchSection & { latencies: number[] }> {
  const n = opts.quick ? 1000 : 10_000;
  const run = randomUUID().slice(0, 6);
  const tag = `BENCH-STORM-${run}`;
  // Enough lead for the starts and for the worker to run each one's first task (on this machine the worker,
  // not the server, sets the pace: about a third of the raw start rate), plus a margin.
  const leadMs = Math.ceil((n / Math.max(5, opts.startsPerSecond * 0.3)) * 1000) + 90_000;
  const dueAt = Math.ceil((Date.now() + leadMs) / 1000) * 1000;
  const concernRaised = new Date(dueAt - 24 * 3600_000).toISOString();
  opts.log(
    `storm: ${n} enquiries, concern raised ${concernRaised}, strategy discussions all due ${new Date(dueAt).toISOString()} (in ${Math.round(leadMs / 1000)} s)`,
  );
  const starter = new ProcessStarter(stack.client, ProfileRegistry.fromDirectory(), TASK_QUEUE);
  const teams = ['derb-north-assessment', 'derb-south-assessment'];
  const setup = await pooled(n, 32, async (i) => {
    const req: StartProcess = {
      type: 'child-protection-enquiry',
      caseId: `${tag}-${i}`,
      localAuthority: 'derbyshire',
      anchors: { 'concern-raised': concernRaised },
      assignment: { workerId: `sw-bench-${i % 40}`, team: teams[i % 2] },
    };
    const input = starter.buildInput(req);
    await stack.client.workflow.start(
      WORKFLOW_TYPE[req.type],
      workflowStartOptions(req, input, TASK_QUEUE, { hash: requestHash(req), requestId: randomUUID() }),
    );
  });
  const idleAfter = await waitUntilIdle(stack.pids.worker, 3000);
  const readyBeforeDueS = (dueAt - Date.now()) / 1000;
  opts.log(
    `storm: started in ${setup.toFixed(0)} s, worker idle ${(idleAfter / 1000).toFixed(0)} s later, ${readyBeforeDueS.toFixed(0)} s before the due instant`,
  );
  if (readyBeforeDueS < 0)
    opts.log('storm: WARNING the setup overran the due instant; the latencies include setup backlog');

  const prefix = `child-protection-enquiry-${tag}-`;
  const mine = () => stack.sink.accepted.filter((a) => a.key.startsWith(prefix));
  const deadline = dueAt + (opts.quick ? 5 : 20) * 60_000;
  let peakWorker = 0;
  while (mine().length < n && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 1000));
    peakWorker = Math.max(peakWorker, memoryOf(stack.pids.worker).rssMiB);
    if (Date.now() > dueAt && (Date.now() - dueAt) % 10_000 < 1000)
      opts.log(`storm: ${mine().length}/${n} accepted, ${((Date.now() - dueAt) / 1000).toFixed(0)} s after due`);
  }
  const got = mine();
  const perKey = new Map<string, number>();
  for (const a of got) perKey.set(a.key, (perKey.get(a.key) ?? 0) + 1);
  const duplicates = [...perKey.values()].filter((c) => c > 1).length;
  const wrongInstant = got.filter((a) => a.firesAt !== dueAt).length;
  const latencies = got.map((a) => (a.at - a.firesAt) / 1000).sort((a, b) => a - b);
  const p50 = percentile(latencies, 50);
  const p99 = percentile(latencies, 99);
  const last = latencies[latencies.length - 1];
  return {
    id: 'storm',
    title: `Timer storm: ${n.toLocaleString('en-GB')} processes due at one instant`,
    latencies,
    figures: [
      {
        measure: 'notifications accepted by the mail sink',
        value: perKey.size,
        unit: `of ${n}`,
        goal: `all ${n}, once each`,
        met: perKey.size === n && duplicates === 0,
      },
      { measure: 'latency p50, due instant to accepted', value: p50, unit: 's' },
      {
        measure: 'latency p99, due instant to accepted',
        value: p99,
        unit: 's',
        goal: 'p99 < 60 s',
        met: perKey.size === n && p99 < 60,
      },
      { measure: 'latency of the last one', value: last, unit: 's' },
      { measure: 'storm throughput', value: got.length / Math.max(last, 0.001), unit: 'emails/s' },
      { measure: 'worker peak RSS during the storm', value: peakWorker, unit: 'MiB' },
    ],
    notes: [
      `${n} Derbyshire child protection enquiries (two teams), concern raised ${concernRaised}; the strategy discussion is due 24 hours later, ${new Date(dueAt).toISOString()}, for every one; each sends one overdue email to the duty manager at that instant.`,
      `Setup: started in ${setup.toFixed(0)} s (32 in flight, raw client); the worker was idle ${readyBeforeDueS.toFixed(0)} s before the due instant.`,
      `Duplicates (a key accepted twice): ${duplicates}. Messages whose scheduled instant differs from the due instant: ${wrongInstant}.`,
    ],
  };
}
