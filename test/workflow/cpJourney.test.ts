/**
 * The child protection journey of one child, for every profile: concern -> strategy discussion -> S47 ->
 * ICPC -> plan (core groups, visits, review conferences) -> step down -> child in need plan -> closure.
 * Each journey file (test/workflow/journeys/<la>.ts) holds the hand-worked due dates and the complete list
 * of notifications; journeys/run.ts drives the real workflows on the time-skipping server and compares.
 */
import type { Journey } from './journeys/journey';
import { idOf, journeysIn, longest, runJourney, serverPerTest, view } from './journeys/run';

const server = serverPerTest();

describe.each(journeysIn<Journey>('.'))('%s', (_file, journey) => {
  test(`${journey.la}: the whole journey, every due date and every notification`, async () => {
    const t = server();
    const runs = await runJourney(t, journey);
    const enquiry = await view(t, journey, 'enquiry');
    expect(enquiry.status).toBe('completed');
    const plan = await t.env.client.workflow.getHandle(idOf(journey, 'plan')).result();
    console.log(
      `${journey.la}: plan ran ${plan.run} runs; longest run history ${longest(runs, 'plan')} events (${[...runs.get('plan')!.values()].join(', ')})`,
    );
    expect(plan.run).toBeGreaterThanOrEqual(3);
    expect(longest(runs, 'plan')).toBeLessThan(2000);
    expect(plan.finished?.outcome).toBe('step-down');
    const cin = await t.env.client.workflow.getHandle(idOf(journey, 'cin')).result();
    expect(cin.status).not.toBe('open');
  });
});
