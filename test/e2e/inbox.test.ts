/**
 * Each role's inbox over a few hundred seeded cases across six teams and five LAs, on the dev server
 * (the time-skipping server has no visibility). The expected sets come from the seed itself and the
 * directory's management lines, written out by hand below: a referral received in September or October
 * 2026 had its decision due one working day later, so it is overdue now; one received at the test's own
 * start is due tomorrow at the earliest, so it is due soon; a complaint received 1 October 2026 was due
 * 15 October (10 working days), so it is overdue.
 */
import { formatLondon } from '../../engine/calendar/london';
import { DevStack, startDevStack } from '../support/devStack';
import { waitFor } from '../../harness/ports';

let s: DevStack;
beforeAll(async () => {
  s = await startDevStack();
  await seed();
}, 600_000);
afterAll(async () => s?.teardown());

const TEAMS: [team: string, la: string, workers: string[]][] = [
  ['derb-north-assessment', 'derbyshire', ['sw-derb-01', 'sw-derb-02']],
  ['derb-south-assessment', 'derbyshire', ['sw-derb-02']],
  ['nn-mash', 'northamptonshire', ['sw-nn-01']],
  ['bf-mash', 'bracknell-forest', ['sw-bf-01']],
  ['york-ra', 'york', ['sw-york-01']],
  ['eng-demo', 'england', []],
];
const REFERRALS = 240;
// These two count the referral decision from the contact (their profiles), so intake sends it too.
const CONTACT_FIRST = ['northamptonshire', 'bracknell-forest'];

interface Seeded {
  workflowId: string;
  type: string;
  team: string;
  la: string;
  worker?: string;
  overdue: boolean;
}
const seeded: Seeded[] = [];

async function seed() {
  const startedNow = formatLondon(Date.now());
  const jobs: (() => Promise<void>)[] = [];
  for (let i = 0; i < REFERRALS; i++) {
    const [team, la, workers] = TEAMS[i % TEAMS.length];
    const worker = workers.length ? workers[Math.floor(i / TEAMS.length) % workers.length] : undefined;
    // In each team three in four are overdue, received on a day spread over 1 Sep - 20 Oct 2026 (all decisions due by 21 Oct).
    const overdue = Math.floor(i / TEAMS.length) % 4 !== 3;
    const day = new Date(Date.UTC(2026, 8, 1 + (i % 50))).toISOString().slice(0, 10);
    const receivedAt = overdue ? `${day}T10:00:00+01:00` : startedNow;
    jobs.push(async () => {
      const r = await s.call(
        'POST',
        '/api/referrals',
        {
          referralId: `IR-${i}`,
          caseId: `IN-${i}`,
          localAuthority: la,
          receivedAt,
          ...(CONTACT_FIRST.includes(la) ? { contactReceivedAt: receivedAt } : {}),
          assignment: { team, ...(worker ? { workerId: worker } : {}) },
        },
        'dev-intake-system',
      );
      expect({ i, status: r.status, detail: r.body.detail }).toEqual({ i, status: 201, detail: undefined });
      seeded.push({ workflowId: r.body.workflowId, type: 'referral', team, la, worker, overdue });
    });
  }
  // Complaints in two LAs, one team each way: the complaints manager sees their LA's, nothing else.
  for (let i = 0; i < 18; i++) {
    const [team, la] = i < 12 ? TEAMS[i % 2] : TEAMS[4];
    jobs.push(async () => {
      const r = await s.call('POST', '/api/processes', {
        type: 'complaint-statutory',
        caseId: `IC-${i}`,
        localAuthority: la,
        anchors: { 'stage1-received': '2026-10-01' },
        assignment: { team },
      });
      expect({ i, status: r.status, detail: r.body.detail }).toEqual({ i, status: 201, detail: undefined });
      seeded.push({ workflowId: r.body.workflowId, type: 'complaint-statutory', team, la, overdue: true });
    });
  }
  // Eight at a time: the API answers each start once Temporal has it.
  const queue = [...jobs];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) await job();
    }),
  );
  // Visibility is eventually consistent: wait until every seeded case shows in the administrator's inbox.
  for (let i = 0; i < 240; i++) {
    const r = await s.call('GET', '/api/inbox?dueWithinDays=7');
    if (r.status === 200 && r.body.items.length === seeded.length) return;
    await new Promise((res) => setTimeout(res, 500));
  }
  throw new Error('seeded cases did not all reach visibility');
}

const ids = (items: { workflowId: string }[]) => items.map((i) => i.workflowId).sort();
const overdueWhere = (pred: (c: Seeded) => boolean) => ids(seeded.filter((c) => c.overdue && pred(c)));
const inbox = async (token: string, query = '') => {
  const r = await s.call('GET', `/api/inbox?include=overdue${query}`, undefined, token);
  expect({ token, status: r.status, detail: r.body.detail }).toEqual({ token, status: 200, detail: undefined });
  return r.body;
};

// The areas, by hand from config/directory.json: who manages which team, service and LA.
const AREAS: [token: string, pred: (c: Seeded) => boolean][] = [
  ['dev-team-manager.tm-derb-north', (c) => c.team === 'derb-north-assessment'],
  ['dev-team-manager.tm-derb-south', (c) => c.team === 'derb-south-assessment'],
  ['dev-service-manager.sm-derb-assess', (c) => c.team === 'derb-north-assessment'],
  ['dev-service-manager.sm-derb-south', (c) => c.team === 'derb-south-assessment'],
  ['dev-head-of-service.hos-derb', (c) => c.la === 'derbyshire'],
  ['dev-team-manager.tm-nn-mash', (c) => c.team === 'nn-mash'],
  ['dev-service-manager.sm-nn', (c) => c.team === 'nn-mash'],
  ['dev-head-of-service.hos-nn', (c) => c.la === 'northamptonshire'],
  ['dev-team-manager.tm-bf-mash', (c) => c.team === 'bf-mash'],
  ['dev-team-manager.tm-york-ra', (c) => c.team === 'york-ra'],
  ['dev-head-of-service.hos-york', (c) => c.la === 'york'],
  ['dev-head-of-service.hos-eng', (c) => c.la === 'england'],
  ['dev-complaints-manager.cm-derb', (c) => c.la === 'derbyshire' && c.type === 'complaint-statutory'],
  ['dev-complaints-manager.cm-york', (c) => c.la === 'york' && c.type === 'complaint-statutory'],
  ['dev-social-worker.sw-derb-01', (c) => c.worker === 'sw-derb-01'],
  ['dev-social-worker.sw-derb-02', (c) => c.worker === 'sw-derb-02'],
  ['dev-admin', () => true],
];

test('the seed: a few hundred cases, most overdue', () => {
  expect(seeded.length).toBe(258);
  expect(seeded.filter((c) => c.overdue).length).toBe(198); // 180 referrals + 18 complaints
});

test.each(AREAS)('%s sees exactly the overdue cases of their own area', async (token, pred) => {
  const body = await inbox(token);
  const expected = overdueWhere(pred);
  expect(expected.length).toBeGreaterThan(0);
  expect(ids(body.items)).toEqual(expected);
  expect(body.counts.overdue).toBe(expected.length);
});

test('most overdue first, with counts per step and the rule', async () => {
  const body = await inbox('dev-head-of-service.hos-derb');
  const due = body.items.map((i: any) => Date.parse(i.dueAt));
  expect(due).toEqual([...due].sort((a, b) => a - b));
  // Derbyshire's earliest: referral IN-0 received Tue 1 Sep 2026, decision due Wed 2 Sep.
  expect(body.items[0]).toMatchObject({
    caseId: 'IN-0',
    step: 'referral-decision',
    state: 'overdue',
    dueDate: '2026-09-02',
  });
  expect(body.items[0].daysOverdue).toBeGreaterThan(80);
  // 40 Derbyshire referrals per team x 2 teams, three in four overdue; 12 complaints.
  expect(body.counts.byStep).toEqual({
    'referral-decision': { overdue: 60, dueSoon: 0 },
    'stage1-response': { overdue: 12, dueSoon: 0 },
  });
  const complaint = body.items.find((i: any) => i.step === 'stage1-response');
  expect(complaint).toMatchObject({
    dueDate: '2026-10-15',
    rule: '10 working days from stage1-received',
    daysOverdue: expect.any(Number),
  });
  // The ladder's tiers are delivered after the step shows overdue (an activity each); on a loaded machine
  // the inbox can be read in between, so wait for the delivery to be recorded.
  const told = await waitFor(
    'the complaint escalation to be recorded',
    async () => {
      const again = (await inbox('dev-head-of-service.hos-derb')).items.find(
        (i: any) => i.workflowId === complaint.workflowId,
      );
      return again?.lastEscalation;
    },
    60_000,
  );
  expect(told.tier).toMatch(/escalated|critical/);
});

test('filters narrow within the area: process, worker, due soon', async () => {
  const complaints = await inbox('dev-head-of-service.hos-derb', '&type=complaint-statutory');
  expect(ids(complaints.items)).toEqual(overdueWhere((c) => c.la === 'derbyshire' && c.type === 'complaint-statutory'));
  const mine = await inbox('dev-team-manager.tm-derb-north', '&worker=sw-derb-02');
  expect(ids(mine.items)).toEqual(overdueWhere((c) => c.team === 'derb-north-assessment' && c.worker === 'sw-derb-02'));
  const soon = (
    await s.call('GET', '/api/inbox?include=due-soon&dueWithinDays=7', undefined, 'dev-team-manager.tm-derb-north')
  ).body;
  expect(ids(soon.items)).toEqual(ids(seeded.filter((c) => !c.overdue && c.team === 'derb-north-assessment')));
  expect(soon.items.every((i: any) => i.state === 'due-soon' && i.daysOverdue === 0)).toBe(true);
  const team = await inbox('dev-head-of-service.hos-derb', '&team=derb-south-assessment');
  expect(ids(team.items)).toEqual(overdueWhere((c) => c.team === 'derb-south-assessment'));
});

test("nobody lists another team's cases: lists and case reads through visibility stay in the area", async () => {
  // The refusals of filters reaching outside an area are the API's own: test/api/scope.test.ts.
  const list = (await s.call('GET', '/api/processes?type=referral', undefined, 'dev-team-manager.tm-york-ra')).body;
  expect(ids(list.items)).toEqual(ids(seeded.filter((c) => c.type === 'referral' && c.team === 'york-ra')));
  expect((await s.call('GET', '/api/cases/IN-0', undefined, 'dev-team-manager.tm-york-ra')).status).toBe(404);
  expect((await s.call('GET', '/api/cases/IN-0', undefined, 'dev-team-manager.tm-derb-north')).status).toBe(200);
});
