/**
 * Intake throughput: referrals per second through POST /api/referrals (HTTP, auth, zod, the LA's rules
 * and calendar resolved, the dry-run schedule, the idempotent start) against `client.workflow.start` of
 * the same referral workflow with the same options, its input prepared beforehand: the floor the SDK and
 * server set. Rounds alternate the two so drift in the machine's speed falls on both alike.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { ProfileRegistry } from '../profiles/load';
import { ProcessStarter, requestHash, workflowStartOptions } from '../services/start';
import { WORKFLOW_TYPE } from '../engine/catalogue';
import type { StartProcess } from '../services/contracts';
import type { BenchOptions, BenchSection } from './section';
import { BenchStack, TASK_QUEUE, waitUntilIdle } from './stack';

/** Spread over the three LAs whose referrals need no contact time, their teams and a worker of each (the API checks both against the directory). */
const INTAKE_LAS = [
  { localAuthority: 'derbyshire', team: 'derb-north-assessment', workerId: 'sw-derb-01' },
  { localAuthority: 'derbyshire', team: 'derb-south-assessment', workerId: 'sw-derb-02' },
  { localAuthority: 'york', team: 'york-ra', workerId: 'sw-york-01' },
];

export function referralBody(tag: string, i: number, receivedAt: string) {
  const la = INTAKE_LAS[i % INTAKE_LAS.length];
  return {
    referralId: `R-${tag}-${i}`,
    caseId: `${tag}-${i}`,
    localAuthority: la.localAuthority,
    receivedAt,
    assignment: { workerId: la.workerId, team: la.team },
  };
}

/** Runs `work(i)` for i in [0, n) with `concurrency` in flight; returns the seconds taken. */
export async function pooled(n: number, concurrency: number, work: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await work(next++);
    }),
  );
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

export const INTAKE_CONCURRENCY = 16;

/** Start arguments for `count` referrals, built as the API builds them (outside any timing). */
export function prepareRaw(starter: ProcessStarter, tag: string, count: number, receivedAt: string) {
  return Array.from({ length: count }, (_, i) => {
    const b = referralBody(tag, i, receivedAt);
    const req: StartProcess = {
      type: 'referral',
      caseId: b.caseId,
      episode: b.referralId,
      localAuthority: b.localAuthority,
      anchors: { 'referral-received': b.receivedAt },
      assignment: b.assignment,
    };
    const input = starter.buildInput(req, { requireAllStepAnchors: true });
    return workflowStartOptions(req, input, TASK_QUEUE, { hash: requestHash(req), requestId: randomUUID() });
  });
}

/** The raw side: client.workflow.start of each prepared referral; seconds taken. */
export function rawSide(client: Client, prepared: ReturnType<typeof prepareRaw>): Promise<number> {
  return pooled(prepared.length, INTAKE_CONCURRENCY, async (i) => {
    await client.workflow.start(WORKFLOW_TYPE.referral, prepared[i]);
  });
}

/** The API side: `count` new referrals POSTed as the intake system; what was not a 201. */
export async function apiSide(api: string, tag: string, count: number, receivedAt: string): Promise<string[]> {
  const failures: string[] = [];
  await pooled(count, INTAKE_CONCURRENCY, async (i) => {
    const res = await fetch(`${api}/api/referrals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer dev-intake-system' },
      body: JSON.stringify(referralBody(tag, i, receivedAt)),
    });
    if (res.status !== 201) failures.push(`${res.status} ${await res.text()}`);
    else await res.arrayBuffer();
  });
  return failures;
}

export async function runIntake(
  stack: BenchStack,
  opts: BenchOptions,
): Promise<BenchSection & { ratio: number; rawRate: number; perRound: { raw: number[]; api: number[] } }> {
  const rounds = opts.quick ? 3 : 4;
  const perRound = opts.quick ? 150 : 400;
  const concurrency = INTAKE_CONCURRENCY;
  const receivedAt = new Date().toISOString();
  const starter = new ProcessStarter(stack.client, ProfileRegistry.fromDirectory(), TASK_QUEUE);
  const run = randomUUID().slice(0, 6);
  let apiSeconds = 0;
  let rawSeconds = 0;
  const perRoundRatios: number[] = [];
  const rates = { raw: [] as number[], api: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    // Raw: the same referral workflow input the API would build, prepared outside the timing.
    const prepared = prepareRaw(starter, `BENCH-RAW-${run}-${round}`, perRound, receivedAt);
    const apiTag = `BENCH-API-${run}-${round}`;
    const failures: string[] = [];
    const phases = {
      raw: () => rawSide(stack.client, prepared),
      api: async () => {
        const t0 = process.hrtime.bigint();
        failures.push(...(await apiSide(stack.api, apiTag, perRound, receivedAt)));
        return Number(process.hrtime.bigint() - t0) / 1e9;
      },
    };
    // Each phase starts with the worker idle (it runs every new workflow's first task), and the order
    // alternates, so neither side pays for the other's backlog.
    const seconds = { raw: 0, api: 0 };
    for (const side of round % 2 ? (['api', 'raw'] as const) : (['raw', 'api'] as const)) {
      await waitUntilIdle(stack.pids.worker, 2000);
      seconds[side] = await phases[side]();
    }
    const { raw, api } = seconds;
    if (failures.length)
      throw new Error(`intake: ${failures.length} referrals not started through the API, e.g. ${failures[0]}`);
    rawSeconds += raw;
    apiSeconds += api;
    perRoundRatios.push(raw / api);
    rates.raw.push(perRound / raw);
    rates.api.push(perRound / api);
    opts.log(
      `intake round ${round + 1}/${rounds}: raw ${(perRound / raw).toFixed(1)}/s, API ${(perRound / api).toFixed(1)}/s, ratio ${(raw / api).toFixed(3)}`,
    );
  }
  const total = rounds * perRound;
  const rawRate = total / rawSeconds;
  const apiRate = total / apiSeconds;
  const ratio = apiRate / rawRate;
  const sorted = [...perRoundRatios].sort((a, b) => a - b);
  return {
    id: 'intake',
    title: 'Intake throughput: the API against the raw Temporal client',
    ratio,
    rawRate,
    perRound: rates,
    figures: [
      { measure: 'referrals per second through POST /api/referrals', value: apiRate, unit: '/s' },
      { measure: 'referral workflows per second through client.workflow.start', value: rawRate, unit: '/s' },
      { measure: 'intake ratio (API / raw)', value: ratio, unit: '', goal: '>= 0.8', met: ratio >= 0.8 },
      {
        measure: 'lowest and highest round ratio',
        value: sorted[0],
        unit: `to ${sorted[sorted.length - 1].toFixed(3)}`,
      },
    ],
    notes: [
      `${rounds} rounds of ${perRound} referrals each way, alternating which side goes first, each side starting with the worker idle, ${concurrency} requests in flight, each a new referral (Derbyshire and York, three teams).`,
      'The raw side starts the same workflow with the same options (search attributes, memo, summaries) from inputs built before the timing; the API side includes HTTP, authentication, validation, building the input and the idempotency check.',
    ],
  };
}
