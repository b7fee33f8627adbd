/** `hand-over`: The fact a refused hand-over lacked: the hand-over is tried again. */
import type { ClockEvent } from './contract';
import { PERSONAL_ANCHORS } from '../catalogue';
import { type ApplyContext, type CheckContext, type EventHandler, moment, notYet, type Rejection } from './shared';

function check({ state, now }: CheckContext, event: Extract<ClockEvent, { type: 'hand-over' }>): Rejection | undefined {
  const pending = state.pendingHandover;
  if (!pending)
    return {
      field: 'type',
      message: `no hand-over is waiting: ${state.handedOver ? `${state.handedOver.to} was started at ${state.handedOver.at}` : 'none was refused'}`,
      conflict: true,
    };
  for (const [key, value] of Object.entries(event.anchors ?? {})) {
    const at = moment(value, `anchors.${key}`);
    if ('error' in at) return at.error;
    const future = notYet(at, value, `anchors.${key}`, now);
    if (future) return future;
  }
  for (const key of Object.keys(event.anchorKinds ?? {})) {
    if (!event.anchors?.[key] && !pending.anchors[key])
      return { field: `anchorKinds.${key}`, message: `'${key}' was not given in anchors` };
  }
  return undefined;
}

function apply({ state }: ApplyContext, event: Extract<ClockEvent, { type: 'hand-over' }>): string {
  const pending = state.pendingHandover!;
  pending.anchors = { ...pending.anchors, ...(event.anchors ?? {}) };
  if (event.anchorKinds) pending.anchorKinds = { ...(pending.anchorKinds ?? {}), ...event.anchorKinds };
  pending.retry = true;
  const given = Object.entries(event.anchors ?? {}).map(([k, v]) => `${k} ${v}`);
  const what = `for the refused hand-over to ${pending.type}: ${given.length ? `recorded ${given.join(', ')}` : 'asked to try again'}; it is tried again now`;
  return what;
}

export const handOver: EventHandler<'hand-over'> = {
  check,
  apply,
  typed: (event) =>
    Object.entries(event.anchors ?? {})
      .filter(([k]) => PERSONAL_ANCHORS.includes(k))
      .map(([, v]) => v),
};
