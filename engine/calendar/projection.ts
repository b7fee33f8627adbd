/**
 * England and Wales bank holidays of a year, projected by the rules that make them, for the years after
 * GOV.UK's official list ends. The days, and where each comes from:
 *  - Easter Monday, the last Monday in May, the last Monday in August, 26 December if not a Sunday and
 *    27 December when 25 or 26 December is a Sunday: Banking and Financial Dealings Act 1971, s1 and
 *    Schedule 1 para 1;
 *  - New Year's Day (or the Monday after), the first Monday in May and 28 December when Christmas Day is
 *    a Saturday: appointed every year by royal proclamation under s1(3) of the same Act;
 *  - Good Friday and Christmas Day: common-law holidays (s1(1) treats them with the bank holidays).
 * One-off days (a jubilee, a coronation, a state funeral) and moved days cannot be projected: a projected
 * day is provisional until the official list covers its year (docs/design.md, Time).
 *
 * Pure and deterministic (Date.UTC only), so workflow code may call it.
 */
import { LocalDate, addDays, dayOfWeek } from './localDate';

/** Names the rule below inside the calendar version: a change to it is a new calendar version. */
export const PROJECTION_RULE = 'bfda-1971-sch1';

export interface ProjectedDay {
  date: LocalDate;
  title: string;
}

const iso = (y: number, m: number, d: number): LocalDate =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Easter Sunday of a Gregorian year, by the computus (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return iso(year, Math.floor(n / 31), (n % 31) + 1);
}

/** The first Monday on or after a date. */
function mondayOnOrAfter(date: LocalDate): LocalDate {
  return addDays(date, (8 - dayOfWeek(date)) % 7);
}

/** The last Monday of a month of 31 days (May, August): the Monday on or before the 31st. */
function lastMondayOf31(year: number, month: number): LocalDate {
  const last = iso(year, month, 31);
  return addDays(last, -((dayOfWeek(last) + 6) % 7));
}

export function projectedBankHolidays(year: number): ProjectedDay[] {
  const days: ProjectedDay[] = [];
  // A New Year's Day at a weekend is replaced by the Monday after it.
  const newYear = iso(year, 1, 1);
  const newYearAtWeekend = dayOfWeek(newYear) === 0 || dayOfWeek(newYear) === 6;
  days.push({
    date: newYearAtWeekend ? mondayOnOrAfter(newYear) : newYear,
    title: newYearAtWeekend ? 'New Year’s Day (substitute day)' : 'New Year’s Day',
  });
  const easter = easterSunday(year);
  days.push({ date: addDays(easter, -2), title: 'Good Friday' }, { date: addDays(easter, 1), title: 'Easter Monday' });
  days.push({ date: mondayOnOrAfter(iso(year, 5, 1)), title: 'Early May bank holiday' });
  days.push({ date: lastMondayOf31(year, 5), title: 'Spring bank holiday' });
  days.push({ date: lastMondayOf31(year, 8), title: 'Summer bank holiday' });
  const christmas = iso(year, 12, 25);
  switch (dayOfWeek(christmas)) {
    case 5: // Friday: Boxing Day falls on the Saturday, its substitute on Mon 28.
      days.push(
        { date: christmas, title: 'Christmas Day' },
        { date: iso(year, 12, 28), title: 'Boxing Day (substitute day)' },
      );
      break;
    case 6: // Saturday: Sun 26 is no holiday; Mon 27 (Sch 1) and Tue 28 (proclamation) take their places.
      days.push(
        { date: iso(year, 12, 27), title: 'Christmas Day (substitute day)' },
        { date: iso(year, 12, 28), title: 'Boxing Day (substitute day)' },
      );
      break;
    case 0: // Sunday: Boxing Day on Mon 26, Christmas Day's substitute on Tue 27 (Sch 1).
      days.push(
        { date: iso(year, 12, 26), title: 'Boxing Day' },
        { date: iso(year, 12, 27), title: 'Christmas Day (substitute day)' },
      );
      break;
    default:
      days.push({ date: christmas, title: 'Christmas Day' }, { date: iso(year, 12, 26), title: 'Boxing Day' });
  }
  return days;
}
