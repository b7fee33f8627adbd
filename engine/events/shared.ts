/** What every event module shares: the context it is checked and applied in, and the checks of moments. */
import { CalendarInputError } from '../calendar/localDate';
import { type ParsedMoment, formatLondon, londonDate, parseMoment } from '../calendar/london';
import type { WorkingDayCalendar } from '../calendar/workingDays';
import type { ProcessShape } from '../catalogue';
import { pickAnchor } from '../compute/occurrences';
import type { ClockInput, ClockState } from '../types';
import type { ClockEvent } from './contract';

/** System clocks drift between a case system and the worker; a completion up to this far "ahead" is accepted. */
export const FUTURE_SKEW_MS = 5 * 60_000;
export const MAX_EVENT_IDS = 200;

export interface Rejection {
  field: string;
  message: string;
  /** 409 for a conflict with the process's state, 422 otherwise. */
  conflict?: boolean;
  /** 403: the profile needs another role's approval (an extension only the complaints manager may agree). */
  forbidden?: boolean;
}

/** What a check reads: the clock's input and facts, the time now, and the calendar it counts on. */
export interface CheckContext {
  input: ClockInput;
  state: ClockState;
  now: number;
  shape: ProcessShape;
  cal: WorkingDayCalendar;
}

/** What an apply changes (state) and the London time it records the change at. */
export interface ApplyContext extends CheckContext {
  at: string;
}

/**
 * One event type: its check (a rejection changes nothing and leaves no trace in history), its apply (run
 * only after the check accepted it; returns the line history records) and what a person typed into it
 * that is theirs to know rather than the namespace's (reasons, birth dates), withheld from the memo.
 */
export interface EventHandler<T extends ClockEvent['type']> {
  check(context: CheckContext, event: Extract<ClockEvent, { type: T }>): Rejection | undefined;
  apply(context: ApplyContext, event: Extract<ClockEvent, { type: T }>): string;
  typed?(event: Extract<ClockEvent, { type: T }>, replacedAnchor: string | undefined): string[];
}

/** Later than now: a datetime beyond the allowed skew, or a date after today (London). */
export function inFuture(at: ParsedMoment, now: number): boolean {
  return at.hasTime ? at.at > now + FUTURE_SKEW_MS : at.date > londonDate(now);
}

/** The refusal of a moment that has not happened yet, with what to do instead. */
export function notYet(
  at: ParsedMoment,
  raw: string,
  field: string,
  now: number,
  instead?: string,
): Rejection | undefined {
  return inFuture(at, now)
    ? { field, message: `${raw} is in the future (now ${formatLondon(now)})${instead ? `; ${instead}` : ''}` }
    : undefined;
}

/** Why a date alone cannot record `anchor`: an hour rule counts from it (a date would leave that step without a date). */
export function hourRuleFrom(input: ClockInput, anchor: string): string | undefined {
  for (const rule of input.rules.steps) {
    // The rule's own timing or another it has (York's discussion: 1 WD, or 24 hours from immediate concerns).
    const timing = [rule, ...(rule.also ?? [])].find((t) => t.anchor === anchor && t.due.unit === 'hours');
    if (timing)
      return `'${anchor}' starts a ${timing.due.value}-hour clock (${rule.key}): give its time and offset, not a date alone`;
  }
  return undefined;
}

export function moment(value: string, field: string) {
  try {
    return parseMoment(value, field);
  } catch (err) {
    if (err instanceof CalendarInputError) return { error: { field, message: err.message } as Rejection };
    throw err;
  }
}

/** Repeatable anchors keep every value (the current one is the latest); others are replaced. */
export function recordAnchor(state: ClockState, anchor: string, value: string, repeatable: boolean) {
  state.anchorLog[anchor] = repeatable ? [...(state.anchorLog[anchor] ?? []), value] : [value];
  state.anchors[anchor] = pickAnchor(state, anchor, 'latest')!;
}
