/**
 * The vendored England and Wales calendar, plus an LA's closure days, as the data a workflow receives.
 * Node-only (reads files, hashes); workflows get the result in their input.
 */
import { createHash } from 'node:crypto';
import data from './data/england-and-wales.json';
import type { CalendarData } from './workingDays';

export interface VendoredCalendar {
  region: 'england-and-wales';
  coverage: { from: string; to: string };
  sources: Record<string, string>;
  days: { date: string; title: string; source: string }[];
}

export const englandAndWales = data as VendoredCalendar;

export function calendarData(closures: { date: string }[] = [], from?: string): CalendarData {
  // A process only needs the holidays from its earliest anchor on: a smaller input, same answers.
  const holidays = englandAndWales.days.map((d) => d.date).filter((d) => !from || d >= from);
  const closureDates = closures.map((c) => c.date).sort();
  const coverage = { from: from && from > englandAndWales.coverage.from ? from : englandAndWales.coverage.from, to: englandAndWales.coverage.to };
  const body = { region: englandAndWales.region, coverage, holidays, closures: closureDates };
  const version = `ew-${createHash('sha256').update(JSON.stringify(englandAndWales.days)).digest('hex').slice(0, 12)}${closureDates.length ? '+' + createHash('sha256').update(closureDates.join()).digest('hex').slice(0, 6) : ''}`;
  return { version, ...body, region: 'england-and-wales' };
}

export function holidayTitle(date: string): string | undefined {
  return englandAndWales.days.find((d) => d.date === date)?.title;
}
