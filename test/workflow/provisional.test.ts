/**
 * Bank holidays projected by rule inside workflow code, on the time-skipping server with the real worker: a
 * child born Wed 14 Feb 2035 comes into care (foster care) on Mon 13 Aug 2046, years past GOV.UK's list
 * (to Tue 26 Dec 2028). Hand-worked, 2046: 1 Jan is a Monday, 31 Aug a Friday, so the summer bank holiday
 * is Mon 27 Aug. Placement plan 5 WD -> Mon 20 Aug; care plan and PEP 10 WD: 14-17 (4), 20-24 (9),
 * Mon 27 skipped -> Tue 28 Aug; review and health assessment 20 WD: 28-31 Aug (13), 3-7 Sep (18),
 * Mon 10 (19) -> Tue 11 Sep 2046. Visit within a week -> Mon 20 Aug (calendar time: not provisional).
 */
import { ProfileRegistry } from '../../profiles/load';
import { ProcessStarter } from '../../services/start';
import { ClockTestEnv, startTimeSkipping, viewOf } from '../../harness/timeSkipping';

let t: ClockTestEnv;
beforeAll(async () => {
  t = await startTimeSkipping();
});
afterAll(async () => t?.teardown());

test('a child born in 2035 comes into care: the workflow counts projected bank holidays and says its dates are provisional', async () => {
  const starter = new ProcessStarter(t.env.client, ProfileRegistry.fromDirectory(), t.taskQueue);
  const { workflowId } = await starter.start({
    type: 'looked-after',
    caseId: 'BORN-2035',
    localAuthority: 'england',
    anchors: { 'date-of-birth': '2035-02-14', 'became-looked-after': '2046-08-13', 'placement-start': '2046-08-13' },
    anchorKinds: { 'placement-start': 'foster-care' },
  });
  const view = await viewOf(t, workflowId);
  expect(view.steps.map((s) => [s.key, s.dueDate, s.provisional ?? false])).toEqual([
    ['pep-initial', '2046-08-28', true],
    ['health-assessment-initial', '2046-09-11', true],
    ['lac-review', '2046-09-11', true],
    ['health-assessment-review', undefined, false],
    ['placement-plan', '2046-08-20', true],
    ['statutory-visit', '2046-08-20', false],
    ['care-plan', '2046-08-28', true],
  ]);
  expect(view.steps.find((s) => s.key === 'care-plan')!.explanation).toContain(
    'not counted besides weekends: Mon 27 Aug 2046 (bank holiday); provisional: bank holidays after Tue 26 Dec 2028 are projected by rule (Banking and Financial Dealings Act 1971, Schedule 1) until GOV.UK publishes them',
  );
  await t.env.client.workflow.getHandle(workflowId).terminate('test over');
});
