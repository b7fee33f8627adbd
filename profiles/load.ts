/**
 * Loads and validates every LA profile, resolves inheritance, and hands out the rules of one process.
 * Any problem stops startup with a message naming the file and rule (e.g.
 * "derbyshire: processes.single-assessment.steps.initial-visit.due.unit: ...").
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { PROCESS_TYPES, ProfileFile, ProfileFileSchema, StepRuleSchema, TIERS } from '../engine/profile/schema';
import type { ResolvedProcessRules, ResolvedStepRule } from '../engine/profile/resolved';
import { conditionAnchors } from '../engine/compute/cadence';
import { shapeOf } from '../engine/catalogue';
import { TIME_LIMIT_UNITS } from '../engine/compute/timeLimit';
import { durationWords } from '../engine/calendar/due';

export const DEFAULT_PROFILE_DIR = resolve(__dirname, 'data');
const NATIONAL = 'england';

export class ProfileError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid LA profile(s):\n  - ${problems.join('\n  - ')}`);
    this.name = 'ProfileError';
  }
}

function issuePath(path: PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

export function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

export class ProfileRegistry {
  /** Profiles are immutable once loaded, so each (LA, process) is resolved and hashed once. */
  private readonly resolved = new Map<string, ResolvedProcessRules>();

  private constructor(private readonly files: Map<string, ProfileFile>) {}

  /** Validates every file, then resolves every process of every profile, so all errors surface at startup. */
  static fromFiles(raw: Record<string, unknown>): ProfileRegistry {
    const problems: string[] = [];
    const files = new Map<string, ProfileFile>();
    for (const [name, data] of Object.entries(raw)) {
      const parsed = ProfileFileSchema.safeParse(data);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) problems.push(`${name}: ${issuePath(issue.path)}: ${issue.message}`);
        continue;
      }
      if (parsed.data.id !== name) problems.push(`${name}: id '${parsed.data.id}' does not match the file name`);
      for (const type of Object.keys(parsed.data.processes)) {
        if (!(PROCESS_TYPES as readonly string[]).includes(type)) problems.push(`${name}: processes.${type}: unknown process type (known: ${PROCESS_TYPES.join(', ')})`);
      }
      files.set(parsed.data.id, parsed.data);
    }
    if (!files.has(NATIONAL) && problems.length === 0) problems.push(`${NATIONAL}: the national profile is missing`);
    const registry = new ProfileRegistry(files);
    if (problems.length === 0) {
      for (const id of files.keys()) {
        for (const type of registry.processTypes(id)) {
          try {
            registry.resolve(id, type);
          } catch (err) {
            if (err instanceof ProfileError) problems.push(...err.problems);
            else throw err;
          }
        }
      }
    }
    if (problems.length) throw new ProfileError(problems);
    return registry;
  }

  static fromDirectory(dir = DEFAULT_PROFILE_DIR): ProfileRegistry {
    const raw: Record<string, unknown> = {};
    const problems: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      const id = file.replace(/\.json$/, '');
      try {
        raw[id] = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      } catch (err) {
        problems.push(`${id}: ${file} is not valid JSON (${(err as Error).message})`);
      }
    }
    if (problems.length) throw new ProfileError(problems);
    return ProfileRegistry.fromFiles(raw);
  }

  ids(): string[] {
    return [...this.files.keys()].sort();
  }

  has(id: string): boolean {
    return this.files.has(id);
  }

  get(id: string): ProfileFile {
    const file = this.files.get(id);
    if (!file) throw new ProfileError([`${id}: no such LA profile (known: ${this.ids().join(', ')})`]);
    return file;
  }

  /** The inheritance chain, national first. */
  chain(id: string): ProfileFile[] {
    const out: ProfileFile[] = [];
    const seen = new Set<string>();
    let cur: ProfileFile | undefined = this.get(id);
    while (cur) {
      if (seen.has(cur.id)) throw new ProfileError([`${id}: inheritance loop through '${cur.id}'`]);
      seen.add(cur.id);
      out.unshift(cur);
      if (!cur.inherits) break;
      if (!this.files.has(cur.inherits)) throw new ProfileError([`${cur.id}: inherits '${cur.inherits}', which does not exist`]);
      cur = this.files.get(cur.inherits);
    }
    return out;
  }

  processTypes(id: string): string[] {
    const types = new Set<string>();
    for (const p of this.chain(id)) for (const t of Object.keys(p.processes)) types.add(t);
    return [...types].sort();
  }

  closureDays(id: string): { date: string; reason: string }[] {
    let days: { date: string; reason: string }[] = [];
    for (const p of this.chain(id)) if (p.closureDays) days = p.closureDays;
    return days;
  }

  resolve(id: string, processType: string): ResolvedProcessRules {
    const key = `${id}/${processType}`;
    let rules = this.resolved.get(key);
    if (!rules) {
      rules = this.resolveUncached(id, processType);
      this.resolved.set(key, rules);
    }
    return rules;
  }

  private resolveUncached(id: string, processType: string): ResolvedProcessRules {
    const chain = this.chain(id);
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
    const national = id === NATIONAL || !this.files.has(NATIONAL) ? undefined : this.tryResolveNational(processType);
    const resolved: ResolvedStepRule[] = [];
    for (const [key, { merged, definedBy }] of steps) {
      const where = `${definedBy}: processes.${processType}.steps.${key}`;
      const parsed = StepRuleSchema.safeParse(merged);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) problems.push(`${where}.${issuePath(issue.path)}: ${issue.message}`);
        continue;
      }
      const rule = parsed.data;
      // A step counts from an anchor of the process or from the date another step happened.
      const known = (a: string) => (anchors ?? []).includes(a) || steps.has(a);
      if (anchors && !known(rule.anchor)) {
        problems.push(`${where}.anchor: '${rule.anchor}' is neither an anchor of ${processType} (${anchors.join(', ')}) nor one of its steps`);
      }
      if (rule.anchor === key) problems.push(`${where}.anchor: a step cannot count from itself`);
      (rule.also ?? []).forEach((t, i) => {
        if (anchors && !known(t.anchor)) problems.push(`${where}.also.${i}.anchor: '${t.anchor}' is neither an anchor of ${processType} nor one of its steps`);
        if (t.due.unit === 'hours' && t.due.before) problems.push(`${where}.also.${i}.due.before: an hour rule cannot count back`);
      });
      if (rule.due.unit === 'hours' && rule.due.before) problems.push(`${where}.due.before: an hour rule cannot count back`);
      if (rule.anchorPick && typeof rule.anchorPick === 'object' && anchors && !anchors.includes(rule.anchorPick.latestOnOrBefore)) {
        problems.push(`${where}.anchorPick.latestOnOrBefore: '${rule.anchorPick.latestOnOrBefore}' is not an anchor of ${processType}`);
      }
      (rule.variants ?? []).forEach((v, i) => {
        const at = `${where}.variants.${i}.when`;
        for (const a of conditionAnchors(v.when)) if (anchors && !known(a)) problems.push(`${at}: '${a}' is neither an anchor of ${processType} nor one of its steps`);
        const kinds = shapeOf(processType).anchorKinds?.[v.when.kindOf?.anchor ?? ''];
        if (v.when.kindOf && !kinds) problems.push(`${at}.kindOf.anchor: '${v.when.kindOf.anchor}' carries no kind`);
        for (const k of v.when.kindOf?.in ?? []) if (kinds && !kinds.includes(k)) problems.push(`${at}.kindOf.in: '${k}' is not a kind of ${v.when.kindOf!.anchor} (${kinds.join(', ')})`);
        for (const st of [v.when.stepDone, v.when.stepNotDone]) if (st && !steps.has(st)) problems.push(`${at}: '${st}' is not a step of ${processType}`);
        if (v.due.unit === 'hours') problems.push(`${where}.variants.${i}.due.unit: variants count in days, weeks or months`);
        if (v.when.from === 'previous' && !rule.repeat) problems.push(`${at}.from: 'previous' needs a recurring step`);
      });
      if (rule.appliesIfDueAfter && anchors && !anchors.includes(rule.appliesIfDueAfter)) problems.push(`${where}.appliesIfDueAfter: '${rule.appliesIfDueAfter}' is not an anchor of ${processType}`);
      if (rule.perAnchor && rule.repeat) problems.push(`${where}.perAnchor: a step is due per anchor value or on a cadence, not both`);
      (rule.also ?? []).forEach((t, i) => {
        if (t.anyOccurrence && !rule.repeat) problems.push(`${where}.also.${i}.anyOccurrence: only a recurring step has later occurrences to bring forward`);
      });
      for (const r of rule.requires ?? []) if (!steps.has(r) || r === key) problems.push(`${where}.requires: '${r}' is not another step of ${processType}`);
      if (rule.repeat) {
        if (rule.repeat.every.unit === 'hours') problems.push(`${where}.repeat.every.unit: a recurring step repeats in days, weeks or months`);
        if (rule.repeat.every.value < 1) problems.push(`${where}.repeat.every.value: must be at least 1`);
        const loosest = rule.repeat.adjustable?.loosest;
        if (loosest && rule.repeat.adjustable?.anyInterval) problems.push(`${where}.repeat.adjustable.anyInterval: give either a loosest interval or anyInterval, not both`);
        if (rule.repeat.adjustable?.anyInterval && !rule.repeat.adjustable.approverRole) problems.push(`${where}.repeat.adjustable.approverRole: an interval with no limit needs the role that sets it`);
        if (loosest && unitDays(loosest) < unitDays(rule.repeat.every)) problems.push(`${where}.repeat.adjustable.loosest: ${durationWords(loosest)} is tighter than the default interval; it is the loosest interval allowed`);
      }
      if (rule.extension) {
        const { max } = rule.extension;
        if (max.unit !== rule.due.unit) problems.push(`${where}.extension.max.unit: must be ${rule.due.unit}, the unit of the rule`);
        else if (max.value < rule.due.value) problems.push(`${where}.extension.max.value: ${max.value} is shorter than the rule itself (${rule.due.value})`);
      }
      if (rule.window) {
        if (anchors && !anchors.includes(rule.window.closedBy)) problems.push(`${where}.window.closedBy: '${rule.window.closedBy}' is not an anchor of ${processType}`);
        if (rule.extension) problems.push(`${where}.extension: a complainant's window cannot be extended`);
        if (rule.repeat || rule.perAnchor) problems.push(`${where}.window: a window is a one-off step`);
        if (rule.ladder) problems.push(`${where}.ladder: a complainant's window escalates nobody`);
      }
      // A window is the complainant's time: nobody is reminded or escalated.
      const stepLadder = rule.window ? [] : (rule.ladder ?? processLadder ?? ladder ?? []);
      if (!rule.window && !stepLadder.some((t) => t.tier === 'overdue')) problems.push(`${where}.ladder: needs an 'overdue' tier`);
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
        ladder: [...stepLadder].sort((a, b) => TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier)),
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
    if (timeLimit && anchors) {
      for (const a of [timeLimit.anchor, timeLimit.of]) if (!anchors.includes(a)) problems.push(`${id}: processes.${processType}.timeLimit: '${a}' is not an anchor of ${processType}`);
      if (!(TIME_LIMIT_UNITS as readonly string[]).includes(timeLimit.within.unit)) problems.push(`${id}: processes.${processType}.timeLimit.within.unit: one of ${TIME_LIMIT_UNITS.join(', ')} (a limit may reach back before the calendar's coverage)`);
    }
    if (problems.length) throw new ProfileError(problems);
    // Order steps as they happen: by anchor (a step anchored on another follows it), then by length.
    const byKey = new Map(resolved.map((r) => [r.key, r]));
    const order = (s: ResolvedStepRule, depth = 0): number => {
      const anchorStep = byKey.get(s.anchor);
      if (anchorStep && depth < 10) return order(anchorStep, depth + 1) + unitDays(s.due) + 1;
      return Math.max(anchors!.indexOf(s.anchor), 0) * 10_000 + unitDays(s.due);
    };
    resolved.sort((a, b) => order(a) - order(b) || a.key.localeCompare(b.key));
    const body = {
      processType,
      profileId: id,
      profileName: chain.at(-1)!.name,
      notificationHour,
      anchorOnNonWorkingDay,
      hourBreachRole,
      anchors: anchors!,
      ...(timeLimit ? { timeLimit } : {}),
      steps: resolved,
      ...(alarm ? { alarm } : {}),
    };
    return { ...body, version: hashOf(body) };
  }

  private tryResolveNational(processType: string): ResolvedProcessRules | undefined {
    if (!this.get(NATIONAL).processes[processType]) return undefined;
    return this.resolve(NATIONAL, processType);
  }
}

function stripUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** Rough size of a duration in days, for ordering and comparison only (never for due dates). */
function unitDays(d: { value: number; unit: string }): number {
  const per: Record<string, number> = { hours: 1 / 24, 'working-days': 1.4, 'calendar-days': 1, weeks: 7, months: 30.4 };
  return d.value * (per[d.unit] ?? 1);
}

type RuleLike = { anchor: string; due: { value: number; unit: string } };

/** Why an LA rule gives a later date than the national one, or undefined. */
export function looserThan(local: RuleLike, national: RuleLike, anchors: string[]): string | undefined {
  const la = anchors.indexOf(local.anchor);
  const na = anchors.indexOf(national.anchor);
  const sameUnit = local.due.unit === national.due.unit;
  if (la > na && (!sameUnit || local.due.value >= national.due.value) && unitDays(local.due) >= unitDays(national.due)) {
    return `counted from ${local.anchor}, which comes after the national anchor ${national.anchor}, with no shorter limit (${durationWords(local.due)} against ${durationWords(national.due)}): later than the national rule`;
  }
  if (la === na && unitDays(local.due) > unitDays(national.due)) {
    return `${durationWords(local.due)} from ${local.anchor} is longer than the national ${durationWords(national.due)}`;
  }
  return undefined;
}

export const ProfileIdSchema = z.string().regex(/^[a-z0-9-]+$/);
