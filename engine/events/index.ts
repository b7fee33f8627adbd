/**
 * Checking and applying events to a clock's facts. Pure: the Update validator calls checkEvent (a
 * rejection changes nothing and leaves no trace in history); the handler then calls applyEvent.
 */
import { Unit, computeDue, durationWords } from '../calendar/due';
import { CalendarInputError } from '../calendar/localDate';
import { ParsedMoment, formatLondon, londonDate, momentBefore, parseMoment } from '../calendar/london';
import { CalendarCoverageError, WorkingDayCalendar } from '../calendar/workingDays';
import type { ClockEvent } from './contract';
import { ProcessShape, shapeOf } from '../catalogue';
import { conditionAnchors } from '../compute/cadence';
import { formatSource, stepLabel } from '../explain/explain';
import { timeLimitOf } from '../compute/timeLimit';
import { PERSONAL_ANCHORS } from '../explain/memo';
import { completionOf, occurrenceTimes, openOccurrence, pickAnchor, windowOf } from '../compute/schedule';
import { recordHistory as record } from '../history';
import { clearAlarm, clearAlarms, openAlarms } from '../decide/alarms';
import { sixteenthBirthdayContradiction } from '../compute/milestones';
import type { ClockInput, ClockState } from '../types';
import { bodyDifferences, eventBody } from './sameEvent';

/** Clocks drift between a case system and the worker; a completion up to this far "ahead" is accepted. */
export const FUTURE_SKEW_MS = 5 * 60_000;
export const MAX_EVENT_IDS = 200;

export interface Rejection {
  field: string;
  message: string;
  /** 409 for a conflict with the process's state, 422 otherwise. */
  conflict?: boolean;
  /** 403: the profile needs another role's approval (an extension only the complaints manager may agree). */
  forbidden?: boolean;
}

/** Later than now: a datetime beyond the allowed skew, or a date after today (London). */
export function inFuture(at: ParsedMoment, now: number): boolean {
  return at.hasTime ? at.at > now + FUTURE_SKEW_MS : at.date > londonDate(now);
}

/** The refusal of a moment that has not happened yet, with what to do instead. */
function notYet(at: ParsedMoment, raw: string, field: string, now: number, instead?: string): Rejection | undefined {
  return inFuture(at, now) ? { field, message: `${raw} is in the future (now ${formatLondon(now)})${instead ? `; ${instead}` : ''}` } : undefined;
}

/** Why a date alone cannot record `anchor`: an hour rule counts from it (a date would leave that step without a date). */
function hourRuleFrom(input: ClockInput, anchor: string): string | undefined {
  for (const rule of input.rules.steps) {
    // The rule's own timing or another it has (York's discussion: 1 WD, or 24 hours from immediate concerns).
    const timing = [rule, ...(rule.also ?? [])].find((t) => t.anchor === anchor && t.due.unit === 'hours');
    if (timing) return `'${anchor}' starts a ${timing.due.value}-hour clock (${rule.key}): give its time and offset, not a date alone`;
  }
  return undefined;
}

function moment(value: string, field: string) {
  try {
    return parseMoment(value, field);
  } catch (err) {
    if (err instanceof CalendarInputError) return { error: { field, message: err.message } as Rejection };
    throw err;
  }
}

/** The furthest date an extension of `step` may reach, or a rejection. */
export function extensionLimit(input: ClockInput, state: ClockState, step: string): { maxDate: string; base: string } | Rejection {
  const rule = input.rules.steps.find((s) => s.key === step)!;
  if (!rule.extension) {
    return { field: 'step', message: `${input.rules.profileName} allows no extension of '${step}'`, conflict: true };
  }
  const cal = WorkingDayCalendar.of(input.calendar);
  const occurrence = openOccurrence(state, rule);
  const t = occurrenceTimes(cal, input, state, rule, occurrence);
  if (!t) return { field: 'step', message: `'${step}' has no due date yet (anchor '${rule.anchor}' not recorded)`, conflict: true };
  const due = computeDue(cal, t.from, rule.extension.max, {
    withClosures: rule.kind === 'local',
    anchorOnNonWorkingDay: input.rules.anchorOnNonWorkingDay,
  });
  const last = (state.extensions[step] ?? []).filter((e) => (e.occurrence ?? 1) === occurrence).at(-1);
  return { maxDate: due.dueDate, base: last?.until ?? t.due.dueDate };
}

/**
 * A complainant's request for the next stage: only once the window is open (the previous stage's response
 * was sent), dated within it, and not in the future. A request dated after the last day is out of time.
 */
function checkWindowRequest(cal: WorkingDayCalendar, input: ClockInput, state: ClockState, rule: ClockInput['rules']['steps'][number], at: ParsedMoment, raw: string, now: number): Rejection | undefined {
  const opened = occurrenceTimes(cal, input, state, rule, 1);
  const w = windowOf(cal, state, rule, opened);
  if (!w || !opened) return { field: 'anchor', message: `the complainant asks for this stage after '${rule.anchor}'; record that first`, conflict: true };
  if (w.requestedAt) return { field: 'anchor', message: `${rule.window!.closedBy} was already recorded (${w.requestedAt})`, conflict: true };
  const future = notYet(at, raw, 'at', now, 'record the request once it has been made');
  if (future) return future;
  if (momentBefore(at, opened.from)) return { field: 'at', message: `${raw} is before ${rule.anchor} (${opened.fromRaw}), which opens the window` };
  if (at.date > w.lastDay) {
    return { field: 'at', message: `${raw} is after the complainant's window closed: ${rule.title} ended on ${w.lastDay} (${durationWords(rule.due)} after ${rule.anchor}, ${formatSource(rule.source)}); the complaint closes at the end of ${w.closesAfter}` };
  }
  return undefined;
}

function waitingFor(rule: ClockInput['rules']['steps'][number]): string {
  const alternatives = (rule.also ?? []).map((a) => a.anchor);
  return [rule.anchor, ...alternatives].map((a) => `'${a}'`).join(' or ');
}

export function checkEvent(input: ClockInput, state: ClockState, event: ClockEvent, now: number, shape: ProcessShape = shapeOf(input.processType)): Rejection | undefined {
  if (state.closed) return { field: 'type', message: `the process was closed on ${state.closed.at} (${state.closed.reason})`, conflict: true };
  // An ended process still open for an alarm (its hand-over refused) takes the missing fact, or a manager's close.
  const alarmOpen = openAlarms(state).length > 0;
  if (state.finished && !(alarmOpen && (event.type === 'hand-over' || event.type === 'close' || event.type === 'resolve-alarm'))) {
    return { field: 'type', message: `the process ended on ${state.finished.at}: ${state.finished.reason}`, conflict: true };
  }
  const cal = WorkingDayCalendar.of(input.calendar);
  try {
    switch (event.type) {
      case 'step-completed': {
        const rule = input.rules.steps.find((s) => s.key === event.step);
        if (!rule) return { field: 'step', message: `unknown step '${event.step}' for ${input.processType} (steps: ${input.rules.steps.map((s) => s.key).join(', ')})` };
        if (rule.window) return { field: 'step', message: `'${event.step}' is the complainant's window: record their request as {type: 'anchor', anchor: '${rule.window.closedBy}', at}` };
        const occurrence = openOccurrence(state, rule);
        const already = completionOf(state, rule, occurrence);
        if (already) return { field: 'step', message: `'${stepLabel(rule, occurrence)}' was already completed at ${already.occurredAt}`, conflict: true };
        const at = moment(event.occurredAt, 'occurredAt');
        if ('error' in at) return at.error;
        const future = notYet(at, event.occurredAt, 'occurredAt', now, 'a step cannot be completed ahead of time');
        if (future) return future;
        const t = occurrenceTimes(cal, input, state, rule, occurrence);
        if (!t && !rule.completableBeforeAnchor) {
          return { field: 'step', message: `'${event.step}' counts from ${waitingFor(rule)}, which has not been recorded yet: record that first`, conflict: true };
        }
        if (t && !rule.completableBeforeAnchor && momentBefore(at, t.from)) {
          return { field: 'occurredAt', message: `${event.occurredAt} is before ${t.timing.anchorLabel} (${t.fromRaw}), which '${stepLabel(rule, occurrence)}' counts from` };
        }
        for (const required of rule.requires ?? []) {
          const req = input.rules.steps.find((s) => s.key === required)!;
          const applies = occurrenceTimes(cal, input, state, req, 1) !== undefined;
          if (applies && !(state.completions[required] ?? []).length) {
            return { field: 'step', message: `'${event.step}' cannot be recorded before '${required}' is completed`, conflict: true };
          }
        }
        // What this completion records (the step itself, an anchor its outcome sets) may start an hour rule.
        const sets = event.outcome ? shape.outcomes[event.step]?.[event.outcome]?.setsAnchor : undefined;
        const hourly = !at.hasTime && (hourRuleFrom(input, event.step) || (sets && hourRuleFrom(input, sets)));
        if (hourly) return { field: 'occurredAt', message: hourly };
        if (rule.visit && event.seen === undefined) return { field: 'seen', message: `'${event.step}' is a visit: say whether the child was seen (seen: true, or false for a no-access visit)` };
        const allowed = shape.outcomes[event.step] ? Object.keys(shape.outcomes[event.step]) : undefined;
        const noAccess = rule.visit && event.seen === false;
        if (allowed && !event.outcome) return { field: 'outcome', message: `'${event.step}' needs an outcome: one of ${allowed.join(', ')}` };
        if (allowed && event.outcome && !allowed.includes(event.outcome)) return { field: 'outcome', message: `'${event.outcome}' is not an outcome of '${event.step}' (one of ${allowed.join(', ')})` };
        if ((!allowed || noAccess) && event.outcome) return { field: 'outcome', message: `'${event.step}' takes no outcome` };
        if (event.immediateConcern !== undefined) {
          const immediate = event.outcome ? shape.outcomes[event.step]?.[event.outcome]?.immediateConcern : undefined;
          if (!immediate) return { field: 'immediateConcern', message: `only a decision for a strategy discussion records immediate concerns, not '${event.step}'${event.outcome ? ` with outcome '${event.outcome}'` : ''}` };
          if (event.immediateConcern && !at.hasTime) return { field: 'occurredAt', message: 'immediate concerns are counted in hours from the decision: give its time and offset, not a date alone' };
        }
        return undefined;
      }
      case 'extend': {
        const rule = input.rules.steps.find((s) => s.key === event.step);
        if (!rule) return { field: 'step', message: `unknown step '${event.step}' for ${input.processType}` };
        if (completionOf(state, rule, openOccurrence(state, rule))) return { field: 'step', message: `'${event.step}' is already completed`, conflict: true };
        if (!event.reason || event.reason.trim().length < 3) return { field: 'reason', message: 'a reason is required for an extension' };
        const limit = extensionLimit(input, state, event.step);
        if ('field' in limit) return limit;
        if (rule.extension?.approverRole && event.byRole !== rule.extension.approverRole && event.byRole !== 'admin') {
          return { field: 'type', forbidden: true, message: `extending '${event.step}' needs the approval of the ${rule.extension.approverRole}: the ${rule.extension.approverRole} sends it (${formatSource(rule.extension.source)})` };
        }
        if (rule.extension?.complainantAgreement && event.agreedWithComplainant !== true) {
          return { field: 'agreedWithComplainant', message: `extending '${event.step}' must be agreed with the complainant first; send agreedWithComplainant: true once it is (${formatSource(rule.extension.source)})` };
        }
        if (event.agreedAt !== undefined) {
          const agreed = moment(event.agreedAt, 'agreedAt');
          if ('error' in agreed) return agreed.error;
          const future = notYet(agreed, event.agreedAt, 'agreedAt', now);
          if (future) return future;
        }
        // A statutory extension moves the deadline itself: agreed after it had passed, it would rewrite a breach as on time.
        const agreedOn = event.agreedAt ? parseMoment(event.agreedAt).date : londonDate(now);
        if (rule.extension!.statutory && agreedOn > limit.base) {
          return { field: event.agreedAt ? 'agreedAt' : 'type', message: `'${event.step}' was due ${limit.base}; a statutory extension must be agreed by then (agreed ${agreedOn}${event.agreedAt ? '' : ', today: give agreedAt if it was agreed earlier'}); after it the step is late` };
        }
        const until = event.until ?? limit.maxDate;
        const u = moment(until, 'until');
        if ('error' in u) return u.error;
        if (until > limit.maxDate) return { field: 'until', message: `${until} is past the maximum for '${event.step}' (${durationWords(rule.extension!.max)} from ${rule.anchor}: ${limit.maxDate})` };
        if (until <= limit.base) return { field: 'until', message: `${until} does not extend '${event.step}' beyond ${limit.base}` };
        return undefined;
      }
      case 'reassign':
        if (!event.workerId && !event.team) return { field: 'workerId', message: 'give workerId, team or both' };
        return undefined;
      case 'anchor': {
        if (!input.rules.anchors.includes(event.anchor)) return { field: 'anchor', message: `unknown anchor '${event.anchor}' for ${input.processType} (anchors: ${input.rules.anchors.join(', ')})` };
        const at = moment(event.at, 'at');
        if ('error' in at) return at.error;
        const hourly = !at.hasTime && hourRuleFrom(input, event.anchor);
        if (hourly) return { field: 'at', message: hourly };
        const kinds = shape.anchorKinds?.[event.anchor];
        if (kinds && (!event.kind || !kinds.includes(event.kind))) return { field: 'kind', message: `'${event.anchor}' needs its kind: one of ${kinds.join(', ')}` };
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
            return { field: 'at', message: `${limitRule.of} would be after the time limit (${limit.limitDate}; ${limit.source}); a late complaint starts with the recorded decision to consider it (lateAccepted)` };
          }
        }
        const windowStep = input.rules.steps.find((s) => s.window?.closedBy === event.anchor);
        if (windowStep) {
          const refusal = checkWindowRequest(cal, input, state, windowStep, at, event.at, now);
          if (refusal) return refusal;
        }
        const sameStep = input.rules.steps.find((s) => s.key === event.anchor && !s.repeat);
        if (sameStep && !(state.completions[sameStep.key] ?? []).length) {
          return { field: 'anchor', message: `record the first ${event.anchor} as step-completed '${event.anchor}' (with its outcome); this event records it held again`, conflict: true };
        }
        // A one-off step already done counted from the old value would silently change its record; a recurring
        // or per-value step (visits after a placement move) counts from the new value, and an 'earliest' pick never moves.
        const repeatable = shape.repeatableAnchors.includes(event.anchor);
        const dependent = input.rules.steps.filter(
          (s) => s.anchor === event.anchor && !s.repeat && !s.perAnchor && !(repeatable && s.anchorPick === 'earliest') && (state.completions[s.key] ?? []).length,
        );
        if (dependent.length) return { field: 'anchor', message: `steps counted from '${event.anchor}' are already completed (${dependent.map((s) => s.key).join(', ')})`, conflict: true };
        if (repeatable) {
          const latest = pickAnchor(state, event.anchor, 'latest');
          if (latest && momentBefore(at, parseMoment(latest))) {
            return { field: 'at', message: `${event.at} is before the last ${event.anchor} (${latest}); a ${event.anchor} held again comes after the one before it` };
          }
        }
        return undefined;
      }
      case 'set-interval': {
        const rule = input.rules.steps.find((s) => s.key === event.step);
        if (!rule) return { field: 'step', message: `unknown step '${event.step}' for ${input.processType}` };
        if (!rule.repeat) return { field: 'step', message: `'${event.step}' is not a recurring step` };
        const adjustable = rule.repeat.adjustable;
        if (!adjustable) return { field: 'step', message: `${input.rules.profileName} sets the interval of '${event.step}' (${durationWords(rule.repeat.every)}); it cannot be changed per child`, conflict: true };
        if (!event.reason || event.reason.trim().length < 3) return { field: 'reason', message: 'a reason is required to set an interval' };
        // Compare intervals by the dates they give from the same day, so units need not match.
        const ref = parseMoment(londonDate(now));
        const dateOf = (d: { value: number; unit: Unit }) => computeDue(cal, ref, d).dueDate;
        const proposed = dateOf(event.every);
        if (proposed > dateOf(rule.repeat.every)) {
          if (!adjustable.loosest && !adjustable.anyInterval) return { field: 'every', message: `${durationWords(event.every)} is less often than ${input.rules.profileName}'s ${durationWords(rule.repeat.every)}; its standards allow no longer interval` };
          if (adjustable.loosest && proposed > dateOf(adjustable.loosest)) return { field: 'every', message: `${durationWords(event.every)} is longer than the loosest interval ${input.rules.profileName} allows (${durationWords(adjustable.loosest)})` };
          if (adjustable.approverRole && event.agreedBy !== adjustable.approverRole) return { field: 'agreedBy', message: `a longer interval for '${event.step}' must be agreed by the ${adjustable.approverRole} (agreedBy: '${adjustable.approverRole}')` };
        }
        return undefined;
      }
      case 'close':
        if (!event.reason || event.reason.trim().length < 3) return { field: 'reason', message: 'a reason is required to close a process' };
        return undefined;
      case 'hand-over': {
        const pending = state.pendingHandover;
        if (!pending) return { field: 'type', message: `no hand-over is waiting: ${state.handedOver ? `${state.handedOver.to} was started at ${state.handedOver.at}` : 'none was refused'}`, conflict: true };
        for (const [key, value] of Object.entries(event.anchors ?? {})) {
          const at = moment(value, `anchors.${key}`);
          if ('error' in at) return at.error;
          const future = notYet(at, value, `anchors.${key}`, now);
          if (future) return future;
        }
        for (const key of Object.keys(event.anchorKinds ?? {})) {
          if (!event.anchors?.[key] && !pending.anchors[key]) return { field: `anchorKinds.${key}`, message: `'${key}' was not given in anchors` };
        }
        return undefined;
      }
      case 'resolve-alarm': {
        const open = openAlarms(state);
        if (!open.some((a) => a.key === event.alarm)) return { field: 'alarm', message: `no open alarm '${event.alarm}' (open: ${open.map((a) => a.key).join(', ') || 'none'})`, conflict: true };
        if (!event.reason || event.reason.trim().length < 3) return { field: 'reason', message: 'a reason is required to resolve an alarm' };
        return undefined;
      }
      case 'withdraw': {
        if (!shape.withdrawable) return { field: 'type', message: `a ${input.processType} cannot be withdrawn; a manager closes it with {type: 'close', reason}` };
        if (!event.reason || event.reason.trim().length < 3) return { field: 'reason', message: 'a reason is required to record a withdrawal' };
        const at = moment(event.occurredAt, 'occurredAt');
        if ('error' in at) return at.error;
        const future = notYet(at, event.occurredAt, 'occurredAt', now, 'record a withdrawal once it has happened');
        if (future) return future;
        // The anchor it cannot start without is when it began (a complaint's receipt).
        const began = (shape.requiredAnchors ?? []).map((a) => state.anchors[a]).find(Boolean);
        if (began && momentBefore(at, parseMoment(began))) return { field: 'occurredAt', message: `${event.occurredAt} is before the process began (${began})` };
        return undefined;
      }
      default:
        return { field: 'type', message: `unknown event type '${(event as { type: string }).type}'` };
    }
  } catch (err) {
    if (err instanceof CalendarCoverageError) return { field: 'type', message: err.message };
    throw err;
  }
}

/** Repeatable anchors keep every value (the current one is the latest); others are replaced. */
function recordAnchor(state: ClockState, anchor: string, value: string, repeatable: boolean) {
  state.anchorLog[anchor] = repeatable ? [...(state.anchorLog[anchor] ?? []), value] : [value];
  state.anchors[anchor] = pickAnchor(state, anchor, 'latest')!;
}

/** Applies an event that checkEvent accepted. Returns a one-line description for history and the UI. */
export function applyEvent(input: ClockInput, state: ClockState, event: ClockEvent, now: number, shape: ProcessShape = shapeOf(input.processType)): string {
  const at = formatLondon(now);
  const cal = WorkingDayCalendar.of(input.calendar);
  // A birth date being corrected: the value it replaces is withheld from the memo too.
  const replacedAnchor = event.type === 'anchor' ? state.anchors[event.anchor] : undefined;
  let what: string;
  switch (event.type) {
    case 'step-completed': {
      const rule = input.rules.steps.find((s) => s.key === event.step)!;
      const occurrence = openOccurrence(state, rule);
      const label = stepLabel(rule, occurrence);
      if (rule.visit && event.seen === false) {
        (state.noAccess[event.step] ??= []).push({ occurrence, occurredAt: event.occurredAt, recordedAt: at, ...(event.by ? { by: event.by } : {}) });
        what = `${label}: visit on ${event.occurredAt}, child NOT seen (no access); the team manager is told and the visit is still due`;
        break;
      }
      const t = occurrenceTimes(cal, input, state, rule, occurrence);
      const late = t ? parseMoment(event.occurredAt).at >= t.due.lateFrom : undefined;
      (state.completions[event.step] ??= []).push({
        occurrence,
        occurredAt: event.occurredAt,
        recordedAt: at,
        ...(event.outcome ? { outcome: event.outcome } : {}),
        ...(event.seen !== undefined ? { seen: event.seen } : {}),
        ...(event.seenAlone !== undefined ? { seenAlone: event.seenAlone } : {}),
        ...(event.by ? { by: event.by } : {}),
        ...(t ? { dueDate: t.due.dueDate } : {}),
        ...(late !== undefined ? { late } : {}),
      });
      if (input.rules.anchors.includes(event.step)) recordAnchor(state, event.step, event.occurredAt, shape.repeatableAnchors.includes(event.step));
      what = `${label} completed at ${event.occurredAt}${t ? ` (due ${t.due.dueDate}${late ? ', LATE' : ''})` : ''}`;
      const effect = event.outcome ? shape.outcomes[event.step]?.[event.outcome] : undefined;
      if (event.outcome) what += `, outcome ${event.outcome}${effect ? `: ${effect.means}` : ''}`;
      if (effect?.setsAnchor && !state.anchors[effect.setsAnchor]) {
        recordAnchor(state, effect.setsAnchor, event.occurredAt, shape.repeatableAnchors.includes(effect.setsAnchor));
        what += `; ${effect.setsAnchor} recorded at ${event.occurredAt}`;
      }
      if (effect?.immediateConcern && event.immediateConcern) {
        recordAnchor(state, effect.immediateConcern, event.occurredAt, false);
        what += `; immediate concerns: ${effect.immediateConcern} recorded at ${event.occurredAt}`;
      }
      if (effect?.ends) state.finished = { reason: `${event.step} outcome ${event.outcome}: ${effect.means}`, at, step: event.step, outcome: event.outcome! };
      const last = shape.completionEnds?.[event.step];
      if (last) {
        state.finished = { reason: `${event.step} completed: ${last}`, at, step: event.step, outcome: 'completed' };
        what += `; the process ends: ${last}`;
      }
      break;
    }
    case 'extend': {
      const limit = extensionLimit(input, state, event.step) as { maxDate: string };
      const rule = input.rules.steps.find((s) => s.key === event.step)!;
      const { maxDate, base } = limit as { maxDate: string; base: string };
      const until = event.until ?? maxDate;
      const occurrence = openOccurrence(state, rule);
      (state.extensions[event.step] ??= []).push({
        occurrence,
        until,
        from: base,
        reason: event.reason.trim(),
        recordedAt: at,
        statutory: rule.extension!.statutory,
        ...(event.agreedWithComplainant ? { agreedWithComplainant: true } : {}),
        ...(event.agreedAt ? { agreedAt: event.agreedAt } : {}),
        ...(event.by ? { by: event.by } : {}),
        ...(event.byRole ? { byRole: event.byRole } : {}),
      });
      what = `${event.step} ${rule.extension!.statutory ? 'extended' : 'given a revised target'} from ${base} to ${until} (the maximum is ${maxDate})${event.agreedWithComplainant ? ', agreed with the complainant' : ''}: ${event.reason.trim()}`;
      break;
    }
    case 'reassign': {
      const before = state.assignment;
      state.assignment = { workerId: event.workerId ?? before.workerId, team: event.team ?? before.team };
      what = `reassigned from ${before.workerId ?? '-'}/${before.team ?? '-'} to ${state.assignment.workerId ?? '-'}/${state.assignment.team ?? '-'}${event.reason ? `: ${event.reason}` : ''}`;
      break;
    }
    case 'anchor': {
      const repeatable = shape.repeatableAnchors.includes(event.anchor);
      const previous = state.anchors[event.anchor];
      const dependants = input.rules.steps.filter(
        (s) => s.anchor === event.anchor || (s.also ?? []).some((a) => a.anchor === event.anchor) || (s.variants ?? []).some((v) => conditionAnchors(v.when).includes(event.anchor)),
      );
      const before = dependants.map((s) => ({ s, t: occurrenceTimes(cal, input, state, s, openOccurrence(state, s)) }));
      recordAnchor(state, event.anchor, event.at, repeatable);
      if (event.kind) (state.anchorKinds[event.anchor] ??= []).push({ at: event.at, kind: event.kind });
      what = repeatable && previous ? `${event.anchor}${event.kind ? ` (${event.kind})` : ''} recorded again at ${event.at} (earlier: ${state.anchorLog[event.anchor].slice(0, -1).join(', ')})` : `anchor ${event.anchor}${event.kind ? ` (${event.kind})` : ''} ${previous ? `moved from ${previous} ` : ''}set to ${event.at}`;
      // Say what the new value does to each rule counted from it (the history shows why a date moved, or why not).
      for (const { s, t } of before) {
        if (completionOf(state, s, openOccurrence(state, s))) continue;
        const after = occurrenceTimes(cal, input, state, s, openOccurrence(state, s));
        if (!after) continue;
        const pick = typeof s.anchorPick === 'object' ? `the ${event.anchor} on or before ${s.anchorPick.latestOnOrBefore}` : `the ${s.anchorPick ?? 'latest'} ${event.anchor}`;
        what += t?.due.dueDate === after.due.dueDate ? `; ${s.key} stays due ${after.due.dueDate} (counted from ${pick}, ${after.fromRaw})` : `; ${s.key} now due ${after.due.dueDate}${t ? ` (was ${t.due.dueDate})` : ''}, counted from ${after.timing.anchorLabel} ${after.fromRaw}`;
      }
      const ending = shape.endingAnchors?.[event.anchor];
      if (ending) {
        state.finished = { reason: `${ending} on ${event.at}`, at, step: event.anchor, outcome: event.anchor };
        what += `; the process ends: ${ending}`;
      }
      break;
    }
    case 'set-interval': {
      const previous = state.intervals[event.step];
      state.intervals[event.step] = { every: event.every, reason: event.reason.trim(), recordedAt: at, ...(event.agreedBy ? { agreedBy: event.agreedBy } : {}), ...(event.by ? { by: event.by } : {}) };
      what = `${event.step} interval set to ${durationWords(event.every)}${previous ? ` (was ${durationWords(previous.every)})` : ''}${event.agreedBy ? `, agreed by the ${event.agreedBy}` : ''}: ${event.reason.trim()}`;
      break;
    }
    case 'close':
      state.closed = { reason: event.reason.trim(), at, ...(event.by ? { by: event.by } : {}) };
      what = `closed: ${event.reason.trim()}`;
      if (state.pendingHandover) what += `; the refused hand-over to ${state.pendingHandover.type} will not be made`;
      delete state.pendingHandover;
      break;
    case 'resolve-alarm': {
      const alarm = openAlarms(state).find((a) => a.key === event.alarm)!;
      what = `alarm ${alarm.key} resolved by hand: ${event.reason.trim()}`;
      // A refused hand-over resolved by hand will not be tried again.
      if (alarm.kind === 'handover-refused') delete state.pendingHandover;
      break;
    }
    case 'hand-over': {
      const pending = state.pendingHandover!;
      pending.anchors = { ...pending.anchors, ...(event.anchors ?? {}) };
      if (event.anchorKinds) pending.anchorKinds = { ...(pending.anchorKinds ?? {}), ...event.anchorKinds };
      pending.retry = true;
      const given = Object.entries(event.anchors ?? {}).map(([k, v]) => `${k} ${v}`);
      what = `for the refused hand-over to ${pending.type}: ${given.length ? `recorded ${given.join(', ')}` : 'asked to try again'}; it is tried again now`;
      break;
    }
    case 'withdraw':
      state.finished = { reason: `withdrawn by the complainant on ${event.occurredAt}: ${event.reason.trim()}`, at, step: 'withdraw', outcome: 'withdrawn' };
      what = `${state.finished.reason}; open steps lapse`;
      break;
  }
  if (event.eventId) rememberEventId(state, event.eventId, eventBody(event), event.by);
  record(state, at, what, event.by, typedIn(event, replacedAnchor));
  // After the line that says why: a close ends every alarm, a resolution the one it names.
  if (event.type === 'close') clearAlarms(state, at, `the process was closed by ${event.by ?? 'a manager'} with a reason`, undefined, event.by);
  if (event.type === 'resolve-alarm') clearAlarm(state, openAlarms(state).find((a) => a.key === event.alarm)!, at, `resolved by ${event.by ?? 'a manager'} with a reason`, event.by);
  // An event refused for this child (with its family's) is made good by the same fact recorded since.
  for (const alarm of openAlarms(state)) {
    const w = alarm.clearsWith;
    if (!w) continue;
    if ((event.type === 'step-completed' && w.step === event.step && !(event.seen === false)) || (event.type === 'anchor' && w.anchor === event.anchor)) {
      clearAlarm(state, alarm, at, `${event.type === 'anchor' ? event.anchor : event.step} recorded since`, event.by);
    }
  }
  return what;
}

function rememberEventId(state: ClockState, eventId: string, body: string, by: string | undefined) {
  state.recentEventIds.push(eventId);
  state.eventBodies = { ...(state.eventBodies ?? {}), [eventId]: body };
  state.eventSenders = { ...(state.eventSenders ?? {}), ...(by ? { [eventId]: by } : {}) };
  if (state.recentEventIds.length > MAX_EVENT_IDS) {
    for (const gone of state.recentEventIds.splice(0, state.recentEventIds.length - MAX_EVENT_IDS)) {
      delete state.eventBodies[gone];
      delete state.eventSenders[gone];
    }
  }
}

/**
 * An event whose id was applied already: the same body is a retry (applied once, so accepted as a no-op);
 * another body under that id is refused as a conflict naming what differs, never silently dropped. Ids
 * recorded before bodies were kept are taken as retries.
 */
export function repeatedEvent(state: ClockState, event: ClockEvent): Rejection | undefined {
  const earlier = event.eventId ? state.eventBodies?.[event.eventId] : undefined;
  if (!earlier) return undefined;
  const differs = bodyDifferences(earlier, eventBody(event));
  if (!differs.length) return undefined;
  return { field: differs[0], message: `event ${event.eventId} was recorded with another body (it differs in ${differs.join(', ')}); a new event needs a new eventId`, conflict: true };
}

/** What a person typed into an event that is theirs to know, not the namespace's: reasons, birth dates. */
function typedIn(event: ClockEvent, replacedAnchor: string | undefined): string[] {
  switch (event.type) {
    case 'extend':
    case 'set-interval':
    case 'close':
    case 'withdraw':
    case 'resolve-alarm':
      return [event.reason.trim()];
    case 'reassign':
      return event.reason ? [event.reason] : [];
    case 'anchor':
      return PERSONAL_ANCHORS.includes(event.anchor) ? [event.at, replacedAnchor ?? ''] : [];
    case 'hand-over':
      return Object.entries(event.anchors ?? {}).filter(([k]) => PERSONAL_ANCHORS.includes(k)).map(([, v]) => v);
    default:
      return [];
  }
}

export { record as recordHistory };
