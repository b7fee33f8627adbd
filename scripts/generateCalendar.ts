/**
 * Builds profiles/data/calendar/england-and-wales.json, the vendored working-day calendar.
 *
 * Authority: GOV.UK's bank-holidays.json ("england-and-wales"), as shipped inside PyPI's
 * `govuk-bank-holidays` wheel (the machine has no route to gov.uk). Only the official days are written;
 * from the day after the list ends (`provisionalFrom`) bank holidays are projected by rule at run time
 * (engine/calendar/projection.ts) and marked provisional. Run again whenever GOV.UK publishes a new year:
 *   npm run calendar:generate -- <path to bank-holidays.json>
 * The new list is a new calendar version (profiles/calendar.ts): new processes start on it, and running ones
 * move onto it through the migrate-rules action (docs/design.md, Versions).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { addDays } from '../engine/calendar/localDate';

const source = process.argv[2];
if (!source) {
  console.error('usage: npm run calendar:generate -- <path to govuk bank-holidays.json>');
  process.exit(2);
}
const govuk = JSON.parse(readFileSync(source, 'utf8'));
const events: { date: string; title: string }[] = govuk['england-and-wales'].events;
const days = events
  .map((e) => ({ date: e.date, title: e.title, source: 'gov.uk' as const }))
  .sort((a, b) => a.date.localeCompare(b.date));
const officialEnd = days.at(-1)!.date;
const provisionalFrom = addDays(officialEnd, 1);
const out = {
  region: 'england-and-wales',
  // Working days are counted from the first official year on; a past year's one-off days cannot be projected.
  coverage: { from: `${days[0].date.slice(0, 4)}-01-01` },
  provisionalFrom,
  sources: {
    'gov.uk': `GOV.UK bank-holidays.json via PyPI govuk-bank-holidays; official to ${officialEnd}`,
    projection: `from ${provisionalFrom}: projected by rule (engine/calendar/projection.ts; Banking and Financial Dealings Act 1971, Schedule 1), provisional until GOV.UK publishes the year`,
  },
  days,
};
writeFileSync(
  resolve(__dirname, '../profiles/data/calendar/england-and-wales.json'),
  JSON.stringify(out, null, 1) + '\n',
);
console.log(`wrote ${days.length} official days from ${out.coverage.from}; provisional from ${provisionalFrom}`);
