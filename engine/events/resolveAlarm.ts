/** `resolve-alarm`: An alarm put right outside the process, by hand, with a reason. */
import type { ClockEvent } from './contract';
import { openAlarms } from '../decide/alarms';
import type { ApplyContext, CheckContext, EventHandler, Rejection } from './shared';

function check({ state }: CheckContext, event: Extract<ClockEvent, { type: 'resolve-alarm' }>): Rejection | undefined {
  const open = openAlarms(state);
  if (!open.some((a) => a.key === event.alarm))
    return {
      field: 'alarm',
      message: `no open alarm '${event.alarm}' (open: ${open.map((a) => a.key).join(', ') || 'none'})`,
      conflict: true,
    };
  if (!event.reason || event.reason.trim().length < 3)
    return { field: 'reason', message: 'a reason is required to resolve an alarm' };
  return undefined;
}

function apply({ state }: ApplyContext, event: Extract<ClockEvent, { type: 'resolve-alarm' }>): string {
  const alarm = openAlarms(state).find((a) => a.key === event.alarm)!;
  const what = `alarm ${alarm.key} resolved by hand: ${event.reason.trim()}`;
  // A refused hand-over resolved by hand will not be tried again.
  if (alarm.kind === 'handover-refused') delete state.pendingHandover;
  return what;
}

export const resolveAlarm: EventHandler<'resolve-alarm'> = { check, apply, typed: (event) => [event.reason.trim()] };
