/**
 * Deciding which notices are due now: each tier of a step's ladder fires at a working-day offset from its
 * due date (an hour rule's breach at once), a visit with the child not seen tells the team manager once,
 * and tiers passed together are caught up in the highest. Pure: the schedule asks, the workflow sends.
 */
import { londonWallTime, parseMoment } from '../calendar/london';
import { CalendarCoverageError, type WorkingDayCalendar } from '../calendar/workingDays';
import type { ResolvedStepRule } from '../profile/resolved';
import type { Role, Tier } from '../profile/schema';
import type { OccurrenceTimes } from '../compute/occurrences';
import type { ClockInput, NoAccessVisit, NoticeTier, NotificationRecord } from '../types';

export const TIER_LEVEL: Record<Tier, number> = { reminder: 0, overdue: 1, escalated: 2, critical: 3 };
/** Who hears of a visit at which the child was not seen (docs/design.md, Time: recorded and escalated). */
export const NO_ACCESS_ROLE: Role = 'team-manager';
/** Completed occurrences of a recurring step shown in the view (older ones live in history). */

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

export interface DecideOptions {
  /**
   * Several tiers of one occurrence due at once (a case moved in or back-dated three weeks late): send only
   * the highest, copying the roles of those it passed, and record the others as caught up in it.
   */
  catchUp?: boolean;
}

export function notificationKey(
  workflowId: string,
  step: string,
  occurrence: number,
  tier: NoticeTier,
  epoch: number,
): string {
  return `${workflowId}:${step}:${occurrence}:${tier}${epoch ? `:x${epoch}` : ''}`;
}

function tierFiresAt(
  cal: WorkingDayCalendar,
  input: ClockInput,
  rule: ResolvedStepRule,
  t: OccurrenceTimes,
  tier: { tier: Tier; workingDaysFromDue: number },
): number | undefined {
  if (t.timing.due.unit === 'hours') {
    // Hour rules: a breach escalates at once, at any hour (docs/design.md, Time); no reminder.
    if (tier.tier === 'reminder') return undefined;
    if (tier.tier === 'overdue') return t.effectiveLateFrom;
  }
  const days = tier.workingDaysFromDue;
  const date =
    days < 0
      ? cal.workingDaysBefore(t.ladderBase, -days, { withClosures: true })
      : cal.workingDaysAfter(t.ladderBase, days, { withClosures: true });
  return londonWallTime(date, input.rules.notificationHour);
}

/** What the ladder of one open occurrence gives at `now`: tiers due, the level reached, when to wake. */
export interface TiersDue {
  dueNow: Decision[];
  escalationLevel: number;
  wakeAt: number[];
  /** The calendar does not reach a tier's date: shown on the step, never silently skipped. */
  problem?: string;
}

export function tiersDue(
  cal: WorkingDayCalendar,
  input: ClockInput,
  rule: ResolvedStepRule,
  t: OccurrenceTimes,
  key: (tier: NoticeTier) => string,
  decided: Map<string, NotificationRecord>,
  now: number,
): TiersDue {
  const out: TiersDue = { dueNow: [], escalationLevel: 0, wakeAt: [] };
  for (const tier of rule.ladder) {
    const k = key(tier.tier);
    if (decided.get(k)) {
      if (tier.tier !== 'reminder') out.escalationLevel = Math.max(out.escalationLevel, TIER_LEVEL[tier.tier]);
      continue;
    }
    let firesAt: number | undefined;
    try {
      firesAt = tierFiresAt(cal, input, rule, t, tier);
    } catch (err) {
      if (err instanceof CalendarCoverageError) {
        out.problem = err.message;
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
      out.dueNow.push({
        key: k,
        step: rule,
        occurrence: t.occurrence,
        tier: tier.tier,
        role,
        ...(tier.cc?.length ? { cc: tier.cc } : {}),
        firesAt,
      });
      if (tier.tier !== 'reminder') out.escalationLevel = Math.max(out.escalationLevel, TIER_LEVEL[tier.tier]);
    } else {
      out.wakeAt.push(firesAt);
    }
  }
  return out;
}

/** A visit at which the child was not seen alerts the team manager once, when it is recorded. */
export function noAccessDecisions(
  rule: ResolvedStepRule,
  occurrence: number,
  visits: NoAccessVisit[],
  baseKey: string,
  decided: Map<string, NotificationRecord>,
): Decision[] {
  const out: Decision[] = [];
  visits.forEach((v, i) => {
    const key = baseKey + `:${i + 1}`;
    if (!decided.has(key))
      out.push({
        key,
        step: rule,
        occurrence,
        tier: 'no-access',
        role: NO_ACCESS_ROLE,
        firesAt: parseMoment(v.recordedAt).at,
      });
  });
  return out;
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
  const cc = [...new Set([...passed.flatMap((d) => [d.role, ...(d.cc ?? [])]), ...(top.cc ?? [])])].filter(
    (r) => r !== top.role,
  );
  return dueNow.map((d) =>
    d === top ? { ...d, ...(cc.length ? { cc } : {}) } : passed.includes(d) ? { ...d, caughtUpIn: top.tier } : d,
  );
}
