/**
 * One child's child protection journey through the API against a real dev server, as a case system
 * drives it: referral -> strategy discussion -> S47 -> ICPC -> CP plan (core groups, a visit, three review
 * conferences over 14 months) -> step down -> CIN plan -> closed at review. The dev server runs in real
 * time, so the journey is back-dated (June 2025 to October 2026). Derbyshire rules; hand-worked dates
 * (bank holidays 2025: 26 May, 25 Aug; 2026: 25 May, 31 Aug; none in June 2025):
 *  - referral received Mon 2 Jun 2025 09:30 BST; strategy discussion 24 hours (seed 000 L567) -> Tue 3 Jun 09:30.
 *  - SD held Mon 2 Jun 16:00 (S47 started), again Fri 6 Jun. ICPC: 15 WD from the SD that started the S47
 *    (L568): 3-6 Jun (4), 9-13 (9), 16-20 (14), Mon 23 Jun 2025 (15). S47 15 WD from its start (L569): Mon 23 Jun.
 *  - ICPC Thu 19 Jun 2025. First core group 10 WD (L571): 20 (1), 23-27 (6), 30 Jun-3 Jul (10) -> Thu 3 Jul.
 *    First CP visit (England's 10 WD default; L570 leaves the pattern to the conference) -> Thu 3 Jul.
 *    Core group held Tue 1 Jul; next every 6 weeks (L571) -> Tue 12 Aug 2025.
 *  - RCPC 1: 3 months after Thu 19 Jun = Fri 19 Sep 2025 (L572); held Tue 16 Sep (continue).
 *    RCPC 2: 6 months after Tue 16 Sep = Mon 16 Mar 2026; held Thu 12 Mar 2026 (continue).
 *    RCPC 3: 6 months after Thu 12 Mar = Sat 12 Sep 2026, planBy Fri 11 Sep; held Mon 17 Aug 2026: step down.
 *  - CIN plan agreed Mon 17 Aug 2026: plan 10 WD (L508): 18-21 (4), 24-28 (9), [Mon 31 Aug], Tue 1 Sep 2026.
 *    Visits 6-weekly (L506): Mon 28 Sep 2026. Review 6 weeks after the plan meeting (Thu 27 Aug) = Thu 8 Oct 2026.
 */
import { DevStack, startDevStack, stepOf } from '../support/devStack';
import { waitFor } from '../../harness/ports';

let s: DevStack;
beforeAll(async () => {
  s = await startDevStack();
});
afterAll(async () => s?.teardown());

const CASE = 'DERBY-CPJ-1';
const REF = 'R-2025-0602';
const enquiry = `child-protection-enquiry-${CASE}-${REF}`;
const plan = `child-protection-plan-${CASE}-${REF}`;
const cin = `child-in-need-plan-${CASE}-${REF}`;

const event = (id: string, body: object, token?: string) => s.event(id, body, token);
const ok = (id: string, body: object, token?: string) => s.accept(id, body, token);
const due = stepOf;
const get = (id: string) => s.view(id);
async function exists(id: string) {
  return waitFor(`${id} started`, async () =>
    (await s.call('GET', `/api/processes/${id}`)).status === 200 ? true : undefined,
  );
}

test('Derbyshire: referral to CP plan to step-down to CIN plan closure, every due date by hand', async () => {
  const ref = await s.call(
    'POST',
    '/api/referrals',
    {
      referralId: REF,
      caseId: CASE,
      localAuthority: 'derbyshire',
      receivedAt: '2025-06-02T09:30:00+01:00',
      assignment: { workerId: 'sw-derb-01', team: 'derb-north-assessment' },
    },
    'dev-intake-system',
  );
  expect(ref.status).toBe(201);
  await ok(ref.body.workflowId, {
    type: 'step-completed',
    step: 'referral-decision',
    occurredAt: '2025-06-02T14:00:00+01:00',
    outcome: 'strategy-discussion',
  });
  await exists(enquiry);

  // Out of order: an ICPC before any strategy discussion -> 409 naming the step, nothing changes.
  const before = await get(enquiry);
  const early = await event(enquiry, {
    type: 'step-completed',
    step: 'icpc',
    occurredAt: '2025-06-03',
    outcome: 'child-protection-plan',
  });
  expect(early).toMatchObject({ status: 409, body: { errors: [{ field: 'body.step' }] } });
  expect(early.body.detail).toMatch(
    /counts from 'strategy-discussion' or 'expected-delivery-date', which has not been recorded yet/,
  );
  expect((await get(enquiry)).history).toEqual(before.history);
  expect(due(before, 'strategy-discussion')).toMatchObject({
    dueDate: '2025-06-03',
    dueAt: '2025-06-03T09:30:00+01:00',
    anchorAt: '2025-06-02T09:30:00+01:00',
  });

  await ok(enquiry, {
    type: 'step-completed',
    step: 'strategy-discussion',
    occurredAt: '2025-06-02T16:00:00+01:00',
    outcome: 's47',
  });
  let v = await ok(
    enquiry,
    { type: 'anchor', anchor: 'strategy-discussion', at: '2025-06-06T10:00:00+01:00' },
    'dev-intake-system',
  );
  expect(due(v, 'icpc')).toMatchObject({
    dueDate: '2025-06-23',
    planBy: '2025-06-23',
    anchorAt: '2025-06-02T16:00:00+01:00',
  });
  expect(v.history.at(-1).what).toContain('icpc stays due 2025-06-23');
  expect(due(v, 's47-complete')).toMatchObject({ dueDate: '2025-06-23' });
  const tooSoon = await event(enquiry, {
    type: 'step-completed',
    step: 'icpc',
    occurredAt: '2025-06-13',
    outcome: 'child-protection-plan',
  });
  expect(tooSoon).toMatchObject({ status: 409, body: { errors: [{ field: 'body.step' }] } });
  await ok(enquiry, {
    type: 'step-completed',
    step: 's47-complete',
    occurredAt: '2025-06-16T10:00:00+01:00',
    outcome: 'icpc',
  });
  v = await ok(enquiry, {
    type: 'step-completed',
    step: 'icpc',
    occurredAt: '2025-06-19T10:00:00+01:00',
    outcome: 'child-protection-plan',
  });
  expect(v.status).toBe('completed');

  await exists(plan);
  let p = await get(plan);
  expect(due(p, 'core-group-initial')).toMatchObject({ dueDate: '2025-07-03', planBy: '2025-07-03' });
  expect(due(p, 'cp-visit')).toMatchObject({ dueDate: '2025-07-03' });
  expect(due(p, 'rcpc')).toMatchObject({ dueDate: '2025-09-19', planBy: '2025-09-19' });
  await ok(plan, {
    type: 'step-completed',
    step: 'cp-visit',
    occurredAt: '2025-06-25T11:00:00+01:00',
    seen: true,
    seenAlone: true,
  });
  p = await ok(plan, { type: 'step-completed', step: 'core-group-initial', occurredAt: '2025-07-01T10:00:00+01:00' });
  expect(due(p, 'core-group')).toMatchObject({ dueDate: '2025-08-12' });
  await ok(plan, { type: 'step-completed', step: 'core-group', occurredAt: '2025-08-12T10:00:00+01:00' });
  await ok(plan, {
    type: 'step-completed',
    step: 'rcpc',
    occurredAt: '2025-09-16T10:00:00+01:00',
    outcome: 'continue',
    eventId: 'rcpc-1',
  });
  // The review cycle ended: the plan continued as new; the retried event (same eventId) is applied once.
  p = await waitFor('run 2', async () => ((await get(plan)).run === 2 ? get(plan) : undefined));
  expect(due(p, 'rcpc', 2)).toMatchObject({ dueDate: '2026-03-16', planBy: '2026-03-16' });
  await ok(plan, {
    type: 'step-completed',
    step: 'rcpc',
    occurredAt: '2025-09-16T10:00:00+01:00',
    outcome: 'continue',
    eventId: 'rcpc-1',
  });
  expect(due(await get(plan), 'rcpc', 2)).toMatchObject({ status: 'overdue', dueDate: '2026-03-16' });
  await ok(plan, {
    type: 'step-completed',
    step: 'rcpc',
    occurredAt: '2026-03-12T10:00:00+00:00',
    outcome: 'continue',
  });
  p = await waitFor('run 3', async () => ((await get(plan)).run === 3 ? get(plan) : undefined));
  expect(due(p, 'rcpc', 3)).toMatchObject({ dueDate: '2026-09-12', planBy: '2026-09-11' });
  await ok(plan, {
    type: 'step-completed',
    step: 'rcpc',
    occurredAt: '2026-08-17T10:00:00+01:00',
    outcome: 'step-down',
  });

  await exists(cin);
  let c = await get(cin);
  expect(c.anchors).toEqual({ 'plan-agreed': '2026-08-17T10:00:00+01:00' });
  expect(due(c, 'cin-plan')).toMatchObject({ dueDate: '2026-09-01' });
  expect(due(c, 'cin-visit')).toMatchObject({ dueDate: '2026-09-28' });
  c = await ok(cin, { type: 'step-completed', step: 'cin-plan', occurredAt: '2026-08-27T10:00:00+01:00' });
  expect(due(c, 'cin-review')).toMatchObject({ dueDate: '2026-10-08' });
  await ok(cin, { type: 'step-completed', step: 'cin-visit', occurredAt: '2026-09-09T15:00:00+01:00', seen: true });
  c = await ok(cin, {
    type: 'step-completed',
    step: 'cin-review',
    occurredAt: '2026-10-06T10:00:00+01:00',
    outcome: 'close',
  });
  expect(c.status).toBe('completed');

  // Out of order: a core group on the plan after it ended -> 409, and the case's journey in order.
  const late = await event(plan, {
    type: 'step-completed',
    step: 'core-group',
    occurredAt: '2026-08-20T10:00:00+01:00',
  });
  expect(late).toMatchObject({ status: 409, body: { errors: [{ field: 'workflowId' }] } });
  const journey = await waitFor('the whole journey listed', async () => {
    const r = await s.call('GET', `/api/cases/${CASE}`);
    return r.status === 200 && r.body.processes.length === 4 && r.body.processes.every((x: any) => x.status !== 'open')
      ? r.body
      : undefined;
  });
  expect(
    journey.processes.map((x: any) => [x.type, x.status, x.finished?.outcome ?? null, x.handedOver?.to ?? null]),
  ).toEqual([
    ['referral', 'completed', null, enquiry],
    ['child-protection-enquiry', 'completed', 'child-protection-plan', plan],
    ['child-protection-plan', 'completed', 'step-down', cin],
    ['child-in-need-plan', 'completed', 'close', null],
  ]);
  expect(journey.processes[2].runs).toBe(3);
});
