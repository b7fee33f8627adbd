/**
 * Complaints through their stages on the time-skipping server, per profile (test/workflow/journeys/complaints/
 * holds the hand-worked dates and every notification): extensions, a window used on its last day, a window
 * that lapses and closes the complaint, a withdrawal, Derbyshire's corporate procedure. Each journey asserts
 * every due date before each event, every email (instant, recipient, copies) and how the complaint ended.
 */
import { readdirSync } from 'node:fs';
import { ClockTestEnv, startTimeSkipping } from '../support/timeSkipping';
import type { Journey } from './journeys/journey';
import { idOf, runJourney } from './journeys/run';

const files = readdirSync(`${__dirname}/journeys/complaints`).filter((f) => f.endsWith('.ts')).sort();

let t: ClockTestEnv;
beforeEach(async () => {
  t = await startTimeSkipping();
});
afterEach(async () => t?.teardown());

describe.each(files)('%s', (file) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const journey: Journey & { expectEnd: { reason: string } } = require(`./journeys/complaints/${file}`).journey;
  const process = journey.startProcess ?? 'complaint';

  test(`${journey.la} ${process}: every due date, every notification, and how it ended`, async () => {
    await runJourney(t, { ...journey, startProcess: process });
    const end = await t.env.client.workflow.getHandle(idOf(journey, process)).result();
    expect(end.finished?.reason).toBe(journey.expectEnd.reason);
  });
});
