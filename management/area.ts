/**
 * A person's area: the cases they may list and are told about in their inbox and digest. It follows the
 * management line in the directory, so a team manager sees their teams, a service manager the teams of
 * their service, a head of service their whole local authority, a complaints manager their LA's
 * complaints, and a social worker the cases assigned to them. Pure: the API and the digest share it.
 */
import { typesOf, type ProcessType } from '../engine/catalogue';
import type { DirectoryData } from './directory';

/** Roles whose area comes from the directory; admin and the intake system see every case. */
export const AREA_ROLES = [
  'social-worker',
  'team-manager',
  'service-manager',
  'head-of-service',
  'cp-chair',
  'iro',
  'complaints-manager',
] as const;
export type AreaRole = (typeof AREA_ROLES)[number];

export const COMPLAINT_TYPES: ProcessType[] = typesOf('complaints-manager');
/** The processes a conference chair chairs conferences in, and those an IRO reviews. */
export const CP_TYPES: ProcessType[] = typesOf('cp-chair');
export const IRO_TYPES: ProcessType[] = typesOf('iro');
/** LA-wide posts that act on some process types only. */
const LA_POSTS = { 'cp-chair': CP_TYPES, iro: IRO_TYPES, 'complaints-manager': COMPLAINT_TYPES } as const;

export interface Area {
  /** Who, in which post, e.g. "team-manager tm-derb-north". */
  label: string;
  personId?: string;
  role: AreaRole | 'everyone';
  /** Undefined means not narrowed on that dimension. */
  teams?: string[];
  localAuthorities?: string[];
  types?: ProcessType[];
  workerId?: string;
}

export const EVERYONE_AREA: Area = { label: 'every case', role: 'everyone' };

export class AreaError extends Error {}

/** The area of `personId` in the post `role`; an AreaError when the directory gives them no such post. */
export function areaOf(directory: DirectoryData, role: AreaRole, personId: string): Area {
  const label = `${role} ${personId}`;
  if (!directory.people[personId]) throw new AreaError(`${personId} is not in the directory`);
  const teamsWhere = (post: 'team-manager' | 'service-manager' | 'head-of-service') =>
    Object.entries(directory.teams)
      .filter(([, t]) => t[post] === personId)
      .map(([id]) => id)
      .sort();
  const lasWhere = (post: 'head-of-service' | keyof typeof LA_POSTS) =>
    Object.entries(directory.localAuthorities)
      .filter(([, la]) => la[post] === personId)
      .map(([id]) => id);
  switch (role) {
    case 'social-worker':
      return { label, personId, role, workerId: personId };
    case 'team-manager':
    case 'service-manager': {
      const teams = teamsWhere(role);
      if (!teams.length) throw new AreaError(`${personId} is ${role} of no team in the directory`);
      return { label, personId, role, teams };
    }
    case 'head-of-service': {
      const las = new Set([...lasWhere(role), ...teamsWhere(role).map((t) => directory.teams[t].localAuthority)]);
      if (!las.size)
        throw new AreaError(`${personId} is head of service of no local authority or team in the directory`);
      return { label, personId, role, localAuthorities: [...las].sort() };
    }
    case 'cp-chair':
    case 'iro':
    case 'complaints-manager': {
      const las = lasWhere(role).sort();
      if (!las.length) throw new AreaError(`${personId} is ${role} of no local authority in the directory`);
      return { label, personId, role, localAuthorities: las, types: [...LA_POSTS[role]] };
    }
  }
}

/** The posts that receive a digest of their area. */
export type ManagerRole = 'team-manager' | 'service-manager' | 'head-of-service' | 'complaints-manager';

/** Everyone who manages an area and so receives a digest: team, service and complaints managers and heads of service. */
export function managersIn(directory: DirectoryData): { personId: string; role: ManagerRole }[] {
  const out = new Map<string, ManagerRole>();
  const add = (personId: string | undefined, role: ManagerRole) => {
    if (personId && !out.has(`${role}|${personId}`)) out.set(`${role}|${personId}`, role);
  };
  for (const t of Object.values(directory.teams)) {
    add(t['team-manager'], 'team-manager');
    add(t['service-manager'], 'service-manager');
    add(t['head-of-service'], 'head-of-service');
  }
  for (const la of Object.values(directory.localAuthorities)) {
    add(la['head-of-service'], 'head-of-service');
    add(la['complaints-manager'], 'complaints-manager');
  }
  return [...out.entries()]
    .map(([key, role]) => ({ personId: key.split('|')[1], role }))
    .sort((a, b) => a.personId.localeCompare(b.personId));
}

/** Whether a narrowing filter stays inside the area (a team manager asking for another team's cases does not). */
export function outsideArea(
  area: Area,
  filter: { team?: string; localAuthority?: string; type?: string; worker?: string },
  teamsLa: (team: string) => string | undefined,
): { field: string; message: string } | undefined {
  if (filter.team && area.teams && !area.teams.includes(filter.team))
    return { field: 'team', message: `${filter.team} is not in the area of ${area.label} (${area.teams.join(', ')})` };
  if (filter.team && area.localAuthorities && !area.localAuthorities.includes(teamsLa(filter.team) ?? ''))
    return { field: 'team', message: `${filter.team} is not a team of ${area.localAuthorities.join(', ')}` };
  if (filter.localAuthority && area.localAuthorities && !area.localAuthorities.includes(filter.localAuthority))
    return { field: 'localAuthority', message: `${filter.localAuthority} is not in the area of ${area.label}` };
  if (filter.type && area.types && !area.types.includes(filter.type as ProcessType))
    return { field: 'type', message: `${area.label} sees ${area.types.join(', ')} only` };
  if (filter.worker && area.workerId && filter.worker !== area.workerId)
    return { field: 'worker', message: `a social worker sees their own cases only` };
  return undefined;
}

/** Whether one process lies in the area: what areaClauses (and the worker filter) select, for a single clock. */
export function holds(
  area: Area,
  clock: { type: string; localAuthority: string; assignment: { team?: string; workerId?: string } },
): boolean {
  if (area.teams && !area.teams.includes(clock.assignment.team ?? '')) return false;
  if (area.localAuthorities && !area.localAuthorities.includes(clock.localAuthority)) return false;
  if (area.types && !area.types.includes(clock.type as ProcessType)) return false;
  if (area.workerId && clock.assignment.workerId !== area.workerId) return false;
  return true;
}

/** The visibility clauses that keep a list inside the area (values are directory ids, checked by the schema). */
export function areaClauses(area: Area): string[] {
  const list = (values: string[]) => values.map((v) => `"${v}"`).join(', ');
  const clauses: string[] = [];
  if (area.teams) clauses.push(`Team IN (${list(area.teams)})`);
  if (area.localAuthorities) clauses.push(`LocalAuthority IN (${list(area.localAuthorities)})`);
  if (area.types) clauses.push(`ProcessType IN (${list(area.types)})`);
  return clauses;
}

/**
 * Why a process started with this LA, type and assignment would lie outside the area (so its starter
 * could not read it), naming the field of the start's body; undefined when inside.
 */
export function startOutside(
  area: Area,
  start: { type: string; localAuthority: string; assignment?: { team?: string; workerId?: string } },
): { field: string; message: string } | undefined {
  if (area.localAuthorities && !area.localAuthorities.includes(start.localAuthority))
    return {
      field: 'localAuthority',
      message: `${start.localAuthority} is not in the area of ${area.label} (${area.localAuthorities.join(', ')})`,
    };
  if (area.types && !area.types.includes(start.type as ProcessType))
    return { field: 'type', message: `${area.label} acts on ${area.types.join(', ')} only` };
  if (area.teams && !area.teams.includes(start.assignment?.team ?? '')) {
    return {
      field: 'assignment.team',
      message: `${start.assignment?.team ? `${start.assignment.team} is not` : 'no team given; the process must be'} in the area of ${area.label}: give one of ${area.teams.join(', ')}`,
    };
  }
  if (area.workerId && start.assignment?.workerId !== area.workerId)
    return {
      field: 'assignment.workerId',
      message: `a social worker starts processes on their own cases only (assignment.workerId ${area.workerId})`,
    };
  return undefined;
}
