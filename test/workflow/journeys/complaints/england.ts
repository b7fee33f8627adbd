/**
 * England (the national rules, profiles/data/england.json): one children's social care complaint through all
 * three stages of the statutory procedure, with extensions, worked by hand (checked with an independent Python
 * script, not the project's code).
 *
 * Rules used (complaint-statutory; the Children Act 1989 Representations Procedure (England) Regulations 2006):
 *   stage1-response       10 WD after stage1-received. Statutory extension up to 20 WD after stage1-received (the
 *                         maximum; an extend without `until` goes to it). `until` must be later than the current due
 *                         date and not after the maximum; a reason (>= 3 chars) and agreedWithComplainant: true are
 *                         needed; england has no approver role. A statutory extension MOVES the due date to `until`.
 *   stage2-request-window (a window: the complainant's time, not the LA's duty; no notifications ever) last day =
 *                         20 WD after the stage 1 response was sent; completed by the stage2-requested anchor dated
 *                         on or before that day.
 *   stage2-response       25 WD after stage2-requested; statutory extension up to 65 WD after it (no approver, no
 *                         complainant agreement needed).
 *   stage3-request-window 20 WD after the stage 2 response; completed by stage3-requested.
 *   stage3-panel          (a meeting: planBy = the due date, WD counts land on working days) 30 WD after
 *                         stage3-requested.
 *   stage3-panel-report   5 WD after the panel was held; stage3-la-response 15 WD after the panel report. Completing
 *                         it ends the process: 'stage3-la-response completed: the statutory procedure is complete;
 *                         the complainant may take the complaint to the Local Government and Social Care Ombudsman'.
 *   Ending: open steps are cancelled; nothing further is sent; any later event is refused (Ended).
 *   Ladder (every LA step, not the windows), each tier at 09:00 London on a WORKING day counted from the ladder base
 *     (the due date; after an extension its `until`): reminder -2 WD to the assigned worker; overdue +1 WD to the
 *     complaints manager cc the team manager; escalated +3 WD to the service manager cc the complaints manager;
 *     critical +6 WD to the head of service cc the complaints manager. A tier fires only while the step is open; a
 *     reminder is not sent once the step is late nor before its anchor. Every extension starts a new epoch n (n
 *     extensions so far): the tiers are recomputed from the new base, their key tail gets ':x<n>', tiers sent under
 *     an earlier epoch stay sent, and a tier of the new epoch whose instant has already passed (the step not yet
 *     late) is sent at once, its X-Clock-Fires-At showing the computed instant. Key tail: step:1:tier[:x<n>].
 *   Recipients (config/directory.json): team eng-demo: team-manager tm-eng, service-manager sm-eng; LA england:
 *     head-of-service hos-eng, complaints-manager cm-eng. 'sw-eng-none' is not a person, so the assigned worker
 *     resolves to the team manager tm-eng.
 *   Counting: "N WD after X": X's own day does not count; a datetime anchor counts from its London date.
 *
 * Calendar facts (2029 on: bank holidays projected by rule, engine/calendar/projection.ts):
 *   bank holidays met: Tue 25 Dec 2029, Wed 26 Dec 2029, Tue 1 Jan 2030, Fri 19 Apr 2030 (Good Friday), Mon 22 Apr
 *   2030 (Easter Monday), Mon 6 May 2030, Mon 27 May 2030. Clock: GMT (+00:00) to Sun 31 Mar 2030, then BST (+01:00)
 *   to Sun 27 Oct 2030.
 *
 * The story (caseId CMP-ENG-1, worker sw-eng-none, team eng-demo):
 *   Tue 4 Dec 2029 10:00 the complaint is received (stage 1; the matter complained of happened Tue 4 Sep 2029).
 *   Stage 1 due Tue 18 Dec 2029; its reminder fires Fri 14 Dec. Mon 17 Dec it is extended (agreed with the
 *   complainant) to Wed 19 Dec: the new epoch's reminder (Mon 17 Dec 09:00) has already passed, so it is sent at once.
 *   Tue 18 Dec two extensions are refused: one to Mon 7 Jan 2030 (past the maximum, Fri 4 Jan 2030: field until),
 *   one without the complainant's agreement (field agreedWithComplainant). Wed 19 Dec it is extended to the maximum
 *   (no until), across Christmas and New Year: Fri 4 Jan 2030; reminder x2 Wed 2 Jan; answered Thu 3 Jan (on time).
 *   The complainant asks for stage 2 on the LAST day of the window, Thu 31 Jan 2030 at 16:00. Stage 2 due Thu 7 Mar;
 *   two extensions refused Mon 4 Mar (until = the current due date; until one WD past the 65 WD maximum), the
 *   reminder fires Tue 5 Mar, and Wed 6 Mar it is extended to exactly the maximum, Tue 7 May 2030 (across Easter and
 *   the early May bank holiday). Answered Tue 30 Apr, before the new reminder (Thu 2 May).
 *   Tue 21 May 2030 stage 3 is requested: the panel is due Wed 3 Jul; it is held LATE, Tue 9 Jul (reminder, overdue,
 *   escalated fire; critical, Thu 11 Jul, does not). Report Thu 11 Jul; LA response Wed 31 Jul 2030 (the day after
 *   its reminder): the process ends. A withdrawal sent Fri 2 Aug 2030 is refused (Ended).
 * Notifications: 8 (stage 1 reminder, x1 reminder sent at once, x2 reminder; stage 2 reminder; panel reminder,
 *   overdue, escalated; LA response reminder).
 */
import { ExpectedNotice, Journey, JourneyEvent, done } from '../journey';

const events: JourneyEvent[] = [
  // ---------------------------------------------------------------- stage 1 (received Tue 4 Dec 2029 10:00 GMT)
  {
    at: '2029-12-17T10:00:00+00:00',
    process: 'complaint',
    expect: { step: 'stage1-response', dueDate: '2029-12-18' },
    event: {
      type: 'extend',
      step: 'stage1-response',
      reason: 'complex: records held by two teams must be reviewed',
      until: '2029-12-19',
      agreedWithComplainant: true,
    },
    why: "stage1-response: received Tue 4 Dec 2029 + 10 WD: Dec 5-7 (3), 10-14 (8), 17,18 (10) = Tue 18 Dec 2029; its reminder (-2 WD: Mon 17 (1), Fri 14 Dec (2) 09:00) has fired. Extended Mon 17 Dec 2029 10:00 to Wed 19 Dec 2029, agreed with the complainant: later than Tue 18 Dec and before the maximum (20 WD: ... 17-21 (13), 24 (14), [Tue 25 Dec Christmas Day], [Wed 26 Dec Boxing Day], 27,28 (16), 31 (17), [Tue 1 Jan New Year's Day], Jan 2-4 (20) = Fri 4 Jan 2030). Epoch 1: reminder:x1 -2 WD from Wed 19 Dec: Tue 18 (1), Mon 17 Dec (2) 09:00, already past and the step not late: sent at once (listed).",
  },
  {
    at: '2029-12-18T10:00:00+00:00',
    process: 'complaint',
    expect: { step: 'stage1-response', dueDate: '2029-12-19' },
    event: {
      type: 'extend',
      step: 'stage1-response',
      reason: 'complex: a second matter was added',
      until: '2030-01-07',
      agreedWithComplainant: true,
    },
    rejected: { type: 'InvalidEvent', field: 'until' },
    why: 'stage1-response now due Wed 19 Dec 2029 (moved by the extension). An extension to Mon 7 Jan 2030 is refused: it is after the maximum, 20 WD after receipt = Fri 4 Jan 2030 (InvalidEvent, field until). Nothing changes.',
  },
  {
    at: '2029-12-18T14:00:00+00:00',
    process: 'complaint',
    expect: { step: 'stage1-response', dueDate: '2029-12-19' },
    event: { type: 'extend', step: 'stage1-response', reason: 'complex: a second matter was added' },
    rejected: { type: 'InvalidEvent', field: 'agreedWithComplainant' },
    why: "stage1-response still due Wed 19 Dec 2029. An extension (to the maximum, Fri 4 Jan 2030: valid in itself) sent without agreedWithComplainant: true is refused: england requires the complainant's agreement (InvalidEvent, field agreedWithComplainant).",
  },
  {
    at: '2029-12-19T10:00:00+00:00',
    process: 'complaint',
    expect: { step: 'stage1-response', dueDate: '2029-12-19' },
    event: {
      type: 'extend',
      step: 'stage1-response',
      reason: 'complex: a second matter was added',
      agreedWithComplainant: true,
    },
    why: 'stage1-response due Wed 19 Dec 2029 (its x1 overdue, +1 WD Thu 20 Dec 09:00, not reached). Extended Wed 19 Dec 2029 10:00 without until: to the maximum, 20 WD after Tue 4 Dec 2029 = Fri 4 Jan 2030 (across Christmas and New Year). Epoch 2: reminder:x2 -2 WD: Thu 3 (1), Wed 2 Jan 2030 (2) 09:00.',
  },
  done(
    '2030-01-03T10:00:00+00:00',
    'complaint',
    'stage1-response',
    { dueDate: '2030-01-04' },
    'stage1-response due Fri 4 Jan 2030 (the maximum). The stage 1 response is sent Thu 3 Jan 2030 10:00, on time, after: reminder:x2 Wed 2 Jan 2030 09:00 (listed). The stage 2 request window opens.',
  ),
  // ---------------------------------------------------------------- stage 2
  {
    at: '2030-01-31T16:00:00+00:00',
    process: 'complaint',
    expect: { step: 'stage2-request-window', dueDate: '2030-01-31' },
    event: { type: 'anchor', anchor: 'stage2-requested', at: '2030-01-31T16:00:00+00:00' },
    why: 'stage2-request-window: stage 1 response sent Thu 3 Jan 2030 + 20 WD: Jan 4 (1), 7-11 (6), 14-18 (11), 21-25 (16), 28-31 (20) = Thu 31 Jan 2030 (no notifications: a window). The complainant asks for stage 2 ON THE LAST DAY, Thu 31 Jan 2030 16:00: accepted, the window is complete.',
  },
  {
    at: '2030-03-04T10:00:00+00:00',
    process: 'complaint',
    expect: { step: 'stage2-response', dueDate: '2030-03-07' },
    event: {
      type: 'extend',
      step: 'stage2-response',
      reason: 'complex: the investigating officer needs more interviews',
      until: '2030-03-07',
    },
    rejected: { type: 'InvalidEvent', field: 'until' },
    why: 'stage2-response: stage2-requested Thu 31 Jan 2030 + 25 WD: Feb 1 (1), 4-8 (6), 11-15 (11), 18-22 (16), 25-28 (20), Mar 1 (21), 4-7 (25) = Thu 7 Mar 2030. An extension until Thu 7 Mar 2030 is refused: not later than the current due date (InvalidEvent, field until).',
  },
  {
    at: '2030-03-04T14:00:00+00:00',
    process: 'complaint',
    expect: { step: 'stage2-response', dueDate: '2030-03-07' },
    event: {
      type: 'extend',
      step: 'stage2-response',
      reason: 'complex: the investigating officer needs more interviews',
      until: '2030-05-08',
    },
    rejected: { type: 'InvalidEvent', field: 'until' },
    why: 'stage2-response due Thu 7 Mar 2030. Maximum: 65 WD after Thu 31 Jan 2030: ... Mar 1 (21), 4-8 (26), 11-15 (31), 18-22 (36), 25-29 (41), Apr 1-5 (46), 8-12 (51), 15-18 (55), [Fri 19 Apr Good Friday], [Mon 22 Apr Easter Monday], 23-26 (59), 29,30 (61), May 1-3 (64), [Mon 6 May Early May bank holiday], 7 (65) = Tue 7 May 2030. An extension until Wed 8 May 2030, one WD past it, is refused (InvalidEvent, field until).',
  },
  {
    at: '2030-03-06T10:00:00+00:00',
    process: 'complaint',
    expect: { step: 'stage2-response', dueDate: '2030-03-07' },
    event: {
      type: 'extend',
      step: 'stage2-response',
      reason: 'complex: the investigating officer needs more interviews',
      until: '2030-05-07',
    },
    why: 'stage2-response due Thu 7 Mar 2030; its reminder (-2 WD: Wed 6 (1), Tue 5 Mar (2) 09:00) has fired. Extended Wed 6 Mar 2030 10:00 until exactly the 65 WD maximum, Tue 7 May 2030 (stage 2 needs no agreement and no approver): the due date moves. Epoch 1: reminder:x1 -2 WD: Fri 3 (1), Thu 2 May 2030 (2) 09:00; overdue:x1 +1 WD Wed 8 May (after the Mon 6 May bank holiday).',
  },
  done(
    '2030-04-30T10:00:00+01:00',
    'complaint',
    'stage2-response',
    { dueDate: '2030-05-07' },
    'stage2-response due Tue 7 May 2030 (extended). The stage 2 response is sent Tue 30 Apr 2030 10:00, before its x1 reminder (-2 WD: Fri 3 (1), Thu 2 May (2) 09:00): none fires. The stage 3 request window opens.',
  ),
  // ---------------------------------------------------------------- stage 3
  {
    at: '2030-05-21T10:00:00+01:00',
    process: 'complaint',
    expect: { step: 'stage3-request-window', dueDate: '2030-05-30' },
    event: { type: 'anchor', anchor: 'stage3-requested', at: '2030-05-21T10:00:00+01:00' },
    why: 'stage3-request-window: stage 2 response sent Tue 30 Apr 2030 + 20 WD: May 1-3 (3), [Mon 6 May Early May bank holiday], 7-10 (7), 13-17 (12), 20-24 (17), [Mon 27 May Spring bank holiday], 28-30 (20) = Thu 30 May 2030. Stage 3 requested Tue 21 May 2030 10:00, within the window.',
  },
  done(
    '2030-07-09T10:00:00+01:00',
    'complaint',
    'stage3-panel',
    { dueDate: '2030-07-03', planBy: '2030-07-03' },
    'stage3-panel: stage3-requested Tue 21 May 2030 + 30 WD: May 22-24 (3), [Mon 27 May Spring bank holiday], 28-31 (7), Jun 3-7 (12), 10-14 (17), 17-21 (22), 24-28 (27), Jul 1-3 (30) = Wed 3 Jul 2030, a working day: planBy Wed 3 Jul 2030. Held Tue 9 Jul 2030 10:00, LATE, after: reminder Mon 1 Jul, overdue Thu 4 Jul, escalated Mon 8 Jul 2030 09:00 (listed). Critical (+6 WD: Thu 4 (1), Fri 5 (2), Mon 8 (3), Tue 9 (4), Wed 10 (5), Thu 11 Jul (6) 09:00) never fires.',
  ),
  done(
    '2030-07-11T10:00:00+01:00',
    'complaint',
    'stage3-panel-report',
    { dueDate: '2030-07-16' },
    'stage3-panel-report: panel held Tue 9 Jul 2030 + 5 WD: Jul 10-12 (3), 15,16 (5) = Tue 16 Jul 2030. Sent Thu 11 Jul 2030 10:00, before its reminder (-2 WD: Mon 15 (1), Fri 12 Jul (2) 09:00): none fires.',
  ),
  done(
    '2030-07-31T10:00:00+01:00',
    'complaint',
    'stage3-la-response',
    { dueDate: '2030-08-01' },
    'stage3-la-response: panel report Thu 11 Jul 2030 + 15 WD: Jul 12 (1), 15-19 (6), 22-26 (11), 29-31 (14), Aug 1 (15) = Thu 1 Aug 2030. Sent Wed 31 Jul 2030 10:00, on time, after: reminder Tue 30 Jul 2030 09:00 (listed). The statutory procedure is complete: the process ends.',
  ),
  {
    at: '2030-08-02T10:00:00+01:00',
    process: 'complaint',
    event: {
      type: 'withdraw',
      occurredAt: '2030-08-02T10:00:00+01:00',
      reason: 'the complainant no longer wishes to pursue it',
    },
    rejected: { type: 'Ended' },
    why: 'The process ended Wed 31 Jul 2030 10:00 with the LA response: a withdrawal sent Fri 2 Aug 2030 10:00 is refused (Ended).',
  },
];

const notifications: ExpectedNotice[] = [
  {
    process: 'complaint',
    key: 'stage1-response:1:reminder',
    firesAt: '2029-12-14T09:00:00+00:00',
    to: 'tm-eng',
    why: 'stage1-response due Tue 18 Dec 2029; reminder -2 WD: Mon 17 (1), Fri 14 Dec (2) 09:00, to the assigned worker (sw-eng-none is not a person: the team manager tm-eng); still open then (extended Mon 17 Dec 2029 10:00).',
  },
  {
    process: 'complaint',
    key: 'stage1-response:1:reminder:x1',
    firesAt: '2029-12-17T09:00:00+00:00',
    to: 'tm-eng',
    why: 'Epoch 1 (extended Mon 17 Dec 2029 10:00 to Wed 19 Dec 2029): reminder -2 WD from Wed 19 Dec: Tue 18 (1), Mon 17 Dec (2) 09:00, already past when the extension is recorded and the step not late: sent at once (at 10:00), X-Clock-Fires-At shows Mon 17 Dec 2029 09:00. To tm-eng (assigned worker).',
  },
  {
    process: 'complaint',
    key: 'stage1-response:1:reminder:x2',
    firesAt: '2030-01-02T09:00:00+00:00',
    to: 'tm-eng',
    why: 'Epoch 2 (extended Wed 19 Dec 2029 to the maximum, Fri 4 Jan 2030): reminder -2 WD: Thu 3 (1), Wed 2 Jan (2) 09:00, to tm-eng (assigned worker); still open then (answered Thu 3 Jan 2030 10:00).',
  },
  {
    process: 'complaint',
    key: 'stage2-response:1:reminder',
    firesAt: '2030-03-05T09:00:00+00:00',
    to: 'tm-eng',
    why: 'stage2-response due Thu 7 Mar 2030; reminder -2 WD: Wed 6 (1), Tue 5 Mar (2) 09:00, to tm-eng (assigned worker); still open then (extended Wed 6 Mar 2030 10:00).',
  },
  {
    process: 'complaint',
    key: 'stage3-panel:1:reminder',
    firesAt: '2030-07-01T09:00:00+01:00',
    to: 'tm-eng',
    why: 'stage3-panel due Wed 3 Jul 2030; reminder -2 WD: Tue 2 (1), Mon 1 Jul (2) 09:00, to tm-eng (assigned worker); still open then (held Tue 9 Jul 2030 10:00).',
  },
  {
    process: 'complaint',
    key: 'stage3-panel:1:overdue',
    firesAt: '2030-07-04T09:00:00+01:00',
    to: 'cm-eng',
    cc: ['tm-eng'],
    why: 'stage3-panel due Wed 3 Jul 2030; overdue +1 WD: Thu 4 Jul (1) 09:00, to the complaints manager cm-eng, copy to the team manager tm-eng; still open then (held Tue 9 Jul 2030 10:00).',
  },
  {
    process: 'complaint',
    key: 'stage3-panel:1:escalated',
    firesAt: '2030-07-08T09:00:00+01:00',
    to: 'sm-eng',
    cc: ['cm-eng'],
    why: 'stage3-panel due Wed 3 Jul 2030; escalated +3 WD: Thu 4 (1), Fri 5 (2), Mon 8 Jul (3) 09:00, to the service manager sm-eng, copy to the complaints manager cm-eng; still open then (held Tue 9 Jul 2030 10:00).',
  },
  {
    process: 'complaint',
    key: 'stage3-la-response:1:reminder',
    firesAt: '2030-07-30T09:00:00+01:00',
    to: 'tm-eng',
    why: 'stage3-la-response due Thu 1 Aug 2030; reminder -2 WD: Wed 31 (1), Tue 30 Jul (2) 09:00, to tm-eng (assigned worker); still open then (sent Wed 31 Jul 2030 10:00).',
  },
];

export const journey: Journey & { expectEnd: { reason: string } } = {
  la: 'england',
  caseId: 'CMP-ENG-1',
  workerId: 'sw-eng-none',
  team: 'eng-demo',
  startProcess: 'complaint',
  start: { 'stage1-received': '2029-12-04T10:00:00+00:00', 'matter-occurred': '2029-09-04' },
  events,
  notifications,
  // After the end (Wed 31 Jul 2030 10:00) and past every tier the open LA response would have had (critical +6 WD
  // from Thu 1 Aug: Fri 9 Aug 2030): nothing more is sent.
  endsAt: '2030-08-12T10:00:00+01:00',
  expectEnd: {
    reason:
      'stage3-la-response completed: the statutory procedure is complete; the complainant may take the complaint to the Local Government and Social Care Ombudsman',
  },
};
