/**
 * The daily digest over Christmas and New Year 2029-30 on the time-skipping server, triggered at 09:00
 * London every calendar day (even on days the Schedule would skip, to show the workflow sends nothing
 * then either). The time-skipping server has no visibility, so the digest's activities list the clocks of
 * a real dev server (the same code a worker runs against its own server).
 *
 * By hand: 21 Dec 2029 is a Friday. Working days to Fri 4 Jan 2030: Fri 21, Mon 24, Thu 27, Fri 28,
 * Mon 31 Dec, Wed 2, Thu 3, Fri 4 Jan = 8. Not: Sat 22, Sun 23, Christmas Tue 25, Boxing Day Wed 26,
 * Sat 29, Sun 30, New Year's Day Tue 1 Jan. Managers in config/directory.json: 6 team managers, 6 service
 * managers, 5 heads of service, 5 complaints managers = 22. So 8 x 22 = 176 emails, one per manager per
 * working day.
 */
import { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { calendarData } from '../../profiles/calendar';
import { londonWallTime } from '../../engine/calendar/london';
import { addDays } from '../../engine/calendar/localDate';
import type { DigestOutcome } from '../../workflows/digest';
import { DevStack, startDevStack, stepOf } from '../support/devStack';
import { MailSink } from '../../harness/mailSink';
import { TestWorker, quietRuntime, startTestWorker } from '../../harness/testWorker';
import { registerSearchAttributes } from '../../worker/searchAttributes';
import { waitFor } from '../../harness/ports';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const bins = require('../../scripts/temporalBinaries');

let dev: DevStack;
let env: TestWorkflowEnvironment;
let mail: MailSink;
let worker: TestWorker;
beforeAll(async () => {
  dev = await startDevStack();
  quietRuntime();
  env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: bins.testServer() } },
  });
  await registerSearchAttributes(env.connection, 'default');
  mail = await MailSink.start();
  worker = await startTestWorker(env.nativeConnection, env.client, { SMTP_PORT: String(mail.smtpPort) }, dev.client);
}, 120_000);
afterAll(async () => {
  await worker?.close();
  await env?.teardown();
  await mail?.stop();
  await dev?.teardown();
});

const WORKING = [
  '2029-12-21',
  '2029-12-24',
  '2029-12-27',
  '2029-12-28',
  '2029-12-31',
  '2030-01-02',
  '2030-01-03',
  '2030-01-04',
];
const MANAGERS = [
  'cm-bf',
  'cm-derb',
  'cm-eng',
  'cm-nn',
  'cm-york',
  'hos-bf',
  'hos-derb',
  'hos-eng',
  'hos-nn',
  'hos-york',
  'sm-bf',
  'sm-derb-assess',
  'sm-derb-south',
  'sm-eng',
  'sm-nn',
  'sm-york',
  'tm-bf-mash',
  'tm-derb-north',
  'tm-derb-south',
  'tm-eng',
  'tm-nn-mash',
  'tm-york-ra',
];

test('one digest per manager per working day; none on weekends or bank holidays; a re-run sends nothing twice', async () => {
  // One overdue case in Derbyshire's north team, on the dev server: referral Thu 1 Oct 2026, decision due Fri 2 Oct.
  const r = await dev.call(
    'POST',
    '/api/referrals',
    {
      referralId: 'DG-1',
      caseId: 'DIGEST-1',
      localAuthority: 'derbyshire',
      receivedAt: '2026-10-01T10:00:00+01:00',
      assignment: { team: 'derb-north-assessment', workerId: 'sw-derb-01' },
    },
    'dev-intake-system',
  );
  expect(r.status).toBe(201);
  expect(stepOf(await dev.view(r.body.workflowId), 'referral-decision').dueDate).toBe('2026-10-02');
  await waitFor('listed with its memo', async () => {
    for await (const wf of dev.client.workflow.list({ query: 'CaseId = "DIGEST-1"' }))
      if ((wf.memo as any)?.clock) return true;
    return undefined;
  });

  const calendar = calendarData([], '2029-01-01');
  // A plain client: the time-skipping client's result() unlocks skipping, and with nothing else pending the
  // server then leaps years ahead. The digest has no timers; it runs at the instant the test moved to.
  const run = new Client({ connection: env.connection, namespace: 'default' });
  const outcomes: DigestOutcome[] = [];
  for (let day = '2029-12-21'; day <= '2030-01-04'; day = addDays(day, 1)) {
    const nineAm = londonWallTime(day, 9);
    const now = (await env.currentTimeMs()) as unknown as number;
    await env.sleep(nineAm - Number(now));
    outcomes.push(
      await run.workflow.execute('dailyDigest', {
        workflowId: `daily-digest-${day}`,
        taskQueue: worker.taskQueue,
        args: [{ calendar }],
      }),
    );
  }
  expect(outcomes.filter((o) => o.workingDay).map((o) => o.date)).toEqual(WORKING);
  expect(outcomes.filter((o) => !o.workingDay).map((o) => o.skipped)).toEqual([
    'Sat 22 Dec 2029 (Saturday) is not a working day',
    'Sun 23 Dec 2029 (Sunday) is not a working day',
    'Tue 25 Dec 2029 (bank holiday) is not a working day',
    'Wed 26 Dec 2029 (bank holiday) is not a working day',
    'Sat 29 Dec 2029 (Saturday) is not a working day',
    'Sun 30 Dec 2029 (Sunday) is not a working day',
    'Tue 1 Jan 2030 (bank holiday) is not a working day',
  ]);
  for (const o of outcomes.filter((x) => x.workingDay)) expect(o.sent.map((x) => x.personId).sort()).toEqual(MANAGERS);

  const sent = await waitFor('176 digests in the sink', async () => {
    const all = (await mail.messages()).filter((m) => m.headers['x-clock-digest-date']);
    return all.length >= WORKING.length * MANAGERS.length ? all : undefined;
  });
  const pairs = sent.map((m) => `${m.headers['x-clock-digest-date']} ${m.headers['x-clock-recipient']}`).sort();
  expect(pairs).toEqual(WORKING.flatMap((d) => MANAGERS.map((p) => `${d} ${p}`)).sort());

  // Fri 21 Dec 2029, as the north team's manager reads it: 2 Oct 2026 to 21 Dec 2029 is 1,096 days
  // (three years, one with 29 Feb 2028) + 80 (2 Oct -> 21 Dec) = 1,176 days overdue.
  const north = sent.find(
    (m) => m.headers['x-clock-recipient'] === 'tm-derb-north' && m.headers['x-clock-digest-date'] === '2029-12-21',
  )!;
  expect(north.subject).toBe(
    'Daily digest Fri 21 Dec 2029: 1 overdue, 0 due by Fri 28 Dec 2029 (team-manager tm-derb-north)',
  );
  expect(north.text).toContain('- case DIGEST-1 (derbyshire, team derb-north-assessment, worker sw-derb-01): ');
  expect(north.text).toContain('[referral-decision], due Fri 2 Oct 2026, 1176 days overdue');
  const south = sent.find(
    (m) => m.headers['x-clock-recipient'] === 'tm-derb-south' && m.headers['x-clock-digest-date'] === '2029-12-21',
  )!;
  expect(south.subject).toBe(
    'Daily digest Fri 21 Dec 2029: 0 overdue, 0 due by Fri 28 Dec 2029 (team-manager tm-derb-south)',
  );
  expect(south.text).toContain('OVERDUE (0), most overdue first\n- none');

  // Triggered again the same day (a manual run, a catch-up): every digest is already sent, none goes twice.
  const again: DigestOutcome = await run.workflow.execute('dailyDigest', {
    workflowId: 'daily-digest-2030-01-04-again',
    taskQueue: worker.taskQueue,
    args: [{ calendar }],
  });
  expect(again.sent.every((x) => x.duplicate)).toBe(true);
  expect((await mail.messages()).filter((m) => m.headers['x-clock-digest-date']).length).toBe(176);
});
