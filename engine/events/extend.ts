/** `extend`: An extension of a step's deadline, within the profile's maximum and with its approver. */
import type { ClockEvent } from './contract';
import { computeDue, durationWords } from '../calendar/due';
import { londonDate, parseMoment } from '../calendar/london';
import { completionOf, occurrenceTimes, openOccurrence } from '../compute/occurrences';
import { formatSource } from '../explain/explain';
import { WorkingDayCalendar } from '../calendar/workingDays';
import type { ClockInput, ClockState } from '../types';
import { type ApplyContext, type CheckContext, type EventHandler, moment, notYet, type Rejection } from './shared';

/** The furthest date an extension of `step` may reach, or a rejection. */
export function extensionLimit(
  input: ClockInput,
  state: ClockState,
  step: string,
): { maxDate: string; base: string } | Rejection {
  const rule = input.rules.steps.find((s) => s.key === step)!;
  if (!rule.extension) {
    return { field: 'step', message: `${input.rules.profileName} allows no extension of '${step}'`, conflict: true };
  }
  const cal = WorkingDayCalendar.of(input.calendar);
  const occurrence = openOccurrence(state, rule);
  const t = occurrenceTimes(cal, input, state, rule, occurrence);
  if (!t)
    return {
      field: 'step',
      message: `'${step}' has no due date yet (anchor '${rule.anchor}' not recorded)`,
      conflict: true,
    };
  const due = computeDue(cal, t.from, rule.extension.max, {
    withClosures: rule.kind === 'local',
    anchorOnNonWorkingDay: input.rules.anchorOnNonWorkingDay,
  });
  const last = (state.extensions[step] ?? []).filter((e) => (e.occurrence ?? 1) === occurrence).at(-1);
  return { maxDate: due.dueDate, base: last?.until ?? t.due.dueDate };
}

function check(
  { input, state, now }: CheckContext,
  event: Extract<ClockEvent, { type: 'extend' }>,
): Rejection | undefined {
  const rule = input.rules.steps.find((s) => s.key === event.step);
  if (!rule) return { field: 'step', message: `unknown step '${event.step}' for ${input.processType}` };
  if (completionOf(state, rule, openOccurrence(state, rule)))
    return { field: 'step', message: `'${event.step}' is already completed`, conflict: true };
  if (!event.reason || event.reason.trim().length < 3)
    return { field: 'reason', message: 'a reason is required for an extension' };
  const limit = extensionLimit(input, state, event.step);
  if ('field' in limit) return limit;
  if (rule.extension?.approverRole && event.byRole !== rule.extension.approverRole && event.byRole !== 'admin') {
    return {
      field: 'type',
      forbidden: true,
      message: `extending '${event.step}' needs the approval of the ${rule.extension.approverRole}: the ${rule.extension.approverRole} sends it (${formatSource(rule.extension.source)})`,
    };
  }
  if (rule.extension?.complainantAgreement && event.agreedWithComplainant !== true) {
    return {
      field: 'agreedWithComplainant',
      message: `extending '${event.step}' must be agreed with the complainant first; send agreedWithComplainant: true once it is (${formatSource(rule.extension.source)})`,
    };
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
    return {
      field: event.agreedAt ? 'agreedAt' : 'type',
      message: `'${event.step}' was due ${limit.base}; a statutory extension must be agreed by then (agreed ${agreedOn}${event.agreedAt ? '' : ', today: give agreedAt if it was agreed earlier'}); after it the step is late`,
    };
  }
  const until = event.until ?? limit.maxDate;
  const u = moment(until, 'until');
  if ('error' in u) return u.error;
  if (until > limit.maxDate)
    return {
      field: 'until',
      message: `${until} is past the maximum for '${event.step}' (${durationWords(rule.extension!.max)} from ${rule.anchor}: ${limit.maxDate})`,
    };
  if (until <= limit.base)
    return { field: 'until', message: `${until} does not extend '${event.step}' beyond ${limit.base}` };
  return undefined;
}

function apply({ input, state, at }: ApplyContext, event: Extract<ClockEvent, { type: 'extend' }>): string {
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
  const what = `${event.step} ${rule.extension!.statutory ? 'extended' : 'given a revised target'} from ${base} to ${until} (the maximum is ${maxDate})${event.agreedWithComplainant ? ', agreed with the complainant' : ''}: ${event.reason.trim()}`;
  return what;
}

export const extend: EventHandler<'extend'> = { check, apply, typed: (event) => [event.reason.trim()] };
