/**
 * England (the national rules, profiles/data/england.json): one child's five years in care and her leaving-care
 * support to 21, worked by hand.
 *
 * Rules used (profiles/data/england.json 'looked-after' and 'pathway-plan'; engine/catalogue.ts; engine/*):
 *   looked-after (CPPCR 2010, SI 2010/959):
 *     care-plan          10 WD from the FIRST placement-start (anchorPick 'earliest': moves do not restart it), reg 4.
 *     placement-plan     5 WD from EACH placement-start (perAnchor: occurrence n = placement n), reg 9.
 *     statutory-visit    (a visit: seen true completes it; seen false = no access, the visit stays due and the team
 *                        manager is told at once) within 1 week of the placement-start (reg 28(2)(a)); then from the
 *                        last visit at which the child was seen, the first variant that holds ON THAT VISIT'S DATE:
 *                        (1) placement kind parent-before-assessment / connected-person-temporary /
 *                        interim-care-order-at-home and no looked-after review held yet: 1 week; (2) connected-person-
 *                        temporary / interim-care-order-at-home: 4 weeks (reg 28(4)); (3) parent-before-assessment /
 *                        care-order-at-home: 6 weeks; (4) less than 1 year after the placement-start in force: 6 weeks
 *                        (reg 28(2)(b)); (5) permanence-agreed recorded on or before that date and not before the
 *                        placement-start in force: 3 months (reg 28(2)(c)(i)); otherwise 6 weeks (reg 28(2)(c)(ii)).
 *                        A placement-start after the last visit RESTARTS the pattern: 1 week from the new placement.
 *     lac-review         (a meeting: planBy = the last working day on or before the due date) #1 20 WD after
 *                        became-looked-after (reg 33(1)); #2 3 months after #1 held; later 6 months after the last held
 *                        (reg 33(2)); a significant-change recorded after the last review brings it to 20 WD after the
 *                        change when that is earlier. Every review held continues the process as new (a new run).
 *     health-assessment-initial 20 WD after became-looked-after; health-assessment-review 12 months after the initial,
 *                        then 12 months after the last review (6 months under 5: not here, she is 11 to 16).
 *     pep-initial        10 WD after became-looked-after.
 *     milestones         the day she becomes an eligible care leaver (reg 40) at 00:00 London starts pathway planning
 *                        with anchors {sixteenth-birthday, date-of-birth}: here the 16th birthday, Wed 17 May 2034, as
 *                        the 13 weeks in care since 14 (Mon 17 May 2032 + 91 days = Mon 16 Aug 2032) were served before
 *                        it. 18 would end the episode; ceased-looked-after ends it first (finished.reason 'ceased to be
 *                        looked after on <at>'), and the open steps lapse.
 *   pathway-plan (Care Leavers (England) Regs 2010, SI 2010/2571; CPPCR regs 42-44):
 *     needs-assessment   3 months after the 16th birthday; pathway-plan 20 WD after the needs assessment;
 *     pathway-plan-review (meeting) 6 months after the pathway plan, then 6 months after the last review (each
 *                        review held continues the process as new);
 *     pa-contact         (a visit) 7 calendar days after an accommodation-start, then 2 months after the last contact at
 *                        which the young person was seen; a new accommodation-start restarts it (7 days).
 *     milestones         the 21st birthday at 00:00 London ends it: 'reached 21: leaving-care support ends (it
 *                        continues to 25 on request) (<date>)' (no support-to-25 request in this story).
 *   Ending: open steps lapse (cancelled); nothing is sent after the end.
 *   Ladder: every step reminder -2 WD (assigned-worker), overdue +1 WD (team-manager), escalated +3 WD (service-
 *     manager), critical +6 WD (head-of-service); lac-review: reminder -5 WD, overdue +1 WD cc IRO, escalated +3 WD
 *     cc IRO, critical +6 WD. Each tier at 09:00 London on that WORKING day, counted from the due date (which itself
 *     may fall on a weekend or holiday: calendar-time due dates stay where they fall). A reminder is not sent once the
 *     step is late, nor before its anchor. A tier decided is never sent again. Key tail: step:occurrence:tier
 *     (no access: step:occurrence:no-access:1).
 *   Recipients (config/directory.json): team eng-demo: team-manager tm-eng, service-manager sm-eng; LA england:
 *     head-of-service hos-eng, iro iro-eng. 'sw-eng-none' is not a person, so the assigned worker resolves to tm-eng.
 *   Counting: "N WD after X": X's day does not count; months keep the day of the month (or the month's last day);
 *     weeks are 7 calendar days.
 *
 * Calendar facts (2029 on: bank holidays projected by rule, engine/calendar/projection.ts):
 *   bank holidays 2029: 1 Jan, 30 Mar, 2 Apr, 7 May, 28 May, 27 Aug, 25-26 Dec; 2030: 1 Jan, 19 Apr, 22 Apr, 6 May,
 *   27 May, 26 Aug, 25-26 Dec; 2031: 1 Jan, 11 Apr, 14 Apr, 5 May, 26 May, 25 Aug, 25-26 Dec; 2032: 1 Jan, 26 Mar,
 *   29 Mar, 3 May, 31 May, 30 Aug, 27-28 Dec; 2033: 3 Jan, 15 Apr, 18 Apr, 2 May, 30 May, 29 Aug, 26-27 Dec;
 *   2034: 2 Jan, 7 Apr, 10 Apr, 1 May, 29 May, 28 Aug, 25-26 Dec; 2035: 1 Jan, 23 Mar, 26 Mar, 7 May, 28 May, 27 Aug,
 *   25-26 Dec; 2036: 1 Jan, 11 Apr, 14 Apr, 5 May, 26 May, 25 Aug, 25-26 Dec; 2037: 1 Jan, 3 Apr, 6 Apr, 4 May,
 *   25 May, 31 Aug, 25 Dec, 28 Dec; 2038: 1 Jan, 23 Apr, 26 Apr, 3 May, 31 May, 30 Aug, 27-28 Dec; 2039: 3 Jan,
 *   8 Apr, 11 Apr, 2 May, 30 May (and later ones not reached).
 *   Clock: BST (+01:00) from the last Sunday of March to the last Sunday of October, else GMT (+00:00): 2029 Mar 25 -
 *   Oct 28; 2030 Mar 31 - Oct 27; 2031 Mar 30 - Oct 26; 2032 Mar 28 - Oct 31; 2033 Mar 27 - Oct 30; 2034 Mar 26 -
 *   Oct 29; 2035 Mar 25 - Oct 28; 2036 Mar 30 - Oct 26; 2037 Mar 29 - Oct 25; 2038 Mar 28 - Oct 31; 2039 Mar 27 -.
 *   Every event is sent at 10:00 London time with occurredAt (or at) = that instant.
 *
 * The story (caseId LACJ-ENG, worker sw-eng-none, team eng-demo; born Thu 17 May 2018):
 *   Mon 3 Sep 2029 (aged 11) she becomes looked after, placed in emergency foster care (start anchors). Plans, PEP,
 *   health assessment and the first review follow within the month; the PEP is completed the day after its reminder.
 *   Statutory visit #3 is missed: reminder, overdue and escalated fire before she is seen (LATE).
 *   Mon 4 Mar 2030 MOVE 1 to her aunt, a connected person with temporary approval: visits 4-weekly (reg 28(4)).
 *   Review #3 is held late (reminder, overdue and escalated, both copied to the IRO).
 *   Mon 2 Sep 2030 MOVE 2 to long-term foster carers; Wed 15 Jan 2031 that placement is agreed as permanent: visits stay
 *   6-weekly in its first year, then 3-monthly from the first visit on or after its anniversary (Tue 2 Sep 2031).
 *   Tue 8 Jun 2032 a visit finds nobody in (no access: tm-eng told at once); the reminder fires; seen Thu 10 Jun.
 *   Mon 7 Feb 2033 a significant change brings review #9 forward from Tue 12 Apr to Mon 7 Mar 2033.
 *   Wed 17 May 2034 (16) pathway planning starts by itself. Mon 10 Jul 2034 she ceases to be looked after and moves into
 *   supported lodgings (accommodation-start): PA contact within 7 days, then 2-monthly; a visit recorded on the ended
 *   episode the next day is refused (Ended). Mon 6 Oct 2036 (18) she moves into her own tenancy: PA contact restarts.
 *   One PA contact (#22, Jul 2037) is made the day before it is due, after its reminder.
 *   Tue 17 May 2039 (21) leaving-care support ends; the open contact and review lapse.
 *   Looked-after: 11 reviews, 12 runs; pathway plan: 10 reviews, 11 runs.
 * Notifications: 10 (PEP reminder; visit #3 reminder, overdue, escalated; review #3 reminder, overdue + IRO,
 *   escalated + IRO; visit #29 no-access and reminder; PA contact #22 reminder).
 */
import { ExpectedNotice, Journey, JourneyEvent, ProcessRef, done } from '../journey';

/** A visit (statutory visit or PA contact): seen, or not seen (no access). */
const visit = (
  at: string,
  process: ProcessRef,
  step: string,
  occurrence: number,
  dueDate: string,
  why: string,
  seen = true,
) => done(at, process, step, { occurrence, dueDate }, why, { seen });
/** A looked-after review or pathway plan review (a meeting: planBy is checked too). */
const meeting = (
  at: string,
  process: ProcessRef,
  step: string,
  occurrence: number,
  dueDate: string,
  planBy: string,
  why: string,
) => done(at, process, step, { occurrence, dueDate, planBy }, why);
/** An anchor recorded at `at`, after checking the due date it is about to change (or not). */
function anchor(
  at: string,
  process: ProcessRef,
  name: string,
  kind: string | undefined,
  expect: JourneyEvent['expect'],
  why: string,
): JourneyEvent {
  return {
    at,
    process,
    ...(expect ? { expect } : {}),
    event: { type: 'anchor', anchor: name, at, ...(kind ? { kind } : {}) },
    why,
  };
}

const events: JourneyEvent[] = [
  // ---------------------------------------------------------------- looked-after, 2029
  done(
    '2029-09-04T10:00:00+01:00',
    'lac',
    'placement-plan',
    { occurrence: 1, dueDate: '2029-09-10' },
    'placement-plan #1: placement 1 started Mon 3 Sep 2029 + 5 WD: 4-7 (4), 10 (5) = Mon 10 Sep 2029. Completed Tue 4 Sep 2029 10:00, before its reminder (-2 WD: Fri 7 (1), Thu 6 Sep (2) 09:00): none fires.',
  ),
  visit(
    '2029-09-05T10:00:00+01:00',
    'lac',
    'statutory-visit',
    1,
    '2029-09-10',
    'statutory-visit #1: placement 1 (foster-care) started Mon 3 Sep 2029 + 1 week = Mon 10 Sep 2029. Seen Wed 5 Sep 2029 10:00, before its reminder (-2 WD: Fri 7 (1), Thu 6 Sep (2) 09:00): none fires.',
  ),
  done(
    '2029-09-11T10:00:00+01:00',
    'lac',
    'care-plan',
    { occurrence: 1, dueDate: '2029-09-17' },
    'care-plan #1: the first placement-start Mon 3 Sep 2029 + 10 WD: 4-7 (4), 10-14 (9), 17 (10) = Mon 17 Sep 2029. Completed Tue 11 Sep 2029 10:00, before its reminder (-2 WD: Fri 14 (1), Thu 13 Sep (2) 09:00): none fires.',
  ),
  done(
    '2029-09-14T10:00:00+01:00',
    'lac',
    'pep-initial',
    { occurrence: 1, dueDate: '2029-09-17' },
    'pep-initial #1: became looked after Mon 3 Sep 2029 + 10 WD: 4-7 (4), 10-14 (9), 17 (10) = Mon 17 Sep 2029. Completed Fri 14 Sep 2029 10:00, on time, after: reminder Thu 13 Sep 2029 09:00 (listed).',
  ),
  meeting(
    '2029-09-20T10:00:00+01:00',
    'lac',
    'lac-review',
    1,
    '2029-10-01',
    '2029-10-01',
    'lac-review #1: became looked after Mon 3 Sep 2029 + 20 WD: 4-7 (4), 10-14 (9), 17-21 (14), 24-28 (19), Oct 1 (20) = Mon 1 Oct 2029; planBy Mon 1 Oct 2029. Held Thu 20 Sep 2029 10:00, before its reminder (-5 WD: Fri 28 (1), Thu 27 (2), Wed 26 (3), Tue 25 (4), Mon 24 Sep (5) 09:00): none fires. The looked-after process continues as new (run 2).',
  ),
  done(
    '2029-09-24T10:00:00+01:00',
    'lac',
    'health-assessment-initial',
    { occurrence: 1, dueDate: '2029-10-01' },
    'health-assessment-initial #1: became looked after Mon 3 Sep 2029 + 20 WD: 4-7 (4), 10-14 (9), 17-21 (14), 24-28 (19), Oct 1 (20) = Mon 1 Oct 2029. Completed Mon 24 Sep 2029 10:00, before its reminder (-2 WD: Fri 28 (1), Thu 27 Sep (2) 09:00): none fires.',
  ),
  visit(
    '2029-10-12T10:00:00+01:00',
    'lac',
    'statutory-visit',
    2,
    '2029-10-17',
    'statutory-visit #2: visit #1 seen Wed 5 Sep 2029 + 6 weeks = Wed 17 Oct 2029 (first year of placement 1: it started Mon 3 Sep 2029, first anniversary Tue 3 Sep 2030). Seen Fri 12 Oct 2029 10:00, before its reminder (-2 WD: Tue 16 (1), Mon 15 Oct (2) 09:00): none fires.',
  ),
  visit(
    '2029-11-29T10:00:00+00:00',
    'lac',
    'statutory-visit',
    3,
    '2029-11-23',
    'statutory-visit #3: visit #2 seen Fri 12 Oct 2029 + 6 weeks = Fri 23 Nov 2029 (first year of placement 1: it started Mon 3 Sep 2029, first anniversary Tue 3 Sep 2030). Seen Thu 29 Nov 2029 10:00, LATE, after: reminder Wed 21 Nov 2029, overdue Mon 26 Nov 2029, escalated Wed 28 Nov 2029 09:00 (listed). Critical (+6 WD: Mon 26 (1), Tue 27 (2), Wed 28 (3), Thu 29 (4), Fri 30 (5), Mon 3 Dec (6) 09:00) never fires.',
  ),
  meeting(
    '2029-12-10T10:00:00+00:00',
    'lac',
    'lac-review',
    2,
    '2029-12-20',
    '2029-12-20',
    'lac-review #2: review #1 held Thu 20 Sep 2029 + 3 months = Thu 20 Dec 2029; planBy Thu 20 Dec 2029. Held Mon 10 Dec 2029 10:00, before its reminder (-5 WD: Wed 19 (1), Tue 18 (2), Mon 17 (3), Fri 14 (4), Thu 13 Dec (5) 09:00): none fires. The looked-after process continues as new (run 3).',
  ),
  // ---------------------------------------------------------------- looked-after, 2030
  visit(
    '2030-01-03T10:00:00+00:00',
    'lac',
    'statutory-visit',
    4,
    '2030-01-10',
    'statutory-visit #4: visit #3 seen Thu 29 Nov 2029 + 6 weeks = Thu 10 Jan 2030 (first year of placement 1: it started Mon 3 Sep 2029, first anniversary Tue 3 Sep 2030). Seen Thu 3 Jan 2030 10:00, before its reminder (-2 WD: Wed 9 (1), Tue 8 Jan (2) 09:00): none fires.',
  ),
  visit(
    '2030-02-08T10:00:00+00:00',
    'lac',
    'statutory-visit',
    5,
    '2030-02-14',
    'statutory-visit #5: visit #4 seen Thu 3 Jan 2030 + 6 weeks = Thu 14 Feb 2030 (first year of placement 1: it started Mon 3 Sep 2029, first anniversary Tue 3 Sep 2030). Seen Fri 8 Feb 2030 10:00, before its reminder (-2 WD: Wed 13 (1), Tue 12 Feb (2) 09:00): none fires.',
  ),
  anchor(
    '2030-03-04T10:00:00+00:00',
    'lac',
    'placement-start',
    'connected-person-temporary',
    { step: 'statutory-visit', occurrence: 6, dueDate: '2030-03-22' },
    'MOVE 1: placed with the aunt, a connected person under temporary approval (reg 24). Recorded Mon 4 Mar 2030 10:00. Before: statutory-visit #6 due Fri 22 Mar 2030 (visit #5 seen Fri 8 Feb 2030 + 6 weeks = Fri 22 Mar 2030 (first year of placement 1: it started Mon 3 Sep 2029, first anniversary Tue 3 Sep 2030)). After: placement-plan #2 due Mon 11 Mar 2030 (opens): placement 2 started Mon 4 Mar 2030 + 5 WD: 5-8 (4), 11 (5) = Mon 11 Mar 2030; reminder -2 WD: Fri 8 (1), Thu 7 Mar (2) 09:00. After: statutory-visit #6 due Mon 11 Mar 2030 (was Fri 22 Mar 2030): placement 2 (connected-person-temporary) started (a move after the last visit: the pattern restarts) Mon 4 Mar 2030 + 1 week = Mon 11 Mar 2030; reminder -2 WD: Fri 8 (1), Thu 7 Mar (2) 09:00. The care plan still counts from the first placement (anchorPick earliest): not moved.',
  ),
  done(
    '2030-03-05T10:00:00+00:00',
    'lac',
    'placement-plan',
    { occurrence: 2, dueDate: '2030-03-11' },
    'placement-plan #2: placement 2 started Mon 4 Mar 2030 + 5 WD: 5-8 (4), 11 (5) = Mon 11 Mar 2030. Completed Tue 5 Mar 2030 10:00, before its reminder (-2 WD: Fri 8 (1), Thu 7 Mar (2) 09:00): none fires.',
  ),
  visit(
    '2030-03-06T10:00:00+00:00',
    'lac',
    'statutory-visit',
    6,
    '2030-03-11',
    'statutory-visit #6: placement 2 (connected-person-temporary) started (a move after the last visit: the pattern restarts) Mon 4 Mar 2030 + 1 week = Mon 11 Mar 2030. Seen Wed 6 Mar 2030 10:00, before its reminder (-2 WD: Fri 8 (1), Thu 7 Mar (2) 09:00): none fires.',
  ),
  visit(
    '2030-03-26T10:00:00+00:00',
    'lac',
    'statutory-visit',
    7,
    '2030-04-03',
    'statutory-visit #7: visit #6 seen Wed 6 Mar 2030 + 4 weeks = Wed 3 Apr 2030 (placement 2 is connected-person-temporary, first review held: reg 28(4) 4-weekly). Seen Tue 26 Mar 2030 10:00, before its reminder (-2 WD: Tue 2 (1), Mon 1 Apr (2) 09:00): none fires.',
  ),
  visit(
    '2030-04-16T10:00:00+01:00',
    'lac',
    'statutory-visit',
    8,
    '2030-04-23',
    'statutory-visit #8: visit #7 seen Tue 26 Mar 2030 + 4 weeks = Tue 23 Apr 2030 (placement 2 is connected-person-temporary, first review held: reg 28(4) 4-weekly). Seen Tue 16 Apr 2030 10:00, before its reminder (-2 WD: [Mon 22 Apr Easter Monday], [Fri 19 Apr Good Friday], Thu 18 (1), Wed 17 Apr (2) 09:00): none fires.',
  ),
  visit(
    '2030-05-02T10:00:00+01:00',
    'lac',
    'statutory-visit',
    9,
    '2030-05-14',
    'statutory-visit #9: visit #8 seen Tue 16 Apr 2030 + 4 weeks = Tue 14 May 2030 (placement 2 is connected-person-temporary, first review held: reg 28(4) 4-weekly). Seen Thu 2 May 2030 10:00, before its reminder (-2 WD: Mon 13 (1), Fri 10 May (2) 09:00): none fires.',
  ),
  visit(
    '2030-05-23T10:00:00+01:00',
    'lac',
    'statutory-visit',
    10,
    '2030-05-30',
    'statutory-visit #10: visit #9 seen Thu 2 May 2030 + 4 weeks = Thu 30 May 2030 (placement 2 is connected-person-temporary, first review held: reg 28(4) 4-weekly). Seen Thu 23 May 2030 10:00, before its reminder (-2 WD: Wed 29 (1), Tue 28 May (2) 09:00): none fires.',
  ),
  visit(
    '2030-06-13T10:00:00+01:00',
    'lac',
    'statutory-visit',
    11,
    '2030-06-20',
    'statutory-visit #11: visit #10 seen Thu 23 May 2030 + 4 weeks = Thu 20 Jun 2030 (placement 2 is connected-person-temporary, first review held: reg 28(4) 4-weekly). Seen Thu 13 Jun 2030 10:00, before its reminder (-2 WD: Wed 19 (1), Tue 18 Jun (2) 09:00): none fires.',
  ),
  meeting(
    '2030-06-14T10:00:00+01:00',
    'lac',
    'lac-review',
    3,
    '2030-06-10',
    '2030-06-10',
    'lac-review #3: review #2 held Mon 10 Dec 2029 + 6 months = Mon 10 Jun 2030; planBy Mon 10 Jun 2030. Held Fri 14 Jun 2030 10:00, LATE, after: reminder Mon 3 Jun 2030, overdue Tue 11 Jun 2030, escalated Thu 13 Jun 2030 09:00 (listed). Critical (+6 WD: Tue 11 (1), Wed 12 (2), Thu 13 (3), Fri 14 (4), Mon 17 (5), Tue 18 Jun (6) 09:00) never fires. The looked-after process continues as new (run 4).',
  ),
  visit(
    '2030-07-08T10:00:00+01:00',
    'lac',
    'statutory-visit',
    12,
    '2030-07-11',
    'statutory-visit #12: visit #11 seen Thu 13 Jun 2030 + 4 weeks = Thu 11 Jul 2030 (placement 2 is connected-person-temporary, first review held: reg 28(4) 4-weekly). Seen Mon 8 Jul 2030 10:00, before its reminder (-2 WD: Wed 10 (1), Tue 9 Jul (2) 09:00): none fires.',
  ),
  visit(
    '2030-07-29T10:00:00+01:00',
    'lac',
    'statutory-visit',
    13,
    '2030-08-05',
    'statutory-visit #13: visit #12 seen Mon 8 Jul 2030 + 4 weeks = Mon 5 Aug 2030 (placement 2 is connected-person-temporary, first review held: reg 28(4) 4-weekly). Seen Mon 29 Jul 2030 10:00, before its reminder (-2 WD: Fri 2 (1), Thu 1 Aug (2) 09:00): none fires.',
  ),
  visit(
    '2030-08-20T10:00:00+01:00',
    'lac',
    'statutory-visit',
    14,
    '2030-08-26',
    'statutory-visit #14: visit #13 seen Mon 29 Jul 2030 + 4 weeks = Mon 26 Aug 2030 (placement 2 is connected-person-temporary, first review held: reg 28(4) 4-weekly). Seen Tue 20 Aug 2030 10:00, before its reminder (-2 WD: Fri 23 (1), Thu 22 Aug (2) 09:00): none fires.',
  ),
  anchor(
    '2030-09-02T10:00:00+01:00',
    'lac',
    'placement-start',
    'foster-care',
    { step: 'statutory-visit', occurrence: 15, dueDate: '2030-09-17' },
    "MOVE 2: the aunt's assessment was not approved; placed with long-term foster carers. Recorded Mon 2 Sep 2030 10:00. Before: statutory-visit #15 due Tue 17 Sep 2030 (visit #14 seen Tue 20 Aug 2030 + 4 weeks = Tue 17 Sep 2030 (placement 2 is connected-person-temporary, first review held: reg 28(4) 4-weekly)). After: placement-plan #3 due Mon 9 Sep 2030 (opens): placement 3 started Mon 2 Sep 2030 + 5 WD: 3-6 (4), 9 (5) = Mon 9 Sep 2030; reminder -2 WD: Fri 6 (1), Thu 5 Sep (2) 09:00. After: statutory-visit #15 due Mon 9 Sep 2030 (was Tue 17 Sep 2030): placement 3 (foster-care) started (a move after the last visit: the pattern restarts) Mon 2 Sep 2030 + 1 week = Mon 9 Sep 2030; reminder -2 WD: Fri 6 (1), Thu 5 Sep (2) 09:00. The care plan still counts from the first placement (anchorPick earliest): not moved.",
  ),
  done(
    '2030-09-03T10:00:00+01:00',
    'lac',
    'placement-plan',
    { occurrence: 3, dueDate: '2030-09-09' },
    'placement-plan #3: placement 3 started Mon 2 Sep 2030 + 5 WD: 3-6 (4), 9 (5) = Mon 9 Sep 2030. Completed Tue 3 Sep 2030 10:00, before its reminder (-2 WD: Fri 6 (1), Thu 5 Sep (2) 09:00): none fires.',
  ),
  visit(
    '2030-09-04T10:00:00+01:00',
    'lac',
    'statutory-visit',
    15,
    '2030-09-09',
    'statutory-visit #15: placement 3 (foster-care) started (a move after the last visit: the pattern restarts) Mon 2 Sep 2030 + 1 week = Mon 9 Sep 2030. Seen Wed 4 Sep 2030 10:00, before its reminder (-2 WD: Fri 6 (1), Thu 5 Sep (2) 09:00): none fires.',
  ),
  done(
    '2030-09-10T10:00:00+01:00',
    'lac',
    'health-assessment-review',
    { occurrence: 1, dueDate: '2030-09-24' },
    'health-assessment-review #1: initial health assessment held Mon 24 Sep 2029 + 12 months = Tue 24 Sep 2030. Completed Tue 10 Sep 2030 10:00, before its reminder (-2 WD: Mon 23 (1), Fri 20 Sep (2) 09:00): none fires.',
  ),
  visit(
    '2030-10-08T10:00:00+01:00',
    'lac',
    'statutory-visit',
    16,
    '2030-10-16',
    'statutory-visit #16: visit #15 seen Wed 4 Sep 2030 + 6 weeks = Wed 16 Oct 2030 (first year of placement 3: it started Mon 2 Sep 2030, first anniversary Tue 2 Sep 2031). Seen Tue 8 Oct 2030 10:00, before its reminder (-2 WD: Tue 15 (1), Mon 14 Oct (2) 09:00): none fires.',
  ),
  visit(
    '2030-11-14T10:00:00+00:00',
    'lac',
    'statutory-visit',
    17,
    '2030-11-19',
    'statutory-visit #17: visit #16 seen Tue 8 Oct 2030 + 6 weeks = Tue 19 Nov 2030 (first year of placement 3: it started Mon 2 Sep 2030, first anniversary Tue 2 Sep 2031). Seen Thu 14 Nov 2030 10:00, before its reminder (-2 WD: Mon 18 (1), Fri 15 Nov (2) 09:00): none fires.',
  ),
  meeting(
    '2030-12-02T10:00:00+00:00',
    'lac',
    'lac-review',
    4,
    '2030-12-14',
    '2030-12-13',
    'lac-review #4: review #3 held Fri 14 Jun 2030 + 6 months = Sat 14 Dec 2030; planBy Fri 13 Dec 2030 (the due date is not a working day: the last working day on or before it). Held Mon 2 Dec 2030 10:00, before its reminder (-5 WD: Fri 13 (1), Thu 12 (2), Wed 11 (3), Tue 10 (4), Mon 9 Dec (5) 09:00): none fires. The looked-after process continues as new (run 5).',
  ),
  visit(
    '2030-12-16T10:00:00+00:00',
    'lac',
    'statutory-visit',
    18,
    '2030-12-26',
    'statutory-visit #18: visit #17 seen Thu 14 Nov 2030 + 6 weeks = Thu 26 Dec 2030 (first year of placement 3: it started Mon 2 Sep 2030, first anniversary Tue 2 Sep 2031). Seen Mon 16 Dec 2030 10:00, before its reminder (-2 WD: [Wed 25 Dec Christmas Day], Tue 24 (1), Mon 23 Dec (2) 09:00): none fires.',
  ),
  // ---------------------------------------------------------------- looked-after, 2031
  anchor(
    '2031-01-15T10:00:00+00:00',
    'lac',
    'permanence-agreed',
    undefined,
    { step: 'statutory-visit', occurrence: 19, dueDate: '2031-01-27' },
    "The placement with the long-term foster carers (from Mon 2 Sep 2030) is agreed as permanent, to 18. Recorded Wed 15 Jan 2031 10:00. statutory-visit #19 stays due Mon 27 Jan 2031 (visit #18 seen Mon 16 Dec 2030 + 6 weeks = Mon 27 Jan 2031 (first year of placement 3: it started Mon 2 Sep 2030, first anniversary Tue 2 Sep 2031)): the 3-monthly pattern (reg 28(2)(c)(i)) applies only from a visit on or after the placement's first anniversary, Tue 2 Sep 2031 (variant (4), first year, is tried first).",
  ),
  visit(
    '2031-01-21T10:00:00+00:00',
    'lac',
    'statutory-visit',
    19,
    '2031-01-27',
    'statutory-visit #19: visit #18 seen Mon 16 Dec 2030 + 6 weeks = Mon 27 Jan 2031 (first year of placement 3: it started Mon 2 Sep 2030, first anniversary Tue 2 Sep 2031). Seen Tue 21 Jan 2031 10:00, before its reminder (-2 WD: Fri 24 (1), Thu 23 Jan (2) 09:00): none fires.',
  ),
  visit(
    '2031-02-25T10:00:00+00:00',
    'lac',
    'statutory-visit',
    20,
    '2031-03-04',
    'statutory-visit #20: visit #19 seen Tue 21 Jan 2031 + 6 weeks = Tue 4 Mar 2031 (first year of placement 3: it started Mon 2 Sep 2030, first anniversary Tue 2 Sep 2031). Seen Tue 25 Feb 2031 10:00, before its reminder (-2 WD: Mon 3 (1), Fri 28 Feb (2) 09:00): none fires.',
  ),
  visit(
    '2031-04-03T10:00:00+01:00',
    'lac',
    'statutory-visit',
    21,
    '2031-04-08',
    'statutory-visit #21: visit #20 seen Tue 25 Feb 2031 + 6 weeks = Tue 8 Apr 2031 (first year of placement 3: it started Mon 2 Sep 2030, first anniversary Tue 2 Sep 2031). Seen Thu 3 Apr 2031 10:00, before its reminder (-2 WD: Mon 7 (1), Fri 4 Apr (2) 09:00): none fires.',
  ),
  visit(
    '2031-05-08T10:00:00+01:00',
    'lac',
    'statutory-visit',
    22,
    '2031-05-15',
    'statutory-visit #22: visit #21 seen Thu 3 Apr 2031 + 6 weeks = Thu 15 May 2031 (first year of placement 3: it started Mon 2 Sep 2030, first anniversary Tue 2 Sep 2031). Seen Thu 8 May 2031 10:00, before its reminder (-2 WD: Wed 14 (1), Tue 13 May (2) 09:00): none fires.',
  ),
  meeting(
    '2031-05-19T10:00:00+01:00',
    'lac',
    'lac-review',
    5,
    '2031-06-02',
    '2031-06-02',
    'lac-review #5: review #4 held Mon 2 Dec 2030 + 6 months = Mon 2 Jun 2031; planBy Mon 2 Jun 2031. Held Mon 19 May 2031 10:00, before its reminder (-5 WD: Fri 30 (1), Thu 29 (2), Wed 28 (3), Tue 27 (4), [Mon 26 May Spring bank holiday], Fri 23 May (5) 09:00): none fires. The looked-after process continues as new (run 6).',
  ),
  visit(
    '2031-06-13T10:00:00+01:00',
    'lac',
    'statutory-visit',
    23,
    '2031-06-19',
    'statutory-visit #23: visit #22 seen Thu 8 May 2031 + 6 weeks = Thu 19 Jun 2031 (first year of placement 3: it started Mon 2 Sep 2030, first anniversary Tue 2 Sep 2031). Seen Fri 13 Jun 2031 10:00, before its reminder (-2 WD: Wed 18 (1), Tue 17 Jun (2) 09:00): none fires.',
  ),
  visit(
    '2031-07-17T10:00:00+01:00',
    'lac',
    'statutory-visit',
    24,
    '2031-07-25',
    'statutory-visit #24: visit #23 seen Fri 13 Jun 2031 + 6 weeks = Fri 25 Jul 2031 (first year of placement 3: it started Mon 2 Sep 2030, first anniversary Tue 2 Sep 2031). Seen Thu 17 Jul 2031 10:00, before its reminder (-2 WD: Thu 24 (1), Wed 23 Jul (2) 09:00): none fires.',
  ),
  visit(
    '2031-08-22T10:00:00+01:00',
    'lac',
    'statutory-visit',
    25,
    '2031-08-28',
    'statutory-visit #25: visit #24 seen Thu 17 Jul 2031 + 6 weeks = Thu 28 Aug 2031 (first year of placement 3: it started Mon 2 Sep 2030, first anniversary Tue 2 Sep 2031). Seen Fri 22 Aug 2031 10:00, before its reminder (-2 WD: Wed 27 (1), Tue 26 Aug (2) 09:00): none fires.',
  ),
  done(
    '2031-08-29T10:00:00+01:00',
    'lac',
    'health-assessment-review',
    { occurrence: 2, dueDate: '2031-09-10' },
    'health-assessment-review #2: health review #1 held Tue 10 Sep 2030 + 12 months = Wed 10 Sep 2031. Completed Fri 29 Aug 2031 10:00, before its reminder (-2 WD: Tue 9 (1), Mon 8 Sep (2) 09:00): none fires.',
  ),
  visit(
    '2031-09-24T10:00:00+01:00',
    'lac',
    'statutory-visit',
    26,
    '2031-10-03',
    'statutory-visit #26: visit #25 seen Fri 22 Aug 2031 + 6 weeks = Fri 3 Oct 2031 (first year of placement 3: it started Mon 2 Sep 2030, first anniversary Tue 2 Sep 2031). Seen Wed 24 Sep 2031 10:00, before its reminder (-2 WD: Thu 2 (1), Wed 1 Oct (2) 09:00): none fires.',
  ),
  meeting(
    '2031-11-03T10:00:00+00:00',
    'lac',
    'lac-review',
    6,
    '2031-11-19',
    '2031-11-19',
    'lac-review #6: review #5 held Mon 19 May 2031 + 6 months = Wed 19 Nov 2031; planBy Wed 19 Nov 2031. Held Mon 3 Nov 2031 10:00, before its reminder (-5 WD: Tue 18 (1), Mon 17 (2), Fri 14 (3), Thu 13 (4), Wed 12 Nov (5) 09:00): none fires. The looked-after process continues as new (run 7).',
  ),
  visit(
    '2031-12-18T10:00:00+00:00',
    'lac',
    'statutory-visit',
    27,
    '2031-12-24',
    'statutory-visit #27: visit #26 seen Wed 24 Sep 2031 + 3 months = Wed 24 Dec 2031 (placement 3 past its first year (Tue 2 Sep 2031) and agreed as permanent: reg 28(2)(c)(i) 3-monthly). Seen Thu 18 Dec 2031 10:00, before its reminder (-2 WD: Tue 23 (1), Mon 22 Dec (2) 09:00): none fires.',
  ),
  // ---------------------------------------------------------------- looked-after, 2032
  visit(
    '2032-03-11T10:00:00+00:00',
    'lac',
    'statutory-visit',
    28,
    '2032-03-18',
    'statutory-visit #28: visit #27 seen Thu 18 Dec 2031 + 3 months = Thu 18 Mar 2032 (placement 3 past its first year (Tue 2 Sep 2031) and agreed as permanent: reg 28(2)(c)(i) 3-monthly). Seen Thu 11 Mar 2032 10:00, before its reminder (-2 WD: Wed 17 (1), Tue 16 Mar (2) 09:00): none fires.',
  ),
  meeting(
    '2032-04-22T10:00:00+01:00',
    'lac',
    'lac-review',
    7,
    '2032-05-03',
    '2032-04-30',
    'lac-review #7: review #6 held Mon 3 Nov 2031 + 6 months = Mon 3 May 2032; planBy Fri 30 Apr 2032 (the due date is not a working day: the last working day on or before it). Held Thu 22 Apr 2032 10:00, before its reminder (-5 WD: Fri 30 (1), Thu 29 (2), Wed 28 (3), Tue 27 (4), Mon 26 Apr (5) 09:00): none fires. The looked-after process continues as new (run 8).',
  ),
  visit(
    '2032-06-08T10:00:00+01:00',
    'lac',
    'statutory-visit',
    29,
    '2032-06-11',
    'statutory-visit #29: visit #28 seen Thu 11 Mar 2032 + 3 months = Fri 11 Jun 2032 (placement 3 past its first year (Tue 2 Sep 2031) and agreed as permanent: reg 28(2)(c)(i) 3-monthly). Visit Tue 8 Jun 2032 10:00, child NOT seen (no access): nothing completes, #29 stays due Fri 11 Jun 2032; the team manager tm-eng is told at once (no-access:1).',
    false,
  ),
  visit(
    '2032-06-10T10:00:00+01:00',
    'lac',
    'statutory-visit',
    29,
    '2032-06-11',
    'statutory-visit #29: visit #28 seen Thu 11 Mar 2032 + 3 months = Fri 11 Jun 2032 (placement 3 past its first year (Tue 2 Sep 2031) and agreed as permanent: reg 28(2)(c)(i) 3-monthly). Still due after the no-access visit of Tue 8 Jun 2032. Seen Thu 10 Jun 2032 10:00, on time, after: reminder Wed 9 Jun 2032 09:00 (listed).',
  ),
  done(
    '2032-08-12T10:00:00+01:00',
    'lac',
    'health-assessment-review',
    { occurrence: 3, dueDate: '2032-08-29' },
    'health-assessment-review #3: health review #2 held Fri 29 Aug 2031 + 12 months = Sun 29 Aug 2032. Completed Thu 12 Aug 2032 10:00, before its reminder (-2 WD: Fri 27 (1), Thu 26 Aug (2) 09:00): none fires.',
  ),
  visit(
    '2032-09-07T10:00:00+01:00',
    'lac',
    'statutory-visit',
    30,
    '2032-09-10',
    'statutory-visit #30: visit #29 seen Thu 10 Jun 2032 + 3 months = Fri 10 Sep 2032 (placement 3 past its first year (Tue 2 Sep 2031) and agreed as permanent: reg 28(2)(c)(i) 3-monthly). Seen Tue 7 Sep 2032 10:00, before its reminder (-2 WD: Thu 9 (1), Wed 8 Sep (2) 09:00): none fires.',
  ),
  meeting(
    '2032-10-12T10:00:00+01:00',
    'lac',
    'lac-review',
    8,
    '2032-10-22',
    '2032-10-22',
    'lac-review #8: review #7 held Thu 22 Apr 2032 + 6 months = Fri 22 Oct 2032; planBy Fri 22 Oct 2032. Held Tue 12 Oct 2032 10:00, before its reminder (-5 WD: Thu 21 (1), Wed 20 (2), Tue 19 (3), Mon 18 (4), Fri 15 Oct (5) 09:00): none fires. The looked-after process continues as new (run 9).',
  ),
  visit(
    '2032-11-30T10:00:00+00:00',
    'lac',
    'statutory-visit',
    31,
    '2032-12-07',
    'statutory-visit #31: visit #30 seen Tue 7 Sep 2032 + 3 months = Tue 7 Dec 2032 (placement 3 past its first year (Tue 2 Sep 2031) and agreed as permanent: reg 28(2)(c)(i) 3-monthly). Seen Tue 30 Nov 2032 10:00, before its reminder (-2 WD: Mon 6 (1), Fri 3 Dec (2) 09:00): none fires.',
  ),
  // ---------------------------------------------------------------- looked-after, 2033
  anchor(
    '2033-02-07T10:00:00+00:00',
    'lac',
    'significant-change',
    undefined,
    { step: 'lac-review', occurrence: 9, dueDate: '2033-04-12', planBy: '2033-04-12' },
    'SIGNIFICANT CHANGE: the care plan is to change (contact with the birth mother to be reduced), to be considered at a review brought forward. Recorded Mon 7 Feb 2033 10:00. Before: lac-review #9 due Tue 12 Apr 2033 (review #8 held Tue 12 Oct 2032 + 6 months = Tue 12 Apr 2033), planBy Tue 12 Apr 2033. After: the review is BROUGHT FORWARD: significant change Mon 7 Feb 2033 + 20 WD: 8-11 (4), 14-18 (9), 21-25 (14), 28-Mar 4 (19), 7 (20) = Mon 7 Mar 2033 (earlier than review #8 held Tue 12 Oct 2032 + 6 months = Tue 12 Apr 2033); planBy Mon 7 Mar 2033; reminder -5 WD: Fri 4 (1), Thu 3 (2), Wed 2 (3), Tue 1 (4), Mon 28 Feb (5) 09:00.',
  ),
  meeting(
    '2033-02-21T10:00:00+00:00',
    'lac',
    'lac-review',
    9,
    '2033-03-07',
    '2033-03-07',
    'lac-review #9: significant change Mon 7 Feb 2033 + 20 WD: 8-11 (4), 14-18 (9), 21-25 (14), 28-Mar 4 (19), 7 (20) = Mon 7 Mar 2033 (earlier than review #8 held Tue 12 Oct 2032 + 6 months = Tue 12 Apr 2033); planBy Mon 7 Mar 2033. Held Mon 21 Feb 2033 10:00, before its reminder (-5 WD: Fri 4 (1), Thu 3 (2), Wed 2 (3), Tue 1 (4), Mon 28 Feb (5) 09:00): none fires. The looked-after process continues as new (run 10).',
  ),
  visit(
    '2033-02-22T10:00:00+00:00',
    'lac',
    'statutory-visit',
    32,
    '2033-02-28',
    "statutory-visit #32: visit #31 seen Tue 30 Nov 2032 + 3 months = Mon 28 Feb 2033 (no 30th: the month's last day) (placement 3 past its first year (Tue 2 Sep 2031) and agreed as permanent: reg 28(2)(c)(i) 3-monthly). Seen Tue 22 Feb 2033 10:00, before its reminder (-2 WD: Fri 25 (1), Thu 24 Feb (2) 09:00): none fires.",
  ),
  visit(
    '2033-05-13T10:00:00+01:00',
    'lac',
    'statutory-visit',
    33,
    '2033-05-22',
    'statutory-visit #33: visit #32 seen Tue 22 Feb 2033 + 3 months = Sun 22 May 2033 (placement 3 past its first year (Tue 2 Sep 2031) and agreed as permanent: reg 28(2)(c)(i) 3-monthly). Seen Fri 13 May 2033 10:00, before its reminder (-2 WD: Fri 20 (1), Thu 19 May (2) 09:00): none fires.',
  ),
  done(
    '2033-07-29T10:00:00+01:00',
    'lac',
    'health-assessment-review',
    { occurrence: 4, dueDate: '2033-08-12' },
    'health-assessment-review #4: health review #3 held Thu 12 Aug 2032 + 12 months = Fri 12 Aug 2033. Completed Fri 29 Jul 2033 10:00, before its reminder (-2 WD: Thu 11 (1), Wed 10 Aug (2) 09:00): none fires.',
  ),
  meeting(
    '2033-08-09T10:00:00+01:00',
    'lac',
    'lac-review',
    10,
    '2033-08-21',
    '2033-08-19',
    'lac-review #10: review #9 held Mon 21 Feb 2033 + 6 months = Sun 21 Aug 2033; planBy Fri 19 Aug 2033 (the due date is not a working day: the last working day on or before it). Held Tue 9 Aug 2033 10:00, before its reminder (-5 WD: Fri 19 (1), Thu 18 (2), Wed 17 (3), Tue 16 (4), Mon 15 Aug (5) 09:00): none fires. The looked-after process continues as new (run 11).',
  ),
  visit(
    '2033-08-10T10:00:00+01:00',
    'lac',
    'statutory-visit',
    34,
    '2033-08-13',
    'statutory-visit #34: visit #33 seen Fri 13 May 2033 + 3 months = Sat 13 Aug 2033 (placement 3 past its first year (Tue 2 Sep 2031) and agreed as permanent: reg 28(2)(c)(i) 3-monthly). Seen Wed 10 Aug 2033 10:00, before its reminder (-2 WD: Fri 12 (1), Thu 11 Aug (2) 09:00): none fires.',
  ),
  visit(
    '2033-11-01T10:00:00+00:00',
    'lac',
    'statutory-visit',
    35,
    '2033-11-10',
    'statutory-visit #35: visit #34 seen Wed 10 Aug 2033 + 3 months = Thu 10 Nov 2033 (placement 3 past its first year (Tue 2 Sep 2031) and agreed as permanent: reg 28(2)(c)(i) 3-monthly). Seen Tue 1 Nov 2033 10:00, before its reminder (-2 WD: Wed 9 (1), Tue 8 Nov (2) 09:00): none fires.',
  ),
  // ---------------------------------------------------------------- looked-after, 2034
  meeting(
    '2034-01-24T10:00:00+00:00',
    'lac',
    'lac-review',
    11,
    '2034-02-09',
    '2034-02-09',
    'lac-review #11: review #10 held Tue 9 Aug 2033 + 6 months = Thu 9 Feb 2034; planBy Thu 9 Feb 2034. Held Tue 24 Jan 2034 10:00, before its reminder (-5 WD: Wed 8 (1), Tue 7 (2), Mon 6 (3), Fri 3 (4), Thu 2 Feb (5) 09:00): none fires. The looked-after process continues as new (run 12).',
  ),
  visit(
    '2034-01-26T10:00:00+00:00',
    'lac',
    'statutory-visit',
    36,
    '2034-02-01',
    'statutory-visit #36: visit #35 seen Tue 1 Nov 2033 + 3 months = Wed 1 Feb 2034 (placement 3 past its first year (Tue 2 Sep 2031) and agreed as permanent: reg 28(2)(c)(i) 3-monthly). Seen Thu 26 Jan 2034 10:00, before its reminder (-2 WD: Tue 31 (1), Mon 30 Jan (2) 09:00): none fires.',
  ),
  visit(
    '2034-04-19T10:00:00+01:00',
    'lac',
    'statutory-visit',
    37,
    '2034-04-26',
    'statutory-visit #37: visit #36 seen Thu 26 Jan 2034 + 3 months = Wed 26 Apr 2034 (placement 3 past its first year (Tue 2 Sep 2031) and agreed as permanent: reg 28(2)(c)(i) 3-monthly). Seen Wed 19 Apr 2034 10:00, before its reminder (-2 WD: Tue 25 (1), Mon 24 Apr (2) 09:00): none fires.',
  ),
  // ---------------------------------------------------------------- pathway plan, 2034
  done(
    '2034-06-15T10:00:00+01:00',
    'pathway',
    'needs-assessment',
    { occurrence: 1, dueDate: '2034-08-17' },
    'Pathway planning started by itself at 00:00 on the 16th birthday, Wed 17 May 2034 (looked after since 2029, so the 13 weeks since 14 were served long before): pathway-plan-LACJ-ENG-1 with sixteenth-birthday 2034-05-17 and the date of birth. needs-assessment #1: 16th birthday Wed 17 May 2034 + 3 months = Thu 17 Aug 2034. Completed Thu 15 Jun 2034 10:00, before its reminder (-2 WD: Wed 16 (1), Tue 15 Aug (2) 09:00): none fires.',
  ),
  done(
    '2034-07-05T10:00:00+01:00',
    'pathway',
    'pathway-plan',
    { occurrence: 1, dueDate: '2034-07-13' },
    'pathway-plan #1: needs assessment completed Thu 15 Jun 2034 + 20 WD: 16 (1), 19-23 (6), 26-30 (11), Jul 3-7 (16), 10-13 (20) = Thu 13 Jul 2034. Completed Wed 5 Jul 2034 10:00, before its reminder (-2 WD: Wed 12 (1), Tue 11 Jul (2) 09:00): none fires.',
  ),
  anchor(
    '2034-07-10T10:00:00+01:00',
    'pathway',
    'accommodation-start',
    undefined,
    { step: 'pathway-plan-review', occurrence: 1, dueDate: '2035-01-05', planBy: '2035-01-05' },
    'Moves into supported lodgings (the same day the care order is discharged). Recorded Mon 10 Jul 2034 10:00. Before: pathway-plan-review #1 due Fri 5 Jan 2035 (pathway plan completed Wed 5 Jul 2034 + 6 months = Fri 5 Jan 2035), planBy Fri 5 Jan 2035; pa-contact awaits an accommodation-start. After: pa-contact #1 opens: moved into accommodation Mon 10 Jul 2034 + 7 days = Mon 17 Jul 2034; reminder -2 WD: Fri 14 (1), Thu 13 Jul (2) 09:00.',
  ),
  // ---------------------------------------------------------------- looked-after, 2034
  anchor(
    '2034-07-10T10:00:00+01:00',
    'lac',
    'ceased-looked-after',
    undefined,
    { step: 'statutory-visit', occurrence: 38, dueDate: '2034-07-19' },
    'CEASES TO BE LOOKED AFTER (care order discharged; she moves into supported lodgings): the episode ends. Recorded Mon 10 Jul 2034 10:00. The looked-after process ends (finished: "ceased to be looked after on 2034-07-10T10:00:00+01:00"); its open steps lapse, none has reached a tier: statutory-visit #38 due Wed 19 Jul 2034 (visit #37 seen Wed 19 Apr 2034 + 3 months = Wed 19 Jul 2034 (placement 3 past its first year (Tue 2 Sep 2031) and agreed as permanent: reg 28(2)(c)(i) 3-monthly); reminder would be -2 WD: Tue 18 (1), Mon 17 Jul (2) 09:00, after today); lac-review #12 due Mon 24 Jul 2034 (review #11 held Tue 24 Jan 2034 + 6 months = Mon 24 Jul 2034; reminder would be -5 WD: Fri 21 (1), Thu 20 (2), Wed 19 (3), Tue 18 (4), Mon 17 Jul (5) 09:00, after today); health-assessment-review #5 due Sat 29 Jul 2034 (health review #4 held Fri 29 Jul 2033 + 12 months = Sat 29 Jul 2034; reminder would be -2 WD: Fri 28 (1), Thu 27 Jul (2) 09:00, after today). Pathway planning goes on (it was started at the 16th birthday).',
  ),
  {
    at: '2034-07-11T10:00:00+01:00',
    process: 'lac',
    event: { type: 'step-completed', step: 'statutory-visit', occurredAt: '2034-07-11T10:00:00+01:00', seen: true },
    rejected: { type: 'Ended' },
    why: 'A statutory visit recorded on Tue 11 Jul 2034, after the episode ended: the looked-after workflow has finished, so the update finds no running workflow (Ended).',
  },
  // ---------------------------------------------------------------- pathway plan, 2034
  visit(
    '2034-07-12T10:00:00+01:00',
    'pathway',
    'pa-contact',
    1,
    '2034-07-17',
    'pa-contact #1: moved into accommodation Mon 10 Jul 2034 + 7 days = Mon 17 Jul 2034. Seen Wed 12 Jul 2034 10:00, before its reminder (-2 WD: Fri 14 (1), Thu 13 Jul (2) 09:00): none fires.',
  ),
  visit(
    '2034-09-06T10:00:00+01:00',
    'pathway',
    'pa-contact',
    2,
    '2034-09-12',
    'pa-contact #2: contact #1 seen Wed 12 Jul 2034 + 2 months = Tue 12 Sep 2034. Seen Wed 6 Sep 2034 10:00, before its reminder (-2 WD: Mon 11 (1), Fri 8 Sep (2) 09:00): none fires.',
  ),
  visit(
    '2034-10-27T10:00:00+01:00',
    'pathway',
    'pa-contact',
    3,
    '2034-11-06',
    'pa-contact #3: contact #2 seen Wed 6 Sep 2034 + 2 months = Mon 6 Nov 2034. Seen Fri 27 Oct 2034 10:00, before its reminder (-2 WD: Fri 3 (1), Thu 2 Nov (2) 09:00): none fires.',
  ),
  visit(
    '2034-12-18T10:00:00+00:00',
    'pathway',
    'pa-contact',
    4,
    '2034-12-27',
    'pa-contact #4: contact #3 seen Fri 27 Oct 2034 + 2 months = Wed 27 Dec 2034. Seen Mon 18 Dec 2034 10:00, before its reminder (-2 WD: [Tue 26 Dec Boxing Day], [Mon 25 Dec Christmas Day], Fri 22 (1), Thu 21 Dec (2) 09:00): none fires.',
  ),
  meeting(
    '2034-12-22T10:00:00+00:00',
    'pathway',
    'pathway-plan-review',
    1,
    '2035-01-05',
    '2035-01-05',
    'pathway-plan-review #1: pathway plan completed Wed 5 Jul 2034 + 6 months = Fri 5 Jan 2035; planBy Fri 5 Jan 2035. Held Fri 22 Dec 2034 10:00, before its reminder (-2 WD: Thu 4 (1), Wed 3 Jan (2) 09:00): none fires. Pathway planning continues as new (run 2).',
  ),
  // ---------------------------------------------------------------- pathway plan, 2035
  visit(
    '2035-02-14T10:00:00+00:00',
    'pathway',
    'pa-contact',
    5,
    '2035-02-18',
    'pa-contact #5: contact #4 seen Mon 18 Dec 2034 + 2 months = Sun 18 Feb 2035. Seen Wed 14 Feb 2035 10:00, before its reminder (-2 WD: Fri 16 (1), Thu 15 Feb (2) 09:00): none fires.',
  ),
  visit(
    '2035-04-05T10:00:00+01:00',
    'pathway',
    'pa-contact',
    6,
    '2035-04-14',
    'pa-contact #6: contact #5 seen Wed 14 Feb 2035 + 2 months = Sat 14 Apr 2035. Seen Thu 5 Apr 2035 10:00, before its reminder (-2 WD: Fri 13 (1), Thu 12 Apr (2) 09:00): none fires.',
  ),
  visit(
    '2035-05-31T10:00:00+01:00',
    'pathway',
    'pa-contact',
    7,
    '2035-06-05',
    'pa-contact #7: contact #6 seen Thu 5 Apr 2035 + 2 months = Tue 5 Jun 2035. Seen Thu 31 May 2035 10:00, before its reminder (-2 WD: Mon 4 (1), Fri 1 Jun (2) 09:00): none fires.',
  ),
  meeting(
    '2035-06-11T10:00:00+01:00',
    'pathway',
    'pathway-plan-review',
    2,
    '2035-06-22',
    '2035-06-22',
    'pathway-plan-review #2: pathway plan review #1 held Fri 22 Dec 2034 + 6 months = Fri 22 Jun 2035; planBy Fri 22 Jun 2035. Held Mon 11 Jun 2035 10:00, before its reminder (-2 WD: Thu 21 (1), Wed 20 Jun (2) 09:00): none fires. Pathway planning continues as new (run 3).',
  ),
  visit(
    '2035-07-25T10:00:00+01:00',
    'pathway',
    'pa-contact',
    8,
    '2035-07-31',
    'pa-contact #8: contact #7 seen Thu 31 May 2035 + 2 months = Tue 31 Jul 2035. Seen Wed 25 Jul 2035 10:00, before its reminder (-2 WD: Mon 30 (1), Fri 27 Jul (2) 09:00): none fires.',
  ),
  visit(
    '2035-09-17T10:00:00+01:00',
    'pathway',
    'pa-contact',
    9,
    '2035-09-25',
    'pa-contact #9: contact #8 seen Wed 25 Jul 2035 + 2 months = Tue 25 Sep 2035. Seen Mon 17 Sep 2035 10:00, before its reminder (-2 WD: Mon 24 (1), Fri 21 Sep (2) 09:00): none fires.',
  ),
  visit(
    '2035-11-12T10:00:00+00:00',
    'pathway',
    'pa-contact',
    10,
    '2035-11-17',
    'pa-contact #10: contact #9 seen Mon 17 Sep 2035 + 2 months = Sat 17 Nov 2035. Seen Mon 12 Nov 2035 10:00, before its reminder (-2 WD: Fri 16 (1), Thu 15 Nov (2) 09:00): none fires.',
  ),
  meeting(
    '2035-11-29T10:00:00+00:00',
    'pathway',
    'pathway-plan-review',
    3,
    '2035-12-11',
    '2035-12-11',
    'pathway-plan-review #3: pathway plan review #2 held Mon 11 Jun 2035 + 6 months = Tue 11 Dec 2035; planBy Tue 11 Dec 2035. Held Thu 29 Nov 2035 10:00, before its reminder (-2 WD: Mon 10 (1), Fri 7 Dec (2) 09:00): none fires. Pathway planning continues as new (run 4).',
  ),
  // ---------------------------------------------------------------- pathway plan, 2036
  visit(
    '2036-01-09T10:00:00+00:00',
    'pathway',
    'pa-contact',
    11,
    '2036-01-12',
    'pa-contact #11: contact #10 seen Mon 12 Nov 2035 + 2 months = Sat 12 Jan 2036. Seen Wed 9 Jan 2036 10:00, before its reminder (-2 WD: Fri 11 (1), Thu 10 Jan (2) 09:00): none fires.',
  ),
  visit(
    '2036-02-28T10:00:00+00:00',
    'pathway',
    'pa-contact',
    12,
    '2036-03-09',
    'pa-contact #12: contact #11 seen Wed 9 Jan 2036 + 2 months = Sun 9 Mar 2036. Seen Thu 28 Feb 2036 10:00, before its reminder (-2 WD: Fri 7 (1), Thu 6 Mar (2) 09:00): none fires.',
  ),
  visit(
    '2036-04-23T10:00:00+01:00',
    'pathway',
    'pa-contact',
    13,
    '2036-04-28',
    'pa-contact #13: contact #12 seen Thu 28 Feb 2036 + 2 months = Mon 28 Apr 2036. Seen Wed 23 Apr 2036 10:00, before its reminder (-2 WD: Fri 25 (1), Thu 24 Apr (2) 09:00): none fires.',
  ),
  meeting(
    '2036-05-14T10:00:00+01:00',
    'pathway',
    'pathway-plan-review',
    4,
    '2036-05-29',
    '2036-05-29',
    'pathway-plan-review #4: pathway plan review #3 held Thu 29 Nov 2035 + 6 months = Thu 29 May 2036; planBy Thu 29 May 2036. Held Wed 14 May 2036 10:00, before its reminder (-2 WD: Wed 28 (1), Tue 27 May (2) 09:00): none fires. Pathway planning continues as new (run 5).',
  ),
  visit(
    '2036-06-17T10:00:00+01:00',
    'pathway',
    'pa-contact',
    14,
    '2036-06-23',
    'pa-contact #14: contact #13 seen Wed 23 Apr 2036 + 2 months = Mon 23 Jun 2036. Seen Tue 17 Jun 2036 10:00, before its reminder (-2 WD: Fri 20 (1), Thu 19 Jun (2) 09:00): none fires.',
  ),
  visit(
    '2036-08-08T10:00:00+01:00',
    'pathway',
    'pa-contact',
    15,
    '2036-08-17',
    'pa-contact #15: contact #14 seen Tue 17 Jun 2036 + 2 months = Sun 17 Aug 2036. Seen Fri 8 Aug 2036 10:00, before its reminder (-2 WD: Fri 15 (1), Thu 14 Aug (2) 09:00): none fires.',
  ),
  visit(
    '2036-10-01T10:00:00+01:00',
    'pathway',
    'pa-contact',
    16,
    '2036-10-08',
    'pa-contact #16: contact #15 seen Fri 8 Aug 2036 + 2 months = Wed 8 Oct 2036. Seen Wed 1 Oct 2036 10:00, before its reminder (-2 WD: Tue 7 (1), Mon 6 Oct (2) 09:00): none fires.',
  ),
  anchor(
    '2036-10-06T10:00:00+01:00',
    'pathway',
    'accommodation-start',
    undefined,
    { step: 'pa-contact', occurrence: 17, dueDate: '2036-12-01' },
    'MOVES AGAIN: into her own tenancy (a new accommodation-start restarts PA contact: within 7 days). Recorded Mon 6 Oct 2036 10:00. Before: pa-contact #17 due Mon 1 Dec 2036 (2 months after the last contact). After: moved into accommodation (a move after the last contact: the pattern restarts) Mon 6 Oct 2036 + 7 days = Mon 13 Oct 2036; reminder -2 WD: Fri 10 (1), Thu 9 Oct (2) 09:00.',
  ),
  visit(
    '2036-10-08T10:00:00+01:00',
    'pathway',
    'pa-contact',
    17,
    '2036-10-13',
    'pa-contact #17: moved into accommodation (a move after the last contact: the pattern restarts) Mon 6 Oct 2036 + 7 days = Mon 13 Oct 2036. Seen Wed 8 Oct 2036 10:00, before its reminder (-2 WD: Fri 10 (1), Thu 9 Oct (2) 09:00): none fires.',
  ),
  meeting(
    '2036-11-05T10:00:00+00:00',
    'pathway',
    'pathway-plan-review',
    5,
    '2036-11-14',
    '2036-11-14',
    'pathway-plan-review #5: pathway plan review #4 held Wed 14 May 2036 + 6 months = Fri 14 Nov 2036; planBy Fri 14 Nov 2036. Held Wed 5 Nov 2036 10:00, before its reminder (-2 WD: Thu 13 (1), Wed 12 Nov (2) 09:00): none fires. Pathway planning continues as new (run 6).',
  ),
  visit(
    '2036-11-27T10:00:00+00:00',
    'pathway',
    'pa-contact',
    18,
    '2036-12-08',
    'pa-contact #18: contact #17 seen Wed 8 Oct 2036 + 2 months = Mon 8 Dec 2036. Seen Thu 27 Nov 2036 10:00, before its reminder (-2 WD: Fri 5 (1), Thu 4 Dec (2) 09:00): none fires.',
  ),
  // ---------------------------------------------------------------- pathway plan, 2037
  visit(
    '2037-01-22T10:00:00+00:00',
    'pathway',
    'pa-contact',
    19,
    '2037-01-27',
    'pa-contact #19: contact #18 seen Thu 27 Nov 2036 + 2 months = Tue 27 Jan 2037. Seen Thu 22 Jan 2037 10:00, before its reminder (-2 WD: Mon 26 (1), Fri 23 Jan (2) 09:00): none fires.',
  ),
  visit(
    '2037-03-17T10:00:00+00:00',
    'pathway',
    'pa-contact',
    20,
    '2037-03-22',
    'pa-contact #20: contact #19 seen Thu 22 Jan 2037 + 2 months = Sun 22 Mar 2037. Seen Tue 17 Mar 2037 10:00, before its reminder (-2 WD: Fri 20 (1), Thu 19 Mar (2) 09:00): none fires.',
  ),
  meeting(
    '2037-04-21T10:00:00+01:00',
    'pathway',
    'pathway-plan-review',
    6,
    '2037-05-05',
    '2037-05-05',
    'pathway-plan-review #6: pathway plan review #5 held Wed 5 Nov 2036 + 6 months = Tue 5 May 2037; planBy Tue 5 May 2037. Held Tue 21 Apr 2037 10:00, before its reminder (-2 WD: [Mon 4 May Early May bank holiday], Fri 1 (1), Thu 30 Apr (2) 09:00): none fires. Pathway planning continues as new (run 7).',
  ),
  visit(
    '2037-05-08T10:00:00+01:00',
    'pathway',
    'pa-contact',
    21,
    '2037-05-17',
    'pa-contact #21: contact #20 seen Tue 17 Mar 2037 + 2 months = Sun 17 May 2037. Seen Fri 8 May 2037 10:00, before its reminder (-2 WD: Fri 15 (1), Thu 14 May (2) 09:00): none fires.',
  ),
  visit(
    '2037-07-07T10:00:00+01:00',
    'pathway',
    'pa-contact',
    22,
    '2037-07-08',
    'pa-contact #22: contact #21 seen Fri 8 May 2037 + 2 months = Wed 8 Jul 2037. Seen Tue 7 Jul 2037 10:00, on time, after: reminder Mon 6 Jul 2037 09:00 (listed).',
  ),
  visit(
    '2037-08-28T10:00:00+01:00',
    'pathway',
    'pa-contact',
    23,
    '2037-09-07',
    'pa-contact #23: contact #22 seen Tue 7 Jul 2037 + 2 months = Mon 7 Sep 2037. Seen Fri 28 Aug 2037 10:00, before its reminder (-2 WD: Fri 4 (1), Thu 3 Sep (2) 09:00): none fires.',
  ),
  meeting(
    '2037-10-09T10:00:00+01:00',
    'pathway',
    'pathway-plan-review',
    7,
    '2037-10-21',
    '2037-10-21',
    'pathway-plan-review #7: pathway plan review #6 held Tue 21 Apr 2037 + 6 months = Wed 21 Oct 2037; planBy Wed 21 Oct 2037. Held Fri 9 Oct 2037 10:00, before its reminder (-2 WD: Tue 20 (1), Mon 19 Oct (2) 09:00): none fires. Pathway planning continues as new (run 8).',
  ),
  visit(
    '2037-10-23T10:00:00+01:00',
    'pathway',
    'pa-contact',
    24,
    '2037-10-28',
    'pa-contact #24: contact #23 seen Fri 28 Aug 2037 + 2 months = Wed 28 Oct 2037. Seen Fri 23 Oct 2037 10:00, before its reminder (-2 WD: Tue 27 (1), Mon 26 Oct (2) 09:00): none fires.',
  ),
  visit(
    '2037-12-14T10:00:00+00:00',
    'pathway',
    'pa-contact',
    25,
    '2037-12-23',
    'pa-contact #25: contact #24 seen Fri 23 Oct 2037 + 2 months = Wed 23 Dec 2037. Seen Mon 14 Dec 2037 10:00, before its reminder (-2 WD: Tue 22 (1), Mon 21 Dec (2) 09:00): none fires.',
  ),
  // ---------------------------------------------------------------- pathway plan, 2038
  visit(
    '2038-02-10T10:00:00+00:00',
    'pathway',
    'pa-contact',
    26,
    '2038-02-14',
    'pa-contact #26: contact #25 seen Mon 14 Dec 2037 + 2 months = Sun 14 Feb 2038. Seen Wed 10 Feb 2038 10:00, before its reminder (-2 WD: Fri 12 (1), Thu 11 Feb (2) 09:00): none fires.',
  ),
  meeting(
    '2038-03-26T10:00:00+00:00',
    'pathway',
    'pathway-plan-review',
    8,
    '2038-04-09',
    '2038-04-09',
    'pathway-plan-review #8: pathway plan review #7 held Fri 9 Oct 2037 + 6 months = Fri 9 Apr 2038; planBy Fri 9 Apr 2038. Held Fri 26 Mar 2038 10:00, before its reminder (-2 WD: Thu 8 (1), Wed 7 Apr (2) 09:00): none fires. Pathway planning continues as new (run 9).',
  ),
  visit(
    '2038-04-06T10:00:00+01:00',
    'pathway',
    'pa-contact',
    27,
    '2038-04-10',
    'pa-contact #27: contact #26 seen Wed 10 Feb 2038 + 2 months = Sat 10 Apr 2038. Seen Tue 6 Apr 2038 10:00, before its reminder (-2 WD: Fri 9 (1), Thu 8 Apr (2) 09:00): none fires.',
  ),
  visit(
    '2038-05-27T10:00:00+01:00',
    'pathway',
    'pa-contact',
    28,
    '2038-06-06',
    'pa-contact #28: contact #27 seen Tue 6 Apr 2038 + 2 months = Sun 6 Jun 2038. Seen Thu 27 May 2038 10:00, before its reminder (-2 WD: Fri 4 (1), Thu 3 Jun (2) 09:00): none fires.',
  ),
  visit(
    '2038-07-20T10:00:00+01:00',
    'pathway',
    'pa-contact',
    29,
    '2038-07-27',
    'pa-contact #29: contact #28 seen Thu 27 May 2038 + 2 months = Tue 27 Jul 2038. Seen Tue 20 Jul 2038 10:00, before its reminder (-2 WD: Mon 26 (1), Fri 23 Jul (2) 09:00): none fires.',
  ),
  visit(
    '2038-09-15T10:00:00+01:00',
    'pathway',
    'pa-contact',
    30,
    '2038-09-20',
    'pa-contact #30: contact #29 seen Tue 20 Jul 2038 + 2 months = Mon 20 Sep 2038. Seen Wed 15 Sep 2038 10:00, before its reminder (-2 WD: Fri 17 (1), Thu 16 Sep (2) 09:00): none fires.',
  ),
  meeting(
    '2038-09-16T10:00:00+01:00',
    'pathway',
    'pathway-plan-review',
    9,
    '2038-09-26',
    '2038-09-24',
    'pathway-plan-review #9: pathway plan review #8 held Fri 26 Mar 2038 + 6 months = Sun 26 Sep 2038; planBy Fri 24 Sep 2038 (the due date is not a working day: the last working day on or before it). Held Thu 16 Sep 2038 10:00, before its reminder (-2 WD: Fri 24 (1), Thu 23 Sep (2) 09:00): none fires. Pathway planning continues as new (run 10).',
  ),
  visit(
    '2038-11-04T10:00:00+00:00',
    'pathway',
    'pa-contact',
    31,
    '2038-11-15',
    'pa-contact #31: contact #30 seen Wed 15 Sep 2038 + 2 months = Mon 15 Nov 2038. Seen Thu 4 Nov 2038 10:00, before its reminder (-2 WD: Fri 12 (1), Thu 11 Nov (2) 09:00): none fires.',
  ),
  visit(
    '2038-12-29T10:00:00+00:00',
    'pathway',
    'pa-contact',
    32,
    '2039-01-04',
    "pa-contact #32: contact #31 seen Thu 4 Nov 2038 + 2 months = Tue 4 Jan 2039. Seen Wed 29 Dec 2038 10:00, before its reminder (-2 WD: [Mon 3 Jan New Year's Day (substitute day)], [Sat 1 Jan New Year's Day], Fri 31 (1), Thu 30 Dec (2) 09:00): none fires.",
  ),
  // ---------------------------------------------------------------- pathway plan, 2039
  visit(
    '2039-02-22T10:00:00+00:00',
    'pathway',
    'pa-contact',
    33,
    '2039-02-28',
    "pa-contact #33: contact #32 seen Wed 29 Dec 2038 + 2 months = Mon 28 Feb 2039 (no 29th: the month's last day). Seen Tue 22 Feb 2039 10:00, before its reminder (-2 WD: Fri 25 (1), Thu 24 Feb (2) 09:00): none fires.",
  ),
  meeting(
    '2039-03-03T10:00:00+00:00',
    'pathway',
    'pathway-plan-review',
    10,
    '2039-03-16',
    '2039-03-16',
    'pathway-plan-review #10: pathway plan review #9 held Thu 16 Sep 2038 + 6 months = Wed 16 Mar 2039; planBy Wed 16 Mar 2039. Held Thu 3 Mar 2039 10:00, before its reminder (-2 WD: Tue 15 (1), Mon 14 Mar (2) 09:00): none fires. Pathway planning continues as new (run 11).',
  ),
  visit(
    '2039-04-14T10:00:00+01:00',
    'pathway',
    'pa-contact',
    34,
    '2039-04-22',
    'pa-contact #34: contact #33 seen Tue 22 Feb 2039 + 2 months = Fri 22 Apr 2039. Seen Thu 14 Apr 2039 10:00, before its reminder (-2 WD: Thu 21 (1), Wed 20 Apr (2) 09:00): none fires.',
  ),
];

const notifications: ExpectedNotice[] = [
  {
    process: 'lac',
    key: 'pep-initial:1:reminder',
    firesAt: '2029-09-13T09:00:00+01:00',
    to: 'tm-eng',
    why: 'pep-initial #1 due Mon 17 Sep 2029; reminder -2 WD: Fri 14 (1), Thu 13 Sep (2) 09:00, to the assigned worker (sw-eng-none is not a person: the team manager tm-eng); still open then (completed Fri 14 Sep 2029 10:00).',
  },
  {
    process: 'lac',
    key: 'statutory-visit:3:reminder',
    firesAt: '2029-11-21T09:00:00+00:00',
    to: 'tm-eng',
    why: 'statutory-visit #3 due Fri 23 Nov 2029; reminder -2 WD: Thu 22 (1), Wed 21 Nov (2) 09:00, to the assigned worker (sw-eng-none is not a person: the team manager tm-eng); still open then (seen Thu 29 Nov 2029 10:00).',
  },
  {
    process: 'lac',
    key: 'statutory-visit:3:overdue',
    firesAt: '2029-11-26T09:00:00+00:00',
    to: 'tm-eng',
    why: 'statutory-visit #3 due Fri 23 Nov 2029; overdue +1 WD: Mon 26 Nov (1) 09:00, to the team manager tm-eng; still open then (seen Thu 29 Nov 2029 10:00).',
  },
  {
    process: 'lac',
    key: 'statutory-visit:3:escalated',
    firesAt: '2029-11-28T09:00:00+00:00',
    to: 'sm-eng',
    why: 'statutory-visit #3 due Fri 23 Nov 2029; escalated +3 WD: Mon 26 (1), Tue 27 (2), Wed 28 Nov (3) 09:00, to the service manager sm-eng; still open then (seen Thu 29 Nov 2029 10:00).',
  },
  {
    process: 'lac',
    key: 'lac-review:3:reminder',
    firesAt: '2030-06-03T09:00:00+01:00',
    to: 'tm-eng',
    why: 'lac-review #3 due Mon 10 Jun 2030; reminder -5 WD: Fri 7 (1), Thu 6 (2), Wed 5 (3), Tue 4 (4), Mon 3 Jun (5) 09:00, to the assigned worker (sw-eng-none is not a person: the team manager tm-eng); still open then (held Fri 14 Jun 2030 10:00).',
  },
  {
    process: 'lac',
    key: 'lac-review:3:overdue',
    firesAt: '2030-06-11T09:00:00+01:00',
    to: 'tm-eng',
    cc: ['iro-eng'],
    why: 'lac-review #3 due Mon 10 Jun 2030; overdue +1 WD: Tue 11 Jun (1) 09:00, to the team manager tm-eng, copy to the IRO iro-eng; still open then (held Fri 14 Jun 2030 10:00).',
  },
  {
    process: 'lac',
    key: 'lac-review:3:escalated',
    firesAt: '2030-06-13T09:00:00+01:00',
    to: 'sm-eng',
    cc: ['iro-eng'],
    why: 'lac-review #3 due Mon 10 Jun 2030; escalated +3 WD: Tue 11 (1), Wed 12 (2), Thu 13 Jun (3) 09:00, to the service manager sm-eng, copy to the IRO iro-eng; still open then (held Fri 14 Jun 2030 10:00).',
  },
  {
    process: 'lac',
    key: 'statutory-visit:29:no-access:1',
    firesAt: '2032-06-08T10:00:00+01:00',
    to: 'tm-eng',
    why: 'statutory-visit #29: a visit on Tue 8 Jun 2032 10:00 at which the child was not seen: the team manager (eng-demo: tm-eng) is told at the instant it is recorded.',
  },
  {
    process: 'lac',
    key: 'statutory-visit:29:reminder',
    firesAt: '2032-06-09T09:00:00+01:00',
    to: 'tm-eng',
    why: 'statutory-visit #29 due Fri 11 Jun 2032; reminder -2 WD: Thu 10 (1), Wed 9 Jun (2) 09:00, to the assigned worker (sw-eng-none is not a person: the team manager tm-eng); still open then (seen Thu 10 Jun 2032 10:00).',
  },
  {
    process: 'pathway',
    key: 'pa-contact:22:reminder',
    firesAt: '2037-07-06T09:00:00+01:00',
    to: 'tm-eng',
    why: 'pa-contact #22 due Wed 8 Jul 2037; reminder -2 WD: Tue 7 (1), Mon 6 Jul (2) 09:00, to the assigned worker (sw-eng-none is not a person: the team manager tm-eng); still open then (seen Tue 7 Jul 2037 10:00).',
  },
];

export const journey: Journey & { expectEnd: { lac: string; pathway: string } } = {
  la: 'england',
  caseId: 'LACJ-ENG',
  workerId: 'sw-eng-none',
  team: 'eng-demo',
  start: {
    'date-of-birth': '2018-05-17',
    'became-looked-after': '2029-09-03T10:00:00+01:00',
    'placement-start': '2029-09-03T10:00:00+01:00',
  },
  startKinds: { 'placement-start': 'foster-care' },
  events,
  notifications,
  // Three days after the 21st birthday (Tue 17 May 2039, 00:00 BST: pathway planning ends). Its open steps lapse before
  // any tier: pa-contact #35 (contact #34 seen Thu 14 Apr 2039 + 2 months = Tue 14 Jun 2039; reminder -2 WD: Mon 13 (1),
  // Fri 10 Jun (2) 09:00) and pathway-plan-review #11 (review #10 held Thu 3 Mar 2039 + 6 months = Sat 3 Sep 2039).
  endsAt: '2039-05-20T10:00:00+01:00',
  expectEnd: {
    lac: 'ceased to be looked after on 2034-07-10T10:00:00+01:00',
    pathway: 'reached 21: leaving-care support ends (it continues to 25 on request) (2039-05-17)',
  },
};
