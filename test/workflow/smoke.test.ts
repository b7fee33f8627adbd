import { ProfileRegistry } from '../../profiles/load';
import { ProcessStarter } from '../../processes/start';
import { clockViewQuery } from '../../workflows/messages';
import { ClockTestEnv, startTimeSkipping } from '../support/timeSkipping';

let t: ClockTestEnv;
beforeAll(async () => {
  t = await startTimeSkipping();
});
afterAll(async () => t?.teardown());

test('smoke', async () => {
  const starter = new ProcessStarter(t.env.client, ProfileRegistry.fromDirectory(), t.taskQueue);
  const r = await starter.start({ type: 'single-assessment', caseId: 'SMOKE1', localAuthority: 'derbyshire', anchors: { 'referral-received': '2029-03-28', 'referral-decision': '2029-03-29' }, assignment: { workerId: 'sw-derb-01', team: 'derb-north-assessment' } });
  const h = t.env.client.workflow.getHandle(r.workflowId);
  console.log(new Date(await t.env.currentTimeMs()).toISOString());
  const v = await h.query(clockViewQuery);
  console.log(JSON.stringify(v.steps.map((s) => [s.key, s.dueDate, s.status, s.explanation]), null, 1));
  await t.env.sleep('900 days');
  const v2 = await h.query(clockViewQuery);
  console.log(new Date(await t.env.currentTimeMs()).toISOString(), JSON.stringify(v2.steps.map((s) => [s.key, s.escalations])));
  console.log((await t.mail.messages()).map((m) => [m.subject, m.headers['x-clock-fires-at'], m.to[0].address]));
});
