/**
 * Derbyshire County Council (profiles/data/derbyshire.json over england.json): one children's social care complaint
 * through all three stages of the statutory procedure with NO extension, worked by hand (checked with an independent
 * Python script, not the project's code).
 *
 * Rules used (complaint-statutory, profile derbyshire):
 *   stage1-response       10 WD after stage1-received. Statutory extension up to 20 WD (needs a reason, the
 *                         complainant's agreement, AND Derbyshire's approver: sent by the complaints manager, byRole
 *                         'complaints-manager' (or admin); from anyone else it is refused: InvalidEvent, field type).
 *   stage2-request-window last day = 20 WD after the stage 1 response was sent (a window: no notifications);
 *                         completed by stage2-requested dated on or before it.
 *   stage2-response       25 WD after stage2-requested.
 *   stage3-request-window last day = 20 WD after the stage 2 response; completed by stage3-requested.
 *   stage3-panel          (a meeting: planBy = the due date) 30 WD after stage3-requested.
 *   stage3-panel-report   5 WD after the panel; stage3-la-response 15 WD after the report. Completing it ends the
 *                         process: 'stage3-la-response completed: the statutory procedure is complete; the complainant
 *                         may take the complaint to the Local Government and Social Care Ombudsman'. After the end any
 *                         event is refused (Ended).
 *   Ladder (LA steps, not windows), each at 09:00 London on a WORKING day from the due date: reminder -2 WD to the
 *     assigned worker; overdue +1 WD to the team manager cc the complaints manager; escalated +3 WD to the service
 *     manager cc the complaints manager; critical +6 WD to the head of service cc the complaints manager. A tier
 *     fires only while the step is open; a reminder is not sent once the step is late. Key tail: step:1:tier.
 *   Recipients (config/directory.json): sw-derb-01 (a person: the assigned worker); team derb-north-assessment:
 *     team-manager tm-derb-north, service-manager sm-derb-assess; LA derbyshire: head-of-service hos-derb,
 *     complaints-manager cm-derb.
 *   Counting: "N WD after X": X's own day does not count; a datetime anchor counts from its London date.
 *
 * Calendar facts (bank holidays projected by rule, engine/calendar/projection.ts): Fri 11 Apr 2031 (Good Friday), Mon 14 Apr
 *   2031 (Easter Monday), Mon 5 May 2031, Mon 26 May 2031, Mon 25 Aug 2031. Derbyshire has no closure days. Clock: BST
 *   (+01:00) Sun 30 Mar - Sun 26 Oct 2031: every instant here is BST.
 *
 * The story (caseId CMP-DERB-1, worker sw-derb-01, team derb-north-assessment):
 *   Wed 2 Apr 2031 10:00 the complaint is received (the matter happened Thu 2 Jan 2031). Stage 1 due Fri 18 Apr 2031
 *   (across Easter). Tue 15 Apr an extension sent by the team manager is refused (Derbyshire needs the complaints
 *   manager: field type). The response is sent LATE, Tue 22 Apr: reminder (Wed 16 Apr) and overdue (Mon 21 Apr, to
 *   tm-derb-north cc cm-derb) fire; escalated (Wed 23 Apr) does not. Stage 2 requested Fri 9 May (window to Wed 21
 *   May); due Mon 16 Jun; answered Wed 11 Jun, before its reminder. The stage 3 request is made on the LAST day of
 *   its window, Wed 9 Jul 2031 15:00. Panel due Wed 20 Aug, held Tue 19 Aug (after its reminder, Mon 18 Aug); report
 *   Thu 21 Aug (due Wed 27 Aug, across the summer bank holiday); LA response Mon 8 Sep 2031 (due Fri 12 Sep): the
 *   process ends. A second LA response sent Tue 16 Sep is refused (Ended).
 * Notifications: 3 (stage 1 reminder and overdue, panel reminder).
 */
import { ExpectedNotice, Journey, JourneyEvent, done } from '../journey';

const events: JourneyEvent[] = [
  // ---------------------------------------------------------------- stage 1 (received Wed 2 Apr 2031 10:00 BST)
  {
    at: '2031-04-15T10:00:00+01:00',
    process: 'complaint',
    expect: { step: 'stage1-response', dueDate: '2031-04-18' },
    event: {
      type: 'extend',
      step: 'stage1-response',
      reason: 'complex: health records are needed from the trust',
      until: '2031-04-25',
      agreedWithComplainant: true,
      byRole: 'team-manager',
    },
    rejected: { type: 'Forbidden', field: 'type' },
    why: "stage1-response: received Wed 2 Apr 2031 + 10 WD: Apr 3,4 (2), 7-10 (6), [Fri 11 Apr Good Friday], [Mon 14 Apr Easter Monday], 15-18 (10) = Fri 18 Apr 2031. An extension to Fri 25 Apr 2031 (within the maximum, 20 WD: ... 21-25 (15), 28-30 (18), May 1,2 (20) = Fri 2 May 2031), with a reason and the complainant's agreement, but sent by the team manager: Derbyshire requires the complaints manager to approve it: refused (Forbidden, 403 through the API; field type). Nothing changes.",
  },
  done(
    '2031-04-22T10:00:00+01:00',
    'complaint',
    'stage1-response',
    { dueDate: '2031-04-18' },
    'stage1-response due Fri 18 Apr 2031 (not extended). Sent Tue 22 Apr 2031 10:00, LATE, after: reminder Wed 16 Apr 2031 09:00 (-2 WD: Thu 17 (1), Wed 16 Apr (2)) and overdue Mon 21 Apr 2031 09:00 (+1 WD: Mon 21 Apr (1)) (listed). Escalated (+3 WD: Mon 21 (1), Tue 22 (2), Wed 23 Apr (3) 09:00) never fires. The stage 2 request window opens.',
  ),
  // ---------------------------------------------------------------- stage 2
  {
    at: '2031-05-09T10:00:00+01:00',
    process: 'complaint',
    expect: { step: 'stage2-request-window', dueDate: '2031-05-21' },
    event: { type: 'anchor', anchor: 'stage2-requested', at: '2031-05-09T10:00:00+01:00' },
    why: 'stage2-request-window: stage 1 response sent Tue 22 Apr 2031 + 20 WD: Apr 23-25 (3), 28-30 (6), May 1,2 (8), [Mon 5 May Early May bank holiday], 6-9 (12), 12-16 (17), 19-21 (20) = Wed 21 May 2031. Stage 2 requested Fri 9 May 2031 10:00, within it.',
  },
  done(
    '2031-06-11T10:00:00+01:00',
    'complaint',
    'stage2-response',
    { dueDate: '2031-06-16' },
    'stage2-response: stage2-requested Fri 9 May 2031 + 25 WD: May 12-16 (5), 19-23 (10), [Mon 26 May Spring bank holiday], 27-30 (14), Jun 2-6 (19), 9-13 (24), 16 (25) = Mon 16 Jun 2031. Sent Wed 11 Jun 2031 10:00, before its reminder (-2 WD: Fri 13 (1), Thu 12 Jun (2) 09:00): none fires. The stage 3 request window opens.',
  ),
  // ---------------------------------------------------------------- stage 3
  {
    at: '2031-07-09T15:00:00+01:00',
    process: 'complaint',
    expect: { step: 'stage3-request-window', dueDate: '2031-07-09' },
    event: { type: 'anchor', anchor: 'stage3-requested', at: '2031-07-09T15:00:00+01:00' },
    why: 'stage3-request-window: stage 2 response sent Wed 11 Jun 2031 + 20 WD: Jun 12,13 (2), 16-20 (7), 23-27 (12), 30 (13), Jul 1-4 (17), 7-9 (20) = Wed 9 Jul 2031. Stage 3 requested ON THE LAST DAY, Wed 9 Jul 2031 15:00: accepted.',
  },
  done(
    '2031-08-19T10:00:00+01:00',
    'complaint',
    'stage3-panel',
    { dueDate: '2031-08-20', planBy: '2031-08-20' },
    'stage3-panel: stage3-requested Wed 9 Jul 2031 + 30 WD: Jul 10,11 (2), 14-18 (7), 21-25 (12), 28-31 (16), Aug 1 (17), 4-8 (22), 11-15 (27), 18-20 (30) = Wed 20 Aug 2031, a working day: planBy Wed 20 Aug 2031. Held Tue 19 Aug 2031 10:00, on time, after: reminder Mon 18 Aug 2031 09:00 (-2 WD: Tue 19 (1), Mon 18 Aug (2); listed).',
  ),
  done(
    '2031-08-21T10:00:00+01:00',
    'complaint',
    'stage3-panel-report',
    { dueDate: '2031-08-27' },
    'stage3-panel-report: panel held Tue 19 Aug 2031 + 5 WD: Aug 20-22 (3), [Mon 25 Aug Summer bank holiday], 26,27 (5) = Wed 27 Aug 2031. Sent Thu 21 Aug 2031 10:00, before its reminder (-2 WD: Tue 26 (1), [Mon 25 Aug Summer bank holiday], Fri 22 Aug (2) 09:00): none fires.',
  ),
  done(
    '2031-09-08T10:00:00+01:00',
    'complaint',
    'stage3-la-response',
    { dueDate: '2031-09-12' },
    'stage3-la-response: panel report Thu 21 Aug 2031 + 15 WD: Aug 22 (1), [Mon 25 Aug Summer bank holiday], 26-29 (5), Sep 1-5 (10), 8-12 (15) = Fri 12 Sep 2031. Sent Mon 8 Sep 2031 10:00, before its reminder (-2 WD: Thu 11 (1), Wed 10 Sep (2) 09:00): none fires. The statutory procedure is complete: the process ends.',
  ),
  {
    at: '2031-09-16T10:00:00+01:00',
    process: 'complaint',
    event: { type: 'step-completed', step: 'stage3-la-response', occurredAt: '2031-09-16T10:00:00+01:00' },
    rejected: { type: 'Ended' },
    why: 'The process ended Mon 8 Sep 2031 10:00: a second LA response sent Tue 16 Sep 2031 10:00 is refused (Ended).',
  },
];

const notifications: ExpectedNotice[] = [
  {
    process: 'complaint',
    key: 'stage1-response:1:reminder',
    firesAt: '2031-04-16T09:00:00+01:00',
    to: 'sw-derb-01',
    why: 'stage1-response due Fri 18 Apr 2031; reminder -2 WD: Thu 17 (1), Wed 16 Apr (2) 09:00, to the assigned worker sw-derb-01; still open then (sent Tue 22 Apr 2031 10:00).',
  },
  {
    process: 'complaint',
    key: 'stage1-response:1:overdue',
    firesAt: '2031-04-21T09:00:00+01:00',
    to: 'tm-derb-north',
    cc: ['cm-derb'],
    why: 'stage1-response due Fri 18 Apr 2031; overdue +1 WD: Mon 21 Apr (1) 09:00, to the team manager tm-derb-north, copy to the complaints manager cm-derb; still open then (sent Tue 22 Apr 2031 10:00).',
  },
  {
    process: 'complaint',
    key: 'stage3-panel:1:reminder',
    firesAt: '2031-08-18T09:00:00+01:00',
    to: 'sw-derb-01',
    why: 'stage3-panel due Wed 20 Aug 2031; reminder -2 WD: Tue 19 (1), Mon 18 Aug (2) 09:00, to the assigned worker sw-derb-01; still open then (held Tue 19 Aug 2031 10:00).',
  },
];

export const journey: Journey & { expectEnd: { reason: string } } = {
  la: 'derbyshire',
  caseId: 'CMP-DERB-1',
  workerId: 'sw-derb-01',
  team: 'derb-north-assessment',
  startProcess: 'complaint',
  start: { 'stage1-received': '2031-04-02T10:00:00+01:00', 'matter-occurred': '2031-01-02' },
  events,
  notifications,
  // After the end (Mon 8 Sep 2031) and past every tier the LA response would have had (critical +6 WD from Fri 12
  // Sep: Mon 22 Sep 2031 09:00): nothing more is sent.
  endsAt: '2031-09-22T10:00:00+01:00',
  expectEnd: {
    reason:
      'stage3-la-response completed: the statutory procedure is complete; the complainant may take the complaint to the Local Government and Social Care Ombudsman',
  },
};
