/**
 * The memo a clock publishes. Anyone who can read the namespace sees it, with every list of workflows,
 * so it is the clock without personal data: free text (reasons, notes, anything a person typed) and
 * recorded birth dates are withheld. The live view (the query the API reads while a worker runs) and the
 * workflow's history keep them: history is Temporal's record of what each event said. Pure.
 */
import { formatLongDate } from '../calendar/localDate';
import { PERSONAL_ANCHORS } from '../catalogue';
import type { ClockInput, ClockState, ClockView, HistoryEntry } from '../types';

/** What stands in the memo for a withheld value. */
export const WITHHELD = '[withheld]';

/**
 * Anchors whose value is a person's birth date, or gives it away: a child's date of birth, the 16th
 * birthday a care leaver's pathway plan counts from, a baby's birth and an unborn child's expected date
 * of delivery (pregnancy data about the mother).
 */
export { PERSONAL_ANCHORS } from '../catalogue';

/** Free text typed by a person, kept in the state outside history (history entries say their own). */
function typedTexts(input: ClockInput, state: ClockState): string[] {
  return [
    ...Object.values(state.extensions).flatMap((list) => list.map((e) => e.reason)),
    ...Object.values(state.intervals).map((i) => i.reason),
    ...Object.values(state.noAccess).flatMap((list) => list.map((v) => v.note ?? '')),
    state.closed?.reason ?? '',
    input.lateAccepted?.reason ?? '',
    ...(state.migrations ?? []).map((m) => m.reason),
    ...state.history.flatMap((h) => h.withheld ?? []),
  ];
}

/** Every value a personal anchor has had, as dates (YYYY-MM-DD). */
function personalDates(state: ClockState): string[] {
  return PERSONAL_ANCHORS.flatMap((a) => [...(state.anchorLog[a] ?? []), state.anchors[a] ?? ''])
    .filter(Boolean)
    .map((v) => v.slice(0, 10));
}

/** Replaces each needle (longest first, so one inside another goes whole) in a line of prose. */
function withholdIn(text: string, needles: string[]): string {
  let out = text;
  for (const n of needles) if (out.includes(n)) out = out.split(n).join(WITHHELD);
  return out;
}

/**
 * Withholds in every line of prose (a string with a space: explanations, history, reasons, sources);
 * dates, ids and keys have none, so a due date that happens to fall on a birthday stays a date.
 */
function withholdProse<T>(value: T, needles: string[]): T {
  if (typeof value === 'string') return (/\s/.test(value) ? withholdIn(value, needles) : value) as T;
  if (Array.isArray(value)) return value.map((v) => withholdProse(v, needles)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withholdProse(v, needles)])) as T;
  return value;
}

/** A history line with its own free text withheld, even a short one (a reassignment's reason may be one word). */
function historyLine(view: HistoryEntry, own: HistoryEntry | undefined): HistoryEntry {
  let what = view.what;
  for (const w of own?.withheld ?? []) {
    const i = w ? what.lastIndexOf(w) : -1;
    if (i >= 0) what = `${what.slice(0, i)}${WITHHELD}${what.slice(i + w.length)}`;
  }
  return { ...view, what };
}

export function memoView(input: ClockInput, state: ClockState, view: ClockView): ClockView {
  const dates = [...new Set(personalDates(state))];
  // Three characters or more: every free-text field but a reassignment's reason needs that many, and a
  // shorter one would blank ordinary words. Short ones are withheld in their own history line.
  const texts = typedTexts(input, state)
    .map((t) => t.trim())
    .filter((t) => t.length >= 3);
  const needles = [...new Set([...texts, ...dates, ...dates.map(formatLongDate)])].sort((a, b) => b.length - a.length);
  const isPersonal = (anchor: string | undefined) => anchor !== undefined && PERSONAL_ANCHORS.includes(anchor);
  const memo: ClockView = {
    ...view,
    anchors: Object.fromEntries(Object.entries(view.anchors).filter(([k]) => !isPersonal(k))),
    steps: view.steps.map((s) => {
      const { anchorAt, ...rest } = s;
      const fromPersonal =
        isPersonal(s.countedFrom) ||
        isPersonal(s.anchor) ||
        (anchorAt !== undefined && dates.includes(anchorAt.slice(0, 10)));
      return {
        ...rest,
        ...(anchorAt !== undefined && !fromPersonal ? { anchorAt } : {}),
        ...(s.extensions ? { extensions: s.extensions.map((e) => ({ ...e, reason: WITHHELD })) } : {}),
        ...(s.interval ? { interval: { ...s.interval, reason: WITHHELD } } : {}),
        ...(s.noAccess ? { noAccess: s.noAccess.map((v) => (v.note ? { ...v, note: WITHHELD } : v)) } : {}),
      };
    }),
    ...(view.closed ? { closed: { ...view.closed, reason: WITHHELD } } : {}),
    ...(view.pendingHandover
      ? {
          pendingHandover: {
            ...view.pendingHandover,
            anchors: Object.fromEntries(Object.entries(view.pendingHandover.anchors).filter(([k]) => !isPersonal(k))),
          },
        }
      : {}),
    ...(view.timeLimit?.acceptedLate
      ? { timeLimit: { ...view.timeLimit, acceptedLate: { ...view.timeLimit.acceptedLate, reason: WITHHELD } } }
      : {}),
    ...(view.migrations ? { migrations: view.migrations.map((m) => ({ ...m, reason: WITHHELD })) } : {}),
    // A birthday is the date of birth in another year: only milestones that are not one are listed.
    ...(view.milestones ? { milestones: view.milestones.filter((m) => !m.birthday) } : {}),
    // view.history is the tail of state.history, line for line.
    history: view.history.map((h, i) => historyLine(h, state.history[state.history.length - view.history.length + i])),
  };
  return withholdProse(memo, needles);
}
