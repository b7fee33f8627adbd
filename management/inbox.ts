/**
 * The overdue and due-soon inbox: every open step of the clocks in an area that is past its due instant
 * or falls due within the window, most overdue first, with counts per step. Pure: built from the memo
 * views that a visibility list returns (no per-workflow query), at an instant the caller gives.
 */
import { addDays, toDayNumber } from '../engine/calendar/localDate';
import { formatLondon, londonDate } from '../engine/calendar/london';
import type { ClockView, NoticeTier, StepView } from '../engine/types';
import { durationWords } from '../engine/calendar/due';

export interface InboxFilter {
  type?: string;
  localAuthority?: string;
  team?: string;
  worker?: string;
  /** Steps falling due within this many calendar days from today (0: today only); 7 by default. */
  dueWithinDays?: number;
  include?: 'overdue' | 'due-soon' | 'all';
}

export interface InboxItem {
  workflowId: string;
  caseId: string;
  type: string;
  localAuthority: string;
  team?: string;
  workerId?: string;
  step: string;
  occurrence: number;
  title: string;
  /** `alarm`: the child could drop between processes (a refused hand-over, nothing counting); first in the list. */
  state: 'alarm' | 'overdue' | 'due-soon';
  dueDate: string;
  dueAt: string;
  /** The revised target a manager agreed, where one moves reminders (the statutory date stays dueDate). */
  revisedTarget?: string;
  /** Calendar days past the due date (0 when due soon); the sort key. */
  daysOverdue: number;
  /** Calendar days until the due date (0 when due today or overdue). */
  daysUntilDue: number;
  /** The highest ladder tier already sent for this occurrence, and to whom. */
  lastEscalation?: { tier: NoticeTier; at: string; recipients?: string[] };
  rule: string;
}

export interface Inbox {
  asOf: string;
  today: string;
  dueSoonUntil: string;
  items: InboxItem[];
  counts: {
    alarms: number;
    overdue: number;
    dueSoon: number;
    /** Per step key: how many are overdue and due soon. */
    byStep: Record<string, { overdue: number; dueSoon: number }>;
  };
}

const TIER_ORDER: NoticeTier[] = ['reminder', 'no-access', 'overdue', 'alarm', 'escalated', 'critical'];
const STATE_ORDER: Record<InboxItem['state'], number> = { alarm: 0, overdue: 1, 'due-soon': 2 };

/** A step that is the LA's to do now: not finished, not waiting for an anchor or a complainant. */
function actionable(step: StepView): boolean {
  return (
    (step.status === 'pending' || step.status === 'overdue' || step.status === 'extended') &&
    !!step.dueAt &&
    !!step.dueDate
  );
}

/**
 * A visibility clause that keeps only clocks with something due by the end of the window: NextDueDate is
 * the earliest due instant of a clock's open steps, so a clock with any step overdue or due soon has it on
 * or before the window's end. Two days' margin past the window makes it a superset on any offset;
 * buildInbox then decides exactly. Without it an inbox reads every open clock in the area (bench/scale.ts).
 */
export function dueByClause(now: number, dueWithinDays = 7): string {
  const horizon = addDays(londonDate(now), dueWithinDays + 2);
  return `NextDueDate <= "${horizon}T00:00:00Z"`;
}

/** Whose item it is: the process, its case and LA, and who holds it. */
function whose(
  view: ClockView,
): Pick<InboxItem, 'workflowId' | 'caseId' | 'type' | 'localAuthority' | 'team' | 'workerId'> {
  return {
    workflowId: view.workflowId,
    caseId: view.caseId,
    type: view.type,
    localAuthority: view.localAuthority,
    ...(view.assignment.team ? { team: view.assignment.team } : {}),
    ...(view.assignment.workerId ? { workerId: view.assignment.workerId } : {}),
  };
}

/** The highest tier decided so far. */
const highest = (escalations: StepView['escalations']) =>
  [...escalations].sort((a, b) => TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier)).at(-1);

/** The item's lastEscalation: the highest notice sent, with who received it; none when nothing was sent. */
function lastEscalationOf(last: ReturnType<typeof highest>): Pick<InboxItem, 'lastEscalation'> {
  if (!last) return {};
  return {
    lastEscalation: { tier: last.tier, at: last.at, ...(last.recipients ? { recipients: last.recipients } : {}) },
  };
}

export function buildInbox(views: ClockView[], now: number, filter: InboxFilter = {}): Inbox {
  const today = londonDate(now);
  const within = filter.dueWithinDays ?? 7;
  const dueSoonUntil = addDays(today, within);
  const include = filter.include ?? 'all';
  const items: InboxItem[] = [];
  for (const view of views) {
    if (view.status !== 'open') continue;
    if (filter.type && view.type !== filter.type) continue;
    if (filter.localAuthority && view.localAuthority !== filter.localAuthority) continue;
    if (filter.team && view.assignment.team !== filter.team) continue;
    if (filter.worker && view.assignment.workerId !== filter.worker) continue;
    // An alarm is always listed (whatever include asks): it is the one thing that cannot wait for a due date.
    for (const alarm of (view.alarms ?? []).filter((a) => a.status === 'open')) {
      const last = highest(alarm.escalations);
      items.push({
        ...whose(view),
        step: `alarm:${alarm.kind}`,
        occurrence: 1,
        title: `${alarm.what}. To clear it: ${alarm.action}`,
        state: 'alarm',
        dueDate: alarm.raisedAt.slice(0, 10),
        dueAt: alarm.raisedAt,
        daysOverdue: Math.max(0, toDayNumber(today) - toDayNumber(alarm.raisedAt.slice(0, 10))),
        daysUntilDue: 0,
        ...lastEscalationOf(last),
        rule: `raised ${alarm.raisedAt}`,
      });
    }
    for (const step of view.steps) {
      if (!actionable(step)) continue;
      // Overdue from the instant after the last on-time moment, whatever the ladder has sent so far.
      const overdue = Date.parse(step.dueAt!) < now;
      const dueSoon = !overdue && step.dueDate! <= dueSoonUntil;
      if (!(overdue && include !== 'due-soon') && !(dueSoon && include !== 'overdue')) continue;
      const last = highest(step.escalations);
      items.push({
        ...whose(view),
        step: step.key,
        occurrence: step.occurrence,
        title: step.title,
        state: overdue ? 'overdue' : 'due-soon',
        dueDate: step.dueDate!,
        dueAt: step.dueAt!,
        ...(step.revisedTarget ? { revisedTarget: step.revisedTarget } : {}),
        daysOverdue: overdue ? Math.max(0, toDayNumber(today) - toDayNumber(step.dueDate!)) : 0,
        daysUntilDue: overdue ? 0 : Math.max(0, toDayNumber(step.dueDate!) - toDayNumber(today)),
        ...lastEscalationOf(last),
        rule: `${durationWords(step.rule)} from ${step.rule.anchor}`,
      });
    }
  }
  // Most overdue first (earliest due instant), then what falls due soonest; ties in a stable id order.
  items.sort(
    (a, b) =>
      STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
      Date.parse(a.dueAt) - Date.parse(b.dueAt) ||
      a.workflowId.localeCompare(b.workflowId) ||
      a.step.localeCompare(b.step) ||
      a.occurrence - b.occurrence,
  );
  const byStep: Inbox['counts']['byStep'] = {};
  for (const item of items) {
    const c = (byStep[item.step] ??= { overdue: 0, dueSoon: 0 });
    if (item.state === 'due-soon') c.dueSoon++;
    else c.overdue++;
  }
  return {
    asOf: formatLondon(now),
    today,
    dueSoonUntil,
    items,
    counts: {
      alarms: items.filter((i) => i.state === 'alarm').length,
      overdue: items.filter((i) => i.state === 'overdue').length,
      dueSoon: items.filter((i) => i.state === 'due-soon').length,
      byStep,
    },
  };
}
