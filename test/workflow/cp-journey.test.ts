/**
 * The child protection journey of one child, for every profile: concern -> strategy discussion -> S47 ->
 * ICPC -> plan (core groups, visits, review conferences) -> step down -> child in need plan -> closure.
 * Each journey file (test/workflow/journeys/<la>.ts) holds the hand-worked due dates and the complete list
 * of notifications; this runner drives the real workflows on the time-skipping server and compares.
 */
import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { readdirSync } from 'node:fs';
import { ProfileRegistry } from '../../profiles/load';
import { ProcessStarter } from '../../processes/start';
import { clockEventUpdate, clockViewQuery } from '../../workflows/messages';
import type { ClockView } from '../../workflows/clock/types';
import { waitFor } from '../support/ports';
import { ClockTestEnv, startTimeSkipping } from '../support/timeSkipping';
import { Journey, ProcessRef, WORKFLOW_TYPES } from './journeys/journey';

const files = readdirSync(`${__dirname}/journeys`).filter((f) => f !== 'journey.ts' && f.endsWith('.ts')).sort();

// A fresh time-skipping server per journey: its clock only moves forward, and each journey starts in 2027.
let t: ClockTestEnv;
beforeEach(async () => {
  t = await startTimeSkipping();
});
afterEach(async () => t?.teardown());

const idOf = (j: Journey, p: ProcessRef) => `${WORKFLOW_TYPES[p]}-${j.caseId}-1`;

async function skipTo(iso: string) {
  const gap = Date.parse(iso) - (await t.env.currentTimeMs());
  if (gap > 0) await t.env.sleep(gap);
}

async function view(j: Journey, p: ProcessRef): Promise<ClockView> {
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

describe.each(files)('%s', (file) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const journey: Journey = require(`./journeys/${file}`).journey;

  test(`${journey.la}: the whole journey, every due date and every notification`, async () => {
    const starter = new ProcessStarter(t.env.client, ProfileRegistry.fromDirectory(), t.taskQueue);
    await skipTo(Object.values(journey.start).sort()[0]);
    await starter.start({
      type: 'child-protection-enquiry',
      caseId: journey.caseId,
      localAuthority: journey.la,
      anchors: journey.start,
      assignment: { workerId: journey.workerId, team: journey.team },
    });
    // Longest history of any one run of the plan (it continues as new after each review): brief s7 goal.
    const planRuns = new Map<string, number>();
    const measurePlan = async () => {
      const d = await t.env.client.workflow.getHandle(idOf(journey, 'plan')).describe().catch(() => undefined);
      if (d) planRuns.set(d.runId, Math.max(planRuns.get(d.runId) ?? 0, d.historyLength));
    };
    for (const [i, e] of journey.events.entries()) {
      const where = `event ${i} (${e.process} ${JSON.stringify(e.event)})`;
      await skipTo(e.at);
      if (e.expect) {
        const v = await view(journey, e.process);
        const step = v.steps.find((s) => s.key === e.expect!.step && s.occurrence === (e.expect!.occurrence ?? 1));
        expect({ where, dueDate: step?.dueDate, ...(e.expect.planBy ? { planBy: step?.planBy } : {}) }).toEqual({ where, dueDate: e.expect.dueDate, ...(e.expect.planBy ? { planBy: e.expect.planBy } : {}) });
      }
      if (e.process === 'plan') await measurePlan();
      const handle = t.env.client.workflow.getHandle(idOf(journey, e.process));
      const sent = handle.executeUpdate(clockEventUpdate, { args: [e.event as never] });
      if (!e.rejected) {
        await sent;
        continue;
      }
      const err = await sent.then(() => undefined, (x: unknown) => x);
      if (e.rejected.type === 'Ended') {
        expect({ where, notFound: err instanceof WorkflowNotFoundError }).toEqual({ where, notFound: true });
        continue;
      }
      expect({ where, failed: err instanceof WorkflowUpdateFailedError }).toEqual({ where, failed: true });
      const cause = (err as WorkflowUpdateFailedError).cause as ApplicationFailure;
      expect({ where, type: cause.type, field: (cause.details?.[0] as { field?: string })?.field }).toEqual({ where, type: e.rejected.type, field: e.rejected.field });
    }
    await skipTo(journey.endsAt);

    const expected = journey.notifications
      .map((n) => [`${idOf(journey, n.process)}:${n.key}`, n.firesAt, n.to, (n.cc ?? []).join(',')].join(' | '))
      .sort();
    const keyOf = (m: { headers: Record<string, string> }) => m.headers['x-clock-key'];
    const mine = async () => (await t.mail.messages()).filter((m) => keyOf(m)?.includes(`-${journey.caseId}-`));
    const mails = await waitFor('every expected notification', async () => {
      const m = await mine();
      return m.length >= expected.length ? m : undefined;
    }, 60_000).catch(async () => mine());
    const actual = mails.map((m) => [keyOf(m), m.headers['x-clock-fires-at'], m.headers['x-clock-recipient'], m.headers['x-clock-cc'] ?? ''].join(' | ')).sort();
    expect(actual).toEqual(expected);

    const enquiry = await view(journey, 'enquiry');
    expect(enquiry.status).toBe('completed');
    const plan = await t.env.client.workflow.getHandle(idOf(journey, 'plan')).result();
    await measurePlan();
    expect(plan.status).toBe('completed');
    // eslint-disable-next-line no-console
    console.log(`${journey.la}: plan ran ${plan.run} runs; longest run history ${Math.max(...planRuns.values())} events (${[...planRuns.values()].join(', ')})`);
    expect(plan.run).toBeGreaterThanOrEqual(3);
    expect(Math.max(...planRuns.values())).toBeLessThan(2000);
    expect(plan.finished?.outcome).toBe('step-down');
    const cin = await t.env.client.workflow.getHandle(idOf(journey, 'cin')).result();
    expect(cin.status).not.toBe('open');
  });
});
