/**
 * The one pure function from facts to due dates and notifications. The workflow loop calls it after
 * every change and on every timer; tests call it directly. Given the same input, state and `now`, it
 * returns the same answer: that is what makes replay and back-dated cases safe. It runs the stages in
 * order for each step: compute (compute/occurrences.ts: the open occurrence and its times), explain
 * (explain/stepView.ts: the view and its reasons), decide (decide/tiers.ts: which notices are due now).
 */
import { CalendarInputError } from '../calendar/localDate';
import { parseMoment } from '../calendar/london';
import { CalendarCoverageError, WorkingDayCalendar } from '../calendar/workingDays';
import type { ResolvedStepRule } from '../profile/resolved';
import {
  type OccurrenceTimes,
  type WindowTimes,
  completionOf,
  occurrenceTimes,
  openOccurrence,
  pickAnchor,
  windowOf,
} from './occurrences';
import { AlarmDecision, alarmSchedule, stalledOn } from '../decide/alarms';
import {
  type Decision,
  type DecideOptions,
  catchUp,
  noAccessDecisions,
  notificationKey,
  tiersDue,
} from '../decide/tiers';
import { explainTimes, explainWindow, openView, recentViews } from '../explain/stepView';
import { escalationsIn } from '../told';
import type { AlarmView, ClockInput, ClockState, NotificationRecord, StepView } from '../types';

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

export function buildSchedule(
  input: ClockInput,
  state: ClockState,
  now: number,
  workflowId: string,
  options: DecideOptions = {},
): Schedule {
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
    const occurrence = openOccurrence(state, rule);
    steps.push(...recentViews(state, rule, occurrence, escalationsOf));
    const completion = completionOf(state, rule, occurrence);
    const view = openView(state, rule, occurrence, escalationsOf(rule.key, occurrence));
    steps.push(view);
    // Compute: the occurrence's times; a calendar that cannot count them is shown on the step.
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
    // Explain: what it counts from, when it is due and why.
    if (t) explainTimes(view, cal, input, state, rule, t);
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
      explainWindow(view, rule, w);
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

    // Decide: the notices due now, and when the next one falls.
    const visits = (state.noAccess[rule.key] ?? []).filter((v) => v.occurrence === occurrence);
    decisions.push(
      ...noAccessDecisions(
        rule,
        occurrence,
        visits,
        notificationKey(workflowId, rule.key, occurrence, 'no-access', 0),
        decided,
      ),
    );
    const epoch = t.epoch;
    const due = tiersDue(
      cal,
      input,
      rule,
      t,
      (tier) => notificationKey(workflowId, rule.key, occurrence, tier, epoch),
      decided,
      now,
    );
    if (due.problem) view.problem = due.problem;
    escalationLevel = Math.max(escalationLevel, due.escalationLevel);
    due.wakeAt.forEach(wake);
    decisions.push(...(options.catchUp ? catchUp(due.dueNow) : due.dueNow));
  }

  const open = steps.filter((s) => s.status === 'pending' || s.status === 'overdue' || s.status === 'extended');
  const current = [...open]
    .filter((s) => s.dueDate)
    .sort((a, b) => (a.dueAt! < b.dueAt! ? -1 : a.dueAt! > b.dueAt! ? 1 : 0))[0];
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
