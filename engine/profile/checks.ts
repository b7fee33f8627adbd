/**
 * The checks of a profile's step rule that zod cannot make alone: what it counts from is an anchor or a
 * step of its process, its parts agree with each other, and its ladder escalates someone. Each problem
 * names the file and the rule's path, so a bad profile stops startup with a message an LA can act on.
 */
import { durationWords } from '../calendar/due';
import { conditionAnchors } from '../compute/cadence';
import { shapeOf } from '../catalogue';
import { ladderOf, unitDays } from './order';
import type { ResolvedStepRule } from './resolved';
import type { StepRule, TimeLimit } from './schema';

/** What a step is checked against: its process's anchors and steps, and the ladder it inherits. */
export interface StepContext {
  processType: string;
  anchors: string[] | undefined;
  steps: ReadonlySet<string>;
  /** The ladder of the process, or of the profile, that a step without its own takes. */
  inheritedLadder: ResolvedStepRule['ladder'];
}

/** Every problem with one step rule (empty when none), each prefixed by `where`. */
export function checkStep(where: string, key: string, rule: StepRule, ctx: StepContext): string[] {
  const problems: string[] = [];
  const { processType, anchors } = ctx;
  const steps = ctx.steps;
  // A step counts from an anchor of the process or from the date another step happened.
  const known = (a: string) => (anchors ?? []).includes(a) || steps.has(a);
  if (anchors && !known(rule.anchor)) {
    problems.push(
      `${where}.anchor: '${rule.anchor}' is neither an anchor of ${processType} (${anchors.join(', ')}) nor one of its steps`,
    );
  }
  if (rule.anchor === key) problems.push(`${where}.anchor: a step cannot count from itself`);
  (rule.also ?? []).forEach((t, i) => {
    if (anchors && !known(t.anchor))
      problems.push(
        `${where}.also.${i}.anchor: '${t.anchor}' is neither an anchor of ${processType} nor one of its steps`,
      );
    if (t.due.unit === 'hours' && t.due.before)
      problems.push(`${where}.also.${i}.due.before: an hour rule cannot count back`);
  });
  if (rule.due.unit === 'hours' && rule.due.before)
    problems.push(`${where}.due.before: an hour rule cannot count back`);
  if (
    rule.anchorPick &&
    typeof rule.anchorPick === 'object' &&
    anchors &&
    !anchors.includes(rule.anchorPick.latestOnOrBefore)
  ) {
    problems.push(
      `${where}.anchorPick.latestOnOrBefore: '${rule.anchorPick.latestOnOrBefore}' is not an anchor of ${processType}`,
    );
  }
  (rule.variants ?? []).forEach((v, i) => {
    const at = `${where}.variants.${i}.when`;
    for (const a of conditionAnchors(v.when))
      if (anchors && !known(a))
        problems.push(`${at}: '${a}' is neither an anchor of ${processType} nor one of its steps`);
    const kinds = shapeOf(processType).anchorKinds?.[v.when.kindOf?.anchor ?? ''];
    if (v.when.kindOf && !kinds) problems.push(`${at}.kindOf.anchor: '${v.when.kindOf.anchor}' carries no kind`);
    for (const k of v.when.kindOf?.in ?? [])
      if (kinds && !kinds.includes(k))
        problems.push(`${at}.kindOf.in: '${k}' is not a kind of ${v.when.kindOf!.anchor} (${kinds.join(', ')})`);
    for (const st of [v.when.stepDone, v.when.stepNotDone])
      if (st && !steps.has(st)) problems.push(`${at}: '${st}' is not a step of ${processType}`);
    if (v.due.unit === 'hours')
      problems.push(`${where}.variants.${i}.due.unit: variants count in days, weeks or months`);
    if (v.when.from === 'previous' && !rule.repeat) problems.push(`${at}.from: 'previous' needs a recurring step`);
  });
  if (rule.appliesIfDueAfter && anchors && !anchors.includes(rule.appliesIfDueAfter))
    problems.push(`${where}.appliesIfDueAfter: '${rule.appliesIfDueAfter}' is not an anchor of ${processType}`);
  if (rule.perAnchor && rule.repeat)
    problems.push(`${where}.perAnchor: a step is due per anchor value or on a cadence, not both`);
  (rule.also ?? []).forEach((t, i) => {
    if (t.anyOccurrence && !rule.repeat)
      problems.push(`${where}.also.${i}.anyOccurrence: only a recurring step has later occurrences to bring forward`);
  });
  for (const r of rule.requires ?? [])
    if (!steps.has(r) || r === key) problems.push(`${where}.requires: '${r}' is not another step of ${processType}`);
  if (rule.repeat) {
    if (rule.repeat.every.unit === 'hours')
      problems.push(`${where}.repeat.every.unit: a recurring step repeats in days, weeks or months`);
    if (rule.repeat.every.value < 1) problems.push(`${where}.repeat.every.value: must be at least 1`);
    const loosest = rule.repeat.adjustable?.loosest;
    if (loosest && rule.repeat.adjustable?.anyInterval)
      problems.push(`${where}.repeat.adjustable.anyInterval: give either a loosest interval or anyInterval, not both`);
    if (rule.repeat.adjustable?.anyInterval && !rule.repeat.adjustable.approverRole)
      problems.push(`${where}.repeat.adjustable.approverRole: an interval with no limit needs the role that sets it`);
    if (loosest && unitDays(loosest) < unitDays(rule.repeat.every))
      problems.push(
        `${where}.repeat.adjustable.loosest: ${durationWords(loosest)} is tighter than the default interval; it is the loosest interval allowed`,
      );
  }
  if (rule.extension) {
    const { max } = rule.extension;
    if (max.unit !== rule.due.unit)
      problems.push(`${where}.extension.max.unit: must be ${rule.due.unit}, the unit of the rule`);
    else if (max.value < rule.due.value)
      problems.push(`${where}.extension.max.value: ${max.value} is shorter than the rule itself (${rule.due.value})`);
  }
  if (rule.window) {
    if (anchors && !anchors.includes(rule.window.closedBy))
      problems.push(`${where}.window.closedBy: '${rule.window.closedBy}' is not an anchor of ${processType}`);
    if (rule.extension) problems.push(`${where}.extension: a complainant's window cannot be extended`);
    if (rule.repeat || rule.perAnchor) problems.push(`${where}.window: a window is a one-off step`);
    if (rule.ladder) problems.push(`${where}.ladder: a complainant's window escalates nobody`);
  }
  // A window is the complainant's time: nobody is reminded or escalated.
  const stepLadder = ladderOf(rule, ctx.inheritedLadder);
  if (!rule.window && !stepLadder.some((t) => t.tier === 'overdue'))
    problems.push(`${where}.ladder: needs an 'overdue' tier`);
  return problems;
}

/** The problems with a process's time limit (a complaint's 12 months). */
export function checkTimeLimit(
  at: string,
  processType: string,
  timeLimit: TimeLimit,
  anchors: string[],
  units: readonly string[],
): string[] {
  const problems: string[] = [];
  for (const a of [timeLimit.anchor, timeLimit.of])
    if (!anchors.includes(a)) problems.push(`${at}: '${a}' is not an anchor of ${processType}`);
  if (!units.includes(timeLimit.within.unit))
    problems.push(
      `${at}.within.unit: one of ${units.join(', ')} (a limit may reach back before the calendar's coverage)`,
    );
  return problems;
}
