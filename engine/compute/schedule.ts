/**
 * The one pure function from facts to due dates and notifications. The workflow loop calls it after
 * every change and on every timer; tests call it directly. Given the same input, state and `now`, it
 * returns the same answer: that is what makes replay and back-dated cases safe.
 */
import { computeDue, Due, dueOnDate, durationWords } from '../calendar/due';
import { CalendarInputError } from '../calendar/localDate';
import { endOfLondonDay, formatLondon, londonWallTime, momentBefore, parseMoment, ParsedMoment } from '../calendar/london';
import { CalendarCoverageError, WorkingDayCalendar } from '../calendar/workingDays';
import type { AnchorPick, ResolvedStepRule } from '../profile/resolved';
import type { Role, Source, Tier } from '../profile/schema';
import { CountContext, anchorValues, describeCondition, variantFor } from './cadence';
import { TimingUsed, describeExtension, explainDue, formatSource, stepLabel } from '../explain/explain';
import { formatLongDate } from '../calendar/localDate';
import { AlarmDecision, alarmSchedule, stalledOn } from '../decide/alarms';
import { escalationsIn } from '../told';
import type { AlarmView, ClockInput, ClockState, Completion, NoticeTier, NotificationRecord, StepView, TimingView } from '../types';

export const TIER_LEVEL: Record<Tier, number> = { reminder: 0, overdue: 1, escalated: 2, critical: 3 };
/** Who hears of a visit at which the child was not seen (docs/design.md, Time: recorded and escalated). */
export const NO_ACCESS_ROLE: Role = 'team-manager';
/** Completed occurrences of a recurring step shown in the view (older ones live in history). */
export const RECENT_OCCURRENCES = 2;

export { anchorValues };

export interface Decision {
  key: string;
  step: ResolvedStepRule;
  occurrence: number;
  tier: NoticeTier;
  role: Role;
  cc?: Role[];
  firesAt: number;
  /** A tier passed before the fact that made it due was recorded: recorded, not sent; this tier carried it. */
  caughtUpIn?: NoticeTier;
}

export interface ScheduleOptions {
  /**
   * Several tiers of one occurrence due at once (a case moved in or back-dated three weeks late): send only
   * the highest, copying the roles of those it passed, and record the others as caught up in it.
   */
  catchUp?: boolean;
}

export interface Schedule {
  steps: StepView[];
  /** Notifications whose time has come and which were never decided before. */
  decisions: Decision[];
  /** The next instant something changes (a tier fires or a step becomes late). */
  nextWakeAt?: number;
  overdueSteps: string[];
  escalationLevel: number;
  /** The open step due soonest. */
  current?: StepView;
  allDone: boolean;
  /** A complainant's window that ended with no request, once the time to record one made in time has passed. */
  lapsed?: { step: ResolvedStepRule; lastDay: string; closesAfter: string };
  /** Open alarms and the last few cleared, with who was told. */
  alarms: AlarmView[];
  /** Alarm tiers whose time has come and which were never decided before. */
  alarmDecisions: AlarmDecision[];
  /** Open, but nothing counts: every step left waits for a fact not yet recorded. */
  stalled?: { steps: string[]; anchors: string[] };
}

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

const INTERVAL_SOURCE = (reason: string): Source => ({ kind: 'product', citation: `interval set for this child: ${reason}` });

/**
 * Due date of an occurrence. It counts from the rule's anchor (the first occurrence; each value of a
 * per-anchor step; a restart after a new value, e.g. a placement move), otherwise from the date the
 * previous occurrence actually happened. The first variant whose condition holds on that date sets the
 * timescale; alternative timings that were recorded (a transfer-in, a significant change, a request)
 * compete, and the earliest due date wins.
 */
export function occurrenceTimes(cal: WorkingDayCalendar, input: ClockInput, state: ClockState, rule: ResolvedStepRule, occurrence: number): OccurrenceTimes | undefined {
  const interval = state.intervals[rule.key];
  type Candidate = { raw: string; timing: TimingUsed };
  const candidates: Candidate[] = [];
  const withVariant = (ctx: CountContext, fallback: TimingUsed): TimingUsed => {
    const v = variantFor(state, rule, ctx);
    return v ? { ...fallback, due: v.due, source: v.source, why: v.note ?? describeCondition(v.when) } : fallback;
  };
  const previous = occurrence > 1 && rule.repeat ? (state.completions[rule.key] ?? []).find((c) => c.occurrence === occurrence - 1) : undefined;
  if (occurrence > 1 && rule.repeat && !previous) return undefined;
  const latestAnchor = rule.perAnchor ? anchorValues(state, rule.anchor)[occurrence - 1] : pickAnchor(state, rule.anchor, rule.anchorPick);
  const restarted = previous && rule.repeat?.restart && latestAnchor !== undefined && momentBefore(parseMoment(previous.occurredAt), parseMoment(latestAnchor));
  let since: string | undefined;
  let strictlyAfter = false;
  if (!previous || restarted) {
    if (latestAnchor) {
      since = latestAnchor;
      const setInterval = interval && rule.repeat && !restarted && occurrence === 1;
      const base: TimingUsed = {
        anchorLabel: restarted ? `${rule.anchor} (new value after ${stepLabel(rule, occurrence - 1)}: the cadence restarts)` : rule.anchor,
        due: setInterval ? { ...interval.every } : rule.due,
        source: setInterval ? INTERVAL_SOURCE(interval.reason) : rule.source,
      };
      const timing = setInterval ? base : withVariant({ from: 'anchor', occurrence, on: parseMoment(latestAnchor).date }, base);
      candidates.push({ raw: latestAnchor, timing });
    }
    if (occurrence === 1) {
      for (const alt of rule.also ?? []) {
        if (alt.anyOccurrence) continue;
        const altRaw = pickAnchor(state, alt.anchor);
        if (altRaw) candidates.push({ raw: altRaw, timing: { anchorLabel: alt.anchor, due: alt.due, source: alt.source, ...(alt.national ? { national: true } : {}) } });
      }
    }
  } else {
    since = previous.occurredAt;
    strictlyAfter = true;
    const base: TimingUsed = interval
      ? { anchorLabel: `${stepLabel(rule, occurrence - 1)} held`, due: interval.every, source: INTERVAL_SOURCE(interval.reason) }
      : { anchorLabel: `${stepLabel(rule, occurrence - 1)} held`, due: rule.repeat!.every, source: rule.repeat!.source ?? rule.source };
    candidates.push({ raw: previous.occurredAt, timing: interval ? base : withVariant({ from: 'previous', occurrence, on: parseMoment(previous.occurredAt).date }, base) });
  }
  // Timings that bring any occurrence forward count from the first value recorded since it was counted from.
  if (since !== undefined) {
    const sinceAt = parseMoment(since);
    for (const alt of rule.also ?? []) {
      if (!alt.anyOccurrence) continue;
      const altRaw = anchorValues(state, alt.anchor).find((v) => (strictlyAfter ? momentBefore(sinceAt, parseMoment(v)) : !momentBefore(parseMoment(v), sinceAt)));
      if (altRaw) candidates.push({ raw: altRaw, timing: { anchorLabel: alt.anchor, due: alt.due, source: alt.source, ...(alt.note ? { why: alt.note } : {}) } });
    }
  }
  if (!candidates.length) return undefined;
  const computed = candidates.map((c) => {
    const from = parseMoment(c.raw, `anchors.${c.timing.anchorLabel}`);
    // The national rule beside a local one counts as statute does: LA closure days are working days.
    const options = { withClosures: rule.kind === 'local' && !c.timing.national, anchorOnNonWorkingDay: input.rules.anchorOnNonWorkingDay, meeting: rule.meeting };
    return { ...c, from, due: computeDue(cal, from, c.timing.due, options) };
  });
  computed.sort((a, b) => a.due.lateFrom - b.due.lateFrom);
  const chosen = computed[0];
  const whose = (c: (typeof computed)[number]) => (c.timing.national ? 'the national rule, ' : chosen.timing.national ? "the LA's own rule, " : '');
  const alternatives = computed.slice(1).map((c) => `${whose(c)}${durationWords(c.timing.due)} from ${c.timing.anchorLabel} would give ${c.due.dueDate}`);
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
  if (!last) return { ...base, due: chosen.due, ladderBase: chosen.due.dueDate, effectiveLateFrom: chosen.due.lateFrom, epoch: 0 };
  if (last.statutory) {
    // A statutory extension (complaints) moves the due date itself.
    const moved: Due = dueOnDate(last.until);
    if (rule.meeting) moved.planBy = cal.workingDayOnOrBefore(last.until);
    return { ...base, due: moved, ladderBase: last.until, effectiveLateFrom: moved.lateFrom, epoch: extensions.length, originalDueDate: chosen.due.dueDate };
  }
  return { ...base, due: chosen.due, ladderBase: last.until, effectiveLateFrom: endOfLondonDay(last.until), epoch: extensions.length, revisedTarget: last.until };
}

export function notificationKey(workflowId: string, step: string, occurrence: number, tier: NoticeTier, epoch: number): string {
  return `${workflowId}:${step}:${occurrence}:${tier}${epoch ? `:x${epoch}` : ''}`;
}

function tierFiresAt(cal: WorkingDayCalendar, input: ClockInput, rule: ResolvedStepRule, t: OccurrenceTimes, tier: { tier: Tier; workingDaysFromDue: number }): number | undefined {
  if (t.timing.due.unit === 'hours') {
    // Hour rules: a breach escalates at once, at any hour (docs/design.md, Time); no reminder.
    if (tier.tier === 'reminder') return undefined;
    if (tier.tier === 'overdue') return t.effectiveLateFrom;
  }
  const days = tier.workingDaysFromDue;
  const date = days < 0 ? cal.workingDaysBefore(t.ladderBase, -days, { withClosures: true }) : cal.workingDaysAfter(t.ladderBase, days, { withClosures: true });
  return londonWallTime(date, input.rules.notificationHour);
}

function ruleView(rule: ResolvedStepRule): StepView['rule'] {
  return {
    value: rule.due.value,
    unit: rule.due.unit,
    anchor: rule.anchor,
    kind: rule.kind,
    source: rule.source,
    definedBy: rule.definedBy,
    ...(rule.looserThanNational ? { looserThanNational: rule.looserThanNational } : {}),
    ...(rule.note ? { note: rule.note } : {}),
  };
}

export function buildSchedule(input: ClockInput, state: ClockState, now: number, workflowId: string, options: ScheduleOptions = {}): Schedule {
  const cal = WorkingDayCalendar.of(input.calendar);
  const decided = new Map<string, NotificationRecord>(state.notifications.map((n) => [n.key, n]));
  const steps: StepView[] = [];
  const decisions: Decision[] = [];
  const overdueSteps: string[] = [];
  let nextWakeAt: number | undefined;
  let escalationLevel = 0;
  const wake = (at: number) => {
    if (at > now && (nextWakeAt === undefined || at < nextWakeAt)) nextWakeAt = at;
  };
  const ended = state.closed ?? state.finished;
  let lapsed: Schedule['lapsed'];
  const escalationsOf = (key: string, occurrence: number) => escalationsIn(state, key, occurrence);

  for (const rule of input.rules.steps) {
    const done = state.completions[rule.key] ?? [];
    const occurrence = openOccurrence(state, rule);
    // Recent completed occurrences of a recurring step, as the record of what happened and when.
    if (rule.repeat || rule.perAnchor) {
      for (const c of done.filter((c) => c.occurrence !== occurrence).slice(-RECENT_OCCURRENCES)) {
        steps.push({
          key: rule.key,
          occurrence: c.occurrence,
          title: rule.title,
          status: 'completed',
          anchor: rule.anchor,
          ...(c.dueDate ? { dueDate: c.dueDate } : {}),
          completedAt: c.occurredAt,
          ...(c.outcome ? { outcome: c.outcome } : {}),
          ...(c.late !== undefined ? { late: c.late } : {}),
          escalations: escalationsOf(rule.key, c.occurrence),
          rule: ruleView(rule),
        });
      }
    }
    const completion = completionOf(state, rule, occurrence);
    const view: StepView = {
      key: rule.key,
      occurrence,
      title: rule.title,
      status: 'pending',
      anchor: rule.anchor,
      escalations: escalationsOf(rule.key, occurrence),
      rule: ruleView(rule),
    };
    const noAccess = (state.noAccess[rule.key] ?? []).filter((v) => v.occurrence === occurrence);
    if (noAccess.length) view.noAccess = noAccess.map((v) => ({ occurredAt: v.occurredAt, ...(v.note ? { note: v.note } : {}) }));
    if (state.intervals[rule.key]) view.interval = state.intervals[rule.key];
    steps.push(view);
    let t: OccurrenceTimes | undefined;
    try {
      t = occurrenceTimes(cal, input, state, rule, occurrence);
    } catch (err) {
      if (err instanceof CalendarCoverageError || err instanceof CalendarInputError) {
        view.problem = err.message;
        view.status = completion ? 'completed' : ended ? 'cancelled' : 'pending';
        continue;
      }
      throw err;
    }
    if (t) {
      view.anchorAt = t.fromRaw;
      view.countedFrom = t.timing.anchorLabel;
      view.dueDate = t.due.dueDate;
      view.dueAt = formatLondon(t.due.dueAt);
      if (t.due.planBy) view.planBy = t.due.planBy;
      if (t.due.provisional) view.provisional = true;
      if (t.revisedTarget) view.revisedTarget = t.revisedTarget;
      view.explanation = explainDue(cal, rule, t.timing, t.from, t.originalDueDate ?? t.due.dueDate, input.rules.anchorOnNonWorkingDay);
      if (t.alternatives.length) {
        view.explanation += `; the earliest timing applies (${t.alternatives.join('; ')})`;
        view.timings = t.timings;
      }
      const extensions = (state.extensions[rule.key] ?? []).filter((e) => (e.occurrence ?? 1) === occurrence);
      if (extensions.length) {
        view.extensions = extensions;
        view.explanation += `; ${extensions.map((e) => describeExtension(e)).join('; ')}`;
        if (rule.extension) view.explanation += ` (at most ${durationWords(rule.extension.max)} after ${t.timing.anchorLabel}: ${formatSource(rule.extension.source)})`;
      }
    }
    if (rule.window) {
      let w: WindowTimes | undefined;
      try {
        w = windowOf(cal, state, rule, t);
      } catch (err) {
        if (!(err instanceof CalendarCoverageError)) throw err;
        view.problem = err.message;
        view.status = ended ? 'cancelled' : 'awaiting-complainant';
        continue;
      }
      if (!w) {
        view.status = ended ? 'cancelled' : 'awaiting-anchor';
        continue;
      }
      view.window = { closedBy: rule.window.closedBy, lastDay: w.lastDay, closesAfter: w.closesAfter };
      view.explanation += `; the complainant's time, not the LA's: a ${rule.window.closedBy} dated by then is in time and can be recorded until the end of ${formatLongDate(w.closesAfter)}, when the process closes without one (${formatSource(rule.window.graceSource)})`;
      if (w.requestedAt) {
        view.status = 'completed';
        view.completedAt = w.requestedAt;
        continue;
      }
      const over = now >= w.lateFrom;
      view.status = over ? 'lapsed' : ended ? 'cancelled' : 'awaiting-complainant';
      if (ended) continue;
      wake(w.lateFrom);
      wake(w.closesAt);
      if (now >= w.closesAt && !lapsed) lapsed = { step: rule, lastDay: w.lastDay, closesAfter: w.closesAfter };
      continue;
    }
    if (completion) {
      view.status = 'completed';
      view.completedAt = completion.occurredAt;
      if (completion.outcome) view.outcome = completion.outcome;
      if (completion.dueDate) view.dueDate = completion.dueDate;
      if (t) view.late = parseMoment(completion.occurredAt).at >= t.due.lateFrom;
      continue;
    }
    if (ended) {
      view.status = 'cancelled';
      continue;
    }
    const after = rule.appliesIfDueAfter ? pickAnchor(state, rule.appliesIfDueAfter) : undefined;
    if (t && after && t.due.dueDate < parseMoment(after).date) {
      view.status = 'cancelled';
      view.explanation += `; does not apply: due before ${rule.appliesIfDueAfter} (${after})`;
      continue;
    }
    if (!t) {
      view.status = 'awaiting-anchor';
      continue;
    }
    const overdue = now >= t.effectiveLateFrom;
    view.status = overdue ? 'overdue' : t.epoch ? 'extended' : 'pending';
    if (now >= t.due.lateFrom) overdueSteps.push(rule.key);
    wake(t.effectiveLateFrom);
    wake(t.due.lateFrom);

    // A visit at which the child was not seen alerts the team manager once, when it is recorded.
    noAccess.forEach((v, i) => {
      const key = notificationKey(workflowId, rule.key, occurrence, 'no-access', 0) + `:${i + 1}`;
      if (!decided.has(key)) decisions.push({ key, step: rule, occurrence, tier: 'no-access', role: NO_ACCESS_ROLE, firesAt: parseMoment(v.recordedAt).at });
    });

    const dueNow: Decision[] = [];
    for (const tier of rule.ladder) {
      const key = notificationKey(workflowId, rule.key, occurrence, tier.tier, t.epoch);
      const already = decided.get(key);
      if (already) {
        if (tier.tier !== 'reminder') escalationLevel = Math.max(escalationLevel, TIER_LEVEL[tier.tier]);
        continue;
      }
      let firesAt: number | undefined;
      try {
        firesAt = tierFiresAt(cal, input, rule, t, tier);
      } catch (err) {
        if (err instanceof CalendarCoverageError) {
          view.problem = err.message;
          break;
        }
        throw err;
      }
      if (firesAt === undefined) continue;
      // A reminder is pointless once the step is late (back-dated cases get the tiers they reached, no
      // more), and before the anchor happened (a rule shorter than the reminder's lead time).
      if (tier.tier === 'reminder' && (now >= t.effectiveLateFrom || firesAt < t.from.at)) continue;
      const hourBreach = t.timing.due.unit === 'hours' && tier.tier === 'overdue';
      const role = hourBreach ? input.rules.hourBreachRole : tier.role;
      if (firesAt <= now) {
        dueNow.push({ key, step: rule, occurrence, tier: tier.tier, role, ...(tier.cc?.length ? { cc: tier.cc } : {}), firesAt });
        if (tier.tier !== 'reminder') escalationLevel = Math.max(escalationLevel, TIER_LEVEL[tier.tier]);
      } else {
        wake(firesAt);
      }
    }
    decisions.push(...(options.catchUp ? catchUp(dueNow) : dueNow));
  }

  const open = steps.filter((s) => s.status === 'pending' || s.status === 'overdue' || s.status === 'extended');
  const current = [...open].filter((s) => s.dueDate).sort((a, b) => (a.dueAt! < b.dueAt! ? -1 : a.dueAt! > b.dueAt! ? 1 : 0))[0];
  const allDone = steps.every((s) => s.status === 'completed' || s.status === 'cancelled');
  const alarms = alarmSchedule(cal, input, state, now, workflowId, decided);
  if (alarms.nextWakeAt !== undefined) wake(alarms.nextWakeAt);
  escalationLevel = Math.max(escalationLevel, alarms.escalationLevel);
  if (alarms.views.some((a) => a.status === 'open')) overdueSteps.push('alarm');
  const stalled = ended ? undefined : stalledOn(input, steps);
  return {
    steps,
    decisions,
    nextWakeAt,
    overdueSteps,
    escalationLevel,
    current,
    allDone,
    ...(lapsed ? { lapsed } : {}),
    alarms: alarms.views,
    alarmDecisions: alarms.decisions,
    ...(stalled ? { stalled } : {}),
  };
}

/**
 * Tiers of one occurrence due at the same pass: only the highest is sent, copying the roles of the tiers it
 * passed (so the team manager still hears of a case moved in at the critical tier); the others are recorded
 * as caught up in it and never sent. Reminders are never due with a later tier (a late step gets none).
 */
export function catchUp(dueNow: Decision[]): Decision[] {
  const tiers = dueNow.filter((d) => d.tier !== 'reminder' && d.tier !== 'no-access');
  if (tiers.length < 2) return dueNow;
  const top = tiers.reduce((a, b) => (TIER_LEVEL[b.tier as Tier] > TIER_LEVEL[a.tier as Tier] ? b : a));
  const passed = tiers.filter((d) => d !== top);
  const cc = [...new Set([...passed.flatMap((d) => [d.role, ...(d.cc ?? [])]), ...(top.cc ?? [])])].filter((r) => r !== top.role);
  return dueNow.map((d) => (d === top ? { ...d, ...(cc.length ? { cc } : {}) } : passed.includes(d) ? { ...d, caughtUpIn: top.tier } : d));
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
export function windowOf(cal: WorkingDayCalendar, state: ClockState, rule: ResolvedStepRule, t: OccurrenceTimes | undefined): WindowTimes | undefined {
  if (!rule.window || !t) return undefined;
  // The grace runs from the last day, or from when the step that opened the window was recorded if that was
  // later (a response entered weeks after it was sent must not close the complaint at once).
  const opened = state.completions[rule.anchor]?.[0]?.recordedAt;
  const openedOn = opened ? parseMoment(opened).date : t.due.dueDate;
  const closesAfter = computeDue(cal, parseMoment(openedOn > t.due.dueDate ? openedOn : t.due.dueDate), rule.window.recordingGrace).dueDate;
  const requestedAt = pickAnchor(state, rule.window.closedBy);
  return { lastDay: t.due.dueDate, lateFrom: t.due.lateFrom, closesAfter, closesAt: endOfLondonDay(closesAfter), ...(requestedAt ? { requestedAt } : {}) };
}
