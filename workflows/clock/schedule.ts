/**
 * The one pure function from facts to due dates and notifications. The workflow loop calls it after
 * every change and on every timer; tests call it directly. Given the same input, state and `now`, it
 * returns the same answer: that is what makes replay and back-dated cases safe.
 */
import { computeDue, Due } from '../../calendar/due';
import { CalendarInputError } from '../../calendar/localDate';
import { endOfLondonDay, formatLondon, londonWallTime, parseMoment, ParsedMoment } from '../../calendar/london';
import { CalendarCoverageError, WorkingDayCalendar } from '../../calendar/workingDays';
import type { ResolvedStepRule } from '../../profiles/resolved';
import type { Role, Tier } from '../../profiles/schema';
import { explainDue } from './explain';
import type { ClockInput, ClockState, NotificationRecord, StepView } from './types';

export const TIER_LEVEL: Record<Tier, number> = { reminder: 0, overdue: 1, escalated: 2, critical: 3 };

export interface Decision {
  key: string;
  step: ResolvedStepRule;
  occurrence: number;
  tier: Tier;
  role: Role;
  firesAt: number;
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
}

interface StepTimes {
  from: ParsedMoment;
  due: Due;
  /** Date the ladder counts from: a revised target if one was agreed, else the due date. */
  ladderBase: string;
  effectiveLateFrom: number;
  epoch: number;
  revisedTarget?: string;
}

function stepTimes(cal: WorkingDayCalendar, input: ClockInput, state: ClockState, rule: ResolvedStepRule): StepTimes | undefined {
  const raw = state.anchors[rule.anchor];
  if (!raw) return undefined;
  const from = parseMoment(raw, `anchors.${rule.anchor}`);
  const due = computeDue(cal, from, rule.due, {
    withClosures: rule.kind === 'local',
    anchorOnNonWorkingDay: input.rules.anchorOnNonWorkingDay,
    meeting: rule.meeting,
  });
  const extensions = state.extensions[rule.key] ?? [];
  const last = extensions.at(-1);
  if (!last) return { from, due, ladderBase: due.dueDate, effectiveLateFrom: due.lateFrom, epoch: 0 };
  if (last.statutory) {
    // A statutory extension (complaints) moves the due date itself.
    const moved: Due = { dueDate: last.until, lateFrom: endOfLondonDay(last.until) };
    if (rule.meeting) moved.planBy = cal.workingDayOnOrBefore(last.until);
    return { from, due: moved, ladderBase: last.until, effectiveLateFrom: moved.lateFrom, epoch: extensions.length };
  }
  return {
    from,
    due,
    ladderBase: last.until,
    effectiveLateFrom: endOfLondonDay(last.until),
    epoch: extensions.length,
    revisedTarget: last.until,
  };
}

export function notificationKey(workflowId: string, step: string, occurrence: number, tier: Tier, epoch: number): string {
  return `${workflowId}:${step}:${occurrence}:${tier}${epoch ? `:x${epoch}` : ''}`;
}

function tierFiresAt(cal: WorkingDayCalendar, input: ClockInput, rule: ResolvedStepRule, t: StepTimes, tier: { tier: Tier; workingDaysFromDue: number }): number | undefined {
  if (rule.due.unit === 'hours') {
    // Hour rules: a breach escalates at once, at any hour (design brief section 4); no reminder.
    if (tier.tier === 'reminder') return undefined;
    if (tier.tier === 'overdue') return t.effectiveLateFrom;
  }
  const days = tier.workingDaysFromDue;
  const date = days < 0 ? cal.workingDaysBefore(t.ladderBase, -days, { withClosures: true }) : cal.workingDaysAfter(t.ladderBase, days, { withClosures: true });
  return londonWallTime(date, input.rules.notificationHour);
}

export function buildSchedule(input: ClockInput, state: ClockState, now: number, workflowId: string): Schedule {
  const cal = new WorkingDayCalendar(input.calendar);
  const decided = new Map<string, NotificationRecord>(state.notifications.map((n) => [n.key, n]));
  const steps: StepView[] = [];
  const decisions: Decision[] = [];
  const overdueSteps: string[] = [];
  let nextWakeAt: number | undefined;
  let escalationLevel = 0;
  const wake = (at: number) => {
    if (at > now && (nextWakeAt === undefined || at < nextWakeAt)) nextWakeAt = at;
  };

  for (const rule of input.rules.steps) {
    const occurrence = 1;
    const completion = state.completions[rule.key];
    const view: StepView = {
      key: rule.key,
      occurrence,
      title: rule.title,
      status: 'pending',
      anchor: rule.anchor,
      escalations: state.notifications
        .filter((n) => n.step === rule.key && n.occurrence === occurrence)
        .map((n) => ({ tier: n.tier, role: n.role, at: n.firesAt, deliveredAt: n.deliveredAt, recipients: n.recipients })),
      rule: {
        value: rule.due.value,
        unit: rule.due.unit,
        anchor: rule.anchor,
        kind: rule.kind,
        source: rule.source,
        definedBy: rule.definedBy,
        ...(rule.looserThanNational ? { looserThanNational: rule.looserThanNational } : {}),
        ...(rule.note ? { note: rule.note } : {}),
      },
    };
    steps.push(view);
    let t: StepTimes | undefined;
    try {
      t = stepTimes(cal, input, state, rule);
    } catch (err) {
      if (err instanceof CalendarCoverageError || err instanceof CalendarInputError) {
        view.problem = err.message;
        view.status = completion ? 'completed' : state.closed ? 'cancelled' : 'pending';
        continue;
      }
      throw err;
    }
    if (t) {
      view.anchorAt = state.anchors[rule.anchor];
      view.dueDate = t.due.dueDate;
      view.dueAt = formatLondon(t.due.lateFrom - 1000);
      if (t.due.planBy) view.planBy = t.due.planBy;
      if (t.revisedTarget) view.revisedTarget = t.revisedTarget;
      view.explanation = explainDue(cal, rule, t.from, t.due.dueDate, input.rules.anchorOnNonWorkingDay);
    }
    if (completion) {
      view.status = 'completed';
      view.completedAt = completion.occurredAt;
      if (completion.outcome) view.outcome = completion.outcome;
      if (t) view.late = parseMoment(completion.occurredAt).at >= t.due.lateFrom;
      continue;
    }
    if (state.closed) {
      view.status = 'cancelled';
      continue;
    }
    if (!t) {
      view.status = 'awaiting-anchor';
      continue;
    }
    const overdue = now >= t.effectiveLateFrom;
    view.status = overdue ? 'overdue' : t.revisedTarget ? 'extended' : 'pending';
    if (now >= t.due.lateFrom) overdueSteps.push(rule.key);
    wake(t.effectiveLateFrom);
    wake(t.due.lateFrom);

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
      const role = rule.due.unit === 'hours' && tier.tier === 'overdue' ? input.rules.hourBreachRole : tier.role;
      if (firesAt <= now) {
        decisions.push({ key, step: rule, occurrence, tier: tier.tier, role, firesAt });
        if (tier.tier !== 'reminder') escalationLevel = Math.max(escalationLevel, TIER_LEVEL[tier.tier]);
      } else {
        wake(firesAt);
      }
    }
  }

  const open = steps.filter((s) => s.status === 'pending' || s.status === 'overdue' || s.status === 'extended');
  const current = [...open].filter((s) => s.dueDate).sort((a, b) => (a.dueAt! < b.dueAt! ? -1 : a.dueAt! > b.dueAt! ? 1 : 0))[0];
  const allDone = steps.every((s) => s.status === 'completed' || s.status === 'cancelled');
  return { steps, decisions, nextWakeAt, overdueSteps, escalationLevel, current, allDone };
}
