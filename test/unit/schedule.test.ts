// The engine as a pure function: due dates, the ladder's instants, and event checks. Expected
// instants are worked by hand from the profile's ladder (reminder -2 WD, overdue +1, escalated +3,
// critical +6 working days from the due date, at 09:00 Europe/London).
import { clockInput } from '../support/clockInput';
import { checkEvent, applyEvent } from '../../engine/events';
import { buildSchedule } from '../../engine/compute/schedule';
import { initialState } from '../../engine/state';

const iso = (s: string) => Date.parse(s);

const input = clockInput;

describe('buildSchedule', () => {
  test('a back-dated referral gets each tier it reached, once, and no reminder', () => {
    // Received Mon 2 Nov 2026; 1 WD -> due Tue 3 Nov. Overdue Wed 4 (+1), escalated Fri 6 (+3), critical Wed 11 Nov (+6), 09:00 GMT.
    const inp = input('england', 'referral', { 'referral-received': '2026-11-02T10:00:00Z' });
    const state = initialState(inp);
    const s = buildSchedule(inp, state, iso('2026-11-23T12:00:00Z'), 'wf');
    expect(s.steps[0]).toMatchObject({ dueDate: '2026-11-03', dueAt: '2026-11-03T23:59:59+00:00', status: 'overdue' });
    expect(s.decisions.map((d) => [d.tier, d.role, new Date(d.firesAt).toISOString()])).toEqual([
      ['overdue', 'team-manager', '2026-11-04T09:00:00.000Z'],
      ['escalated', 'service-manager', '2026-11-06T09:00:00.000Z'],
      ['critical', 'head-of-service', '2026-11-11T09:00:00.000Z'],
    ]);
    expect(s.escalationLevel).toBe(3);
    expect(s.overdueSteps).toEqual(['referral-decision']);
  });

  test('once decided, a tier is never decided again; the next wake-up is the next tier', () => {
    // Derbyshire SA, decision Thu 25 Mar 2027 (Maundy Thursday): initial visit due Mon 5 Apr 2027.
    const inp = input('derbyshire', 'single-assessment', {
      'referral-received': '2027-03-24',
      'referral-decision': '2027-03-25',
    });
    const state = initialState(inp);
    // Reminder: 2 WD before Mon 5 Apr = Thu 1 Apr 2027, 09:00 BST = 08:00Z
    const at = iso('2027-04-01T08:00:00Z');
    const s1 = buildSchedule(inp, state, at, 'wf');
    expect(s1.decisions.map((d) => [d.step.key, d.tier])).toEqual([['initial-visit', 'reminder']]);
    for (const d of s1.decisions)
      state.notifications.push({
        key: d.key,
        step: d.step.key,
        occurrence: 1,
        tier: d.tier,
        role: d.role,
        firesAt: '',
        decidedAt: '',
      });
    const s2 = buildSchedule(inp, state, at, 'wf');
    expect(s2.decisions).toEqual([]);
    // Next: the plan's reminder, 2 WD before Wed 7 Apr = Mon 5 Apr 09:00 BST
    expect(new Date(s2.nextWakeAt!).toISOString()).toBe('2027-04-05T08:00:00.000Z');
  });

  test('an agreed revised target moves the ladder but not the statutory due date', () => {
    const inp = input('england', 'single-assessment', { 'referral-received': '2026-11-02' });
    const state = initialState(inp);
    const now = iso('2026-11-23T12:00:00Z');
    expect(
      checkEvent(
        inp,
        state,
        { type: 'extend', step: 'assessment-complete', reason: 'family abroad until January', until: '2027-02-01' },
        now,
      ),
    ).toBeUndefined();
    applyEvent(
      inp,
      state,
      { type: 'extend', step: 'assessment-complete', reason: 'family abroad until January', until: '2027-02-01' },
      now,
    );
    const s = buildSchedule(inp, state, now, 'wf');
    // 45 WD after Mon 2 Nov 2026: Nov 3-30 (20), Dec 1-24 (18 -> 38), Dec 29-31 (41), Jan 4-7 (45) -> Thu 7 Jan 2027
    expect(s.steps[0]).toMatchObject({ dueDate: '2027-01-07', revisedTarget: '2027-02-01', status: 'extended' });
  });
});

describe('checkEvent: bad events are refused naming the field, and change nothing', () => {
  const inp = input('england', 'referral', { 'referral-received': '2026-11-02T10:00:00Z' });
  const now = iso('2026-11-23T12:00:00Z');
  const check = (e: object) => checkEvent(inp, initialState(inp), e as never, now);

  test.each([
    [{ type: 'step-completed', step: 'assesment', occurredAt: '2026-11-03' }, 'step', /unknown step 'assesment'/],
    [
      { type: 'step-completed', step: 'referral-decision', occurredAt: '2026-11-01', outcome: 'assessment' },
      'occurredAt',
      /is before referral-received \(2026-11-02T10:00:00Z\), which 'referral-decision' counts from/,
    ],
    [
      { type: 'step-completed', step: 'referral-decision', occurredAt: '2026-11-24', outcome: 'assessment' },
      'occurredAt',
      /in the future/,
    ],
    [{ type: 'step-completed', step: 'referral-decision', occurredAt: '2026-11-03' }, 'outcome', /needs an outcome/],
    [
      { type: 'step-completed', step: 'referral-decision', occurredAt: '2026-11-03', outcome: 'maybe' },
      'outcome',
      /not an outcome/,
    ],
    [{ type: 'extend', step: 'referral-decision', reason: 'busy week' }, 'step', /allows no extension/],
    [{ type: 'anchor', anchor: 's47-start', at: '2026-11-03' }, 'anchor', /unknown anchor/],
  ])('%j -> %s', (event, field, message) => {
    const r = check(event);
    expect(r?.field).toBe(field);
    expect(r?.message).toMatch(message);
  });

  test('an extension past the maximum, or without a reason', () => {
    const sa = input('england', 'single-assessment', { 'referral-received': '2026-11-02' });
    // max 65 WD from Mon 2 Nov 2026: 45 WD = Thu 7 Jan 2027, + 20 WD (Jan 8..Feb 4) = Thu 4 Feb 2027
    const r = checkEvent(
      sa,
      initialState(sa),
      { type: 'extend', step: 'assessment-complete', reason: 'complex case', until: '2027-02-05' },
      now,
    );
    expect(r).toEqual({
      field: 'until',
      message:
        "2027-02-05 is past the maximum for 'assessment-complete' (65 working days from referral-received: 2027-02-04)",
    });
    expect(
      checkEvent(
        sa,
        initialState(sa),
        { type: 'extend', step: 'assessment-complete', reason: 'complex case', until: '2027-02-04' },
        now,
      ),
    ).toBeUndefined();
    expect(
      checkEvent(sa, initialState(sa), { type: 'extend', step: 'assessment-complete', reason: ' ' }, now)?.field,
    ).toBe('reason');
  });

  test('a closed process accepts nothing', () => {
    const state = initialState(inp);
    applyEvent(inp, state, { type: 'close', reason: 'duplicate referral' }, now);
    expect(
      checkEvent(
        inp,
        state,
        { type: 'step-completed', step: 'referral-decision', occurredAt: '2026-11-03', outcome: 'assessment' },
        now,
      ),
    ).toMatchObject({ conflict: true, field: 'type' });
  });
});
