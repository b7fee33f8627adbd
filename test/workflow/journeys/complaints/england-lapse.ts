/**
 * England (the national rules, profiles/data/england.json): a complaint answered at stage 1 on time, where nobody
 * asks for stage 2 and the request window lapses by itself, worked by hand (checked with an independent Python
 * script, not the project's code).
 *
 * Rules used (complaint-statutory):
 *   stage1-response       10 WD after stage1-received (no extension here).
 *   stage2-request-window (a window: the complainant's time, not the LA's duty; no notifications ever) last day =
 *                         20 WD after the stage 1 response was sent. Completed by a stage2-requested anchor dated on
 *                         or before the last day. If none is recorded, the process ends ("lapses") at 00:00 London at
 *                         the END of the 5th working day after the last day (00:00 of the calendar day after that 5th
 *                         WD); until then a request dated on or before the last day can still be recorded, and a
 *                         request dated after the last day is refused (InvalidEvent, field at). After the end any event
 *                         is refused (Ended). End reason: 'stage2-request-window lapsed: no stage2-requested dated by
 *                         <last day> was recorded by the end of <5th WD>; the complaint is closed'.
 *   Ladder (LA steps only): reminder -2 WD to the assigned worker at 09:00 London; overdue +1 WD to the complaints
 *     manager cc the team manager (and escalated, critical: not reached here). 'sw-eng-none' is not a person: the
 *     assigned worker resolves to the team manager tm-eng (config/directory.json, team eng-demo).
 *   Counting: "N WD after X": X's own day does not count; a datetime anchor counts from its London date.
 *
 * Calendar facts (bank holidays projected by rule, engine/calendar/projection.ts): Wed 25 Dec 2030, Thu 26 Dec 2030, Wed 1 Jan
 *   2031. Clock: GMT (+00:00) throughout (Sun 27 Oct 2030 - Sun 30 Mar 2031).
 *
 * The story (caseId CMP-ENG-LAPSE, worker sw-eng-none, team eng-demo):
 *   Mon 18 Nov 2030 10:00 the complaint is received (the matter happened Sun 18 Aug 2030). Stage 1 due Mon 2 Dec 2030;
 *   the reminder fires Thu 28 Nov; the response is sent Fri 29 Nov (on time, no extension). The stage 2 window's last
 *   day is Tue 31 Dec 2030 (across Christmas). Thu 2 Jan 2031, during the recording grace, a request dated that day
 *   (after the last day) is refused (field at). The grace runs 5 WD past the last day, across New Year's Day, to
 *   Wed 8 Jan 2031: at 00:00 Thu 9 Jan 2031 the process ends by itself. Fri 10 Jan 2031 a request back-dated to the
 *   window's last day is refused: the process has ended (Ended).
 * Notifications: 1 (the stage 1 reminder). The window never sends anything.
 */
import { ExpectedNotice, Journey, JourneyEvent, done } from '../journey';

const events: JourneyEvent[] = [
  done(
    '2030-11-29T10:00:00+00:00',
    'complaint',
    'stage1-response',
    { dueDate: '2030-12-02' },
    'stage1-response: received Mon 18 Nov 2030 + 10 WD: Nov 19-22 (4), 25-29 (9), Dec 2 (10) = Mon 2 Dec 2030. Sent Fri 29 Nov 2030 10:00, on time, after: reminder Thu 28 Nov 2030 09:00 (-2 WD: Fri 29 (1), Thu 28 Nov (2); listed). The stage 2 request window opens.',
  ),
  {
    at: '2031-01-02T10:00:00+00:00',
    process: 'complaint',
    expect: { step: 'stage2-request-window', dueDate: '2030-12-31' },
    event: { type: 'anchor', anchor: 'stage2-requested', at: '2031-01-02T10:00:00+00:00' },
    rejected: { type: 'InvalidEvent', field: 'at' },
    why: 'stage2-request-window: stage 1 response sent Fri 29 Nov 2030 + 20 WD: Dec 2-6 (5), 9-13 (10), 16-20 (15), 23,24 (17), [Wed 25 Dec Christmas Day], [Thu 26 Dec Boxing Day], 27 (18), 30,31 (20) = Tue 31 Dec 2030. A request dated Thu 2 Jan 2031 10:00 is sent during the recording grace (it runs to the end of Wed 8 Jan 2031) but is dated after the last day: refused (InvalidEvent, field at); the window stays open.',
  },
  {
    at: '2031-01-10T10:00:00+00:00',
    process: 'complaint',
    event: { type: 'anchor', anchor: 'stage2-requested', at: '2030-12-31T15:00:00+00:00' },
    rejected: { type: 'Ended' },
    why: "Nothing was recorded: the grace is 5 WD after Tue 31 Dec 2030: [Wed 1 Jan New Year's Day], Thu 2 (1), Fri 3 (2), Mon 6 (3), Tue 7 (4), Wed 8 Jan (5) = Wed 8 Jan 2031, so the process lapsed at 00:00 Thu 9 Jan 2031 GMT. A request dated on the last day (Tue 31 Dec 2030 15:00) but sent Fri 10 Jan 2031 10:00 is refused: the process has ended (Ended).",
  },
];

const notifications: ExpectedNotice[] = [
  {
    process: 'complaint',
    key: 'stage1-response:1:reminder',
    firesAt: '2030-11-28T09:00:00+00:00',
    to: 'tm-eng',
    why: 'stage1-response due Mon 2 Dec 2030; reminder -2 WD: Fri 29 (1), Thu 28 Nov (2) 09:00, to the assigned worker (sw-eng-none is not a person: the team manager tm-eng); still open then (sent Fri 29 Nov 2030 10:00).',
  },
];

export const journey: Journey & { expectEnd: { reason: string } } = {
  la: 'england',
  caseId: 'CMP-ENG-LAPSE',
  workerId: 'sw-eng-none',
  team: 'eng-demo',
  startProcess: 'complaint',
  start: { 'stage1-received': '2030-11-18T10:00:00+00:00', 'matter-occurred': '2030-08-18' },
  events,
  notifications,
  // The process lapsed at 00:00 Thu 9 Jan 2031; a few days on nothing else has been sent.
  endsAt: '2031-01-13T10:00:00+00:00',
  expectEnd: {
    reason:
      'stage2-request-window lapsed: no stage2-requested dated by 2030-12-31 was recorded by the end of 2031-01-08; the complaint is closed',
  },
};
