// Complaints as pure functions (profiles/data/england.json and derbyshire.json): the three statutory stages,
// extensions with reasons and caps, the complainant's windows (used on the last day, refused after it,
// lapsing), withdrawal, the one-year time limit, and Derbyshire's approver and corporate procedure. Every
// expected date is worked by hand beside it (2029 bank holidays: 1 Jan, 30 Mar, 2 Apr, 7 May, 28 May, 27 Aug,
// 25-26 Dec; "N WD after X" does not count X).
import { clockInput } from '../support/clockInput';
import { applyEvent, checkEvent } from '../../engine/events';
import { buildSchedule } from '../../engine/compute/schedule';
import { initialState } from '../../engine/state';
import { timeLimitOf } from '../../engine/compute/timeLimit';
import type { ClockInput, ClockState } from '../../engine/types';

const NOW = Date.parse('2031-01-01T12:00:00Z');

function send(inp: ClockInput, state: ClockState, event: object, now = NOW) {
  const rejection = checkEvent(inp, state, event as never, now);
  if (rejection) throw new Error(`${rejection.field}: ${rejection.message}`);
  return applyEvent(inp, state, event as never, now);
}
const refusal = (inp: ClockInput, state: ClockState, event: object, now = NOW) =>
  checkEvent(inp, state, event as never, now);
const step = (inp: ClockInput, state: ClockState, key: string, now = NOW) =>
  buildSchedule(inp, state, now, 'wf').steps.find((s) => s.key === key)!;

function complaint(la = 'england', anchors: Record<string, string> = { 'stage1-received': '2029-03-19' }) {
  const inp = clockInput(la, 'complaint-statutory', anchors);
  return { inp, state: initialState(inp) };
}

describe('complaint-statutory, England', () => {
  test('all three stages with extensions, the stage 2 window used on its last day', () => {
    const { inp, state } = complaint();
    // Received Mon 19 Mar 2029: 10 WD = Tue 20 .. Thu 29 (8), Good Friday 30 Mar and Easter Monday 2 Apr skipped,
    // Tue 3 (9), Wed 4 Apr (10).
    expect(step(inp, state, 'stage1-response')).toMatchObject({ dueDate: '2029-04-04' });
    expect(step(inp, state, 'stage1-response').explanation).toContain(
      'not counted besides weekends: Fri 30 Mar 2029 (bank holiday), Mon 2 Apr 2029 (bank holiday)',
    );
    // The maximum: 20 WD after receipt = Thu 5 (11) .. Wed 18 Apr (20).
    expect(
      refusal(inp, state, {
        type: 'extend',
        step: 'stage1-response',
        reason: 'complex complaint',
        until: '2029-04-11',
        agreedAt: '2029-03-26',
      }),
    ).toMatchObject({ field: 'agreedWithComplainant' });
    expect(
      refusal(inp, state, {
        type: 'extend',
        step: 'stage1-response',
        reason: 'complex complaint',
        until: '2029-04-19',
        agreedWithComplainant: true,
        agreedAt: '2029-03-26',
      }),
    ).toMatchObject({ field: 'until' });
    expect(
      refusal(inp, state, {
        type: 'extend',
        step: 'stage1-response',
        reason: '',
        agreedWithComplainant: true,
        agreedAt: '2029-03-26',
      }),
    ).toMatchObject({ field: 'reason' });
    send(inp, state, {
      type: 'extend',
      step: 'stage1-response',
      reason: 'complex: three services involved',
      until: '2029-04-11',
      agreedWithComplainant: true,
      agreedAt: '2029-03-26',
      by: 'dev-team-manager',
      byRole: 'team-manager',
    });
    // A statutory extension moves the due date itself; the record says from, to, why, agreed, who.
    expect(step(inp, state, 'stage1-response')).toMatchObject({
      dueDate: '2029-04-11',
      extensions: [
        {
          from: '2029-04-04',
          until: '2029-04-11',
          statutory: true,
          agreedWithComplainant: true,
          agreedAt: '2029-03-26',
          by: 'dev-team-manager',
          byRole: 'team-manager',
        },
      ],
    });
    expect(step(inp, state, 'stage1-response').explanation).toContain(
      '10 working days after Mon 19 Mar 2029 (stage1-received) = Wed 4 Apr 2029',
    );
    expect(step(inp, state, 'stage1-response').explanation).toContain(
      'extended from Wed 4 Apr 2029 to Wed 11 Apr 2029: complex: three services involved (agreed with the complainant), agreed 2029-03-26, recorded 2031-01-01T12:00:00+00:00 by dev-team-manager (team-manager) (at most 20 working days after stage1-received',
    );
    expect(
      refusal(inp, state, {
        type: 'extend',
        step: 'stage1-response',
        reason: 'again',
        until: '2029-04-11',
        agreedWithComplainant: true,
        agreedAt: '2029-04-02',
      }),
    ).toMatchObject({ field: 'until' });
    // No `until`: to the maximum, Wed 18 Apr.
    send(inp, state, {
      type: 'extend',
      step: 'stage1-response',
      reason: 'advocate appointed',
      agreedWithComplainant: true,
      agreedAt: '2029-04-11',
    });
    expect(step(inp, state, 'stage1-response')).toMatchObject({ dueDate: '2029-04-18' });
    expect(step(inp, state, 'stage2-request-window')).toMatchObject({ status: 'awaiting-anchor' });
    send(
      inp,
      state,
      { type: 'step-completed', step: 'stage1-response', occurredAt: '2029-04-17T15:00:00+01:00' },
      Date.parse('2029-04-17T16:00:00+01:00'),
    );
    expect(step(inp, state, 'stage1-response')).toMatchObject({
      status: 'completed',
      late: false,
      dueDate: '2029-04-18',
    });

    // Window: 20 WD after Tue 17 Apr = Wed 18 (1) .. Fri 4 May (13), Mon 7 May skipped, Tue 8 (14) .. Wed 16 May (20);
    // a request made in time can be recorded for 5 more WD: Thu 17 .. Wed 23 May.
    const now = Date.parse('2029-05-16T12:00:00+01:00');
    expect(step(inp, state, 'stage2-request-window', now)).toMatchObject({
      status: 'awaiting-complainant',
      dueDate: '2029-05-16',
      window: { lastDay: '2029-05-16', closesAfter: '2029-05-23' },
    });
    // The window is the complainant's time: never the next thing the LA must do, never escalated.
    expect(buildSchedule(inp, state, now, 'wf').current).toBeUndefined();
    expect(step(inp, state, 'stage2-request-window', now).escalations).toEqual([]);
    expect(
      refusal(inp, state, { type: 'step-completed', step: 'stage2-request-window', occurredAt: '2029-05-16' }),
    ).toMatchObject({ field: 'step' });
    expect(
      refusal(inp, state, { type: 'anchor', anchor: 'stage2-requested', at: '2029-05-17T09:30:00+01:00' }),
    ).toMatchObject({ field: 'at', message: expect.stringContaining('ended on 2029-05-16') });
    expect(
      refusal(inp, state, { type: 'anchor', anchor: 'stage2-requested', at: '2029-05-16T17:00:00+01:00' }, now),
    ).toMatchObject({ field: 'at', message: expect.stringContaining('future') });
    send(inp, state, { type: 'anchor', anchor: 'stage2-requested', at: '2029-05-16T16:00:00+01:00' });
    expect(step(inp, state, 'stage2-request-window')).toMatchObject({
      status: 'completed',
      completedAt: '2029-05-16T16:00:00+01:00',
    });

    // Stage 2: 25 WD after Wed 16 May = Thu 17 (1), Fri 18, Mon 21-Fri 25 (7), Mon 28 May skipped, Tue 29 (8) ..
    // Thu 21 Jun (25). The maximum, 65 WD after it, is Thu 16 Aug (no holiday between 28 May and 27 Aug).
    expect(step(inp, state, 'stage2-response')).toMatchObject({ dueDate: '2029-06-21' });
    send(inp, state, {
      type: 'extend',
      step: 'stage2-response',
      reason: 'independent person unavailable in July',
      agreedAt: '2029-06-01',
    });
    expect(step(inp, state, 'stage2-response')).toMatchObject({ dueDate: '2029-08-16' });
    send(inp, state, { type: 'step-completed', step: 'stage2-response', occurredAt: '2029-08-15' });

    // Stage 3 window: 20 WD after Wed 15 Aug = Thu 16 (1) .. Fri 24 (7), Mon 27 Aug skipped, Tue 28 (8) .. Thu 13 Sep (20).
    expect(step(inp, state, 'stage3-request-window')).toMatchObject({ dueDate: '2029-09-13' });
    send(inp, state, { type: 'anchor', anchor: 'stage3-requested', at: '2029-09-03' });
    // Panel: 30 WD after Mon 3 Sep = Mon 15 Oct (a meeting; a working day, so planBy is the same day).
    expect(step(inp, state, 'stage3-panel')).toMatchObject({ dueDate: '2029-10-15', planBy: '2029-10-15' });
    send(inp, state, { type: 'step-completed', step: 'stage3-panel', occurredAt: '2029-10-11' });
    // Report: 5 WD after Thu 11 Oct = Thu 18 Oct. LA response: 15 WD after the report (Wed 17 Oct) = Wed 7 Nov.
    expect(step(inp, state, 'stage3-panel-report')).toMatchObject({ dueDate: '2029-10-18' });
    send(inp, state, { type: 'step-completed', step: 'stage3-panel-report', occurredAt: '2029-10-17' });
    expect(step(inp, state, 'stage3-la-response')).toMatchObject({ dueDate: '2029-11-07' });
    send(inp, state, { type: 'step-completed', step: 'stage3-la-response', occurredAt: '2029-11-06' });
    expect(state.finished?.reason).toBe(
      'stage3-la-response completed: the statutory procedure is complete; the complainant may take the complaint to the Local Government and Social Care Ombudsman',
    );
    expect(buildSchedule(inp, state, NOW, 'wf').steps.map((s) => `${s.key}:${s.status}`)).toEqual([
      'stage1-response:completed',
      'stage2-request-window:completed',
      'stage2-response:completed',
      'stage3-request-window:completed',
      'stage3-panel:completed',
      'stage3-panel-report:completed',
      'stage3-la-response:completed',
    ]);
  });

  test('a window that lapses: open, ended, then the process closes after the recording grace', () => {
    const { inp, state } = complaint();
    send(
      inp,
      state,
      { type: 'step-completed', step: 'stage1-response', occurredAt: '2029-04-04' },
      Date.parse('2029-04-04T17:00:00+01:00'),
    );
    // 20 WD after Wed 4 Apr = Wed 2 May; 5 WD to record a request made in time: Thu 3, Fri 4, (Mon 7 May skipped),
    // Tue 8, Wed 9, Thu 10 May; the process closes at 00:00 on Fri 11 May.
    const at = (iso: string) => buildSchedule(inp, state, Date.parse(iso), 'wf');
    expect(at('2029-05-02T12:00:00+01:00').steps.find((s) => s.key === 'stage2-request-window')).toMatchObject({
      status: 'awaiting-complainant',
      dueDate: '2029-05-02',
    });
    expect(at('2029-05-03T12:00:00+01:00').steps.find((s) => s.key === 'stage2-request-window')).toMatchObject({
      status: 'lapsed',
    });
    expect(at('2029-05-10T23:59:00+01:00').lapsed).toBeUndefined();
    expect(at('2029-05-10T23:59:00+01:00').nextWakeAt).toBe(Date.parse('2029-05-11T00:00:00+01:00'));
    expect(at('2029-05-11T00:00:00+01:00').lapsed).toMatchObject({ lastDay: '2029-05-02', closesAfter: '2029-05-10' });
    // During the grace, a request dated on the last day is still recorded; one dated after it is not.
    const grace = Date.parse('2029-05-09T10:00:00+01:00');
    expect(refusal(inp, state, { type: 'anchor', anchor: 'stage2-requested', at: '2029-05-03' }, grace)).toMatchObject({
      field: 'at',
    });
    send(inp, state, { type: 'anchor', anchor: 'stage2-requested', at: '2029-05-02' }, grace);
    expect(at('2029-05-11T00:00:00+01:00').lapsed).toBeUndefined();
  });

  test('a statutory extension must be agreed by the due date it moves: after it, the step is simply late', () => {
    const { inp, state } = complaint();
    // Due Wed 4 Apr 2029 (see above). Agreed on Thu 5 Apr: refused, naming agreedAt; with no agreedAt, "today" (2031).
    const ext = { type: 'extend', step: 'stage1-response', reason: 'complex complaint', agreedWithComplainant: true };
    expect(refusal(inp, state, { ...ext, agreedAt: '2029-04-05' })).toMatchObject({
      field: 'agreedAt',
      message: expect.stringContaining('was due 2029-04-04'),
    });
    expect(refusal(inp, state, ext)).toMatchObject({
      field: 'type',
      message: expect.stringContaining('give agreedAt'),
    });
    expect(refusal(inp, state, { ...ext, agreedAt: '2031-01-02' })).toMatchObject({
      field: 'agreedAt',
      message: expect.stringContaining('future'),
    });
    expect(refusal(inp, state, { ...ext, agreedAt: '2029-04-04T16:00:00+01:00' })).toBeUndefined();
  });

  test('a stage 1 response entered weeks late does not close the complaint before the grace has run from its entry', () => {
    const { inp, state } = complaint();
    // Sent Wed 4 Apr 2029 but recorded Mon 2 Jul 2029: the window ended Wed 2 May; the grace of 5 WD runs from the
    // entry: Tue 3, Wed 4, Thu 5, Fri 6, Mon 9 Jul. A request dated within the window can be recorded until then.
    send(
      inp,
      state,
      { type: 'step-completed', step: 'stage1-response', occurredAt: '2029-04-04' },
      Date.parse('2029-07-02T10:00:00+01:00'),
    );
    const s = buildSchedule(inp, state, Date.parse('2029-07-02T11:00:00+01:00'), 'wf');
    expect(s.lapsed).toBeUndefined();
    expect(s.steps.find((x) => x.key === 'stage2-request-window')).toMatchObject({
      status: 'lapsed',
      window: { lastDay: '2029-05-02', closesAfter: '2029-07-09' },
    });
    expect(buildSchedule(inp, state, Date.parse('2029-07-10T00:00:00+01:00'), 'wf').lapsed).toMatchObject({
      closesAfter: '2029-07-09',
    });
  });

  test('the time limit cannot be side-stepped by recording the matter, or moving the receipt, after the start', () => {
    const { inp, state } = complaint('england', { 'stage1-received': '2029-03-19', 'matter-occurred': '2028-06-01' });
    // The matter on Thu 1 Jun 2028: the year ends Fri 1 Jun 2029.
    expect(refusal(inp, state, { type: 'anchor', anchor: 'stage1-received', at: '2029-06-04' })).toMatchObject({
      field: 'at',
      message: expect.stringContaining('2029-06-01'),
    });
    expect(refusal(inp, state, { type: 'anchor', anchor: 'matter-occurred', at: '2028-01-10' })).toMatchObject({
      field: 'at',
    });
    expect(refusal(inp, state, { type: 'anchor', anchor: 'matter-occurred', at: '2028-05-10' })).toBeUndefined();
  });

  test('stage 2 cannot be asked for before the stage 1 response; withdrawal ends it at any stage', () => {
    const { inp, state } = complaint();
    expect(refusal(inp, state, { type: 'anchor', anchor: 'stage2-requested', at: '2029-03-25' })).toMatchObject({
      field: 'anchor',
      conflict: true,
    });
    expect(
      refusal(inp, state, { type: 'withdraw', occurredAt: '2029-03-18', reason: 'resolved informally' }),
    ).toMatchObject({ field: 'occurredAt' });
    expect(refusal(inp, state, { type: 'withdraw', occurredAt: '2029-03-20', reason: '' })).toMatchObject({
      field: 'reason',
    });
    send(inp, state, { type: 'withdraw', occurredAt: '2029-03-20', reason: 'resolved informally' });
    expect(state.finished?.reason).toBe('withdrawn by the complainant on 2029-03-20: resolved informally');
    expect(step(inp, state, 'stage1-response').status).toBe('cancelled');
    expect(
      refusal(inp, state, { type: 'step-completed', step: 'stage1-response', occurredAt: '2029-03-21' }),
    ).toMatchObject({ conflict: true });
  });

  test('withdrawal is for complaints only', () => {
    const inp = clockInput('england', 'child-in-need-plan', { 'plan-agreed': '2029-03-19' });
    expect(
      checkEvent(inp, initialState(inp), { type: 'withdraw', occurredAt: '2029-03-20', reason: 'n/a' } as never, NOW),
    ).toMatchObject({ field: 'type' });
  });

  test('the one-year time limit (reg 9), counted in calendar months', () => {
    const rules = clockInput('england', 'complaint-statutory', { 'stage1-received': '2029-03-01' }).rules;
    // The matter on Tue 29 Feb 2028: a year later is Wed 28 Feb 2029 (no 29 Feb: the month's last day).
    expect(timeLimitOf({ rules }, { 'matter-occurred': '2028-02-29', 'stage1-received': '2029-02-28' })).toMatchObject({
      limitDate: '2029-02-28',
      late: false,
    });
    expect(timeLimitOf({ rules }, { 'matter-occurred': '2028-02-29', 'stage1-received': '2029-03-01' })).toMatchObject({
      limitDate: '2029-02-28',
      late: true,
    });
    expect(
      timeLimitOf(
        { rules, lateAccepted: { reason: 'in hospital' } },
        { 'matter-occurred': '2028-02-29', 'stage1-received': '2029-03-01' },
      ),
    ).toMatchObject({ late: true, acceptedLate: { reason: 'in hospital' } });
    // Without the matter's date nothing is checked.
    expect(timeLimitOf({ rules }, { 'stage1-received': '2029-03-01' })).toBeUndefined();
  });
});

describe('Derbyshire', () => {
  test('a stage 1 extension is agreed through the complaints manager (L1617)', () => {
    const { inp, state } = complaint('derbyshire');
    const ext = {
      type: 'extend',
      step: 'stage1-response',
      reason: 'complex complaint',
      agreedWithComplainant: true,
      agreedAt: '2029-03-26',
    };
    expect(refusal(inp, state, { ...ext, byRole: 'team-manager' })).toMatchObject({
      field: 'type',
      forbidden: true,
      message: expect.stringContaining('complaints-manager'),
    });
    send(inp, state, { ...ext, byRole: 'complaints-manager' });
    // Received Mon 19 Mar 2029; the maximum, 20 WD, is Wed 18 Apr (as nationally).
    expect(step(inp, state, 'stage1-response')).toMatchObject({
      dueDate: '2029-04-18',
      rule: { definedBy: 'derbyshire' },
    });
    // Overdue goes to the team manager who answers it, copying the complaints manager.
    expect(inp.rules.steps.find((s) => s.key === 'stage1-response')!.ladder[1]).toEqual({
      tier: 'overdue',
      role: 'team-manager',
      workingDaysFromDue: 1,
      cc: ['complaints-manager'],
    });
  });

  test('corporate: acknowledgement 3 WD (L1566), response 28 calendar days (L1567), a revised target up to 90 days (L1568)', () => {
    const inp = clockInput('derbyshire', 'complaint-corporate', { received: '2029-03-02' });
    const state = initialState(inp);
    // Received Fri 2 Mar 2029: acknowledgement Mon 5 (1), Tue 6 (2), Wed 7 Mar (3).
    expect(step(inp, state, 'acknowledgement')).toMatchObject({ dueDate: '2029-03-07' });
    // Response: 2 Mar + 28 calendar days = Fri 30 Mar 2029 (Good Friday: calendar time stays where it falls).
    expect(step(inp, state, 'response')).toMatchObject({ dueDate: '2029-03-30' });
    // The cap: 2 Mar + 90 days = Thu 31 May 2029.
    expect(
      refusal(inp, state, {
        type: 'extend',
        step: 'response',
        reason: 'internal procedure ongoing',
        until: '2029-06-01',
        agreedWithComplainant: true,
      }),
    ).toMatchObject({ field: 'until', message: expect.stringContaining('2029-05-31') });
    send(inp, state, { type: 'step-completed', step: 'acknowledgement', occurredAt: '2029-03-06' });
    send(inp, state, {
      type: 'extend',
      step: 'response',
      reason: 'internal procedure ongoing',
      until: '2029-04-20',
      agreedWithComplainant: true,
    });
    // A revised target: the 28-day date stays (the response is late against it); the ladder follows 20 Apr.
    expect(step(inp, state, 'response', Date.parse('2029-04-10T12:00:00+01:00'))).toMatchObject({
      dueDate: '2029-03-30',
      revisedTarget: '2029-04-20',
      status: 'extended',
    });
    send(inp, state, { type: 'step-completed', step: 'response', occurredAt: '2029-04-19' });
    expect(step(inp, state, 'response')).toMatchObject({ status: 'completed', late: true });
    expect(state.finished?.reason).toBe(
      'response completed: the final response was sent; the complainant may take the complaint to the Local Government and Social Care Ombudsman',
    );
  });

  test('an LA whose standards describe no corporate procedure has none', () => {
    expect(() => clockInput('york', 'complaint-corporate', { received: '2029-03-02' })).toThrow(
      /no profile in the chain lists its anchors/,
    );
  });
});
