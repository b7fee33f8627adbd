/**
 * The authorization matrix, shared by its two runs: test/api/authorization.test.ts runs every cell in
 * process against FakeClocks, test/e2e/authorization.test.ts a slice of it on the dev stack, the rows
 * whose answer depends on what only Temporal does (visibility queries, live reads, the clock's own refusal).
 *
 * Who may do what, on whose cases: every role in API_ROLES and a caller with no token, against every
 * endpoint the API serves (each event type of POST .../events and each process type of POST /api/processes
 * as its own row), and, for every row that acts on a case or starts one, in three areas, with
 * development tokens. Each cell is the exact status, written by hand from docs/access.md, not read
 * from the code at run time.
 *
 * The callers are Derbyshire's people (config/directory.json): social worker sw-derb-01, team manager
 * tm-derb-north and service manager sm-derb-assess (team derb-north-assessment), head of service hos-derb,
 * conference chair cpc-derb, IRO iro-derb, complaints manager cm-derb; the intake system and the
 * administrator see every case. The three areas of the case a row acts on (or starts):
 *  - own:  Derbyshire, team derb-north-assessment, worker sw-derb-01: inside every Derbyshire caller's
 *          area where the role acts on that process type;
 *  - team: Derbyshire, team derb-south-assessment (tm-derb-south, sm-derb-south), worker sw-derb-02:
 *          inside the head of service's, chair's, IRO's and complaints manager's (LA-wide) only;
 *  - la:   York, team york-ra, worker sw-york-01: inside no Derbyshire person's area.
 * The order of the checks makes the cells: token (401); a role that acts on other process types only
 * (403 naming authorization: the chair on child protection, the IRO on children in care, the complaints
 * manager on complaints); a role that may not send this event type (403 naming type) or start this
 * process type (403 naming type); then the case: outside the caller's area it reads as absent (404,
 * as GET answers) and a start outside it is refused (403 naming localAuthority, assignment.team or
 * assignment.workerId); then the clock's own rules (Derbyshire's complaint extensions need the
 * complaints manager: 403 naming body.type; York has no corporate complaints procedure: 422 naming type).
 * Cells: a number, or a string of the status and the field a 403 names where it is not the row's usual:
 *   A authorization, T type, B body.type (an event the clock refuses), F body.processType; on a start (named
 *   as the start's other refusals name them), P type, L localAuthority, M assignment.team, W assignment.workerId.
 * Allowed events are each sent to a fresh process on which they are valid, so 200 means "accepted";
 * refused ones go to one shared process per row and area, whose history must not change. A refused
 * start leaves no process behind.
 */
import { API_ROLES, type ApiRole } from '../../api/auth';
import { EVENT_ROLES, START_ROLES } from '../../api/permissions';
import { PROCESS_TYPES } from '../../engine/profile/schema';
import { ProfileCopy, SHIPPED_PROFILES, profileCopy } from './profileCopy';
import { waitFor } from '../../harness/ports';

/** What the matrix needs of a running API: test/support/devStack.ts and inProcessApi.ts both give it. */
export interface MatrixStack {
  api: string;
  call: (method: string, path: string, body?: unknown, token?: string | null) => Promise<{ status: number; body: any }>;
  accept: (workflowId: string, body: object, token?: string) => Promise<any>;
  view: (workflowId: string) => Promise<any>;
  reloadProfiles: (dir: string) => void;
}

type Caller = 'anonymous' | ApiRole;
const CALLERS: Caller[] = ['anonymous', ...API_ROLES];
const TOKENS: Record<Caller, string | null> = {
  anonymous: null,
  'intake-system': 'dev-intake-system',
  'social-worker': 'dev-social-worker.sw-derb-01',
  'team-manager': 'dev-team-manager.tm-derb-north',
  'service-manager': 'dev-service-manager.sm-derb-assess',
  'head-of-service': 'dev-head-of-service.hos-derb',
  'cp-chair': 'dev-cp-chair.cpc-derb',
  iro: 'dev-iro.iro-derb',
  'complaints-manager': 'dev-complaints-manager.cm-derb',
  admin: 'dev-admin',
};

type Area = 'own' | 'team' | 'la';
const AREAS: Record<Area, { localAuthority: string; team: string; workerId: string }> = {
  own: { localAuthority: 'derbyshire', team: 'derb-north-assessment', workerId: 'sw-derb-01' },
  team: { localAuthority: 'derbyshire', team: 'derb-south-assessment', workerId: 'sw-derb-02' },
  la: { localAuthority: 'york', team: 'york-ra', workerId: 'sw-york-01' },
};
const assignmentIn = (area: Area) => ({ workerId: AREAS[area].workerId, team: AREAS[area].team });

type Cell = number | string;
type Cells = Cell[];
/** A row's cells in each area; rows that act on no case have `any`. */
type Row = { any: Cells } | Record<Area, Cells>;

// prettier-ignore
/** The matrix. Columns: anonymous, intake-system, social-worker, team-manager, service-manager, head-of-service, cp-chair, iro, complaints-manager, admin. */
const MATRIX: Record<string, Row> = {
  //                                                   anon intake    sw     tm     sm    hos    cpc    iro     cm  admin
  'GET /healthz':                              { any: [200,   200,   200,   200,   200,   200,   200,   200,   200,   200] },
  'GET /openapi.json':                         { any: [200,   200,   200,   200,   200,   200,   200,   200,   200,   200] },
  'GET /dashboard/':                           { any: [200,   200,   200,   200,   200,   200,   200,   200,   200,   200] },
  'GET /api/processes':                        { any: [401,   200,   200,   200,   200,   200,   200,   200,   200,   200] },
  'GET /api/calendar/due':                     { any: [401,   200,   200,   200,   200,   200,   200,   200,   200,   200] },
  'GET /api/inbox':                            { any: [401,   403,   200,   200,   200,   200,   200,   200,   200,   200] },
  'GET /api/reports/timeliness':               { any: [401,   403,   403,   200,   200,   200,   403,   403,   200,   200] },
  'POST /api/referrals': {
    own:                                             [401,   201,   201,   201,   403,   403,   403,   403,   403,   201],
    team:                                            [401,   201, '403W','403M',  403,   403,   403,   403,   403,   201],
    la:                                              [401,   201, '403W','403M',  403,   403,   403,   403,   403,   201],
  },
  'POST /api/processes referral': {
    own:                                             [401,   201,   201,   201, '403P','403P','403P','403P','403P',  201],
    team:                                            [401,   201, '403W','403M','403P','403P','403P','403P','403P',  201],
    la:                                              [401,   201, '403W','403M','403P','403P','403P','403P','403P',  201],
  },
  'POST /api/processes single-assessment': {
    own:                                             [401, '403P',  201,   201,   201,   201, '403P','403P','403P',  201],
    team:                                            [401, '403P','403W','403M','403M',  201, '403P','403P','403P',  201],
    la:                                              [401, '403P','403W','403M','403M','403L','403P','403P','403P',  201],
  },
  'POST /api/processes child-protection-enquiry': {
    own:                                             [401, '403P','403P',  201,   201,   201, '403P','403P','403P',  201],
    team:                                            [401, '403P','403P','403M','403M',  201, '403P','403P','403P',  201],
    la:                                              [401, '403P','403P','403M','403M','403L','403P','403P','403P',  201],
  },
  'POST /api/processes child-protection-plan': {
    own:                                             [401, '403P','403P',  201,   201,   201,   201, '403P','403P',  201],
    team:                                            [401, '403P','403P','403M','403M',  201,   201, '403P','403P',  201],
    la:                                              [401, '403P','403P','403M','403M','403L','403L','403P','403P',  201],
  },
  'POST /api/processes child-in-need-plan': {
    own:                                             [401, '403P',  201,   201,   201,   201, '403P','403P','403P',  201],
    team:                                            [401, '403P','403W','403M','403M',  201, '403P','403P','403P',  201],
    la:                                              [401, '403P','403W','403M','403M','403L','403P','403P','403P',  201],
  },
  'POST /api/processes looked-after': {
    own:                                             [401, '403P','403P',  201,   201,   201, '403P','403P','403P',  201],
    team:                                            [401, '403P','403P','403M','403M',  201, '403P','403P','403P',  201],
    la:                                              [401, '403P','403P','403M','403M','403L','403P','403P','403P',  201],
  },
  'POST /api/processes pathway-plan': {
    own:                                             [401, '403P',  201,   201,   201,   201, '403P','403P','403P',  201],
    team:                                            [401, '403P','403W','403M','403M',  201, '403P','403P','403P',  201],
    la:                                              [401, '403P','403W','403M','403M','403L','403P','403P','403P',  201],
  },
  'POST /api/processes complaint-statutory': {
    own:                                             [401, '403P','403P','403P','403P','403P','403P','403P',  201,   201],
    team:                                            [401, '403P','403P','403P','403P','403P','403P','403P',  201,   201],
    la:                                              [401, '403P','403P','403P','403P','403P','403P','403P','403L',  201],
  },
  'POST /api/processes complaint-corporate': {
    own:                                             [401, '403P','403P','403P','403P','403P','403P','403P',  201,   201],
    team:                                            [401, '403P','403P','403P','403P','403P','403P','403P',  201,   201],
    // York's standards describe no corporate complaints procedure: its start reaches the profile and is refused.
    la:                                              [401, '403P','403P','403P','403P','403P','403P','403P','403L','422P'],
  },
  'GET /api/processes/{workflowId}': {
    own:                                             [401,   200,   200,   200,   200,   200,   404,   404,   404,   200],
    team:                                            [401,   200,   404,   404,   404,   200,   404,   404,   404,   200],
    la:                                              [401,   200,   404,   404,   404,   404,   404,   404,   404,   200],
  },
  'GET /api/cases/{caseId}': {
    own:                                             [401,   200,   200,   200,   200,   200,   404,   404,   404,   200],
    team:                                            [401,   200,   404,   404,   404,   200,   404,   404,   404,   200],
    la:                                              [401,   200,   404,   404,   404,   404,   404,   404,   404,   200],
  },
  'POST /api/processes/{workflowId}/events step-completed referral': {
    own:                                             [401,   200,   200,   200,   200,   200, '403A','403A','403A',  200],
    team:                                            [401,   200,   404,   404,   404,   200, '403A','403A','403A',  200],
    la:                                              [401,   200,   404,   404,   404,   404, '403A','403A','403A',  200],
  },
  'POST /api/processes/{workflowId}/events step-completed complaint': {
    own:                                             [401,   200,   200,   200,   200,   200, '403A','403A',  200,   200],
    team:                                            [401,   200,   404,   404,   404,   200, '403A','403A',  200,   200],
    la:                                              [401,   200,   404,   404,   404,   404, '403A','403A',  404,   200],
  },
  'POST /api/processes/{workflowId}/events step-completed looked-after': {
    own:                                             [401,   200,   200,   200,   200,   200, '403A',  200, '403A',  200],
    team:                                            [401,   200,   404,   404,   404,   200, '403A',  200, '403A',  200],
    la:                                              [401,   200,   404,   404,   404,   404, '403A',  404, '403A',  200],
  },
  'POST /api/processes/{workflowId}/events anchor complaint': {
    own:                                             [401,   200,   200,   200,   200,   200, '403A','403A',  200,   200],
    team:                                            [401,   200,   404,   404,   404,   200, '403A','403A',  200,   200],
    la:                                              [401,   200,   404,   404,   404,   404, '403A','403A',  404,   200],
  },
  'POST /api/processes/{workflowId}/events set-interval child-in-need-plan': {
    own:                                             [401,   200,   200,   200,   200,   200, '403A','403A','403A',  200],
    team:                                            [401,   200,   404,   404,   404,   200, '403A','403A','403A',  200],
    la:                                              [401,   200,   404,   404,   404,   404, '403A','403A','403A',  200],
  },
  'POST /api/processes/{workflowId}/events set-interval child-protection-plan': {
    own:                                             [401,   200,   200,   200,   200,   200,   200, '403A','403A',  200],
    team:                                            [401,   200,   404,   404,   404,   200,   200, '403A','403A',  200],
    la:                                              [401,   200,   404,   404,   404,   404,   404, '403A','403A',  200],
  },
  // Derbyshire's extensions are the complaints manager's to agree (000 L1617): managers pass the API, the clock refuses (B).
  'POST /api/processes/{workflowId}/events extend complaint': {
    own:                                             [401,   403,   403, '403B','403B','403B','403A','403A',  200,   200],
    team:                                            [401,   403,   403,   404,   404, '403B','403A','403A',  200,   200],
    // York's complaints follow England's rule, which names no approver; none of Derbyshire's managers reaches it.
    la:                                              [401,   403,   403,   404,   404,   404, '403A','403A',  404,   200],
  },
  'POST /api/processes/{workflowId}/events reassign complaint': {
    own:                                             [401,   403,   403,   200,   200,   200, '403A','403A',  200,   200],
    team:                                            [401,   403,   403,   404,   404,   200, '403A','403A',  200,   200],
    la:                                              [401,   403,   403,   404,   404,   404, '403A','403A',  404,   200],
  },
  'POST /api/processes/{workflowId}/events close complaint': {
    own:                                             [401,   403,   403,   200,   200,   200, '403A','403A',   403,  200],
    team:                                            [401,   403,   403,   404,   404,   200, '403A','403A',   403,  200],
    la:                                              [401,   403,   403,   404,   404,   404, '403A','403A',   403,  200],
  },
  'POST /api/processes/{workflowId}/events withdraw complaint': {
    own:                                             [401,   403,   200,   200,   200,   200, '403A','403A',  200,   200],
    team:                                            [401,   403,   404,   404,   404,   200, '403A','403A',  200,   200],
    la:                                              [401,   403,   404,   404,   404,   404, '403A','403A',  404,   200],
  },
  // Nothing is waiting to be handed over or resolved on a fresh referral: the allowed reach the clock, which answers 409.
  'POST /api/processes/{workflowId}/events hand-over referral': {
    own:                                             [401,   409,   409,   409,   409,   409, '403A','403A','403A',  409],
    team:                                            [401,   409,   404,   404,   404,   409, '403A','403A','403A',  409],
    la:                                              [401,   409,   404,   404,   404,   404, '403A','403A','403A',  409],
  },
  'POST /api/processes/{workflowId}/events resolve-alarm referral': {
    own:                                             [401,   403,   403,   409,   409,   409, '403A','403A','403A',  409],
    team:                                            [401,   403,   403,   404,   404,   409, '403A','403A','403A',  409],
    la:                                              [401,   403,   403,   404,   404,   404, '403A','403A','403A',  409],
  },
  'POST /api/processes/{workflowId}/migrate-rules': {
    own:                                             [401,   403,   403,   403,   403,   403,   403,   403,   403,   200],
    team:                                            [401,   403,   403,   403,   403,   403,   403,   403,   403,   200],
    la:                                              [401,   403,   403,   403,   403,   403,   403,   403,   403,   200],
  },
  'POST /api/families/{familyId}/events step-completed child-in-need-plan': {
    own:                                             [401,   200,   200,   200,   200,   200, '403F','403F','403F',  200],
    team:                                            [401,   200,   404,   404,   404,   200, '403F','403F','403F',  200],
    la:                                              [401,   200,   404,   404,   404,   404, '403F','403F','403F',  200],
  },
};
const CODES: Record<string, string> = {
  A: 'authorization',
  T: 'type',
  P: 'type',
  B: 'body.type',
  F: 'body.processType',
  L: 'localAuthority',
  M: 'assignment.team',
  W: 'assignment.workerId',
};
/** Served but not API operations, so not in /openapi.json. */
const NOT_IN_OPENAPI = ['GET /openapi.json', 'GET /dashboard/'];
/** The field a row's refusals name where the cell gives no code: 404s name the id read, 403s by role the event type, 409s the clock's field. */
function fieldOf(row: string, status: number, code: string | undefined): string {
  if (code) return CODES[code];
  if (status === 401) return 'authorization';
  if (status === 404)
    return row.includes('/api/cases/') ? 'caseId' : row.includes('/api/families/') ? 'familyId' : 'workflowId';
  if (status === 409) return row.includes('resolve-alarm') ? 'body.alarm' : 'body.type';
  if (status === 403 && row.includes('/events ')) return row.includes('/api/families/') ? 'body.event.type' : 'type';
  return 'authorization';
}

let s: MatrixStack;
let n = 0;
/** A fresh id for each process a cell needs. */
const fresh = (prefix: string) => `${prefix}-${++n}`;
/** The shared case read by the GET rows, in each area. */
const sharedReferral: Partial<Record<Area, { workflowId: string; caseId: string }>> = {};

/** A referral received Mon 5 Oct 2026 10:00 in the area. */
async function referralCase(area: Area): Promise<{ workflowId: string; caseId: string }> {
  const referralId = fresh('R-AUTHZ');
  const caseId = `C-${referralId}`;
  const r = await s.call(
    'POST',
    '/api/referrals',
    {
      referralId,
      caseId,
      localAuthority: AREAS[area].localAuthority,
      receivedAt: '2026-10-05T10:00:00+01:00',
      assignment: assignmentIn(area),
    },
    'dev-intake-system',
  );
  expect({ status: r.status, detail: r.body.detail }).toEqual({ status: 201, detail: undefined });
  return { workflowId: r.body.workflowId, caseId };
}
const referral = async (area: Area) => (await referralCase(area)).workflowId;
/** Starts a process as the administrator and waits for its clock, so an area check can read it. */
async function started(body: object): Promise<string> {
  const r = await s.call('POST', '/api/processes', body);
  expect({ status: r.status, detail: r.body.detail }).toEqual({ status: 201, detail: undefined });
  return r.body.workflowId;
}
/** A complaint received Mon 5 Oct 2026: stage 1 due Mon 19 Oct (10 WD), so an extension agreed on 15 Oct may move it. */
const complaint = (area: Area) =>
  started({
    type: 'complaint-statutory',
    caseId: fresh('AUTHZ-CMP'),
    localAuthority: AREAS[area].localAuthority,
    anchors: { 'stage1-received': '2026-10-05T11:00:00+01:00' },
    assignment: assignmentIn(area),
  });
/** The same, its stage 1 response sent on Mon 16 Nov 2026, so the complainant's stage 2 window is open. */
async function complaintAtStage2Window(area: Area): Promise<string> {
  const id = await complaint(area);
  await s.accept(id, { type: 'step-completed', step: 'stage1-response', occurredAt: '2026-11-16' }, 'dev-admin');
  return id;
}
/** A child in need plan agreed Thu 1 Oct 2026 (visits 6-weekly in Derbyshire, 20 WD in York: fortnightly is more often). */
const cinPlan = (area: Area) =>
  started({
    type: 'child-in-need-plan',
    caseId: fresh('AUTHZ-CIN'),
    localAuthority: AREAS[area].localAuthority,
    anchors: { 'plan-agreed': '2026-10-01T10:00:00+01:00' },
    assignment: assignmentIn(area),
  });
/** A child protection plan from an ICPC on Thu 1 Oct 2026 (visits every 10 WD in Derbyshire, 7 WD in York: weekly is more often). */
const cpPlan = (area: Area) =>
  started({
    type: 'child-protection-plan',
    caseId: fresh('AUTHZ-CPP'),
    localAuthority: AREAS[area].localAuthority,
    anchors: { icpc: '2026-10-01T10:00:00+01:00' },
    assignment: assignmentIn(area),
  });
/** A child looked after from Thu 1 Oct 2026, born 10 Mar 2015: the first review is due within 20 WD (Thu 29 Oct). */
const lookedAfter = (area: Area) =>
  started({
    type: 'looked-after',
    caseId: fresh('AUTHZ-LAC'),
    localAuthority: AREAS[area].localAuthority,
    anchors: {
      'date-of-birth': '2015-03-10',
      'became-looked-after': '2026-10-01T10:00:00+01:00',
      'placement-start': '2026-10-01T10:00:00+01:00',
    },
    anchorKinds: { 'placement-start': 'foster-care' },
    assignment: assignmentIn(area),
  });
/** Family id of each family's first sibling's process (the row's target is a workflow, whose history is checked). */
const familyOf = new Map<string, string>();
/** Two siblings' child in need plans agreed Thu 1 Oct 2026, in the area's team and worker. */
async function cinFamily(area: Area): Promise<string> {
  const familyId = fresh('AUTHZ-FAM');
  const ids: string[] = [];
  for (const child of ['A', 'B'])
    ids.push(
      await started({
        type: 'child-in-need-plan',
        caseId: `${familyId}-${child}`,
        familyId,
        localAuthority: AREAS[area].localAuthority,
        anchors: { 'plan-agreed': '2026-10-01T10:00:00+01:00' },
        assignment: assignmentIn(area),
      }),
    );
  // The family is found through visibility: wait until both siblings are listed with their clocks.
  await waitFor(
    `family ${familyId} listed`,
    async () => (await s.call('GET', `/api/processes?familyId=${familyId}`, undefined, 'dev-admin')).body.count === 2,
    60_000,
  );
  familyOf.set(ids[0], familyId);
  return ids[0];
}

let editedProfiles: ProfileCopy | undefined;
/** Redeploys the API on a copy of the profiles where the first CIN visit is due sooner (Derbyshire 5 weeks not 6, York 15 WD not 20). */
function deployEditedProfiles() {
  editedProfiles?.remove();
  editedProfiles = profileCopy();
  editedProfiles.edit('derbyshire', (p) => (p.processes['child-in-need-plan'].steps['cin-visit'].due.value = 5));
  editedProfiles.edit('york', (p) => (p.processes['child-in-need-plan'].steps['cin-visit'].due.value = 15));
  s.reloadProfiles(editedProfiles.dir);
}

interface Call {
  method: string;
  path: string;
  body?: unknown;
}
/** The body of a start of each process type in an area (anchors as in the helpers above; a fresh case id). */
function startBody(type: string, area: Area): object {
  const where = {
    localAuthority: AREAS[area].localAuthority,
    assignment: assignmentIn(area),
    caseId: fresh('AUTHZ-NEW'),
  };
  const anchors: Record<string, object> = {
    referral: { anchors: { 'referral-received': '2026-11-20T10:00:00Z' } },
    'single-assessment': {
      anchors: { 'referral-received': '2026-11-20T10:00:00Z', 'referral-decision': '2026-11-23T10:00:00Z' },
    },
    'child-protection-enquiry': { anchors: { 'strategy-discussion': '2026-11-20T10:00:00Z' } },
    'child-protection-plan': { anchors: { icpc: '2026-11-20T10:00:00Z' } },
    'child-in-need-plan': { anchors: { 'plan-agreed': '2026-11-20T10:00:00Z' } },
    'looked-after': {
      anchors: {
        'date-of-birth': '2015-03-10',
        'became-looked-after': '2026-11-20T10:00:00Z',
        'placement-start': '2026-11-20T10:00:00Z',
      },
      anchorKinds: { 'placement-start': 'foster-care' },
    },
    'pathway-plan': { anchors: { 'date-of-birth': '2010-02-13', 'sixteenth-birthday': '2026-02-13' } },
    'complaint-statutory': { anchors: { 'stage1-received': '2026-11-20T10:00:00Z' } },
    'complaint-corporate': { anchors: { received: '2026-11-20T10:00:00Z' } },
  };
  return { type, ...where, ...anchors[type] };
}

const EVENTS = '/api/processes/{workflowId}/events';
/** How to make each row's request; `target` is a process the request may act on, in the cell's area. */
const REQUESTS: Record<
  string,
  {
    target?: (area: Area) => Promise<string>;
    beforeCalls?: () => void;
    afterCalls?: () => void;
    call: (target: string, area: Area) => Call;
  }
> = {
  'GET /healthz': { call: () => ({ method: 'GET', path: '/healthz' }) },
  'GET /openapi.json': { call: () => ({ method: 'GET', path: '/openapi.json' }) },
  'GET /dashboard/': { call: () => ({ method: 'GET', path: '/dashboard/' }) },
  'GET /api/processes': {
    call: () => ({ method: 'GET', path: `/api/processes?caseId=${sharedReferral.own!.caseId}` }),
  },
  'GET /api/calendar/due': {
    call: () => ({ method: 'GET', path: '/api/calendar/due?from=2026-12-24&add=1&unit=working-days' }),
  },
  'GET /api/inbox': { call: () => ({ method: 'GET', path: '/api/inbox' }) },
  'GET /api/reports/timeliness': {
    call: () => ({ method: 'GET', path: '/api/reports/timeliness?from=2026-04-01&to=2026-11-20' }),
  },
  'POST /api/referrals': {
    call: (_t, area) => {
      const referralId = fresh('R-AUTHZ-NEW');
      return {
        method: 'POST',
        path: '/api/referrals',
        body: {
          referralId,
          caseId: `C-${referralId}`,
          localAuthority: AREAS[area].localAuthority,
          receivedAt: '2026-11-20T10:00:00Z',
          assignment: assignmentIn(area),
        },
      };
    },
  },
  ...Object.fromEntries(
    PROCESS_TYPES.map((type) => [
      `POST /api/processes ${type}`,
      { call: (_t: string, area: Area) => ({ method: 'POST', path: '/api/processes', body: startBody(type, area) }) },
    ]),
  ),
  'GET /api/processes/{workflowId}': {
    call: (_t, area) => ({ method: 'GET', path: `/api/processes/${sharedReferral[area]!.workflowId}` }),
  },
  'GET /api/cases/{caseId}': {
    call: (_t, area) => ({ method: 'GET', path: `/api/cases/${sharedReferral[area]!.caseId}` }),
  },
  [`POST ${EVENTS} step-completed referral`]: {
    target: referral,
    call: () => ({
      method: 'POST',
      path: EVENTS,
      body: {
        type: 'step-completed',
        step: 'referral-decision',
        occurredAt: '2026-10-06',
        outcome: 'no-further-action',
      },
    }),
  },
  [`POST ${EVENTS} step-completed complaint`]: {
    target: complaint,
    call: () => ({
      method: 'POST',
      path: EVENTS,
      body: { type: 'step-completed', step: 'stage1-response', occurredAt: '2026-10-16' },
    }),
  },
  [`POST ${EVENTS} step-completed looked-after`]: {
    target: lookedAfter,
    call: () => ({
      method: 'POST',
      path: EVENTS,
      body: { type: 'step-completed', step: 'lac-review', occurredAt: '2026-10-20' },
    }),
  },
  [`POST ${EVENTS} anchor complaint`]: {
    target: complaintAtStage2Window,
    call: () => ({
      method: 'POST',
      path: EVENTS,
      body: { type: 'anchor', anchor: 'stage2-requested', at: '2026-11-20' },
    }),
  },
  [`POST ${EVENTS} set-interval child-in-need-plan`]: {
    target: cinPlan,
    call: () => ({
      method: 'POST',
      path: EVENTS,
      body: {
        type: 'set-interval',
        step: 'cin-visit',
        every: { value: 2, unit: 'weeks' },
        reason: 'fortnightly visits agreed at the plan meeting',
      },
    }),
  },
  [`POST ${EVENTS} set-interval child-protection-plan`]: {
    target: cpPlan,
    call: () => ({
      method: 'POST',
      path: EVENTS,
      body: {
        type: 'set-interval',
        step: 'cp-visit',
        every: { value: 1, unit: 'weeks' },
        reason: 'weekly visits agreed at the conference',
      },
    }),
  },
  [`POST ${EVENTS} extend complaint`]: {
    target: complaint,
    call: () => ({
      method: 'POST',
      path: EVENTS,
      body: {
        type: 'extend',
        step: 'stage1-response',
        reason: 'complex: three teams involved',
        until: '2026-10-26',
        agreedWithComplainant: true,
        agreedAt: '2026-10-15T14:00:00+01:00',
      },
    }),
  },
  [`POST ${EVENTS} reassign complaint`]: {
    target: complaint,
    call: () => ({
      method: 'POST',
      path: EVENTS,
      body: { type: 'reassign', workerId: 'sw-derb-02', reason: 'caseload' },
    }),
  },
  [`POST ${EVENTS} close complaint`]: {
    target: complaint,
    call: () => ({ method: 'POST', path: EVENTS, body: { type: 'close', reason: 'recorded in error' } }),
  },
  [`POST ${EVENTS} withdraw complaint`]: {
    target: complaint,
    call: () => ({
      method: 'POST',
      path: EVENTS,
      body: { type: 'withdraw', occurredAt: '2026-10-21', reason: 'resolved with the team manager' },
    }),
  },
  [`POST ${EVENTS} hand-over referral`]: {
    target: referral,
    call: () => ({
      method: 'POST',
      path: EVENTS,
      body: { type: 'hand-over', anchors: { 'referral-decision': '2026-10-06T10:00:00+01:00' } },
    }),
  },
  [`POST ${EVENTS} resolve-alarm referral`]: {
    target: referral,
    call: () => ({
      method: 'POST',
      path: EVENTS,
      body: { type: 'resolve-alarm', alarm: 'handover-refused-1', reason: 'started by hand on the case system' },
    }),
  },
  'POST /api/processes/{workflowId}/migrate-rules': {
    target: cinPlan,
    beforeCalls: deployEditedProfiles,
    afterCalls: () => s.reloadProfiles(SHIPPED_PROFILES),
    call: () => ({
      method: 'POST',
      path: '/api/processes/{workflowId}/migrate-rules',
      body: { reason: 'profile update deployed' },
    }),
  },
  'POST /api/families/{familyId}/events step-completed child-in-need-plan': {
    target: cinFamily,
    call: (target) => ({
      method: 'POST',
      path: `/api/families/${familyOf.get(target)}/events`,
      body: {
        processType: 'child-in-need-plan',
        eventId: `visit-${target}`,
        event: { type: 'step-completed', step: 'cin-visit', occurredAt: '2026-10-20', seen: true },
      },
    }),
  },
};

/** `METHOD /path` of a row (its event or process type, if any, is what follows). */
const operation = (row: string) => row.split(' ').slice(0, 2).join(' ');

async function send(c: Call, caller: Caller, target: string) {
  const res = await fetch(`${s.api}${c.path.replace('{workflowId}', target)}`, {
    method: c.method,
    headers: {
      ...(TOKENS[caller] ? { authorization: `Bearer ${TOKENS[caller]}` } : {}),
      ...(c.body ? { 'content-type': 'application/json' } : {}),
    },
    ...(c.body ? { body: JSON.stringify(c.body) } : {}),
  });
  const type = res.headers.get('content-type') ?? '';
  const text = await res.text();
  return { status: res.status, type, body: type.includes('json') && text ? JSON.parse(text) : undefined };
}

/**
 * The matrix's tests. `slice`: the rows (and areas) to run, all when absent; the checks of the matrix
 * itself and of tokens naming no person run with the whole matrix only.
 */
export function authorizationMatrix(options: {
  start: () => Promise<MatrixStack>;
  stop: () => Promise<void>;
  slice?: Record<string, (Area | 'any')[]>;
}): void {
  beforeAll(async () => {
    s = await options.start();
    for (const area of ['own', 'team', 'la'] as Area[]) sharedReferral[area] = await referralCase(area);
    // The social worker's area is read from the clock's memo (its assignment): wait until the worker has published it.
    await waitFor(
      'the shared case in the social worker area',
      async () =>
        (await s.call('GET', `/api/cases/${sharedReferral.own!.caseId}`, undefined, TOKENS['social-worker'])).status ===
        200,
      120_000,
    );
  }, 600_000);
  afterAll(async () => {
    await options.stop();
    editedProfiles?.remove();
  });

  // The whole matrix's own checks and the person-less tokens: with the whole matrix only.
  const whole = !options.slice;
  const wholeTest = (name: string, fn: () => unknown) => (whole ? test(name, fn as jest.ProvidesCallback) : undefined);
  wholeTest(
    'every row of the matrix has a request, every column a token, and every case-bound row all three areas',
    () => {
      expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(REQUESTS).sort());
      for (const [row, cells] of Object.entries(MATRIX)) {
        const caseBound =
          !!REQUESTS[row].target ||
          row.startsWith('POST /api/processes ') ||
          row === 'POST /api/referrals' ||
          row.includes('{workflowId}') ||
          row.includes('{caseId}');
        expect({ row, areas: Object.keys(cells).sort() }).toEqual({
          row,
          areas: caseBound ? ['la', 'own', 'team'] : ['any'],
        });
        for (const statuses of Object.values(cells) as Cells[])
          expect({ row, columns: statuses.length }).toEqual({ row, columns: CALLERS.length });
      }
    },
  );

  wholeTest('every event type and every process type has its row: an operation added without one fails here', () => {
    const eventRows = Object.keys(MATRIX)
      .filter((row) => row.startsWith(`POST ${EVENTS} `))
      .map((row) => row.split(' ')[2]);
    expect([...new Set(eventRows)].sort()).toEqual(Object.keys(EVENT_ROLES).sort());
    const startRows = Object.keys(MATRIX)
      .filter((row) => row.startsWith('POST /api/processes '))
      .map((row) => row.split(' ')[2]);
    expect(startRows.sort()).toEqual([...PROCESS_TYPES].sort());
    expect(Object.keys(START_ROLES).sort()).toEqual([...PROCESS_TYPES].sort());
  });

  wholeTest('the matrix covers every operation in /openapi.json, and names no API operation it lacks', async () => {
    const doc = (await s.call('GET', '/openapi.json', undefined, null)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    const inMatrix = [...new Set(Object.keys(MATRIX).map(operation))];
    expect(documented.filter((op) => !inMatrix.includes(op))).toEqual([]);
    expect(inMatrix.filter((op) => !documented.includes(op) && !NOT_IN_OPENAPI.includes(op))).toEqual([]);
  });

  /**
   * The lines of a history that someone recorded (they carry `by`): a refused event must add none. The lines
   * the worker writes meanwhile as it sends the notifications a back-dated case has missed carry no `by`.
   */
  const recorded = (history: { by?: string }[]) => JSON.stringify(history.filter((h) => h.by !== undefined));

  const CASES = Object.entries(MATRIX)
    .flatMap(([row, cells]) =>
      Object.entries(cells).map(([area, statuses]) => [row, area, statuses] as [string, Area | 'any', Cells]),
    )
    .filter(([row, area]) => whole || options.slice![row]?.includes(area));
  if (!whole) {
    test('the slice names rows and areas of the matrix', () => {
      for (const [row, areas] of Object.entries(options.slice!))
        expect({ row, areas: areas.filter((a) => !(a in (MATRIX[row] ?? {}))) }).toEqual({ row, areas: [] });
    });
  }

  describe.each(CASES)('%s (%s)', (row, areaName, cells) => {
    const area: Area = areaName === 'any' ? 'own' : areaName;
    test(
      CALLERS.map((c, i) => `${c} ${cells[i]}`).join(', '),
      async () => {
        const { target, call, beforeCalls, afterCalls } = REQUESTS[row];
        const expected = Object.fromEntries(CALLERS.map((c, i) => [c, Number.parseInt(String(cells[i]), 10)]));
        // A fresh process for each caller allowed to act (so 200 means the event was accepted); one shared by the refused.
        const targets = target
          ? await Promise.all(CALLERS.map(async (c) => (expected[c] < 300 ? target(area) : undefined)))
          : [];
        const refusedTarget = target ? await target(area) : '';
        const historyBefore = target ? recorded((await s.view(refusedTarget)).history) : '';

        const got: Record<string, number> = {};
        beforeCalls?.();
        try {
          for (const [i, caller] of CALLERS.entries()) {
            const request = call(targets[i] ?? refusedTarget, area);
            const r = await send(request, caller, targets[i] ?? refusedTarget);
            got[caller] = r.status;
            if (r.status >= 400) {
              // Refusals are problem+json naming what was refused; a denied token never sees a 5xx.
              const code = typeof cells[i] === 'string' ? String(cells[i]).slice(3) : undefined;
              const field = fieldOf(row, r.status, r.status === expected[caller] ? code : undefined);
              expect({ caller, type: r.type, field: r.body?.errors?.[0]?.field }).toEqual({
                caller,
                type: 'application/problem+json; charset=utf-8',
                field,
              });
              // A refused start started nothing.
              const startedId = (request.body as { type?: string; caseId?: string; referralId?: string } | undefined)
                ?.caseId;
              if (
                request.method === 'POST' &&
                (request.path === '/api/processes' || request.path === '/api/referrals') &&
                startedId
              ) {
                expect({
                  caller,
                  listed: (await s.call('GET', `/api/processes?caseId=${startedId}`)).body.count,
                }).toEqual({ caller, listed: 0 });
              }
            } else if (r.status >= 300 || !r.type.match(/json|html/)) {
              throw new Error(`${row} for ${caller}: ${r.status} ${r.type}`);
            }
          }
        } finally {
          afterCalls?.();
        }
        expect(got).toEqual(expected);
        if (target) expect(recorded((await s.view(refusedTarget)).history)).toBe(historyBefore);
      },
      600_000,
    );
  });

  wholeTest('area roles without a person, and unknown tokens', async () => {
    // Lists and events are scoped to the caller's area, so an area role's token must name the person: 403 naming authorization.
    const own = sharedReferral.own!;
    for (const path of [
      '/api/processes',
      '/api/inbox',
      '/api/reports/timeliness',
      `/api/cases/${own.caseId}`,
      `/api/processes/${own.workflowId}`,
    ]) {
      const r = await s.call('GET', path, undefined, 'dev-team-manager');
      expect({ path, status: r.status, field: r.body.errors[0].field }).toEqual({
        path,
        status: 403,
        field: 'authorization',
      });
    }
    const before = JSON.stringify((await s.view(own.workflowId)).history);
    const r = await fetch(`${s.api}/api/processes/${own.workflowId}/events`, {
      method: 'POST',
      headers: { authorization: 'Bearer dev-social-worker', 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'step-completed',
        step: 'referral-decision',
        occurredAt: '2026-10-06',
        outcome: 'no-further-action',
      }),
    });
    expect({ status: r.status, field: ((await r.json()) as { errors: { field: string }[] }).errors[0].field }).toEqual({
      status: 403,
      field: 'authorization',
    });
    expect(JSON.stringify((await s.view(own.workflowId)).history)).toBe(before);
    for (const token of ['dev-nobody', 'dev-admin.', 'admin', 'dev-team-manager.<script>']) {
      const bad = await s.call('GET', '/api/calendar/due?from=2026-12-24&add=1&unit=working-days', undefined, token);
      expect({ token, status: bad.status, field: bad.body.errors[0].field }).toEqual({
        token,
        status: 401,
        field: 'authorization',
      });
    }
  });
}
