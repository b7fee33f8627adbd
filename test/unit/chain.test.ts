// The chain of processes as pure functions: alarms (when they fire and escalate, what clears them), a
// process with nothing counting, tiers caught up in one notification, steps done before the start (a case
// moved in), the single assessment's outcomes, and what intake refuses because a hand-over would refuse it
// later. Expected dates are worked by hand beside each test on the England and Wales calendar (Christmas
// 2026: Fri 25 Dec, Boxing Day substitute Mon 28 Dec; New Year's Day Fri 1 Jan 2027).
import { ProcessStarter, StartError } from '../../services/start';
import { checkHandoverOfEvent, checkHandoversAtStart } from '../../services/handoverCheck';
import { alarmTiers, raiseAlarm } from '../../engine/decide/alarms';
import { applyEvent, checkEvent } from '../../engine/events';
import { buildSchedule } from '../../engine/compute/schedule';
import { initialState } from '../../engine/state';
import type { ClockInput, ClockState } from '../../engine/types';
import { clockInput, registry } from '../support/clockInput';
import { currentDetails } from '../../engine/explain/details';
import { toView } from '../../engine/explain/view';
import { buildInbox } from '../../management/inbox';

const at = (s: string) => Date.parse(s);
const starter = new ProcessStarter({} as never, registry, 'q');

function send(inp: ClockInput, state: ClockState, event: object, now: number) {
  const rejection = checkEvent(inp, state, event as never, now);
  if (rejection) throw new Error(`${rejection.field}: ${rejection.message}`);
  return applyEvent(inp, state, event as never, now);
}

/** Records what the workflow records when it decides: every decision becomes a notification record. */
function decideAll(state: ClockState, s: ReturnType<typeof buildSchedule>) {
  for (const d of s.decisions)
    state.notifications.push({
      key: d.key,
      step: d.step.key,
      occurrence: d.occurrence,
      tier: d.tier,
      role: d.role,
      firesAt: '',
      decidedAt: '',
      ...(d.caughtUpIn ? { caughtUpIn: d.caughtUpIn } : {}),
    });
  for (const d of s.alarmDecisions)
    state.notifications.push({
      key: d.key,
      step: `alarm:${d.alarm.key}`,
      occurrence: 1,
      tier: d.tier,
      role: d.role,
      firesAt: '',
      decidedAt: '',
    });
}

describe('alarms', () => {
  // Raised Wed 23 Dec 2026 14:00 GMT: at once to the team manager, copying the duty manager (england.json
  // "alarm"). Escalated +3 WD: Thu 24 (1), [Fri 25, Mon 28], Tue 29 (2), Wed 30 Dec (3), 09:00 GMT.
  // Critical +6 WD: Thu 31 (4), [Fri 1 Jan], Mon 4 (5), Tue 5 Jan 2027 (6), 09:00 GMT.
  test('raised at once to the team manager and the duty manager, then up the ladder in working days', () => {
    const inp = clockInput('england', 'referral', { 'referral-received': '2026-12-22T10:00:00Z' });
    const state = initialState(inp);
    send(
      inp,
      state,
      {
        type: 'step-completed',
        step: 'referral-decision',
        occurredAt: '2026-12-22T15:00:00Z',
        outcome: 'no-further-action',
      },
      at('2026-12-22T15:00:00Z'),
    );
    raiseAlarm(state, '2026-12-23T14:00:00+00:00', {
      kind: 'handover-refused',
      what: 'could not start x',
      action: 'record y',
    });
    expect(alarmTiers(inp).map((t) => [t.tier, t.role, t.cc ?? [], t.workingDays])).toEqual([
      ['alarm', 'team-manager', ['duty-manager'], 0],
      ['escalated', 'service-manager', [], 3],
      ['critical', 'head-of-service', [], 6],
    ]);
    const first = buildSchedule(inp, state, at('2026-12-23T14:00:00Z'), 'wf');
    expect(first.alarmDecisions.map((d) => [d.key, d.tier, d.role, d.cc, new Date(d.firesAt).toISOString()])).toEqual([
      ['wf:alarm:handover-refused-1:alarm', 'alarm', 'team-manager', ['duty-manager'], '2026-12-23T14:00:00.000Z'],
    ]);
    expect(first.nextWakeAt).toBe(at('2026-12-30T09:00:00Z'));
    expect(first.overdueSteps).toEqual(['alarm']);
    expect(first.escalationLevel).toBe(1);
    decideAll(state, first);
    const later = buildSchedule(inp, state, at('2027-01-05T09:00:00Z'), 'wf');
    expect(later.alarmDecisions.map((d) => [d.tier, d.role, new Date(d.firesAt).toISOString()])).toEqual([
      ['escalated', 'service-manager', '2026-12-30T09:00:00.000Z'],
      ['critical', 'head-of-service', '2027-01-05T09:00:00.000Z'],
    ]);
    expect(later.alarms).toMatchObject([
      { key: 'handover-refused-1', status: 'open', escalations: [{ tier: 'alarm', role: 'team-manager' }] },
    ]);
  });

  test('an open alarm keeps the process open and is first in the inbox, the Temporal UI and the view', () => {
    // A referral decided (nothing left to do) whose hand-over was refused on Wed 23 Dec 2026 14:00 GMT.
    const inp = clockInput('england', 'referral', { 'referral-received': '2026-12-22T10:00:00Z' });
    const state = initialState(inp);
    send(
      inp,
      state,
      { type: 'step-completed', step: 'referral-decision', occurredAt: '2026-12-22T15:00:00Z', outcome: 'assessment' },
      at('2026-12-22T15:00:00Z'),
    );
    raiseAlarm(state, '2026-12-23T14:00:00+00:00', {
      kind: 'handover-refused',
      what: 'single assessment: could not start single-assessment: anchors.x: no',
      action: 'record x',
    });
    const now = at('2026-12-23T15:00:00Z');
    const s = buildSchedule(inp, state, now, 'wf');
    expect(s.allDone).toBe(true);
    const view = toView(inp, state, s, 'wf', false);
    expect(view.status).toBe('open');
    expect(currentDetails(inp, view)).toContain(
      '**ALARM** (handover-refused, raised Wed 23 Dec 2026): single assessment: could not start single-assessment: anchors.x: no. To clear it: record x.',
    );
    const inbox = buildInbox([view], now, { include: 'due-soon' });
    expect(inbox.items.map((i) => [i.state, i.step, i.dueAt, i.daysOverdue])).toEqual([
      ['alarm', 'alarm:handover-refused', '2026-12-23T14:00:00+00:00', 0],
    ]);
    expect(inbox.counts).toMatchObject({ alarms: 1, overdue: 0, dueSoon: 0 });
  });

  test('a close by a manager clears every alarm, with who and why in history', () => {
    const inp = clockInput('england', 'referral', { 'referral-received': '2026-12-22T10:00:00Z' });
    const state = initialState(inp);
    raiseAlarm(state, '2026-12-23T14:00:00+00:00', { kind: 'stalled', what: 'no clock', action: 'record it' });
    send(inp, state, { type: 'close', reason: 'started in the case system', by: 'tm-eng' }, at('2026-12-24T10:00:00Z'));
    expect(state.alarms).toMatchObject([
      { clearedAt: '2026-12-24T10:00:00+00:00', cleared: 'the process was closed by tm-eng with a reason' },
    ]);
    const s = buildSchedule(inp, state, at('2027-01-05T09:00:00Z'), 'wf');
    expect(s.alarmDecisions).toEqual([]);
    expect(s.overdueSteps).toEqual([]);
  });

  test('an event refused for a child (with its family) clears when the same step is recorded for it', () => {
    const inp = clockInput('england', 'child-protection-plan', { icpc: '2027-03-15T10:00:00+00:00' });
    const state = initialState(inp);
    raiseAlarm(state, '2027-03-20T10:00:00+00:00', {
      kind: 'event-refused',
      what: 'visit refused',
      action: 'record it alone',
      clearsWith: { step: 'cp-visit' },
    });
    // A no-access visit does not clear it: the child is still not seen.
    send(
      inp,
      state,
      { type: 'step-completed', step: 'cp-visit', occurredAt: '2027-03-22T10:00:00+00:00', seen: false },
      at('2027-03-22T12:00:00Z'),
    );
    expect(state.alarms![0].clearedAt).toBeUndefined();
    send(
      inp,
      state,
      { type: 'step-completed', step: 'cp-visit', occurredAt: '2027-03-23T10:00:00+00:00', seen: true },
      at('2027-03-23T12:00:00Z'),
    );
    expect(state.alarms![0]).toMatchObject({
      clearedAt: '2027-03-23T12:00:00+00:00',
      cleared: 'cp-visit recorded since',
    });
  });

  test('a hand-over event is refused when no hand-over waits, and changes nothing', () => {
    const inp = clockInput('england', 'referral', { 'referral-received': '2026-12-22T10:00:00Z' });
    const state = initialState(inp);
    const before = JSON.stringify(state);
    expect(checkEvent(inp, state, { type: 'hand-over', anchors: {} } as never, at('2026-12-22T12:00:00Z'))).toEqual({
      field: 'type',
      conflict: true,
      message: 'no hand-over is waiting: none was refused',
    });
    expect(JSON.stringify(state)).toBe(before);
  });
});

describe('nothing counting', () => {
  test('a York assessment with only its start recorded has nothing to count from: stalled, and the start is refused', () => {
    // York counts the assessment 45 WD from the referral (004 L358, the national rule), allocation 24 hours
    // from the referral decision (L111), the visits from allocation and the first visit: an assessment
    // start alone gives no step a due date.
    const inp = clockInput('york', 'single-assessment', { 'assessment-start': '2026-11-02' });
    const s = buildSchedule(inp, initialState(inp), at('2026-11-03T10:00:00Z'), 'wf');
    expect(s.stalled).toEqual({
      steps: ['assessment-complete', 'allocation', 'initial-visit', 'assessment-visit'],
      anchors: ['referral-received', 'referral-decision', 'allocation', 'initial-visit'],
    });
    expect(() =>
      starter.buildInput({
        type: 'single-assessment',
        caseId: 'Y1',
        localAuthority: 'york',
        anchors: { 'assessment-start': '2026-11-02' },
      }),
    ).toThrow(expect.objectContaining({ status: 422, field: 'anchors.referral-received' }));
  });

  test("a York assessment with the referral's receipt counts the statutory 45 WD from it at once", () => {
    // 45 WD from Mon 2 Nov 2026: Nov 3-6 (4), 9-13 (9), 16-20 (14), 23-27 (19), 30 Nov-4 Dec (24), 7-11 (29),
    // 14-18 (34), 21-24 (38), [Fri 25, Mon 28 Dec bank holidays], 29-31 (41), [Fri 1 Jan], 4-7 Jan (45):
    // Thu 7 Jan 2027. Allocation and the visits wait for the decision.
    const inp = clockInput('york', 'single-assessment', { 'referral-received': '2026-11-02T10:00:00Z' });
    const s = buildSchedule(inp, initialState(inp), at('2026-11-03T10:00:00Z'), 'wf');
    expect(s.stalled).toBeUndefined();
    expect(s.steps.map((x) => [x.key, x.status, x.dueDate ?? null])).toEqual([
      ['assessment-complete', 'pending', '2027-01-07'],
      ['allocation', 'awaiting-anchor', null],
      ['initial-visit', 'awaiting-anchor', null],
      ['assessment-visit', 'awaiting-anchor', null],
    ]);
  });

  test("York's allocation has its own clock: 24 hours from the decision, and the visit and assessment count from it", () => {
    // Decision Mon 2 Nov 2026 15:30 GMT -> allocation due at Tue 3 Nov 15:30 GMT, on time at that instant, late after it.
    // Allocated Tue 3 Nov 11:00: visit 5 WD -> Wed 4 (1) ... Tue 10 Nov (5); the assessment counts from the
    // referral, Mon 2 Nov 10:00 (004 L358, the national rule): Thu 7 Jan 2027 (worked in the test above).
    const inp = clockInput('york', 'single-assessment', {
      'referral-received': '2026-11-02T10:00:00Z',
      'referral-decision': '2026-11-02T15:30:00Z',
    });
    const state = initialState(inp);
    const before = buildSchedule(inp, state, at('2026-11-02T16:00:00Z'), 'wf');
    expect(before.stalled).toBeUndefined();
    expect(before.steps.map((x) => [x.key, x.status, x.dueAt ?? null])).toEqual([
      ['assessment-complete', 'pending', '2027-01-07T23:59:59+00:00'],
      ['allocation', 'pending', '2026-11-03T15:30:00+00:00'],
      ['initial-visit', 'awaiting-anchor', null],
      ['assessment-visit', 'awaiting-anchor', null],
    ]);
    // Unallocated past the 24 hours: the duty manager at the instant (every hour rule's breach).
    expect(buildSchedule(inp, state, at('2026-11-03T15:30:00Z'), 'wf').decisions).toEqual([]);
    const late = buildSchedule(inp, state, at('2026-11-03T15:30:01Z'), 'wf');
    expect(late.decisions.map((d) => [d.step.key, d.tier, d.role])).toEqual([
      ['allocation', 'overdue', 'duty-manager'],
    ]);
    send(
      inp,
      state,
      { type: 'step-completed', step: 'allocation', occurredAt: '2026-11-03T11:00:00Z' },
      at('2026-11-03T11:00:00Z'),
    );
    const after = buildSchedule(inp, state, at('2026-11-03T11:00:00Z'), 'wf');
    expect(after.steps.map((x) => [x.key, x.status, x.dueDate ?? null])).toEqual([
      ['assessment-complete', 'pending', '2027-01-07'],
      ['allocation', 'completed', '2026-11-03'],
      ['initial-visit', 'pending', '2026-11-10'],
      ['assessment-visit', 'awaiting-anchor', null],
    ]);
  });
});

describe('tiers caught up in one notification', () => {
  // Derbyshire referral received Mon 2 Nov 2026 10:00 GMT, never decided; now Mon 23 Nov 2026 12:00.
  // Due Tue 3 Nov; overdue +1 WD Wed 4 Nov 09:00; escalated +3 WD Fri 6 Nov 09:00; critical +6 WD Wed 11 Nov
  // 09:00. All three passed before the process existed: one notification at critical, to the head of
  // service, copying the team manager and the service manager; the other two recorded as caught up in it.
  test('a case moved in three weeks overdue sends one escalation, at the tier it has reached', () => {
    const inp = clockInput('derbyshire', 'referral', { 'referral-received': '2026-11-02T10:00:00Z' });
    const s = buildSchedule(inp, initialState(inp), at('2026-11-23T12:00:00Z'), 'wf', { catchUp: true });
    expect(
      s.decisions.map((d) => [d.tier, d.role, d.cc ?? [], d.caughtUpIn ?? null, new Date(d.firesAt).toISOString()]),
    ).toEqual([
      ['overdue', 'team-manager', [], 'critical', '2026-11-04T09:00:00.000Z'],
      ['escalated', 'service-manager', [], 'critical', '2026-11-06T09:00:00.000Z'],
      ['critical', 'head-of-service', ['team-manager', 'service-manager'], null, '2026-11-11T09:00:00.000Z'],
    ]);
    // Without catch-up (runs begun on older code) each tier goes on its own.
    const old = buildSchedule(inp, initialState(inp), at('2026-11-23T12:00:00Z'), 'wf');
    expect(old.decisions.map((d) => [d.tier, d.cc ?? []])).toEqual([
      ['overdue', []],
      ['escalated', []],
      ['critical', []],
    ]);
  });

  test('one tier due at a time is sent as it is', () => {
    // Now Wed 4 Nov 2026 09:00: only the overdue tier is due.
    const inp = clockInput('derbyshire', 'referral', { 'referral-received': '2026-11-02T10:00:00Z' });
    const s = buildSchedule(inp, initialState(inp), at('2026-11-04T09:00:00Z'), 'wf', { catchUp: true });
    expect(s.decisions.map((d) => [d.tier, d.role, d.cc ?? [], d.caughtUpIn ?? null])).toEqual([
      ['overdue', 'team-manager', [], null],
    ]);
  });
});

describe('steps done before the start (a case moved in)', () => {
  test('a referral decided on time: nothing to send, and nothing is left to do', () => {
    // Received Mon 2 Nov 2026 10:00, decided Tue 3 Nov 09:00 (due Tue 3 Nov): on time.
    const req = {
      type: 'referral' as const,
      caseId: 'M1',
      episode: 'R1',
      localAuthority: 'derbyshire',
      anchors: { 'referral-received': '2026-11-02T10:00:00Z' },
      completed: [{ step: 'referral-decision', occurredAt: '2026-11-03T09:00:00Z', outcome: 'no-further-action' }],
    };
    const now = at('2026-11-23T12:00:00Z');
    const inp = starter.buildInput(req, {}, now);
    expect(inp.completed).toEqual(req.completed);
    const state = initialState(inp);
    for (const c of inp.completed!) applyEvent(inp, state, { type: 'step-completed', ...c } as never, now);
    const s = buildSchedule(inp, state, now, 'wf', { catchUp: true });
    expect(s.decisions).toEqual([]);
    expect(s.steps).toMatchObject([
      { key: 'referral-decision', status: 'completed', late: false, outcome: 'no-further-action' },
    ]);
    expect(s.allDone).toBe(true);
  });

  test('a step the process cannot take is refused at the start, naming it, before anything starts', () => {
    const base = {
      type: 'referral' as const,
      caseId: 'M1',
      episode: 'R1',
      localAuthority: 'derbyshire',
      anchors: { 'referral-received': '2026-11-02T10:00:00Z' },
    };
    const refuse = (completed: object[]) => {
      try {
        starter.buildInput({ ...base, completed } as never, {}, at('2026-11-23T12:00:00Z'));
      } catch (err) {
        return [(err as StartError).status, (err as StartError).field];
      }
      return 'accepted';
    };
    expect(refuse([{ step: 'assessment-complete', occurredAt: '2026-11-03' }])).toEqual([422, 'completed.0.step']);
    expect(refuse([{ step: 'referral-decision', occurredAt: '2026-11-03' }])).toEqual([422, 'completed.0.outcome']);
    expect(refuse([{ step: 'referral-decision', occurredAt: '2026-11-01', outcome: 'early-help' }])).toEqual([
      422,
      'completed.0.occurredAt',
    ]);
    expect(
      refuse([
        { step: 'referral-decision', occurredAt: '2026-11-03', outcome: 'early-help' },
        { step: 'referral-decision', occurredAt: '2026-11-04', outcome: 'early-help' },
      ]),
    ).toEqual([409, 'completed.1.step']);
  });
});

describe("the single assessment's conclusion", () => {
  test('needs an outcome; each one ends it, and a visit never recorded stops nagging', () => {
    // Derbyshire: initial visit 5 WD and plan 7 WD from the decision (000 L17, L18). Completed with the
    // visit unrecorded: both lapse (cancelled), nothing more is decided.
    const inp = clockInput('derbyshire', 'single-assessment', {
      'referral-received': '2026-11-02T10:00:00Z',
      'referral-decision': '2026-11-02T15:00:00Z',
    });
    const state = initialState(inp);
    const now = at('2026-12-01T12:00:00Z');
    expect(
      checkEvent(
        inp,
        state,
        { type: 'step-completed', step: 'assessment-complete', occurredAt: '2026-12-01' } as never,
        now,
      ),
    ).toEqual({
      field: 'outcome',
      message:
        "'assessment-complete' needs an outcome: one of no-further-action, child-in-need-plan, strategy-discussion, early-help",
    });
    send(
      inp,
      state,
      { type: 'step-completed', step: 'assessment-complete', occurredAt: '2026-12-01', outcome: 'early-help' },
      now,
    );
    const s = buildSchedule(inp, state, now, 'wf', { catchUp: true });
    expect(s.steps.map((x) => [x.key, x.status])).toEqual([
      ['initial-visit', 'cancelled'],
      ['assessment-plan', 'cancelled'],
      ['assessment-visit', 'cancelled'],
      ['assessment-complete', 'completed'],
    ]);
    expect(s.decisions).toEqual([]);
    expect(state.finished).toMatchObject({ outcome: 'early-help' });
  });
});

describe('intake refuses what a hand-over would refuse later', () => {
  const referral = (la: string, receivedAt: string) => ({
    type: 'referral' as const,
    caseId: 'C',
    episode: 'R',
    localAuthority: la,
    anchors: { 'referral-received': receivedAt },
  });
  const field = (f: () => void) => {
    try {
      f();
    } catch (err) {
      return (err as StartError).field;
    }
    return 'accepted';
  };

  test('a referral received on a date only, where a strategy discussion counts 24 hours from it (Derbyshire, Bracknell Forest)', () => {
    const fields = (anchor: string) => ({ 'referral-received': 'receivedAt' })[anchor] ?? anchor;
    expect(field(() => checkHandoversAtStart(starter, referral('derbyshire', '2026-11-02'), fields))).toBe(
      'receivedAt',
    );
    expect(field(() => checkHandoversAtStart(starter, referral('bracknell-forest', '2026-11-02'), fields))).toBe(
      'receivedAt',
    );
    // England, Northamptonshire and York count the strategy discussion in working days: a date will do.
    for (const la of ['england', 'northamptonshire', 'york', 'derbyshire']) {
      expect(
        field(() =>
          checkHandoversAtStart(
            starter,
            referral(la, la === 'derbyshire' ? '2026-11-02T10:00:00Z' : '2026-11-02'),
            fields,
          ),
        ),
      ).toBe('accepted');
    }
  });

  test('a York decision for assessment without its time: allocation counts 24 hours from it, so occurredAt is refused', () => {
    const clock = {
      type: 'referral',
      caseId: 'C',
      episode: 'R',
      localAuthority: 'york',
      anchors: { 'referral-received': '2026-11-02T10:00:00Z' },
      assignment: {},
    };
    const decision = (occurredAt: string, outcome = 'assessment') =>
      checkHandoverOfEvent(starter, clock, { type: 'step-completed', step: 'referral-decision', occurredAt, outcome });
    expect(decision('2026-11-02')).toMatchObject({ status: 422, field: 'occurredAt' });
    expect(decision('2026-11-02T15:30:00Z')).toBeUndefined();
    expect(decision('2026-11-02', 'no-further-action')).toBeUndefined();
  });

  test('every profile starts an enquiry from a referral, and a pathway plan from eligibility after 16', () => {
    for (const la of ['england', 'derbyshire', 'northamptonshire', 'bracknell-forest', 'york']) {
      expect(
        field(() =>
          starter.buildInput({
            type: 'child-protection-enquiry',
            caseId: 'C',
            localAuthority: la,
            anchors: { 'concern-raised': '2026-11-02T10:00:00Z' },
          }),
        ),
      ).toBe('accepted');
      expect(
        field(() =>
          starter.buildInput({
            type: 'pathway-plan',
            caseId: 'C',
            localAuthority: la,
            anchors: { 'became-eligible': '2030-09-01', 'date-of-birth': '2014-03-01' },
          }),
        ),
      ).toBe('accepted');
    }
  });
});
