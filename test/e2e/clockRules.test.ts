/**
 * What the clocks count, through the API on a real dev server with the worker: the child must be seen, the
 * national date runs beside a later LA rule, York's 24-hour rules, Derbyshire's conference-set visits.
 * Dates are recent past (a back-dated case is accepted and escalates at the tier reached); expected values
 * are worked by hand beside each test on the England and Wales calendar (GMT throughout Nov-Dec 2026;
 * Christmas 2026: Fri 25 Dec, Boxing Day substitute Mon 28 Dec; New Year's Day Fri 1 Jan 2027).
 */
import { DevStack, startDevStack, stepOf } from '../support/devStack';

let s: DevStack;
beforeAll(async () => {
  s = await startDevStack();
}, 600_000);
afterAll(async () => s?.teardown());

const derbyNorth = { workerId: 'sw-derb-01', team: 'derb-north-assessment' };
const fields = (r: { body: { errors?: { field: string }[] } }) => (r.body.errors ?? []).map((e) => e.field);

test('a Derbyshire visit needs the child seen: a no-access visit is recorded and leaves it due', async () => {
  // Referral Mon 23 Nov 2026 10:00, decided Tue 24 Nov 10:00: visit 5 WD from the decision (000 L17) -> Tue 1 Dec;
  // 7 WD from the referral (L506) -> Wed 2 Dec; the earlier applies.
  const started = await s.call(
    'POST',
    '/api/processes',
    {
      type: 'single-assessment',
      caseId: 'SEEN-1',
      localAuthority: 'derbyshire',
      anchors: { 'referral-received': '2026-11-23T10:00:00Z', 'referral-decision': '2026-11-24T10:00:00Z' },
      assignment: derbyNorth,
    },
    'dev-admin',
  );
  expect(started.status).toBe(201);
  const id = started.body.workflowId;
  const visit = { type: 'step-completed', step: 'initial-visit', occurredAt: '2026-11-26T10:00:00Z' };
  const unsaid = await s.event(id, visit);
  expect({ status: unsaid.status, fields: fields(unsaid) }).toEqual({ status: 422, fields: ['body.seen'] });
  const noAccess = await s.accept(id, { ...visit, seen: false });
  expect(stepOf(noAccess, 'initial-visit')).toMatchObject({
    dueDate: '2026-12-01',
    noAccess: [{ occurredAt: '2026-11-26T10:00:00Z' }],
  });
  expect(stepOf(noAccess, 'initial-visit').status).not.toBe('completed');
  const seen = await s.accept(id, { ...visit, occurredAt: '2026-11-27T10:00:00Z', seen: true });
  expect(stepOf(seen, 'initial-visit')).toMatchObject({ status: 'completed', late: false });
  // The child then seen at least 6-weekly during the assessment (L506): 6 weeks after Fri 27 Nov = Fri 8 Jan 2027.
  expect(stepOf(seen, 'assessment-visit')).toMatchObject({ status: 'pending', dueDate: '2027-01-08' });
});

test("a Derbyshire assessment decided late is due by statute's date, with Derbyshire's own beside it", async () => {
  // Referral Mon 2 Nov 2026, decided Fri 6 Nov. National 45 WD from Mon 2 Nov = Thu 7 Jan 2027; Derbyshire's
  // 45 WD from Fri 6 Nov (000 L507) = Wed 13 Jan 2027 (worked in test/unit/clockRules.test.ts).
  const started = await s.call(
    'POST',
    '/api/processes',
    {
      type: 'single-assessment',
      caseId: 'STATUTE-1',
      localAuthority: 'derbyshire',
      anchors: { 'referral-received': '2026-11-02T10:00:00Z', 'referral-decision': '2026-11-06T10:00:00Z' },
      assignment: derbyNorth,
    },
    'dev-admin',
  );
  expect(started.status).toBe(201);
  const step = stepOf(await s.view(started.body.workflowId), 'assessment-complete');
  expect(step).toMatchObject({
    dueDate: '2027-01-07',
    countedFrom: 'referral-received',
    rule: { anchor: 'referral-decision', source: { lines: 507 } },
  });
  expect(step.timings.map((t: any) => [t.countedFrom, t.dueDate, t.kind, t.applies])).toEqual([
    ['referral-received', '2027-01-07', 'statutory', true],
    ['referral-decision', '2027-01-13', 'local', false],
  ]);
});

test('York: immediate concerns bring the strategy discussion within 24 hours of the decision (004 L400)', async () => {
  // Referral Tue 1 Dec 2026 09:00 GMT, decided 15:00 for a strategy discussion with immediate concerns: the
  // enquiry's discussion is due 24 hours on, Wed 2 Dec 15:00 GMT (before York's 1 WD, the end of Wed 2 Dec).
  const ref = await s.call(
    'POST',
    '/api/referrals',
    {
      referralId: 'R-IC',
      caseId: 'IMM-1',
      localAuthority: 'york',
      receivedAt: '2026-12-01T09:00:00Z',
      assignment: { workerId: 'sw-york-01', team: 'york-ra' },
    },
    'dev-intake-system',
  );
  expect(ref.status).toBe(201);
  const decision = {
    type: 'step-completed',
    step: 'referral-decision',
    outcome: 'strategy-discussion',
    immediateConcern: true,
  };
  const dateOnly = await s.event(ref.body.workflowId, { ...decision, occurredAt: '2026-12-01' });
  expect({ status: dateOnly.status, fields: fields(dateOnly) }).toEqual({ status: 422, fields: ['body.occurredAt'] });
  await s.accept(ref.body.workflowId, { ...decision, occurredAt: '2026-12-01T15:00:00Z' });
  const enquiry = await waitForView('child-protection-enquiry-IMM-1-R-IC');
  expect(enquiry.anchors).toMatchObject({
    'concern-raised': '2026-12-01T09:00:00Z',
    'immediate-concern': '2026-12-01T15:00:00Z',
  });
  expect(stepOf(enquiry, 'strategy-discussion')).toMatchObject({
    countedFrom: 'immediate-concern',
    dueDate: '2026-12-02',
  });
  // A flag on an outcome that is not a strategy discussion is refused, naming it.
  const other = await s.call(
    'POST',
    '/api/referrals',
    {
      referralId: 'R-IC2',
      caseId: 'IMM-2',
      localAuthority: 'york',
      receivedAt: '2026-12-01T09:00:00Z',
      assignment: { workerId: 'sw-york-01', team: 'york-ra' },
    },
    'dev-intake-system',
  );
  const wrong = await s.event(other.body.workflowId, {
    type: 'step-completed',
    step: 'referral-decision',
    outcome: 'early-help',
    occurredAt: '2026-12-01T15:00:00Z',
    immediateConcern: true,
  });
  expect({ status: wrong.status, fields: fields(wrong) }).toEqual({ status: 422, fields: ['body.immediateConcern'] });
});

test("York: a placement visited within 24 hours of its time (004 L212, L447); a placement's date alone is refused", async () => {
  const body = {
    type: 'looked-after',
    caseId: 'YORK-PLACED',
    localAuthority: 'york',
    anchors: { 'date-of-birth': '2012-05-04', 'became-looked-after': '2026-11-30', 'placement-start': '2026-11-30' },
    anchorKinds: { 'placement-start': 'foster-care' },
    assignment: { workerId: 'sw-york-01', team: 'york-ra' },
  };
  const dateOnly = await s.call('POST', '/api/processes', body, 'dev-admin');
  expect({ status: dateOnly.status, fields: fields(dateOnly) }).toEqual({
    status: 422,
    fields: ['anchors.placement-start'],
  });
  // Placed Mon 30 Nov 2026 18:00 GMT: visit due by Tue 1 Dec 18:00 GMT.
  const placed = await s.call(
    'POST',
    '/api/processes',
    { ...body, anchors: { ...body.anchors, 'placement-start': '2026-11-30T18:00:00Z' } },
    'dev-admin',
  );
  expect(placed.status).toBe(201);
  expect(stepOf(await s.view(placed.body.workflowId), 'placement-day-visit')).toMatchObject({
    dueDate: '2026-12-01',
    rule: { value: 24, unit: 'hours', source: { lines: 447 } },
  });
});

test("Derbyshire's conference sets a longer CP visiting interval, agreed by its chair (000 L570)", async () => {
  const plan = await s.call(
    'POST',
    '/api/processes',
    {
      type: 'child-protection-plan',
      caseId: 'CP-PATTERN',
      localAuthority: 'derbyshire',
      anchors: { icpc: '2026-11-30T10:00:00Z' },
      assignment: derbyNorth,
    },
    'dev-admin',
  );
  expect(plan.status).toBe(201);
  const every = {
    type: 'set-interval',
    step: 'cp-visit',
    every: { value: 20, unit: 'working-days' },
    reason: 'pattern agreed at the ICPC',
  };
  const unagreed = await s.event(plan.body.workflowId, every, 'dev-team-manager');
  expect({ status: unagreed.status, fields: fields(unagreed) }).toEqual({ status: 422, fields: ['body.agreedBy'] });
  // First visit counted from the ICPC, Mon 30 Nov, at the interval set: 20 WD -> Dec 1-4 (4), 7-11 (9),
  // 14-18 (14), 21-24 (18), [25, 28], 29 (19), 30 Dec 2026 (20).
  const set = await s.accept(plan.body.workflowId, { ...every, agreedBy: 'cp-chair' }, 'dev-team-manager');
  expect(stepOf(set, 'cp-visit')).toMatchObject({
    dueDate: '2026-12-30',
    interval: { every: { value: 20, unit: 'working-days' } },
  });
});

test("Northamptonshire: the first CIN meeting counts from the assessment's start, handed over by the assessment (001 L450, L537)", async () => {
  // Assessment started Tue 3 Nov 2026, concluded Tue 1 Dec for a CIN plan: the plan is handed the start and its
  // first meeting is due 10 WD after Tue 3 Nov -> Nov 4-6 (3), 9-13 (8), 16-17 (10) = Tue 17 Nov 2026, already
  // past when the plan starts (the LA's rule); 10 WD from the plan itself would have given Tue 15 Dec.
  const sa = await s.call(
    'POST',
    '/api/processes',
    {
      type: 'single-assessment',
      caseId: 'NCIN-1',
      localAuthority: 'northamptonshire',
      anchors: { 'referral-received': '2026-11-02T10:00:00Z', 'assessment-start': '2026-11-03' },
      assignment: { workerId: 'sw-nn-01', team: 'nn-mash' },
    },
    'dev-admin',
  );
  expect({ status: sa.status, detail: sa.body.detail }).toEqual({ status: 201, detail: undefined });
  await s.accept(
    sa.body.workflowId,
    {
      type: 'step-completed',
      step: 'assessment-complete',
      occurredAt: '2026-12-01T10:00:00Z',
      outcome: 'child-in-need-plan',
    },
    'dev-team-manager',
  );
  const cin = await waitForView('child-in-need-plan-NCIN-1-1');
  expect(cin.anchors).toMatchObject({ 'assessment-start': '2026-11-03', 'plan-agreed': '2026-12-01T10:00:00Z' });
  expect(stepOf(cin, 'cin-plan')).toMatchObject({
    dueDate: '2026-11-17',
    countedFrom: 'assessment-start',
    rule: { source: { lines: 450 } },
  });
  expect(stepOf(cin, 'cin-plan').timings.map((t: any) => [t.countedFrom, t.dueDate, t.applies])).toEqual([
    ['assessment-start', '2026-11-17', true],
    ['plan-agreed', '2026-12-15', false],
  ]);
});

async function waitForView(workflowId: string) {
  for (let i = 0; i < 100; i++) {
    const r = await s.call('GET', `/api/processes/${workflowId}`);
    if (r.status === 200) return r.body;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`${workflowId} never started`);
}

describe('no calendar cliff, through the API', () => {
  // Born 15 Jun 2011 (aged 15), in care and placed Mon 30 Nov 2026 10:00 GMT. First review 20 WD (CPPCR reg
  // 33(1)): Dec 1-4 (4), 7-11 (9), 14-18 (14), 21-24 (18), [Fri 25, Mon 28 Dec], Tue 29 (19), Wed 30 Dec 2026 (20).
  test.each(['england', 'derbyshire', 'northamptonshire', 'bracknell-forest', 'york'])(
    'a 15-year-old comes into care in %s',
    async (la) => {
      const r = await s.call(
        'POST',
        '/api/processes',
        {
          type: 'looked-after',
          caseId: `AGED-15-${la}`,
          localAuthority: la,
          anchors: {
            'date-of-birth': '2011-06-15',
            'became-looked-after': '2026-11-30',
            'placement-start': '2026-11-30T10:00:00Z',
          },
          anchorKinds: { 'placement-start': 'foster-care' },
        },
        'dev-admin',
      );
      expect({ la, status: r.status, detail: r.body.detail }).toEqual({ la, status: 201, detail: undefined });
      const view = await s.view(r.body.workflowId);
      expect(view.steps.filter((x: any) => x.problem)).toEqual([]);
      expect(stepOf(view, 'lac-review')).toMatchObject({ dueDate: '2026-12-30' });
    },
  );

  test('a child born in 2035 comes into care in 2046: working-day dates provisional, calendar-time ones not', async () => {
    // In care Mon 13 Aug 2046 (after the official list, 26 Dec 2028): review 20 WD with the projected summer
    // bank holiday Mon 27 Aug 2046 skipped -> Tue 11 Sep 2046, provisional; the visit within a week, Mon 20
    // Aug, reads no bank holiday (worked in test/unit/anyBirthYear.test.ts).
    const r = await s.call(
      'POST',
      '/api/processes',
      {
        type: 'looked-after',
        caseId: 'BORN-2035',
        localAuthority: 'england',
        anchors: {
          'date-of-birth': '2035-02-14',
          'became-looked-after': '2046-08-13',
          'placement-start': '2046-08-13T10:00:00+01:00',
        },
        anchorKinds: { 'placement-start': 'foster-care' },
      },
      'dev-admin',
    );
    expect({ status: r.status, detail: r.body.detail }).toEqual({ status: 201, detail: undefined });
    const view = await s.view(r.body.workflowId);
    expect(stepOf(view, 'lac-review')).toMatchObject({ dueDate: '2046-09-11', provisional: true });
    expect(stepOf(view, 'lac-review').explanation).toContain('provisional');
    expect(stepOf(view, 'statutory-visit')).toMatchObject({ dueDate: '2046-08-20' });
    expect(stepOf(view, 'statutory-visit').provisional).toBeUndefined();
    // The milestones ahead are in the view, with their rule: pathway planning from 16 and care ending at 18.
    expect(view.milestones.map((m: any) => [m.key, m.date])).toEqual(
      expect.arrayContaining([['eighteenth-birthday', '2053-02-14']]),
    );
  });
});
