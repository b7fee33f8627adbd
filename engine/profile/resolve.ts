/**
 * Resolving one process's rules for an LA: the profile chain merged national first (an LA file overrides
 * only what its standards change), each step checked and completed with its defaults and inherited
 * ladder, the national rule run beside any looser local one, and the steps put in the order they
 * happen. Pure: profiles/load.ts reads the files, hashes the result and caches it.
 */
import { TIME_LIMIT_UNITS } from '../compute/timeLimit';
import { checkStep, checkTimeLimit } from './checks';
import { ladderOf, looserThan, orderSteps } from './order';
import type { ResolvedProcessRules, ResolvedStepRule } from './resolved';
import { StepRuleSchema, type ProfileFile } from './schema';

/** The resolved rules before their version (the loader hashes them), or every problem found. */
export type Resolution = { rules: Omit<ResolvedProcessRules, 'version'> } | { problems: string[] };

function issuePath(path: PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

function stripUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** `chain` is the inheritance chain, national first; `national` the national rules of this process, if any. */
export function resolveProcess(
  chain: ProfileFile[],
  id: string,
  processType: string,
  national: ResolvedProcessRules | undefined,
): Resolution {
  const problems: string[] = [];
  let notificationHour = 9;
  let anchorOnNonWorkingDay: ResolvedProcessRules['anchorOnNonWorkingDay'] = 'count-from-anchor';
  let hourBreachRole: ResolvedProcessRules['hourBreachRole'] = 'duty-manager';
  let ladder: ResolvedStepRule['ladder'] | undefined;
  let anchors: string[] | undefined;
  let timeLimit: ResolvedProcessRules['timeLimit'];
  let processLadder: ResolvedStepRule['ladder'] | undefined;
  let alarm: ResolvedProcessRules['alarm'];
  const steps = new Map<string, { merged: Record<string, unknown>; definedBy: string }>();
  for (const p of chain) {
    notificationHour = p.notificationHour ?? notificationHour;
    anchorOnNonWorkingDay = p.anchorOnNonWorkingDay ?? anchorOnNonWorkingDay;
    hourBreachRole = p.hourBreachRole ?? hourBreachRole;
    ladder = p.ladder ?? ladder;
    alarm = p.alarm ?? alarm;
    const proc = p.processes[processType];
    if (!proc) continue;
    anchors = proc.anchors ?? anchors;
    timeLimit = proc.timeLimit ?? timeLimit;
    processLadder = proc.ladder ?? processLadder;
    for (const [key, partial] of Object.entries(proc.steps ?? {})) {
      const base = steps.get(key)?.merged ?? {};
      steps.set(key, { merged: { ...base, ...stripUndefined(partial) }, definedBy: p.id });
    }
  }
  if (!anchors) problems.push(`${id}: processes.${processType}: no profile in the chain lists its anchors`);
  if (!ladder) problems.push(`${id}: ladder: no profile in the chain defines the escalation ladder`);
  if (steps.size === 0) problems.push(`${id}: processes.${processType}: no steps`);
  const inheritedLadder = processLadder ?? ladder ?? [];
  const context = { processType, anchors, steps: new Set(steps.keys()), inheritedLadder };
  const resolved: ResolvedStepRule[] = [];
  for (const [key, { merged, definedBy }] of steps) {
    const where = `${definedBy}: processes.${processType}.steps.${key}`;
    const parsed = StepRuleSchema.safeParse(merged);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${where}.${issuePath(issue.path)}: ${issue.message}`);
      continue;
    }
    const rule = parsed.data;
    problems.push(...checkStep(where, key, rule, context));
    const stepLadder = ladderOf(rule, inheritedLadder);
    const out: ResolvedStepRule = {
      key,
      title: rule.title,
      anchor: rule.anchor,
      due: rule.due,
      kind: rule.kind,
      // Flags default here, after the merge, so an LA's partial step never resets England's true to false.
      meeting: rule.meeting ?? false,
      visit: rule.visit ?? false,
      source: rule.source,
      ladder: stepLadder,
      completableBeforeAnchor: rule.completableBeforeAnchor ?? false,
      definedBy,
    };
    if (rule.extension) out.extension = rule.extension;
    if (rule.window) out.window = rule.window;
    if (rule.note) out.note = rule.note;
    if (rule.anchorPick) out.anchorPick = rule.anchorPick;
    if (rule.also?.length) out.also = rule.also;
    if (rule.repeat) out.repeat = rule.repeat;
    if (rule.variants?.length) out.variants = rule.variants;
    if (rule.perAnchor) out.perAnchor = true;
    if (rule.appliesIfDueAfter) out.appliesIfDueAfter = rule.appliesIfDueAfter;
    if (rule.requires?.length) out.requires = rule.requires;
    // Only a national rule is a ceiling; England's product defaults (kind local) are not.
    const nat = national?.steps.find((s) => s.key === key && s.kind === 'statutory');
    if (nat && anchors) {
      const looser = looserThan(rule, nat, anchors);
      if (looser) {
        out.looserThanNational = looser;
        // Never later than statute: the national date runs beside the LA's, and the earlier applies.
        out.also = [...(out.also ?? []), { anchor: nat.anchor, due: nat.due, source: nat.source, national: true }];
      }
    }
    resolved.push(out);
  }
  if (timeLimit && anchors)
    problems.push(
      ...checkTimeLimit(`${id}: processes.${processType}.timeLimit`, processType, timeLimit, anchors, TIME_LIMIT_UNITS),
    );
  if (problems.length) return { problems };
  return {
    rules: {
      processType,
      profileId: id,
      profileName: chain.at(-1)!.name,
      notificationHour,
      anchorOnNonWorkingDay,
      hourBreachRole,
      anchors: anchors!,
      ...(timeLimit ? { timeLimit } : {}),
      steps: orderSteps(resolved, anchors!),
      ...(alarm ? { alarm } : {}),
    },
  };
}
