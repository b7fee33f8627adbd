/**
 * A child in care through the API against a real dev server, back-dated (the dev server runs in real
 * time), England's rules: becoming looked after, plans, visits and reviews recorded, the next review due as
 * the regulations give it; then a profile edited while the case runs: new cases get the new rule, the
 * running one keeps its own until an administrator migrates it, and its history says what moved and why.
 * Hand-worked (2026 bank holidays: Good Friday 3 Apr, Easter Monday 6 Apr, 4 May, 25 May, 31 Aug):
 *  - became looked after and placed (foster care) Mon 2 Mar 2026. Placement plan 5 WD (reg 9) -> Mon 9 Mar;
 *    care plan 10 WD (reg 4) -> Mon 16 Mar; first review 20 WD (reg 33(1)): 3-6 Mar (4), 9-13 (9), 16-20 (14),
 *    23-27 (19), Mon 30 Mar (20).
 *  - visits (reg 28(2)): within a week -> Mon 9 Mar; held Sat 7 Mar; first year of the placement, 6-weekly from
 *    each visit: Sat 18 Apr; held Wed 15 Apr -> Wed 27 May; held Mon 25 May (a bank holiday: visits happen) ->
 *    Mon 6 Jul; held Wed 1 Jul -> Wed 12 Aug; held Mon 10 Aug -> Mon 21 Sep; held Tue 15 Sep -> Tue 27 Oct;
 *    held Tue 20 Oct -> Tue 1 Dec 2026.
 *  - review 1 held Thu 26 Mar; review 2 within 3 months (reg 33(2)(a)) -> Fri 26 Jun; held Mon 22 Jun;
 *    review 3 within 6 months (reg 33(2)(b)) -> Tue 22 Dec 2026 (planBy the same, a working day).
 *  - the edited profile makes later reviews 4-monthly: a new case with the same facts has review 3 due
 *    Thu 22 Oct 2026; the running case keeps Tue 22 Dec until migrated, then Thu 22 Oct.
 */
import { DevStack, startDevStack, stepOf } from '../support/devStack';
import { ProfileCopy, profileCopy } from '../support/profileCopy';
import { waitFor } from '../../harness/ports';

let s: DevStack;
let profiles: ProfileCopy;
beforeAll(async () => {
  s = await startDevStack();
  profiles = profileCopy();
});
afterAll(async () => {
  await s?.teardown();
  profiles?.remove();
});

const step = stepOf;
const ok = (id: string, body: object) => s.accept(id, body);
const visit = (id: string, date: string) =>
  ok(id, { type: 'step-completed', step: 'statutory-visit', occurredAt: date, seen: true, seenAlone: true });

/** The same child's facts recorded on a case: placement, plans, visits, the first two reviews. */
async function becomeLookedAfter(caseId: string) {
  const started = await s.call('POST', '/api/processes', {
    type: 'looked-after',
    caseId,
    localAuthority: 'england',
    anchors: { 'date-of-birth': '2016-10-05', 'became-looked-after': '2026-03-02', 'placement-start': '2026-03-02' },
    anchorKinds: { 'placement-start': 'foster-care' },
    assignment: { workerId: 'sw-eng-01', team: 'eng-demo' },
  });
  expect(started.status).toBe(201);
  const id = started.body.workflowId;
  await ok(id, { type: 'step-completed', step: 'placement-plan', occurredAt: '2026-03-04' });
  await ok(id, { type: 'step-completed', step: 'care-plan', occurredAt: '2026-03-06' });
  await ok(id, { type: 'step-completed', step: 'lac-review', occurredAt: '2026-03-26' });
  const afterFirst = await ok(id, { type: 'step-completed', step: 'lac-review', occurredAt: '2026-06-22' });
  return { id, afterFirst };
}

test('becoming looked after, visits and reviews through the API; the next review as the regulations give it', async () => {
  // Bad input first: a placement with no type, a missing date of birth: 422 naming the field, nothing started.
  const noKind = await s.call('POST', '/api/processes', {
    type: 'looked-after',
    caseId: 'LAC-X',
    localAuthority: 'england',
    anchors: { 'date-of-birth': '2016-10-05', 'became-looked-after': '2026-03-02', 'placement-start': '2026-03-02' },
  });
  expect(noKind).toMatchObject({ status: 422, body: { errors: [{ field: 'anchorKinds.placement-start' }] } });
  const noDob = await s.call('POST', '/api/processes', {
    type: 'looked-after',
    caseId: 'LAC-X',
    localAuthority: 'england',
    anchors: { 'became-looked-after': '2026-03-02' },
  });
  expect(noDob).toMatchObject({ status: 422, body: { errors: [{ field: 'anchors.date-of-birth' }] } });

  const started = await s.call('POST', '/api/processes', {
    type: 'looked-after',
    caseId: 'LAC-API-1',
    localAuthority: 'england',
    anchors: { 'date-of-birth': '2016-10-05', 'became-looked-after': '2026-03-02', 'placement-start': '2026-03-02' },
    anchorKinds: { 'placement-start': 'foster-care' },
    assignment: { workerId: 'sw-eng-01', team: 'eng-demo' },
  });
  const id = started.body.workflowId;
  expect(id).toBe('looked-after-LAC-API-1-1');
  const first = (await s.call('GET', `/api/processes/${id}`)).body;
  expect(step(first, 'placement-plan')).toMatchObject({ dueDate: '2026-03-09' });
  expect(step(first, 'care-plan')).toMatchObject({ dueDate: '2026-03-16' });
  expect(step(first, 'lac-review')).toMatchObject({ dueDate: '2026-03-30', planBy: '2026-03-30' });
  expect(step(first, 'statutory-visit')).toMatchObject({ dueDate: '2026-03-09' });

  // A visit without saying whether the child was seen is refused; so is a review before the child came into care.
  const unseen = await s.call(
    'POST',
    `/api/processes/${id}/events`,
    { type: 'step-completed', step: 'statutory-visit', occurredAt: '2026-03-07' },
    'dev-social-worker',
  );
  expect(unseen).toMatchObject({ status: 422, body: { errors: [{ field: 'body.seen' }] } });
  const early = await s.call(
    'POST',
    `/api/processes/${id}/events`,
    { type: 'step-completed', step: 'lac-review', occurredAt: '2026-02-27' },
    'dev-social-worker',
  );
  expect(early).toMatchObject({ status: 422, body: { errors: [{ field: 'body.occurredAt' }] } });

  const visits: [string, string][] = [
    ['2026-03-07', '2026-04-18'],
    ['2026-04-15', '2026-05-27'],
    ['2026-05-25', '2026-07-06'],
    ['2026-07-01', '2026-08-12'],
    ['2026-08-10', '2026-09-21'],
    ['2026-09-15', '2026-10-27'],
    ['2026-10-20', '2026-12-01'],
  ];
  for (const [i, [held, next]] of visits.entries()) {
    const view = await visit(id, held);
    expect({ held, next: step(view, 'statutory-visit', i + 2)?.dueDate }).toEqual({ held, next });
  }
  await ok(id, { type: 'step-completed', step: 'lac-review', occurredAt: '2026-03-26' });
  const afterFirst = (await s.call('GET', `/api/processes/${id}`)).body;
  expect(step(afterFirst, 'lac-review', 2)).toMatchObject({ dueDate: '2026-06-26' });
  const afterSecond = await ok(id, { type: 'step-completed', step: 'lac-review', occurredAt: '2026-06-22' });
  expect(step(afterSecond, 'lac-review', 3)).toMatchObject({ dueDate: '2026-12-22', planBy: '2026-12-22' });
  expect(step(afterSecond, 'lac-review', 3).explanation).toContain('reg 33(2)(b)');
  // A review ends a cycle: the process continues as new once what it decided is delivered (one new run, or
  // one per review if the first run handed over before the second review was recorded: that races with the
  // worker, so either is right), and the view still shows the reviews held.
  const now = await waitFor('a later run', async () => {
    const v = (await s.call('GET', `/api/processes/${id}`)).body;
    return v.run >= 2 ? v : undefined;
  });
  expect(
    now.steps.filter((x: any) => x.key === 'lac-review' && x.status === 'completed').map((x: any) => x.completedAt),
  ).toEqual(['2026-03-26', '2026-06-22']);
  expect(now.nextDue).toBeDefined();
});

test('an edited profile applies to new cases; a running case keeps its rules until an administrator migrates it', async () => {
  const { id: running, afterFirst } = await becomeLookedAfter('LAC-MIG-OLD');
  expect(step(afterFirst, 'lac-review', 3)).toMatchObject({ dueDate: '2026-12-22' });
  const oldVersion = afterFirst.rulesVersion;

  // The profile is edited and deployed (API restarted on it): later reviews become 4-monthly.
  profiles.edit(
    'england',
    (england) => (england.processes['looked-after'].steps['lac-review'].repeat.every = { value: 4, unit: 'months' }),
  );
  s.reloadProfiles(profiles.dir);

  const { id: fresh, afterFirst: freshView } = await becomeLookedAfter('LAC-MIG-NEW');
  expect(step(freshView, 'lac-review', 3)).toMatchObject({ dueDate: '2026-10-22' }); // Mon 22 Jun + 4 months
  expect(freshView.rulesVersion).not.toBe(oldVersion);
  const kept = (await s.call('GET', `/api/processes/${running}`)).body;
  expect({ version: kept.rulesVersion, due: step(kept, 'lac-review', 3).dueDate }).toEqual({
    version: oldVersion,
    due: '2026-12-22',
  });

  // Only an administrator migrates, with a reason; the history records who, why and what moved.
  const beforeRefused = (await s.call('GET', `/api/processes/${running}`)).body.history;
  const denied = await s.call(
    'POST',
    `/api/processes/${running}/migrate-rules`,
    { reason: 'profile v2 deployed' },
    'dev-team-manager',
  );
  expect(denied.status).toBe(403);
  const noReason = await s.call('POST', `/api/processes/${running}/migrate-rules`, { reason: '' });
  expect(noReason).toMatchObject({ status: 400, body: { errors: [{ field: 'body.reason' }] } });
  expect((await s.call('GET', `/api/processes/${running}`)).body.history).toEqual(beforeRefused);
  const migrated = await s.call('POST', `/api/processes/${running}/migrate-rules`, {
    reason: 'four-monthly reviews agreed by the LA from November 2026',
  });
  expect(migrated.status).toBe(200);
  expect(migrated.body.migration).toMatchObject({
    by: 'dev-admin',
    reason: 'four-monthly reviews agreed by the LA from November 2026',
    changes: ['lac-review #3 due 2026-12-22 -> 2026-10-22'],
  });
  expect(migrated.body.view.rulesVersion).toBe(freshView.rulesVersion);
  expect(step(migrated.body.view, 'lac-review', 3)).toMatchObject({ dueDate: '2026-10-22' });
  expect(migrated.body.view.history.at(-1).what).toMatch(
    /^migrated from england@[0-9a-f]+, calendar ew-[0-9a-f]+ to england@[0-9a-f]+, calendar ew-[0-9a-f]+: four-monthly reviews agreed by the LA from November 2026; lac-review #3 due 2026-12-22 -> 2026-10-22/,
  );
  // Again: already on those rules -> 409, nothing changes.
  const again = await s.call('POST', `/api/processes/${running}/migrate-rules`, { reason: 'twice' });
  expect(again).toMatchObject({ status: 409, body: { errors: [{ field: 'body.rules' }] } });
  expect(fresh).toBe('looked-after-LAC-MIG-NEW-1');
});
