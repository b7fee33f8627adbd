// A date of birth is read in calendar time only (a 16th birthday, 191 months on), so a child of any age
// starts a process in every profile, through the starter the API uses. Hand-worked (2026 bank holidays:
// Fri 25 Dec, Boxing Day Sat 26 -> Mon 28 Dec):
//  - came into care and placed (foster care) Mon 30 Nov 2026. Review 20 WD (reg 33(1)): Tue 1 - Fri 4 Dec (4),
//    7-11 (9), 14-18 (14), Mon 21 - Thu 24 (18), Tue 29 (19), Wed 30 Dec 2026 (20). Visit within a week: Mon 7 Dec.
//  - born 15 Jun 2011 (aged 15): Derbyshire's leaving-care referral, 191 months on -> 15 May 2027; York's
//    pathway assessment, 189 months on -> 15 Mar 2027.
//  - born 1 Mar 2008, 16 on 1 Mar 2024: York's personal adviser by 210 months (17 and a half) -> 1 Sep 2025;
//    the needs assessment 3 months after the 16th birthday -> 1 Jun 2024.
import type { StartProcess } from '../../services/contracts';
import { ProcessStarter } from '../../services/start';
import { applyEvent, checkEvent } from '../../engine/events';
import { pendingMilestones } from '../../engine/compute/milestones';
import { buildSchedule } from '../../engine/compute/schedule';
import { initialState } from '../../engine/state';
import type { ClockInput, ClockState } from '../../engine/types';
import { shapeOf } from '../../engine/catalogue';
import { registry } from '../support/clockInput';

const NOW = Date.parse('2026-12-03T12:00:00Z');
const starter = new ProcessStarter(null as never, registry, 'unused');
const PROFILES = ['england', 'derbyshire', 'northamptonshire', 'bracknell-forest', 'york'];

function started(req: StartProcess) {
  const input: ClockInput = starter.buildInput(req, {}, NOW);
  const steps = buildSchedule(input, initialState(input), NOW, 'wf').steps;
  return {
    input,
    step: (key: string) => steps.find((s) => s.key === key),
    problems: steps.filter((s) => s.problem).map((s) => `${s.key}: ${s.problem}`),
  };
}

test.each(PROFILES)('a 15-year-old comes into care in %s', (la) => {
  const { input, step, problems } = started({
    type: 'looked-after',
    caseId: `AGED-15-${la}`,
    localAuthority: la,
    // The placement with its time: York visits within 24 hours of it (004 L212, L447).
    anchors: {
      'date-of-birth': '2011-06-15',
      'became-looked-after': '2026-11-30',
      'placement-start': '2026-11-30T10:00:00Z',
    },
    anchorKinds: { 'placement-start': 'foster-care' },
  });
  expect(problems).toEqual([]);
  expect(input.calendar.coverage.from >= '2012-01-01').toBe(true);
  expect(step('lac-review')).toMatchObject({ dueDate: '2026-12-30' });
  expect(step('statutory-visit')).toMatchObject({ dueDate: '2026-12-07' });
  if (la === 'derbyshire') expect(step('leaving-care-referral')).toMatchObject({ dueDate: '2027-05-15' });
  if (la === 'york') expect(step('pathway-assessment-start')).toMatchObject({ dueDate: '2027-03-15' });
});

test.each(PROFILES)('a care leaver born in 2008 has a pathway plan in %s', (la) => {
  const { step, problems } = started({
    type: 'pathway-plan',
    caseId: `BORN-2008-${la}`,
    localAuthority: la,
    anchors: { 'date-of-birth': '2008-03-01', 'sixteenth-birthday': '2024-03-01' },
  });
  expect(problems).toEqual([]);
  expect(step('needs-assessment')).toMatchObject({ dueDate: '2024-06-01' });
  if (la === 'york') expect(step('pa-allocated')).toMatchObject({ dueDate: '2025-09-01' });
});

test('working days counted before the official list still refuse, naming the anchor', () => {
  // A referral on 1 Jun 2011: 1 WD on reads Thu 2 Jun 2011, before 2012.
  expect(() =>
    starter.buildInput(
      {
        type: 'single-assessment',
        caseId: 'OLD',
        localAuthority: 'england',
        anchors: { 'referral-received': '2011-06-01' },
      },
      {},
      NOW,
    ),
  ).toThrow(
    expect.objectContaining({
      status: 422,
      field: 'anchors.referral-received',
      message: expect.stringContaining("2011-06-02 is before the working-day calendar's coverage (from 2012-01-01)"),
    }),
  );
});

// A child born Wed 14 Feb 2035 (1 Jan 2035 is a Monday; 14 Feb is 44 days on), in care from Mon 13 Aug 2046,
// every year of it after GOV.UK's list (to Tue 26 Dec 2028): bank holidays projected by rule.
//  - 2046: 1 Jan is a Monday; 1 Aug is 212 days on (Wed), 31 Aug a Friday: summer bank holiday Mon 27 Aug.
//    From Mon 13 Aug: placement plan 5 WD -> Mon 20 Aug; care plan and PEP 10 WD: 14-17 (4), 20-24 (9),
//    Mon 27 skipped -> Tue 28 Aug; review and health assessment 20 WD: 28-31 (13), 3-7 Sep (18), Mon 10 (19),
//    Tue 11 Sep (20). Visit within a week -> Mon 20 Aug (calendar time: not provisional).
//  - eligible on the 16th birthday, Tue 14 Feb 2051 (in care since 11); 18 on Fri 14 Feb 2053, when care ends.
//  - 2051: 1 Jan is a Sunday; Easter Sun 2 Apr (computus: a = 18, h = 366 mod 30 = 6, l = 47 mod 7 = 5, 125 ->
//    2 Apr); 1 May is 120 days on, a Monday; 31 May a Wednesday: spring bank holiday Mon 29 May. Needs assessment
//    3 months after 16 -> Sun 14 May; done Fri 12 May: pathway plan 20 WD: 15-19 (5), 22-26 (10), Mon 29 skipped,
//    30 May - 2 Jun (14), 5-9 Jun (19), Mon 12 Jun 2051 (20).
//  - support ends at 21 (Mon 14 Feb 2056), or at 25 (Sat 14 Feb 2060) when asked for.
describe('a child born in 2035 comes into care and leaves it', () => {
  const PROVISIONAL =
    'provisional: bank holidays after Tue 26 Dec 2028 are projected by rule (Banking and Financial Dealings Act 1971, Schedule 1) until GOV.UK publishes them';
  const at = (iso: string) => Date.parse(`${iso}T12:00:00Z`);
  const send = (input: ClockInput, state: ClockState, event: object, now: number) => {
    const rejection = checkEvent(input, state, event as never, now);
    if (rejection) throw new Error(`${rejection.field}: ${rejection.message}`);
    applyEvent(input, state, event as never, now);
  };
  const dates = (input: ClockInput, state: ClockState, now: number) =>
    buildSchedule(input, state, now, 'wf').steps.map((s) => [s.key, s.status, s.dueDate, s.provisional ?? false]);

  test('in care at 11: every date computed, those counted in working days provisional; care ends at 18', () => {
    const now = at('2046-08-13');
    const input = starter.buildInput(
      {
        type: 'looked-after',
        caseId: 'BORN-2035',
        localAuthority: 'england',
        anchors: {
          'date-of-birth': '2035-02-14',
          'became-looked-after': '2046-08-13',
          'placement-start': '2046-08-13',
        },
        anchorKinds: { 'placement-start': 'foster-care' },
      },
      {},
      now,
    );
    const state = initialState(input);
    expect(dates(input, state, now)).toEqual([
      ['pep-initial', 'pending', '2046-08-28', true],
      ['health-assessment-initial', 'pending', '2046-09-11', true],
      ['lac-review', 'pending', '2046-09-11', true],
      ['health-assessment-review', 'awaiting-anchor', undefined, false],
      ['placement-plan', 'pending', '2046-08-20', true],
      ['statutory-visit', 'pending', '2046-08-20', false],
      ['care-plan', 'pending', '2046-08-28', true],
    ]);
    const steps = buildSchedule(input, state, now, 'wf').steps;
    const review = steps.find((s) => s.key === 'lac-review')!;
    expect(review.planBy).toBe('2046-09-11');
    expect(review.explanation).toContain(
      '20 working days after Mon 13 Aug 2046 (became-looked-after) = Tue 11 Sep 2046; not counted besides weekends: Mon 27 Aug 2046 (bank holiday); ' +
        PROVISIONAL,
    );
    expect(steps.find((s) => s.key === 'statutory-visit')!.explanation).not.toContain('provisional');
    expect(pendingMilestones(shapeOf('looked-after'), state).map((m) => [m.milestone.key, m.date])).toEqual([
      ['pathway-planning', '2051-02-14'],
      ['eighteenth-birthday', '2053-02-14'],
    ]);
    send(input, state, { type: 'anchor', anchor: 'ceased-looked-after', at: '2053-02-14' }, at('2053-02-15'));
    expect(state.finished).toMatchObject({ step: 'ceased-looked-after' });
  });

  test('the pathway plan from 16, provisional where it counts working days, support to 21 or 25', () => {
    const input = starter.buildInput(
      {
        type: 'pathway-plan',
        caseId: 'BORN-2035',
        localAuthority: 'england',
        anchors: { 'date-of-birth': '2035-02-14', 'sixteenth-birthday': '2051-02-14' },
      },
      {},
      at('2051-02-14'),
    );
    const state = initialState(input);
    expect(dates(input, state, at('2051-02-14'))).toEqual([
      ['needs-assessment', 'pending', '2051-05-14', false],
      ['pathway-plan', 'awaiting-anchor', undefined, false],
      ['pathway-plan-review', 'awaiting-anchor', undefined, false],
      ['pa-contact', 'awaiting-anchor', undefined, false],
    ]);
    send(
      input,
      state,
      { type: 'step-completed', step: 'needs-assessment', occurredAt: '2051-05-12' },
      at('2051-05-12'),
    );
    const plan = buildSchedule(input, state, at('2051-05-12'), 'wf').steps.find((s) => s.key === 'pathway-plan')!;
    expect(plan).toMatchObject({ status: 'pending', dueDate: '2051-06-12', provisional: true });
    expect(plan.explanation).toContain('not counted besides weekends: Mon 29 May 2051 (bank holiday); ' + PROVISIONAL);
    expect(pendingMilestones(shapeOf('pathway-plan'), state).map((m) => [m.milestone.key, m.date])).toEqual([
      ['twenty-first-birthday', '2056-02-14'],
      ['twenty-fifth-birthday', '2060-02-14'],
    ]);
    send(input, state, { type: 'anchor', anchor: 'support-to-25-requested', at: '2055-06-01' }, at('2055-06-01'));
    expect(pendingMilestones(shapeOf('pathway-plan'), state).map((m) => [m.milestone.key, m.date])).toEqual([
      ['twenty-fifth-birthday', '2060-02-14'],
    ]);
  });
});
