/**
 * Checking and applying events to a clock's facts. Pure: the Update validator calls checkEvent (a
 * rejection changes nothing and leaves no trace in history); the handler then calls applyEvent.
 */
import { computeDue } from '../../calendar/due';
import { CalendarInputError } from '../../calendar/localDate';
import { formatLondon, londonDate, parseMoment } from '../../calendar/london';
import { CalendarCoverageError, WorkingDayCalendar } from '../../calendar/workingDays';
import type { ClockEvent } from '../contracts/events';
import type { ClockInput, ClockState } from './types';

/** Clocks drift between a case system and the worker; a completion up to this far "ahead" is accepted. */
export const FUTURE_SKEW_MS = 5 * 60_000;
export const MAX_HISTORY = 200;

export interface Rejection {
  field: string;
  message: string;
  /** 409 for a conflict with the process's state, 422 otherwise. */
  conflict?: boolean;
}

export interface StepOutcomes {
  [step: string]: readonly string[];
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
export function extensionLimit(input: ClockInput, state: ClockState, step: string): { maxDate: string } | Rejection {
  const rule = input.rules.steps.find((s) => s.key === step)!;
  if (!rule.extension) {
    return { field: 'step', message: `${input.rules.profileName} allows no extension of '${step}'`, conflict: true };
  }
  const raw = state.anchors[rule.anchor];
  if (!raw) return { field: 'step', message: `'${step}' has no due date yet (anchor '${rule.anchor}' not recorded)`, conflict: true };
  const cal = new WorkingDayCalendar(input.calendar);
  const due = computeDue(cal, parseMoment(raw), rule.extension.max, {
    withClosures: rule.kind === 'local',
    anchorOnNonWorkingDay: input.rules.anchorOnNonWorkingDay,
  });
  return { maxDate: due.dueDate };
}

export function checkEvent(input: ClockInput, state: ClockState, event: ClockEvent, now: number, outcomes: StepOutcomes): Rejection | undefined {
  if (state.closed) return { field: 'type', message: `the process was closed on ${state.closed.at} (${state.closed.reason})`, conflict: true };
  try {
    switch (event.type) {
      case 'step-completed': {
        const rule = input.rules.steps.find((s) => s.key === event.step);
        if (!rule) return { field: 'step', message: `unknown step '${event.step}' for ${input.processType} (steps: ${input.rules.steps.map((s) => s.key).join(', ')})` };
        const done = state.completions[event.step];
        if (done) return { field: 'step', message: `'${event.step}' was already completed at ${done.occurredAt}`, conflict: true };
        const at = moment(event.occurredAt, 'occurredAt');
        if ('error' in at) return at.error;
        const future = at.hasTime ? at.at > now + FUTURE_SKEW_MS : at.date > londonDate(now);
        if (future) return { field: 'occurredAt', message: `${event.occurredAt} is in the future (now ${formatLondon(now)}); a step cannot be completed ahead of time` };
        const anchorRaw = state.anchors[rule.anchor];
        if (anchorRaw && !rule.completableBeforeAnchor) {
          const anchor = parseMoment(anchorRaw);
          const before = at.hasTime && anchor.hasTime ? at.at < anchor.at : at.date < anchor.date;
          if (before) return { field: 'occurredAt', message: `${event.occurredAt} is before the step's anchor ${rule.anchor} (${anchorRaw}); this rule does not allow completion before its anchor` };
        }
        const allowed = outcomes[event.step];
        if (allowed && !event.outcome) return { field: 'outcome', message: `'${event.step}' needs an outcome: one of ${allowed.join(', ')}` };
        if (allowed && event.outcome && !allowed.includes(event.outcome)) return { field: 'outcome', message: `'${event.outcome}' is not an outcome of '${event.step}' (one of ${allowed.join(', ')})` };
        if (!allowed && event.outcome) return { field: 'outcome', message: `'${event.step}' takes no outcome` };
        return undefined;
      }
      case 'extend': {
        const rule = input.rules.steps.find((s) => s.key === event.step);
        if (!rule) return { field: 'step', message: `unknown step '${event.step}' for ${input.processType}` };
        if (state.completions[event.step]) return { field: 'step', message: `'${event.step}' is already completed`, conflict: true };
        if (!event.reason || event.reason.trim().length < 3) return { field: 'reason', message: 'a reason is required for an extension' };
        const limit = extensionLimit(input, state, event.step);
        if ('field' in limit) return limit;
        if (rule.extension?.approverRole && event.byRole !== rule.extension.approverRole && event.byRole !== 'admin') {
          return { field: 'type', message: `extending '${event.step}' needs the approval of the ${rule.extension.approverRole}` };
        }
        const until = event.until ?? limit.maxDate;
        const u = moment(until, 'until');
        if ('error' in u) return u.error;
        if (until > limit.maxDate) return { field: 'until', message: `${until} is past the maximum for '${event.step}' (${rule.extension!.max.value} ${rule.extension!.max.unit} from ${rule.anchor}: ${limit.maxDate})` };
        const cal = new WorkingDayCalendar(input.calendar);
        const base = state.extensions[event.step]?.at(-1)?.until ?? computeDue(cal, parseMoment(state.anchors[rule.anchor]), rule.due, { withClosures: rule.kind === 'local', anchorOnNonWorkingDay: input.rules.anchorOnNonWorkingDay }).dueDate;
        if (until <= base) return { field: 'until', message: `${until} does not extend '${event.step}' beyond ${base}` };
        return undefined;
      }
      case 'reassign':
        if (!event.workerId && !event.team) return { field: 'workerId', message: 'give workerId, team or both' };
        return undefined;
      case 'anchor': {
        if (!input.rules.anchors.includes(event.anchor)) return { field: 'anchor', message: `unknown anchor '${event.anchor}' for ${input.processType} (anchors: ${input.rules.anchors.join(', ')})` };
        const at = moment(event.at, 'at');
        if ('error' in at) return at.error;
        const dependent = input.rules.steps.filter((s) => s.anchor === event.anchor && state.completions[s.key]);
        if (dependent.length) return { field: 'anchor', message: `steps counted from '${event.anchor}' are already completed (${dependent.map((s) => s.key).join(', ')})`, conflict: true };
        return undefined;
      }
      case 'close':
        if (!event.reason || event.reason.trim().length < 3) return { field: 'reason', message: 'a reason is required to close a process' };
        return undefined;
      default:
        return { field: 'type', message: `unknown event type '${(event as { type: string }).type}'` };
    }
  } catch (err) {
    if (err instanceof CalendarCoverageError) return { field: 'type', message: err.message };
    throw err;
  }
}

function record(state: ClockState, at: string, what: string, by?: string) {
  state.history.push({ at, what, ...(by ? { by } : {}) });
  if (state.history.length > MAX_HISTORY) state.history.splice(0, state.history.length - MAX_HISTORY);
}

/** Applies an event that checkEvent accepted. Returns a one-line description for history and the UI. */
export function applyEvent(input: ClockInput, state: ClockState, event: ClockEvent, now: number): string {
  const at = formatLondon(now);
  let what: string;
  switch (event.type) {
    case 'step-completed':
      state.completions[event.step] = {
        occurredAt: event.occurredAt,
        recordedAt: at,
        ...(event.outcome ? { outcome: event.outcome } : {}),
        ...(event.seen !== undefined ? { seen: event.seen } : {}),
        ...(event.seenAlone !== undefined ? { seenAlone: event.seenAlone } : {}),
        ...(event.by ? { by: event.by } : {}),
      };
      what = `${event.step} completed at ${event.occurredAt}${event.outcome ? ` (outcome ${event.outcome})` : ''}`;
      break;
    case 'extend': {
      const limit = extensionLimit(input, state, event.step) as { maxDate: string };
      const rule = input.rules.steps.find((s) => s.key === event.step)!;
      const until = event.until ?? limit.maxDate;
      (state.extensions[event.step] ??= []).push({ until, reason: event.reason.trim(), recordedAt: at, statutory: rule.extension!.statutory, ...(event.by ? { by: event.by } : {}) });
      what = `${event.step} ${rule.extension!.statutory ? 'extended' : 'given a revised target'} to ${until}: ${event.reason.trim()}`;
      break;
    }
    case 'reassign': {
      const before = state.assignment;
      state.assignment = { workerId: event.workerId ?? before.workerId, team: event.team ?? before.team };
      what = `reassigned from ${before.workerId ?? '-'}/${before.team ?? '-'} to ${state.assignment.workerId ?? '-'}/${state.assignment.team ?? '-'}${event.reason ? `: ${event.reason}` : ''}`;
      break;
    }
    case 'anchor': {
      const previous = state.anchors[event.anchor];
      state.anchors[event.anchor] = event.at;
      what = `anchor ${event.anchor} ${previous ? `moved from ${previous} ` : ''}set to ${event.at}`;
      break;
    }
    case 'close':
      state.closed = { reason: event.reason.trim(), at, ...(event.by ? { by: event.by } : {}) };
      what = `closed: ${event.reason.trim()}`;
      break;
  }
  record(state, at, what, event.by);
  return what;
}

export { record as recordHistory };
