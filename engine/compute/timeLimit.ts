/**
 * Whether a process began within its time limit (a complaint made within a year of the matter, reg 9 of
 * the 2006 regulations). Pure: the API refuses a late start without a recorded decision; the view shows it.
 */
import { addDays, addMonths } from '../calendar/localDate';
import { parseMoment } from '../calendar/london';
import { formatSource } from '../explain/explain';
import type { ClockInput, ClockView } from '../types';

/** Counted in calendar time only: the limit may lie years before the calendar's bank-holiday coverage. */
export const TIME_LIMIT_UNITS = ['calendar-days', 'weeks', 'months'] as const;

export function timeLimitOf(
  input: Pick<ClockInput, 'rules' | 'lateAccepted'>,
  anchors: Record<string, string>,
): ClockView['timeLimit'] {
  const limit = input.rules.timeLimit;
  if (!limit || !anchors[limit.anchor] || !anchors[limit.of]) return undefined;
  const from = parseMoment(anchors[limit.anchor]).date;
  const { value, unit } = limit.within;
  const limitDate = unit === 'months' ? addMonths(from, value) : addDays(from, unit === 'weeks' ? value * 7 : value);
  const late = parseMoment(anchors[limit.of]).date > limitDate;
  return {
    anchor: limit.anchor,
    limitDate,
    late,
    ...(late && input.lateAccepted ? { acceptedLate: input.lateAccepted } : {}),
    source: formatSource(limit.source),
  };
}
