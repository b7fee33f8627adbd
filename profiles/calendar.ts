/**
 * The vendored England and Wales calendar, plus an LA's closure days, as the data a workflow receives.
 * Node-only (reads files, hashes); workflows get the result in their input.
 */
import { createHash } from 'node:crypto';
import data from './data/calendar/england-and-wales.json';
import { PROJECTION_RULE } from '../engine/calendar/projection';
import type { CalendarData } from '../engine/calendar/workingDays';

export interface VendoredCalendar {
  region: 'england-and-wales';
  coverage: { from: string };
  /** The day after the official list ends: bank holidays from it on are projected by rule. */
  provisionalFrom: string;
  sources: Record<string, string>;
  days: { date: string; title: string; source: string }[];
}

export const englandAndWales = data as VendoredCalendar;

const ALL_DATES = englandAndWales.days.map((d) => d.date);
// The hash of the official list, where projection starts and the rule projecting names the calendar version
// every due date was computed on: a newer official list is a new version (docs/design.md, Time).
const BASE_VERSION = `ew-${createHash('sha256')
  .update(
    JSON.stringify({
      days: englandAndWales.days,
      provisionalFrom: englandAndWales.provisionalFrom,
      projection: PROJECTION_RULE,
    }),
  )
  .digest('hex')
  .slice(0, 12)}`;

export function calendarData(closures: { date: string }[] = [], from?: string): CalendarData {
  // A process only needs the holidays from its earliest anchor on: a smaller input, same answers.
  const holidays = from ? ALL_DATES.filter((d) => d >= from) : ALL_DATES;
  const closureDates = closures.map((c) => c.date).sort();
  const coverage = { from: from && from > englandAndWales.coverage.from ? from : englandAndWales.coverage.from };
  const version = closureDates.length
    ? `${BASE_VERSION}+${createHash('sha256').update(closureDates.join()).digest('hex').slice(0, 6)}`
    : BASE_VERSION;
  return {
    version,
    region: 'england-and-wales',
    coverage,
    provisionalFrom: englandAndWales.provisionalFrom,
    holidays,
    closures: closureDates,
  };
}
