/**
 * Who may do what: every role in API_ROLES, and a caller with no token, against every endpoint the API
 * serves (each event type of POST .../events as its own row), on the dev stack with development tokens.
 * Each cell is the exact status, written by hand from the rules, not read from the code at run time:
 *  - /healthz, /openapi.json and /dashboard/ are public; everything under /api needs a token (401).
 *  - POST /api/referrals: allow(intake-system, social-worker, team-manager, admin) (api/routes/processes.ts).
 *  - POST /api/processes, GET /api/processes, GET /api/processes/{id}, GET /api/cases/{caseId},
 *    GET /api/calendar/due: allow(EVERYONE). GET /api/processes/{id} reads as 404 outside the caller's area, as a case does.
 *  - GET /api/inbox: every role but the intake system. GET /api/reports/timeliness: MANAGERS (team, service,
 *    head of service, admin) and the complaints manager.
 *  - POST .../migrate-rules: admin only.
 *  - POST /api/families/{familyId}/events: the event type's roles (EVENT_ROLES), the complaints manager only
 *    for complaints (403 naming body.processType), and every sibling inside the caller's area: the family here
 *    is two Derbyshire child in need plans of team derb-north-assessment, assigned to sw-derb-01.
 *  - The hand-over event (the missing fact of a refused hand-over) has the roles of step-completed; it has no
 *    row, since a refused hand-over cannot be made here without breaking a profile (test/e2e/chain.test.ts does).
 *  - Events (EVENT_ROLES): step-completed and anchor: the intake system and COMPLAINT_HANDLERS (everyone);
 *    set-interval: the intake system and PRACTITIONERS (not the complaints manager); extend and reassign:
 *    MANAGERS and the complaints manager; close: MANAGERS; withdraw: COMPLAINT_HANDLERS (not the intake
 *    system). ROLE_SCOPE: the complaints manager sends events to complaints only (403 on a referral or plan).
 *  - Areas (issue 7; config/directory.json): the area roles' tokens name their person. The shared case is a
 *    Derbyshire referral of team derb-north-assessment, assigned to sw-derb-01: inside the area of sw-derb-01,
 *    tm-derb-north, sm-derb-assess and hos-derb; outside cm-derb's (complaints only), so GET /api/cases and
 *    GET /api/processes/{id} answer cm-derb 404, as for a case that does not exist.
 * Allowed events are each sent to a fresh process on which they are valid, so 200 means "accepted";
 * refused ones go to one shared process per row, whose history must not change. For migrate-rules the
 * processes start, then the API is redeployed with an edited profile, so the admin's migration has
 * something to move (200) rather than "already on these rules" (409).
 */
import { API_ROLES, type ApiRole } from '../../api/auth';
import { DevStack, startDevStack } from '../support/devStack';
import { ProfileCopy, SHIPPED_PROFILES, profileCopy } from '../support/profileCopy';
import { waitFor } from '../support/ports';

type Caller = 'anonymous' | ApiRole;
const CALLERS: Caller[] = ['anonymous', ...API_ROLES];
const TOKENS: Record<Caller, string | null> = {
  anonymous: null,
  'intake-system': 'dev-intake-system',
  'social-worker': 'dev-social-worker.sw-derb-01',
  'team-manager': 'dev-team-manager.tm-derb-north',
  'service-manager': 'dev-service-manager.sm-derb-assess',
  'head-of-service': 'dev-head-of-service.hos-derb',
  'complaints-manager': 'dev-complaints-manager.cm-derb',
  admin: 'dev-admin',
};

// prettier-ignore
/** The matrix. Columns: anonymous, intake-system, social-worker, team-manager, service-manager, head-of-service, complaints-manager, admin. */
const MATRIX: [row: string, statuses: number[]][] = [
  //                                                                anon intake  sw   tm   sm  hos   cm  admin
  ['GET /healthz',                                                 [200, 200, 200, 200, 200, 200, 200, 200]],
  ['GET /openapi.json',                                            [200, 200, 200, 200, 200, 200, 200, 200]],
  ['GET /dashboard/',                                              [200, 200, 200, 200, 200, 200, 200, 200]],
  ['POST /api/referrals',                                          [401, 201, 201, 201, 403, 403, 403, 201]],
  ['POST /api/processes',                                          [401, 201, 201, 201, 201, 201, 201, 201]],
  ['GET /api/processes',                                           [401, 200, 200, 200, 200, 200, 200, 200]],
  ['GET /api/processes/{workflowId}',                              [401, 200, 200, 200, 200, 200, 404, 200]],
  ['GET /api/cases/{caseId}',                                      [401, 200, 200, 200, 200, 200, 404, 200]],
  ['POST /api/processes/{workflowId}/events step-completed referral', [401, 200, 200, 200, 200, 200, 403, 200]],
  ['POST /api/processes/{workflowId}/events step-completed complaint', [401, 200, 200, 200, 200, 200, 200, 200]],
  ['POST /api/processes/{workflowId}/events anchor complaint',     [401, 200, 200, 200, 200, 200, 200, 200]],
  ['POST /api/processes/{workflowId}/events set-interval cin-plan', [401, 200, 200, 200, 200, 200, 403, 200]],
  ['POST /api/processes/{workflowId}/events extend complaint',     [401, 403, 403, 200, 200, 200, 200, 200]],
  ['POST /api/processes/{workflowId}/events reassign complaint',   [401, 403, 403, 200, 200, 200, 200, 200]],
  ['POST /api/processes/{workflowId}/events close complaint',      [401, 403, 403, 200, 200, 200, 403, 200]],
  ['POST /api/processes/{workflowId}/events withdraw complaint',   [401, 403, 200, 200, 200, 200, 200, 200]],
  ['POST /api/processes/{workflowId}/migrate-rules',               [401, 403, 403, 403, 403, 403, 403, 200]],
  ['POST /api/families/{familyId}/events step-completed cin-plan', [401, 200, 200, 200, 200, 200, 403, 200]],
  ['GET /api/calendar/due',                                        [401, 200, 200, 200, 200, 200, 200, 200]],
  ['GET /api/inbox',                                               [401, 403, 200, 200, 200, 200, 200, 200]],
  ['GET /api/reports/timeliness',                                  [401, 403, 403, 200, 200, 200, 200, 200]],
];
/** Served but not API operations, so not in /openapi.json. */
const NOT_IN_OPENAPI = ['GET /openapi.json', 'GET /dashboard/'];
/** What a refusal names, where not `authorization`: an event refused by role names its type; a case outside the area reads as absent. */
const REFUSED_FIELD: Record<string, string> = {
  'GET /api/cases/{caseId}': 'caseId',
  // Outside the area a process reads as absent: 404 naming the id, as a case does.
  'GET /api/processes/{workflowId}': 'workflowId',
  'POST /api/processes/{workflowId}/events extend complaint': 'type',
  'POST /api/processes/{workflowId}/events reassign complaint': 'type',
  'POST /api/processes/{workflowId}/events close complaint': 'type',
  'POST /api/processes/{workflowId}/events withdraw complaint': 'type',
  // The complaints manager's scope is complaints: a family's child in need plans are refused by process type.
  'POST /api/families/{familyId}/events step-completed cin-plan': 'body.processType',
};

let s: DevStack;
let n = 0;
/** A fresh id for each process a cell needs. */
const fresh = (prefix: string) => `${prefix}-${++n}`;
const SHARED_CASE = 'AUTHZ-CASE';
let sharedReferral: string;

beforeAll(async () => {
  s = await startDevStack();
  const r = await s.call('POST', '/api/referrals', { referralId: 'R-AUTHZ', caseId: SHARED_CASE, localAuthority: 'derbyshire', receivedAt: '2026-10-05T10:00:00+01:00', assignment: { workerId: 'sw-derb-01', team: 'derb-north-assessment' } }, 'dev-intake-system');
  expect(r.status).toBe(201);
  sharedReferral = r.body.workflowId;
  // The social worker's area is read from the clock's memo (its assignment): wait until the worker has published it.
  await waitFor('the shared case in the social worker area', async () => (await s.call('GET', `/api/cases/${SHARED_CASE}`, undefined, TOKENS['social-worker'])).status === 200, 120_000);
}, 600_000);
afterAll(async () => {
  await s?.teardown();
  editedProfiles?.remove();
});

let editedProfiles: ProfileCopy | undefined;
/** Redeploys the API on a copy of the profiles where Derbyshire's first CIN visit is due in 5 weeks, not 6. */
function deployEditedProfiles() {
  editedProfiles = profileCopy();
  editedProfiles.edit('derbyshire', (derbyshire) => (derbyshire.processes['child-in-need-plan'].steps['cin-visit'].due.value = 5));
  s.reloadProfiles(editedProfiles.dir);
}

/** An England complaint received Mon 5 Oct 2026: stage 1 due Mon 19 Oct (10 WD), so an extension agreed on 15 Oct may move it. */
async function complaint(): Promise<string> {
  const r = await s.call('POST', '/api/processes', { type: 'complaint-statutory', caseId: fresh('AUTHZ-CMP'), localAuthority: 'england', anchors: { 'stage1-received': '2026-10-05T11:00:00+01:00' }, assignment: { workerId: 'sw-eng-none', team: 'eng-demo' } });
  expect(r.status).toBe(201);
  return r.body.workflowId;
}
/** The same, its stage 1 response sent on Mon 16 Nov 2026, so the complainant's stage 2 window is open. */
async function complaintAtStage2Window(): Promise<string> {
  const id = await complaint();
  await s.accept(id, { type: 'step-completed', step: 'stage1-response', occurredAt: '2026-11-16' }, 'dev-admin');
  return id;
}
async function referral(): Promise<string> {
  const referralId = fresh('R-AUTHZ');
  const r = await s.call('POST', '/api/referrals', { referralId, caseId: `C-${referralId}`, localAuthority: 'derbyshire', receivedAt: '2026-10-05T10:00:00+01:00' }, 'dev-intake-system');
  expect(r.status).toBe(201);
  return r.body.workflowId;
}
/** Family id of each family's first sibling's process (the row's target is a workflow, whose history is checked). */
const familyOf = new Map<string, string>();
/** Two siblings' Derbyshire child in need plans agreed Thu 1 Oct 2026, in the shared case's team and worker. */
async function cinFamily(): Promise<string> {
  const familyId = fresh('AUTHZ-FAM');
  const ids: string[] = [];
  for (const child of ['A', 'B']) {
    const r = await s.call('POST', '/api/processes', { type: 'child-in-need-plan', caseId: `${familyId}-${child}`, familyId, localAuthority: 'derbyshire', anchors: { 'plan-agreed': '2026-10-01T10:00:00+01:00' }, assignment: { workerId: 'sw-derb-01', team: 'derb-north-assessment' } });
    expect(r.status).toBe(201);
    ids.push(r.body.workflowId);
  }
  // The family is found through visibility: wait until both siblings are listed with their clocks.
  await waitFor(`family ${familyId} listed`, async () => (await s.call('GET', `/api/processes?familyId=${familyId}`, undefined, 'dev-admin')).body.count === 2, 60_000);
  familyOf.set(ids[0], familyId);
  return ids[0];
}
/** A Derbyshire child in need plan agreed Thu 1 Oct 2026 (visits 6-weekly, so fortnightly is "more often"). */
async function cinPlan(): Promise<string> {
  const r = await s.call('POST', '/api/processes', { type: 'child-in-need-plan', caseId: fresh('AUTHZ-CIN'), localAuthority: 'derbyshire', anchors: { 'plan-agreed': '2026-10-01T10:00:00+01:00' }, assignment: { workerId: 'sw-derb-02', team: 'derb-south-assessment' } });
  expect(r.status).toBe(201);
  return r.body.workflowId;
}

interface Call {
  method: string;
  path: string;
  body?: unknown;
}
/** How to make each row's request; `target` is a process the request may act on. */
const EVENTS = '/api/processes/{workflowId}/events';
const REQUESTS: Record<string, { target?: () => Promise<string>; beforeCalls?: () => void; afterCalls?: () => void; call: (target: string) => Call }> = {
  'GET /healthz': { call: () => ({ method: 'GET', path: '/healthz' }) },
  'GET /openapi.json': { call: () => ({ method: 'GET', path: '/openapi.json' }) },
  'GET /dashboard/': { call: () => ({ method: 'GET', path: '/dashboard/' }) },
  'POST /api/referrals': {
    call: () => {
      const referralId = fresh('R-AUTHZ-NEW');
      return { method: 'POST', path: '/api/referrals', body: { referralId, caseId: `C-${referralId}`, localAuthority: 'derbyshire', receivedAt: '2026-11-20T10:00:00Z' } };
    },
  },
  'POST /api/processes': { call: () => ({ method: 'POST', path: '/api/processes', body: { type: 'child-in-need-plan', caseId: fresh('AUTHZ-NEW'), localAuthority: 'derbyshire', anchors: { 'plan-agreed': '2026-11-20' } } }) },
  'GET /api/processes': { call: () => ({ method: 'GET', path: `/api/processes?caseId=${SHARED_CASE}` }) },
  'GET /api/processes/{workflowId}': { call: () => ({ method: 'GET', path: `/api/processes/${sharedReferral}` }) },
  'GET /api/cases/{caseId}': { call: () => ({ method: 'GET', path: `/api/cases/${SHARED_CASE}` }) },
  [`POST ${EVENTS} step-completed referral`]: { target: referral, call: () => ({ method: 'POST', path: EVENTS, body: { type: 'step-completed', step: 'referral-decision', occurredAt: '2026-10-06', outcome: 'no-further-action' } }) },
  [`POST ${EVENTS} step-completed complaint`]: { target: complaint, call: () => ({ method: 'POST', path: EVENTS, body: { type: 'step-completed', step: 'stage1-response', occurredAt: '2026-10-16' } }) },
  [`POST ${EVENTS} anchor complaint`]: { target: complaintAtStage2Window, call: () => ({ method: 'POST', path: EVENTS, body: { type: 'anchor', anchor: 'stage2-requested', at: '2026-11-20' } }) },
  [`POST ${EVENTS} set-interval cin-plan`]: { target: cinPlan, call: () => ({ method: 'POST', path: EVENTS, body: { type: 'set-interval', step: 'cin-visit', every: { value: 2, unit: 'weeks' }, reason: 'fortnightly visits agreed at the plan meeting' } }) },
  [`POST ${EVENTS} extend complaint`]: { target: complaint, call: () => ({ method: 'POST', path: EVENTS, body: { type: 'extend', step: 'stage1-response', reason: 'complex: three teams involved', until: '2026-10-26', agreedWithComplainant: true, agreedAt: '2026-10-15T14:00:00+01:00' } }) },
  [`POST ${EVENTS} reassign complaint`]: { target: complaint, call: () => ({ method: 'POST', path: EVENTS, body: { type: 'reassign', workerId: 'sw-eng-other', reason: 'caseload' } }) },
  [`POST ${EVENTS} close complaint`]: { target: complaint, call: () => ({ method: 'POST', path: EVENTS, body: { type: 'close', reason: 'recorded in error' } }) },
  [`POST ${EVENTS} withdraw complaint`]: { target: complaint, call: () => ({ method: 'POST', path: EVENTS, body: { type: 'withdraw', occurredAt: '2026-10-21', reason: 'resolved with the team manager' } }) },
  'POST /api/families/{familyId}/events step-completed cin-plan': {
    target: cinFamily,
    call: (target) => ({ method: 'POST', path: `/api/families/${familyOf.get(target)}/events`, body: { processType: 'child-in-need-plan', eventId: `visit-${target}`, event: { type: 'step-completed', step: 'cin-visit', occurredAt: '2026-10-20', seen: true } } }),
  },
  'POST /api/processes/{workflowId}/migrate-rules': { target: cinPlan, beforeCalls: deployEditedProfiles, afterCalls: () => s.reloadProfiles(SHIPPED_PROFILES), call: () => ({ method: 'POST', path: '/api/processes/{workflowId}/migrate-rules', body: { reason: 'profile update deployed' } }) },
  'GET /api/calendar/due': { call: () => ({ method: 'GET', path: '/api/calendar/due?from=2026-12-24&add=1&unit=working-days' }) },
  'GET /api/inbox': { call: () => ({ method: 'GET', path: '/api/inbox' }) },
  'GET /api/reports/timeliness': { call: () => ({ method: 'GET', path: '/api/reports/timeliness?from=2026-04-01&to=2026-11-20' }) },
};

/** `METHOD /path` of a row (its event type and target, if any, are what follows). */
const operation = (row: string) => row.split(' ').slice(0, 2).join(' ');

async function send(c: Call, caller: Caller, target: string) {
  const res = await fetch(`${s.api}${c.path.replace('{workflowId}', target)}`, {
    method: c.method,
    headers: { ...(TOKENS[caller] ? { authorization: `Bearer ${TOKENS[caller]}` } : {}), ...(c.body ? { 'content-type': 'application/json' } : {}) },
    ...(c.body ? { body: JSON.stringify(c.body) } : {}),
  });
  const type = res.headers.get('content-type') ?? '';
  const text = await res.text();
  return { status: res.status, type, body: type.includes('json') && text ? JSON.parse(text) : undefined };
}

test('every row of the matrix has a request, and every column a token', () => {
  expect(MATRIX.map(([row]) => row).sort()).toEqual(Object.keys(REQUESTS).sort());
  for (const [row, statuses] of MATRIX) expect({ row, columns: statuses.length }).toEqual({ row, columns: CALLERS.length });
});

test('the matrix covers every operation in /openapi.json, and names no API operation it lacks', async () => {
  const doc = (await s.call('GET', '/openapi.json', undefined, null)).body as { paths: Record<string, Record<string, unknown>> };
  const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).map((m) => `${m.toUpperCase()} ${path}`));
  const inMatrix = [...new Set(MATRIX.map(([row]) => operation(row)))];
  expect(documented.filter((op) => !inMatrix.includes(op))).toEqual([]);
  expect(inMatrix.filter((op) => !documented.includes(op) && !NOT_IN_OPENAPI.includes(op))).toEqual([]);
});

describe.each(MATRIX)('%s', (row, statuses) => {
  test(CALLERS.map((c, i) => `${c} ${statuses[i]}`).join(', '), async () => {
    const { target, call, beforeCalls, afterCalls } = REQUESTS[row];
    const expected = Object.fromEntries(CALLERS.map((c, i) => [c, statuses[i]]));
    // A fresh process for each caller allowed to act (so 200 means the event was accepted); one shared by the refused.
    const targets = target ? await Promise.all(CALLERS.map(async (c) => (expected[c] < 300 ? target() : undefined))) : [];
    const refusedTarget = target ? await target() : '';
    const historyBefore = target ? JSON.stringify((await s.view(refusedTarget)).history) : '';

    const got: Record<string, number> = {};
    beforeCalls?.();
    try {
      for (const [i, caller] of CALLERS.entries()) {
        const r = await send(call(targets[i] ?? refusedTarget), caller, targets[i] ?? refusedTarget);
        got[caller] = r.status;
        if (r.status >= 400) {
          // Refusals are problem+json naming what was refused; a denied token never sees a 5xx.
          const field = r.status === 401 ? 'authorization' : (REFUSED_FIELD[row] ?? 'authorization');
          expect({ caller, type: r.type, field: r.body?.errors?.[0]?.field }).toEqual({ caller, type: 'application/problem+json; charset=utf-8', field });
        } else if (r.status >= 300 || !r.type.match(/json|html/)) {
          throw new Error(`${row} for ${caller}: ${r.status} ${r.type}`);
        }
      }
    } finally {
      afterCalls?.();
    }
    expect(got).toEqual(expected);
    if (target) expect(JSON.stringify((await s.view(refusedTarget)).history)).toBe(historyBefore);
  }, 600_000);
});

test('area roles without a person, and unknown tokens', async () => {
  // Lists are scoped to the caller's area, so an area role's token must name the person: 403 naming authorization.
  for (const path of ['/api/processes', '/api/inbox', '/api/reports/timeliness', `/api/cases/${SHARED_CASE}`, `/api/processes/${sharedReferral}`]) {
    const r = await s.call('GET', path, undefined, 'dev-team-manager');
    expect({ path, status: r.status, field: r.body.errors[0].field }).toEqual({ path, status: 403, field: 'authorization' });
  }
  for (const token of ['dev-nobody', 'dev-admin.', 'admin', 'dev-team-manager.<script>']) {
    const r = await s.call('GET', '/api/calendar/due?from=2026-12-24&add=1&unit=working-days', undefined, token);
    expect({ token, status: r.status, field: r.body.errors[0].field }).toEqual({ token, status: 401, field: 'authorization' });
  }
});

test('a process outside the area reads as absent, by id as by case', async () => {
  // The shared referral is Derbyshire's (derb-north-assessment, sw-derb-01). York's social worker, team
  // manager and head of service, and Derbyshire's other social worker, read it as 404 naming workflowId.
  for (const token of ['dev-social-worker.sw-york-01', 'dev-social-worker.sw-derb-02', 'dev-team-manager.tm-york-ra', 'dev-head-of-service.hos-york']) {
    const r = await s.call('GET', `/api/processes/${sharedReferral}`, undefined, token);
    expect({ token, status: r.status, field: r.body.errors?.[0]?.field }).toEqual({ token, status: 404, field: 'workflowId' });
  }
});
