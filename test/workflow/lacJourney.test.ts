/**
 * A child in care for five years and then a care leaver to 21, per profile (test/workflow/journeys/lac/<la>.ts
 * holds the hand-worked dates and every notification): placement moves, a placement agreed as permanent,
 * a significant change, the 16th birthday starting pathway planning, leaving care, and the 21st birthday
 * ending support. Prints the longest history of any one run (goal: under 2,000 events).
 */
import type { Journey } from './journeys/journey';
import { idOf, journeysIn, longest, runJourney, serverPerTest } from './journeys/run';

const server = serverPerTest();

describe.each(journeysIn<Journey & { expectEnd: { lac: string; pathway: string } }>('lac'))('%s', (_file, journey) => {
  test(`${journey.la}: five years in care, then a care leaver to 21`, async () => {
    const t = server();
    const runs = await runJourney(t, { ...journey, startProcess: 'lac' });
    const lac = await t.env.client.workflow.getHandle(idOf(journey, 'lac')).result();
    const pathway = await t.env.client.workflow.getHandle(idOf(journey, 'pathway')).result();
    console.log(
      `${journey.la}: looked-after ${lac.run} runs, longest ${longest(runs, 'lac')} events (${[...(runs.get('lac')?.values() ?? [])].join(', ')}); ` +
        `pathway-plan ${pathway.run} runs, longest ${longest(runs, 'pathway')} events (${[...(runs.get('pathway')?.values() ?? [])].join(', ')})`,
    );
    expect(lac.finished?.reason).toBe(journey.expectEnd.lac);
    expect(pathway.finished?.reason).toBe(journey.expectEnd.pathway);
    expect(lac.handedOver?.to).toBe(idOf(journey, 'pathway'));
    expect(Math.max(longest(runs, 'lac'), longest(runs, 'pathway'))).toBeLessThan(2000);
    // The last run waits for the 21st birthday: its timer is labelled by the milestone, with no date (a birth date).
    const history = await t.env.client.workflow.getHandle(idOf(journey, 'pathway')).fetchHistory();
    const labels = (history.events ?? [])
      .filter((e) => e.timerStartedEventAttributes)
      .map((e) => Buffer.from(e.userMetadata?.summary?.data ?? []).toString());
    expect(labels.at(-1)).toBe('"next: milestone twenty-first-birthday"');
  });
});
