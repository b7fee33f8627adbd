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

const UNIT_WORDS: Record<string, string> = {
  'working-days': 'working days',
  'calendar-days': 'calendar days',
  weeks: 'weeks',
  months: 'months',
  hours: 'hours',
};

/** "20 working days", "1 working day": a count with its unit, as every message prints one. */
export function durationWords(d: { value: number; unit: string }): string {
  const words = UNIT_WORDS[d.unit] ?? d.unit;
  return `${d.value} ${d.value === 1 ? words.replace(/s$/, '') : words}`;
}

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
  /** The last instant on time, printed as `dueAt`: 23:59:59 on the due date, or the exact hour for hour rules. */
  dueAt: number;
  /**
   * The first instant the step is late (every comparison is `>= lateFrom`): the start of the next London
   * day, or 1 ms after an hour rule's instant, so a meeting held at exactly 24 hours is on time.
   */
  lateFrom: number;
  /** Never before the anchor's London date for a rule counted forward (docs/design.md, Time). */
  planBy?: LocalDate;
  /** A working-day count (or planBy) reached a day whose bank holidays are projected, not yet official. */
  provisional?: true;
}

/** A step due by the end of `date` in London (a day rule, or a date an extension set). */
export function dueOnDate(date: LocalDate): Pick<Due, 'dueDate' | 'dueAt' | 'lateFrom'> {
  const lateFrom = endOfLondonDay(date);
  return { dueDate: date, dueAt: lateFrom - 1000, lateFrom };
}

/** The last working day on or before the due date, but not before the day the anchor fell on. */
function planByOf(
  cal: WorkingDayCalendar,
  from: ParsedMoment,
  dueDate: LocalDate,
  rule: DueRule,
  count: { withClosures?: boolean },
): LocalDate {
  const planBy = cal.workingDayOnOrBefore(dueDate, count);
  return !rule.before && planBy < from.date ? from.date : planBy;
}

export function computeDue(cal: WorkingDayCalendar, from: ParsedMoment, rule: DueRule, options: DueOptions = {}): Due {
  const count = { withClosures: options.withClosures };
  let dueDate: LocalDate;
  // The last day a working-day count looked at: the result is provisional if that day's holidays are projected.
  let lastCounted: LocalDate | undefined;
  switch (rule.unit) {
    case 'hours': {
      if (!from.hasTime) {
        throw new CalendarInputError(
          'an hour-based rule needs a datetime anchor (with time and offset), not a date',
          'from',
        );
      }
      // On time at the instant itself; late only strictly after it.
      const dueAt = from.at + rule.value * 3_600_000;
      const hourDue: Due = { dueDate: londonDate(dueAt), dueAt, lateFrom: dueAt + 1 };
      // A meeting due by the hour (a strategy discussion) still gets the working day to plan it by.
      if (options.meeting) {
        hourDue.planBy = planByOf(cal, from, hourDue.dueDate, rule, count);
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
  const due: Due = dueOnDate(dueDate);
  if (options.meeting) {
    due.planBy = planByOf(cal, from, dueDate, rule, count);
    if (lastCounted === undefined || dueDate > lastCounted) lastCounted = dueDate;
  }
  if (lastCounted !== undefined && cal.isProvisional(lastCounted)) due.provisional = true;
  return due;
}
