/** `step-completed`: A step done (a visit with whether the child was seen, a decision with its outcome). */
import type { ClockEvent } from './contract';
import { momentBefore, parseMoment } from '../calendar/london';
import { completionOf, occurrenceTimes, openOccurrence } from '../compute/occurrences';
import { stepLabel } from '../explain/explain';
import type { ClockInput } from '../types';
import {
  type ApplyContext,
  type CheckContext,
  type EventHandler,
  hourRuleFrom,
  moment,
  notYet,
  recordAnchor,
  type Rejection,
} from './shared';

function waitingFor(rule: ClockInput['rules']['steps'][number]): string {
  const alternatives = (rule.also ?? []).map((a) => a.anchor);
  return [rule.anchor, ...alternatives].map((a) => `'${a}'`).join(' or ');
}

function check(
  { input, state, now, shape, cal }: CheckContext,
  event: Extract<ClockEvent, { type: 'step-completed' }>,
): Rejection | undefined {
  const rule = input.rules.steps.find((s) => s.key === event.step);
  if (!rule)
    return {
      field: 'step',
      message: `unknown step '${event.step}' for ${input.processType} (steps: ${input.rules.steps.map((s) => s.key).join(', ')})`,
    };
  if (rule.window)
    return {
      field: 'step',
      message: `'${event.step}' is the complainant's window: record their request as {type: 'anchor', anchor: '${rule.window.closedBy}', at}`,
    };
  const occurrence = openOccurrence(state, rule);
  const already = completionOf(state, rule, occurrence);
  if (already)
    return {
      field: 'step',
      message: `'${stepLabel(rule, occurrence)}' was already completed at ${already.occurredAt}`,
      conflict: true,
    };
  const at = moment(event.occurredAt, 'occurredAt');
  if ('error' in at) return at.error;
  const future = notYet(at, event.occurredAt, 'occurredAt', now, 'a step cannot be completed ahead of time');
  if (future) return future;
  const t = occurrenceTimes(cal, input, state, rule, occurrence);
  if (!t && !rule.completableBeforeAnchor) {
    return {
      field: 'step',
      message: `'${event.step}' counts from ${waitingFor(rule)}, which has not been recorded yet: record that first`,
      conflict: true,
    };
  }
  if (t && !rule.completableBeforeAnchor && momentBefore(at, t.from)) {
    return {
      field: 'occurredAt',
      message: `${event.occurredAt} is before ${t.timing.anchorLabel} (${t.fromRaw}), which '${stepLabel(rule, occurrence)}' counts from`,
    };
  }
  for (const required of rule.requires ?? []) {
    const req = input.rules.steps.find((s) => s.key === required)!;
    const applies = occurrenceTimes(cal, input, state, req, 1) !== undefined;
    if (applies && !(state.completions[required] ?? []).length) {
      return {
        field: 'step',
        message: `'${event.step}' cannot be recorded before '${required}' is completed`,
        conflict: true,
      };
    }
  }
  // What this completion records (the step itself, an anchor its outcome sets) may start an hour rule.
  const sets = event.outcome ? shape.outcomes[event.step]?.[event.outcome]?.setsAnchor : undefined;
  const hourly = !at.hasTime && (hourRuleFrom(input, event.step) || (sets && hourRuleFrom(input, sets)));
  if (hourly) return { field: 'occurredAt', message: hourly };
  if (rule.visit && event.seen === undefined)
    return {
      field: 'seen',
      message: `'${event.step}' is a visit: say whether the child was seen (seen: true, or false for a no-access visit)`,
    };
  const allowed = shape.outcomes[event.step] ? Object.keys(shape.outcomes[event.step]) : undefined;
  const noAccess = rule.visit && event.seen === false;
  if (allowed && !event.outcome)
    return { field: 'outcome', message: `'${event.step}' needs an outcome: one of ${allowed.join(', ')}` };
  if (allowed && event.outcome && !allowed.includes(event.outcome))
    return {
      field: 'outcome',
      message: `'${event.outcome}' is not an outcome of '${event.step}' (one of ${allowed.join(', ')})`,
    };
  if ((!allowed || noAccess) && event.outcome) return { field: 'outcome', message: `'${event.step}' takes no outcome` };
  if (event.immediateConcern !== undefined) {
    const immediate = event.outcome ? shape.outcomes[event.step]?.[event.outcome]?.immediateConcern : undefined;
    if (!immediate)
      return {
        field: 'immediateConcern',
        message: `only a decision for a strategy discussion records immediate concerns, not '${event.step}'${event.outcome ? ` with outcome '${event.outcome}'` : ''}`,
      };
    if (event.immediateConcern && !at.hasTime)
      return {
        field: 'occurredAt',
        message:
          'immediate concerns are counted in hours from the decision: give its time and offset, not a date alone',
      };
  }
  return undefined;
}

function apply(
  { input, state, shape, cal, at }: ApplyContext,
  event: Extract<ClockEvent, { type: 'step-completed' }>,
): string {
  let what: string;
  const rule = input.rules.steps.find((s) => s.key === event.step)!;
  const occurrence = openOccurrence(state, rule);
  const label = stepLabel(rule, occurrence);
  if (rule.visit && event.seen === false) {
    (state.noAccess[event.step] ??= []).push({
      occurrence,
      occurredAt: event.occurredAt,
      recordedAt: at,
      ...(event.by ? { by: event.by } : {}),
    });
    what = `${label}: visit on ${event.occurredAt}, child NOT seen (no access); the team manager is told and the visit is still due`;
    return what;
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
  if (input.rules.anchors.includes(event.step))
    recordAnchor(state, event.step, event.occurredAt, shape.repeatableAnchors.includes(event.step));
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
  if (effect?.ends)
    state.finished = {
      reason: `${event.step} outcome ${event.outcome}: ${effect.means}`,
      at,
      step: event.step,
      outcome: event.outcome!,
    };
  const last = shape.completionEnds?.[event.step];
  if (last) {
    state.finished = { reason: `${event.step} completed: ${last}`, at, step: event.step, outcome: 'completed' };
    what += `; the process ends: ${last}`;
  }
  return what;
}

export const stepCompleted: EventHandler<'step-completed'> = { check, apply };
