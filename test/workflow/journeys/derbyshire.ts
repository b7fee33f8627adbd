/**
 * Derbyshire County Council: the hand-worked child protection journey of one child (case CPJ-DERB, worker
 * sw-derb-01, team derb-north-assessment). Every date below was worked by hand from profiles/data/derbyshire.json
 * (over england.json) and the England & Wales bank holidays, then checked with an independent Python counter
 * (not the project's code).
 *
 * Derbyshire's rules used (working days = WD; bank holidays met: 2027 Fri 26 Mar, Mon 29 Mar, 3 May, 31 May,
 * 30 Aug, 27 Dec, 28 Dec; 2028 3 Jan, Fri 14 Apr, Mon 17 Apr, 1 May, 29 May, 28 Aug; BST 28 Mar-30 Oct 2027 and
 * from 26 Mar 2028):
 * - enquiry: strategy discussion within 24 HOURS of concern-raised (an hour rule: no reminder; its breach goes to
 *   the duty manager at the exact due instant; escalated/critical at 09:00 on +3/+6 WD from the due date;
 *   a meeting due by the hour still has planBy: Tue 2 Mar, a working day); the child seen within 24 HOURS of
 *   s47-start (L570); S47 15 WD from s47-start; ICPC 15 WD from the strategy discussion ON OR
 *   BEFORE the S47 start (anchorPick latestOnOrBefore s47-start), requires the S47 concluded; ICPC overdue copied
 *   to the cp-chair.
 * - plan: cp-visit 10 WD from the ICPC, then every 10 WD from the last visit at which the child was seen (the
 *   conference may set the pattern: here RCPC 1 sets 8 WD, agreed by the cp-chair); first core group 10 WD from
 *   the ICPC; core group 6 weeks from the first, then from the last held; RCPC 3 months from the ICPC, then
 *   6 months (overdue copied to the cp-chair). Meetings: planBy = the last WD on or before the due date.
 * - CIN plan: first meeting 10 WD from plan-agreed; visits 6 weeks from plan-agreed, then every 6 weeks; review
 *   6 weeks from the first meeting, then every 6 weeks (cin-plan and cin-review overdue copied to the practice
 *   supervisor).
 * Ladder: reminder -2 WD (assigned worker), overdue +1 WD (team manager), escalated +3 WD (service manager),
 * critical +6 WD (head of service), each at 09:00 London time. Recipients (config/directory.json): sw-derb-01,
 * tm-derb-north, sm-derb-assess, hos-derb, ps-derb-north (team derb-north-assessment); duty-derb and cpc-derb
 * (Derbyshire's duty manager and conference chair).
 *
 * The journey: concern Mon 1 Mar 2027 14:30 -> strategy discussion Wed 3 Mar 10:00, 24-hour limit breached (duty
 * manager told Tue 2 Mar 14:30) -> held again Fri 5 Mar (the ICPC stays due Wed 24 Mar; nationally it would move
 * to Tue 30 Mar) -> S47 concluded Thu 11 Mar -> ICPC Wed 17 Mar -> plan: 60 visits (#3 with a no-access visit
 * first; #7 late, reaching overdue and escalated; RCPC 1 sets visits every 8 WD, seen weekly on Wednesdays from
 * then), first core group and 12 core groups (#1 held after its reminder), RCPCs Fri 11 Jun 2027 (continue),
 * Tue 7 Dec 2027 (continue), Thu 1 Jun 2028 (step-down) -> CIN plan: first meeting, 2 visits, review #1 (continue,
 * held one WD late: reminder, and overdue copied to the practice supervisor) -> review #2 closes it Fri 25 Aug 2028.
 * Rejected: an ICPC before the strategy discussion and before the S47 conclusion (Conflict on 'step'), a core
 * group on the plan after the step-down (Ended). Every other step is completed at least 3 WD before its due date,
 * so no other reminder fires: eight notifications in all.
 */
import { Journey, JourneyEvent, done } from './journey';

const seen = (at: string, occurrence: number, dueDate: string, why: string) =>
  done(at, 'plan', 'cp-visit', { occurrence, dueDate }, why, { seen: true });

const coreGroup = (at: string, occurrence: number, dueDate: string, why: string) =>
  done(at, 'plan', 'core-group', { occurrence, dueDate, planBy: dueDate }, why);

/**
 * Visits after RCPC 1 set the interval to 8 WD: each one seen on a Wednesday. Wed + 8 WD = the Monday 12 days
 * later (Thu, Fri, Mon, Tue, Wed, Thu, Fri, Mon), one WD later for each bank holiday in between. The next
 * Wednesday is 5 WD after the last (fewer in a bank-holiday week), so each is seen at least 3 WD before its due
 * date and before its reminder (due - 2 WD, 09:00).
 */
const weekly: Array<[number, string, string, string]> = [
  [
    11,
    '2027-06-23T10:00:00+01:00',
    '2027-06-28',
    '8 WD after Wed 16 Jun (#10) = Mon 28 Jun; seen Wed 23 Jun, 3 WD before (24, 25, 28)',
  ],
  [12, '2027-06-30T10:00:00+01:00', '2027-07-05', '8 WD after Wed 23 Jun = Mon 5 Jul; seen Wed 30 Jun'],
  [13, '2027-07-07T10:00:00+01:00', '2027-07-12', '8 WD after Wed 30 Jun = Mon 12 Jul; seen Wed 7 Jul'],
  [14, '2027-07-14T10:00:00+01:00', '2027-07-19', '8 WD after Wed 7 Jul = Mon 19 Jul; seen Wed 14 Jul'],
  [15, '2027-07-21T10:00:00+01:00', '2027-07-26', '8 WD after Wed 14 Jul = Mon 26 Jul; seen Wed 21 Jul'],
  [16, '2027-07-28T10:00:00+01:00', '2027-08-02', '8 WD after Wed 21 Jul = Mon 2 Aug; seen Wed 28 Jul'],
  [17, '2027-08-04T10:00:00+01:00', '2027-08-09', '8 WD after Wed 28 Jul = Mon 9 Aug; seen Wed 4 Aug'],
  [18, '2027-08-11T10:00:00+01:00', '2027-08-16', '8 WD after Wed 4 Aug = Mon 16 Aug; seen Wed 11 Aug'],
  [19, '2027-08-18T10:00:00+01:00', '2027-08-23', '8 WD after Wed 11 Aug = Mon 23 Aug; seen Wed 18 Aug'],
  [
    20,
    '2027-08-25T10:00:00+01:00',
    '2027-08-31',
    '8 WD after Wed 18 Aug: 19, 20, 23, 24, 25, 26, 27 (7), bank holiday Mon 30 Aug skipped, Tue 31 Aug (8); seen Wed 25 Aug, 3 WD before (26, 27, 31)',
  ],
  [
    21,
    '2027-09-01T10:00:00+01:00',
    '2027-09-07',
    '8 WD after Wed 25 Aug: 26, 27, (30 Aug bank holiday) 31, 1 Sep, 2, 3, 6, 7 = Tue 7 Sep; seen Wed 1 Sep, 4 WD before',
  ],
  [22, '2027-09-08T10:00:00+01:00', '2027-09-13', '8 WD after Wed 1 Sep = Mon 13 Sep; seen Wed 8 Sep'],
  [23, '2027-09-15T10:00:00+01:00', '2027-09-20', '8 WD after Wed 8 Sep = Mon 20 Sep; seen Wed 15 Sep'],
  [24, '2027-09-22T10:00:00+01:00', '2027-09-27', '8 WD after Wed 15 Sep = Mon 27 Sep; seen Wed 22 Sep'],
  [25, '2027-09-29T10:00:00+01:00', '2027-10-04', '8 WD after Wed 22 Sep = Mon 4 Oct; seen Wed 29 Sep'],
  [26, '2027-10-06T10:00:00+01:00', '2027-10-11', '8 WD after Wed 29 Sep = Mon 11 Oct; seen Wed 6 Oct'],
  [27, '2027-10-13T10:00:00+01:00', '2027-10-18', '8 WD after Wed 6 Oct = Mon 18 Oct; seen Wed 13 Oct'],
  [28, '2027-10-20T10:00:00+01:00', '2027-10-25', '8 WD after Wed 13 Oct = Mon 25 Oct; seen Wed 20 Oct'],
  [29, '2027-10-27T10:00:00+01:00', '2027-11-01', '8 WD after Wed 20 Oct = Mon 1 Nov; seen Wed 27 Oct (last BST week)'],
  [30, '2027-11-03T10:00:00+00:00', '2027-11-08', '8 WD after Wed 27 Oct = Mon 8 Nov; seen Wed 3 Nov (GMT)'],
  [31, '2027-11-10T10:00:00+00:00', '2027-11-15', '8 WD after Wed 3 Nov = Mon 15 Nov; seen Wed 10 Nov'],
  [32, '2027-11-17T10:00:00+00:00', '2027-11-22', '8 WD after Wed 10 Nov = Mon 22 Nov; seen Wed 17 Nov'],
  [33, '2027-11-24T10:00:00+00:00', '2027-11-29', '8 WD after Wed 17 Nov = Mon 29 Nov; seen Wed 24 Nov'],
  [34, '2027-12-01T10:00:00+00:00', '2027-12-06', '8 WD after Wed 24 Nov = Mon 6 Dec; seen Wed 1 Dec'],
  [35, '2027-12-08T10:00:00+00:00', '2027-12-13', '8 WD after Wed 1 Dec = Mon 13 Dec; seen Wed 8 Dec'],
  [36, '2027-12-15T10:00:00+00:00', '2027-12-20', '8 WD after Wed 8 Dec = Mon 20 Dec; seen Wed 15 Dec'],
  [
    37,
    '2027-12-22T10:00:00+00:00',
    '2027-12-29',
    '8 WD after Wed 15 Dec: 16, 17, 20, 21, 22, 23, 24 (7), bank holidays Mon 27 and Tue 28 Dec skipped, Wed 29 Dec (8); seen Wed 22 Dec, 3 WD before (23, 24, 29)',
  ],
  [
    38,
    '2027-12-29T10:00:00+00:00',
    '2028-01-06',
    '8 WD after Wed 22 Dec: 23, 24, (27, 28 bank holidays) 29, 30, 31 (5), (Mon 3 Jan bank holiday) 4, 5, 6 Jan (8) = Thu 6 Jan 2028; seen Wed 29 Dec, 5 WD before',
  ],
  [
    39,
    '2028-01-05T10:00:00+00:00',
    '2028-01-11',
    '8 WD after Wed 29 Dec: 30, 31, (3 Jan bank holiday) 4, 5, 6, 7, 10, 11 = Tue 11 Jan; seen Wed 5 Jan, 4 WD before',
  ],
  [40, '2028-01-12T10:00:00+00:00', '2028-01-17', '8 WD after Wed 5 Jan = Mon 17 Jan; seen Wed 12 Jan'],
  [41, '2028-01-19T10:00:00+00:00', '2028-01-24', '8 WD after Wed 12 Jan = Mon 24 Jan; seen Wed 19 Jan'],
  [42, '2028-01-26T10:00:00+00:00', '2028-01-31', '8 WD after Wed 19 Jan = Mon 31 Jan; seen Wed 26 Jan'],
  [43, '2028-02-02T10:00:00+00:00', '2028-02-07', '8 WD after Wed 26 Jan = Mon 7 Feb; seen Wed 2 Feb'],
  [44, '2028-02-09T10:00:00+00:00', '2028-02-14', '8 WD after Wed 2 Feb = Mon 14 Feb; seen Wed 9 Feb'],
  [45, '2028-02-16T10:00:00+00:00', '2028-02-21', '8 WD after Wed 9 Feb = Mon 21 Feb; seen Wed 16 Feb'],
  [46, '2028-02-23T10:00:00+00:00', '2028-02-28', '8 WD after Wed 16 Feb = Mon 28 Feb; seen Wed 23 Feb'],
  [
    47,
    '2028-03-01T10:00:00+00:00',
    '2028-03-06',
    '8 WD after Wed 23 Feb: 24, 25, 28, 29 (leap day), 1 Mar, 2, 3, 6 = Mon 6 Mar; seen Wed 1 Mar',
  ],
  [48, '2028-03-08T10:00:00+00:00', '2028-03-13', '8 WD after Wed 1 Mar = Mon 13 Mar; seen Wed 8 Mar'],
  [49, '2028-03-15T10:00:00+00:00', '2028-03-20', '8 WD after Wed 8 Mar = Mon 20 Mar; seen Wed 15 Mar'],
  [50, '2028-03-22T10:00:00+00:00', '2028-03-27', '8 WD after Wed 15 Mar = Mon 27 Mar; seen Wed 22 Mar (GMT)'],
  [
    51,
    '2028-03-29T10:00:00+01:00',
    '2028-04-03',
    '8 WD after Wed 22 Mar = Mon 3 Apr; seen Wed 29 Mar (BST from Sun 26 Mar)',
  ],
  [52, '2028-04-05T10:00:00+01:00', '2028-04-10', '8 WD after Wed 29 Mar = Mon 10 Apr; seen Wed 5 Apr'],
  [
    53,
    '2028-04-12T10:00:00+01:00',
    '2028-04-19',
    '8 WD after Wed 5 Apr: 6, 7, 10, 11, 12, 13 (6), Good Friday 14 and Easter Monday 17 Apr skipped, 18, 19 (8) = Wed 19 Apr; seen Wed 12 Apr, 3 WD before (13, 18, 19)',
  ],
  [
    54,
    '2028-04-19T10:00:00+01:00',
    '2028-04-26',
    '8 WD after Wed 12 Apr: 13, (14, 17 bank holidays) 18, 19, 20, 21, 24, 25, 26 = Wed 26 Apr; seen Wed 19 Apr, 5 WD before',
  ],
  [
    55,
    '2028-04-26T10:00:00+01:00',
    '2028-05-02',
    '8 WD after Wed 19 Apr: 20, 21, 24, 25, 26, 27, 28 (7), bank holiday Mon 1 May skipped, Tue 2 May (8); seen Wed 26 Apr, 3 WD before (27, 28, 2)',
  ],
  [
    56,
    '2028-05-03T10:00:00+01:00',
    '2028-05-09',
    '8 WD after Wed 26 Apr: 27, 28, (1 May bank holiday) 2, 3, 4, 5, 8, 9 = Tue 9 May; seen Wed 3 May, 4 WD before',
  ],
  [57, '2028-05-10T10:00:00+01:00', '2028-05-15', '8 WD after Wed 3 May = Mon 15 May; seen Wed 10 May'],
  [58, '2028-05-17T10:00:00+01:00', '2028-05-22', '8 WD after Wed 10 May = Mon 22 May; seen Wed 17 May'],
  [
    59,
    '2028-05-24T10:00:00+01:00',
    '2028-05-30',
    '8 WD after Wed 17 May: 18, 19, 22, 23, 24, 25, 26 (7), bank holiday Mon 29 May skipped, Tue 30 May (8); seen Wed 24 May, 3 WD before (25, 26, 30)',
  ],
  [
    60,
    '2028-05-31T10:00:00+01:00',
    '2028-06-06',
    '8 WD after Wed 24 May: 25, 26, (29 May bank holiday) 30, 31, 1 Jun, 2, 5, 6 = Tue 6 Jun; seen Wed 31 May, 4 WD before. #61 (8 WD after Wed 31 May = Mon 12 Jun, reminder Thu 8 Jun) lapses at the step-down on Thu 1 Jun',
  ],
];

/** Core groups after the RCPC: 6 weeks (42 days) from the last held, each held 5 weeks after it on a Thursday. */
const coreGroups: Array<[number, string, string, string]> = [
  [
    3,
    '2027-07-15T10:00:00+01:00',
    '2027-07-22',
    'core group #3: 6 weeks after #2 (Thu 10 Jun) = Thu 22 Jul; planBy Thu 22 Jul. Held Thu 15 Jul, 5 WD before (16, 19, 20, 21, 22)',
  ],
  [
    4,
    '2027-08-19T10:00:00+01:00',
    '2027-08-26',
    'core group #4: 6 weeks after Thu 15 Jul = Thu 26 Aug; planBy Thu 26 Aug. Held Thu 19 Aug, 5 WD before',
  ],
  [
    5,
    '2027-09-23T10:00:00+01:00',
    '2027-09-30',
    'core group #5: 6 weeks after Thu 19 Aug = Thu 30 Sep; planBy Thu 30 Sep. Held Thu 23 Sep, 5 WD before',
  ],
  [
    6,
    '2027-10-28T10:00:00+01:00',
    '2027-11-04',
    'core group #6: 6 weeks after Thu 23 Sep = Thu 4 Nov; planBy Thu 4 Nov. Held Thu 28 Oct (BST), 5 WD before (29, 1, 2, 3, 4)',
  ],
  [
    7,
    '2027-12-02T10:00:00+00:00',
    '2027-12-09',
    'core group #7: 6 weeks after Thu 28 Oct = Thu 9 Dec; planBy Thu 9 Dec. Held Thu 2 Dec (GMT), 5 WD before',
  ],
  [
    8,
    '2028-01-06T10:00:00+00:00',
    '2028-01-13',
    'core group #8: 6 weeks after Thu 2 Dec = Thu 13 Jan 2028; planBy Thu 13 Jan. Held Thu 6 Jan, 5 WD before (7, 10, 11, 12, 13)',
  ],
  [
    9,
    '2028-02-10T10:00:00+00:00',
    '2028-02-17',
    'core group #9: 6 weeks after Thu 6 Jan = Thu 17 Feb; planBy Thu 17 Feb. Held Thu 10 Feb, 5 WD before',
  ],
  [
    10,
    '2028-03-16T10:00:00+00:00',
    '2028-03-23',
    'core group #10: 6 weeks after Thu 10 Feb (leap year: 17, 24 Feb, 2, 9, 16, 23 Mar) = Thu 23 Mar; planBy Thu 23 Mar. Held Thu 16 Mar, 5 WD before',
  ],
  [
    11,
    '2028-04-20T10:00:00+01:00',
    '2028-04-27',
    'core group #11: 6 weeks after Thu 16 Mar = Thu 27 Apr; planBy Thu 27 Apr. Held Thu 20 Apr (BST), 5 WD before',
  ],
  [
    12,
    '2028-05-25T10:00:00+01:00',
    '2028-06-01',
    'core group #12: 6 weeks after Thu 20 Apr = Thu 1 Jun; planBy Thu 1 Jun. Held Thu 25 May, 4 WD before (26, bank holiday 29 May skipped, 30, 31, 1). #13 (Thu 6 Jul) lapses at the step-down',
  ],
];

const rcpc2: JourneyEvent = {
  at: '2027-12-07T10:00:00+00:00',
  process: 'plan',
  expect: { step: 'rcpc', occurrence: 2, dueDate: '2027-12-11', planBy: '2027-12-10' },
  event: { type: 'step-completed', step: 'rcpc', occurredAt: '2027-12-07T10:00:00+00:00', outcome: 'continue' },
  why: 'RCPC #2: 6 months after RCPC #1 (Fri 11 Jun 2027) = Sat 11 Dec 2027 (a calendar-time due date stays on its date at a weekend); planBy = the last WD on or before it = Fri 10 Dec. Its reminder (2 WD before Sat 11 Dec: Fri 10 (1), Thu 9 (2) = Thu 9 Dec 09:00) never fires: held Tue 7 Dec, 3 WD before (8, 9, 10). Outcome continue: the plan continues as new. RCPC #3 = Tue 7 Dec + 6 months = Wed 7 Jun 2028.',
};

/** Visits, core groups and RCPC #2 between RCPC #1 and RCPC #3, in time order (no two share an instant). */
const planPhaseB: JourneyEvent[] = [
  ...weekly.map(([n, at, due, why]) => seen(at, n, due, `cp-visit #${n}: ${why}.`)),
  ...coreGroups.map(([n, at, due, why]) => coreGroup(at, n, due, `${why}.`)),
  rcpc2,
].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

export const journey: Journey = {
  la: 'derbyshire',
  caseId: 'CPJ-DERB',
  workerId: 'sw-derb-01',
  team: 'derb-north-assessment',
  start: { 'concern-raised': '2027-03-01T14:30:00+00:00' },
  events: [
    // ---- Enquiry ----
    {
      at: '2027-03-02T10:00:00+00:00',
      process: 'enquiry',
      expect: { step: 'strategy-discussion', dueDate: '2027-03-02', planBy: '2027-03-02' },
      event: {
        type: 'step-completed',
        step: 'icpc',
        occurredAt: '2027-03-02T10:00:00+00:00',
        outcome: 'child-protection-plan',
      },
      rejected: { type: 'Conflict', field: 'step' },
      why: "ICPC before any strategy discussion: the ICPC counts from the strategy discussion (or 12 weeks before an expected delivery date), neither recorded, so it has no due date and is refused (Conflict on 'step'). The strategy discussion is due 24 hours after the concern (Mon 1 Mar 14:30 GMT) = Tue 2 Mar 14:30, dueDate 2027-03-02 (an hour rule on a meeting: planBy Tue 2 Mar, the working day it falls on).",
    },
    {
      at: '2027-03-03T10:00:00+00:00',
      process: 'enquiry',
      expect: { step: 'strategy-discussion', dueDate: '2027-03-02', planBy: '2027-03-02' },
      event: {
        type: 'step-completed',
        step: 'strategy-discussion',
        occurredAt: '2027-03-03T10:00:00+00:00',
        outcome: 's47',
      },
      why: 'Strategy discussion due Tue 2 Mar 14:30 (24 hours after the concern); held Wed 3 Mar 10:00, LATE: the breach went to the duty manager at Tue 2 Mar 14:30 (no reminder for an hour rule). Its escalated tier (+3 WD from Tue 2 Mar = Fri 5 Mar 09:00) never fires. Outcome s47 records s47-start = Wed 3 Mar 10:00.',
    },
    done(
      '2027-03-03T16:00:00+00:00',
      'enquiry',
      'child-seen',
      { dueDate: '2027-03-04' },
      'Child seen and spoken to alone within 24 hours of the S47 starting (000 L570): due Thu 4 Mar 10:00 GMT (24 hours after Wed 3 Mar 10:00); seen Wed 3 Mar 16:00, on time. An hour rule sends no reminder.',
      { seen: true, seenAlone: true },
    ),
    {
      at: '2027-03-05T10:00:00+00:00',
      process: 'enquiry',
      expect: { step: 'icpc', dueDate: '2027-03-24', planBy: '2027-03-24' },
      event: { type: 'anchor', anchor: 'strategy-discussion', at: '2027-03-05T10:00:00+00:00' },
      why: "Strategy discussion held again Fri 5 Mar, after the S47 start (Wed 3 Mar 10:00). Derbyshire's ICPC counts from the strategy discussion ON OR BEFORE the S47 start (latestOnOrBefore s47-start) = Wed 3 Mar: 15 WD = 4, 5, 8, 9, 10 (5), 11, 12, 15, 16, 17 (10), 18, 19, 22, 23, 24 (15) = Wed 24 Mar, planBy Wed 24 Mar, before and after this event. England's 'latest' would count from Fri 5 Mar: 8-12 (5), 15-19 (10), 22, 23, 24, 25 (14), Good Friday 26 and Easter Monday 29 skipped, Tue 30 Mar (15).",
    },
    {
      at: '2027-03-08T10:00:00+00:00',
      process: 'enquiry',
      expect: { step: 'icpc', dueDate: '2027-03-24', planBy: '2027-03-24' },
      event: {
        type: 'step-completed',
        step: 'icpc',
        occurredAt: '2027-03-08T10:00:00+00:00',
        outcome: 'child-protection-plan',
      },
      rejected: { type: 'Conflict', field: 'step' },
      why: "ICPC before the S47 is concluded: the ICPC requires s47-complete, which applies (s47-start recorded) and is open, so it is refused (Conflict on 'step'). The ICPC is still due Wed 24 Mar: the strategy discussion held again on Fri 5 Mar did not move it.",
    },
    {
      at: '2027-03-11T10:00:00+00:00',
      process: 'enquiry',
      expect: { step: 's47-complete', dueDate: '2027-03-24' },
      event: { type: 'step-completed', step: 's47-complete', occurredAt: '2027-03-11T10:00:00+00:00', outcome: 'icpc' },
      why: 'S47 due 15 WD after s47-start Wed 3 Mar = Wed 24 Mar (same count as the ICPC). Concluded Thu 11 Mar, 9 WD early; its reminder (Mon 22 Mar 09:00) never fires.',
    },
    {
      at: '2027-03-17T10:00:00+00:00',
      process: 'enquiry',
      expect: { step: 'icpc', dueDate: '2027-03-24', planBy: '2027-03-24' },
      event: {
        type: 'step-completed',
        step: 'icpc',
        occurredAt: '2027-03-17T10:00:00+00:00',
        outcome: 'child-protection-plan',
      },
      why: 'ICPC due Wed 24 Mar, planBy Wed 24 Mar; held Wed 17 Mar, 5 WD before (18, 19, 22, 23, 24), so its reminder (Mon 22 Mar 09:00) never fires. Outcome child-protection-plan: the enquiry ends and the plan starts with icpc = Wed 17 Mar 10:00 GMT.',
    },
    // ---- Plan, default visit interval 10 WD ----
    seen(
      '2027-03-23T10:00:00+00:00',
      1,
      '2027-04-02',
      'cp-visit #1: 10 WD after the ICPC (Wed 17 Mar): 18, 19, 22, 23, 24 (5), 25 (6), Good Friday 26 and Easter Monday 29 Mar skipped, 30, 31, 1 Apr, 2 Apr (10) = Fri 2 Apr. Seen Tue 23 Mar, 6 WD before.',
    ),
    {
      at: '2027-03-25T10:00:00+00:00',
      process: 'plan',
      expect: { step: 'core-group-initial', dueDate: '2027-04-02', planBy: '2027-04-02' },
      event: { type: 'step-completed', step: 'core-group-initial', occurredAt: '2027-03-25T10:00:00+00:00' },
      why: 'First core group: 10 WD after the ICPC (Wed 17 Mar) = Fri 2 Apr (as cp-visit #1); planBy Fri 2 Apr. Held Thu 25 Mar, 4 WD before (30, 31, 1, 2). Core group #1 = Thu 25 Mar + 6 weeks = Thu 6 May.',
    },
    seen(
      '2027-03-31T10:00:00+01:00',
      2,
      '2027-04-08',
      'cp-visit #2: 10 WD after #1 (Tue 23 Mar): 24, 25, (26, 29 bank holidays) 30, 31, 1 Apr (5), 2, 5, 6, 7, 8 (10) = Thu 8 Apr. Seen Wed 31 Mar (BST), 6 WD before.',
    ),
    {
      at: '2027-04-07T10:00:00+01:00',
      process: 'plan',
      expect: { step: 'cp-visit', occurrence: 3, dueDate: '2027-04-14' },
      event: { type: 'step-completed', step: 'cp-visit', occurredAt: '2027-04-07T10:00:00+01:00', seen: false },
      why: 'cp-visit #3: 10 WD after #2 (Wed 31 Mar): 1, 2, 5, 6, 7 (5), 8, 9, 12, 13, 14 (10) = Wed 14 Apr. Visit Wed 7 Apr, child NOT seen: no-access notice to the team manager at once (10:00); #3 stays open and due Wed 14 Apr.',
    },
    seen(
      '2027-04-08T10:00:00+01:00',
      3,
      '2027-04-14',
      'cp-visit #3 after the no-access visit: still due Wed 14 Apr (a no-access visit neither completes nor restarts the cadence). Seen Thu 8 Apr, 4 WD before (9, 12, 13, 14).',
    ),
    seen(
      '2027-04-16T10:00:00+01:00',
      4,
      '2027-04-22',
      'cp-visit #4: 10 WD after #3 seen Thu 8 Apr: 9, 12, 13, 14, 15 (5), 16, 19, 20, 21, 22 (10) = Thu 22 Apr. Seen Fri 16 Apr, 4 WD before.',
    ),
    seen(
      '2027-04-26T10:00:00+01:00',
      5,
      '2027-04-30',
      'cp-visit #5: 10 WD after Fri 16 Apr: 19-23 (5), 26-30 (10) = Fri 30 Apr. Seen Mon 26 Apr, 4 WD before (27, 28, 29, 30).',
    ),
    seen(
      '2027-05-04T10:00:00+01:00',
      6,
      '2027-05-11',
      'cp-visit #6: 10 WD after Mon 26 Apr: 27, 28, 29, 30 (4), bank holiday Mon 3 May skipped, 4, 5, 6, 7 (8), 10, 11 (10) = Tue 11 May. Seen Tue 4 May, 5 WD before.',
    ),
    coreGroup(
      '2027-05-05T10:00:00+01:00',
      1,
      '2027-05-06',
      'core group #1: 6 weeks after the first core group (Thu 25 Mar) = Thu 6 May; planBy Thu 6 May. Its reminder, 2 WD before Thu 6 May (Wed 5 = 1, Tue 4 = 2; Mon 3 May is a bank holiday), fired Tue 4 May 09:00 BST to the worker; held Wed 5 May, after the reminder, on time. Core group #2 = Wed 5 May + 6 weeks = Wed 16 Jun.',
    ),
    seen(
      '2027-05-21T10:00:00+01:00',
      7,
      '2027-05-18',
      'cp-visit #7: 10 WD after #6 (Tue 4 May): 5, 6, 7, 10, 11 (5), 12, 13, 14, 17, 18 (10) = Tue 18 May. LATE: reminder Fri 14 May 09:00 (Mon 17 = 1, Fri 14 = 2), overdue Wed 19 May 09:00 (+1 WD), escalated Fri 21 May 09:00 (+3 WD: 19, 20, 21); seen Fri 21 May 10:00, before critical (+6 WD = Wed 26 May).',
    ),
    seen(
      '2027-06-02T10:00:00+01:00',
      8,
      '2027-06-07',
      'cp-visit #8: 10 WD after #7 seen Fri 21 May: 24, 25, 26, 27, 28 (5), bank holiday Mon 31 May skipped, 1, 2, 3, 4, 7 Jun (10) = Mon 7 Jun. Seen Wed 2 Jun, 3 WD before (3, 4, 7; reminder would be Thu 3 Jun 09:00).',
    ),
    seen(
      '2027-06-09T10:00:00+01:00',
      9,
      '2027-06-16',
      'cp-visit #9: 10 WD after Wed 2 Jun: 3, 4, 7, 8, 9 (5), 10, 11, 14, 15, 16 (10) = Wed 16 Jun. Seen Wed 9 Jun, 5 WD before.',
    ),
    coreGroup(
      '2027-06-10T10:00:00+01:00',
      2,
      '2027-06-16',
      'core group #2: 6 weeks after #1 (Wed 5 May) = Wed 16 Jun; planBy Wed 16 Jun. Held Thu 10 Jun, 4 WD before (11, 14, 15, 16). Core group #3 = Thu 10 Jun + 6 weeks = Thu 22 Jul.',
    ),
    {
      at: '2027-06-11T10:00:00+01:00',
      process: 'plan',
      expect: { step: 'rcpc', dueDate: '2027-06-17', planBy: '2027-06-17' },
      event: { type: 'step-completed', step: 'rcpc', occurredAt: '2027-06-11T10:00:00+01:00', outcome: 'continue' },
      why: 'RCPC #1: 3 months after the ICPC (Wed 17 Mar) = Thu 17 Jun; planBy Thu 17 Jun. Held Fri 11 Jun, 4 WD before (14, 15, 16, 17), so its reminder (Tue 15 Jun) never fires. Outcome continue: the plan continues as new. RCPC #2 = Fri 11 Jun + 6 months = Sat 11 Dec 2027.',
    },
    {
      at: '2027-06-14T10:00:00+01:00',
      process: 'plan',
      expect: { step: 'cp-visit', occurrence: 10, dueDate: '2027-06-23' },
      event: {
        type: 'set-interval',
        step: 'cp-visit',
        every: { value: 8, unit: 'working-days' },
        reason:
          'RCPC 11 Jun 2027: visiting pattern agreed at the review conference, the child seen at least every 8 working days (weekly)',
        agreedBy: 'cp-chair',
      },
      why: 'The review conference sets the visiting pattern (practice standards L570): every 8 WD, tighter than the 10 WD default, agreed by the cp-chair. Before it, cp-visit #10 is due 10 WD after #9 (Wed 9 Jun): 10, 11, 14, 15, 16 (5), 17, 18, 21, 22, 23 (10) = Wed 23 Jun. The new interval applies at once to the open occurrence: 8 WD after Wed 9 Jun = Mon 21 Jun.',
    },
    seen(
      '2027-06-16T10:00:00+01:00',
      10,
      '2027-06-21',
      'cp-visit #10 under the 8 WD pattern: 8 WD after #9 (Wed 9 Jun): 10, 11, 14, 15, 16, 17, 18, 21 = Mon 21 Jun (was Wed 23 Jun). Seen Wed 16 Jun, 3 WD before (17, 18, 21).',
    ),
    // ---- Plan, visits every 8 WD (seen weekly), core groups and RCPC #2 ----
    ...planPhaseB,
    {
      at: '2028-06-01T10:00:00+01:00',
      process: 'plan',
      expect: { step: 'rcpc', occurrence: 3, dueDate: '2028-06-07', planBy: '2028-06-07' },
      event: { type: 'step-completed', step: 'rcpc', occurredAt: '2028-06-01T10:00:00+01:00', outcome: 'step-down' },
      why: 'RCPC #3: 6 months after RCPC #2 (Tue 7 Dec 2027) = Wed 7 Jun 2028; planBy Wed 7 Jun. Held Thu 1 Jun, 4 WD before (2, 5, 6, 7; reminder would be Mon 5 Jun). Outcome step-down: the plan ends (open cp-visit #61 and core group #13 lapse) and the CIN plan starts with plan-agreed = Thu 1 Jun 10:00 BST.',
    },
    {
      at: '2028-06-05T10:00:00+01:00',
      process: 'plan',
      event: { type: 'step-completed', step: 'core-group', occurredAt: '2028-06-05T10:00:00+01:00' },
      rejected: { type: 'Ended' },
      why: 'A core group recorded on the plan after the step-down: the plan workflow has finished, so the event is refused (Ended).',
    },
    // ---- CIN plan (plan-agreed Thu 1 Jun 2028) ----
    {
      at: '2028-06-08T10:00:00+01:00',
      process: 'cin',
      expect: { step: 'cin-plan', dueDate: '2028-06-15', planBy: '2028-06-15' },
      event: { type: 'step-completed', step: 'cin-plan', occurredAt: '2028-06-08T10:00:00+01:00' },
      why: 'First CIN meeting: 10 WD after plan-agreed (Thu 1 Jun): 2, 5, 6, 7, 8 (5), 9, 12, 13, 14, 15 (10) = Thu 15 Jun; planBy Thu 15 Jun. Held Thu 8 Jun, 5 WD before. Review #1 = Thu 8 Jun + 6 weeks = Thu 20 Jul.',
    },
    {
      at: '2028-07-05T10:00:00+01:00',
      process: 'cin',
      expect: { step: 'cin-visit', dueDate: '2028-07-13' },
      event: { type: 'step-completed', step: 'cin-visit', occurredAt: '2028-07-05T10:00:00+01:00', seen: true },
      why: 'cin-visit #1: 6 weeks after plan-agreed (Thu 1 Jun) = Thu 13 Jul. Seen Wed 5 Jul, 6 WD before (6, 7, 10, 11, 12, 13). #2 = Wed 5 Jul + 6 weeks = Wed 16 Aug.',
    },
    {
      at: '2028-07-21T10:00:00+01:00',
      process: 'cin',
      expect: { step: 'cin-review', dueDate: '2028-07-20', planBy: '2028-07-20' },
      event: {
        type: 'step-completed',
        step: 'cin-review',
        occurredAt: '2028-07-21T10:00:00+01:00',
        outcome: 'continue',
      },
      why: 'cin-review #1: 6 weeks after the first CIN meeting (Thu 8 Jun) = Thu 20 Jul; planBy Thu 20 Jul. Held Fri 21 Jul 10:00, one day LATE: reminder Tue 18 Jul 09:00 (Wed 19 = 1, Tue 18 = 2), overdue Fri 21 Jul 09:00 (+1 WD) to the team manager copied to the practice supervisor; escalated (+3 WD = Tue 25 Jul) never fires. Outcome continue: the CIN plan continues as new. Review #2 = Fri 21 Jul + 6 weeks = Fri 1 Sep.',
    },
    {
      at: '2028-08-09T10:00:00+01:00',
      process: 'cin',
      expect: { step: 'cin-visit', occurrence: 2, dueDate: '2028-08-16' },
      event: { type: 'step-completed', step: 'cin-visit', occurredAt: '2028-08-09T10:00:00+01:00', seen: true },
      why: 'cin-visit #2: 6 weeks after #1 (Wed 5 Jul) = Wed 16 Aug. Seen Wed 9 Aug, 5 WD before. #3 (Wed 20 Sep) lapses at closure.',
    },
    {
      at: '2028-08-25T10:00:00+01:00',
      process: 'cin',
      expect: { step: 'cin-review', occurrence: 2, dueDate: '2028-09-01', planBy: '2028-09-01' },
      event: { type: 'step-completed', step: 'cin-review', occurredAt: '2028-08-25T10:00:00+01:00', outcome: 'close' },
      why: 'cin-review #2: 6 weeks after #1 (Fri 21 Jul) = Fri 1 Sep; planBy Fri 1 Sep. Held Fri 25 Aug, 4 WD before (bank holiday Mon 28 Aug skipped, 29, 30, 31, 1; reminder would be Wed 30 Aug). Outcome close: the CIN plan ends.',
    },
  ],
  notifications: [
    {
      process: 'enquiry',
      key: 'strategy-discussion:1:overdue',
      firesAt: '2027-03-02T14:30:00+00:00',
      to: 'duty-derb',
      why: 'Strategy discussion due 24 hours after the concern (Mon 1 Mar 14:30 GMT) = Tue 2 Mar 14:30; still open then, so the breach goes at that exact instant to the duty manager (hourBreachRole; Derbyshire duty-derb).',
    },
    {
      process: 'plan',
      key: 'cp-visit:3:no-access:1',
      firesAt: '2027-04-07T10:00:00+01:00',
      to: 'tm-derb-north',
      why: 'cp-visit #3 (due Wed 14 Apr): no-access visit recorded Wed 7 Apr 10:00 BST; the team manager (tm-derb-north) is told at that instant.',
    },
    {
      process: 'plan',
      key: 'core-group:1:reminder',
      firesAt: '2027-05-04T09:00:00+01:00',
      to: 'sw-derb-01',
      why: 'core group #1 due Thu 6 May 2027 (6 weeks after Thu 25 Mar); -2 WD = Wed 5 (1), Tue 4 May (2) (Mon 3 May bank holiday not reached) 09:00 BST, to the assigned worker; held Wed 5 May.',
    },
    {
      process: 'plan',
      key: 'cp-visit:7:reminder',
      firesAt: '2027-05-14T09:00:00+01:00',
      to: 'sw-derb-01',
      why: 'cp-visit #7 due Tue 18 May 2027 (10 WD after Tue 4 May); -2 WD = Mon 17 (1), Fri 14 May (2) 09:00 BST, to the assigned worker.',
    },
    {
      process: 'plan',
      key: 'cp-visit:7:overdue',
      firesAt: '2027-05-19T09:00:00+01:00',
      to: 'tm-derb-north',
      why: 'cp-visit #7 due Tue 18 May; +1 WD = Wed 19 May 09:00 BST, to the team manager.',
    },
    {
      process: 'plan',
      key: 'cp-visit:7:escalated',
      firesAt: '2027-05-21T09:00:00+01:00',
      to: 'sm-derb-assess',
      why: 'cp-visit #7 due Tue 18 May; +3 WD = Wed 19, Thu 20, Fri 21 May 09:00 BST, to the service manager; the child is seen at 10:00 that day.',
    },
    {
      process: 'cin',
      key: 'cin-review:1:reminder',
      firesAt: '2028-07-18T09:00:00+01:00',
      to: 'sw-derb-01',
      why: 'cin-review #1 due Thu 20 Jul 2028 (6 weeks after Thu 8 Jun); -2 WD = Wed 19 (1), Tue 18 Jul (2) 09:00 BST, to the assigned worker.',
    },
    {
      process: 'cin',
      key: 'cin-review:1:overdue',
      firesAt: '2028-07-21T09:00:00+01:00',
      to: 'tm-derb-north',
      cc: ['ps-derb-north'],
      why: 'cin-review #1 due Thu 20 Jul 2028; +1 WD = Fri 21 Jul 09:00 BST, to the team manager, copied to the practice supervisor (Derbyshire cin-review ladder cc practice-supervisor = ps-derb-north of the team); held at 10:00 that day.',
    },
  ],
  endsAt: '2028-09-04T12:00:00+01:00',
};
