/**
 * What a years-long process carries across continue-as-new: the facts still needed for due dates,
 * keys of notifications for occurrences still open (so none is sent twice), recent records for the
 * view, and recent event ids (docs/design.md, Temporal). Everything else is already in the closed run's history.
 */
import { openOccurrence } from './compute/occurrences';
import { RECENT_OCCURRENCES } from './explain/stepView';
import { formatLondon } from './calendar/london';
import { recordHistory } from './events';
import type { ClockInput, ClockState } from './types';

/** History entries carried into the next run; the earlier ones stay readable in the previous run. */
export const CARRIED_HISTORY = 60;

export function compactForContinueAsNew(input: ClockInput, state: ClockState, now: number): ClockState {
  const open = new Map(input.rules.steps.map((r) => [r.key, openOccurrence(state, r)]));
  const completions: ClockState['completions'] = {};
  for (const [step, list] of Object.entries(state.completions)) {
    const rule = input.rules.steps.find((r) => r.key === step);
    // One-off steps keep their single record; recurring ones the recent ones (the next due date needs only the last).
    // The first is kept too: a rule may count from it (a permanence plan due 3 months after the first review).
    completions[step] =
      rule?.repeat && list.length > RECENT_OCCURRENCES ? [list[0], ...list.slice(-RECENT_OCCURRENCES)] : list;
  }
  const keepOccurrence = (step: string, occurrence: number) => occurrence >= (open.get(step) ?? 1) - RECENT_OCCURRENCES;
  const carried: ClockState = {
    ...state,
    completions,
    noAccess: Object.fromEntries(
      Object.entries(state.noAccess).map(([k, v]) => [k, v.filter((x) => x.occurrence === open.get(k))]),
    ),
    extensions: Object.fromEntries(
      Object.entries(state.extensions).map(([k, v]) => [k, v.filter((x) => (x.occurrence ?? 1) === open.get(k))]),
    ),
    notifications: state.notifications.filter((n) => keepOccurrence(n.step, n.occurrence)),
    history: state.history.slice(-CARRIED_HISTORY),
    recentEventIds: [...state.recentEventIds],
    run: state.run + 1,
  };
  recordHistory(
    carried,
    formatLondon(now),
    `continued as new after run ${state.run}: ${state.notifications.length - carried.notifications.length} settled notification records and ${state.history.length - carried.history.length} history lines left in the previous run`,
  );
  return carried;
}
