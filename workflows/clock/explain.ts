/** Due dates in words, so a manager or inspector can check them by hand. Pure. */
import { computeDue } from '../../calendar/due';
import { addDays, formatLongDate } from '../../calendar/localDate';
import type { ParsedMoment } from '../../calendar/london';
import type { WorkingDayCalendar } from '../../calendar/workingDays';
import type { ResolvedStepRule } from '../../profiles/resolved';
import type { Source } from '../../profiles/schema';

export function formatSource(source: Source): string {
  if (source.kind === 'seed') {
    const lines = Array.isArray(source.lines) ? `lines ${source.lines[0]}-${source.lines[1]}` : `line ${source.lines}`;
    return `${source.document}, ${source.file} ${lines}: "${source.quote}"`;
  }
  return source.citation;
}

const UNIT_WORDS: Record<string, string> = {
  'working-days': 'working days',
  'calendar-days': 'calendar days',
  weeks: 'weeks',
  months: 'months',
  hours: 'hours',
};

export function explainDue(
  cal: WorkingDayCalendar,
  rule: ResolvedStepRule,
  from: ParsedMoment,
  dueDate: string,
  anchorOnNonWorkingDay: string,
): string {
  const head = `${rule.due.value} ${UNIT_WORDS[rule.due.unit]} after ${formatLongDate(from.date)} (${rule.anchor})`;
  const parts = [`${head} = ${formatLongDate(dueDate)}`];
  if (rule.due.unit === 'working-days') {
    const skipped: string[] = [];
    for (let d = addDays(from.date, 1); d <= dueDate; d = addDays(d, 1)) {
      const dow = new Date(`${d}T12:00:00Z`).getUTCDay();
      if (dow === 0 || dow === 6) continue;
      if (!cal.isWorkingDay(d, { withClosures: rule.kind === 'local' })) skipped.push(cal.describeDay(d));
    }
    parts.push(skipped.length ? `not counted besides weekends: ${skipped.join(', ')}` : 'no bank holidays in between');
    if (!cal.isWorkingDay(from.date)) {
      parts.push(
        anchorOnNonWorkingDay === 'next-working-day'
          ? `the anchor fell on ${cal.describeDay(from.date)}, treated as received on the next working day`
          : `the anchor fell on ${cal.describeDay(from.date)}; counting starts the day after it`,
      );
    }
    if (rule.kind === 'local' && cal.data.closures.length) parts.push('LA closure days are not counted (local target)');
  }
  if (rule.due.unit === 'months') parts.push('same day of the month, or the last day of a shorter month');
  parts.push(`rule (${rule.kind}, ${rule.definedBy}): ${formatSource(rule.source)}`);
  if (rule.looserThanNational) parts.push(`FLAG: ${rule.looserThanNational}`);
  return parts.join('; ');
}

export { computeDue };
