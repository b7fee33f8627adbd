/**
 * Alarms: the moments a child could drop between processes without anyone being told. A hand-over the
 * next process refused, a process with nothing counting because the fact its steps wait for never came,
 * an event for the child refused after it had been accepted (a family's). Each is raised at once to the
 * person the ladder's overdue tier names (the team manager; the complaints manager for complaints),
 * copying the roles the profile adds (the duty manager), then escalated up the same ladder, counted in
 * working days from the day it was raised, until the missing fact is recorded or a manager closes the
 * process with a reason. Pure, like the schedule.
 */
import { londonWallTime, parseMoment } from '../calendar/london';
import type { WorkingDayCalendar } from '../calendar/workingDays';
import type { Role } from '../profile/schema';
import { recordHistory } from '../history';
import { escalationsIn } from '../told';
import type {
  Alarm,
  AlarmKind,
  AlarmView,
  ClockInput,
  ClockState,
  NoticeTier,
  NotificationRecord,
  StepView,
} from '../types';

/** The tier an alarm is raised at; escalations follow the ladder's `escalated` and `critical`. */
const ALARM_TIER: NoticeTier = 'alarm';
/** Cleared alarms kept in the view after the open ones (history keeps all). */
const RECENT_CLEARED = 3;

export interface AlarmDecision {
  key: string;
  alarm: Alarm;
  tier: NoticeTier;
  role: Role;
  cc?: Role[];
  firesAt: number;
}

/** The step key an alarm's notifications are recorded under (`alarm:handover-refused-1`). */
export const alarmStep = (alarm: Pick<Alarm, 'key'>) => `alarm:${alarm.key}`;

export function openAlarms(state: ClockState): Alarm[] {
  return (state.alarms ?? []).filter((a) => !a.clearedAt);
}

export function raiseAlarm(state: ClockState, at: string, alarm: Omit<Alarm, 'key' | 'raisedAt'>): Alarm {
  const n = (state.alarms ?? []).filter((a) => a.kind === alarm.kind).length + 1;
  const raised: Alarm = { ...alarm, key: `${alarm.kind}-${n}`, raisedAt: at };
  (state.alarms ??= []).push(raised);
  recordHistory(state, at, `ALARM (${raised.kind}): ${raised.what}. To clear it: ${raised.action}`);
  return raised;
}

export function clearAlarm(state: ClockState, alarm: Alarm, at: string, how: string, by?: string) {
  alarm.clearedAt = at;
  alarm.cleared = how;
  recordHistory(state, at, `alarm ${alarm.key} cleared: ${how}`, by);
}

/** Clears every open alarm of a kind (or all), saying how. */
export function clearAlarms(state: ClockState, at: string, how: string, kind?: AlarmKind, by?: string) {
  for (const a of openAlarms(state)) if (!kind || a.kind === kind) clearAlarm(state, a, at, how, by);
}

/**
 * The tiers of an alarm: raised at once to the ladder's overdue role (with its copies and the profile's),
 * then its escalated and critical tiers, their working days counted from the day it was raised.
 */
export function alarmTiers(input: ClockInput): { tier: NoticeTier; role: Role; cc?: Role[]; workingDays: number }[] {
  const ladder = input.rules.steps.find((s) => !s.window)?.ladder ?? [];
  const overdue = ladder.find((t) => t.tier === 'overdue');
  const cc = [...new Set([...(overdue?.cc ?? []), ...(input.rules.alarm?.cc ?? [])])];
  return [
    { tier: ALARM_TIER, role: overdue?.role ?? 'team-manager', ...(cc.length ? { cc } : {}), workingDays: 0 },
    ...ladder
      .filter((t) => t.tier === 'escalated' || t.tier === 'critical')
      .map((t) => ({
        tier: t.tier,
        role: t.role,
        ...(t.cc?.length ? { cc: t.cc } : {}),
        workingDays: t.workingDaysFromDue,
      })),
  ];
}

export interface AlarmSchedule {
  views: AlarmView[];
  decisions: AlarmDecision[];
  /** The next instant an open alarm escalates. */
  nextWakeAt?: number;
  escalationLevel: number;
}

const LEVEL: Partial<Record<NoticeTier, number>> = { alarm: 1, escalated: 2, critical: 3 };

export function alarmSchedule(
  cal: WorkingDayCalendar,
  input: ClockInput,
  state: ClockState,
  now: number,
  workflowId: string,
  decided: Map<string, NotificationRecord>,
): AlarmSchedule {
  const out: AlarmSchedule = { views: [], decisions: [], escalationLevel: 0 };
  const all = state.alarms ?? [];
  const cleared = all.filter((a) => a.clearedAt).slice(-RECENT_CLEARED);
  for (const alarm of [...all.filter((a) => !a.clearedAt), ...cleared]) {
    const step = alarmStep(alarm);
    const escalations = escalationsIn(state, step, 1);
    out.views.push({ ...alarm, status: alarm.clearedAt ? 'cleared' : 'open', escalations });
    if (alarm.clearedAt) continue;
    const raised = parseMoment(alarm.raisedAt);
    for (const tier of alarmTiers(input)) {
      const key = `${workflowId}:${step}:${tier.tier}`;
      if (decided.has(key)) {
        out.escalationLevel = Math.max(out.escalationLevel, LEVEL[tier.tier] ?? 0);
        continue;
      }
      const firesAt =
        tier.workingDays === 0
          ? raised.at
          : londonWallTime(
              cal.workingDaysAfter(raised.date, tier.workingDays, { withClosures: true }),
              input.rules.notificationHour,
            );
      if (firesAt <= now) {
        out.decisions.push({
          key,
          alarm,
          tier: tier.tier,
          role: tier.role,
          ...(tier.cc ? { cc: tier.cc } : {}),
          firesAt,
        });
        out.escalationLevel = Math.max(out.escalationLevel, LEVEL[tier.tier] ?? 0);
      } else if (out.nextWakeAt === undefined || firesAt < out.nextWakeAt) {
        out.nextWakeAt = firesAt;
      }
    }
  }
  return out;
}

/**
 * A process that is open but has nothing counting: every step still to do waits for a fact that has not
 * been recorded, so no reminder or escalation can ever fire. Undefined when something counts.
 */
export function stalledOn(input: ClockInput, steps: StepView[]): { steps: string[]; anchors: string[] } | undefined {
  // A complainant's window that has passed still has its end: the complaint closes then, by itself.
  const counting = steps.some(
    (s) =>
      s.status === 'pending' ||
      s.status === 'overdue' ||
      s.status === 'extended' ||
      s.status === 'awaiting-complainant' ||
      s.status === 'lapsed',
  );
  const waiting = steps.filter((s) => s.status === 'awaiting-anchor');
  if (counting || !waiting.length) return undefined;
  const anchors = new Set<string>();
  for (const s of waiting) {
    const rule = input.rules.steps.find((r) => r.key === s.key);
    anchors.add(s.anchor);
    for (const alt of rule?.also ?? []) anchors.add(alt.anchor);
  }
  return { steps: [...new Set(waiting.map((s) => s.key))], anchors: [...anchors] };
}

export function stalledWhat(stall: { steps: string[]; anchors: string[] }): Pick<Alarm, 'what' | 'action' | 'field'> {
  return {
    what: `no clock is running: ${stall.steps.join(', ')} ${stall.steps.length > 1 ? 'count' : 'counts'} from ${stall.anchors.join(' or ')}, which has not been recorded`,
    action: `record ${stall.anchors.map((a) => `'${a}'`).join(' or ')} (an anchor event, or the step it names as completed), or close the process with a reason`,
    field: `anchors.${stall.anchors[0]}`,
  };
}
