/**
 * Date-only arithmetic on ISO local dates ('YYYY-MM-DD'), free of time zones.
 *
 * A local date is turned into a day number (days since 1970-01-01 in the proleptic Gregorian calendar)
 * with Date.UTC, which is deterministic and safe inside Temporal workflows.
 */
export type LocalDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export class CalendarInputError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'CalendarInputError';
  }
}

/** Parses and checks a real calendar date: '2027-02-29' is rejected, not rolled into March. */
export function parseLocalDate(value: string, field = 'date'): { y: number; m: number; d: number } {
  const match = ISO_DATE.exec(value);
  if (!match) throw new CalendarInputError(`${field}: '${value}' is not a date in the form YYYY-MM-DD`, field);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    throw new CalendarInputError(`${field}: '${value}' is not a day in the calendar`, field);
  }
  return { y, m, d };
}

export function isValidLocalDate(value: string): boolean {
  try {
    parseLocalDate(value);
    return true;
  } catch {
    return false;
  }
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function toDayNumber(date: LocalDate): number {
  const { y, m, d } = parseLocalDate(date);
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function fromDayNumber(day: number): LocalDate {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return new Date(toDayNumber(date) * 86_400_000).getUTCDay();
}

/** Same day-of-month N months on, or that month's last day where the day does not exist (31 Mar + 3 months = 30 Jun). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const { y, m, d } = parseLocalDate(date);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  const td = Math.min(d, daysInMonth(ty, tm));
  return `${String(ty).padStart(4, '0')}-${String(tm).padStart(2, '0')}-${String(td).padStart(2, '0')}`;
}

/**
 * The date a person born on `date` reaches `years` (a birthday; also a placement's anniversary). A
 * 29 February birthday falls on 1 March in a common year: a person attains an age at the start of the
 * anniversary of their birth (Family Law Reform Act 1969 s9), and a common year has no 29 February.
 */
export function anniversary(date: LocalDate, years: number): LocalDate {
  const { y, m, d } = parseLocalDate(date);
  const ty = y + years;
  if (m === 2 && d === 29 && daysInMonth(ty, 2) === 28) return `${String(ty).padStart(4, '0')}-03-01`;
  return `${String(ty).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 'Thu 24 Dec 2026': how managers read a date in emails and the Temporal UI. */
export function formatLongDate(date: LocalDate): string {
  const { y, m, d } = parseLocalDate(date);
  return `${WEEKDAYS[dayOfWeek(date)]} ${d} ${MONTHS[m - 1]} ${y}`;
}
