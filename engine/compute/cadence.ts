/**
 * Which timescale applies to an occurrence, from the case's recorded facts on the date it is counted
 * from: reg 28's visit variants (placement type, first review, the placement's first year, permanence),
 * the second looked-after review, health assessments by age. Pure, like the rest of the schedule.
 */
import { anniversary } from '../calendar/localDate';
import { parseMoment } from '../calendar/london';
import type { ResolvedStepRule, ResolvedVariant } from '../profile/resolved';
import type { Condition } from '../profile/schema';
import type { ClockState } from '../types';

const dateOf = (value: string) => parseMoment(value).date;

/** Every value recorded for an anchor, oldest first; a step key gives the dates that step happened. */
export function anchorValues(state: ClockState, name: string): string[] {
  const log = state.anchorLog[name] ?? (state.anchors[name] ? [state.anchors[name]] : []);
  if (log.length) return [...log].sort((a, b) => parseMoment(a).at - parseMoment(b).at);
  return (state.completions[name] ?? []).map((c) => c.occurredAt);
}

/** The anchor's value in force on a date: the latest recorded on or before it. */
export function valueInForce(state: ClockState, anchor: string, onDate: string): string | undefined {
  return anchorValues(state, anchor)
    .filter((v) => dateOf(v) <= onDate)
    .at(-1);
}

/** The kind recorded with one value of an anchor (the type of the placement that started then). */
export function kindOf(state: ClockState, anchor: string, value: string): string | undefined {
  return (state.anchorKinds[anchor] ?? []).filter((k) => k.at === value).at(-1)?.kind;
}

export interface CountContext {
  from: 'anchor' | 'previous';
  occurrence: number;
  /** The date counted from (London date). */
  on: string;
}

export function holds(state: ClockState, when: Condition, ctx: CountContext): boolean {
  if (when.from && when.from !== ctx.from) return false;
  if (when.occurrence?.min !== undefined && ctx.occurrence < when.occurrence.min) return false;
  if (when.occurrence?.max !== undefined && ctx.occurrence > when.occurrence.max) return false;
  if (when.kindOf) {
    const value = valueInForce(state, when.kindOf.anchor, ctx.on);
    const kind = value === undefined ? undefined : kindOf(state, when.kindOf.anchor, value);
    if (!kind || !when.kindOf.in.includes(kind)) return false;
  }
  if (when.recorded) {
    const since = when.recorded.since ? valueInForce(state, when.recorded.since, ctx.on) : undefined;
    const values = anchorValues(state, when.recorded.anchor).filter(
      (v) => dateOf(v) <= ctx.on && (!since || dateOf(v) >= dateOf(since)),
    );
    if (!values.length) return false;
  }
  if (when.within) {
    const value = valueInForce(state, when.within.anchor, ctx.on);
    if (!value || ctx.on >= anniversary(dateOf(value), when.within.years)) return false;
  }
  const firstDone = (step: string) => {
    const first = state.completions[step]?.[0];
    return first !== undefined && dateOf(first.occurredAt) <= ctx.on;
  };
  if (when.stepDone && !firstDone(when.stepDone)) return false;
  if (when.stepNotDone && firstDone(when.stepNotDone)) return false;
  return true;
}

/** The first variant of the rule whose condition holds, or undefined (the rule's own timescale applies). */
export function variantFor(state: ClockState, rule: ResolvedStepRule, ctx: CountContext): ResolvedVariant | undefined {
  return (rule.variants ?? []).find((v) => holds(state, v.when, ctx));
}

/** A condition in words, for the explanation next to a due date. */
export function describeCondition(when: Condition): string {
  const parts: string[] = [];
  if (when.occurrence)
    parts.push(
      `occurrence ${when.occurrence.min ?? 1}${when.occurrence.max === when.occurrence.min ? '' : `-${when.occurrence.max ?? ''}`}`,
    );
  if (when.kindOf) parts.push(`${when.kindOf.anchor} is ${when.kindOf.in.join(' or ')}`);
  if (when.recorded)
    parts.push(`${when.recorded.anchor} recorded${when.recorded.since ? ` since the ${when.recorded.since}` : ''}`);
  if (when.within)
    parts.push(`less than ${when.within.years} year${when.within.years > 1 ? 's' : ''} after ${when.within.anchor}`);
  if (when.stepDone) parts.push(`after the first ${when.stepDone}`);
  if (when.stepNotDone) parts.push(`before the first ${when.stepNotDone}`);
  return parts.join(', ') || 'always';
}

/** The anchors a condition reads, so recording one can say which due dates it moved. */
export function conditionAnchors(when: Condition): string[] {
  return [when.kindOf?.anchor, when.recorded?.anchor, when.recorded?.since, when.within?.anchor].filter(
    (a): a is string => a !== undefined,
  );
}
