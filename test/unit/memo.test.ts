/**
 * memoView: what a clock's memo withholds (engine/explain/memo.ts), on a hand-built clock. The
 * end-to-end redaction test drives real processes; these cases pin the edges: a date that is a due date
 * and also a birthday stays a date, a one-word reason is withheld in its own line only, and the clock
 * (due dates, other anchors, who and when) is otherwise unchanged.
 */
import { PERSONAL_ANCHORS, WITHHELD, memoView } from '../../engine/explain/memo';
import type { ClockInput, ClockState, ClockView, HistoryEntry, StepView } from '../../engine/types';
import { inLondonWords, recordHistory } from '../../engine/history';

const DOB = '2014-07-19';

function clock(history: HistoryEntry[], steps: Partial<StepView>[]) {
  const state = {
    anchors: { 'date-of-birth': DOB, 'became-looked-after': '2026-06-01' },
    anchorLog: { 'date-of-birth': ['2014-07-18', DOB], 'became-looked-after': ['2026-06-01'] },
    extensions: {},
    intervals: {
      'statutory-visit': {
        every: { value: 4, unit: 'weeks' },
        reason: 'Kerrow-Vane family asked',
        recordedAt: '2026-07-01T10:00:00+01:00',
      },
    },
    noAccess: {},
    history,
  } as unknown as ClockState;
  const view = {
    workflowId: 'looked-after-C-1-1',
    anchors: { ...state.anchors },
    steps: steps.map((s) => ({ escalations: [], ...s })),
    history: history.map(({ withheld: _w, ...h }) => h),
  } as unknown as ClockView;
  return { input: { anchors: {} } as unknown as ClockInput, state, view };
}

test('birth-date anchors leave the memo; a due date on a birthday stays; prose loses the date in both forms', () => {
  const { input, state, view } = clock(
    [
      {
        at: '2026-07-01T10:00:00+01:00',
        what: `anchor date-of-birth moved from 2014-07-18 set to ${DOB}`,
        withheld: [DOB, '2014-07-18'],
      },
    ],
    [
      // Counted from the date of birth: its anchorAt is the birth date itself.
      {
        key: 'health-assessment-review',
        anchor: 'date-of-birth',
        anchorAt: DOB,
        dueDate: '2026-07-19',
        explanation: '12 months after Sat 19 Jul 2014 (date-of-birth) = ...',
      },
      // A visit due, by chance, on a date that is also the (corrected) birth date: a due date, kept.
      { key: 'statutory-visit', anchor: 'placement-start', anchorAt: '2026-06-01', dueDate: DOB },
    ],
  );
  const memo = memoView(input, state, view);
  expect(memo.anchors).toEqual({ 'became-looked-after': '2026-06-01' });
  expect(memo.steps[0]).not.toHaveProperty('anchorAt');
  expect(memo.steps[0].explanation).toBe(`12 months after ${WITHHELD} (date-of-birth) = ...`);
  expect(memo.steps[1]).toMatchObject({ anchorAt: '2026-06-01', dueDate: DOB });
  expect(memo.history).toEqual([
    { at: '2026-07-01T10:00:00+01:00', what: `anchor date-of-birth moved from ${WITHHELD} set to ${WITHHELD}` },
  ]);
  expect([...PERSONAL_ANCHORS].sort()).toEqual([
    'birth',
    'date-of-birth',
    'expected-delivery-date',
    'sixteenth-birthday',
  ]);
});

test('free text is withheld wherever it is quoted; a one-word reason only in its own line; who and when stay', () => {
  const { input, state, view } = clock(
    [
      {
        at: '2026-07-01T10:00:00+01:00',
        what: 'statutory-visit interval set to 4 weeks: Kerrow-Vane family asked',
        by: 'sw-1',
        withheld: ['Kerrow-Vane family asked'],
      },
      {
        at: '2026-07-02T10:00:00+01:00',
        what: 'reassigned from sw-1/t-1 to sw-2/t-1: ok',
        by: 'tm-1',
        withheld: ['ok'],
      },
      {
        at: '2026-07-03T10:00:00+01:00',
        what: 'statutory-visit #2 completed at 2026-07-03 (due 2026-07-29), looked ok',
      },
    ],
    [
      {
        key: 'statutory-visit',
        anchor: 'placement-start',
        rule: {
          source: { kind: 'product', citation: 'interval set for this child: Kerrow-Vane family asked' },
        } as never,
        interval: {
          every: { value: 4, unit: 'weeks' },
          reason: 'Kerrow-Vane family asked',
          recordedAt: '2026-07-01T10:00:00+01:00',
        },
      },
    ],
  );
  const memo = memoView(input, state, view);
  expect(memo.history).toEqual([
    { at: '2026-07-01T10:00:00+01:00', what: `statutory-visit interval set to 4 weeks: ${WITHHELD}`, by: 'sw-1' },
    { at: '2026-07-02T10:00:00+01:00', what: `reassigned from sw-1/t-1 to sw-2/t-1: ${WITHHELD}`, by: 'tm-1' },
    // "ok" elsewhere is an ordinary word, not the reason.
    { at: '2026-07-03T10:00:00+01:00', what: 'statutory-visit #2 completed at 2026-07-03 (due 2026-07-29), looked ok' },
  ]);
  expect(memo.steps[0].interval).toEqual({
    every: { value: 4, unit: 'weeks' },
    reason: WITHHELD,
    recordedAt: '2026-07-01T10:00:00+01:00',
  });
  expect(memo.steps[0].rule.source).toEqual({ kind: 'product', citation: `interval set for this child: ${WITHHELD}` });
  // The view itself (what the API and the query answer) is untouched.
  expect(view.steps[0].interval?.reason).toBe('Kerrow-Vane family asked');
});

test('history prints every instant as London reads it, whatever offset it came with; dates stay dates', () => {
  // 2026-11-17T10:00:00Z is Tue 17 Nov 2026 10:00 GMT; 2026-10-20T12:00:00+01:00 is Tue 20 Oct 12:00 BST;
  // 2026-06-30T23:30:15Z is 00:30:15 BST on Wed 1 Jul 2026 (the next London day, seconds kept).
  expect(
    inLondonWords(
      'recorded strategy-discussion 2026-11-17T10:00:00Z; completed at 2026-10-20T12:00:00+01:00 (due 2026-10-06)',
    ),
  ).toBe(
    'recorded strategy-discussion 10:00 GMT Tue 17 Nov 2026; completed at 12:00 BST Tue 20 Oct 2026 (due 2026-10-06)',
  );
  const state = { history: [] } as unknown as ClockState;
  recordHistory(state, '2026-07-01T10:00:00+01:00', 'birth recorded 2026-06-30T23:30:15Z', 'sw-1', [
    '2026-06-30T23:30:15Z',
  ]);
  expect(state.history).toEqual([
    {
      at: '2026-07-01T10:00:00+01:00',
      what: 'birth recorded 00:30:15 BST Wed 1 Jul 2026',
      by: 'sw-1',
      withheld: ['00:30:15 BST Wed 1 Jul 2026'],
    },
  ]);
});
