/**
 * The daily-digest Schedule on the dev server (the time-skipping server cannot schedule): written the way
 * the worker writes it at start, its matching times read back from the server over Christmas 2026 and
 * Easter 2027, then triggered for real.
 */
import { Client } from '@temporalio/client';
import Long from 'long';
import { calendarData } from '../../profiles/calendar';
import { londonDate } from '../../engine/calendar/london';
import { WorkingDayCalendar } from '../../engine/calendar/workingDays';
import { DIGEST_SCHEDULE_ID, ensureDigestSchedule } from '../../worker/digestSchedule';
import { DevStack, startDevStack } from '../support/devStack';
import { waitFor } from '../../harness/ports';

let s: DevStack;
beforeAll(async () => {
  s = await startDevStack();
});
afterAll(async () => s?.teardown());

async function matchingTimes(client: Client, from: string, to: string): Promise<string[]> {
  const ts = (iso: string) => ({ seconds: Long.fromNumber(Date.parse(iso) / 1000), nanos: 0 });
  const res = await client.workflowService.listScheduleMatchingTimes({
    namespace: 'default',
    scheduleId: DIGEST_SCHEDULE_ID,
    startTime: ts(from),
    endTime: ts(to),
  });
  return res.startTime.map((t) => new Date(Number(t.seconds) * 1000).toISOString());
}

test('the Schedule runs at 09:00 London on working days only; the server says so', async () => {
  const today = '2026-11-23';
  const calendar = calendarData([], today);
  expect(await ensureDigestSchedule(s.client, calendar, today, s.taskQueue)).toBe('created');
  // Written again at the next worker start: the same Schedule, brought up to date.
  expect(await ensureDigestSchedule(s.client, calendar, today, s.taskQueue)).toBe('updated');

  // Christmas 2026 by hand: Fri 25 Dec and Mon 28 Dec (Boxing Day, a Saturday, substituted) and Fri 1 Jan
  // 2027 are bank holidays; 09:00 GMT is 09:00Z.
  expect(await matchingTimes(s.client, '2026-12-21T00:00:00Z', '2027-01-07T00:00:00Z')).toEqual([
    '2026-12-21T09:00:00.000Z',
    '2026-12-22T09:00:00.000Z',
    '2026-12-23T09:00:00.000Z',
    '2026-12-24T09:00:00.000Z',
    '2026-12-29T09:00:00.000Z',
    '2026-12-30T09:00:00.000Z',
    '2026-12-31T09:00:00.000Z',
    '2027-01-04T09:00:00.000Z',
    '2027-01-05T09:00:00.000Z',
    '2027-01-06T09:00:00.000Z',
  ]);
  // Easter 2027 and the clocks going forward: Good Friday 26 Mar and Easter Monday 29 Mar are skipped;
  // from Sun 28 Mar 09:00 BST is 08:00Z.
  expect(await matchingTimes(s.client, '2027-03-24T00:00:00Z', '2027-04-02T00:00:00Z')).toEqual([
    '2027-03-24T09:00:00.000Z',
    '2027-03-25T09:00:00.000Z',
    '2027-03-30T08:00:00.000Z',
    '2027-03-31T08:00:00.000Z',
    '2027-04-01T08:00:00.000Z',
  ]);

  // The next ten runs the server has planned from now: each at 09:00 London on a working day.
  const described = await s.client.schedule.getHandle(DIGEST_SCHEDULE_ID).describe();
  const next = described.info.nextActionTimes;
  expect(next.length).toBe(10);
  const cal = WorkingDayCalendar.of(calendar);
  for (const t of next) {
    const london = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(t);
    expect({ at: t.toISOString(), london, working: cal.isWorkingDay(londonDate(t.getTime())) }).toEqual({
      at: t.toISOString(),
      london: '09:00',
      working: true,
    });
  }
  expect(described.spec.timezone).toBe('Europe/London');
  expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'dailyDigest' });
});

test('triggered now, it sends one digest to each of the 22 managers on a working day, and none otherwise', async () => {
  const handle = s.client.schedule.getHandle(DIGEST_SCHEDULE_ID);
  await handle.trigger();
  const action = await waitFor('the triggered run', async () => (await handle.describe()).info.recentActions.at(-1));
  const outcome: any = await s.client.workflow
    .getHandle(action.action.workflow.workflowId, action.action.workflow.firstExecutionRunId)
    .result();
  const working = WorkingDayCalendar.of(calendarData()).isWorkingDay(outcome.date);
  expect(outcome.workingDay).toBe(working);
  expect(outcome.sent.length).toBe(working ? 22 : 0);
  const digests = await waitFor('digests', async () => {
    const all = (await s.mail.messages()).filter((m) => m.headers['x-clock-digest-date'] === outcome.date);
    return all.length === outcome.sent.length ? all : undefined;
  });
  expect(new Set(digests.map((m) => m.headers['x-clock-recipient'])).size).toBe(digests.length);
});
