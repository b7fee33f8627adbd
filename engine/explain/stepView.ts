/**
 * Explaining a step: the view a manager, the memo and the API show for each occurrence, with its rule and
 * source, the date it counts from, why it is due when it is, and what extended it. Pure.
 */
import { durationWords } from '../calendar/due';
import { formatLongDate } from '../calendar/localDate';
import { formatLondon } from '../calendar/london';
import type { WorkingDayCalendar } from '../calendar/workingDays';
import type { ResolvedStepRule } from '../profile/resolved';
import type { OccurrenceTimes, WindowTimes } from '../compute/occurrences';
import { describeExtension, explainDue, formatSource } from './explain';
import type { ClockInput, ClockState, StepView } from '../types';

type EscalationView = StepView['escalations'];

/** Completed occurrences of a recurring step shown in the view (older ones live in history). */
export const RECENT_OCCURRENCES = 2;

export function ruleView(rule: ResolvedStepRule): StepView['rule'] {
  return {
    value: rule.due.value,
    unit: rule.due.unit,
    anchor: rule.anchor,
    kind: rule.kind,
    source: rule.source,
    definedBy: rule.definedBy,
    ...(rule.looserThanNational ? { looserThanNational: rule.looserThanNational } : {}),
    ...(rule.note ? { note: rule.note } : {}),
  };
}

/** Recent completed occurrences of a recurring step, as the record of what happened and when. */
export function recentViews(
  state: ClockState,
  rule: ResolvedStepRule,
  occurrence: number,
  escalationsOf: (key: string, occurrence: number) => EscalationView,
): StepView[] {
  if (!rule.repeat && !rule.perAnchor) return [];
  const done = state.completions[rule.key] ?? [];
  return done
    .filter((c) => c.occurrence !== occurrence)
    .slice(-RECENT_OCCURRENCES)
    .map((c) => ({
      key: rule.key,
      occurrence: c.occurrence,
      title: rule.title,
      status: 'completed',
      anchor: rule.anchor,
      ...(c.dueDate ? { dueDate: c.dueDate } : {}),
      completedAt: c.occurredAt,
      ...(c.outcome ? { outcome: c.outcome } : {}),
      ...(c.late !== undefined ? { late: c.late } : {}),
      escalations: escalationsOf(rule.key, c.occurrence),
      rule: ruleView(rule),
    }));
}

/** The open occurrence's view before its times are known: its no-access visits and agreed interval. */
export function openView(
  state: ClockState,
  rule: ResolvedStepRule,
  occurrence: number,
  escalations: EscalationView,
): StepView {
  const view: StepView = {
    key: rule.key,
    occurrence,
    title: rule.title,
    status: 'pending',
    anchor: rule.anchor,
    escalations,
    rule: ruleView(rule),
  };
  const noAccess = (state.noAccess[rule.key] ?? []).filter((v) => v.occurrence === occurrence);
  if (noAccess.length)
    view.noAccess = noAccess.map((v) => ({ occurredAt: v.occurredAt, ...(v.note ? { note: v.note } : {}) }));
  if (state.intervals[rule.key]) view.interval = state.intervals[rule.key];
  return view;
}

/** What the occurrence counts from, when it is due and why, in the view. */
export function explainTimes(
  view: StepView,
  cal: WorkingDayCalendar,
  input: ClockInput,
  state: ClockState,
  rule: ResolvedStepRule,
  t: OccurrenceTimes,
): void {
  view.anchorAt = t.fromRaw;
  view.countedFrom = t.timing.anchorLabel;
  view.dueDate = t.due.dueDate;
  view.dueAt = formatLondon(t.due.dueAt);
  if (t.due.planBy) view.planBy = t.due.planBy;
  if (t.due.provisional) view.provisional = true;
  if (t.revisedTarget) view.revisedTarget = t.revisedTarget;
  view.explanation = explainDue(
    cal,
    rule,
    t.timing,
    t.from,
    t.originalDueDate ?? t.due.dueDate,
    input.rules.anchorOnNonWorkingDay,
  );
  if (t.alternatives.length) {
    view.explanation += `; the earliest timing applies (${t.alternatives.join('; ')})`;
    view.timings = t.timings;
  }
  const extensions = (state.extensions[rule.key] ?? []).filter((e) => (e.occurrence ?? 1) === t.occurrence);
  if (extensions.length) {
    view.extensions = extensions;
    view.explanation += `; ${extensions.map((e) => describeExtension(e)).join('; ')}`;
    if (rule.extension)
      view.explanation += ` (at most ${durationWords(rule.extension.max)} after ${t.timing.anchorLabel}: ${formatSource(rule.extension.source)})`;
  }
}

/** A complainant's window in the view: whose time it is, and when the process closes without a request. */
export function explainWindow(view: StepView, rule: ResolvedStepRule, w: WindowTimes): void {
  const window = rule.window!;
  view.window = { closedBy: window.closedBy, lastDay: w.lastDay, closesAfter: w.closesAfter };
  view.explanation += `; the complainant's time, not the LA's: a ${window.closedBy} dated by then is in time and can be recorded until the end of ${formatLongDate(w.closesAfter)}, when the process closes without one (${formatSource(window.graceSource)})`;
}
