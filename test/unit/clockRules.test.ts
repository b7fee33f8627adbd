// What the clocks count, read again from the standards: a visit needs the child seen; the national date
// runs beside a later LA rule and the earlier applies; rules read wrongly before, corrected with their seed
// line. Expected dates worked by hand beside each test on the England and Wales calendar (Christmas 2026:
// Fri 25 Dec, Boxing Day substitute Mon 28 Dec; New Year's Day Fri 1 Jan 2027). No LA closure days are given.
import { applyEvent, checkEvent } from '../../engine/events';
import { buildSchedule } from '../../engine/compute/schedule';
import { initialState } from '../../engine/state';
import type { ClockInput, ClockState } from '../../engine/types';
import { handoverAnchors, shapeOf } from '../../engine/catalogue';
import { clockInput } from '../support/clockInput';

const at = (s: string) => Date.parse(s);

function send(inp: ClockInput, state: ClockState, event: object, now: number) {
  const rejection = checkEvent(inp, state, event as never, now);
  if (rejection) throw new Error(`${rejection.field}: ${rejection.message}`);
  return applyEvent(inp, state, event as never, now);
}
const step = (s: ReturnType<typeof buildSchedule>, key: string) =>
  s.steps.find((x) => x.key === key && x.status !== 'completed') ?? s.steps.find((x) => x.key === key)!;

describe('the child seen', () => {
  test('every LA: the initial visit completes only when the child was seen; a no-access visit is told and leaves it due', () => {
    for (const la of ['derbyshire', 'northamptonshire', 'bracknell-forest', 'york']) {
      const inp = clockInput(la, 'single-assessment', {
        'referral-received': '2026-11-02T10:00:00Z',
        'referral-decision': '2026-11-02T15:00:00Z',
      });
      const state = initialState(inp);
      if (la === 'york')
        send(
          inp,
          state,
          { type: 'step-completed', step: 'allocation', occurredAt: '2026-11-03T09:00:00Z' },
          at('2026-11-03T09:00:00Z'),
        );
      const visit = { type: 'step-completed', step: 'initial-visit', occurredAt: '2026-11-04T10:00:00Z' };
      expect([la, checkEvent(inp, state, visit as never, at('2026-11-04T12:00:00Z'))?.field]).toEqual([la, 'seen']);
      send(inp, state, { ...visit, seen: false }, at('2026-11-04T12:00:00Z'));
      const s = buildSchedule(inp, state, at('2026-11-04T12:00:00Z'), 'wf');
      expect([la, step(s, 'initial-visit').status, step(s, 'initial-visit').noAccess]).toEqual([
        la,
        'pending',
        [{ occurredAt: '2026-11-04T10:00:00Z' }],
      ]);
      // The no-access visit is told to the team manager at once.
      expect([la, s.decisions.map((d) => [d.step.key, d.role])]).toEqual([la, [['initial-visit', 'team-manager']]]);
      send(inp, state, { ...visit, occurredAt: '2026-11-05T10:00:00Z', seen: true }, at('2026-11-05T12:00:00Z'));
      expect([la, step(buildSchedule(inp, state, at('2026-11-05T12:00:00Z'), 'wf'), 'initial-visit').status]).toEqual([
        la,
        'completed',
      ]);
    }
  });

  test('Derbyshire: seen within 24 hours of the S47 starting (000 L570); the start must carry its time', () => {
    // Strategy discussion Mon 4 Jan 2027 10:00 GMT starts the S47: child-seen late after Tue 5 Jan 10:00 GMT,
    // and then, as every hour rule, the duty manager is told at once: on time at the instant itself, so the
    // breach is decided 1 ms after it.
    const inp = clockInput('derbyshire', 'child-protection-enquiry', { 'concern-raised': '2027-01-04T08:00:00Z' });
    const state = initialState(inp);
    const dateOnly = { type: 'step-completed', step: 'strategy-discussion', occurredAt: '2027-01-04', outcome: 's47' };
    expect(checkEvent(inp, state, dateOnly as never, at('2027-01-04T12:00:00Z'))).toEqual({
      field: 'occurredAt',
      message: "'s47-start' starts a 24-hour clock (child-seen): give its time and offset, not a date alone",
    });
    send(inp, state, { ...dateOnly, occurredAt: '2027-01-04T10:00:00Z' }, at('2027-01-04T12:00:00Z'));
    const s = buildSchedule(inp, state, at('2027-01-04T12:00:00Z'), 'wf');
    expect(step(s, 'child-seen')).toMatchObject({
      status: 'pending',
      dueDate: '2027-01-05',
      anchorAt: '2027-01-04T10:00:00Z',
      rule: { value: 24, unit: 'hours', source: { lines: 570 } },
    });
    const late = buildSchedule(inp, state, at('2027-01-05T10:00:01Z'), 'wf');
    expect(late.decisions.map((d) => [d.step.key, d.tier, d.role, new Date(d.firesAt).toISOString()])).toEqual([
      ['child-seen', 'overdue', 'duty-manager', '2027-01-05T10:00:00.001Z'],
    ]);
  });

  test('York: seen within 24 hours of the S47 starting (004 L400)', () => {
    const inp = clockInput('york', 'child-protection-enquiry', { 'concern-raised': '2027-01-04T08:00:00Z' });
    const state = initialState(inp);
    send(
      inp,
      state,
      { type: 'step-completed', step: 'strategy-discussion', occurredAt: '2027-01-04T10:00:00Z', outcome: 's47' },
      at('2027-01-04T12:00:00Z'),
    );
    expect(step(buildSchedule(inp, state, at('2027-01-04T12:00:00Z'), 'wf'), 'child-seen')).toMatchObject({
      dueDate: '2027-01-05',
      rule: { source: { lines: 400 } },
    });
  });
});

describe('never later than statute', () => {
  test("Derbyshire's initial visit: 5 WD from the decision (L17) or 7 WD from the referral (L506), whichever is earlier", () => {
    // Referral Mon 2 Nov 2026. Decided on time, Tue 3 Nov: L17 5 WD -> Tue 10 Nov; L506 7 WD -> Wed 11 Nov.
    const onTime = clockInput('derbyshire', 'single-assessment', {
      'referral-received': '2026-11-02T10:00:00Z',
      'referral-decision': '2026-11-03T10:00:00Z',
    });
    expect(
      step(buildSchedule(onTime, initialState(onTime), at('2026-11-03T12:00:00Z'), 'wf'), 'initial-visit'),
    ).toMatchObject({ dueDate: '2026-11-10', countedFrom: 'referral-decision' });
    // Decided late, Fri 6 Nov: L17 -> Fri 13 Nov; L506 -> Wed 11 Nov, which applies.
    const late = clockInput('derbyshire', 'single-assessment', {
      'referral-received': '2026-11-02T10:00:00Z',
      'referral-decision': '2026-11-06T10:00:00Z',
    });
    const v = step(buildSchedule(late, initialState(late), at('2026-11-06T12:00:00Z'), 'wf'), 'initial-visit');
    expect(v).toMatchObject({ dueDate: '2026-11-11', countedFrom: 'referral-received' });
    expect(v.timings!.map((t) => [t.countedFrom, t.dueDate, t.applies])).toEqual([
      ['referral-received', '2026-11-11', true],
      ['referral-decision', '2026-11-13', false],
    ]);
  });

  test("Derbyshire's assessment: the national 45 WD from the referral runs beside the LA's 45 WD from the decision", () => {
    // Referral Mon 2 Nov 2026, decided late Fri 6 Nov. National: 45 WD from Mon 2 Nov = Thu 7 Jan 2027 (Nov
    // 3-6 (4), 9-13 (9), 16-20 (14), 23-27 (19), 30 Nov-4 Dec (24), 7-11 (29), 14-18 (34), 21-24 (38), [25, 28],
    // 29-31 (41), [1 Jan], 4-7 (45)). Derbyshire (000 L507): 45 WD from Fri 6 Nov = Wed 13 Jan 2027 (Nov 9-13 (5),
    // ... 21-24 (34), 29-31 (37), 4-8 Jan (42), 11-13 (45)). The national date applies and drives the ladder:
    // overdue +1 WD Fri 8 Jan 2027 09:00 GMT, to the team manager.
    const inp = clockInput('derbyshire', 'single-assessment', {
      'referral-received': '2026-11-02T10:00:00Z',
      'referral-decision': '2026-11-06T10:00:00Z',
    });
    const state = initialState(inp);
    const s = buildSchedule(inp, state, at('2026-11-06T12:00:00Z'), 'wf');
    const a = step(s, 'assessment-complete');
    expect(a).toMatchObject({
      dueDate: '2027-01-07',
      countedFrom: 'referral-received',
      rule: { anchor: 'referral-decision', value: 45 },
    });
    expect(a.timings!.map((t) => [t.countedFrom, t.dueDate, t.kind, t.applies])).toEqual([
      ['referral-received', '2027-01-07', 'statutory', true],
      ['referral-decision', '2027-01-13', 'local', false],
    ]);
    expect(a.explanation).toContain('the national rule (statutory), which comes first here');
    expect(a.explanation).toContain("the LA's own rule, 45 working days from referral-decision would give 2027-01-13");
    const overdue = buildSchedule(inp, state, at('2027-01-08T09:00:00Z'), 'wf');
    expect(
      overdue.decisions.map((d) => [d.step.key, d.tier, d.role, new Date(d.firesAt).toISOString()]),
    ).toContainEqual(['assessment-complete', 'overdue', 'team-manager', '2027-01-08T09:00:00.000Z']);
    // Authorised Mon 11 Jan 2027: inside Derbyshire's date, past statute's: late.
    send(
      inp,
      state,
      {
        type: 'step-completed',
        step: 'assessment-complete',
        occurredAt: '2027-01-11T10:00:00Z',
        outcome: 'no-further-action',
      },
      at('2027-01-11T10:00:00Z'),
    );
    expect(state.completions['assessment-complete'][0]).toMatchObject({ late: true, dueDate: '2027-01-07' });
  });
});

describe('rules read again', () => {
  test('Derbyshire: the conference sets the CP visiting pattern, longer than the default too, agreed by its chair (000 L570)', () => {
    const inp = clockInput('derbyshire', 'child-protection-plan', { icpc: '2027-01-04T10:00:00Z' });
    const state = initialState(inp);
    const every = {
      type: 'set-interval',
      step: 'cp-visit',
      every: { value: 20, unit: 'working-days' },
      reason: 'pattern agreed at the ICPC',
    };
    expect(checkEvent(inp, state, every as never, at('2027-01-04T12:00:00Z'))).toMatchObject({ field: 'agreedBy' });
    expect(
      checkEvent(inp, state, { ...every, agreedBy: 'cp-chair' } as never, at('2027-01-04T12:00:00Z')),
    ).toBeUndefined();
    // England sets no such freedom: its default is the longest interval.
    const eng = clockInput('england', 'child-protection-plan', { icpc: '2027-01-04T10:00:00Z' });
    expect(
      checkEvent(eng, initialState(eng), { ...every, agreedBy: 'cp-chair' } as never, at('2027-01-04T12:00:00Z')),
    ).toMatchObject({ field: 'every' });
  });

  test("York: a placement visit within 24 hours, counted in hours from the placement's time (004 L212, L447)", () => {
    // Placed Mon 4 Jan 2027 18:00 GMT: visit due by Tue 5 Jan 18:00 GMT (a calendar-day reading gave the end of Tue 5 Jan);
    // late, and told to the duty manager, from 1 ms after that instant.
    const inp = clockInput(
      'york',
      'looked-after',
      {
        'date-of-birth': '2015-06-01',
        'became-looked-after': '2027-01-04T18:00:00Z',
        'placement-start': '2027-01-04T18:00:00Z',
      },
      { 'placement-start': 'foster-care' },
    );
    const state = initialState(inp);
    const s = buildSchedule(inp, state, at('2027-01-04T19:00:00Z'), 'wf');
    expect(step(s, 'placement-day-visit')).toMatchObject({ dueDate: '2027-01-05', rule: { value: 24, unit: 'hours' } });
    const late = buildSchedule(inp, state, at('2027-01-05T18:00:01Z'), 'wf');
    expect(
      late.decisions
        .filter((d) => d.step.key === 'placement-day-visit')
        .map((d) => [d.tier, d.role, new Date(d.firesAt).toISOString()]),
    ).toEqual([['overdue', 'duty-manager', '2027-01-05T18:00:00.001Z']]);
    // A move recorded by its date alone is refused: the 24 hours need its time.
    expect(
      checkEvent(
        inp,
        state,
        { type: 'anchor', anchor: 'placement-start', at: '2027-02-01', kind: 'foster-care' } as never,
        at('2027-02-01T12:00:00Z'),
      ),
    ).toEqual({
      field: 'at',
      message:
        "'placement-start' starts a 24-hour clock (placement-day-visit): give its time and offset, not a date alone",
    });
  });

  test('Derbyshire: the child seen at least 6-weekly during the assessment (000 L506); York regularly (004 L132)', () => {
    // Derbyshire: initial visit (child seen) Tue 10 Nov 2026 -> next within 6 weeks, Tue 22 Dec 2026.
    const derb = clockInput('derbyshire', 'single-assessment', {
      'referral-received': '2026-11-02T10:00:00Z',
      'referral-decision': '2026-11-03T10:00:00Z',
    });
    const ds = initialState(derb);
    send(
      derb,
      ds,
      { type: 'step-completed', step: 'initial-visit', occurredAt: '2026-11-10T10:00:00Z', seen: true },
      at('2026-11-10T12:00:00Z'),
    );
    expect(step(buildSchedule(derb, ds, at('2026-11-10T12:00:00Z'), 'wf'), 'assessment-visit')).toMatchObject({
      status: 'pending',
      dueDate: '2026-12-22',
      rule: { source: { lines: 506 } },
    });
    // York: allocated Tue 3 Nov, first seen Thu 5 Nov -> 20 WD: Nov 6 (1), 9-13 (6), 16-20 (11), 23-27 (16), 30 Nov-3 Dec (20) = Thu 3 Dec 2026.
    const york = clockInput('york', 'single-assessment', {
      'referral-received': '2026-11-02T10:00:00Z',
      'referral-decision': '2026-11-02T15:00:00Z',
    });
    const ys = initialState(york);
    send(
      york,
      ys,
      { type: 'step-completed', step: 'allocation', occurredAt: '2026-11-03T09:00:00Z' },
      at('2026-11-03T09:00:00Z'),
    );
    send(
      york,
      ys,
      { type: 'step-completed', step: 'initial-visit', occurredAt: '2026-11-05T10:00:00Z', seen: true },
      at('2026-11-05T12:00:00Z'),
    );
    expect(step(buildSchedule(york, ys, at('2026-11-05T12:00:00Z'), 'wf'), 'assessment-visit')).toMatchObject({
      dueDate: '2026-12-03',
      rule: { source: { lines: 132 } },
    });
  });

  test("Northamptonshire: the first CIN meeting within 10 WD of the assessment's start (001 L450, L537)", () => {
    // Assessment started Mon 2 Nov 2026, plan agreed Tue 1 Dec: 10 WD after Mon 2 Nov = Mon 16 Nov 2026
    // (3-6 (4), 9-13 (9), 16 (10)): already late when the plan starts, as the LA's rule says.
    const withStart = clockInput('northamptonshire', 'child-in-need-plan', {
      'assessment-start': '2026-11-02',
      'plan-agreed': '2026-12-01T10:00:00Z',
    });
    expect(
      step(buildSchedule(withStart, initialState(withStart), at('2026-12-01T12:00:00Z'), 'wf'), 'cin-plan'),
    ).toMatchObject({ dueDate: '2026-11-16', countedFrom: 'assessment-start', rule: { source: { lines: 450 } } });
    // No assessment before the plan (from an S47): 10 WD after Tue 1 Dec = Tue 15 Dec 2026 (2-4 (3), 7-11 (8), 14-15 (10)).
    const noStart = clockInput('northamptonshire', 'child-in-need-plan', { 'plan-agreed': '2026-12-01T10:00:00Z' });
    expect(
      step(buildSchedule(noStart, initialState(noStart), at('2026-12-01T12:00:00Z'), 'wf'), 'cin-plan'),
    ).toMatchObject({ dueDate: '2026-12-15', countedFrom: 'plan-agreed' });
    // The assessment hands over its recorded start, else the decision that started it.
    const starts = shapeOf('single-assessment').outcomes['assessment-complete']['child-in-need-plan'].starts!;
    expect(
      handoverAnchors(
        starts,
        { 'referral-decision': '2026-11-03T10:00:00Z', 'assessment-start': '2026-11-02' },
        '2026-12-01T10:00:00Z',
      ),
    ).toEqual({ 'plan-agreed': '2026-12-01T10:00:00Z', 'assessment-start': '2026-11-02' });
    expect(handoverAnchors(starts, { 'referral-decision': '2026-11-03T10:00:00Z' }, '2026-12-01T10:00:00Z')).toEqual({
      'plan-agreed': '2026-12-01T10:00:00Z',
      'assessment-start': '2026-11-03T10:00:00Z',
    });
  });
});

describe('immediate concerns, recorded with the decision', () => {
  // York decides Mon 4 Jan 2027 15:00 GMT on a referral received at 09:00: strategy discussion, immediate
  // concerns. The enquiry it starts has the concern at the referral (09:00) and the immediate concern at the
  // decision (15:00). York's discussion: 1 WD from the concern (Tue 5 Jan, end of day) or, with immediate
  // concerns, 24 hours from the decision (Tue 5 Jan 15:00 GMT, 004 L400); the earlier applies.
  test('York: the strategy discussion within 24 hours (004 L400); Bracknell acts within 24 hours (002 L165)', () => {
    const ref = clockInput('york', 'referral', { 'referral-received': '2027-01-04T09:00:00Z' });
    const state = initialState(ref);
    const decision = {
      type: 'step-completed',
      step: 'referral-decision',
      occurredAt: '2027-01-04T15:00:00Z',
      outcome: 'strategy-discussion',
      immediateConcern: true,
    };
    expect(
      checkEvent(ref, state, { ...decision, occurredAt: '2027-01-04' } as never, at('2027-01-04T16:00:00Z')),
    ).toMatchObject({ field: 'occurredAt' });
    expect(
      checkEvent(ref, state, { ...decision, outcome: 'early-help' } as never, at('2027-01-04T16:00:00Z')),
    ).toMatchObject({ field: 'immediateConcern' });
    send(ref, state, decision, at('2027-01-04T16:00:00Z'));
    const handed = handoverAnchors(
      shapeOf('referral').outcomes['referral-decision']['strategy-discussion'].starts!,
      {
        'referral-received': '2027-01-04T09:00:00Z',
        'immediate-concern': state.anchors['immediate-concern'] as string,
      },
      '2027-01-04T15:00:00Z',
    );
    expect(handed).toEqual({ 'concern-raised': '2027-01-04T09:00:00Z', 'immediate-concern': '2027-01-04T15:00:00Z' });
    const york = clockInput('york', 'child-protection-enquiry', handed);
    const sd = step(buildSchedule(york, initialState(york), at('2027-01-04T16:00:00Z'), 'wf'), 'strategy-discussion');
    expect(sd).toMatchObject({
      countedFrom: 'immediate-concern',
      dueDate: '2027-01-05',
      rule: { value: 1, unit: 'working-days' },
    });
    expect(sd.timings!.map((t) => [t.countedFrom, t.value, t.unit, t.applies])).toEqual([
      ['immediate-concern', 24, 'hours', true],
      ['concern-raised', 1, 'working-days', false],
    ]);
    // Without immediate concerns the discussion keeps York's 1 WD and Bracknell's step waits, never due.
    const plain = clockInput('york', 'child-protection-enquiry', { 'concern-raised': '2027-01-04T09:00:00Z' });
    expect(
      step(buildSchedule(plain, initialState(plain), at('2027-01-04T16:00:00Z'), 'wf'), 'strategy-discussion'),
    ).toMatchObject({ countedFrom: 'concern-raised', dueDate: '2027-01-05' });
    const bf = clockInput('bracknell-forest', 'child-protection-enquiry', handed);
    expect(
      step(buildSchedule(bf, initialState(bf), at('2027-01-04T16:00:00Z'), 'wf'), 'immediate-protection'),
    ).toMatchObject({ status: 'pending', dueDate: '2027-01-05', rule: { source: { lines: 165 } } });
    const bfPlain = clockInput('bracknell-forest', 'child-protection-enquiry', {
      'concern-raised': '2027-01-04T09:00:00Z',
    });
    expect(
      step(buildSchedule(bfPlain, initialState(bfPlain), at('2027-01-04T16:00:00Z'), 'wf'), 'immediate-protection'),
    ).toMatchObject({ status: 'awaiting-anchor' });
  });
});
