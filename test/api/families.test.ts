/**
 * A family event's own checks, in process (api/routes/families.ts on FakeClocks, whose clocks refuse as
 * the workflow's validator does): every sibling is checked first and one refusal refuses all, naming the
 * child; per-child differences only with a completion and only for the family's children; an event id
 * stands for one body. That the familyEvent workflow then applies it to each history is tested on the dev
 * stack (test/e2e/chain.test.ts, identity.test.ts).
 */
import { InProcessApi, startInProcessApi } from '../support/inProcessApi';

let s: InProcessApi;
beforeAll(async () => {
  s = await startInProcessApi();
});
afterAll(async () => s?.close());

const derbyNorth = { workerId: 'sw-derb-01', team: 'derb-north-assessment' };
const recorded = async (id: string) =>
  JSON.stringify((await s.view(id)).history.filter((h: { by?: string }) => h.by !== undefined));

/** Two siblings' CIN plans in Derbyshire: A agreed Thu 1 Oct 2026, B Tue 20 Oct 2026. */
async function family(familyId: string): Promise<[string, string]> {
  const ids: string[] = [];
  for (const [child, agreed] of [
    ['A', '2026-10-01T10:00:00+01:00'],
    ['B', '2026-10-20T10:00:00+01:00'],
  ]) {
    const r = await s.call('POST', '/api/processes', {
      type: 'child-in-need-plan',
      caseId: `${familyId}-${child}`,
      familyId,
      localAuthority: 'derbyshire',
      anchors: { 'plan-agreed': agreed },
      assignment: derbyNorth,
    });
    expect(r.status).toBe(201);
    ids.push(r.body.workflowId);
  }
  return ids as [string, string];
}
const visit = (occurredAt: string, eventId = 'visit-1') => ({
  processType: 'child-in-need-plan',
  eventId,
  event: { type: 'step-completed', step: 'cin-visit', occurredAt, seen: true },
});

test("one sibling's refusal refuses the event for every child, naming that child; nothing is recorded", async () => {
  const [a, b] = await family('FAM-1');
  const before = [await recorded(a), await recorded(b)];
  // Sat 10 Oct 2026: after A's plan was agreed, before B's (Tue 20 Oct), which B's visits count from.
  const r = await s.call('POST', '/api/families/FAM-1/events', visit('2026-10-10'), 'dev-social-worker.sw-derb-01');
  expect({ status: r.status, field: r.body.errors[0].field }).toEqual({
    status: 422,
    field: 'body.children.FAM-1-B.occurredAt',
  });
  expect(r.body.detail).toBe(
    "case FAM-1-B: 2026-10-10 is before plan-agreed (2026-10-20T10:00:00+01:00), which 'cin-visit #1' counts from; nothing was recorded for any child",
  );
  expect([await recorded(a), await recorded(b)]).toEqual(before);
});

test('an accepted family event is applied to each child once; its id with another body is a 409 naming what differs', async () => {
  const [a, b] = await family('FAM-2');
  // Wed 21 Oct 2026: after both plans were agreed.
  const ok = await s.call('POST', '/api/families/FAM-2/events', visit('2026-10-21'), 'dev-social-worker.sw-derb-01');
  expect({ status: ok.status, results: ok.body.results }).toEqual({
    status: 200,
    results: [
      { caseId: 'FAM-2-A', workflowId: a, status: 'applied' },
      { caseId: 'FAM-2-B', workflowId: b, status: 'applied' },
    ],
  });
  const after = [await recorded(a), await recorded(b)];
  expect(
    (await s.call('POST', '/api/families/FAM-2/events', visit('2026-10-21'), 'dev-social-worker.sw-derb-01')).status,
  ).toBe(200);
  const other = await s.call('POST', '/api/families/FAM-2/events', visit('2026-10-22'), 'dev-social-worker.sw-derb-01');
  expect({ status: other.status, errors: other.body.errors }).toEqual({
    status: 409,
    errors: [{ field: 'body.event.occurredAt', message: 'differs from the event recorded under this eventId' }],
  });
  expect([await recorded(a), await recorded(b)]).toEqual(after);
});

test('per-child differences go with a completion, for children of the family only; a family with none open is a 404', async () => {
  await family('FAM-3');
  const anchor = await s.call(
    'POST',
    '/api/families/FAM-3/events',
    {
      processType: 'child-in-need-plan',
      eventId: 'a-1',
      event: { type: 'anchor', anchor: 'plan-agreed', at: '2026-10-21' },
      children: { 'FAM-3-A': { seen: true } },
    },
    'dev-admin',
  );
  expect({ status: anchor.status, errors: anchor.body.errors }).toEqual({
    status: 422,
    errors: [{ field: 'body.children', message: 'not for a anchor event' }],
  });
  const stranger = await s.call(
    'POST',
    '/api/families/FAM-3/events',
    { ...visit('2026-10-21', 'v-2'), children: { 'FAM-9-Z': { seen: false } } },
    'dev-admin',
  );
  expect({ status: stranger.status, errors: stranger.body.errors }).toEqual({
    status: 422,
    errors: [{ field: 'body.children.FAM-9-Z', message: 'not a child of this family with this process open' }],
  });
  const none = await s.call('POST', '/api/families/FAM-NONE/events', visit('2026-10-21', 'v-3'), 'dev-admin');
  expect({ status: none.status, errors: none.body.errors, detail: none.body.detail }).toEqual({
    status: 404,
    errors: [{ field: 'familyId', message: 'not found' }],
    detail: 'family FAM-NONE has no open child-in-need-plan',
  });
});
