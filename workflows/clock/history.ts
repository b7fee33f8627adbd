/** The history an inspector reads: what happened and why, in order, bounded. Pure. */
import type { ClockState } from './types';

export const MAX_HISTORY = 200;

/** `withheld`: what a person typed into `what` (a reason, a birth date), so the memo can leave it out (memo.ts). */
export function recordHistory(state: ClockState, at: string, what: string, by?: string, withheld?: string[]) {
  const typed = (withheld ?? []).filter((w) => w.trim());
  state.history.push({ at, what, ...(by ? { by } : {}), ...(typed.length ? { withheld: typed } : {}) });
  if (state.history.length > MAX_HISTORY) state.history.splice(0, state.history.length - MAX_HISTORY);
}
