/**
 * Complaints through their stages on the time-skipping server, per profile (test/workflow/journeys/complaints/
 * holds the hand-worked dates and every notification): extensions, a window used on its last day, a window
 * that lapses and closes the complaint, a withdrawal, Derbyshire's corporate procedure. Each journey asserts
 * every due date before each event, every email (instant, recipient, copies) and how the complaint ended.
 */
import type { Journey } from './journeys/journey';
import { idOf, journeysIn, runJourney, serverPerTest } from './journeys/run';

const server = serverPerTest();

describe.each(journeysIn<Journey & { expectEnd: { reason: string } }>('complaints'))('%s', (_file, journey) => {
  const process = journey.startProcess ?? 'complaint';

  test(`${journey.la} ${process}: every due date, every notification, and how it ended`, async () => {
    const t = server();
    await runJourney(t, { ...journey, startProcess: process });
    const end = await t.env.client.workflow.getHandle(idOf(journey, process)).result();
    expect(end.finished?.reason).toBe(journey.expectEnd.reason);
  });
});
