/**
 * Builds calendar/data/england-and-wales.json, the vendored working-day calendar.
 *
 * Authority: GOV.UK's bank-holidays.json ("england-and-wales"), as shipped inside PyPI's
 * `govuk-bank-holidays` wheel (the machine has no route to gov.uk). Years after that list ends are
 * filled from `date-holidays` (GB, state ENG, types public+bank) and marked as such, so a reader can
 * see which days are official and which are projected. Run again whenever either source updates:
 *   npm run calendar:generate -- <path to bank-holidays.json>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Holidays from 'date-holidays';

// A care leaver is supported to 25: a child in care today has clocks running into the 2040s.
const LAST_YEAR = 2045;
const source = process.argv[2];
if (!source) {
  console.error('usage: generate-calendar <path to govuk bank-holidays.json>');
  process.exit(2);
}
const govuk = JSON.parse(readFileSync(source, 'utf8'));
const events: { date: string; title: string }[] = govuk['england-and-wales'].events;
const official = events.map((e) => ({ date: e.date, title: e.title, source: 'gov.uk' as const }));
const officialEnd = official.map((e) => e.date).sort().at(-1)!;
const officialStartYear = Number(official.map((e) => e.date).sort()[0].slice(0, 4));
const officialEndYear = Number(officialEnd.slice(0, 4));

const hd = new Holidays('GB', 'ENG');
const projected: { date: string; title: string; source: 'date-holidays' }[] = [];
for (let y = officialEndYear + 1; y <= LAST_YEAR; y++) {
  for (const h of hd.getHolidays(y)) {
    if (h.type !== 'public' && h.type !== 'bank') continue;
    // date-holidays lists a substitute day as its own entry ("... (substitute day)"); its `date` is local.
    projected.push({ date: h.date.slice(0, 10), title: h.name, source: 'date-holidays' });
  }
}
const days = [...official, ...projected].sort((a, b) => a.date.localeCompare(b.date));
const out = {
  region: 'england-and-wales',
  coverage: { from: `${officialStartYear}-01-01`, to: `${LAST_YEAR}-12-31` },
  sources: {
    'gov.uk': `GOV.UK bank-holidays.json via PyPI govuk-bank-holidays; official to ${officialEnd}`,
    'date-holidays': `npm date-holidays GB/ENG public+bank, projected for ${officialEndYear + 1}-${LAST_YEAR}; replace with the official list when GOV.UK publishes it`,
  },
  days,
};
writeFileSync(resolve(__dirname, '../calendar/data/england-and-wales.json'), JSON.stringify(out, null, 1) + '\n');
console.log(`wrote ${days.length} days, coverage ${out.coverage.from}..${out.coverage.to}`);
