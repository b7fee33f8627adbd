/**
 * Drives one hand-worked journey (journey.ts) on the time-skipping server: starts its first process,
 * checks each step's due date before each event, sends the event (or checks its refusal), then compares
 * the complete set of emails with the journey's list. Returns the longest history of each process's runs.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ProfileRegistry } from '../../../profiles/load';
import { ProcessStarter } from '../../../services/start';
import { clockEventUpdate, clockViewQuery } from '../../../workflows/messages';
import type { ClockView } from '../../../engine/types';
import { waitFor } from '../../../harness/ports';
import { ClockTestEnv, startTimeSkipping } from '../../../harness/timeSkipping';
import { Journey, ProcessRef, WORKFLOW_TYPES } from './journey';

export const idOf = (j: Journey, p: ProcessRef) => `${WORKFLOW_TYPES[p]}-${j.caseId}-1`;

export async function skipTo(t: ClockTestEnv, iso: string) {
  const gap = Date.parse(iso) - (await t.env.currentTimeMs());
  if (gap > 0) await t.env.sleep(gap);
}

export async function view(t: ClockTestEnv, j: Journey, p: ProcessRef): Promise<ClockView> {
  const handle = t.env.client.workflow.getHandle(idOf(j, p));
  return waitFor(`${p} to exist`, async () => {
    try {
      return await handle.query(clockViewQuery);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return undefined;
      throw err;
    }
  });
}

/** Per process: run id -> the longest history length seen for that run. */
export type RunLengths = Map<ProcessRef, Map<string, number>>;

export async function runJourney(t: ClockTestEnv, journey: Journey): Promise<RunLengths> {
  const first = journey.startProcess ?? 'enquiry';
  const registry = ProfileRegistry.fromDirectory();
  const starter = new ProcessStarter(t.env.client, registry, t.taskQueue);
  // Start on the first date a step counts from (a date of birth, or the matter a complaint is about, is earlier).
  const counts = new Set(registry.resolve(journey.la, WORKFLOW_TYPES[first]).steps.map((s) => s.anchor));
  const counted = Object.entries(journey.start)
    .filter(([k]) => counts.has(k))
    .map(([, v]) => v);
  await skipTo(t, counted.sort()[0]);
  await starter.start({
    type: WORKFLOW_TYPES[first] as never,
    caseId: journey.caseId,
    localAuthority: journey.la,
    anchors: journey.start,
    ...(journey.startKinds ? { anchorKinds: journey.startKinds } : {}),
    assignment: { workerId: journey.workerId, team: journey.team },
  });
  // Longest history of any one run of each process (they continue as new after each review) (docs/design.md, Temporal).
  const runs: RunLengths = new Map();
  const measure = async (p: ProcessRef) => {
    const d = await t.env.client.workflow
      .getHandle(idOf(journey, p))
      .describe()
      .catch(() => undefined);
    if (!d) return;
    const m = runs.get(p) ?? new Map<string, number>();
    m.set(d.runId, Math.max(m.get(d.runId) ?? 0, d.historyLength));
    runs.set(p, m);
  };
  for (const [i, e] of journey.events.entries()) {
    const where = `event ${i} (${e.process} ${JSON.stringify(e.event)})`;
    await skipTo(t, e.at);
    if (e.expect) {
      const v = await view(t, journey, e.process);
      const step = v.steps.find((s) => s.key === e.expect!.step && s.occurrence === (e.expect!.occurrence ?? 1));
      expect({ where, dueDate: step?.dueDate, ...(e.expect.planBy ? { planBy: step?.planBy } : {}) }).toEqual({
        where,
        dueDate: e.expect.dueDate,
        ...(e.expect.planBy ? { planBy: e.expect.planBy } : {}),
      });
    }
    await measure(e.process);
    const handle = t.env.client.workflow.getHandle(idOf(journey, e.process));
    const sent = handle.executeUpdate(clockEventUpdate, { args: [e.event as never] });
    if (!e.rejected) {
      await sent;
      continue;
    }
    const err = await sent.then(
      () => undefined,
      (x: unknown) => x,
    );
    if (e.rejected.type === 'Ended') {
      expect({ where, notFound: err instanceof WorkflowNotFoundError }).toEqual({ where, notFound: true });
      continue;
    }
    expect({ where, failed: err instanceof WorkflowUpdateFailedError }).toEqual({ where, failed: true });
    const cause = (err as WorkflowUpdateFailedError).cause as ApplicationFailure;
    expect({ where, type: cause.type, field: (cause.details?.[0] as { field?: string })?.field }).toEqual({
      where,
      type: e.rejected.type,
      field: e.rejected.field,
    });
  }
  await skipTo(t, journey.endsAt);
  for (const p of runs.keys()) await measure(p);

  const expected = journey.notifications
    .map((n) => [`${idOf(journey, n.process)}:${n.key}`, n.firesAt, n.to, (n.cc ?? []).join(',')].join(' | '))
    .sort();
  const keyOf = (m: { headers: Record<string, string> }) => m.headers['x-clock-key'];
  const mine = async () => (await t.mail.messages()).filter((m) => keyOf(m)?.includes(`-${journey.caseId}-`));
  const mails = await waitFor(
    'every expected notification',
    async () => {
      const m = await mine();
      return m.length >= expected.length ? m : undefined;
    },
    60_000,
  ).catch(async () => mine());
  const actual = mails
    .map((m) =>
      [keyOf(m), m.headers['x-clock-fires-at'], m.headers['x-clock-recipient'], m.headers['x-clock-cc'] ?? ''].join(
        ' | ',
      ),
    )
    .sort();
  expect(actual).toEqual(expected);
  return runs;
}

export const longest = (runs: RunLengths, p: ProcessRef) => Math.max(0, ...(runs.get(p)?.values() ?? []));

/** The journeys in a folder (test/workflow/journeys/<dir>), as [file, journey], by file name. */
export function journeysIn<J extends Journey>(dir: string): [string, J][] {
  const folder = resolve(__dirname, dir);
  return (
    readdirSync(folder)
      .filter((f) => /^[a-z-]+\.ts$/.test(f) && !['journey.ts', 'run.ts'].includes(f))
      .sort()
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      .map((f) => [f, require(resolve(folder, f)).journey as J])
  );
}

/**
 * A fresh time-skipping server for each test: its clock only moves forward, and each journey has its own
 * dates. Returns the current one.
 */
export function serverPerTest(): () => ClockTestEnv {
  let t: ClockTestEnv | undefined;
  beforeEach(async () => {
    t = await startTimeSkipping();
  });
  afterEach(async () => t?.teardown());
  return () => t!;
}
