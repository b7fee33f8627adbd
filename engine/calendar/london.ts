/**
 * Instants and Europe/London wall-clock time. Every zone-aware method names the zone explicitly, so the
 * result never depends on the worker's TZ; Intl with an explicit timeZone is deterministic in workflows.
 */
import { CalendarInputError, LocalDate, addDays, formatLongDate, parseLocalDate } from './localDate';

export const ZONE = 'Europe/London';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function londonParts(ms: number) {
  const out: Record<string, number> = {};
  for (const p of partsFormat.formatToParts(new Date(ms))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return out as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** Offset of London from UTC at an instant, in minutes (0 in GMT, 60 in BST). */
export function londonOffsetMinutes(ms: number): number {
  const p = londonParts(ms);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** The London calendar date of an instant. */
export function londonDate(ms: number): LocalDate {
  const p = londonParts(ms);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/**
 * The instant at which London's clocks show `date` `hour:minute`. In the spring gap (01:00-02:00 on the
 * last Sunday of March) the time does not exist and the next valid instant is returned.
 */
export function londonWallTime(date: LocalDate, hour = 0, minute = 0): number {
  const { y, m, d } = parseLocalDate(date);
  const naive = Date.UTC(y, m - 1, d, hour, minute);
  // Two passes settle the offset either side of a clock change.
  let guess = naive - londonOffsetMinutes(naive) * 60_000;
  guess = naive - londonOffsetMinutes(guess) * 60_000;
  return guess;
}

/** Start of the London day after `date`: a step due on `date` is late from this instant. */
export function endOfLondonDay(date: LocalDate): number {
  return londonWallTime(addDays(date, 1));
}

/** ISO 8601 with London's offset, e.g. '2027-04-05T09:00:00+01:00': what the API and emails print. */
export function formatLondon(ms: number): string {
  const p = londonParts(ms);
  const off = londonOffsetMinutes(ms);
  const sign = off >= 0 ? '+' : '-';
  const hh = String(Math.floor(Math.abs(off) / 60)).padStart(2, '0');
  const mm = String(Math.abs(off) % 60).padStart(2, '0');
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${hh}:${mm}`;
}

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An anchor or event time as given by a caller: a date-only string (that London day) or a datetime with offset. */
export interface ParsedMoment {
  date: LocalDate; // the London date it falls on
  at: number; // the instant (for a date-only value: the start of that London day)
  hasTime: boolean;
}

/** a before b: by instant when both carry a time, else by London date (a date means that whole day). */
export function momentBefore(a: ParsedMoment, b: ParsedMoment): boolean {
  return a.hasTime && b.hasTime ? a.at < b.at : a.date < b.date;
}

export function parseMoment(value: string, field = 'date'): ParsedMoment {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    parseLocalDate(value, field);
    return { date: value, at: londonWallTime(value), hasTime: false };
  }
  if (!DATETIME.test(value)) {
    throw new CalendarInputError(
      `${field}: '${value}' is neither a date (YYYY-MM-DD) nor a datetime with an offset (e.g. 2026-05-22T16:00:00+01:00)`,
      field,
    );
  }
  parseLocalDate(value.slice(0, 10), field);
  const [hh, mi] = [Number(value.slice(11, 13)), Number(value.slice(14, 16))];
  const ss = value.length > 16 && value[16] === ':' ? Number(value.slice(17, 19)) : 0;
  if (hh > 23 || mi > 59 || ss > 59)
    throw new CalendarInputError(`${field}: '${value}' has an impossible time of day`, field);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new CalendarInputError(`${field}: '${value}' is not a valid datetime`, field);
  return { date: londonDate(ms), at: ms, hasTime: true };
}

/** 'GMT' or 'BST': London's zone at an instant, as the product prints times for people. */
export function londonZone(ms: number): 'GMT' | 'BST' {
  return londonOffsetMinutes(ms) === 0 ? 'GMT' : 'BST';
}

/** '00:30 BST Sun 25 Oct 2026' (seconds only when not 0): an instant as a person in London reads it. */
export function formatLondonWords(ms: number): string {
  const p = londonParts(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(p.hour)}:${pad(p.minute)}${p.second ? `:${pad(p.second)}` : ''} ${londonZone(ms)} ${formatLongDate(londonDate(ms))}`;
}

/** A caller's moment in words: a datetime as formatLondonWords, a date (that whole London day) as 'Sun 25 Oct 2026'. */
export function momentWords(value: string): string {
  const m = parseMoment(value);
  return m.hasTime ? formatLondonWords(m.at) : formatLongDate(m.date);
}

export interface ClockChange {
  /** The first instant of the new offset. */
  at: number;
  direction: 'forward' | 'back';
}

/**
 * London's clock changes in (from, to]: found by the offset at each hour, then the minute it changed.
 * Both changes fall at 01:00 UTC, on the hour, so an hourly scan cannot step over one.
 */
export function clockChangesBetween(from: number, to: number): ClockChange[] {
  const out: ClockChange[] = [];
  const hour = 3_600_000;
  let prev = from;
  let prevOffset = londonOffsetMinutes(from);
  while (prev < to) {
    const next = Math.min(prev + hour, to);
    const offset = londonOffsetMinutes(next);
    if (offset !== prevOffset) {
      // Changes fall on a whole minute: bisect the minutes between the two readings.
      let [lo, hi] = [Math.floor(prev / 60_000), Math.ceil(next / 60_000)];
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (londonOffsetMinutes(mid * 60_000) === prevOffset) lo = mid;
        else hi = mid;
      }
      out.push({ at: hi * 60_000, direction: offset > prevOffset ? 'forward' : 'back' });
      prevOffset = offset;
    }
    prev = next;
  }
  return out;
}

/** 'the clocks go back at 02:00 BST on 25 Oct 2026': the wall time the change happens at, in the old zone. */
export function describeClockChange(change: ClockChange): string {
  const oldOffset = londonOffsetMinutes(change.at - 60_000);
  const wall = new Date(change.at + oldOffset * 60_000);
  const hhmm = `${String(wall.getUTCHours()).padStart(2, '0')}:${String(wall.getUTCMinutes()).padStart(2, '0')}`;
  const day = formatLongDate(londonDate(change.at)).replace(/^\w+ /, '');
  return `the clocks go ${change.direction} at ${hhmm} ${oldOffset === 0 ? 'GMT' : 'BST'} on ${day}`;
}
