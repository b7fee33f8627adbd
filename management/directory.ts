/**
 * Who holds each role, resolved at send time so a reassignment or a change of manager is respected.
 * In development a JSON file (config/directory.json); in production the same shape from HR/IdP exports.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { NOTIFICATION_ROLES, Role } from '../engine/profile/schema';
import type { Assignment } from '../engine/types';

/** config/directory.json in the project: the default for the worker, the API and the tests. */
export const DEFAULT_DIRECTORY_FILE = resolve(__dirname, '..', 'config/directory.json');

const PersonId = z.string().regex(/^[A-Za-z0-9._-]+$/);
const RoleHolders = z.object(
  Object.fromEntries(
    NOTIFICATION_ROLES.filter((r) => r !== 'assigned-worker').map((r) => [r, PersonId.optional()]),
  ) as Record<Exclude<Role, 'assigned-worker'>, z.ZodOptional<typeof PersonId>>,
);

export const DirectorySchema = z.object({
  people: z.record(PersonId, z.object({ name: z.string().min(1), email: z.email() })),
  /** Per team: who manages it, and the service and heads above it. */
  teams: z.record(PersonId, RoleHolders.extend({ localAuthority: z.string().min(1) })),
  /** Per LA: holders of roles that are not per team, and the fallback when a team names nobody. */
  localAuthorities: z.record(z.string(), RoleHolders.extend({ fallback: PersonId })),
});
export type DirectoryData = z.infer<typeof DirectorySchema>;

export interface Recipient {
  personId: string;
  name: string;
  email: string;
  /** How the role was resolved, e.g. 'team-manager of north-assessment' or 'fallback for derbyshire'. */
  via: string;
}

export class Directory {
  constructor(readonly data: DirectoryData) {
    for (const [team, t] of Object.entries(data.teams)) {
      for (const [role, person] of Object.entries(t)) {
        if (role !== 'localAuthority' && person && !data.people[person as string])
          throw new Error(`directory: teams.${team}.${role}: unknown person '${person}'`);
      }
    }
    for (const [la, t] of Object.entries(data.localAuthorities)) {
      for (const [role, person] of Object.entries(t)) {
        if (person && !data.people[person as string])
          throw new Error(`directory: localAuthorities.${la}.${role}: unknown person '${person}'`);
      }
    }
  }

  static fromFile(path: string): Directory {
    const parsed = DirectorySchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) {
      throw new Error(
        `directory ${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    }
    return new Directory(parsed.data);
  }

  private person(id: string, via: string): Recipient | undefined {
    const p = this.data.people[id];
    return p ? { personId: id, name: p.name, email: p.email, via } : undefined;
  }

  /**
   * One owner per alert: the holder of `role` for this assignment. Falls back (worker -> team manager,
   * team role -> the LA's holder -> the LA's fallback mailbox) so a notification is never dropped.
   */
  resolve(role: Role, assignment: Assignment, localAuthority: string): Recipient {
    if (role === 'assigned-worker') {
      const worker = assignment.workerId && this.person(assignment.workerId, 'assigned worker');
      if (worker) return worker;
      return this.resolve('team-manager', assignment, localAuthority);
    }
    const team = assignment.team ? this.data.teams[assignment.team] : undefined;
    const byTeam = team?.[role];
    if (byTeam) return this.person(byTeam, `${role} of team ${assignment.team}`)!;
    const la = this.data.localAuthorities[localAuthority];
    const byLa = la?.[role];
    if (byLa) return this.person(byLa, `${role} of ${localAuthority}`)!;
    if (la) return this.person(la.fallback, `fallback for ${localAuthority} (no ${role} listed)`)!;
    throw new Error(
      `directory: nobody to notify for ${role} in ${localAuthority} (no team ${assignment.team ?? '-'}, no LA entry)`,
    );
  }
}

/**
 * Why an assignment cannot stand for a process of `localAuthority`, naming its field: a team that is not in
 * the directory or belongs to another LA (its managers would be told of another LA's child), or a worker
 * who is not a person in the directory (nobody would be told). Undefined when it can.
 */
export function assignmentProblem(
  directory: DirectoryData,
  localAuthority: string,
  assignment: Assignment | undefined,
): { field: 'team' | 'workerId'; message: string } | undefined {
  const team = assignment?.team;
  if (team !== undefined) {
    const entry = directory.teams[team];
    if (!entry)
      return {
        field: 'team',
        message: `${team} is not a team in the directory (teams of ${localAuthority}: ${teamsOf(directory, localAuthority).join(', ') || 'none'})`,
      };
    if (entry.localAuthority !== localAuthority)
      return {
        field: 'team',
        message: `${team} is a team of ${entry.localAuthority}, not of ${localAuthority} (its teams: ${teamsOf(directory, localAuthority).join(', ') || 'none'})`,
      };
  }
  const worker = assignment?.workerId;
  if (worker !== undefined && !directory.people[worker])
    return {
      field: 'workerId',
      message: `${worker} is not a person in the directory, so nobody would be told of this child's deadlines`,
    };
  return undefined;
}

function teamsOf(directory: DirectoryData, localAuthority: string): string[] {
  return Object.entries(directory.teams)
    .filter(([, t]) => t.localAuthority === localAuthority)
    .map(([id]) => id)
    .sort();
}
