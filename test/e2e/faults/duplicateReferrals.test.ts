/**
 * Fault: duplicate referral storms. A case-management system that retries (or a double-click, or two
 * intake integrations) posts the same referral many times at once. On the dev stack (real Temporal dev
 * server, real worker, real SMTP sink and webhook receiver, the API over real HTTP).
 *
 * 20 referrals (10 cases x 2 referral ids, 2 cases per LA), each POSTed 25 times concurrently with the same
 * body, interleaved: 500 requests in flight at once. The first start of each wins (201), the other 24 get
 * the same workflow (200); a reused referral id with another body is a 409; visibility then holds exactly
 * 20 referral workflows, 2 per case.
 *
 * Referral A of each case is back-dated (a migrated, undecided referral), so its ladder has run out and its
 * overdue, escalated and critical tiers are all due at its first pass (no reminder: the step is already
 * late): only the critical is sent, copying the roles of the two it passed (team manager, then service
 * manager); overdue and escalated are recorded in the clock as caught up in it and never sent.
 * Hand-worked (every profile: referral decision 1 working day, ladder overdue +1, escalated +3, critical +6
 * working days after due, at 09:00 London; no bank holiday in October 2026):
 *   Derbyshire, York, England count from the referral, received Mon 5 Oct 2026 10:00 BST: due Tue 6 Oct;
 *     overdue Wed 7 Oct, escalated Fri 9 Oct, critical (Wed 7, Thu 8, Fri 9, Mon 12, Tue 13, Wed 14) Wed 14 Oct.
 *   Northamptonshire, Bracknell Forest count from the contact, Fri 2 Oct 2026 16:00 BST: due Mon 5 Oct;
 *     overdue Tue 6 Oct, escalated Thu 8 Oct, critical (Tue 6 ... Mon 12, Tue 13) Tue 13 Oct.
 * Referral B is received a minute before the test starts (the API refuses a referral received in the
 * future): due at the end of the next working day, its reminder (2 WD before) before it was received, so
 * within the test it sends nothing.
 * So: 10 x 1 = 10 emails and 10 webhooks, one per key (`<workflowId>:referral-decision:1:critical`), whatever
 * the storm. Recipients by team (config/directory.json): To the head of service, Cc the team manager and
 * the service manager.
 */
import { formatLondon } from '../../../engine/calendar/london';
import { DevStack, startDevStack } from '../../support/devStack';
import { waitFor } from '../../../harness/ports';

let s: DevStack;
beforeAll(async () => {
  s = await startDevStack();
}, 180_000);
afterAll(async () => s?.teardown());

interface LaCase {
  la: string;
  team: string;
  workerId?: string;
  /** The LA counts the decision from the contact (its referral needs contactReceivedAt). */
  fromContact: boolean;
  managers: [string, string, string];
}
const LAS: LaCase[] = [
  {
    la: 'derbyshire',
    team: 'derb-north-assessment',
    workerId: 'sw-derb-01',
    fromContact: false,
    managers: ['tm-derb-north', 'sm-derb-assess', 'hos-derb'],
  },
  {
    la: 'york',
    team: 'york-ra',
    workerId: 'sw-york-01',
    fromContact: false,
    managers: ['tm-york-ra', 'sm-york', 'hos-york'],
  },
  { la: 'england', team: 'eng-demo', fromContact: false, managers: ['tm-eng', 'sm-eng', 'hos-eng'] },
  {
    la: 'northamptonshire',
    team: 'nn-mash',
    workerId: 'sw-nn-01',
    fromContact: true,
    managers: ['tm-nn-mash', 'sm-nn', 'hos-nn'],
  },
  {
    la: 'bracknell-forest',
    team: 'bf-mash',
    workerId: 'sw-bf-01',
    fromContact: true,
    managers: ['tm-bf-mash', 'sm-bf', 'hos-bf'],
  },
];

interface Referral {
  body: Record<string, unknown>;
  workflowId: string;
  backDated: boolean;
  lac: LaCase;
}

/** Referral B's times: received a minute ago, the contact an hour before that. */
const NOW_B = Date.now();
const B_RECEIVED = formatLondon(NOW_B - 60_000);
const B_CONTACT = formatLondon(NOW_B - 3_660_000);

const CASES = Array.from({ length: 10 }, (_, i) => ({ caseId: `STORM-${i}`, lac: LAS[i % 5] }));
const REFERRALS: Referral[] = CASES.flatMap(({ caseId, lac }) =>
  (['A', 'B'] as const).map((which) => {
    const referralId = `R-${caseId}-${which}`;
    const backDated = which === 'A';
    const receivedAt = backDated ? '2026-10-05T10:00:00+01:00' : B_RECEIVED;
    const contactReceivedAt = backDated ? '2026-10-02T16:00:00+01:00' : B_CONTACT;
    return {
      body: {
        referralId,
        caseId,
        localAuthority: lac.la,
        receivedAt,
        ...(lac.fromContact ? { contactReceivedAt } : {}),
        assignment: { team: lac.team, ...(lac.workerId ? { workerId: lac.workerId } : {}) },
      },
      workflowId: `referral-${caseId}-${referralId}`,
      backDated,
      lac,
    };
  }),
);

/** The three tiers a back-dated referral reached, worked by hand above: [tier, role, fires at]. */
function expectedTiers(r: Referral): [string, string, string][] {
  return r.lac.fromContact
    ? [
        ['overdue', 'team-manager', '2026-10-06T09:00:00+01:00'],
        ['escalated', 'service-manager', '2026-10-08T09:00:00+01:00'],
        ['critical', 'head-of-service', '2026-10-13T09:00:00+01:00'],
      ]
    : [
        ['overdue', 'team-manager', '2026-10-07T09:00:00+01:00'],
        ['escalated', 'service-manager', '2026-10-09T09:00:00+01:00'],
        ['critical', 'head-of-service', '2026-10-14T09:00:00+01:00'],
      ];
}

/**
 * The one notification it sends: [key, tier, fires at, recipient, cc]. The critical, at its own instant,
 * to the head of service, copying the holders of the two roles it passed in ladder order (overdue's team
 * manager, escalated's service manager).
 */
function expectedSent(r: Referral): [string, string, string, string, string[]] {
  const [tm, sm, hos] = r.lac.managers;
  const [, , [tier, , at]] = expectedTiers(r);
  return [`${r.workflowId}:referral-decision:1:critical`, tier, at, hos, [tm, sm]];
}

const tally = (xs: (string | number)[]) =>
  xs.reduce<Record<string, number>>((acc, x) => ({ ...acc, [x]: (acc[x] ?? 0) + 1 }), {});

test('20 referrals posted 25 times each at once: one workflow each, one 201 each, every notification once', async () => {
  // 25 rounds of all 20 referrals, all in flight together: each referral's copies interleave with the others'.
  const storm = Array.from({ length: 25 }, () => REFERRALS).flat();
  const t0 = Date.now();
  const answers = await Promise.all(
    storm.map(async (r) => ({ r, res: await s.call('POST', '/api/referrals', r.body, 'dev-intake-system') })),
  );
  console.log(`storm: ${storm.length} POSTs answered in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  // Every answer a success (a 429 would mean the rate limiter throttled the intake system; a 5xx a lost start).
  expect(tally(answers.map((a) => a.res.status))).toEqual({ 200: 480, 201: 20 });
  for (const r of REFERRALS) {
    const mine = answers.filter((a) => a.r === r).map((a) => a.res);
    // The same workflow named in all 25 answers; exactly one of them started it.
    expect(new Set(mine.map((m) => m.body.workflowId))).toEqual(new Set([r.workflowId]));
    expect(mine.every((m) => m.body.referralId === r.body.referralId && m.body.existing === (m.status === 200))).toBe(
      true,
    );
    expect(mine.filter((m) => m.status === 201)).toHaveLength(1);
  }

  // The same referral id with another body (a different receivedAt): 409 naming the field, nothing changed.
  const conflicts = await Promise.all(
    REFERRALS.map((r) =>
      s.call('POST', '/api/referrals', { ...r.body, receivedAt: '2026-10-06T10:00:00+01:00' }, 'dev-intake-system'),
    ),
  );
  for (const [i, c] of conflicts.entries()) {
    expect({ status: c.status, type: c.headers.get('content-type'), errors: c.body.errors }).toEqual({
      status: 409,
      type: expect.stringMatching(/^application\/problem\+json/),
      errors: [
        {
          field: 'receivedAt',
          message: `${REFERRALS[i].workflowId} already exists, started with another receivedAt; the same process must be asked for with the same body (a correction is an event)`,
        },
      ],
    });
  }
  for (const r of REFERRALS) {
    const view = await s.view(r.workflowId);
    expect(view.anchors['referral-received']).toBe(r.body.receivedAt);
  }

  // Visibility: exactly one workflow per referral, two per case, twenty in all (waiting for it to settle).
  const visible = await waitFor(
    'visibility to list all 20 referrals',
    async () => {
      const { count } = await s.client.workflow.count('ProcessType = "referral"');
      return count >= 20 ? count : undefined;
    },
    60_000,
    500,
  );
  expect(visible).toBe(20);
  for (const { caseId } of CASES) {
    const ids: string[] = [];
    for await (const w of s.client.workflow.list({ query: `CaseId = "${caseId}"` })) ids.push(w.workflowId);
    expect(ids.sort()).toEqual([`referral-${caseId}-R-${caseId}-A`, `referral-${caseId}-R-${caseId}-B`]);
    expect((await s.client.workflow.count(`CaseId = "${caseId}"`)).count).toBe(2);
  }

  // Each back-dated referral's three tiers recorded by its clock and its critical delivered, then the sink
  // and the receiver hold exactly the ten criticals, once each.
  const backDated = REFERRALS.filter((r) => r.backDated);
  for (const r of backDated) {
    const view = await waitFor(
      `${r.workflowId} to record its three tiers and deliver its critical`,
      async () => {
        const v = await s.view(r.workflowId);
        const e = v.steps[0].escalations;
        return e.length === 3 && e[2].deliveredAt ? v : undefined;
      },
      120_000,
      500,
    );
    const [, , , hos, cc] = expectedSent(r);
    // The caught-up tiers have no delivery (no deliveredAt, no recipients); the critical went to hos + cc.
    expect(
      view.steps[0].escalations.map((e: any) => [
        e.tier,
        e.role,
        e.at,
        e.deliveredAt ? 'delivered' : 'not sent',
        e.recipients ?? null,
      ]),
    ).toEqual(
      expectedTiers(r).map(([tier, role, at]) => [
        tier,
        role,
        at,
        ...(tier === 'critical' ? ['delivered', [hos, ...cc]] : ['not sent', null]),
      ]),
    );
  }
  const expected = backDated.map((r) => expectedSent(r)).sort((a, b) => a[0].localeCompare(b[0]));
  const byKey = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
  const mails = await s.mail.messages();
  expect(
    mails
      .map((m) => [
        m.headers['x-clock-key'],
        m.headers['x-clock-tier'],
        m.headers['x-clock-fires-at'],
        m.headers['x-clock-recipient'],
        m.headers['x-clock-cc'].split(','),
      ])
      .sort(byKey),
  ).toEqual(expected);
  // The one message has the head of service in To and the two managers passed in Cc.
  for (const m of mails) {
    const [, , , hos, cc] = expected.find((e) => e[0] === m.headers['x-clock-key'])!;
    expect([
      m.to.map((t) => t.address.split('@')[0]),
      ((m as any).cc ?? []).map((t: any) => t.address.split('@')[0]),
    ]).toEqual([[hos], cc]);
  }
  const hooks = s.hooks.map((h) => JSON.parse(h.body));
  expect(hooks.map((h) => [h.key, h.tier, h.firesAt, h.recipient, h.cc]).sort(byKey)).toEqual(expected);
  expect(s.hooks.every((h) => h.headers['idempotency-key'] === JSON.parse(h.body).key && h.validSignature)).toBe(true);
  // Nothing about the future referrals: they are open, pending, with no tier decided.
  for (const r of REFERRALS.filter((x) => !x.backDated)) {
    const v = await s.view(r.workflowId);
    expect([v.status, v.steps[0].status, v.steps[0].escalations]).toEqual(['open', 'pending', []]);
  }
  // And still twenty workflows once everything has settled.
  expect((await s.client.workflow.count('ProcessType = "referral"')).count).toBe(20);
}, 300_000);

test('the same event (same event id) posted 25 times at once is applied once, also after the process ended', async () => {
  // The referrals exist whether or not the storm above ran first (posting again is idempotent).
  const open = REFERRALS.find((r) => r.body.caseId === 'STORM-0' && !r.backDated)!;
  const late = REFERRALS.find((r) => r.body.caseId === 'STORM-1' && r.backDated)!;
  for (const r of [open, late])
    expect([200, 201]).toContain((await s.call('POST', '/api/referrals', r.body, 'dev-intake-system')).status);
  const lines = async (id: string, what: RegExp) =>
    (await s.view(id)).history.filter((h: { what: string }) => what.test(h.what));

  // A reassignment of an open referral, 25 times at once with one event id.
  const reassign = {
    type: 'reassign',
    workerId: 'sw-derb-02',
    team: 'derb-south-assessment',
    reason: 'moved team',
    eventId: 'storm-reassign-0',
  };
  const moved = await Promise.all(
    Array.from({ length: 25 }, () => s.event(open.workflowId, reassign, 'dev-team-manager')),
  );
  expect(tally(moved.map((m) => m.status))).toEqual({ 200: 25 });
  for (const m of moved) expect(m.body.assignment).toEqual({ workerId: 'sw-derb-02', team: 'derb-south-assessment' });
  const reassigned = 'reassigned from sw-derb-01/derb-north-assessment to sw-derb-02/derb-south-assessment: moved team';
  expect(
    (await lines(open.workflowId, /^reassigned/)).map((h: { what: string; by: string }) => [h.what, h.by]),
  ).toEqual([[reassigned, 'dev-team-manager.tm-derb-north']]);
  // A retry a while later: still once.
  expect((await s.event(open.workflowId, reassign, 'dev-team-manager')).status).toBe(200);
  expect(await lines(open.workflowId, /^reassigned/)).toHaveLength(1);

  // The (late) decision of a back-dated referral, 25 times at once: it ends the process; applied once.
  const decide = {
    type: 'step-completed',
    step: 'referral-decision',
    occurredAt: '2026-10-20T12:00:00+01:00',
    outcome: 'no-further-action',
    eventId: 'storm-decide-1',
  };
  const decided = await Promise.all(
    Array.from({ length: 25 }, () => s.event(late.workflowId, decide, 'dev-social-worker')),
  );
  expect(tally(decided.map((d) => d.status))).toEqual({ 200: 25 });
  for (const d of decided)
    expect(d.body.steps[0]).toMatchObject({
      status: 'completed',
      completedAt: '2026-10-20T12:00:00+01:00',
      outcome: 'no-further-action',
      late: true,
    });
  // History prints instants as London reads them: Tue 20 Oct 2026 12:00 BST.
  const completedLine =
    'referral-decision completed at 12:00 BST Tue 20 Oct 2026 (due 2026-10-06, LATE), outcome no-further-action: no further action';
  const result = await s.client.workflow.getHandle(late.workflowId).result();
  expect(result.status).toBe('completed');
  expect((await lines(late.workflowId, /^referral-decision completed/)).map((h: { what: string }) => h.what)).toEqual([
    completedLine,
  ]);
  // Retried after the process ended: the server still knows the event id and answers as before (not 409).
  const retried = await s.event(late.workflowId, decide, 'dev-social-worker');
  expect([retried.status, retried.body.steps[0].status]).toEqual([200, 'completed']);
  expect(await lines(late.workflowId, /^referral-decision completed/)).toHaveLength(1);

  // Its three tiers (York, from the referral: Wed 7, Fri 9, Wed 14 Oct) were all due at its first pass: the one
  // notification, the critical (Wed 14 Oct 09:00 BST) to hos-york copying tm-york-ra and sm-york, was sent
  // once, before it ended (a process delivers what it decided before it finishes).
  const mine = (await s.mail.messages()).filter((m) => m.headers['x-clock-workflow-id'] === late.workflowId);
  expect(
    mine.map((m) => [
      m.headers['x-clock-key'],
      m.headers['x-clock-tier'],
      m.headers['x-clock-fires-at'],
      m.headers['x-clock-recipient'],
      m.headers['x-clock-cc'].split(','),
    ]),
  ).toEqual([expectedSent(late)]);
  expect(expectedSent(late)).toEqual([
    `${late.workflowId}:referral-decision:1:critical`,
    'critical',
    '2026-10-14T09:00:00+01:00',
    'hos-york',
    ['tm-york-ra', 'sm-york'],
  ]);
}, 300_000);
