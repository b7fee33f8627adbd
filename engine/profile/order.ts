/** Ordering and comparing step rules: the order steps happen in, and whether an LA's rule is looser than the nation's. */
import { durationWords } from '../calendar/due';
import { TIERS, type StepRule } from './schema';
import type { ResolvedStepRule } from './resolved';

/** Rough size of a duration in days, for ordering and comparison only (never for due dates). */
export function unitDays(d: { value: number; unit: string }): number {
  const per: Record<string, number> = {
    hours: 1 / 24,
    'working-days': 1.4,
    'calendar-days': 1,
    weeks: 7,
    months: 30.4,
  };
  return d.value * (per[d.unit] ?? 1);
}

/** A step's ladder, lowest tier first: its own, else the one it inherits. A window is the complainant's time: nobody is reminded or escalated. */
export function ladderOf(
  rule: Pick<StepRule, 'window' | 'ladder'>,
  inherited: ResolvedStepRule['ladder'],
): ResolvedStepRule['ladder'] {
  const ladder = rule.window ? [] : (rule.ladder ?? inherited);
  return [...ladder].sort((a, b) => TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier));
}

/** Orders steps as they happen: by anchor (a step anchored on another follows it), then by length. */
export function orderSteps(resolved: ResolvedStepRule[], anchors: string[]): ResolvedStepRule[] {
  const byKey = new Map(resolved.map((r) => [r.key, r]));
  const order = (s: ResolvedStepRule, depth = 0): number => {
    const anchorStep = byKey.get(s.anchor);
    if (anchorStep && depth < 10) return order(anchorStep, depth + 1) + unitDays(s.due) + 1;
    return Math.max(anchors.indexOf(s.anchor), 0) * 10_000 + unitDays(s.due);
  };
  return [...resolved].sort((a, b) => order(a) - order(b) || a.key.localeCompare(b.key));
}

type RuleLike = { anchor: string; due: { value: number; unit: string } };

/** Why an LA rule gives a later date than the national one, or undefined. */
export function looserThan(local: RuleLike, national: RuleLike, anchors: string[]): string | undefined {
  const la = anchors.indexOf(local.anchor);
  const na = anchors.indexOf(national.anchor);
  const sameUnit = local.due.unit === national.due.unit;
  if (
    la > na &&
    (!sameUnit || local.due.value >= national.due.value) &&
    unitDays(local.due) >= unitDays(national.due)
  ) {
    return `counted from ${local.anchor}, which comes after the national anchor ${national.anchor}, with no shorter limit (${durationWords(local.due)} against ${durationWords(national.due)}): later than the national rule`;
  }
  if (la === na && unitDays(local.due) > unitDays(national.due)) {
    return `${durationWords(local.due)} from ${local.anchor} is longer than the national ${durationWords(national.due)}`;
  }
  return undefined;
}
