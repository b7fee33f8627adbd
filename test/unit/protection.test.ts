// The child protection and child-in-need engine as pure functions: repeated strategy discussions and the
// profile's ICPC anchor, hour rules, recurring visits and no-access, per-child intervals, alternative
// timings (transfer-in, pre-birth), events out of order, outcomes that end a process, continue-as-new.
// Every expected date is worked by hand in the comment beside it (England and Wales calendar: Easter
// 2027 is Good Friday 26 Mar and Easter Monday 29 Mar; Spring bank holidays Mon 25 May 2026, Mon 31 May 2027).
import { ProfileRegistry } from '../../profiles/load';
import { clockInput, registry } from '../support/clockInput';
import { compactForContinueAsNew } from '../../engine/compact';
import { applyEvent, checkEvent } from '../../engine/events';
import { buildSchedule } from '../../engine/compute/schedule';
import { initialState } from '../../engine/state';
import type { ClockInput, ClockState } from '../../engine/types';

const at = (s: string) => Date.parse(s);
const NOW = at('2027-07-01T12:00:00Z');

const input = clockInput;

/** Applies an event the way the workflow does: checked first, refused events change nothing. */
function send(inp: ClockInput, state: ClockState, event: object, now = NOW) {
  const rejection = checkEvent(inp, state, event as never, now);
  if (rejection) throw new Error(`${rejection.field}: ${rejection.message}`);
  return applyEvent(inp, state, event as never, now);
}

const step = (inp: ClockInput, state: ClockState, key: string, now = NOW, occurrence?: number) =>
  buildSchedule(inp, state, now, 'wf').steps.find(
    (s) =>
      s.key === key &&
      (occurrence === undefined ? s.status !== 'completed' || s.occurrence === 1 : s.occurrence === occurrence),
  )!;

describe('ICPC anchor: every strategy discussion kept, the profile picks one', () => {
  // SD1 Mon 1 Mar 2027 (S47 started there). 15 WD: 2-5 Mar (4), 8-12 (9), 15-19 (14), Mon 22 Mar (15).
  // SD2 held again Fri 12 Mar 2027. 15 WD: 15-19 (5), 22-25 (9), [26 Good Friday, 29 Easter Monday],
  // 30 Mar-2 Apr (13), Mon 5 (14), Tue 6 Apr 2027 (15).
  test('Derbyshire counts from the discussion that started the S47: held again, the date stays', () => {
    const inp = input('derbyshire', 'child-protection-enquiry', { 'concern-raised': '2027-03-01T08:00:00+00:00' });
    const state = initialState(inp);
    send(inp, state, {
      type: 'step-completed',
      step: 'strategy-discussion',
      occurredAt: '2027-03-01T10:00:00+00:00',
      outcome: 's47',
    });
    expect(state.anchors['s47-start']).toBe('2027-03-01T10:00:00+00:00');
    expect(step(inp, state, 'icpc')).toMatchObject({ dueDate: '2027-03-22', planBy: '2027-03-22' });
    const what = send(inp, state, { type: 'anchor', anchor: 'strategy-discussion', at: '2027-03-12T10:00:00+00:00' });
    expect(what).toContain(
      'icpc stays due 2027-03-22 (counted from the strategy-discussion on or before s47-start, 2027-03-01T10:00:00+00:00)',
    );
    expect(state.anchorLog['strategy-discussion']).toEqual(['2027-03-01T10:00:00+00:00', '2027-03-12T10:00:00+00:00']);
    expect(step(inp, state, 'icpc').dueDate).toBe('2027-03-22');
  });

  test('England counts from the last strategy discussion: held again, the date moves and history says why', () => {
    const inp = input('england', 'child-protection-enquiry', {
      'strategy-discussion': '2027-03-01T10:00:00+00:00',
      's47-start': '2027-03-01T10:00:00+00:00',
    });
    const state = initialState(inp);
    expect(step(inp, state, 'icpc').dueDate).toBe('2027-03-22');
    const what = send(inp, state, { type: 'anchor', anchor: 'strategy-discussion', at: '2027-03-12T10:00:00+00:00' });
    expect(what).toContain(
      'icpc now due 2027-04-06 (was 2027-03-22), counted from strategy-discussion 2027-03-12T10:00:00+00:00',
    );
    expect(step(inp, state, 'icpc')).toMatchObject({ dueDate: '2027-04-06', planBy: '2027-04-06' });
    // A discussion "held again" before the last one is an error, and changes nothing.
    expect(
      checkEvent(inp, state, { type: 'anchor', anchor: 'strategy-discussion', at: '2027-03-05T10:00:00+00:00' }, NOW),
    ).toMatchObject({ field: 'at' });
  });
});

test('an hour rule escalates to the duty manager at the instant, then by working days (docs/design.md, Time, worked example)', () => {
  // Concern Fri 22 May 2026 16:00 BST, 24 hours -> due Sat 23 May 16:00 BST, on time at that instant, late
  // 1 ms after it (the overdue tier fires then). Escalated +3 WD from
  // Sat 23 May: [Mon 25 bank holiday], Tue 26 (1), Wed 27 (2), Thu 28 (3) 09:00 BST; critical +6: Fri 29 (4),
  // Mon 1 Jun (5), Tue 2 Jun 2026 (6) 09:00 BST. Back-dated: each reached tier once, no reminder.
  const inp = input('derbyshire', 'child-protection-enquiry', { 'concern-raised': '2026-05-22T16:00:00+01:00' });
  const s = buildSchedule(inp, initialState(inp), at('2026-11-23T12:00:00Z'), 'wf');
  expect(s.steps.find((x) => x.key === 'strategy-discussion')).toMatchObject({
    dueDate: '2026-05-23',
    dueAt: '2026-05-23T16:00:00+01:00',
    status: 'overdue',
  });
  expect(s.decisions.map((d) => [d.tier, d.role, new Date(d.firesAt).toISOString()])).toEqual([
    ['overdue', 'duty-manager', '2026-05-23T15:00:00.001Z'],
    ['escalated', 'service-manager', '2026-05-28T08:00:00.000Z'],
    ['critical', 'head-of-service', '2026-06-02T08:00:00.000Z'],
  ]);
});

describe('hour rules: on time at the instant (docs/design.md, Time)', () => {
  // Derbyshire: strategy discussion 24 hours from the concern. Concern Fri 22 May 2026 16:00 BST -> due Sat 23 May 16:00:00 BST.
  const inp = input('derbyshire', 'child-protection-enquiry', { 'concern-raised': '2026-05-22T16:00:00+01:00' });

  test.each([
    ['2026-05-23T16:00:00+01:00', false], // exactly 24 hours: on time
    ['2026-05-23T16:00:01+01:00', true], // a second after: late
  ])('held at %s: late %s', (heldAt, late) => {
    const state = initialState(inp);
    send(
      inp,
      state,
      { type: 'step-completed', step: 'strategy-discussion', occurredAt: heldAt, outcome: 'no-s47' },
      at('2026-05-23T17:00:00+01:00'),
    );
    expect(step(inp, state, 'strategy-discussion', at('2026-05-23T17:00:00+01:00'))).toMatchObject({
      status: 'completed',
      late,
    });
  });

  test('not yet overdue at the instant; the duty manager is told 1 ms after it', () => {
    const state = initialState(inp);
    const atDue = buildSchedule(inp, state, at('2026-05-23T15:00:00Z'), 'wf');
    expect([atDue.steps[0].status, atDue.decisions, new Date(atDue.nextWakeAt!).toISOString()]).toEqual([
      'pending',
      [],
      '2026-05-23T15:00:00.001Z',
    ]);
  });

  test('across the clocks going back: the explanation names the change; planBy is not before the concern', () => {
    // Concern 23:30Z Sat 24 Oct 2026 = 00:30 BST Sun 25 Oct. BST ends at 02:00 BST (01:00Z), so 24 elapsed hours
    // end at 23:30Z = 23:30 GMT Sun 25 Oct (wall clock 23 hours on). planBy: the last working day on or before
    // Sun 25 Oct is Fri 23 Oct, before the concern: clamped to the concern's London date, Sun 25 Oct.
    const oct = input('derbyshire', 'child-protection-enquiry', { 'concern-raised': '2026-10-24T23:30:00Z' });
    const s = step(oct, initialState(oct), 'strategy-discussion', at('2026-10-25T06:00:00Z'));
    expect(s).toMatchObject({ dueDate: '2026-10-25', dueAt: '2026-10-25T23:30:00+00:00', planBy: '2026-10-25' });
    expect(s.explanation).toMatch(
      /^24 hours from 00:30 BST Sun 25 Oct 2026 \(concern-raised\) to 23:30 GMT Sun 25 Oct 2026 — the clocks go back at 02:00 BST on 25 Oct 2026; on time at that instant, late only after it; /,
    );
  });

  test('a rule of one working day reads in the singular', () => {
    // England: strategy discussion 1 WD after the concern. Mon 1 Mar 2027 + 1 WD = Tue 2 Mar 2027.
    const eng = input('england', 'child-protection-enquiry', { 'concern-raised': '2027-03-01T10:00:00Z' });
    expect(step(eng, initialState(eng), 'strategy-discussion').explanation).toMatch(
      /^1 working day after Mon 1 Mar 2027 \(concern-raised\) = Tue 2 Mar 2027; no bank holidays in between; /,
    );
  });
});

describe('recurring visits', () => {
  // England CP plan, ICPC Mon 15 Mar 2027. cp-visit #1: 10 WD: 16-19 (4), 22-25 (8), [Easter], 30 (9), Wed 31 Mar (10).
  const inp = input('england', 'child-protection-plan', { icpc: '2027-03-15T10:00:00+00:00' });

  test('a no-access visit alerts the team manager once and does not restart the cadence; a seen visit does', () => {
    const state = initialState(inp);
    expect(step(inp, state, 'cp-visit')).toMatchObject({ occurrence: 1, dueDate: '2027-03-31' });
    expect(
      checkEvent(
        inp,
        state,
        { type: 'step-completed', step: 'cp-visit', occurredAt: '2027-03-17T10:00:00+00:00' } as never,
        NOW,
      ),
    ).toMatchObject({ field: 'seen' });
    send(
      inp,
      state,
      { type: 'step-completed', step: 'cp-visit', occurredAt: '2027-03-17T10:00:00+00:00', seen: false },
      at('2027-03-17T10:00:00Z'),
    );
    const s = buildSchedule(inp, state, at('2027-03-17T10:00:00Z'), 'wf');
    expect(s.steps.find((x) => x.key === 'cp-visit')).toMatchObject({
      occurrence: 1,
      dueDate: '2027-03-31',
      noAccess: [{ occurredAt: '2027-03-17T10:00:00+00:00' }],
    });
    expect(s.decisions.map((d) => [d.key, d.role])).toEqual([['wf:cp-visit:1:no-access:1', 'team-manager']]);
    // Seen Thu 18 Mar -> #2 due 10 WD later: 19 (1), 22-25 (5), 30 Mar-2 Apr (9), Mon 5 Apr 2027 (10).
    send(
      inp,
      state,
      {
        type: 'step-completed',
        step: 'cp-visit',
        occurredAt: '2027-03-18T10:00:00+00:00',
        seen: true,
        seenAlone: true,
      },
      at('2027-03-18T10:00:00Z'),
    );
    expect(step(inp, state, 'cp-visit', at('2027-03-18T10:00:00Z'), 2)).toMatchObject({
      occurrence: 2,
      dueDate: '2027-04-05',
      countedFrom: 'cp-visit #1 held',
    });
    expect(step(inp, state, 'cp-visit', at('2027-03-18T10:00:00Z'), 1)).toMatchObject({
      status: 'completed',
      dueDate: '2027-03-31',
      late: false,
    });
    // A visit dated before the one it follows is refused.
    expect(
      checkEvent(
        inp,
        state,
        { type: 'step-completed', step: 'cp-visit', occurredAt: '2027-03-17T10:00:00+00:00', seen: true } as never,
        NOW,
      ),
    ).toMatchObject({ field: 'occurredAt' });
  });

  test('the conference may set visits more often; less often only where the profile allows, agreed by its role', () => {
    const state = initialState(inp);
    send(inp, state, { type: 'step-completed', step: 'cp-visit', occurredAt: '2027-03-18T10:00:00+00:00', seen: true });
    // England: tighter at any time, never looser (no loosest interval).
    expect(
      checkEvent(
        inp,
        state,
        {
          type: 'set-interval',
          step: 'cp-visit',
          every: { value: 20, unit: 'working-days' },
          reason: 'stable',
          agreedBy: 'cp-chair',
        } as never,
        NOW,
      ),
    ).toMatchObject({ field: 'every' });
    send(inp, state, {
      type: 'set-interval',
      step: 'cp-visit',
      every: { value: 5, unit: 'working-days' },
      reason: 'conference: weekly visits',
      agreedBy: 'cp-chair',
    });
    // #2: 5 WD after Thu 18 Mar: 19, 22, 23, 24, Thu 25 Mar 2027.
    expect(step(inp, state, 'cp-visit', NOW, 2)).toMatchObject({
      dueDate: '2027-03-25',
      interval: { every: { value: 5, unit: 'working-days' }, agreedBy: 'cp-chair' },
    });
  });

  test('Bracknell Forest: CIN visits every 15 WD, up to 6-weekly if the team manager agrees (seed 002 L560)', () => {
    const cin = input('bracknell-forest', 'child-in-need-plan', { 'plan-agreed': '2027-03-15' });
    const state = initialState(cin);
    const ev = (every: object, agreedBy?: string) =>
      checkEvent(
        cin,
        state,
        {
          type: 'set-interval',
          step: 'cin-visit',
          every,
          reason: 'long-term support',
          ...(agreedBy ? { agreedBy } : {}),
        } as never,
        NOW,
      );
    expect(ev({ value: 6, unit: 'weeks' })).toMatchObject({ field: 'agreedBy' });
    expect(ev({ value: 6, unit: 'weeks' }, 'team-manager')).toBeUndefined();
    expect(ev({ value: 7, unit: 'weeks' }, 'team-manager')).toMatchObject({ field: 'every' });
    expect(
      checkEvent(
        cin,
        state,
        { type: 'set-interval', step: 'cin-plan', every: { value: 1, unit: 'weeks' }, reason: 'x y z' } as never,
        NOW,
      ),
    ).toMatchObject({ field: 'step' });
  });
});

describe('alternative timings: the earliest recorded one applies', () => {
  test('York transfer-in: ICPC within 15 WD of the notification, no S47 needed (seed 004 L418)', () => {
    // Notification Mon 1 Mar 2027 + 15 WD = Mon 22 Mar 2027 (as above).
    const inp = input('york', 'child-protection-enquiry', { 'transfer-notification': '2027-03-01' });
    const state = initialState(inp);
    expect(step(inp, state, 'icpc')).toMatchObject({ dueDate: '2027-03-22', countedFrom: 'transfer-notification' });
    expect(step(inp, state, 's47-complete').status).toBe('awaiting-anchor');
    expect(
      checkEvent(
        inp,
        state,
        { type: 'step-completed', step: 'icpc', occurredAt: '2027-03-19', outcome: 'child-protection-plan' } as never,
        NOW,
      ),
    ).toBeUndefined();
  });

  test('Derbyshire pre-birth: first RCPC within 1 month of birth or 3 months of the ICPC, whichever is sooner (seed 000 L572)', () => {
    // ICPC Mon 15 Mar 2027 + 3 months = Tue 15 Jun 2027; birth Sat 1 May 2027 + 1 month = Tue 1 Jun 2027 (sooner);
    // planBy Tue 1 Jun (Mon 31 May is the Spring bank holiday, not needed: 1 Jun is a working day).
    const inp = input('derbyshire', 'child-protection-plan', {
      icpc: '2027-03-15',
      'expected-delivery-date': '2027-05-10',
    });
    const state = initialState(inp);
    expect(step(inp, state, 'rcpc')).toMatchObject({ dueDate: '2027-06-15' });
    send(inp, state, { type: 'anchor', anchor: 'birth', at: '2027-05-01' });
    expect(step(inp, state, 'rcpc')).toMatchObject({
      dueDate: '2027-06-01',
      planBy: '2027-06-01',
      countedFrom: 'birth',
    });
  });
});

describe('events out of order are refused, naming the field, and change nothing', () => {
  test('an ICPC before the strategy discussion, then before the S47 is complete', () => {
    const inp = input('derbyshire', 'child-protection-enquiry', { 'concern-raised': '2027-03-01T08:00:00+00:00' });
    const state = initialState(inp);
    const before = JSON.stringify(state);
    const icpc = { type: 'step-completed', step: 'icpc', occurredAt: '2027-03-10', outcome: 'child-protection-plan' };
    expect(checkEvent(inp, state, icpc as never, NOW)).toEqual({
      field: 'step',
      conflict: true,
      message:
        "'icpc' counts from 'strategy-discussion' or 'expected-delivery-date', which has not been recorded yet: record that first",
    });
    expect(JSON.stringify(state)).toBe(before);
    expect(
      checkEvent(
        inp,
        state,
        { type: 'anchor', anchor: 'strategy-discussion', at: '2027-03-01T10:00:00+00:00' } as never,
        NOW,
      ),
    ).toMatchObject({ field: 'anchor', conflict: true });
    send(inp, state, {
      type: 'step-completed',
      step: 'strategy-discussion',
      occurredAt: '2027-03-01T10:00:00+00:00',
      outcome: 's47',
    });
    expect(checkEvent(inp, state, icpc as never, NOW)).toEqual({
      field: 'step',
      conflict: true,
      message: "'icpc' cannot be recorded before 's47-complete' is completed",
    });
  });

  test('an outcome that ends the process: its open steps lapse and it accepts nothing more', () => {
    const inp = input('england', 'child-protection-enquiry', {
      'strategy-discussion': '2027-03-01',
      's47-start': '2027-03-01',
    });
    const state = initialState(inp);
    send(inp, state, {
      type: 'step-completed',
      step: 's47-complete',
      occurredAt: '2027-03-10',
      outcome: 'no-further-action',
    });
    const s = buildSchedule(inp, state, NOW, 'wf');
    // The strategy discussion given at the start is a step held then (England's product default, 1 WD).
    expect(s.steps.map((x) => [x.key, x.status])).toEqual([
      ['strategy-discussion', 'completed'],
      ['icpc', 'cancelled'],
      ['s47-complete', 'completed'],
    ]);
    expect(s.decisions).toEqual([]);
    expect(
      checkEvent(
        inp,
        state,
        { type: 'step-completed', step: 'icpc', occurredAt: '2027-03-11', outcome: 'no-further-action' } as never,
        NOW,
      ),
    ).toMatchObject({
      field: 'type',
      conflict: true,
      message: expect.stringMatching(/ended .*s47-complete outcome no-further-action/),
    });
  });
});

test('continue-as-new carries the facts and the keys of open occurrences, not the whole record', () => {
  const inp = input('england', 'child-protection-plan', { icpc: '2027-03-15T10:00:00+00:00' });
  const state = initialState(inp);
  // Five visits, each 10 WD after the last: the notification records of old occurrences are dropped.
  const visits = ['2027-03-18', '2027-03-31', '2027-04-14', '2027-04-28', '2027-05-12'];
  for (const [i, d] of visits.entries()) {
    state.notifications.push({
      key: `wf:cp-visit:${i + 1}:reminder`,
      step: 'cp-visit',
      occurrence: i + 1,
      tier: 'reminder',
      role: 'assigned-worker',
      firesAt: '',
      decidedAt: '',
    });
    send(inp, state, {
      type: 'step-completed',
      step: 'cp-visit',
      occurredAt: `${d}T10:00:00+01:00`,
      seen: true,
      eventId: `v${i}`,
    });
  }
  state.notifications.push({
    key: 'wf:cp-visit:6:reminder',
    step: 'cp-visit',
    occurrence: 6,
    tier: 'reminder',
    role: 'assigned-worker',
    firesAt: '',
    decidedAt: '',
  });
  const carried = compactForContinueAsNew(inp, state, NOW);
  expect(carried.run).toBe(2);
  // The first visit is kept as well as the last two: a rule may count from the first occurrence of a step.
  expect(carried.completions['cp-visit'].map((c) => c.occurrence)).toEqual([1, 4, 5]);
  expect(carried.notifications.map((n) => n.occurrence)).toEqual([4, 5, 6]);
  expect(carried.recentEventIds).toEqual(['v0', 'v1', 'v2', 'v3', 'v4']);
  // The next run computes the same open occurrence and due date as the long state did.
  // #6: 10 WD after Wed 12 May 2027: 13-14 (2), 17-21 (7), 24-26 (10) -> Wed 26 May 2027.
  const next = { ...inp, carried };
  expect(step(next, initialState(next), 'cp-visit', NOW, 6)).toMatchObject({ dueDate: '2027-05-26' });
  expect(step(inp, state, 'cp-visit', NOW, 6)).toMatchObject({ dueDate: '2027-05-26' });
});

test("an LA step that overrides only some fields keeps England's meeting and visit flags", () => {
  expect(
    registry.resolve('bracknell-forest', 'child-protection-enquiry').steps.find((s) => s.key === 'icpc'),
  ).toMatchObject({ meeting: true });
  const raw = JSON.parse(
    JSON.stringify({
      england: registry.get('england'),
      york: {
        id: 'york',
        name: 'York test',
        inherits: 'england',
        processes: {
          'child-protection-plan': {
            steps: {
              'cp-visit': { due: { value: 7, unit: 'working-days' } },
              rcpc: { due: { value: 2, unit: 'months' } },
            },
          },
        },
      },
    }),
  );
  const r = ProfileRegistry.fromFiles(raw).resolve('york', 'child-protection-plan');
  expect(r.steps.find((s) => s.key === 'cp-visit')).toMatchObject({ visit: true, due: { value: 7 } });
  expect(r.steps.find((s) => s.key === 'rcpc')).toMatchObject({ meeting: true, due: { value: 2 } });
});
