/** A new clock's facts, from its input. Pure: the starter dry-runs the schedule with it before starting. */
import type { ClockInput, ClockState } from './types';

export function initialState(input: ClockInput): ClockState {
  // Runs carried from before a field existed get its empty value (replay-safe: pure).
  if (input.carried)
    return { ...input.carried, anchorKinds: input.carried.anchorKinds ?? {}, reached: input.carried.reached ?? {} };
  const state: ClockState = {
    anchors: { ...input.anchors },
    anchorLog: Object.fromEntries(Object.entries(input.anchors).map(([k, v]) => [k, [v]])),
    anchorKinds: Object.fromEntries(
      Object.entries(input.anchorKinds ?? {}).map(([k, kind]) => [k, [{ at: input.anchors[k], kind }]]),
    ),
    reached: {},
    completions: {},
    noAccess: {},
    intervals: {},
    extensions: {},
    assignment: { ...input.assignment },
    notifications: [],
    history: [],
    recentEventIds: [],
    run: 1,
  };
  // A step that is also an anchor (the strategy discussion) was held if the caller gave its date at start.
  for (const rule of input.rules.steps) {
    const at = input.anchors[rule.key];
    if (at && !rule.repeat) state.completions[rule.key] = [{ occurrence: 1, occurredAt: at, recordedAt: at }];
  }
  return state;
}
