/**
 * Assignments checked against the directory and the process's LA, in process (docs/access.md,
 * Assignments): a start or reassignment naming another LA's team or a worker not in the directory is a
 * 422 naming the field, and changes nothing. A refused referral claims no referral id.
 */
import { InProcessApi, startInProcessApi } from '../support/inProcessApi';

let s: InProcessApi;
beforeAll(async () => {
  s = await startInProcessApi();
});
afterAll(async () => s?.close());

const derbyNorth = { workerId: 'sw-derb-01', team: 'derb-north-assessment' };
const history = async (id: string) =>
  JSON.stringify((await s.view(id)).history.filter((h: { by?: string }) => h.by !== undefined));

test("a Derbyshire case given York's team is a 422 naming the field, at start and by reassign, and changes nothing", async () => {
  const york = await s.call('POST', '/api/processes', {
    type: 'child-in-need-plan',
    caseId: 'ID-XLA-1',
    localAuthority: 'derbyshire',
    anchors: { 'plan-agreed': '2026-11-20' },
    assignment: { workerId: 'sw-derb-01', team: 'york-ra' },
  });
  expect({ status: york.status, errors: york.body.errors }).toEqual({
    status: 422,
    errors: [
      {
        field: 'assignment.team',
        message:
          'york-ra is a team of york, not of derbyshire (its teams: derb-north-assessment, derb-south-assessment)',
      },
    ],
  });
  const unknown = await s.call(
    'POST',
    '/api/referrals',
    {
      referralId: 'R-ID-1',
      caseId: 'ID-XLA-2',
      localAuthority: 'derbyshire',
      receivedAt: '2026-11-20T10:00:00Z',
      assignment: { workerId: 'sw-derb-99', team: 'derb-north-assessment' },
    },
    'dev-intake-system',
  );
  expect({ status: unknown.status, field: unknown.body.errors[0].field }).toEqual({
    status: 422,
    field: 'assignment.workerId',
  });
  // Nothing started for either (and the referral id was not claimed: the same id starts for a good body).
  expect(s.clocks.ids()).toEqual([]);
  expect(
    (
      await s.call(
        'POST',
        '/api/referrals',
        {
          referralId: 'R-ID-1',
          caseId: 'ID-XLA-2',
          localAuthority: 'derbyshire',
          receivedAt: '2026-11-20T10:00:00Z',
          assignment: derbyNorth,
        },
        'dev-intake-system',
      )
    ).status,
  ).toBe(201);

  const plan = await s.call('POST', '/api/processes', {
    type: 'child-in-need-plan',
    caseId: 'ID-XLA-3',
    localAuthority: 'derbyshire',
    anchors: { 'plan-agreed': '2026-11-20' },
    assignment: derbyNorth,
  });
  expect(plan.status).toBe(201);
  const before = await history(plan.body.workflowId);
  const moved = await s.event(
    plan.body.workflowId,
    { type: 'reassign', team: 'york-ra', reason: 'transfer' },
    'dev-team-manager',
  );
  expect({ status: moved.status, field: moved.body.errors[0].field }).toEqual({ status: 422, field: 'body.team' });
  expect((await s.view(plan.body.workflowId)).assignment).toEqual(derbyNorth);
  expect(await history(plan.body.workflowId)).toBe(before);
});

test('a referral id held for one case is a 409 naming referralId for another; nothing starts', async () => {
  const first = {
    referralId: 'R-ID-2',
    caseId: 'ID-REF-1',
    localAuthority: 'york',
    receivedAt: '2026-11-24T09:30:00Z',
  };
  expect((await s.call('POST', '/api/referrals', first, 'dev-intake-system')).status).toBe(201);
  const other = await s.call('POST', '/api/referrals', { ...first, caseId: 'ID-REF-2' }, 'dev-intake-system');
  expect({ status: other.status, errors: other.body.errors }).toEqual({
    status: 409,
    errors: [
      {
        field: 'referralId',
        message:
          'referral R-ID-2 of york was received for another case; a referral id is unique within its local authority (a new referral needs a new id)',
      },
    ],
  });
  expect(s.clocks.ids().filter((id) => id.includes('ID-REF-2'))).toEqual([]);
  // The same id in another LA is another referral.
  expect(
    (
      await s.call(
        'POST',
        '/api/referrals',
        { ...first, caseId: 'ID-REF-2', localAuthority: 'derbyshire' },
        'dev-intake-system',
      )
    ).status,
  ).toBe(201);
});
