/**
 * Checking and applying events to a clock's facts. Pure: the Update validator calls checkEvent (a
 * rejection changes nothing and leaves no trace in history); the handler then calls applyEvent. Each
 * event type is one module holding its check and its apply; this one dispatches and does what every
 * event shares (an ended process refuses, ids are remembered, history is written, alarms clear).
 */
import { formatLondon } from '../calendar/london';
import { CalendarCoverageError, WorkingDayCalendar } from '../calendar/workingDays';
import { type ProcessShape, shapeOf } from '../catalogue';
import { clearAlarm, clearAlarms, openAlarms } from '../decide/alarms';
import { recordHistory as record } from '../history';
import type { ClockInput, ClockState } from '../types';
import type { ClockEvent } from './contract';
import { bodyDifferences, eventBody } from './sameEvent';
import type { EventHandler, Rejection } from './shared';
import { anchor } from './anchor';
import { close } from './close';
import { extend } from './extend';
import { handOver } from './handOver';
import { reassign } from './reassign';
import { resolveAlarm } from './resolveAlarm';
import { setInterval } from './setInterval';
import { stepCompleted } from './stepCompleted';
import { withdraw } from './withdraw';

export { FUTURE_SKEW_MS, inFuture, type Rejection } from './shared';
export { extensionLimit } from './extend';

export const MAX_EVENT_IDS = 200;

const HANDLERS: { [T in ClockEvent['type']]: EventHandler<T> } = {
  'step-completed': stepCompleted,
  extend,
  reassign,
  anchor,
  'set-interval': setInterval,
  close,
  'hand-over': handOver,
  'resolve-alarm': resolveAlarm,
  withdraw,
};

/** The module of the event's type; undefined for a type no module handles (a body the schema did not check). */
function handlerOf(event: ClockEvent): EventHandler<ClockEvent['type']> | undefined {
  // Each module takes its own type only; the dispatch by event.type is what guarantees it.
  return (HANDLERS as unknown as Record<string, EventHandler<ClockEvent['type']> | undefined>)[event.type];
}

export function checkEvent(
  input: ClockInput,
  state: ClockState,
  event: ClockEvent,
  now: number,
  shape: ProcessShape = shapeOf(input.processType),
): Rejection | undefined {
  if (state.closed)
    return {
      field: 'type',
      message: `the process was closed on ${state.closed.at} (${state.closed.reason})`,
      conflict: true,
    };
  // An ended process still open for an alarm (its hand-over refused) takes the missing fact, or a manager's close.
  const alarmOpen = openAlarms(state).length > 0;
  if (
    state.finished &&
    !(alarmOpen && (event.type === 'hand-over' || event.type === 'close' || event.type === 'resolve-alarm'))
  ) {
    return {
      field: 'type',
      message: `the process ended on ${state.finished.at}: ${state.finished.reason}`,
      conflict: true,
    };
  }
  const cal = WorkingDayCalendar.of(input.calendar);
  const handler = handlerOf(event);
  if (!handler) return { field: 'type', message: `unknown event type '${(event as { type: string }).type}'` };
  try {
    return handler.check({ input, state, now, shape, cal }, event);
  } catch (err) {
    if (err instanceof CalendarCoverageError) return { field: 'type', message: err.message };
    throw err;
  }
}

/** Applies an event that checkEvent accepted. Returns a one-line description for history and the UI. */
export function applyEvent(
  input: ClockInput,
  state: ClockState,
  event: ClockEvent,
  now: number,
  shape: ProcessShape = shapeOf(input.processType),
): string {
  const at = formatLondon(now);
  const cal = WorkingDayCalendar.of(input.calendar);
  // A birth date being corrected: the value it replaces is withheld from the memo too.
  const replacedAnchor = event.type === 'anchor' ? state.anchors[event.anchor] : undefined;
  const handler = handlerOf(event)!;
  const what = handler.apply({ input, state, now, shape, cal, at }, event);
  if (event.eventId) rememberEventId(state, event.eventId, eventBody(event), event.by);
  record(state, at, what, event.by, handler.typed?.(event, replacedAnchor) ?? []);
  // After the line that says why: a close ends every alarm, a resolution the one it names.
  if (event.type === 'close')
    clearAlarms(state, at, `the process was closed by ${event.by ?? 'a manager'} with a reason`, undefined, event.by);
  if (event.type === 'resolve-alarm')
    clearAlarm(
      state,
      openAlarms(state).find((a) => a.key === event.alarm)!,
      at,
      `resolved by ${event.by ?? 'a manager'} with a reason`,
      event.by,
    );
  // An event refused for this child (with its family's) is made good by the same fact recorded since.
  for (const alarm of openAlarms(state)) {
    const w = alarm.clearsWith;
    if (!w) continue;
    if (
      (event.type === 'step-completed' && w.step === event.step && !(event.seen === false)) ||
      (event.type === 'anchor' && w.anchor === event.anchor)
    ) {
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
  return {
    field: differs[0],
    message: `event ${event.eventId} was recorded with another body (it differs in ${differs.join(', ')}); a new event needs a new eventId`,
    conflict: true,
  };
}

export { record as recordHistory };
