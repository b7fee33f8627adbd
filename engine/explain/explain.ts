/** Due dates in words, so a manager or inspector can check them by hand. Pure. */
import { DueRule, computeDue, durationWords } from '../calendar/due';
import { addDays, formatLongDate } from '../calendar/localDate';
import { type ParsedMoment, clockChangesBetween, describeClockChange, formatLondonWords } from '../calendar/london';
import type { WorkingDayCalendar } from '../calendar/workingDays';
import type { ResolvedStepRule } from '../profile/resolved';
import type { Source } from '../profile/schema';
import type { Extension } from '../types';

/** `cp-visit #7` for an occurrence of a recurring step, the bare key for a one-off step. */
export function stepLabel(rule: Pick<ResolvedStepRule, 'key' | 'repeat' | 'perAnchor'>, occurrence: number): string {
  return rule.repeat || rule.perAnchor ? `${rule.key} #${occurrence}` : rule.key;
}

export function formatSource(source: Source): string {
  if (source.kind === 'seed') {
    const lines = Array.isArray(source.lines) ? `lines ${source.lines[0]}-${source.lines[1]}` : `line ${source.lines}`;
    return `${source.document}, ${source.file} ${lines}: "${source.quote}"`;
  }
  return source.citation;
}

/** An hour rule in words, naming any clock change it crosses (elapsed hours are not wall-clock hours). */
function hoursWords(value: number, from: ParsedMoment, anchorLabel: string): string {
  const due = from.at + value * 3_600_000;
  const changes = clockChangesBetween(from.at, due).map(describeClockChange);
  return `${durationWords({ value, unit: 'hours' })} from ${formatLondonWords(from.at)} (${anchorLabel}) to ${formatLondonWords(due)}${changes.length ? ` — ${changes.join(', and ')}` : ''}; on time at that instant, late only after it`;
}

/**
 * Said of every date a working-day count reached past the official bank holidays (docs/design.md, Time).
 * `cal` must have a `provisionalFrom`.
 */
export function provisionalNote(cal: WorkingDayCalendar): string {
  const lastOfficial = addDays(cal.data.provisionalFrom!, -1);
  return `provisional: bank holidays after ${formatLongDate(lastOfficial)} are projected by rule (Banking and Financial Dealings Act 1971, Schedule 1) until GOV.UK publishes them`;
}

/** What one due date was counted from: the rule itself, an alternative timing, or the previous occurrence. */
export interface TimingUsed {
  anchorLabel: string;
  due: DueRule;
  source: Source;
  /** Why this timescale applies rather than the rule's own (the variant's condition). */
  why?: string;
  /** The national rule running beside a later LA rule: counted without LA closure days. */
  national?: boolean;
}

export function explainDue(
  cal: WorkingDayCalendar,
  rule: ResolvedStepRule,
  timing: TimingUsed,
  from: ParsedMoment,
  dueDate: string,
  anchorOnNonWorkingDay: string,
): string {
  const direction = timing.due.before ? 'before' : 'after';
  const head = `${durationWords(timing.due)} ${direction} ${formatLongDate(from.date)} (${timing.anchorLabel})`;
  const hourly = timing.due.unit === 'hours' && from.hasTime && !timing.due.before;
  const parts = [
    hourly ? hoursWords(timing.due.value, from, timing.anchorLabel) : `${head} = ${formatLongDate(dueDate)}`,
  ];
  let provisional = false;
  if (timing.due.unit === 'working-days') {
    const skipped: string[] = [];
    const [lo, hi] = timing.due.before ? [dueDate, addDays(from.date, -1)] : [addDays(from.date, 1), dueDate];
    for (let d = lo; d <= hi; d = addDays(d, 1)) {
      const dow = new Date(`${d}T12:00:00Z`).getUTCDay();
      if (dow === 0 || dow === 6) continue;
      if (!cal.isWorkingDay(d, { withClosures: rule.kind === 'local' && !timing.national }))
        skipped.push(cal.describeDay(d));
    }
    parts.push(skipped.length ? `not counted besides weekends: ${skipped.join(', ')}` : 'no bank holidays in between');
    if (!timing.due.before && !cal.isWorkingDay(from.date)) {
      parts.push(
        anchorOnNonWorkingDay === 'next-working-day'
          ? `the anchor fell on ${cal.describeDay(from.date)}, treated as received on the next working day`
          : `the anchor fell on ${cal.describeDay(from.date)}; counting starts the day after it`,
      );
    }
    if (rule.kind === 'local' && !timing.national && cal.data.closures.length)
      parts.push('LA closure days are not counted (local target)');
    provisional = cal.isProvisional(hi);
    if (provisional) parts.push(provisionalNote(cal));
  }
  // A meeting's plan-by date is a working day too, whatever unit its due date counts in.
  if (rule.meeting && !provisional && cal.isProvisional(dueDate)) parts.push(`plan-by date ${provisionalNote(cal)}`);
  if (timing.due.unit === 'months') parts.push('same day of the month, or the last day of a shorter month');
  if (timing.why) parts.push(`because ${timing.why}`);
  if (timing.national) {
    parts.push(`the national rule (statutory), which comes first here: ${formatSource(timing.source)}`);
    parts.push(
      `the LA's own rule (${rule.definedBy}) would give a later date: ${rule.looserThanNational ?? 'see its source'}`,
    );
  } else {
    parts.push(`rule (${rule.kind}, ${rule.definedBy}): ${formatSource(timing.source)}`);
    if (rule.looserThanNational) parts.push(`FLAG: ${rule.looserThanNational}`);
  }
  return parts.join('; ');
}

export { computeDue };

/**
 * An extension in words: from and to, why, agreed with whom and when, who recorded it and when. In the
 * Temporal UI's Markdown the new date is bold.
 */
export function describeExtension(e: Extension, markdown = false): string {
  const what = e.statutory ? 'extended' : 'revised target';
  const until = formatLongDate(e.until);
  return `${what} ${e.from ? `from ${formatLongDate(e.from)} ` : ''}to ${markdown ? `**${until}**` : until}: ${e.reason}${e.agreedWithComplainant ? ' (agreed with the complainant)' : ''}${e.agreedAt ? `, agreed ${e.agreedAt}` : ''}${markdown ? ';' : ','} recorded ${e.recordedAt}${e.by ? ` by ${e.by}${e.byRole ? ` (${e.byRole})` : ''}` : ''}`;
}
