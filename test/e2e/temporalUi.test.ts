/**
 * The Temporal UI as a manager uses it, in a real Chromium: search a case id, open its clock, read the
 * summary and the next due date in plain words. The screenshots it saves are the README's.
 * The README's visibility queries are run here too, so the ones it prints are known to work.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DevStack, startDevStack, stepOf } from '../support/devStack';
import { SCREENSHOTS, TestBrowser, launchBrowser } from '../support/browser';
import { waitFor } from '../../harness/ports';

let s: DevStack;
let browser: TestBrowser;
beforeAll(async () => {
  s = await startDevStack({ ui: true });
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await s?.teardown();
});

const CASE = 'YORK-DEMO-1';

// The README's queries ("Inspecting a case in the Temporal UI"), exactly as printed there.
export const README_QUERIES = {
  overdueInMyTeam: 'Team = "york-ra" AND ExecutionStatus = "Running" AND EscalationLevel >= 1',
  icpcsDueThisWeek: 'CurrentStep = "icpc" AND NextDueDate BETWEEN "2026-11-23T00:00:00Z" AND "2026-11-30T00:00:00Z"',
  escalatedToHeadOfService: 'EscalationLevel = 3 AND ExecutionStatus = "Running"',
  oneCase: `CaseId = "${CASE}"`,
};

async function listed(query: string): Promise<string[]> {
  const out: string[] = [];
  for await (const wf of s.client.workflow.list({ query })) out.push(wf.workflowId);
  return out.sort();
}

async function openList(page: Page, query: string, expectId: string) {
  // The UI's list does not refresh itself: reload until visibility has the row.
  await waitFor(
    `${expectId} listed in the UI`,
    async () => {
      await page.goto(`${s.ui}/namespaces/default/workflows?query=${encodeURIComponent(query)}`);
      const link = page.getByRole('link', { name: expectId }).first();
      return await link.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => undefined,
      );
    },
    60_000,
    500,
  );
}

test('a manager searches a case id, opens its clock and reads the summary and the next due date', async () => {
  // York counts the visit from allocation (004 L111) and the assessment from the referral (004 L358, the
  // national rule). Allocated Mon 2 Nov 2026: initial visit 5 WD -> Mon 9 Nov (3, 4, 5, 6, 9 Nov). Referral
  // Fri 30 Oct: 45 WD -> Wed 6 Jan 2027 (20 WD to 27 Nov, 19 more to 24 Dec, skipping 25 and 28 Dec and
  // 1 Jan, then 4-6 Jan).
  const r = await s.call('POST', '/api/processes', {
    type: 'single-assessment',
    caseId: CASE,
    localAuthority: 'york',
    anchors: { 'referral-received': '2026-10-30', allocation: '2026-11-02' },
    assignment: { team: 'york-ra', workerId: 'sw-york-01' },
  });
  expect(r.status).toBe(201);
  const id = r.body.workflowId;
  // Back-dated, so the reminder's time had passed: the ladder from the first working day after Mon 9 Nov,
  // overdue Tue 10 Nov, escalated 2 WD later (Thu 12), critical 3 WD after that (Fri 13, Mon 16, Tue 17), each
  // 09:00 GMT. All three are due at the first pass: one notification, the critical, to the head of service
  // of york-ra (hos-york) copying the roles of the two tiers it passed, team manager then service manager
  // (tm-york-ra, sm-york; config/directory.json); overdue and escalated are listed, never sent.
  const view = await waitFor('escalated', async () => {
    const v = await s.view(id);
    return stepOf(v, 'initial-visit')?.escalations.some((e: any) => e.tier === 'critical' && e.deliveredAt)
      ? v
      : undefined;
  });
  expect(stepOf(view, 'initial-visit').dueDate).toBe('2026-11-09');
  expect(stepOf(view, 'assessment-complete').dueDate).toBe('2027-01-06');
  expect(stepOf(view, 'initial-visit').escalations).toEqual([
    { tier: 'overdue', role: 'team-manager', at: '2026-11-10T09:00:00+00:00', caughtUpIn: 'critical' },
    { tier: 'escalated', role: 'service-manager', at: '2026-11-12T09:00:00+00:00', caughtUpIn: 'critical' },
    {
      tier: 'critical',
      role: 'head-of-service',
      at: '2026-11-17T09:00:00+00:00',
      deliveredAt: expect.any(String),
      recipients: ['hos-york', 'tm-york-ra', 'sm-york'],
    },
  ]);
  const mails = (await s.mail.messages()).filter((m) => m.headers['x-clock-workflow-id'] === id);
  expect(
    mails.map((m) => [
      m.headers['x-clock-key'],
      m.headers['x-clock-fires-at'],
      m.headers['x-clock-recipient'],
      m.headers['x-clock-cc'],
    ]),
  ).toEqual([[`${id}:initial-visit:1:critical`, '2026-11-17T09:00:00+00:00', 'hos-york', 'tm-york-ra,sm-york']]);

  const page = await browser.newPage();
  await openList(page, README_QUERIES.oneCase, id);
  await page.screenshot({ path: join(SCREENSHOTS, 'temporal-ui-search.png') });

  await page.getByRole('link', { name: id }).first().click();
  await page.getByTestId('user-metadata-tab').click();
  const summary = page.frameLocator('#user-metadata-summary');
  await summary.getByText(`Single assessment · case ${CASE} · City of York Council`).waitFor({ timeout: 30_000 });
  const details = page.frameLocator('#user-metadata-current-details');
  // The current details come from a query answered by the running worker.
  await details.getByText('Mon 9 Nov 2026').first().waitFor({ timeout: 30_000 });
  const line = (start: string) => details.locator('p', { hasText: start }).first().textContent();
  await expect(line('Next due:')).resolves.toBe(
    'Next due: Child seen after allocation (Single Assessment) (initial-visit) by Mon 9 Nov 2026 — OVERDUE',
  );
  await expect(line('Rule:')).resolves.toMatch(/^Rule: 5 working days from allocation \(local\)\. Source: .+/);
  // The three tiers above on their days; the critical told hos-york with its copies (tm-york-ra, sm-york).
  // The two caught-up tiers are named by role, as nobody was sent them, and say which tier told their role.
  await expect(line('Told so far:')).resolves.toBe(
    'Told so far: overdue to team-manager (passed before it could be sent; told in the critical) on Tue 10 Nov 2026; escalated to service-manager (passed before it could be sent; told in the critical) on Thu 12 Nov 2026; critical to hos-york, tm-york-ra, sm-york on Tue 17 Nov 2026',
  );
  await page.screenshot({ path: join(SCREENSHOTS, 'temporal-ui-case.png'), fullPage: true });

  // "Overdue in my team" as the README gives it, in the UI and through visibility.
  await openList(page, README_QUERIES.overdueInMyTeam, id);
  await page.screenshot({ path: join(SCREENSHOTS, 'temporal-ui-overdue-in-team.png') });
  expect(await listed(README_QUERIES.overdueInMyTeam)).toEqual([id]);
  await page.context().close();
});

test("the README's other queries are valid visibility queries", async () => {
  // ICPC due this week? An England enquiry (no 24-hour visit step, so the ICPC is its current step): S47
  // started Fri 6 Nov, strategy discussion Fri 6 Nov 2026; 15 WD -> Fri 27 Nov 2026 (9-13, 16-20, 23-27 Nov):
  // due this week (23-30 Nov).
  const r = await s.call('POST', '/api/processes', {
    type: 'child-protection-enquiry',
    caseId: 'ENG-ICPC-1',
    localAuthority: 'england',
    anchors: {
      'concern-raised': '2026-11-06T09:00:00+00:00',
      'strategy-discussion': '2026-11-06',
      's47-start': '2026-11-06',
    },
    assignment: { team: 'eng-demo' },
  });
  expect(r.status).toBe(201);
  await s.accept(
    r.body.workflowId,
    { type: 'step-completed', step: 's47-complete', occurredAt: '2026-11-12', outcome: 'icpc' },
    'dev-team-manager',
  );
  expect(stepOf(await s.view(r.body.workflowId), 'icpc').dueDate).toBe('2026-11-27');
  await waitFor('icpc listed', async () =>
    (await listed(README_QUERIES.icpcsDueThisWeek)).includes(r.body.workflowId) ? true : undefined,
  );
  // The York visit (due 9 Nov 2026) has long reached its critical tier. The ICPC (due Fri 27 Nov) reaches
  // its own on England's ladder's +6 WD: Mon 30 Nov (1), Tue 1 Dec, Wed 2, Thu 3, Fri 4, Mon 7 Dec 2026
  // (6) at 09:00 GMT; from then on the query lists it too.
  const icpcCritical = Date.now() >= Date.parse('2026-12-07T09:00:00Z');
  expect(await listed(README_QUERIES.escalatedToHeadOfService)).toEqual(
    ['single-assessment-YORK-DEMO-1-1', ...(icpcCritical ? [r.body.workflowId] : [])].sort(),
  );
});
