/**
 * The working-day calendar: a day that is not a Saturday, Sunday or an England and Wales bank holiday
 * (Children Act 1989 Representations Procedure (England) Regulations 2006, reg 2; the count the DfE uses).
 * An LA's closure days are a second, optional list: they move local targets and reminders, never
 * statutory due dates (docs/design.md, Time).
 *
 * Pure and data-driven: the official list is handed in (a workflow gets it in its input). From
 * `provisionalFrom` on, bank holidays are projected by rule (engine/calendar/projection.ts) and provisional;
 * before `coverage.from` no working day is counted (a past year's one-off days cannot be projected).
 */
import { LocalDate, addDays, dayOfWeek, formatLongDate, parseLocalDate } from './localDate';
import { projectedBankHolidays } from './projection';

export interface CalendarData {
  /** Content hash or version label of the holiday list, recorded with every due date. */
  version: string;
  region: 'england-and-wales';
  /** No `to`: bank holidays are projected for any year after the official list. Calendars started before
   *  projection existed carry a `to` and no `provisionalFrom`, and keep refusing past it (replays stay the same). */
  coverage: { from: LocalDate; to?: LocalDate };
  /** The first day whose bank holidays are projected by rule, not official: the day after GOV.UK's list ends. */
  provisionalFrom?: LocalDate;
  /** Official England and Wales bank holidays (incl. substitute and one-off days), sorted. */
  holidays: LocalDate[];
  /** LA closure days (e.g. the days between Christmas and New Year), sorted; may be empty. */
  closures: LocalDate[];
}

export class CalendarCoverageError extends Error {
  constructor(
    readonly date: LocalDate,
    readonly coverage: { from: LocalDate; to?: LocalDate },
  ) {
    super(
      coverage.to === undefined
        ? `${date} is before the working-day calendar's coverage (from ${coverage.from}): working days are not counted ` +
            "before it, as a past year's one-off bank holidays cannot be projected"
        : `${date} is outside the working-day calendar's coverage (${coverage.from} to ${coverage.to}); ` +
            'add the official bank holidays for that year before computing this deadline',
    );
    this.name = 'CalendarCoverageError';
  }
}

/**
 * Bank holidays from `from` to `to`, official and projected (a Schedule's skip list). Uses only the data,
 * so it may be called outside a workflow on the same slice a workflow gets.
 */
export function bankHolidaysBetween(data: CalendarData, from: LocalDate, to: LocalDate): LocalDate[] {
  const official = data.holidays.filter(
    (d) => d >= from && d <= to && (data.provisionalFrom === undefined || d < data.provisionalFrom),
  );
  if (data.provisionalFrom === undefined) return official;
  const projected: LocalDate[] = [];
  for (let y = Number(data.provisionalFrom.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    for (const d of projectedBankHolidays(y))
      if (d.date >= data.provisionalFrom && d.date >= from && d.date <= to) projected.push(d.date);
  }
  return [...official, ...projected];
}

export interface CountOptions {
  /** Count LA closure days as non-working (local targets and reminders only). */
  withClosures?: boolean;
}

export class WorkingDayCalendar {
  private readonly holidays: Set<LocalDate>;
  private readonly closures: Set<LocalDate>;
  /** Projected bank holidays by year, computed on first use. */
  private readonly projected = new Map<number, Set<LocalDate>>();

  private static readonly built = new WeakMap<CalendarData, WorkingDayCalendar>();

  /** The calendar for a slice, built once per slice object (a workflow's input keeps the same one). */
  static of(data: CalendarData): WorkingDayCalendar {
    let cal = WorkingDayCalendar.built.get(data);
    if (!cal) WorkingDayCalendar.built.set(data, (cal = new WorkingDayCalendar(data)));
    return cal;
  }

  constructor(readonly data: CalendarData) {
    parseLocalDate(data.coverage.from, 'coverage.from');
    if (data.coverage.to !== undefined) parseLocalDate(data.coverage.to, 'coverage.to');
    if (data.provisionalFrom !== undefined) parseLocalDate(data.provisionalFrom, 'provisionalFrom');
    this.holidays = new Set(data.holidays);
    this.closures = new Set(data.closures);
  }

  private checkCovered(date: LocalDate): void {
    const { from, to } = this.data.coverage;
    if (date < from || (to !== undefined && date > to)) throw new CalendarCoverageError(date, this.data.coverage);
  }

  /** A date whose bank holidays are projected, not official: any working-day count reaching it is provisional. */
  isProvisional(date: LocalDate): boolean {
    return this.data.provisionalFrom !== undefined && date >= this.data.provisionalFrom;
  }

  private holiday(date: LocalDate): boolean {
    if (!this.isProvisional(date)) return this.holidays.has(date);
    const year = Number(date.slice(0, 4));
    let days = this.projected.get(year);
    if (!days) this.projected.set(year, (days = new Set(projectedBankHolidays(year).map((d) => d.date))));
    return days.has(date);
  }

  isBankHoliday(date: LocalDate): boolean {
    this.checkCovered(date);
    return this.holiday(date);
  }

  isClosureDay(date: LocalDate): boolean {
    return this.closures.has(date);
  }

  isWorkingDay(date: LocalDate, options: CountOptions = {}): boolean {
    this.checkCovered(date);
    const dow = dayOfWeek(date);
    if (dow === 0 || dow === 6) return false;
    if (this.holiday(date)) return false;
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
    if (this.holiday(date)) return `${formatLongDate(date)} (bank holiday)`;
    if (this.closures.has(date)) return `${formatLongDate(date)} (LA closure day)`;
    return formatLongDate(date);
  }
}
