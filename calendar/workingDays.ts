/**
 * The working-day calendar: a day that is not a Saturday, Sunday or an England and Wales bank holiday
 * (Children Act 1989 Representations Procedure (England) Regulations 2006, reg 2; the count the DfE uses).
 * An LA's closure days are a second, optional list: they move local targets and reminders, never
 * statutory due dates (docs/design.md, Time).
 *
 * Pure and data-driven: the holiday list is handed in (a workflow gets it in its input), and any date
 * outside the list's coverage is an error, never a guess.
 */
import { LocalDate, addDays, dayOfWeek, formatLongDate, parseLocalDate } from './localDate';

export interface CalendarData {
  /** Content hash or version label of the holiday list, recorded with every due date. */
  version: string;
  region: 'england-and-wales';
  coverage: { from: LocalDate; to: LocalDate };
  /** England and Wales bank holidays (incl. substitute and one-off days), sorted. */
  holidays: LocalDate[];
  /** LA closure days (e.g. the days between Christmas and New Year), sorted; may be empty. */
  closures: LocalDate[];
}

export class CalendarCoverageError extends Error {
  constructor(
    readonly date: LocalDate,
    readonly coverage: { from: LocalDate; to: LocalDate },
  ) {
    super(
      `${date} is outside the working-day calendar's coverage (${coverage.from} to ${coverage.to}); ` +
        'add the official bank holidays for that year before computing this deadline',
    );
    this.name = 'CalendarCoverageError';
  }
}

export interface CountOptions {
  /** Count LA closure days as non-working (local targets and reminders only). */
  withClosures?: boolean;
}

export class WorkingDayCalendar {
  private readonly holidays: Set<LocalDate>;
  private readonly closures: Set<LocalDate>;

  private static readonly built = new WeakMap<CalendarData, WorkingDayCalendar>();

  /** The calendar for a slice, built once per slice object (a workflow's input keeps the same one). */
  static of(data: CalendarData): WorkingDayCalendar {
    let cal = WorkingDayCalendar.built.get(data);
    if (!cal) WorkingDayCalendar.built.set(data, (cal = new WorkingDayCalendar(data)));
    return cal;
  }

  constructor(readonly data: CalendarData) {
    parseLocalDate(data.coverage.from, 'coverage.from');
    parseLocalDate(data.coverage.to, 'coverage.to');
    this.holidays = new Set(data.holidays);
    this.closures = new Set(data.closures);
  }

  private checkCovered(date: LocalDate): void {
    if (date < this.data.coverage.from || date > this.data.coverage.to) {
      throw new CalendarCoverageError(date, this.data.coverage);
    }
  }

  isBankHoliday(date: LocalDate): boolean {
    this.checkCovered(date);
    return this.holidays.has(date);
  }

  isClosureDay(date: LocalDate): boolean {
    return this.closures.has(date);
  }

  isWorkingDay(date: LocalDate, options: CountOptions = {}): boolean {
    this.checkCovered(date);
    const dow = dayOfWeek(date);
    if (dow === 0 || dow === 6) return false;
    if (this.holidays.has(date)) return false;
    if (options.withClosures && this.closures.has(date)) return false;
    return true;
  }

  /** "Within N working days of X": X itself does not count; the Nth working day after X. */
  workingDaysAfter(date: LocalDate, n: number, options: CountOptions = {}): LocalDate {
    let d = date;
    let left = n;
    while (left > 0) {
      d = addDays(d, 1);
      if (this.isWorkingDay(d, options)) left--;
    }
    return d;
  }

  /** The Nth working day before `date` (which itself does not count). */
  workingDaysBefore(date: LocalDate, n: number, options: CountOptions = {}): LocalDate {
    let d = date;
    let left = n;
    while (left > 0) {
      d = addDays(d, -1);
      if (this.isWorkingDay(d, options)) left--;
    }
    return d;
  }

  /** The date itself if it is a working day, otherwise the next one. */
  workingDayOnOrAfter(date: LocalDate, options: CountOptions = {}): LocalDate {
    let d = date;
    while (!this.isWorkingDay(d, options)) d = addDays(d, 1);
    return d;
  }

  /** The date itself if it is a working day, otherwise the last one before it (a meeting's planBy). */
  workingDayOnOrBefore(date: LocalDate, options: CountOptions = {}): LocalDate {
    let d = date;
    while (!this.isWorkingDay(d, options)) d = addDays(d, -1);
    return d;
  }

  /** Why a date is not a working day, in words, for explanations ('Good Friday', 'Saturday'). */
  describeDay(date: LocalDate): string {
    const dow = dayOfWeek(date);
    if (dow === 0) return `${formatLongDate(date)} (Sunday)`;
    if (dow === 6) return `${formatLongDate(date)} (Saturday)`;
    if (this.holidays.has(date)) return `${formatLongDate(date)} (bank holiday)`;
    if (this.closures.has(date)) return `${formatLongDate(date)} (LA closure day)`;
    return formatLongDate(date);
  }
}
