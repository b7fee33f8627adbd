/**
 * Identity that holds for every case, through the API on the dev stack (docs/access.md, Idempotency): an
 * event id that stands for one body (Temporal's update ids and the clock's own check of a repeat), a start
 * that is the same whatever notation its instants are written in, and a referral id unique within its LA
 * (its claim, a workflow). Every refusal is checked to change nothing. Assignments checked against the
 * directory are the API's own: test/api/assignments.test.ts.
 */
import { DevStack, startDevStack } from '../support/devStack';
import { waitFor } from '../../harness/ports';

let s: DevStack;
beforeAll(async () => {
  s = await startDevStack();
}, 300_000);
afterAll(async () => s?.teardown());

const derbyNorth = { workerId: 'sw-derb-01', team: 'derb-north-assessment' };
const history = async (id: string) =>
  JSON.stringify((await s.view(id)).history.filter((h: { by?: string }) => h.by !== undefined));

describe('an event id stands for one body', () => {
  test('the same body again (instants in another notation) is a retry; another body, even another type, is a 409 naming what differs', async () => {
    const plan = await s.call('POST', '/api/processes', {
      type: 'child-in-need-plan',
      caseId: 'ID-EVT-1',
      localAuthority: 'derbyshire',
      anchors: { 'plan-agreed': '2026-11-02T10:00:00Z' },
      assignment: derbyNorth,
    });
    expect(plan.status).toBe(201);
    const id = plan.body.workflowId;
    const visit = {
      type: 'step-completed',
      step: 'cin-visit',
      occurredAt: '2026-11-10T10:00:00.000Z',
      seen: true,
      eventId: 'visit-1',
    };
    await s.accept(id, visit, 'dev-social-worker');
    const after = await history(id);
    // 10:00:00.000Z, 10:00:00+00:00 and 10:00:00Z are one instant: the same event, applied once.
    for (const occurredAt of ['2026-11-10T10:00:00+00:00', '2026-11-10T10:00:00Z']) {
      const again = await s.event(id, { ...visit, occurredAt }, 'dev-social-worker');
      expect({ occurredAt, status: again.status }).toEqual({ occurredAt, status: 200 });
    }
    // Another time, another step, another event type under the same id: refused, naming the fields.
    const later = await s.event(id, { ...visit, occurredAt: '2026-11-11T10:00:00Z' }, 'dev-social-worker');
    expect({ status: later.status, errors: later.body.errors }).toEqual({
      status: 409,
      errors: [
        {
          field: 'body.occurredAt',
          message:
            'event visit-1 was recorded with another body (it differs in occurredAt); a new event needs a new eventId',
        },
      ],
    });
    const other = await s.event(
      id,
      {
        type: 'set-interval',
        step: 'cin-visit',
        every: { value: 2, unit: 'weeks' },
        reason: 'fortnightly',
        eventId: 'visit-1',
      },
      'dev-social-worker',
    );
    expect({ status: other.status, detail: other.body.detail }).toEqual({
      status: 409,
      detail:
        'every.unit: event visit-1 was recorded with another body (it differs in every.unit, every.value, occurredAt, reason, seen, type); a new event needs a new eventId',
    });
    expect(await history(id)).toBe(after);
    // Recorded once: one visit line.
    expect((await s.view(id)).history.filter((h: { what: string }) => h.what.startsWith('cin-visit')).length).toBe(1);
  });

  test('a family event id reused with another body is a 409 naming what differs; nothing is recorded for either child', async () => {
    const familyId = 'ID-FAM-1';
    const ids: string[] = [];
    for (const child of ['A', 'B']) {
      const r = await s.call('POST', '/api/processes', {
        type: 'child-in-need-plan',
        caseId: `${familyId}-${child}`,
        familyId,
        localAuthority: 'derbyshire',
        anchors: { 'plan-agreed': '2026-11-02T10:00:00Z' },
        assignment: derbyNorth,
      });
      expect(r.status).toBe(201);
      ids.push(r.body.workflowId);
    }
    await waitFor(
      `family ${familyId} listed`,
      async () => (await s.call('GET', `/api/processes?familyId=${familyId}`)).body.count === 2,
      60_000,
    );
    const body = {
      processType: 'child-in-need-plan',
      eventId: 'fam-visit-1',
      event: { type: 'step-completed', step: 'cin-visit', occurredAt: '2026-11-10T10:00:00Z', seen: true },
    };
    expect(
      (await s.call('POST', `/api/families/${familyId}/events`, body, 'dev-team-manager.tm-derb-north')).status,
    ).toBe(200);
    const after = await Promise.all(ids.map(history));
    const same = await s.call(
      'POST',
      `/api/families/${familyId}/events`,
      { ...body, event: { ...body.event, occurredAt: '2026-11-10T10:00:00.000+00:00' } },
      'dev-team-manager.tm-derb-north',
    );
    expect(same.status).toBe(200);
    const changed = await s.call(
      'POST',
      `/api/families/${familyId}/events`,
      { ...body, event: { ...body.event, seen: false } },
      'dev-team-manager.tm-derb-north',
    );
    expect({ status: changed.status, field: changed.body.errors[0].field, detail: changed.body.detail }).toEqual({
      status: 409,
      field: 'body.event.seen',
      detail:
        'family event fam-visit-1 was recorded with another body (it differs in event.seen); a new event needs a new eventId',
    });
    expect(await Promise.all(ids.map(history))).toEqual(after);
  });
});

describe('starts and referral ids', () => {
  test('a referral sent again with its instant in another notation is the same referral; a changed receipt is a 409 naming receivedAt', async () => {
    const body = {
      referralId: 'R-ID-20',
      caseId: 'ID-REF-20',
      localAuthority: 'york',
      receivedAt: '2026-11-24T09:30:00.000Z',
      assignment: { workerId: 'sw-york-01', team: 'york-ra' },
    };
    expect((await s.call('POST', '/api/referrals', body, 'dev-intake-system')).status).toBe(201);
    const same = await s.call(
      'POST',
      '/api/referrals',
      { ...body, receivedAt: '2026-11-24T09:30:00+00:00' },
      'dev-intake-system',
    );
    expect({ status: same.status, existing: same.body.existing }).toEqual({ status: 200, existing: true });
    const changed = await s.call(
      'POST',
      '/api/referrals',
      { ...body, receivedAt: '2026-11-25T09:30:00Z' },
      'dev-intake-system',
    );
    expect({ status: changed.status, errors: changed.body.errors }).toEqual({
      status: 409,
      errors: [
        {
          field: 'receivedAt',
          message:
            'referral-ID-REF-20-R-ID-20 already exists, started with another receivedAt; the same process must be asked for with the same body (a correction is an event)',
        },
      ],
    });
  });

  test('the same referral id under another case id is a 409 naming referralId, and starts no second clock', async () => {
    const body = {
      referralId: 'R-ID-30',
      caseId: 'ID-REF-30',
      localAuthority: 'derbyshire',
      receivedAt: '2026-11-24T09:30:00Z',
      assignment: derbyNorth,
    };
    expect((await s.call('POST', '/api/referrals', body, 'dev-intake-system')).status).toBe(201);
    const other = await s.call('POST', '/api/referrals', { ...body, caseId: 'ID-REF-31' }, 'dev-intake-system');
    expect({ status: other.status, errors: other.body.errors }).toEqual({
      status: 409,
      errors: [
        {
          field: 'referralId',
          message:
            'referral R-ID-30 of derbyshire was received for another case; a referral id is unique within its local authority (a new referral needs a new id)',
        },
      ],
    });
    expect((await s.call('GET', '/api/processes/referral-ID-REF-31-R-ID-30')).status).toBe(404);
    // Unique within its LA, not across LAs: York may have its own R-ID-30.
    expect(
      (
        await s.call(
          'POST',
          '/api/referrals',
          {
            ...body,
            caseId: 'ID-REF-32',
            localAuthority: 'york',
            assignment: { workerId: 'sw-york-01', team: 'york-ra' },
          },
          'dev-intake-system',
        )
      ).status,
    ).toBe(201);
  });
});
