/**
 * dailyDigest: the action of the daily-digest Schedule (Mon-Fri 09:00 Europe/London, bank holidays
 * skipped in its spec). It checks the day itself too, on the calendar it is given as data, so a manual
 * trigger, a catch-up after an outage or a bank holiday announced after the Schedule was written still
 * sends nothing on a day that is not a working day. Then one digest per manager, each sent once.
 */
import { ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import { londonDate } from '../engine/calendar/london';
import { CalendarCoverageError, CalendarData, WorkingDayCalendar } from '../engine/calendar/workingDays';
import type { createDigestActivities } from '../activities/digest';

type DigestActivities = ReturnType<typeof createDigestActivities>;

const { digestRecipients, sendDigest } = proxyActivities<DigestActivities>({
  startToCloseTimeout: '2 minutes',
  // A mail outage delays a digest; the day's key keeps it to one email however often it is retried.
  retry: { initialInterval: '10 seconds', maximumInterval: '10 minutes', backoffCoefficient: 2 },
});

export interface DigestInput {
  calendar: CalendarData;
}

export interface DigestOutcome {
  date: string;
  workingDay: boolean;
  /** Why no digest went out (a weekend or bank holiday), in words. */
  skipped?: string;
  sent: { personId: string; overdue: number; dueSoon: number; duplicate: boolean }[];
}

export async function dailyDigest(input: DigestInput): Promise<DigestOutcome> {
  const now = Date.now(); // workflow time: deterministic, and what the time-skipping server moves
  const date = londonDate(now);
  const cal = WorkingDayCalendar.of(input.calendar);
  let working: boolean;
  try {
    working = cal.isWorkingDay(date);
  } catch (err) {
    // Only ApplicationFailure fails a workflow cleanly (docs/design.md, Temporal); any other error would retry the task forever.
    if (err instanceof CalendarCoverageError) throw ApplicationFailure.nonRetryable(err.message, 'CalendarCoverage');
    throw err;
  }
  if (!working) return { date, workingDay: false, skipped: `${cal.describeDay(date)} is not a working day`, sent: [] };
  const recipients = await digestRecipients();
  const sent: DigestOutcome['sent'] = [];
  // One at a time: a digest is small, and the mail sink and visibility see a gentle, ordered load.
  for (const r of recipients) sent.push(await sendDigest({ ...r, date, asOf: now }));
  return { date, workingDay: true, sent };
}
