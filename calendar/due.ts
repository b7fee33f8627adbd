/**
 * The one date arithmetic every rule uses: from an anchor, a value and a unit to a due date, the instant
 * the step becomes late, and (for meetings) the last working day to plan it by. The API's
 * /api/calendar/due endpoint and every workflow call this same function.
 */
import { CalendarInputError, LocalDate, addDays, addMonths } from './localDate';
import { ParsedMoment, endOfLondonDay, londonDate } from './london';
import { WorkingDayCalendar } from './workingDays';

export const UNITS = ['working-days', 'calendar-days', 'weeks', 'months', 'hours'] as const;
export type Unit = (typeof UNITS)[number];

export interface DueRule {
  value: number;
  unit: Unit;
  /** Count back from the anchor (e.g. a pre-birth conference 12 weeks before the expected date). */
  before?: boolean;
}

export interface DueOptions {
  /** Local targets count LA closure days as non-working; statutory ones never do. */
  withClosures?: boolean;
  /** 'count-from-anchor' (default): an anchor on a Saturday counts from the Saturday (Sat + 1 WD = Mon);
   *  'next-working-day': treated as received on the next working day (Sat + 1 WD = Tue). */
  anchorOnNonWorkingDay?: 'count-from-anchor' | 'next-working-day';
  /** Meetings (conferences, reviews, panels) also get planBy. */
  meeting?: boolean;
}

export interface Due {
  dueDate: LocalDate;
  /** The instant from which the step is late: end of the due date, or the exact hour for hour rules. */
  lateFrom: number;
  planBy?: LocalDate;
  /** A working-day count (or planBy) reached a day whose bank holidays are projected, not yet official. */
  provisional?: true;
}

export function computeDue(cal: WorkingDayCalendar, from: ParsedMoment, rule: DueRule, options: DueOptions = {}): Due {
  const count = { withClosures: options.withClosures };
  let dueDate: LocalDate;
  // The last day a working-day count looked at: the result is provisional if that day's holidays are projected.
  let lastCounted: LocalDate | undefined;
  switch (rule.unit) {
    case 'hours': {
      if (!from.hasTime) {
        throw new CalendarInputError('an hour-based rule needs a datetime anchor (with time and offset), not a date', 'from');
      }
      const lateFrom = from.at + rule.value * 3_600_000;
      const hourDue: Due = { dueDate: londonDate(lateFrom), lateFrom };
      // A meeting due by the hour (a strategy discussion) still gets the working day to plan it by.
      if (options.meeting) {
        hourDue.planBy = cal.workingDayOnOrBefore(hourDue.dueDate, count);
        if (cal.isProvisional(hourDue.dueDate)) hourDue.provisional = true;
      }
      return hourDue;
    }
    case 'working-days': {
      if (rule.before) {
        // "N working days before X": the Nth working day counting back, X itself not counted.
        dueDate = cal.workingDaysBefore(from.date, rule.value, count);
        lastCounted = addDays(from.date, -1);
        break;
      }
      let start = from.date;
      if (options.anchorOnNonWorkingDay === 'next-working-day') start = cal.workingDayOnOrAfter(start, count);
      dueDate = cal.workingDaysAfter(start, rule.value, count);
      lastCounted = dueDate;
      break;
    }
    case 'calendar-days':
      dueDate = addDays(from.date, rule.before ? -rule.value : rule.value);
      break;
    case 'weeks':
      dueDate = addDays(from.date, (rule.before ? -rule.value : rule.value) * 7);
      break;
    case 'months':
      dueDate = addMonths(from.date, rule.before ? -rule.value : rule.value);
      break;
  }
  // A calendar-time due date stays on its date even at a weekend, in any year: no bank holiday is read.
  const due: Due = { dueDate, lateFrom: endOfLondonDay(dueDate) };
  if (options.meeting) {
    due.planBy = cal.workingDayOnOrBefore(dueDate, count);
    if (lastCounted === undefined || dueDate > lastCounted) lastCounted = dueDate;
  }
  if (lastCounted !== undefined && cal.isProvisional(lastCounted)) due.provisional = true;
  return due;
}
