/** A new clock's facts, from its input. Pure: the starter dry-runs the schedule with it before starting. */
import type { ClockInput, ClockState } from './types';

export function initialState(input: ClockInput): ClockState {
  return {
    anchors: { ...input.anchors },
    completions: {},
    extensions: {},
    assignment: { ...input.assignment },
    notifications: [],
    history: [],
  };
}

