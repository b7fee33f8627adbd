/** `close`: A manager's close, with a reason: every open step lapses. */
import type { ClockEvent } from './contract';
import type { ApplyContext, CheckContext, EventHandler, Rejection } from './shared';

function check(_context: CheckContext, event: Extract<ClockEvent, { type: 'close' }>): Rejection | undefined {
  if (!event.reason || event.reason.trim().length < 3)
    return { field: 'reason', message: 'a reason is required to close a process' };
  return undefined;
}

function apply({ state, at }: ApplyContext, event: Extract<ClockEvent, { type: 'close' }>): string {
  state.closed = { reason: event.reason.trim(), at, ...(event.by ? { by: event.by } : {}) };
  let what = `closed: ${event.reason.trim()}`;
  if (state.pendingHandover) what += `; the refused hand-over to ${state.pendingHandover.type} will not be made`;
  delete state.pendingHandover;
  return what;
}

export const close: EventHandler<'close'> = { check, apply, typed: (event) => [event.reason.trim()] };
