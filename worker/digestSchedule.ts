/**
 * The daily-digest Schedule (docs/design.md, Temporal): Mon-Fri 09:00 Europe/London, every weekday bank holiday from the
 * calendar in its skip list. Written idempotently at each worker start, so a new calendar version (a newly
 * announced bank holiday) reaches both the skip list and the calendar handed to each run.
 */
import {
  Client,
  ScheduleAlreadyRunning,
  ScheduleOptions,
  ScheduleOverlapPolicy,
  ScheduleSpec,
} from '@temporalio/client';
import { dayOfWeek } from '../engine/calendar/localDate';
import { type CalendarData, bankHolidaysBetween } from '../engine/calendar/workingDays';
import type { DigestInput } from '../workflows/digest';

export const DIGEST_SCHEDULE_ID = 'daily-digest';

const MONTHS = [
  'JANUARY',
  'FEBRUARY',
  'MARCH',
  'APRIL',
  'MAY',
  'JUNE',
  'JULY',
  'AUGUST',
  'SEPTEMBER',
  'OCTOBER',
  'NOVEMBER',
  'DECEMBER',
] as const;

// Skip entries for ten years ahead, projected ones included: the Schedule is rewritten at every worker start.
const SKIP_YEARS = 10;

/** The spec for bank holidays from `from` on: a skip entry matches the whole day (every hour, minute, second). */
export function digestSpec(calendar: CalendarData, from: string): ScheduleSpec {
  const to = `${Number(from.slice(0, 4)) + SKIP_YEARS}-12-31`;
  const holidays = bankHolidaysBetween(calendar, from, to).filter((d) => dayOfWeek(d) >= 1 && dayOfWeek(d) <= 5);
  return {
    calendars: [
      {
        dayOfWeek: { start: 'MONDAY', end: 'FRIDAY' },
        hour: 9,
        minute: 0,
        comment: 'working days at 09:00 London time',
      },
    ],
    timezone: 'Europe/London',
    skip: holidays.map((d) => ({
      year: Number(d.slice(0, 4)),
      month: MONTHS[Number(d.slice(5, 7)) - 1],
      dayOfMonth: Number(d.slice(8, 10)),
      hour: '*',
      minute: '*',
      second: '*',
      comment: `bank holiday ${d}`,
    })),
  };
}

export function digestScheduleOptions(calendar: CalendarData, from: string, taskQueue: string): ScheduleOptions {
  const input: DigestInput = { calendar };
  return {
    scheduleId: DIGEST_SCHEDULE_ID,
    spec: digestSpec(calendar, from),
    action: {
      type: 'startWorkflow',
      workflowType: 'dailyDigest',
      workflowId: DIGEST_SCHEDULE_ID,
      taskQueue,
      args: [input],
      staticSummary: "Managers' daily digest of overdue and due-soon steps",
    },
    // A server down at 09:00 still sends that morning's digest when it is back within six hours.
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '6 hours' },
    memo: { calendarVersion: calendar.version },
  };
}

/** Creates the Schedule, or brings an existing one to this spec, action and calendar; says which. */
export async function ensureDigestSchedule(
  client: Client,
  calendar: CalendarData,
  from: string,
  taskQueue: string,
): Promise<'created' | 'updated'> {
  const options = digestScheduleOptions(calendar, from, taskQueue);
  try {
    await client.schedule.create(options);
    return 'created';
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    await client.schedule.getHandle(DIGEST_SCHEDULE_ID).update((prev) => ({
      ...prev,
      spec: options.spec,
      action: options.action,
      policies: { ...prev.policies, ...options.policies },
    }));
    return 'updated';
  }
}
