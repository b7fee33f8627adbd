/**
 * The timeliness report over a seeded data set on the dev server, against figures worked by hand.
 * Every due-by date below was counted by hand on the England and Wales calendar (2026 bank holidays:
 * Good Friday 3 Apr, Easter Monday 6 Apr, 4 May, 25 May, 31 Aug) and checked by an independent script
 * written from the rules alone (national counts: the Nth working day after the anchor, the anchor day not
 * counted; reviews and complaint stages: the statutory due date of the occurrence).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DevStack, startDevStack } from '../support/devStack';
import { SCREENSHOTS, TestBrowser, launchBrowser } from '../support/browser';

let s: DevStack;
beforeAll(async () => {
  s = await startDevStack();
  await seed();
  await settled();
}, 240_000);
afterAll(async () => s?.teardown());

const TEAM: Record<string, string> = {
  derbyshire: 'derb-north-assessment',
  northamptonshire: 'nn-mash',
  'bracknell-forest': 'bf-mash',
  york: 'york-ra',
};
const ids: Record<string, string> = {};

async function start(label: string, type: string, la: string, anchors: Record<string, string>) {
  const r = await s.call('POST', '/api/processes', {
    type,
    caseId: `TL-${label}`,
    localAuthority: la,
    anchors,
    assignment: { team: TEAM[la] },
  });
  expect({ label, status: r.status, detail: r.body.detail }).toEqual({ label, status: 201, detail: undefined });
  ids[label] = r.body.workflowId;
  return r.body.workflowId as string;
}
const done = (id: string, step: string, occurredAt: string, outcome?: string) =>
  s.accept(id, { type: 'step-completed', step, occurredAt, ...(outcome ? { outcome } : {}) }, 'dev-admin');
const nextDay = (d: string) => new Date(Date.parse(`${d}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

// [label, LA, referral received, completed or undefined while open]
const ASSESSMENTS: [string, string, string, string | undefined][] = [
  ['TA-1', 'northamptonshire', '2026-04-01', '2026-06-03'], // due by Tue 9 Jun (41 WD taken): on time
  ['TA-2', 'northamptonshire', '2026-04-20', '2026-06-26'], // due by Wed 24 Jun: late, 47 WD
  ['TA-3', 'bracknell-forest', '2026-05-01', '2026-06-26'], // due by Tue 7 Jul: on time nationally (38 WD), though late on Bracknell Forest's own 35 WD
  ['TA-4', 'bracknell-forest', '2026-07-01', '2026-09-04'], // due by Thu 3 Sep (skips 31 Aug): late, 46 WD
  ['TA-5', 'york', '2026-08-03', '2026-10-02'], // due by Tue 6 Oct: on time, 43 WD (York's own clock counts from allocation)
  ['TA-6', 'york', '2026-08-10', '2026-10-14'], // due by Tue 13 Oct: late, 46 WD
  ['TA-7', 'derbyshire', '2026-02-02', '2026-03-31'], // completed before the period: not counted
  ['TA-8', 'derbyshire', '2026-09-01', '2026-11-03'], // completed after the period: not counted
  ['TA-9', 'derbyshire', '2026-05-11', '2026-07-14'], // due by Tue 14 Jul, done that day: on time, 45 WD
  ['TA-10', 'northamptonshire', '2026-10-01', undefined], // open: not counted
];
// [label, LA, strategy discussion, S47 start, ICPC held]: the census counts from the S47 start.
const ICPCS: [string, string, string, string, string][] = [
  ['TI-1', 'york', '2026-06-01', '2026-06-01', '2026-06-19'], // due by Mon 22 Jun: on time
  ['TI-2', 'york', '2026-06-08', '2026-06-10', '2026-07-01'], // due by Wed 1 Jul (15 WD from the S47 start): on time; 17 WD from the strategy discussion
  ['TI-3', 'northamptonshire', '2026-08-20', '2026-08-21', '2026-09-14'], // due by Mon 14 Sep (skips 31 Aug): on time
  ['TI-4', 'derbyshire', '2026-09-29', '2026-09-29', '2026-10-20'], // due by Tue 20 Oct: on time
];
// [label, LA, ICPC, first RCPC held]: due 3 calendar months after the ICPC.
const RCPCS: [string, string, string, string][] = [
  ['TR-1', 'york', '2026-03-16', '2026-06-12'], // due Tue 16 Jun: on time
  ['TR-2', 'york', '2026-04-20', '2026-07-24'], // due Mon 20 Jul: 4 days late
];
// [label, LA, stage 1 received, response sent]: 10 working days.
const COMPLAINTS: [string, string, string, string][] = [
  ['TC-1', 'derbyshire', '2026-09-01', '2026-09-14'], // due Tue 15 Sep: on time
  ['TC-2', 'derbyshire', '2026-09-10', '2026-09-30'], // due Thu 24 Sep: 6 days late
  ['TC-3', 'york', '2026-10-05', '2026-10-19'], // due Mon 19 Oct, sent that day: on time
];

async function seed() {
  for (const [label, la, received, completed] of ASSESSMENTS) {
    // Each LA's own clock needs its own anchor (York counts from allocation, Derbyshire from the decision).
    const anchors: Record<string, string> = { 'referral-received': received };
    if (la === 'york') anchors.allocation = nextDay(received);
    if (la === 'derbyshire') anchors['referral-decision'] = nextDay(received);
    const id = await start(label, 'single-assessment', la, anchors);
    // The conclusion is required (an outcome). No further action: it ends the assessment and starts nothing,
    // so each assessment stays one completion of assessment-complete, the hand count above is unchanged and
    // no other process (a CIN plan, an enquiry) joins the report's measures.
    if (completed) await done(id, 'assessment-complete', completed, 'no-further-action');
  }
  for (const [label, la, strategy, s47, icpc] of ICPCS) {
    // The S47 start with its time: Derbyshire and York see the child within 24 hours of it (000 L570, 004 L400).
    const id = await start(label, 'child-protection-enquiry', la, {
      'concern-raised': `${strategy}T09:00:00+01:00`,
      'strategy-discussion': strategy,
      's47-start': `${s47}T10:00:00+01:00`,
    });
    await done(id, 's47-complete', icpc, 'icpc');
    await done(id, 'icpc', icpc, 'no-further-action');
  }
  for (const [label, la, icpc, rcpc] of RCPCS) {
    const id = await start(label, 'child-protection-plan', la, { icpc });
    await done(id, 'rcpc', rcpc, 'end');
  }
  for (const [label, la, received, response] of COMPLAINTS) {
    const id = await start(label, 'complaint-statutory', la, { 'stage1-received': received });
    await done(id, 'stage1-response', response);
  }
}

const PERIOD = 'from=2026-04-01&to=2026-10-31';
const late = (label: string, done: string, dueBy: string, taken: string) => ({
  workflowId: ids[label],
  caseId: `TL-${label}`,
  occurrence: 1,
  done,
  dueBy,
  taken,
});
const row = (
  measure: string,
  localAuthority: string,
  period: string,
  completed: number,
  onTime: number,
  lateItems: ReturnType<typeof late>[] = [],
) => ({
  measure,
  localAuthority,
  period,
  completed,
  onTime,
  late: completed - onTime,
  percentOnTime: Math.round((onTime / completed) * 1000) / 10,
  lateItems,
});
const slim = (rows: any[]) =>
  rows.map(({ measure, localAuthority, period, completed, onTime, late: l, percentOnTime, lateItems }) => ({
    measure,
    localAuthority,
    period,
    completed,
    onTime,
    late: l,
    percentOnTime,
    lateItems,
  }));

const report = (query: string, token = 'dev-admin') =>
  s.call('GET', `/api/reports/timeliness?${query}`, undefined, token);

// Visibility is eventually consistent: wait until all 17 completions in the period (counted by hand) show.
async function settled() {
  for (let i = 0; i < 120; i++) {
    const r = await report(PERIOD);
    if (r.status === 200 && r.body.rows.reduce((n: number, x: any) => n + x.completed, 0) === 17) return;
    await new Promise((res) => setTimeout(res, 250));
  }
}

test('the whole period: every measure per LA matches the hand count', async () => {
  const r = await report(PERIOD);
  expect(r.status).toBe(200);
  const P = '2026-04-01..2026-10-31';
  expect(slim(r.body.rows)).toEqual([
    row('assessment-45wd', 'bracknell-forest', P, 2, 1, [
      late('TA-4', '2026-09-04', '2026-09-03', '46 working days from referral-received'),
    ]),
    row('assessment-45wd', 'derbyshire', P, 1, 1),
    row('assessment-45wd', 'northamptonshire', P, 2, 1, [
      late('TA-2', '2026-06-26', '2026-06-24', '47 working days from referral-received'),
    ]),
    row('assessment-45wd', 'york', P, 2, 1, [
      late('TA-6', '2026-10-14', '2026-10-13', '46 working days from referral-received'),
    ]),
    row('icpc-15wd', 'derbyshire', P, 1, 1),
    row('icpc-15wd', 'northamptonshire', P, 1, 1),
    row('icpc-15wd', 'york', P, 2, 2),
    row('rcpc-on-time', 'york', P, 2, 1, [late('TR-2', '2026-07-24', '2026-07-20', '4 days late')]),
    row('complaint-stage1-on-time', 'derbyshire', P, 2, 1, [late('TC-2', '2026-09-30', '2026-09-24', '6 days late')]),
    row('complaint-stage1-on-time', 'york', P, 1, 1),
  ]);
  // ICPCs all had an S47 start recorded: none counted from the strategy discussion.
  expect(r.body.rows.filter((x: any) => x.measure === 'icpc-15wd').map((x: any) => x.countedFromFallback)).toEqual([
    0, 0, 0,
  ]);
  expect(r.body.measures.find((m: any) => m.id === 'icpc-15wd').definition).toMatch(
    /15th working day after the S47 start date/,
  );
});

test('by month: each row is the completions of one month', async () => {
  const r = await report(`${PERIOD}&by=month&measure=assessment-45wd`);
  expect(slim(r.body.rows)).toEqual([
    row('assessment-45wd', 'bracknell-forest', '2026-06', 1, 1),
    row('assessment-45wd', 'bracknell-forest', '2026-09', 1, 0, [
      late('TA-4', '2026-09-04', '2026-09-03', '46 working days from referral-received'),
    ]),
    row('assessment-45wd', 'derbyshire', '2026-07', 1, 1),
    row('assessment-45wd', 'northamptonshire', '2026-06', 2, 1, [
      late('TA-2', '2026-06-26', '2026-06-24', '47 working days from referral-received'),
    ]),
    row('assessment-45wd', 'york', '2026-10', 2, 1, [
      late('TA-6', '2026-10-14', '2026-10-13', '46 working days from referral-received'),
    ]),
  ]);
});

test('CSV: one line per measure, LA and period, as a spreadsheet opens it', async () => {
  const res = await fetch(`${s.api}/api/reports/timeliness?${PERIOD}&localAuthority=york&format=csv`, {
    headers: { authorization: 'Bearer dev-admin' },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
  expect(res.headers.get('content-disposition')).toBe('attachment; filename="timeliness-2026-04-01-to-2026-10-31.csv"');
  expect(await res.text()).toBe(
    [
      'measure,processType,step,localAuthority,period,completed,onTime,late,percentOnTime,countedFromFallback',
      'assessment-45wd,single-assessment,assessment-complete,york,2026-04-01..2026-10-31,2,1,1,50,0',
      'icpc-15wd,child-protection-enquiry,icpc,york,2026-04-01..2026-10-31,2,2,0,100,0',
      'rcpc-on-time,child-protection-plan,rcpc,york,2026-04-01..2026-10-31,2,1,1,50,',
      'complaint-stage1-on-time,complaint-statutory,stage1-response,york,2026-04-01..2026-10-31,1,1,0,100,',
      '',
    ].join('\r\n'),
  );
});

test('each manager reports on their own area only', async () => {
  const york = await report(PERIOD, 'dev-head-of-service.hos-york');
  expect([...new Set(york.body.rows.map((x: any) => x.localAuthority))]).toEqual(['york']);
  expect(york.body.area).toBe('head-of-service hos-york');
  const cm = await report(PERIOD, 'dev-complaints-manager.cm-derb');
  expect(slim(cm.body.rows)).toEqual([
    row('complaint-stage1-on-time', 'derbyshire', '2026-04-01..2026-10-31', 2, 1, [
      late('TC-2', '2026-09-30', '2026-09-24', '6 days late'),
    ]),
  ]);
  const other = await s.call(
    'GET',
    `/api/reports/timeliness?${PERIOD}&localAuthority=derbyshire`,
    undefined,
    'dev-head-of-service.hos-york',
  );
  expect(other).toMatchObject({ status: 403, body: { errors: [{ field: 'query.localAuthority' }] } });
  const anonymous = await s.call('GET', `/api/reports/timeliness?${PERIOD}`, undefined, 'dev-team-manager');
  expect(anonymous).toMatchObject({ status: 403, body: { errors: [{ field: 'authorization' }] } });
  expect(
    (await s.call('GET', `/api/reports/timeliness?${PERIOD}`, undefined, 'dev-social-worker.sw-york-01')).status,
  ).toBe(403);
});

describe('the dashboard, in a real Chromium', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => browser?.close());

  test('shows each measure, per LA and per month, as the hand count has it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${s.api}/dashboard/?token=dev-admin&from=2026-04-01&to=2026-10-31`);
    await page.locator('body[aria-busy="false"] section.measure').first().waitFor();
    const card = (id: string) => page.locator(`section.measure[data-measure="${id}"]`);
    // Across LAs, from the rows above: assessments 4 of 7 (TA-2, TA-4, TA-6 late); ICPCs 4 of 4;
    // RCPCs 1 of 2; stage 1 responses 2 of 3.
    await expect(card('assessment-45wd').locator('.overall').textContent()).resolves.toBe('4 of 7 on time (57.1%)');
    await expect(card('icpc-15wd').locator('.overall').textContent()).resolves.toBe('4 of 4 on time (100.0%)');
    await expect(card('rcpc-on-time').locator('.overall').textContent()).resolves.toBe('1 of 2 on time (50.0%)');
    await expect(card('complaint-stage1-on-time').locator('.overall').textContent()).resolves.toBe(
      '2 of 3 on time (66.7%)',
    );
    const bars = await card('assessment-45wd')
      .locator('g.bar')
      .evaluateAll((gs) => gs.map((g) => `${g.getAttribute('data-la')} ${g.getAttribute('data-percent')}`));
    expect(bars.sort()).toEqual(['bracknell-forest 50', 'derbyshire 100', 'northamptonshire 50', 'york 50']);
    // By month, all LAs: June 2 of 3 (TA-1, TA-3 on time; TA-2 late), July 1 of 1, September 0 of 1, October 1 of 2.
    const months = await card('assessment-45wd')
      .locator('g.month')
      .evaluateAll((gs) => gs.map((g) => `${g.getAttribute('data-month')} ${g.getAttribute('data-percent')}`));
    expect(months).toEqual([
      '2026-04 ',
      '2026-05 ',
      '2026-06 66.7',
      '2026-07 100',
      '2026-08 ',
      '2026-09 0',
      '2026-10 50',
    ]);
    await expect(card('assessment-45wd').locator('details.late').getAttribute('data-late')).resolves.toBe('3');
    await expect(page.locator('#period').textContent()).resolves.toBe('1 April 2026 to 31 October 2026');
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("a refused token shows the server's reason", async () => {
    const page = await browser.newPage();
    await page.goto(`${s.api}/dashboard/?token=dev-team-manager&from=2026-04-01&to=2026-10-31`);
    await page.locator('#error[data-status="403"]').waitFor();
    await expect(page.locator('#error-detail').textContent()).resolves.toMatch(/must name the person/);
    await page.context().close();
  });
});
