/**
 * What each role may do: which process types it may start, which events it may send, and to which
 * process types. Where a role may act, management/area.ts then says on whose cases. docs/access.md
 * gives the same tables with the reasons.
 */
import { CATALOGUE, PROCESS_TYPES, type ProcessType } from '../engine/catalogue';
import type { ApiRole } from './auth';
import { COMPLAINT_TYPES, CP_TYPES, IRO_TYPES } from '../management/area';

export const MANAGERS: ApiRole[] = ['team-manager', 'service-manager', 'head-of-service', 'admin'];
export const PRACTITIONERS: ApiRole[] = ['social-worker', ...MANAGERS];
/** Complaints are recorded and their timescales monitored by the complaints manager (Derbyshire 000 L1598, L1571). */
export const COMPLAINT_HANDLERS: ApiRole[] = [...PRACTITIONERS, 'complaints-manager'];
/** The independent chairs of child protection conferences and reviewing officers of children in care. */
export const INDEPENDENT: ApiRole[] = ['cp-chair', 'iro'];

/** Who may start each process type: the catalogue's `startedBy` (docs/access.md, Starting, gives the reasons). */
export const START_ROLES = Object.fromEntries(PROCESS_TYPES.map((t) => [t, CATALOGUE[t].startedBy])) as Record<
  ProcessType,
  ApiRole[]
>;

/** Which roles may send each event type. */
export const EVENT_ROLES: Record<string, ApiRole[]> = {
  'step-completed': ['intake-system', ...COMPLAINT_HANDLERS, ...INDEPENDENT],
  anchor: ['intake-system', ...COMPLAINT_HANDLERS, ...INDEPENDENT],
  // The interval a plan, a conference (its chair) or a review (the IRO) agreed; the agreeing role travels in agreedBy.
  'set-interval': ['intake-system', ...PRACTITIONERS, ...INDEPENDENT],
  // The profile may name the one role whose approval an extension needs (the complaints manager's, in Derbyshire).
  extend: [...MANAGERS, 'complaints-manager'],
  reassign: [...MANAGERS, 'complaints-manager'],
  close: MANAGERS,
  withdraw: COMPLAINT_HANDLERS,
  // The fact a refused hand-over lacked, recorded by whoever records the process's other facts.
  'hand-over': ['intake-system', ...COMPLAINT_HANDLERS],
  // Put right outside the process (on another one, by hand): a manager's call, with a reason.
  'resolve-alarm': [...MANAGERS, 'complaints-manager'],
};

/**
 * Roles that act on some process types only, whatever the case: the complaints manager on complaints, the
 * conference chair on child protection (the conference is the enquiry's last step and the plan's reviews),
 * the IRO on children in care and the care leavers they still review (Children Act 1989 ss25A-25B).
 */
export const ROLE_SCOPE: Partial<Record<ApiRole, { what: string; types: ProcessType[] }>> = {
  'complaints-manager': { what: 'complaints', types: COMPLAINT_TYPES },
  'cp-chair': { what: 'child protection processes', types: CP_TYPES },
  iro: { what: "children in care's processes", types: IRO_TYPES },
};

/** Why `role` may not act on a process of `type`, or undefined. */
export function outOfScope(role: ApiRole, type: ProcessType | undefined, workflowId: string): string | undefined {
  const scope = ROLE_SCOPE[role];
  if (!scope || (type && scope.types.includes(type))) return undefined;
  return `the ${role} acts on ${scope.what} only; ${workflowId} is not one`;
}
