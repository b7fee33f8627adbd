// Looked-after children and care leavers as pure functions, England's rules (profiles/data/england.json):
// reg 28's visit variants, a placement move restarting the pattern, permanence after the first year, visits
// on request, reviews (20 WD, 3 months, 6 months, brought forward by a significant change), placement plans
// per placement, health reviews by age, eligibility as a care leaver and birthdays. Every expected date is
// worked by hand beside it (2029 bank holidays: 1 Jan, 30 Mar, 2 Apr, 7 May, 28 May, 27 Aug, 25-26 Dec).
import { anniversary } from '../../engine/calendar/localDate';
import { clockInput, registry } from '../support/clockInput';
import { applyEvent, checkEvent } from '../../engine/events';
import { pendingMilestones, eligibleCareLeaverFrom, milestoneViews } from '../../engine/compute/milestones';
import { toView } from '../../engine/explain/view';
import { memoView } from '../../engine/explain/memo';
import { currentDetails } from '../../engine/explain/details';
import { ProcessStarter } from '../../services/start';
import { buildSchedule } from '../../engine/compute/schedule';
import { initialState } from '../../engine/state';
import { shapeOf } from '../../engine/catalogue';
import type { ClockInput, ClockState } from '../../engine/types';

const NOW = Date.parse('2031-01-01T12:00:00Z');

function send(inp: ClockInput, state: ClockState, event: object, now = NOW) {
  const rejection = checkEvent(inp, state, event as never, now);
  if (rejection) throw new Error(`${rejection.field}: ${rejection.message}`);
  return applyEvent(inp, state, event as never, now);
}
const open = (inp: ClockInput, state: ClockState, key: string) =>
  buildSchedule(inp, state, NOW, 'wf').steps.find((s) => s.key === key && s.status !== 'completed')!;
const visit = (inp: ClockInput, state: ClockState, date: string, seen = true) =>
  send(inp, state, { type: 'step-completed', step: 'statutory-visit', occurredAt: date, seen });

function child(kind: string, dob = '2015-03-10') {
  const inp = clockInput(
    'england',
    'looked-after',
    { 'date-of-birth': dob, 'became-looked-after': '2029-01-08', 'placement-start': '2029-01-08' },
    { 'placement-start': kind },
  );
  return { inp, state: initialState(inp) };
}

describe('reg 28 visits', () => {
  test('connected person: weekly until the first review, then 4-weekly (reg 28(4))', () => {
    const { inp, state } = child('connected-person-temporary');
    // Placed Mon 8 Jan 2029; within one week -> Mon 15 Jan.
    expect(open(inp, state, 'statutory-visit')).toMatchObject({ occurrence: 1, dueDate: '2029-01-15' });
    visit(inp, state, '2029-01-14');
    // Sun 14 Jan + 1 week = Sun 21 Jan (weekly: no review yet). A Sunday stays the due date (calendar time).
    expect(open(inp, state, 'statutory-visit')).toMatchObject({ occurrence: 2, dueDate: '2029-01-21' });
    visit(inp, state, '2029-01-20');
    visit(inp, state, '2029-01-26');
    send(inp, state, { type: 'step-completed', step: 'lac-review', occurredAt: '2029-02-01' });
    // Counted from the visit of Fri 26 Jan, before the first review (Thu 1 Feb): still weekly -> Fri 2 Feb.
    expect(open(inp, state, 'statutory-visit')).toMatchObject({ occurrence: 4, dueDate: '2029-02-02' });
    expect(open(inp, state, 'statutory-visit').explanation).toContain('weekly until the first review');
    visit(inp, state, '2029-02-02');
    // After the first review: 4 weeks from Fri 2 Feb = Fri 2 Mar.
    expect(open(inp, state, 'statutory-visit')).toMatchObject({ occurrence: 5, dueDate: '2029-03-02' });
    expect(open(inp, state, 'statutory-visit').explanation).toContain('reg 28(4)');
  });

  test('a move restarts the pattern; the first year is 6-weekly; permanence after it makes visits 3-monthly', () => {
    const { inp, state } = child('connected-person-temporary');
    visit(inp, state, '2029-01-14');
    // Moved to foster care Mon 5 Mar 2029: the next visit is within one week of the new placement, Mon 12 Mar.
    send(inp, state, { type: 'anchor', anchor: 'placement-start', at: '2029-03-05', kind: 'foster-care' });
    expect(open(inp, state, 'statutory-visit')).toMatchObject({
      occurrence: 2,
      dueDate: '2029-03-12',
      countedFrom: expect.stringContaining('restarts'),
    });
    visit(inp, state, '2029-03-10');
    // First year of the placement: Sat 10 Mar + 6 weeks = Sat 21 Apr.
    expect(open(inp, state, 'statutory-visit')).toMatchObject({ occurrence: 3, dueDate: '2029-04-21' });
    send(inp, state, { type: 'anchor', anchor: 'permanence-agreed', at: '2029-09-01' });
    // Mon 4 Mar 2030 is still the first year (its anniversary is Tue 5 Mar 2030): + 6 weeks = Mon 15 Apr 2030.
    visit(inp, state, '2030-03-04');
    expect(open(inp, state, 'statutory-visit')).toMatchObject({ occurrence: 4, dueDate: '2030-04-15' });
    // Wed 10 Apr 2030: after the first year, permanent -> 3 months = Wed 10 Jul 2030.
    visit(inp, state, '2030-04-10');
    expect(open(inp, state, 'statutory-visit')).toMatchObject({ occurrence: 5, dueDate: '2030-07-10' });
    expect(open(inp, state, 'statutory-visit').explanation).toContain('reg 28(2)(c)(i)');
  });

  test('not agreed as permanent: 6-weekly after the first year too; a request brings the visit forward', () => {
    const { inp, state } = child('foster-care');
    visit(inp, state, '2029-01-14');
    visit(inp, state, '2029-03-10');
    // A request made before the last visit does not count; one made after it does: Mon 19 Mar + 5 WD = Mon 26 Mar.
    expect(open(inp, state, 'statutory-visit').dueDate).toBe('2029-04-21');
    send(inp, state, { type: 'anchor', anchor: 'visit-requested', at: '2029-03-19' });
    expect(open(inp, state, 'statutory-visit')).toMatchObject({
      dueDate: '2029-03-26',
      countedFrom: 'visit-requested',
    });
    visit(inp, state, '2029-03-23');
    expect(open(inp, state, 'statutory-visit').dueDate).toBe('2029-05-04'); // Fri 23 Mar + 6 weeks
    visit(inp, state, '2030-04-10');
    expect(open(inp, state, 'statutory-visit').dueDate).toBe('2030-05-22'); // no permanence: Wed 10 Apr 2030 + 6 weeks
  });

  test('a placement needs its type; a no-access visit leaves the visit due', () => {
    const { inp, state } = child('foster-care');
    expect(
      checkEvent(inp, state, { type: 'anchor', anchor: 'placement-start', at: '2029-03-05' } as never, NOW),
    ).toMatchObject({ field: 'kind' });
    expect(
      checkEvent(
        inp,
        state,
        { type: 'anchor', anchor: 'placement-start', at: '2029-03-05', kind: 'castle' } as never,
        NOW,
      ),
    ).toMatchObject({ field: 'kind' });
    visit(inp, state, '2029-01-13', false);
    expect(open(inp, state, 'statutory-visit')).toMatchObject({ occurrence: 1, dueDate: '2029-01-15' });
  });
});

describe('reviews, plans and health', () => {
  test('20 WD, then 3 months, then 6 months; a significant change brings the next one forward', () => {
    const { inp, state } = child('foster-care');
    // Mon 8 Jan 2029 + 20 WD: 9-12 (4), 15-19 (9), 22-26 (14), 29 Jan-2 Feb (19), Mon 5 Feb (20).
    expect(open(inp, state, 'lac-review')).toMatchObject({
      occurrence: 1,
      dueDate: '2029-02-05',
      planBy: '2029-02-05',
    });
    send(inp, state, { type: 'step-completed', step: 'lac-review', occurredAt: '2029-02-01' });
    expect(open(inp, state, 'lac-review')).toMatchObject({ occurrence: 2, dueDate: '2029-05-01' }); // Thu 1 Feb + 3 months
    send(inp, state, { type: 'step-completed', step: 'lac-review', occurredAt: '2029-04-30' });
    expect(open(inp, state, 'lac-review')).toMatchObject({ occurrence: 3, dueDate: '2029-10-30' }); // Mon 30 Apr + 6 months
    // Significant change Mon 11 Jun 2029: + 20 WD (12-15 Jun 4, 18-22 9, 25-29 14, 2-6 Jul 19, Mon 9 Jul 20).
    send(inp, state, { type: 'anchor', anchor: 'significant-change', at: '2029-06-11' });
    expect(open(inp, state, 'lac-review')).toMatchObject({
      occurrence: 3,
      dueDate: '2029-07-09',
      countedFrom: 'significant-change',
    });
  });

  test('a placement plan per placement; the care plan counts from the first placement only', () => {
    const { inp, state } = child('foster-care');
    expect(open(inp, state, 'placement-plan')).toMatchObject({ occurrence: 1, dueDate: '2029-01-15' }); // + 5 WD
    send(inp, state, { type: 'step-completed', step: 'placement-plan', occurredAt: '2029-01-10' });
    send(inp, state, { type: 'anchor', anchor: 'placement-start', at: '2029-03-05', kind: 'residential' });
    expect(open(inp, state, 'placement-plan')).toMatchObject({ occurrence: 2, dueDate: '2029-03-12' }); // Mon 5 Mar + 5 WD
    expect(open(inp, state, 'care-plan').dueDate).toBe('2029-01-22'); // Mon 8 Jan + 10 WD, not moved by the move
  });

  test('health reviews every 12 months from 5, every 6 months before', () => {
    const older = child('foster-care');
    send(older.inp, older.state, {
      type: 'step-completed',
      step: 'health-assessment-initial',
      occurredAt: '2029-02-01',
    });
    expect(open(older.inp, older.state, 'health-assessment-review')).toMatchObject({
      occurrence: 1,
      dueDate: '2030-02-01',
    });
    const young = child('foster-care', '2026-05-01');
    send(young.inp, young.state, {
      type: 'step-completed',
      step: 'health-assessment-initial',
      occurredAt: '2029-02-01',
    });
    expect(open(young.inp, young.state, 'health-assessment-review')).toMatchObject({
      occurrence: 1,
      dueDate: '2029-08-01',
    });
    // Reviews Wed 1 Aug 2029 and Thu 31 Jan 2030 (aged 3: 6-monthly); Fri 2 May 2031 is the day after the 5th
    // birthday (Thu 1 May 2031), so the next is 12 months on: Sun 2 May 2032.
    send(
      young.inp,
      young.state,
      { type: 'step-completed', step: 'health-assessment-review', occurredAt: '2029-08-01' },
      Date.parse('2031-06-01T12:00:00Z'),
    );
    send(
      young.inp,
      young.state,
      { type: 'step-completed', step: 'health-assessment-review', occurredAt: '2030-01-31' },
      Date.parse('2031-06-01T12:00:00Z'),
    );
    send(
      young.inp,
      young.state,
      { type: 'step-completed', step: 'health-assessment-review', occurredAt: '2031-05-02' },
      Date.parse('2031-06-01T12:00:00Z'),
    );
    expect(open(young.inp, young.state, 'health-assessment-review')).toMatchObject({
      occurrence: 4,
      dueDate: '2032-05-02',
    });
  });

  test('ceasing to be looked after ends the process; it cannot be recorded ahead of time', () => {
    const { inp, state } = child('foster-care');
    expect(
      checkEvent(inp, state, { type: 'anchor', anchor: 'ceased-looked-after', at: '2031-02-01' } as never, NOW),
    ).toMatchObject({ field: 'at' });
    send(inp, state, { type: 'anchor', anchor: 'ceased-looked-after', at: '2030-06-01' });
    expect(state.finished).toMatchObject({ step: 'ceased-looked-after' });
    expect(
      buildSchedule(inp, state, NOW, 'wf')
        .steps.filter((s) => s.status !== 'completed')
        .every((s) => s.status === 'cancelled'),
    ).toBe(true);
  });
});

test('a step due before the child came into care does not apply (Derbyshire: leaving-care referral a month before 16)', () => {
  // Born Tue 10 Mar 2015: 191 months on is Mon 10 Feb 2031.
  const early = clockInput('derbyshire', 'looked-after', {
    'date-of-birth': '2015-03-10',
    'became-looked-after': '2029-01-08',
  });
  expect(open(early, initialState(early), 'leaving-care-referral')).toMatchObject({
    dueDate: '2031-02-10',
    status: 'pending',
  });
  const late = clockInput('derbyshire', 'looked-after', {
    'date-of-birth': '2015-03-10',
    'became-looked-after': '2031-05-01',
  });
  const view = buildSchedule(late, initialState(late), NOW, 'wf').steps.find((s) => s.key === 'leaving-care-referral')!;
  expect(view).toMatchObject({ dueDate: '2031-02-10', status: 'cancelled', escalations: [] });
  expect(view.explanation).toContain('does not apply: due before became-looked-after (2031-05-01)');
});

describe('care leavers: eligibility and birthdays', () => {
  test('eligible on the 16th birthday, or when 13 weeks since 14 are served, never at 18', () => {
    // In care from 13: the 13 weeks from the 14th birthday (Sat 10 Mar 2029) end Sat 9 Jun 2029; 16 on Mon 10 Mar 2031.
    expect(eligibleCareLeaverFrom('2015-03-10', '2029-01-08')).toEqual({
      date: '2031-03-10',
      anchor: 'sixteenth-birthday',
    });
    // In care from Mon 20 Jan 2031, nearly 16: 20 Jan + 91 days = Mon 21 Apr 2031.
    expect(eligibleCareLeaverFrom('2015-03-10', '2031-01-20')).toEqual({
      date: '2031-04-21',
      anchor: 'became-eligible',
    });
    // From Wed 1 Dec 2032: 13 weeks end Wed 2 Mar 2033, before the 18th birthday (Thu 10 Mar 2033).
    expect(eligibleCareLeaverFrom('2015-03-10', '2032-12-01')).toEqual({
      date: '2033-03-02',
      anchor: 'became-eligible',
    });
    // From Fri 10 Dec 2032: 13 weeks end Fri 11 Mar 2033, after 18: never eligible in this episode.
    expect(eligibleCareLeaverFrom('2015-03-10', '2032-12-10')).toBeUndefined();
  });

  test('a 29 February birthday falls on 1 March in a common year', () => {
    expect(anniversary('2012-02-29', 16)).toBe('2028-02-29');
    expect(anniversary('2012-02-29', 18)).toBe('2030-03-01');
  });

  test('pathway plan: ends at 21 unless support to 25 was asked for', () => {
    const inp = clockInput('england', 'pathway-plan', {
      'date-of-birth': '2015-03-10',
      'sixteenth-birthday': '2031-03-10',
    });
    const state = initialState(inp);
    // Needs assessment within 3 months of the 16th birthday, Mon 10 Mar 2031 -> Tue 10 Jun 2031.
    expect(open(inp, state, 'needs-assessment').dueDate).toBe('2031-06-10');
    expect(pendingMilestones(shapeOf('pathway-plan'), state).map((m) => [m.milestone.key, m.date])).toEqual([
      ['twenty-first-birthday', '2036-03-10'],
      ['twenty-fifth-birthday', '2040-03-10'],
    ]);
    send(inp, state, { type: 'anchor', anchor: 'support-to-25-requested', at: '2030-12-01' });
    expect(pendingMilestones(shapeOf('pathway-plan'), state).map((m) => m.milestone.key)).toEqual([
      'twenty-fifth-birthday',
    ]);
  });
});

describe('milestones in the view, with the law (issue 17)', () => {
  // Born Wed 29 Feb 2012. 14th birthday 2026, a common year: Sun 1 Mar 2026. Looked after from Mon 2 Mar
  // 2026: 13 weeks (91 days) served Mon 1 Jun 2026, long before 16. 16th birthday 2028, a leap year: Tue
  // 29 Feb 2028 (eligible that day). 18th birthday 2030, a common year: Fri 1 Mar 2030 (FLRA 1969 s9).
  const inp = clockInput(
    'england',
    'looked-after',
    { 'date-of-birth': '2012-02-29', 'became-looked-after': '2026-03-02', 'placement-start': '2026-03-02' },
    { 'placement-start': 'foster-care' },
  );
  const state = initialState(inp);
  const AGE = 'a person attains an age at the start of their birthday, Family Law Reform Act 1969 s9';

  test('each dated from the facts, the rule in words; a 29 February birthday explained', () => {
    expect(
      milestoneViews(shapeOf('looked-after'), state, inp.rules.anchors).map((m) => [m.key, m.date, m.rule, m.birthday]),
    ).toEqual([
      ['sixteenth-birthday', '2028-02-29', `16th birthday: Tue 29 Feb 2028 (born 29 Feb 2012; ${AGE})`, true],
      [
        'pathway-planning',
        '2028-02-29',
        'eligible care leaver: Tue 29 Feb 2028 (the 16th birthday, 13 weeks looked after since 14 already served; Children Act 1989 Sch 2 para 19B; CPPCR 2010 reg 40(1))',
        true,
      ],
      [
        'eighteenth-birthday',
        '2030-03-01',
        '18th birthday: Fri 1 Mar 2030 (born 29 Feb 2012; in a year without 29 February a birthday falls on 1 March, Family Law Reform Act 1969 s9)',
        true,
      ],
    ]);
  });

  test('in the API view; withheld from the memo and dated only in the API in the Temporal UI', () => {
    const view = toView(inp, state, buildSchedule(inp, state, NOW, 'wf'), 'wf', false);
    expect(view.milestones?.map((m) => m.key)).toEqual([
      'sixteenth-birthday',
      'pathway-planning',
      'eighteenth-birthday',
    ]);
    expect(memoView(inp, state, view).milestones).toEqual([]);
    const details = currentDetails(inp, view);
    expect(details).toContain(
      "- `eighteenth-birthday`: 18th birthday: date in the API's view (born 29 February: in a year without 29 February a birthday falls on 1 March, Family Law Reform Act 1969 s9); reached 18",
    );
    expect(details).not.toMatch(/2030|2028|29 Feb 2012/);
  });

  test('eligible after 16: the date is not a birthday, and is shown', () => {
    // Born Tue 10 Mar 2015, looked after from Mon 20 Jan 2031: 20 Jan + 91 days = Mon 21 Apr 2031, after the 16th birthday (Mon 10 Mar 2031).
    const late = clockInput(
      'england',
      'looked-after',
      { 'date-of-birth': '2015-03-10', 'became-looked-after': '2031-01-20', 'placement-start': '2031-01-20' },
      { 'placement-start': 'foster-care' },
    );
    const m = milestoneViews(shapeOf('looked-after'), initialState(late), late.rules.anchors).find(
      (x) => x.key === 'pathway-planning',
    )!;
    expect(m).toMatchObject({
      date: '2031-04-21',
      birthday: false,
      rule: 'eligible care leaver: Mon 21 Apr 2031 (13 weeks looked after since the 14th birthday served, aged 16 or over; Children Act 1989 Sch 2 para 19B; CPPCR 2010 reg 40(1))',
    });
  });
});

describe("a sixteenth-birthday anchor must be the date of birth's 16th birthday", () => {
  const starter = new ProcessStarter({} as never, registry, 'q');
  const start = (anchors: Record<string, string>) => () =>
    starter.buildInput({ type: 'pathway-plan', caseId: 'P1', localAuthority: 'england', anchors }, {}, NOW);

  test('a contradiction is refused naming the field; the true birthday starts', () => {
    // Born Tue 10 Mar 2015: 16 on Mon 10 Mar 2031.
    expect(start({ 'date-of-birth': '2015-03-10', 'sixteenth-birthday': '2031-03-11' })).toThrow(
      expect.objectContaining({
        status: 422,
        field: 'anchors.sixteenth-birthday',
        message: '2031-03-11 is not the 16th birthday of a child born 2015-03-10: that is 2031-03-10',
      }),
    );
    expect(start({ 'date-of-birth': '2015-03-10', 'sixteenth-birthday': '2031-03-10' })).not.toThrow();
    // Born 29 Feb 2012: 2028 is a leap year, so the 16th birthday is Tue 29 Feb 2028, not 1 Mar.
    expect(start({ 'date-of-birth': '2012-02-29', 'sixteenth-birthday': '2028-03-01' })).toThrow(
      expect.objectContaining({
        field: 'anchors.sixteenth-birthday',
        message: '2028-03-01 is not the 16th birthday of a child born 2012-02-29: that is 2028-02-29',
      }),
    );
  });

  test('a correction by event that would contradict is refused, nothing changed', () => {
    const inp = clockInput('england', 'pathway-plan', {
      'date-of-birth': '2015-03-10',
      'sixteenth-birthday': '2031-03-10',
    });
    const state = initialState(inp);
    expect(checkEvent(inp, state, { type: 'anchor', anchor: 'date-of-birth', at: '2015-03-11' }, NOW)).toEqual({
      field: 'at',
      message: '2031-03-10 is not the 16th birthday of a child born 2015-03-11: that is 2031-03-11',
    });
    expect(state.anchors['date-of-birth']).toBe('2015-03-10');
  });
});
