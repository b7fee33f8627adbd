/** `anchor`: A fact a rule counts from, recorded or corrected (a placement, a birth date, a request for the next stage). */
import type { ClockEvent } from './contract';
import { durationWords } from '../calendar/due';
import { type ParsedMoment, momentBefore, parseMoment } from '../calendar/london';
import { PERSONAL_ANCHORS } from '../catalogue';
import { conditionAnchors } from '../compute/cadence';
import { sixteenthBirthdayContradiction } from '../compute/milestones';
import { completionOf, occurrenceTimes, openOccurrence, pickAnchor, windowOf } from '../compute/occurrences';
import { timeLimitOf } from '../compute/timeLimit';
import { formatSource } from '../explain/explain';
import type { WorkingDayCalendar } from '../calendar/workingDays';
import type { ClockInput, ClockState } from '../types';
import {
  type ApplyContext,
  type CheckContext,
  type EventHandler,
  hourRuleFrom,
  inFuture,
  moment,
  notYet,
  recordAnchor,
  type Rejection,
} from './shared';

/**
 * A complainant's request for the next stage: only once the window is open (the previous stage's response
 * was sent), dated within it, and not in the future. A request dated after the last day is out of time.
 */
function checkWindowRequest(
  cal: WorkingDayCalendar,
  input: ClockInput,
  state: ClockState,
  rule: ClockInput['rules']['steps'][number],
  at: ParsedMoment,
  raw: string,
  now: number,
): Rejection | undefined {
  const opened = occurrenceTimes(cal, input, state, rule, 1);
  const w = windowOf(cal, state, rule, opened);
  if (!w || !opened)
    return {
      field: 'anchor',
      message: `the complainant asks for this stage after '${rule.anchor}'; record that first`,
      conflict: true,
    };
  if (w.requestedAt)
    return {
      field: 'anchor',
      message: `${rule.window!.closedBy} was already recorded (${w.requestedAt})`,
      conflict: true,
    };
  const future = notYet(at, raw, 'at', now, 'record the request once it has been made');
  if (future) return future;
  if (momentBefore(at, opened.from))
    return { field: 'at', message: `${raw} is before ${rule.anchor} (${opened.fromRaw}), which opens the window` };
  if (at.date > w.lastDay) {
    return {
      field: 'at',
      message: `${raw} is after the complainant's window closed: ${rule.title} ended on ${w.lastDay} (${durationWords(rule.due)} after ${rule.anchor}, ${formatSource(rule.source)}); the complaint closes at the end of ${w.closesAfter}`,
    };
  }
  return undefined;
}

function check(
  { input, state, now, shape, cal }: CheckContext,
  event: Extract<ClockEvent, { type: 'anchor' }>,
): Rejection | undefined {
  if (!input.rules.anchors.includes(event.anchor))
    return {
      field: 'anchor',
      message: `unknown anchor '${event.anchor}' for ${input.processType} (anchors: ${input.rules.anchors.join(', ')})`,
    };
  const at = moment(event.at, 'at');
  if ('error' in at) return at.error;
  const hourly = !at.hasTime && hourRuleFrom(input, event.anchor);
  if (hourly) return { field: 'at', message: hourly };
  const kinds = shape.anchorKinds?.[event.anchor];
  if (kinds && (!event.kind || !kinds.includes(event.kind)))
    return { field: 'kind', message: `'${event.anchor}' needs its kind: one of ${kinds.join(', ')}` };
  if (!kinds && event.kind) return { field: 'kind', message: `'${event.anchor}' takes no kind` };
  if (event.anchor === 'sixteenth-birthday' || event.anchor === 'date-of-birth') {
    const birthday = sixteenthBirthdayContradiction({ ...state.anchors, [event.anchor]: event.at }, 'at');
    if (birthday) return birthday;
  }
  const ending = shape.endingAnchors?.[event.anchor];
  if (ending && inFuture(at, now)) {
    return { field: 'at', message: `${event.at} is in the future: the process ends (${ending}) when it has happened` };
  }
  const limitRule = input.rules.timeLimit;
  if (limitRule && (event.anchor === limitRule.anchor || event.anchor === limitRule.of)) {
    const limit = timeLimitOf(input, { ...state.anchors, [event.anchor]: event.at });
    if (limit?.late && !input.lateAccepted) {
      return {
        field: 'at',
        message: `${limitRule.of} would be after the time limit (${limit.limitDate}; ${limit.source}); a late complaint starts with the recorded decision to consider it (lateAccepted)`,
      };
    }
  }
  const windowStep = input.rules.steps.find((s) => s.window?.closedBy === event.anchor);
  if (windowStep) {
    const refusal = checkWindowRequest(cal, input, state, windowStep, at, event.at, now);
    if (refusal) return refusal;
  }
  const sameStep = input.rules.steps.find((s) => s.key === event.anchor && !s.repeat);
  if (sameStep && !(state.completions[sameStep.key] ?? []).length) {
    return {
      field: 'anchor',
      message: `record the first ${event.anchor} as step-completed '${event.anchor}' (with its outcome); this event records it held again`,
      conflict: true,
    };
  }
  // A one-off step already done counted from the old value would silently change its record; a recurring
  // or per-value step (visits after a placement move) counts from the new value, and an 'earliest' pick never moves.
  const repeatable = shape.repeatableAnchors.includes(event.anchor);
  const dependent = input.rules.steps.filter(
    (s) =>
      s.anchor === event.anchor &&
      !s.repeat &&
      !s.perAnchor &&
      !(repeatable && s.anchorPick === 'earliest') &&
      (state.completions[s.key] ?? []).length,
  );
  if (dependent.length)
    return {
      field: 'anchor',
      message: `steps counted from '${event.anchor}' are already completed (${dependent.map((s) => s.key).join(', ')})`,
      conflict: true,
    };
  if (repeatable) {
    const latest = pickAnchor(state, event.anchor, 'latest');
    if (latest && momentBefore(at, parseMoment(latest))) {
      return {
        field: 'at',
        message: `${event.at} is before the last ${event.anchor} (${latest}); a ${event.anchor} held again comes after the one before it`,
      };
    }
  }
  return undefined;
}

function apply({ input, state, shape, cal, at }: ApplyContext, event: Extract<ClockEvent, { type: 'anchor' }>): string {
  const repeatable = shape.repeatableAnchors.includes(event.anchor);
  const previous = state.anchors[event.anchor];
  const dependants = input.rules.steps.filter(
    (s) =>
      s.anchor === event.anchor ||
      (s.also ?? []).some((a) => a.anchor === event.anchor) ||
      (s.variants ?? []).some((v) => conditionAnchors(v.when).includes(event.anchor)),
  );
  const before = dependants.map((s) => ({ s, t: occurrenceTimes(cal, input, state, s, openOccurrence(state, s)) }));
  recordAnchor(state, event.anchor, event.at, repeatable);
  if (event.kind) (state.anchorKinds[event.anchor] ??= []).push({ at: event.at, kind: event.kind });
  let what =
    repeatable && previous
      ? `${event.anchor}${event.kind ? ` (${event.kind})` : ''} recorded again at ${event.at} (earlier: ${state.anchorLog[event.anchor].slice(0, -1).join(', ')})`
      : `anchor ${event.anchor}${event.kind ? ` (${event.kind})` : ''} ${previous ? `moved from ${previous} ` : ''}set to ${event.at}`;
  // Say what the new value does to each rule counted from it (the history shows why a date moved, or why not).
  for (const { s, t } of before) {
    if (completionOf(state, s, openOccurrence(state, s))) continue;
    const after = occurrenceTimes(cal, input, state, s, openOccurrence(state, s));
    if (!after) continue;
    const pick =
      typeof s.anchorPick === 'object'
        ? `the ${event.anchor} on or before ${s.anchorPick.latestOnOrBefore}`
        : `the ${s.anchorPick ?? 'latest'} ${event.anchor}`;
    what +=
      t?.due.dueDate === after.due.dueDate
        ? `; ${s.key} stays due ${after.due.dueDate} (counted from ${pick}, ${after.fromRaw})`
        : `; ${s.key} now due ${after.due.dueDate}${t ? ` (was ${t.due.dueDate})` : ''}, counted from ${after.timing.anchorLabel} ${after.fromRaw}`;
  }
  const ending = shape.endingAnchors?.[event.anchor];
  if (ending) {
    state.finished = { reason: `${ending} on ${event.at}`, at, step: event.anchor, outcome: event.anchor };
    what += `; the process ends: ${ending}`;
  }
  return what;
}

export const anchor: EventHandler<'anchor'> = {
  check,
  apply,
  typed: (event, replaced) => (PERSONAL_ANCHORS.includes(event.anchor) ? [event.at, replaced ?? ''] : []),
};
