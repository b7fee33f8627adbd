/** `set-interval`: An interval agreed for this child, within what the profile allows. */
import type { ClockEvent } from './contract';
import { type Unit, computeDue, durationWords } from '../calendar/due';
import { londonDate, parseMoment } from '../calendar/london';
import type { ApplyContext, CheckContext, EventHandler, Rejection } from './shared';

function check(
  { input, now, cal }: CheckContext,
  event: Extract<ClockEvent, { type: 'set-interval' }>,
): Rejection | undefined {
  const rule = input.rules.steps.find((s) => s.key === event.step);
  if (!rule) return { field: 'step', message: `unknown step '${event.step}' for ${input.processType}` };
  if (!rule.repeat) return { field: 'step', message: `'${event.step}' is not a recurring step` };
  const adjustable = rule.repeat.adjustable;
  if (!adjustable)
    return {
      field: 'step',
      message: `${input.rules.profileName} sets the interval of '${event.step}' (${durationWords(rule.repeat.every)}); it cannot be changed per child`,
      conflict: true,
    };
  if (!event.reason || event.reason.trim().length < 3)
    return { field: 'reason', message: 'a reason is required to set an interval' };
  // Compare intervals by the dates they give from the same day, so units need not match.
  const ref = parseMoment(londonDate(now));
  const dateOf = (d: { value: number; unit: Unit }) => computeDue(cal, ref, d).dueDate;
  const proposed = dateOf(event.every);
  if (proposed > dateOf(rule.repeat.every)) {
    if (!adjustable.loosest && !adjustable.anyInterval)
      return {
        field: 'every',
        message: `${durationWords(event.every)} is less often than ${input.rules.profileName}'s ${durationWords(rule.repeat.every)}; its standards allow no longer interval`,
      };
    if (adjustable.loosest && proposed > dateOf(adjustable.loosest))
      return {
        field: 'every',
        message: `${durationWords(event.every)} is longer than the loosest interval ${input.rules.profileName} allows (${durationWords(adjustable.loosest)})`,
      };
    if (adjustable.approverRole && event.agreedBy !== adjustable.approverRole)
      return {
        field: 'agreedBy',
        message: `a longer interval for '${event.step}' must be agreed by the ${adjustable.approverRole} (agreedBy: '${adjustable.approverRole}')`,
      };
  }
  return undefined;
}

function apply({ state, at }: ApplyContext, event: Extract<ClockEvent, { type: 'set-interval' }>): string {
  const previous = state.intervals[event.step];
  state.intervals[event.step] = {
    every: event.every,
    reason: event.reason.trim(),
    recordedAt: at,
    ...(event.agreedBy ? { agreedBy: event.agreedBy } : {}),
    ...(event.by ? { by: event.by } : {}),
  };
  const what = `${event.step} interval set to ${durationWords(event.every)}${previous ? ` (was ${durationWords(previous.every)})` : ''}${event.agreedBy ? `, agreed by the ${event.agreedBy}` : ''}: ${event.reason.trim()}`;
  return what;
}

export const setInterval: EventHandler<'set-interval'> = { check, apply, typed: (event) => [event.reason.trim()] };
