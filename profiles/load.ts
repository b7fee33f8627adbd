/**
 * Loads and validates every LA profile, resolves inheritance, and hands out the rules of one process.
 * Any problem stops startup with a message naming the file and rule (e.g.
 * "derbyshire: processes.single-assessment.steps.initial-visit.due.unit: ...").
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { PROCESS_TYPES, ProfileFile, ProfileFileSchema } from '../engine/profile/schema';
import type { ResolvedProcessRules } from '../engine/profile/resolved';
import { resolveProcess } from '../engine/profile/resolve';

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
        if (!(PROCESS_TYPES as readonly string[]).includes(type))
          problems.push(`${name}: processes.${type}: unknown process type (known: ${PROCESS_TYPES.join(', ')})`);
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
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
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
      if (!this.files.has(cur.inherits))
        throw new ProfileError([`${cur.id}: inherits '${cur.inherits}', which does not exist`]);
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
    const national = id === NATIONAL || !this.files.has(NATIONAL) ? undefined : this.tryResolveNational(processType);
    const resolution = resolveProcess(this.chain(id), id, processType, national);
    if ('problems' in resolution) throw new ProfileError(resolution.problems);
    return { ...resolution.rules, version: hashOf(resolution.rules) };
  }

  private tryResolveNational(processType: string): ResolvedProcessRules | undefined {
    if (!this.get(NATIONAL).processes[processType]) return undefined;
    return this.resolve(NATIONAL, processType);
  }
}

export { looserThan } from '../engine/profile/order';

export const ProfileIdSchema = z.string().regex(/^[a-z0-9-]+$/);
