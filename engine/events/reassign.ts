/** `reassign`: A new worker or team for the case. */
import type { ClockEvent } from './contract';
import type { ApplyContext, CheckContext, EventHandler, Rejection } from './shared';

function check(_context: CheckContext, event: Extract<ClockEvent, { type: 'reassign' }>): Rejection | undefined {
  if (!event.workerId && !event.team) return { field: 'workerId', message: 'give workerId, team or both' };
  return undefined;
}

function apply({ state }: ApplyContext, event: Extract<ClockEvent, { type: 'reassign' }>): string {
  const before = state.assignment;
  state.assignment = { workerId: event.workerId ?? before.workerId, team: event.team ?? before.team };
  const what = `reassigned from ${before.workerId ?? '-'}/${before.team ?? '-'} to ${state.assignment.workerId ?? '-'}/${state.assignment.team ?? '-'}${event.reason ? `: ${event.reason}` : ''}`;
  return what;
}

export const reassign: EventHandler<'reassign'> = {
  check,
  apply,
  typed: (event) => (event.reason ? [event.reason] : []),
};
