/**
 * The simulated case-management system's practitioners: given a process's clock (the view every Update
 * returns), what they record next and on which day. Most steps are done a few working days before they
 * fall due, some late (far enough that overdue, escalated and critical fire), a few visits find nobody in
 * first; outcomes follow the year's plan (which enquiries lead to a CP plan) or named draws (reviews, the
 * assessment's conclusion, the fate of an enquiry an assessment started). Every event is dated with its
 * time (10:00 London, with the offset), so hour rules (York's allocation, 24 hours from the decision) count.
 */
import { formatLondon, londonWallTime } from '../../engine/calendar/london';
import type { ProfileRegistry } from '../../profiles/load';
import type { ResolvedProcessRules } from '../../engine/profile/resolved';
import type { ClockView, StepView } from '../../engine/types';
import { shapeOf } from '../../engine/catalogue';
import { draw, pick, weighted } from './draw';
import { calendar, type EnquiryFate, type PlannedReferral } from './plan';

export interface Completion {
  kind: 'complete';
  workflowId: string;
  /** The day it is recorded: the event happens at 10:00 London that day. */
  date: string;
  step: string;
  occurrence: number;
  outcome?: string;
  seen?: boolean;
  /** Refusals already met (a conflict is tried again the next working day, a few times). */
  retries: number;
}

export interface AnchorRecord {
  kind: 'anchor';
  workflowId: string;
  date: string;
  anchor: string;
  anchorKind?: string;
  retries: number;
}

export type Action = Completion | AnchorRecord;

/** The agenda key of an action: one per step occurrence, one per anchor. */
export const keyOf = (a: { kind: string; step?: string; occurrence?: number; anchor?: string }) =>
  a.kind === 'anchor' ? `anchor:${a.anchor}` : `${a.step}#${a.occurrence}`;

/** When the event is dated: 10:00 London, after the 09:00 reminders and escalations of that day (sent a minute later: simulation.ts). */
export const eventInstant = (date: string) => londonWallTime(date, 10, 0);
export const occurredAt = (date: string) => formatLondon(eventInstant(date));

export interface Practice {
  /** Share of steps completed after their due date. */
  lateShare: number;
  /** Share of visits where the child is not seen at the first try. */
  noAccessShare: number;
}

export const PRACTICE: Practice = { lateShare: 0.15, noAccessShare: 0.05 };

/**
 * What a single assessment concludes (its `assessment-complete` outcome, which every conclusion ends it
 * with), by named draw: mostly no further action or early help, some a child in need plan (started by the
 * hand-over, then driven like the others), a few a strategy discussion (a child protection enquiry).
 */
export const ASSESSMENT_OUTCOMES: [string, number][] = [
  ['no-further-action', 50],
  ['early-help', 35],
  ['child-in-need-plan', 12],
  ['strategy-discussion', 3],
];

/**
 * What an enquiry started by an assessment's strategy discussion comes to (the year's plan only decides the
 * enquiries the front door starts): mostly no further action or a CIN plan, fewer CP plans than the planned ones.
 */
export const ASSESSMENT_ENQUIRY_FATES: [EnquiryFate, number][] = [
  ['nfa', 35],
  ['cin', 25],
  ['cp', 30],
  ['icpc-nfa', 10],
];

const OPEN = new Set(['pending', 'overdue', 'extended']);

export class Caseworker {
  private readonly rules = new Map<string, ResolvedProcessRules>();

  constructor(
    private readonly registry: ProfileRegistry,
    private readonly seed: number,
    /** Each referral's planned decision and enquiry fate, by `${caseId}|${episode}` (the enquiry shares both). */
    private readonly referrals: Map<string, Pick<PlannedReferral, 'decision' | 'enquiry'>>,
    private readonly lastDay: string,
    private readonly practice: Practice = PRACTICE,
  ) {}

  private rulesOf(view: ClockView): ResolvedProcessRules {
    const k = `${view.localAuthority}|${view.type}`;
    let r = this.rules.get(k);
    if (!r) this.rules.set(k, (r = this.registry.resolve(view.localAuthority, view.type)));
    return r;
  }

  /** The actions this clock calls for that are not on the agenda yet (`scheduled` answers by agenda key). */
  next(view: ClockView, today: string, scheduled: (key: string) => boolean): Action[] {
    if (view.status !== 'open') return [];
    const rules = this.rulesOf(view);
    const shape = shapeOf(view.type);
    const present = new Set(view.steps.map((s) => s.key));
    // Anchors a step's outcome records (the S47 start, at the strategy discussion) need no event of their own.
    const byOutcome = new Set(
      Object.entries(shape.outcomes)
        .filter(([step]) => present.has(step))
        .flatMap(([, outcomes]) => Object.values(outcomes).map((o) => o.setsAnchor))
        .filter(Boolean),
    );
    const actions: Action[] = [];
    for (const s of view.steps) {
      if (s.status === 'awaiting-anchor') {
        // An anchor that is neither a step nor an outcome's: the practitioner records it (York's allocation
        // and England's strategy discussion are steps now, so this is for a profile that still leaves one out).
        if (
          present.has(s.anchor) ||
          byOutcome.has(s.anchor) ||
          !rules.anchors.includes(s.anchor) ||
          scheduled(`anchor:${s.anchor}`)
        )
          continue;
        const date =
          draw(this.seed, view.workflowId, s.anchor, 'anchor-day') < 0.5 ? today : calendar.workingDaysAfter(today, 1);
        if (date <= this.lastDay)
          actions.push({ kind: 'anchor', workflowId: view.workflowId, date, anchor: s.anchor, retries: 0 });
        continue;
      }
      if (!OPEN.has(s.status) || !s.dueDate || scheduled(`${s.key}#${s.occurrence}`)) continue;
      const rule = rules.steps.find((r) => r.key === s.key);
      if (!rule || rule.window) continue;
      // A step that needs another first waits for the view in which that one is done.
      if (
        (rule.requires ?? []).some((req) =>
          view.steps.some((x) => x.key === req && x.status !== 'completed' && x.status !== 'cancelled'),
        )
      )
        continue;
      const date = this.dayFor(
        view,
        s,
        rule.due.unit === 'hours',
        rule.repeat !== undefined && s.occurrence > 1,
        today,
      );
      if (!date) continue;
      actions.push({
        kind: 'complete',
        workflowId: view.workflowId,
        date,
        step: s.key,
        occurrence: s.occurrence,
        ...(rule.visit
          ? { seen: draw(this.seed, view.workflowId, s.key, s.occurrence, 'no-access') >= this.practice.noAccessShare }
          : {}),
        ...this.outcome(view, s),
        retries: 0,
      });
    }
    return actions;
  }

  /** A visit where the child was not seen: tried again two working days later, seen then. */
  revisit(a: Completion): Completion {
    return { ...a, date: calendar.workingDaysAfter(a.date, 2), seen: true, retries: 0 };
  }

  /** A refused event: tried again the next working day, at most three times. */
  retry(a: Action): Action | undefined {
    if (a.retries >= 3) return undefined;
    const date = calendar.workingDaysAfter(a.date, 1);
    return date <= this.lastDay ? { ...a, date, retries: a.retries + 1 } : undefined;
  }

  private dayFor(
    view: ClockView,
    s: StepView,
    byTheHour: boolean,
    recurring: boolean,
    today: string,
  ): string | undefined {
    const late = draw(this.seed, view.workflowId, s.key, s.occurrence, 'late') < this.practice.lateShare;
    const due = calendar.workingDayOnOrBefore(s.dueDate!);
    let date: string;
    if (byTheHour)
      date = late ? calendar.workingDaysAfter(today, 1) : today; // e.g. a strategy discussion within 24 hours
    else if (late)
      date = calendar.workingDaysAfter(due, 1 + pick(8, this.seed, view.workflowId, s.key, s.occurrence, 'days-late'));
    else date = calendar.workingDaysBefore(due, pick(4, this.seed, view.workflowId, s.key, s.occurrence, 'days-early'));
    // Never before today, and the next of a recurring step after the one just recorded.
    const earliest = recurring ? calendar.workingDaysAfter(today, 1) : today;
    if (date < earliest) date = earliest;
    date = calendar.workingDayOnOrAfter(date);
    if (date <= this.lastDay) return date;
    // Every referral of the year is decided within it (so the year's assessments all start).
    return s.key === 'referral-decision' ? today : undefined;
  }

  private outcome(view: ClockView, s: StepView): { outcome?: string } {
    const planned = this.referrals.get(`${view.caseId}|${view.episode}`);
    // The front door's enquiries follow the plan; one an assessment started is drawn.
    const fate =
      planned?.enquiry ??
      (view.type === 'child-protection-enquiry'
        ? weighted(ASSESSMENT_ENQUIRY_FATES, this.seed, view.workflowId, 'enquiry-fate')
        : undefined);
    const d = draw(this.seed, view.workflowId, s.key, s.occurrence, 'outcome');
    switch (s.key) {
      case 'referral-decision':
        return { outcome: planned?.decision ?? 'no-further-action' };
      case 'assessment-complete':
        return { outcome: weighted(ASSESSMENT_OUTCOMES, this.seed, view.workflowId, 'assessment-outcome') };
      case 'strategy-discussion':
        return { outcome: 's47' };
      case 's47-complete':
        return { outcome: fate === 'cin' ? 'child-in-need-plan' : fate === 'nfa' ? 'no-further-action' : 'icpc' };
      case 'icpc':
        return { outcome: fate === 'cp' ? 'child-protection-plan' : 'no-further-action' };
      case 'rcpc':
        // The first review keeps the plan; later ones continue, step down to a CIN plan or end it.
        return { outcome: s.occurrence === 1 || d < 0.6 ? 'continue' : d < 0.85 ? 'step-down' : 'end' };
      case 'cin-review':
        return { outcome: d < (s.occurrence === 1 ? 0.8 : 0.6) ? 'continue' : 'close' };
      default: {
        const outcomes = Object.keys(shapeOf(view.type).outcomes[s.key] ?? {});
        return outcomes.length ? { outcome: outcomes[0] } : {};
      }
    }
  }
}
