/** `withdraw`: The complainant's withdrawal, at any stage. */
import type { ClockEvent } from './contract';
import { momentBefore, parseMoment } from '../calendar/london';
import { type ApplyContext, type CheckContext, type EventHandler, moment, notYet, type Rejection } from './shared';

function check(
  { input, state, now, shape }: CheckContext,
  event: Extract<ClockEvent, { type: 'withdraw' }>,
): Rejection | undefined {
  if (!shape.withdrawable)
    return {
      field: 'type',
      message: `a ${input.processType} cannot be withdrawn; a manager closes it with {type: 'close', reason}`,
    };
  if (!event.reason || event.reason.trim().length < 3)
    return { field: 'reason', message: 'a reason is required to record a withdrawal' };
  const at = moment(event.occurredAt, 'occurredAt');
  if ('error' in at) return at.error;
  const future = notYet(at, event.occurredAt, 'occurredAt', now, 'record a withdrawal once it has happened');
  if (future) return future;
  // The anchor it cannot start without is when it began (a complaint's receipt).
  const began = (shape.requiredAnchors ?? []).map((a) => state.anchors[a]).find(Boolean);
  if (began && momentBefore(at, parseMoment(began)))
    return { field: 'occurredAt', message: `${event.occurredAt} is before the process began (${began})` };
  return undefined;
}

function apply({ state, at }: ApplyContext, event: Extract<ClockEvent, { type: 'withdraw' }>): string {
  state.finished = {
    reason: `withdrawn by the complainant on ${event.occurredAt}: ${event.reason.trim()}`,
    at,
    step: 'withdraw',
    outcome: 'withdrawn',
  };
  const what = `${state.finished.reason}; open steps lapse`;
  return what;
}

export const withdraw: EventHandler<'withdraw'> = { check, apply, typed: (event) => [event.reason.trim()] };
