/**
 * The facts of each occurrence of a step: which occurrence is open, what it counts from, when it is due
 * (a variant, an alternative timing, an agreed interval or an extension may decide it) and, for a
 * complainant's window, when it closes. Pure: the schedule, the events' checks and the explanations read it.
 */
import { computeDue, Due, dueOnDate, durationWords } from '../calendar/due';
import { endOfLondonDay, momentBefore, parseMoment, ParsedMoment } from '../calendar/london';
import type { WorkingDayCalendar } from '../calendar/workingDays';
import type { AnchorPick, ResolvedStepRule } from '../profile/resolved';
import type { Source } from '../profile/schema';
import { CountContext, anchorValues, describeCondition, variantFor } from './cadence';
import { TimingUsed, stepLabel } from '../explain/explain';
import type { ClockInput, ClockState, Completion, TimingView } from '../types';

/** The value a rule counts from, per its pick (docs/design.md, Processes and anchors: every candidate anchor is kept). */
export function pickAnchor(state: ClockState, name: string, pick: AnchorPick = 'latest'): string | undefined {
  const values = anchorValues(state, name);
  if (!values.length) return undefined;
  if (pick === 'latest') return values.at(-1);
  if (pick === 'earliest') return values[0];
  const limitRaw = pickAnchor(state, pick.latestOnOrBefore, 'latest');
  if (!limitRaw) return values.at(-1);
  const limit = parseMoment(limitRaw);
  const onOrBefore = values.filter((v) => !momentBefore(limit, parseMoment(v)));
  return onOrBefore.at(-1) ?? values[0];
}

export interface OccurrenceTimes {
  occurrence: number;
  from: ParsedMoment;
  fromRaw: string;
  timing: TimingUsed;
  due: Due;
  /** Date the ladder counts from: a revised target if one was agreed, else the due date. */
  ladderBase: string;
  effectiveLateFrom: number;
  epoch: number;
  revisedTarget?: string;
  /** The due date before a statutory extension moved it (for the explanation). */
  originalDueDate?: string;
  /** The other timings that were recorded but gave a later date (for the explanation). */
  alternatives: string[];
  /** Every timing that counted, the one that applies marked (shown when there is more than one). */
  timings: TimingView[];
}

/**
 * The occurrence of a step that is open now: 1 for a one-off step, last completed + 1 for a recurring
 * one, the anchor's latest value for a per-anchor step (placement plan #3 for the third placement).
 */
export function openOccurrence(state: ClockState, rule: ResolvedStepRule): number {
  if (rule.perAnchor) return Math.max(anchorValues(state, rule.anchor).length, 1);
  const last = state.completions[rule.key]?.at(-1);
  if (!rule.repeat) return 1;
  return (last?.occurrence ?? 0) + 1;
}

/** The completion of an occurrence of a step that is done once (per process, or per anchor value). */
export function completionOf(state: ClockState, rule: ResolvedStepRule, occurrence: number): Completion | undefined {
  if (rule.repeat) return undefined;
  return (state.completions[rule.key] ?? []).find((c) => c.occurrence === occurrence);
}

const INTERVAL_SOURCE = (reason: string): Source => ({
  kind: 'product',
  citation: `interval set for this child: ${reason}`,
});

/**
 * Due date of an occurrence. It counts from the rule's anchor (the first occurrence; each value of a
 * per-anchor step; a restart after a new value, e.g. a placement move), otherwise from the date the
 * previous occurrence actually happened. The first variant whose condition holds on that date sets the
 * timescale; alternative timings that were recorded (a transfer-in, a significant change, a request)
 * compete, and the earliest due date wins.
 */
export function occurrenceTimes(
  cal: WorkingDayCalendar,
  input: ClockInput,
  state: ClockState,
  rule: ResolvedStepRule,
  occurrence: number,
): OccurrenceTimes | undefined {
  const interval = state.intervals[rule.key];
  type Candidate = { raw: string; timing: TimingUsed };
  const candidates: Candidate[] = [];
  const withVariant = (ctx: CountContext, fallback: TimingUsed): TimingUsed => {
    const v = variantFor(state, rule, ctx);
    return v ? { ...fallback, due: v.due, source: v.source, why: v.note ?? describeCondition(v.when) } : fallback;
  };
  const previous =
    occurrence > 1 && rule.repeat
      ? (state.completions[rule.key] ?? []).find((c) => c.occurrence === occurrence - 1)
      : undefined;
  if (occurrence > 1 && rule.repeat && !previous) return undefined;
  const latestAnchor = rule.perAnchor
    ? anchorValues(state, rule.anchor)[occurrence - 1]
    : pickAnchor(state, rule.anchor, rule.anchorPick);
  const restarted =
    previous &&
    rule.repeat?.restart &&
    latestAnchor !== undefined &&
    momentBefore(parseMoment(previous.occurredAt), parseMoment(latestAnchor));
  let since: string | undefined;
  let strictlyAfter = false;
  if (!previous || restarted) {
    if (latestAnchor) {
      since = latestAnchor;
      const setInterval = interval && rule.repeat && !restarted && occurrence === 1;
      const base: TimingUsed = {
        anchorLabel: restarted
          ? `${rule.anchor} (new value after ${stepLabel(rule, occurrence - 1)}: the cadence restarts)`
          : rule.anchor,
        due: setInterval ? { ...interval.every } : rule.due,
        source: setInterval ? INTERVAL_SOURCE(interval.reason) : rule.source,
      };
      const timing = setInterval
        ? base
        : withVariant({ from: 'anchor', occurrence, on: parseMoment(latestAnchor).date }, base);
      candidates.push({ raw: latestAnchor, timing });
    }
    if (occurrence === 1) {
      for (const alt of rule.also ?? []) {
        if (alt.anyOccurrence) continue;
        const altRaw = pickAnchor(state, alt.anchor);
        if (altRaw)
          candidates.push({
            raw: altRaw,
            timing: {
              anchorLabel: alt.anchor,
              due: alt.due,
              source: alt.source,
              ...(alt.national ? { national: true } : {}),
            },
          });
      }
    }
  } else {
    since = previous.occurredAt;
    strictlyAfter = true;
    const base: TimingUsed = interval
      ? {
          anchorLabel: `${stepLabel(rule, occurrence - 1)} held`,
          due: interval.every,
          source: INTERVAL_SOURCE(interval.reason),
        }
      : {
          anchorLabel: `${stepLabel(rule, occurrence - 1)} held`,
          due: rule.repeat!.every,
          source: rule.repeat!.source ?? rule.source,
        };
    candidates.push({
      raw: previous.occurredAt,
      timing: interval
        ? base
        : withVariant({ from: 'previous', occurrence, on: parseMoment(previous.occurredAt).date }, base),
    });
  }
  // Timings that bring any occurrence forward count from the first value recorded since it was counted from.
  if (since !== undefined) {
    const sinceAt = parseMoment(since);
    for (const alt of rule.also ?? []) {
      if (!alt.anyOccurrence) continue;
      const altRaw = anchorValues(state, alt.anchor).find((v) =>
        strictlyAfter ? momentBefore(sinceAt, parseMoment(v)) : !momentBefore(parseMoment(v), sinceAt),
      );
      if (altRaw)
        candidates.push({
          raw: altRaw,
          timing: { anchorLabel: alt.anchor, due: alt.due, source: alt.source, ...(alt.note ? { why: alt.note } : {}) },
        });
    }
  }
  if (!candidates.length) return undefined;
  const computed = candidates.map((c) => {
    const from = parseMoment(c.raw, `anchors.${c.timing.anchorLabel}`);
    // The national rule beside a local one counts as statute does: LA closure days are working days.
    const options = {
      withClosures: rule.kind === 'local' && !c.timing.national,
      anchorOnNonWorkingDay: input.rules.anchorOnNonWorkingDay,
      meeting: rule.meeting,
    };
    return { ...c, from, due: computeDue(cal, from, c.timing.due, options) };
  });
  computed.sort((a, b) => a.due.lateFrom - b.due.lateFrom);
  const chosen = computed[0];
  const whose = (c: (typeof computed)[number]) =>
    c.timing.national ? 'the national rule, ' : chosen.timing.national ? "the LA's own rule, " : '';
  const alternatives = computed
    .slice(1)
    .map((c) => `${whose(c)}${durationWords(c.timing.due)} from ${c.timing.anchorLabel} would give ${c.due.dueDate}`);
  const timings: TimingView[] = computed.map((c) => ({
    countedFrom: c.timing.anchorLabel,
    anchorAt: c.raw,
    value: c.timing.due.value,
    unit: c.timing.due.unit,
    dueDate: c.due.dueDate,
    kind: c.timing.national ? 'statutory' : rule.kind,
    applies: c === chosen,
    source: c.timing.source,
  }));
  const base = { occurrence, from: chosen.from, fromRaw: chosen.raw, timing: chosen.timing, alternatives, timings };
  const extensions = (state.extensions[rule.key] ?? []).filter((e) => (e.occurrence ?? 1) === occurrence);
  const last = extensions.at(-1);
  if (!last)
    return {
      ...base,
      due: chosen.due,
      ladderBase: chosen.due.dueDate,
      effectiveLateFrom: chosen.due.lateFrom,
      epoch: 0,
    };
  if (last.statutory) {
    // A statutory extension (complaints) moves the due date itself.
    const moved: Due = dueOnDate(last.until);
    if (rule.meeting) moved.planBy = cal.workingDayOnOrBefore(last.until);
    return {
      ...base,
      due: moved,
      ladderBase: last.until,
      effectiveLateFrom: moved.lateFrom,
      epoch: extensions.length,
      originalDueDate: chosen.due.dueDate,
    };
  }
  return {
    ...base,
    due: chosen.due,
    ladderBase: last.until,
    effectiveLateFrom: endOfLondonDay(last.until),
    epoch: extensions.length,
    revisedTarget: last.until,
  };
}

export interface WindowTimes {
  lastDay: string;
  /** End of the last day: a request dated later is out of time. */
  lateFrom: number;
  /** The last day a request made in time can still be recorded, and the instant the process closes without one. */
  closesAfter: string;
  closesAt: number;
  /** The request that closed the window, if one was recorded. */
  requestedAt?: string;
}

/** A complainant's window: open once the step it counts from happened; closed by the request, or lapsed. */
export function windowOf(
  cal: WorkingDayCalendar,
  state: ClockState,
  rule: ResolvedStepRule,
  t: OccurrenceTimes | undefined,
): WindowTimes | undefined {
  if (!rule.window || !t) return undefined;
  // The grace runs from the last day, or from when the step that opened the window was recorded if that was
  // later (a response entered weeks after it was sent must not close the complaint at once).
  const opened = state.completions[rule.anchor]?.[0]?.recordedAt;
  const openedOn = opened ? parseMoment(opened).date : t.due.dueDate;
  const closesAfter = computeDue(
    cal,
    parseMoment(openedOn > t.due.dueDate ? openedOn : t.due.dueDate),
    rule.window.recordingGrace,
  ).dueDate;
  const requestedAt = pickAnchor(state, rule.window.closedBy);
  return {
    lastDay: t.due.dueDate,
    lateFrom: t.due.lateFrom,
    closesAfter,
    closesAt: endOfLondonDay(closesAfter),
    ...(requestedAt ? { requestedAt } : {}),
  };
}
