/**
 * England (the national rules, profiles/data/england.json): a complaint withdrawn by the complainant during stage 2,
 * worked by hand (checked with an independent Python script, not the project's code).
 *
 * Rules used (complaint-statutory): stage1-response 10 WD after stage1-received; stage2-request-window last day 20 WD
 *   after the stage 1 response (no notifications); stage2-response 25 WD after stage2-requested. A withdrawal ends the
 *   process: 'withdrawn by the complainant on <occurredAt as sent>: <reason>'; open steps are cancelled, nothing further
 *   is sent, and any later event is refused (Ended).
 *   Ladder (england), at 09:00 London on WORKING days from the due date: reminder -2 WD to the assigned worker
 *   ('sw-eng-none' is not a person: the team manager tm-eng); overdue +1 WD to cm-eng cc tm-eng; escalated +3 WD to
 *   sm-eng cc cm-eng; critical +6 WD to hos-eng cc cm-eng (config/directory.json).
 *
 * Calendar facts (bank holidays projected by rule, engine/calendar/projection.ts): Mon 26 May 2031 (Spring bank holiday). Clock:
 *   BST (+01:00) throughout.
 *
 * The story (caseId CMP-ENG-WD, worker sw-eng-none, team eng-demo):
 *   Tue 6 May 2031 10:00 the complaint is received (the matter happened Thu 6 Feb 2031). Stage 1 due Tue 20 May,
 *   answered Thu 15 May (before its reminder). Window to Fri 13 Jun; stage 2 requested Tue 3 Jun; stage 2 due Tue 8 Jul
 *   2031, its reminder fires Fri 4 Jul. Mon 7 Jul 2031 the complainant withdraws: the process ends. The overdue (Wed 9
 *   Jul), escalated (Fri 11 Jul) and critical (Wed 16 Jul) tiers are never sent; a stage 2 response recorded Tue 8 Jul
 *   is refused (Ended).
 * Notifications: 1 (the stage 2 reminder).
 */
import { ExpectedNotice, Journey, JourneyEvent, done } from '../journey';

const events: JourneyEvent[] = [
  done(
    '2031-05-15T10:00:00+01:00',
    'complaint',
    'stage1-response',
    { dueDate: '2031-05-20' },
    'stage1-response: received Tue 6 May 2031 + 10 WD: May 7-9 (3), 12-16 (8), 19,20 (10) = Tue 20 May 2031. Sent Thu 15 May 2031 10:00, before its reminder (-2 WD: Mon 19 (1), Fri 16 May (2) 09:00): none fires. The stage 2 request window opens.',
  ),
  {
    at: '2031-06-03T10:00:00+01:00',
    process: 'complaint',
    expect: { step: 'stage2-request-window', dueDate: '2031-06-13' },
    event: { type: 'anchor', anchor: 'stage2-requested', at: '2031-06-03T10:00:00+01:00' },
    why: 'stage2-request-window: stage 1 response sent Thu 15 May 2031 + 20 WD: May 16 (1), 19-23 (6), [Mon 26 May Spring bank holiday], 27-30 (10), Jun 2-6 (15), 9-13 (20) = Fri 13 Jun 2031. Stage 2 requested Tue 3 Jun 2031 10:00, within it.',
  },
  {
    at: '2031-07-07T10:00:00+01:00',
    process: 'complaint',
    expect: { step: 'stage2-response', dueDate: '2031-07-08' },
    event: {
      type: 'withdraw',
      occurredAt: '2031-07-07T10:00:00+01:00',
      reason: 'the complainant is satisfied with the action agreed at a meeting with the team manager',
    },
    why: 'stage2-response: stage2-requested Tue 3 Jun 2031 + 25 WD: Jun 4-6 (3), 9-13 (8), 16-20 (13), 23-27 (18), 30 (19), Jul 1-4 (23), 7,8 (25) = Tue 8 Jul 2031; its reminder (-2 WD: Mon 7 (1), Fri 4 Jul (2) 09:00) has fired. Withdrawn Mon 7 Jul 2031 10:00: the process ends, the stage 2 response is cancelled; its overdue (+1 WD Wed 9 Jul), escalated (+3 WD Fri 11 Jul) and critical (+6 WD Wed 16 Jul 2031) are never sent.',
  },
  {
    at: '2031-07-08T10:00:00+01:00',
    process: 'complaint',
    event: { type: 'step-completed', step: 'stage2-response', occurredAt: '2031-07-08T10:00:00+01:00' },
    rejected: { type: 'Ended' },
    why: 'The process ended Mon 7 Jul 2031 10:00 (withdrawn): a stage 2 response recorded Tue 8 Jul 2031 10:00 is refused (Ended).',
  },
];

const notifications: ExpectedNotice[] = [
  {
    process: 'complaint',
    key: 'stage2-response:1:reminder',
    firesAt: '2031-07-04T09:00:00+01:00',
    to: 'tm-eng',
    why: 'stage2-response due Tue 8 Jul 2031; reminder -2 WD: Mon 7 (1), Fri 4 Jul (2) 09:00, to the assigned worker (sw-eng-none is not a person: the team manager tm-eng); still open then (withdrawn Mon 7 Jul 2031 10:00).',
  },
];

export const journey: Journey & { expectEnd: { reason: string } } = {
  la: 'england',
  caseId: 'CMP-ENG-WD',
  workerId: 'sw-eng-none',
  team: 'eng-demo',
  startProcess: 'complaint',
  start: { 'stage1-received': '2031-05-06T10:00:00+01:00', 'matter-occurred': '2031-02-06' },
  events,
  notifications,
  // Past the critical tier the stage 2 response would have had (Wed 16 Jul 2031 09:00): nothing was sent after the
  // withdrawal.
  endsAt: '2031-07-17T10:00:00+01:00',
  expectEnd: {
    reason:
      'withdrawn by the complainant on 2031-07-07T10:00:00+01:00: the complainant is satisfied with the action agreed at a meeting with the team manager',
  },
};
