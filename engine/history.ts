/** The history an inspector reads: what happened and why, in order, bounded. Pure. */
import { formatLondonWords } from './calendar/london';
import type { ClockState } from './types';

export const MAX_HISTORY = 200;

/** `withheld`: what a person typed into `what` (a reason, a birth date), so the memo can leave it out (memo.ts). */
export function recordHistory(state: ClockState, at: string, what: string, by?: string, withheld?: string[]) {
  const typed = (withheld ?? []).filter((w) => w.trim()).map(inLondonWords);
  what = inLondonWords(what);
  state.history.push({ at, what, ...(by ? { by } : {}), ...(typed.length ? { withheld: typed } : {}) });
  if (state.history.length > MAX_HISTORY) state.history.splice(0, state.history.length - MAX_HISTORY);
}

const INSTANT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})/g;

/**
 * One notation for times in history: each instant as London reads it ('10:00 GMT Tue 17 Nov 2026'), whatever
 * offset it was given with; dates stay dates. Withheld text is rewritten the same way, so it still matches.
 */
export function inLondonWords(text: string): string {
  return text.replace(INSTANT, (m) => {
    const ms = Date.parse(m);
    return Number.isNaN(ms) ? m : formatLondonWords(ms);
  });
}
