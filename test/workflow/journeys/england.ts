/**
 * England (the national rules, profiles/data/england.json): one child's child protection journey, worked by hand.
 *
 * Rules used (all counts: Europe/London; working days (WD) skip Sat, Sun and the England & Wales bank
 * holidays of profiles/data/calendar/england-and-wales.json: 2027-03-26, 03-29, 05-03, 05-31, 08-30, 12-27, 12-28;
 * 2028-01-03, 04-14, 04-17, 05-01, 05-29, 08-28; no closure days). "N WD after X": X's day does not count.
 *   enquiry: s47-complete 15 WD after s47-start; icpc 15 WD after the LATEST strategy discussion (anchorPick
 *            'latest'), a meeting (planBy), requires s47-complete. England has no strategy-discussion step
 *            and no hour rule: the enquiry starts with both anchors, and there is no 24-hour breach to show.
 *   plan:    core-group-initial 10 WD after the ICPC; core-group every 4 weeks from the last one held (the
 *            first from core-group-initial); cp-visit every 10 WD from the last visit at which the child was
 *            seen (the first from the ICPC); rcpc 3 months after the ICPC, then every 6 months from the last held.
 *   cin:     cin-plan 10 WD after plan-agreed; cin-visit every 20 WD (the first from plan-agreed);
 *            cin-review 3 months after cin-plan, then every 3 months from the last held.
 *   ladder (every step): reminder -2 WD (assigned-worker), overdue +1 WD (team-manager), escalated +3 WD
 *            (service-manager), critical +6 WD (head-of-service), each at 09:00 London on that working day.
 *   recipients (config/directory.json, team eng-demo): 'sw-eng-none' is not a person, so assigned-worker
 *            resolves to the team manager tm-eng; team-manager tm-eng; service-manager sm-eng; head-of-service
 *            hos-eng. No ladder tier has a cc. A no-access visit tells the team manager (tm-eng) at once.
 *   clock: GMT (+00:00) until Sun 28 Mar 2027, BST (+01:00) to Sun 31 Oct 2027, GMT to Sun 26 Mar 2028,
 *            then BST. Every event is sent at 10:00 local time, occurredAt = at.
 *
 * The story:
 *   Mon 8 Mar 2027 strategy discussion 1, S47 starts (start anchors). s47-complete and icpc both due Wed 31 Mar.
 *   Fri 12 Mar strategy discussion held again: 'latest' moves the ICPC to Tue 6 Apr (s47-complete stays 31 Mar).
 *   Mon 15 Mar an ICPC is refused (s47-complete not yet recorded). Wed 17 Mar S47 concluded -> ICPC.
 *   Tue 23 Mar ICPC -> child protection plan (icpc = 23 Mar). A core group before the initial one is refused.
 *   cp-visit #1: no access Wed 31 Mar (notice), seen Thu 1 Apr. Thereafter a visit every 7 WD (3 WD before the
 *   10 WD due date, so no reminder), except #7: reminder, overdue and escalated fire, held Fri 11 Jun (late).
 *   Core groups a week before each due date, except #1 (held Thu 29 Apr, the day after its reminder).
 *   #13 is due on a bank holiday (Mon 3 Jan 2028): planBy is Fri 31 Dec 2027.
 *   RCPC 1 Wed 16 Jun 2027 continue; RCPC 2 Thu 9 Dec 2027 continue; RCPC 3 Fri 19 May 2028 step-down
 *   (plan about 14 months). A core group after that is refused (the plan has ended).
 *   CIN plan (plan-agreed Fri 19 May 2028): cin-plan Wed 24 May, visits 9 Jun, 30 Jun, 21 Jul, review 1 Thu 27 Jul
 *   (continue), review 2 Thu 10 Aug (close).
 * Notifications: 5 (one no-access notice, one core group reminder, cp-visit #7 reminder, overdue, escalated).
 */
import { ExpectedNotice, Journey, JourneyEvent, done } from './journey';

/** A CP visit at which the child was seen. */
const cpVisit = (at: string, occurrence: number, dueDate: string, why: string) =>
  done(at, 'plan', 'cp-visit', { occurrence, dueDate }, why, { seen: true });
/** A core group meeting (the recurring one). */
const coreGroup = (at: string, occurrence: number, dueDate: string, planBy: string, why: string) =>
  done(at, 'plan', 'core-group', { occurrence, dueDate, planBy }, why);

const events: JourneyEvent[] = [
  // ---------------------------------------------------------------- enquiry (start: SD1 = s47-start = Mon 8 Mar 2027 10:00 GMT)
  {
    at: '2027-03-12T10:00:00+00:00',
    process: 'enquiry',
    expect: { step: 'icpc', dueDate: '2027-03-31', planBy: '2027-03-31' },
    event: { type: 'anchor', anchor: 'strategy-discussion', at: '2027-03-12T10:00:00+00:00' },
    why: 'Before: icpc counts 15 WD from the only strategy discussion, Mon 8 Mar: 9,10,11,12 (4), 15-19 (9), 22,23,24,25 (13), [Fri 26 Good Friday, Mon 29 Easter Monday], 30 (14), 31 (15) = Wed 31 Mar, a working day so planBy the same. Strategy discussion held again Fri 12 Mar 10:00 (after the first, so accepted).',
  },
  {
    at: '2027-03-15T10:00:00+00:00',
    process: 'enquiry',
    expect: { step: 'icpc', dueDate: '2027-04-06', planBy: '2027-04-06' },
    event: {
      type: 'step-completed',
      step: 'icpc',
      occurredAt: '2027-03-15T10:00:00+00:00',
      outcome: 'child-protection-plan',
    },
    rejected: { type: 'Conflict', field: 'step' },
    why: "anchorPick 'latest': the ICPC now counts from the second strategy discussion, Fri 12 Mar: 15,16,17,18,19 (5), 22,23,24,25 (9), [26, 29 bank holidays], 30,31 (11), Apr 1,2 (13), 5,6 (15) = Tue 6 Apr (was Wed 31 Mar): the date MOVES. planBy Tue 6 Apr (working day). An ICPC now is refused: icpc requires s47-complete, not yet recorded (Conflict, field step).",
  },
  done(
    '2027-03-17T10:00:00+00:00',
    'enquiry',
    's47-complete',
    { dueDate: '2027-03-31' },
    's47-complete counts 15 WD from s47-start Mon 8 Mar (not moved by the second strategy discussion): = Wed 31 Mar (as the first ICPC date). Reminder would be 2 WD before: Tue 30 (1), [29, 26], Thu 25 Mar (2) 09:00; done Wed 17 Mar, none fires. Outcome icpc.',
    { outcome: 'icpc' },
  ),
  done(
    '2027-03-23T10:00:00+00:00',
    'enquiry',
    'icpc',
    { dueDate: '2027-04-06', planBy: '2027-04-06' },
    'ICPC held Tue 23 Mar, due Tue 6 Apr (15 WD after the latest strategy discussion Fri 12 Mar); reminder would be Fri 2 Apr 09:00 (2 WD before: Mon 5 (1), Fri 2 (2)), none. Outcome child-protection-plan: the plan starts with icpc = 2027-03-23T10:00:00+00:00 and the enquiry ends.',
    { outcome: 'child-protection-plan' },
  ),

  // ---------------------------------------------------------------- plan, run 1 (icpc Tue 23 Mar 2027)
  {
    at: '2027-03-24T10:00:00+00:00',
    process: 'plan',
    expect: { step: 'core-group-initial', dueDate: '2027-04-08', planBy: '2027-04-08' },
    event: { type: 'step-completed', step: 'core-group', occurredAt: '2027-03-24T10:00:00+00:00' },
    rejected: { type: 'Conflict', field: 'step' },
    why: 'core-group-initial: 10 WD after Tue 23 Mar: 24,25 (2), [26, 29 bank holidays], 30,31 (4), Apr 1,2 (6), 5,6,7,8 (10) = Thu 8 Apr; planBy Thu 8 Apr. A recurring core group now is refused: it counts from core-group-initial, not yet held (Conflict, field step).',
  },
  {
    at: '2027-03-31T10:00:00+01:00',
    process: 'plan',
    expect: { step: 'cp-visit', occurrence: 1, dueDate: '2027-04-08' },
    event: { type: 'step-completed', step: 'cp-visit', occurredAt: '2027-03-31T10:00:00+01:00', seen: false },
    why: 'cp-visit #1: 10 WD after the ICPC Tue 23 Mar = Thu 8 Apr (as core-group-initial). Visit Wed 31 Mar, child NOT seen: no completion, #1 stays due 8 Apr; no-access:1 to tm-eng at once (10:00 BST).',
  },
  cpVisit(
    '2027-04-01T10:00:00+01:00',
    1,
    '2027-04-08',
    'cp-visit #1 still due Thu 8 Apr after the no-access visit. Seen Thu 1 Apr; reminder would be Tue 6 Apr 09:00 (2 WD before: Wed 7 (1), Tue 6 (2)), none.',
  ),
  done(
    '2027-04-02T10:00:00+01:00',
    'plan',
    'core-group-initial',
    { dueDate: '2027-04-08', planBy: '2027-04-08' },
    'core-group-initial held Fri 2 Apr, due Thu 8 Apr (reminder Tue 6 Apr, none). core-group #1 now due Fri 2 Apr + 4 weeks = Fri 30 Apr.',
  ),
  cpVisit(
    '2027-04-12T10:00:00+01:00',
    2,
    '2027-04-15',
    'cp-visit #2: 10 WD after Thu 1 Apr: 2 (1), 5-9 (6), 12,13,14,15 (10) = Thu 15 Apr. Visit Mon 12 Apr (reminder Tue 13 Apr, none).',
  ),
  cpVisit(
    '2027-04-21T10:00:00+01:00',
    3,
    '2027-04-26',
    'cp-visit #3: 10 WD after Mon 12 Apr: 13-16 (4), 19-23 (9), 26 (10) = Mon 26 Apr. Visit Wed 21 Apr (reminder Thu 22 Apr, none).',
  ),
  coreGroup(
    '2027-04-29T10:00:00+01:00',
    1,
    '2027-04-30',
    '2027-04-30',
    'core-group #1: Fri 2 Apr (core-group-initial) + 4 weeks = Fri 30 Apr, planBy Fri 30 Apr. Its reminder fired Wed 28 Apr 09:00 (2 WD before: Thu 29 (1), Wed 28 (2)); held the next day Thu 29 Apr, on time. core-group #2 due Thu 29 Apr + 28 days = Thu 27 May.',
  ),
  cpVisit(
    '2027-04-30T10:00:00+01:00',
    4,
    '2027-05-06',
    'cp-visit #4: 10 WD after Wed 21 Apr: 22,23 (2), 26-30 (7), [Mon 3 May bank holiday], 4,5,6 (10) = Thu 6 May. Visit Fri 30 Apr (reminder Tue 4 May, none).',
  ),
  cpVisit(
    '2027-05-12T10:00:00+01:00',
    5,
    '2027-05-17',
    'cp-visit #5: 10 WD after Fri 30 Apr: [3 May], 4-7 (4), 10-14 (9), 17 (10) = Mon 17 May. Visit Wed 12 May (reminder Thu 13 May, none).',
  ),
  coreGroup(
    '2027-05-20T10:00:00+01:00',
    2,
    '2027-05-27',
    '2027-05-27',
    'core-group #2: Thu 29 Apr + 28 days = Thu 27 May. Held Thu 20 May (reminder Tue 25 May, none). #3 due Thu 20 May + 28 = Thu 17 Jun.',
  ),
  cpVisit(
    '2027-05-21T10:00:00+01:00',
    6,
    '2027-05-26',
    'cp-visit #6: 10 WD after Wed 12 May: 13,14 (2), 17-21 (7), 24,25,26 (10) = Wed 26 May. Visit Fri 21 May (reminder Mon 24 May, none).',
  ),
  coreGroup(
    '2027-06-09T10:00:00+01:00',
    3,
    '2027-06-17',
    '2027-06-17',
    'core-group #3: Thu 20 May + 28 days = Thu 17 Jun. Held Wed 9 Jun (reminder Tue 15 Jun, none). #4 due Wed 9 Jun + 28 = Wed 7 Jul.',
  ),
  cpVisit(
    '2027-06-11T10:00:00+01:00',
    7,
    '2027-06-07',
    'cp-visit #7: 10 WD after Fri 21 May: 24-28 (5), [Mon 31 May bank holiday], Jun 1-4 (9), 7 (10) = Mon 7 Jun. Not visited in time: reminder Thu 3 Jun, overdue Tue 8 Jun, escalated Thu 10 Jun fired; seen Fri 11 Jun 10:00, LATE, before critical (Tue 15 Jun).',
  ),
  done(
    '2027-06-16T10:00:00+01:00',
    'plan',
    'rcpc',
    { dueDate: '2027-06-23', planBy: '2027-06-23' },
    'rcpc #1: ICPC Tue 23 Mar + 3 months = Wed 23 Jun, planBy Wed 23 Jun. Held Wed 16 Jun (reminder Mon 21 Jun, none). Outcome continue (the plan continues as new). rcpc #2 due Wed 16 Jun + 6 months = Thu 16 Dec.',
    { outcome: 'continue' },
  ),

  // ---------------------------------------------------------------- plan, run 2
  cpVisit(
    '2027-06-22T10:00:00+01:00',
    8,
    '2027-06-25',
    'cp-visit #8: 10 WD after Fri 11 Jun: 14-18 (5), 21-25 (10) = Fri 25 Jun. Visit Tue 22 Jun (reminder Wed 23 Jun, none).',
  ),
  coreGroup(
    '2027-06-30T10:00:00+01:00',
    4,
    '2027-07-07',
    '2027-07-07',
    'core-group #4: Wed 9 Jun + 28 = Wed 7 Jul. Held Wed 30 Jun (reminder Mon 5 Jul, none). #5 due Wed 30 Jun + 28 = Wed 28 Jul.',
  ),
  cpVisit(
    '2027-07-01T10:00:00+01:00',
    9,
    '2027-07-06',
    'cp-visit #9: 10 WD after Tue 22 Jun: 23,24,25 (3), 28-Jul 2 (8), 5,6 (10) = Tue 6 Jul. Visit Thu 1 Jul (reminder Fri 2 Jul, none).',
  ),
  cpVisit(
    '2027-07-12T10:00:00+01:00',
    10,
    '2027-07-15',
    'cp-visit #10: 10 WD after Thu 1 Jul: 2 (1), 5-9 (6), 12-15 (10) = Thu 15 Jul. Visit Mon 12 Jul (reminder Tue 13 Jul, none).',
  ),
  coreGroup(
    '2027-07-20T10:00:00+01:00',
    5,
    '2027-07-28',
    '2027-07-28',
    'core-group #5: Wed 30 Jun + 28 = Wed 28 Jul. Held Tue 20 Jul (reminder Mon 26 Jul, none). #6 due Tue 20 Jul + 28 = Tue 17 Aug.',
  ),
  cpVisit(
    '2027-07-21T10:00:00+01:00',
    11,
    '2027-07-26',
    'cp-visit #11: 10 WD after Mon 12 Jul: 13-16 (4), 19-23 (9), 26 (10) = Mon 26 Jul. Visit Wed 21 Jul (reminder Thu 22 Jul, none).',
  ),
  cpVisit(
    '2027-07-30T10:00:00+01:00',
    12,
    '2027-08-04',
    'cp-visit #12: 10 WD after Wed 21 Jul: 22,23 (2), 26-30 (7), Aug 2,3,4 (10) = Wed 4 Aug. Visit Fri 30 Jul (reminder Mon 2 Aug, none).',
  ),
  coreGroup(
    '2027-08-09T10:00:00+01:00',
    6,
    '2027-08-17',
    '2027-08-17',
    'core-group #6: Tue 20 Jul + 28 = Tue 17 Aug. Held Mon 9 Aug (reminder Fri 13 Aug, none). #7 due Mon 9 Aug + 28 = Mon 6 Sep.',
  ),
  cpVisit(
    '2027-08-10T10:00:00+01:00',
    13,
    '2027-08-13',
    'cp-visit #13: 10 WD after Fri 30 Jul: Aug 2-6 (5), 9-13 (10) = Fri 13 Aug. Visit Tue 10 Aug (reminder Wed 11 Aug, none).',
  ),
  cpVisit(
    '2027-08-19T10:00:00+01:00',
    14,
    '2027-08-24',
    'cp-visit #14: 10 WD after Tue 10 Aug: 11,12,13 (3), 16-20 (8), 23,24 (10) = Tue 24 Aug. Visit Thu 19 Aug (reminder Fri 20 Aug, none).',
  ),
  coreGroup(
    '2027-08-27T10:00:00+01:00',
    7,
    '2027-09-06',
    '2027-09-06',
    'core-group #7: Mon 9 Aug + 28 = Mon 6 Sep, planBy Mon 6 Sep. Held Fri 27 Aug (reminder 2 WD before Mon 6 Sep: Fri 3 (1), Thu 2 Sep (2), none). #8 due Fri 27 Aug + 28 = Fri 24 Sep.',
  ),
  cpVisit(
    '2027-08-31T10:00:00+01:00',
    15,
    '2027-09-03',
    'cp-visit #15: 10 WD after Thu 19 Aug: 20 (1), 23-27 (6), [Mon 30 Aug bank holiday], 31 (7), Sep 1,2,3 (10) = Fri 3 Sep. Visit Tue 31 Aug (reminder Wed 1 Sep, none).',
  ),
  cpVisit(
    '2027-09-09T10:00:00+01:00',
    16,
    '2027-09-14',
    'cp-visit #16: 10 WD after Tue 31 Aug: Sep 1,2,3 (3), 6-10 (8), 13,14 (10) = Tue 14 Sep. Visit Thu 9 Sep (reminder Fri 10 Sep, none).',
  ),
  coreGroup(
    '2027-09-17T10:00:00+01:00',
    8,
    '2027-09-24',
    '2027-09-24',
    'core-group #8: Fri 27 Aug + 28 = Fri 24 Sep. Held Fri 17 Sep (reminder Wed 22 Sep, none). #9 due Fri 17 Sep + 28 = Fri 15 Oct.',
  ),
  cpVisit(
    '2027-09-20T10:00:00+01:00',
    17,
    '2027-09-23',
    'cp-visit #17: 10 WD after Thu 9 Sep: 10 (1), 13-17 (6), 20-23 (10) = Thu 23 Sep. Visit Mon 20 Sep (reminder Tue 21 Sep, none).',
  ),
  cpVisit(
    '2027-09-29T10:00:00+01:00',
    18,
    '2027-10-04',
    'cp-visit #18: 10 WD after Mon 20 Sep: 21-24 (4), 27-Oct 1 (9), 4 (10) = Mon 4 Oct. Visit Wed 29 Sep (reminder Thu 30 Sep, none).',
  ),
  coreGroup(
    '2027-10-07T10:00:00+01:00',
    9,
    '2027-10-15',
    '2027-10-15',
    'core-group #9: Fri 17 Sep + 28 = Fri 15 Oct. Held Thu 7 Oct (reminder Wed 13 Oct, none). #10 due Thu 7 Oct + 28 = Thu 4 Nov.',
  ),
  cpVisit(
    '2027-10-08T10:00:00+01:00',
    19,
    '2027-10-13',
    'cp-visit #19: 10 WD after Wed 29 Sep: 30, Oct 1 (2), 4-8 (7), 11,12,13 (10) = Wed 13 Oct. Visit Fri 8 Oct (reminder Mon 11 Oct, none).',
  ),
  cpVisit(
    '2027-10-19T10:00:00+01:00',
    20,
    '2027-10-22',
    'cp-visit #20: 10 WD after Fri 8 Oct: 11-15 (5), 18-22 (10) = Fri 22 Oct. Visit Tue 19 Oct (reminder Wed 20 Oct, none).',
  ),
  coreGroup(
    '2027-10-27T10:00:00+01:00',
    10,
    '2027-11-04',
    '2027-11-04',
    'core-group #10: Thu 7 Oct + 28 = Thu 4 Nov. Held Wed 27 Oct (reminder Tue 2 Nov, none). #11 due Wed 27 Oct + 28 = Wed 24 Nov.',
  ),
  cpVisit(
    '2027-10-28T10:00:00+01:00',
    21,
    '2027-11-02',
    'cp-visit #21: 10 WD after Tue 19 Oct: 20,21,22 (3), 25-29 (8), Nov 1,2 (10) = Tue 2 Nov. Visit Thu 28 Oct, still BST (reminder Fri 29 Oct, none).',
  ),
  cpVisit(
    '2027-11-08T10:00:00+00:00',
    22,
    '2027-11-11',
    'cp-visit #22: 10 WD after Thu 28 Oct: 29 (1), Nov 1-5 (6), 8-11 (10) = Thu 11 Nov. Visit Mon 8 Nov, GMT (reminder Tue 9 Nov, none).',
  ),
  coreGroup(
    '2027-11-16T10:00:00+00:00',
    11,
    '2027-11-24',
    '2027-11-24',
    'core-group #11: Wed 27 Oct + 28 = Wed 24 Nov. Held Tue 16 Nov (reminder Mon 22 Nov, none). #12 due Tue 16 Nov + 28 = Tue 14 Dec.',
  ),
  cpVisit(
    '2027-11-17T10:00:00+00:00',
    23,
    '2027-11-22',
    'cp-visit #23: 10 WD after Mon 8 Nov: 9-12 (4), 15-19 (9), 22 (10) = Mon 22 Nov. Visit Wed 17 Nov (reminder Thu 18 Nov, none).',
  ),
  cpVisit(
    '2027-11-26T10:00:00+00:00',
    24,
    '2027-12-01',
    'cp-visit #24: 10 WD after Wed 17 Nov: 18,19 (2), 22-26 (7), 29,30, Dec 1 (10) = Wed 1 Dec. Visit Fri 26 Nov (reminder Mon 29 Nov, none).',
  ),
  coreGroup(
    '2027-12-06T10:00:00+00:00',
    12,
    '2027-12-14',
    '2027-12-14',
    'core-group #12: Tue 16 Nov + 28 = Tue 14 Dec. Held Mon 6 Dec (reminder Fri 10 Dec, none). #13 due Mon 6 Dec + 28 = Mon 3 Jan 2028 (a bank holiday).',
  ),
  cpVisit(
    '2027-12-07T10:00:00+00:00',
    25,
    '2027-12-10',
    'cp-visit #25: 10 WD after Fri 26 Nov: 29,30, Dec 1,2,3 (5), 6-10 (10) = Fri 10 Dec. Visit Tue 7 Dec (reminder Wed 8 Dec, none).',
  ),
  done(
    '2027-12-09T10:00:00+00:00',
    'plan',
    'rcpc',
    { occurrence: 2, dueDate: '2027-12-16', planBy: '2027-12-16' },
    'rcpc #2: rcpc #1 held Wed 16 Jun 2027 + 6 months = Thu 16 Dec, planBy Thu 16 Dec. Held Thu 9 Dec (reminder Tue 14 Dec, none). Outcome continue. rcpc #3 due Thu 9 Dec + 6 months = Fri 9 Jun 2028.',
    { outcome: 'continue' },
  ),

  // ---------------------------------------------------------------- plan, run 3
  cpVisit(
    '2027-12-16T10:00:00+00:00',
    26,
    '2027-12-21',
    'cp-visit #26: 10 WD after Tue 7 Dec: 8,9,10 (3), 13-17 (8), 20,21 (10) = Tue 21 Dec. Visit Thu 16 Dec (reminder Fri 17 Dec, none).',
  ),
  coreGroup(
    '2027-12-22T10:00:00+00:00',
    13,
    '2028-01-03',
    '2027-12-31',
    'core-group #13: Mon 6 Dec + 28 = Mon 3 Jan 2028: calendar time, so the due date stays on the bank holiday; planBy = last working day on or before = Fri 31 Dec 2027. Held Wed 22 Dec (reminder 2 WD before 3 Jan: Fri 31 (1), Thu 30 Dec (2), none). #14 due Wed 22 Dec + 28 = Wed 19 Jan 2028.',
  ),
  cpVisit(
    '2027-12-29T10:00:00+00:00',
    27,
    '2028-01-04',
    'cp-visit #27: 10 WD after Thu 16 Dec: 17 (1), 20-24 (6), [Mon 27, Tue 28 Dec bank holidays], 29,30,31 (9), [Mon 3 Jan bank holiday], Tue 4 Jan 2028 (10). Visit Wed 29 Dec, 3 WD before (reminder 2 WD before 4 Jan: Fri 31 (1), Thu 30 Dec (2), 09:00, none).',
  ),
  cpVisit(
    '2028-01-10T10:00:00+00:00',
    28,
    '2028-01-13',
    'cp-visit #28: 10 WD after Wed 29 Dec 2027: 30,31 (2), [3 Jan], 4-7 (6), 10-13 (10) = Thu 13 Jan. Visit Mon 10 Jan (reminder Tue 11 Jan, none).',
  ),
  coreGroup(
    '2028-01-12T10:00:00+00:00',
    14,
    '2028-01-19',
    '2028-01-19',
    'core-group #14: Wed 22 Dec + 28 = Wed 19 Jan. Held Wed 12 Jan (reminder Mon 17 Jan, none). #15 due Wed 12 Jan + 28 = Wed 9 Feb.',
  ),
  cpVisit(
    '2028-01-19T10:00:00+00:00',
    29,
    '2028-01-24',
    'cp-visit #29: 10 WD after Mon 10 Jan: 11-14 (4), 17-21 (9), 24 (10) = Mon 24 Jan. Visit Wed 19 Jan (reminder Thu 20 Jan, none).',
  ),
  cpVisit(
    '2028-01-28T10:00:00+00:00',
    30,
    '2028-02-02',
    'cp-visit #30: 10 WD after Wed 19 Jan: 20,21 (2), 24-28 (7), 31, Feb 1,2 (10) = Wed 2 Feb. Visit Fri 28 Jan (reminder Mon 31 Jan, none).',
  ),
  coreGroup(
    '2028-02-02T10:00:00+00:00',
    15,
    '2028-02-09',
    '2028-02-09',
    'core-group #15: Wed 12 Jan + 28 = Wed 9 Feb. Held Wed 2 Feb (reminder Mon 7 Feb, none). #16 due Wed 2 Feb + 28 = Wed 1 Mar (2028 is a leap year: Feb has 29 days).',
  ),
  cpVisit(
    '2028-02-08T10:00:00+00:00',
    31,
    '2028-02-11',
    'cp-visit #31: 10 WD after Fri 28 Jan: 31, Feb 1-4 (5), 7-11 (10) = Fri 11 Feb. Visit Tue 8 Feb (reminder Wed 9 Feb, none).',
  ),
  cpVisit(
    '2028-02-17T10:00:00+00:00',
    32,
    '2028-02-22',
    'cp-visit #32: 10 WD after Tue 8 Feb: 9,10,11 (3), 14-18 (8), 21,22 (10) = Tue 22 Feb. Visit Thu 17 Feb (reminder Fri 18 Feb, none).',
  ),
  coreGroup(
    '2028-02-23T10:00:00+00:00',
    16,
    '2028-03-01',
    '2028-03-01',
    'core-group #16: Wed 2 Feb + 28 = Wed 1 Mar. Held Wed 23 Feb (reminder Mon 28 Feb, none). #17 due Wed 23 Feb + 28 = Wed 22 Mar.',
  ),
  cpVisit(
    '2028-02-28T10:00:00+00:00',
    33,
    '2028-03-02',
    'cp-visit #33: 10 WD after Thu 17 Feb: 18 (1), 21-25 (6), 28,29, Mar 1,2 (10) = Thu 2 Mar. Visit Mon 28 Feb (reminder Tue 29 Feb, none).',
  ),
  cpVisit(
    '2028-03-08T10:00:00+00:00',
    34,
    '2028-03-13',
    'cp-visit #34: 10 WD after Mon 28 Feb: 29, Mar 1,2,3 (4), 6-10 (9), 13 (10) = Mon 13 Mar. Visit Wed 8 Mar (reminder Thu 9 Mar, none).',
  ),
  coreGroup(
    '2028-03-15T10:00:00+00:00',
    17,
    '2028-03-22',
    '2028-03-22',
    'core-group #17: Wed 23 Feb + 28 = Wed 22 Mar. Held Wed 15 Mar (reminder Mon 20 Mar, none). #18 due Wed 15 Mar + 28 = Wed 12 Apr.',
  ),
  cpVisit(
    '2028-03-17T10:00:00+00:00',
    35,
    '2028-03-22',
    'cp-visit #35: 10 WD after Wed 8 Mar: 9,10 (2), 13-17 (7), 20,21,22 (10) = Wed 22 Mar. Visit Fri 17 Mar (reminder Mon 20 Mar, none).',
  ),
  cpVisit(
    '2028-03-28T10:00:00+01:00',
    36,
    '2028-03-31',
    'cp-visit #36: 10 WD after Fri 17 Mar: 20-24 (5), 27-31 (10) = Fri 31 Mar. Visit Tue 28 Mar, BST (reminder Wed 29 Mar, none).',
  ),
  coreGroup(
    '2028-04-05T10:00:00+01:00',
    18,
    '2028-04-12',
    '2028-04-12',
    'core-group #18: Wed 15 Mar + 28 = Wed 12 Apr. Held Wed 5 Apr (reminder Mon 10 Apr, none). #19 due Wed 5 Apr + 28 = Wed 3 May.',
  ),
  cpVisit(
    '2028-04-06T10:00:00+01:00',
    37,
    '2028-04-11',
    'cp-visit #37: 10 WD after Tue 28 Mar: 29,30,31 (3), Apr 3-7 (8), 10,11 (10) = Tue 11 Apr. Visit Thu 6 Apr (reminder Fri 7 Apr, none).',
  ),
  cpVisit(
    '2028-04-19T10:00:00+01:00',
    38,
    '2028-04-24',
    'cp-visit #38: 10 WD after Thu 6 Apr: 7 (1), 10-13 (5), [Fri 14 Good Friday, Mon 17 Easter Monday], 18-21 (9), 24 (10) = Mon 24 Apr. Visit Wed 19 Apr (reminder Thu 20 Apr, none).',
  ),
  coreGroup(
    '2028-04-26T10:00:00+01:00',
    19,
    '2028-05-03',
    '2028-05-03',
    'core-group #19: Wed 5 Apr + 28 = Wed 3 May. Held Wed 26 Apr (reminder 2 WD before 3 May: Tue 2 (1), [Mon 1 May bank holiday], Fri 28 Apr (2), none). #20 due Wed 26 Apr + 28 = Wed 24 May.',
  ),
  cpVisit(
    '2028-04-28T10:00:00+01:00',
    39,
    '2028-05-04',
    'cp-visit #39: 10 WD after Wed 19 Apr: 20,21 (2), 24-28 (7), [Mon 1 May bank holiday], 2,3,4 (10) = Thu 4 May. Visit Fri 28 Apr (reminder Tue 2 May, none).',
  ),
  cpVisit(
    '2028-05-10T10:00:00+01:00',
    40,
    '2028-05-15',
    'cp-visit #40: 10 WD after Fri 28 Apr: [1 May], 2-5 (4), 8-12 (9), 15 (10) = Mon 15 May. Visit Wed 10 May (reminder Thu 11 May, none).',
  ),
  coreGroup(
    '2028-05-17T10:00:00+01:00',
    20,
    '2028-05-24',
    '2028-05-24',
    'core-group #20: Wed 26 Apr + 28 = Wed 24 May. Held Wed 17 May (reminder Mon 22 May, none). #21 would be due Wed 14 Jun (lapses at step-down).',
  ),
  cpVisit(
    '2028-05-18T10:00:00+01:00',
    41,
    '2028-05-24',
    'cp-visit #41: 10 WD after Wed 10 May: 11,12 (2), 15-19 (7), 22,23,24 (10) = Wed 24 May. Visit Thu 18 May (reminder Mon 22 May, none).',
  ),
  done(
    '2028-05-19T10:00:00+01:00',
    'plan',
    'rcpc',
    { occurrence: 3, dueDate: '2028-06-09', planBy: '2028-06-09' },
    'rcpc #3: rcpc #2 held Thu 9 Dec 2027 + 6 months = Fri 9 Jun 2028, planBy Fri 9 Jun. Held Fri 19 May (reminder Wed 7 Jun, none). Outcome step-down: the plan ends (cp-visit #42, due Fri 2 Jun, and core-group #21 lapse) and the CIN plan starts with plan-agreed = 2028-05-19T10:00:00+01:00.',
    { outcome: 'step-down' },
  ),
  {
    at: '2028-05-22T10:00:00+01:00',
    process: 'plan',
    event: { type: 'step-completed', step: 'core-group', occurredAt: '2028-05-22T10:00:00+01:00' },
    rejected: { type: 'Ended' },
    why: 'A core group recorded on the plan after the step-down: the plan workflow has finished, so the update finds no running workflow (Ended).',
  },

  // ---------------------------------------------------------------- CIN plan (plan-agreed Fri 19 May 2028 10:00 BST)
  done(
    '2028-05-24T10:00:00+01:00',
    'cin',
    'cin-plan',
    { dueDate: '2028-06-05', planBy: '2028-06-05' },
    'cin-plan: 10 WD after Fri 19 May: 22-26 (5), [Mon 29 May bank holiday], 30,31, Jun 1,2 (9), 5 (10) = Mon 5 Jun, planBy Mon 5 Jun. Held Wed 24 May (reminder Thu 1 Jun, none). cin-review #1 due Wed 24 May + 3 months = Thu 24 Aug.',
  ),
  done(
    '2028-06-09T10:00:00+01:00',
    'cin',
    'cin-visit',
    { occurrence: 1, dueDate: '2028-06-19' },
    'cin-visit #1: 20 WD after Fri 19 May: 22-26 (5), [29 May], 30 May-2 Jun (9), 5-9 (14), 12-16 (19), 19 (20) = Mon 19 Jun. Seen Fri 9 Jun (reminder Thu 15 Jun, none).',
    { seen: true },
  ),
  done(
    '2028-06-30T10:00:00+01:00',
    'cin',
    'cin-visit',
    { occurrence: 2, dueDate: '2028-07-07' },
    'cin-visit #2: 20 WD after Fri 9 Jun: four full weeks, no bank holiday = Fri 7 Jul. Seen Fri 30 Jun (reminder Wed 5 Jul, none).',
    { seen: true },
  ),
  done(
    '2028-07-21T10:00:00+01:00',
    'cin',
    'cin-visit',
    { occurrence: 3, dueDate: '2028-07-28' },
    'cin-visit #3: 20 WD after Fri 30 Jun: four full weeks = Fri 28 Jul. Seen Fri 21 Jul (reminder Wed 26 Jul, none). #4 due Fri 18 Aug (reminder Wed 16 Aug), after the plan closes.',
    { seen: true },
  ),
  done(
    '2028-07-27T10:00:00+01:00',
    'cin',
    'cin-review',
    { occurrence: 1, dueDate: '2028-08-24', planBy: '2028-08-24' },
    'cin-review #1: cin-plan Wed 24 May + 3 months = Thu 24 Aug, planBy Thu 24 Aug. Held Thu 27 Jul (reminder Tue 22 Aug, none). Outcome continue (continues as new). #2 due Thu 27 Jul + 3 months = Fri 27 Oct.',
    { outcome: 'continue' },
  ),
  done(
    '2028-08-10T10:00:00+01:00',
    'cin',
    'cin-review',
    { occurrence: 2, dueDate: '2028-10-27', planBy: '2028-10-27' },
    'cin-review #2: Thu 27 Jul + 3 months = Fri 27 Oct, planBy Fri 27 Oct. Held Thu 10 Aug, outcome close: the CIN plan ends (cin-visit #4 lapses before its reminder of Wed 16 Aug).',
    { outcome: 'close' },
  ),
];

const notifications: ExpectedNotice[] = [
  {
    process: 'plan',
    key: 'cp-visit:1:no-access:1',
    firesAt: '2027-03-31T10:00:00+01:00',
    to: 'tm-eng',
    why: 'cp-visit #1 no-access visit recorded Wed 31 Mar 10:00 BST: the team manager (eng-demo: tm-eng) is told at the instant it is recorded.',
  },
  {
    process: 'plan',
    key: 'core-group:1:reminder',
    firesAt: '2027-04-28T09:00:00+01:00',
    to: 'tm-eng',
    why: 'core-group #1 due Fri 30 Apr 2027 (core-group-initial Fri 2 Apr + 4 weeks); -2 WD: Thu 29 (1), Wed 28 Apr (2) 09:00 BST; still open (held Thu 29 Apr). assigned-worker sw-eng-none is not a person -> team manager tm-eng.',
  },
  {
    process: 'plan',
    key: 'cp-visit:7:reminder',
    firesAt: '2027-06-03T09:00:00+01:00',
    to: 'tm-eng',
    why: 'cp-visit #7 due Mon 7 Jun 2027 (10 WD after Fri 21 May, skipping Mon 31 May); -2 WD: Fri 4 (1), Thu 3 Jun (2) 09:00 BST. assigned-worker -> tm-eng.',
  },
  {
    process: 'plan',
    key: 'cp-visit:7:overdue',
    firesAt: '2027-06-08T09:00:00+01:00',
    to: 'tm-eng',
    why: 'cp-visit #7 due Mon 7 Jun 2027; +1 WD = Tue 8 Jun 09:00 BST, to the team manager tm-eng (visit held Fri 11 Jun).',
  },
  {
    process: 'plan',
    key: 'cp-visit:7:escalated',
    firesAt: '2027-06-10T09:00:00+01:00',
    to: 'sm-eng',
    why: 'cp-visit #7 due Mon 7 Jun 2027; +3 WD: Tue 8 (1), Wed 9 (2), Thu 10 Jun (3) 09:00 BST, to the service manager sm-eng. Critical (+6 WD = Tue 15 Jun) never fires: seen Fri 11 Jun.',
  },
];

export const journey: Journey = {
  la: 'england',
  caseId: 'CPJ-ENG',
  workerId: 'sw-eng-none',
  team: 'eng-demo',
  start: { 'strategy-discussion': '2027-03-08T10:00:00+00:00', 's47-start': '2027-03-08T10:00:00+00:00' },
  events,
  notifications,
  endsAt: '2028-09-15T10:00:00+01:00',
};
