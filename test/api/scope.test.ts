/**
 * Lists, inboxes and reports stay inside the caller's area (management/area.ts), in process: a filter
 * reaching outside it is a 403 naming the filter, a token naming no person (or a person without that
 * post) a 403 naming authorization, and a bad query a 400 naming its field. What each area then lists
 * is read through visibility, on the dev stack: test/e2e/inbox.test.ts and timeliness.test.ts.
 */
import { InProcessApi, startInProcessApi } from '../support/inProcessApi';

let s: InProcessApi;
beforeAll(async () => {
  s = await startInProcessApi();
});
afterAll(async () => s?.close());

test("nobody lists another team's cases: an inbox filter outside the area is refused, naming it", async () => {
  // Areas from config/directory.json: tm-derb-north manages derb-north-assessment only, sm-derb-south the
  // south service (not Northamptonshire's nn-mash), hos-york York only, cm-derb Derbyshire's complaints.
  const cases: [string, string, string][] = [
    ['dev-team-manager.tm-derb-north', '&team=derb-south-assessment', 'query.team'],
    ['dev-service-manager.sm-derb-south', '&team=nn-mash', 'query.team'],
    ['dev-head-of-service.hos-york', '&localAuthority=derbyshire', 'query.localAuthority'],
    ['dev-head-of-service.hos-york', '&team=derb-north-assessment', 'query.team'],
    ['dev-complaints-manager.cm-derb', '&type=referral', 'query.type'],
    ['dev-social-worker.sw-derb-01', '&worker=sw-derb-02', 'query.worker'],
    ['dev-team-manager', '', 'authorization'],
    ['dev-team-manager.sw-derb-01', '', 'authorization'],
    ['dev-team-manager.nobody', '', 'authorization'],
  ];
  for (const [token, query, field] of cases) {
    const r = await s.call('GET', `/api/inbox?include=overdue${query}`, undefined, token);
    expect({ token, query, status: r.status, field: r.body.errors?.[0]?.field }).toEqual({
      token,
      query,
      status: 403,
      field,
    });
  }
  // At most 62 days ahead.
  expect((await s.call('GET', '/api/inbox?dueWithinDays=99')).body.errors[0].field).toBe('query.dueWithinDays');
  // The same scope holds for lists.
  expect(
    (await s.call('GET', '/api/processes?team=nn-mash', undefined, 'dev-team-manager.tm-york-ra')).body.errors[0].field,
  ).toBe('query.team');
});

test("an inbox lists its area's overdue steps only: a Derbyshire referral is York's manager's to not see", async () => {
  // Referrals received Mon 2 Nov 2026 10:00 GMT, decision due within 1 working day: Tue 3 Nov 2026,
  // overdue by any date this test runs on.
  for (const [caseId, la, team, workerId] of [
    ['SC-DERB', 'derbyshire', 'derb-north-assessment', 'sw-derb-01'],
    ['SC-YORK', 'york', 'york-ra', 'sw-york-01'],
  ]) {
    const r = await s.call(
      'POST',
      '/api/referrals',
      {
        referralId: `R-${caseId}`,
        caseId,
        localAuthority: la,
        receivedAt: '2026-11-02T10:00:00Z',
        assignment: { team, workerId },
      },
      'dev-intake-system',
    );
    expect(r.status).toBe(201);
  }
  const york = (await s.call('GET', '/api/inbox?include=overdue', undefined, 'dev-team-manager.tm-york-ra')).body;
  expect(york.area).toEqual({ label: 'team-manager tm-york-ra', teams: ['york-ra'] });
  expect(
    york.items.map((i: { caseId: string; step: string; dueDate: string }) => [i.caseId, i.step, i.dueDate]),
  ).toEqual([['SC-YORK', 'referral-decision', '2026-11-03']]);
  const derby = (await s.call('GET', '/api/processes', undefined, 'dev-team-manager.tm-derb-north')).body;
  expect(derby.items.map((i: { caseId: string }) => i.caseId)).toEqual(['SC-DERB']);
  expect((await s.call('GET', '/api/cases/SC-DERB', undefined, 'dev-team-manager.tm-york-ra')).status).toBe(404);
});

test('bad report queries name the field', async () => {
  const cases: [string, string][] = [
    ['from=2026-02-30', 'query.from'],
    ['from=2026-10-01&to=2026-09-01', 'query.to'],
    ['measure=speed', 'query.measure'],
    ['format=xml', 'query.format'],
  ];
  for (const [q, field] of cases) {
    const r = await s.call('GET', `/api/reports/timeliness?${q}`);
    expect({ q, status: r.status, field: r.body.errors?.[0]?.field }).toEqual({ q, status: 400, field });
  }
  // A manager's report reaching another LA.
  const other = await s.call(
    'GET',
    '/api/reports/timeliness?from=2026-04-01&to=2026-10-31&localAuthority=derbyshire',
    undefined,
    'dev-head-of-service.hos-york',
  );
  expect({ status: other.status, field: other.body.errors[0].field }).toEqual({
    status: 403,
    field: 'query.localAuthority',
  });
});
