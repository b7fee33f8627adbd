/**
 * City of York: the hand-worked child protection journey of one child (case CPJ-YORK, worker sw-york-01,
 * team york-ra). Every date below was worked by hand from profiles/data/york.json (over england.json) and
 * the England & Wales bank holidays, then checked with an independent Python counter (not the project's code).
 *
 * York's rules used (working days = WD; bank holidays met: 2027 26 Mar, 29 Mar, 3 May, 31 May, 30 Aug,
 * 27 Dec, 28 Dec; 2028 3 Jan, 14 Apr, 17 Apr, 1 May, 29 May, 28 Aug; BST 28 Mar-30 Oct 2027, 26 Mar-28 Oct 2028):
 * - enquiry: strategy discussion 1 WD from concern-raised (a meeting; York's 24 hours for immediate concerns is
 *   NOT encoded, so the strategy discussion has no hour rule); the child seen within 24 hours of s47-start
 *   (L400, an hour rule: no reminder, a breach to the duty manager); S47 15 WD from s47-start;
 *   ICPC 15 WD from the strategy discussion ON OR BEFORE the S47 start (anchorPick latestOnOrBefore s47-start),
 *   or 15 WD from a transfer-notification (transfer-in; not used: this child takes the normal route); the ICPC
 *   requires the S47 to be concluded. ICPC overdue is copied to the cp-chair and the service manager.
 * - plan: cp-visit 7 WD from the ICPC, then every 20 WD from the last visit at which the child was seen (overdue
 *   copied to the service manager); first core group 10 WD from the ICPC (overdue copied to the cp-chair); core
 *   group 1 calendar month from the first and then from the last held; RCPC 3 months from the ICPC, then 6 months
 *   (overdue copied to the cp-chair). All meetings have planBy = the last WD on or before the due date.
 * - CIN plan: first meeting 10 WD from plan-agreed; visits 20 WD from plan-agreed then every 20 WD (overdue copied
 *   to the service manager); review 12 weeks from the first meeting, then every 12 weeks.
 * Ladder: reminder -2 WD (assigned worker), overdue +1 WD (team manager), escalated +3 WD (service manager),
 * critical +6 WD (head of service), each at 09:00 London time. Recipients (config/directory.json): sw-york-01,
 * tm-york-ra, sm-york, hos-york (team york-ra); cpc-york (York's conference chair).
 *
 * The journey: concern Thu 25 Feb 2027 -> strategy discussion Fri 26 Feb (S47 started) -> held again Wed 10 Mar
 * (the ICPC stays due Fri 19 Mar; nationally it would move to Fri 2 Apr) -> S47 concluded Fri 12 Mar -> ICPC
 * Mon 15 Mar -> plan: 19 visits (one no-access visit, #3, and one late visit, #8, reaching overdue and escalated),
 * first core group and 16 core groups (#11 held after its reminder), RCPCs Wed 9 Jun 2027 (continue), Fri 3 Dec
 * 2027 (continue), Wed 24 May 2028 (step-down) -> CIN plan: first meeting, 3 visits, review (continue) -> closed
 * Mon 21 Aug 2028. Rejected: an ICPC before the strategy discussion and before the S47 conclusion (Conflict on
 * 'step'), a core group on the plan after the step-down (Ended). Every other step is completed at least 3 WD
 * before its due date, so no other reminder fires: five notifications in all.
 */
import { type Journey, done } from './journey';

export const journey: Journey = {
  la: 'york',
  caseId: 'CPJ-YORK',
  workerId: 'sw-york-01',
  team: 'york-ra',
  start: { 'concern-raised': '2027-02-25T10:00:00+00:00' },
  events: [
    {
      at: '2027-02-26T10:00:00+00:00',
      process: 'enquiry',
      event: { type: 'step-completed', step: 'icpc', occurredAt: '2027-02-26T10:00:00+00:00', outcome: 'child-protection-plan' },
      rejected: { type: 'Conflict', field: 'step' },
      why: "ICPC before any strategy discussion: the ICPC counts from the strategy discussion (or a transfer-notification), neither recorded yet, so it has no due date and is refused (Conflict on 'step').",
    },
    {
      at: '2027-02-26T10:00:00+00:00',
      process: 'enquiry',
      expect: { step: 'strategy-discussion', dueDate: '2027-02-26', planBy: '2027-02-26' },
      event: { type: 'step-completed', step: 'strategy-discussion', occurredAt: '2027-02-26T10:00:00+00:00', outcome: 's47' },
      why: 'Strategy discussion due 1 WD after the concern (Thu 25 Feb) = Fri 26 Feb; meeting, planBy Fri 26 Feb. Held on its due date (not late). Its reminder (-2 WD = Wed 24 Feb 09:00) is before the concern (Thu 25 Feb 10:00), so it is skipped. Outcome s47 also records s47-start = Fri 26 Feb 10:00. The strategy discussion has no 24-hour rule here (York\'s 24 hours apply to immediate concerns only).',
    },
    done('2027-02-26T15:00:00+00:00', 'enquiry', 'child-seen', { dueDate: '2027-02-27' }, 'Child seen within 24 hours of the S47 starting (004 L400, the interim safety plan): due Sat 27 Feb 10:00 GMT (24 hours after Fri 26 Feb 10:00); seen Fri 26 Feb 15:00, on time. An hour rule sends no reminder, so nothing is sent.', { seen: true }),
    {
      at: '2027-03-01T10:00:00+00:00',
      process: 'enquiry',
      expect: { step: 'icpc', dueDate: '2027-03-19', planBy: '2027-03-19' },
      event: { type: 'step-completed', step: 'icpc', occurredAt: '2027-03-01T10:00:00+00:00', outcome: 'child-protection-plan' },
      rejected: { type: 'Conflict', field: 'step' },
      why: "ICPC before the S47 is concluded: the ICPC requires s47-complete, which applies (s47-start recorded) and is not completed, so it is refused (Conflict on 'step'). ICPC due 15 WD after Fri 26 Feb: 1-5 Mar (5), 8-12 (10), 15-19 (15) = Fri 19 Mar; planBy Fri 19 Mar.",
    },
    {
      at: '2027-03-10T10:00:00+00:00',
      process: 'enquiry',
      expect: { step: 'icpc', dueDate: '2027-03-19', planBy: '2027-03-19' },
      event: { type: 'anchor', anchor: 'strategy-discussion', at: '2027-03-10T10:00:00+00:00' },
      why: "Strategy discussion held again (York L408: enquiries delayed) on Wed 10 Mar, after s47-start (Fri 26 Feb 10:00). York's ICPC counts from the last strategy discussion ON OR BEFORE the S47 start (anchorPick latestOnOrBefore s47-start) = Fri 26 Feb, so the ICPC stays due Fri 19 Mar (checked before this event and again at the ICPC). Nationally (latest) it would move to 15 WD after Wed 10 Mar: 11,12 (2), 15-19 (7), 22-25 (11), Good Friday 26 and Easter Monday 29 skipped, 30,31 Mar, 1,2 Apr (15) = Fri 2 Apr.",
    },
    {
      at: '2027-03-12T10:00:00+00:00',
      process: 'enquiry',
      expect: { step: 's47-complete', dueDate: '2027-03-19' },
      event: { type: 'step-completed', step: 's47-complete', occurredAt: '2027-03-12T10:00:00+00:00', outcome: 'icpc' },
      why: 'S47 due 15 WD after s47-start Fri 26 Feb = Fri 19 Mar (same count as the ICPC). Concluded Fri 12 Mar, 5 WD early; its reminder (Wed 17 Mar 09:00) never fires.',
    },
    {
      at: '2027-03-15T10:00:00+00:00',
      process: 'enquiry',
      expect: { step: 'icpc', dueDate: '2027-03-19', planBy: '2027-03-19' },
      event: { type: 'step-completed', step: 'icpc', occurredAt: '2027-03-15T10:00:00+00:00', outcome: 'child-protection-plan' },
      why: 'ICPC still due Fri 19 Mar, planBy Fri 19 Mar (the strategy discussion held again on 10 Mar did not move it). Held Mon 15 Mar, 4 WD early (16,17,18,19); reminder -2 WD = Wed 17 Mar 09:00 not reached. Outcome child-protection-plan starts the plan with icpc = Mon 15 Mar 10:00 GMT and ends the enquiry.',
    },
    {
      at: '2027-03-18T10:00:00+00:00',
      process: 'plan',
      expect: { step: 'cp-visit', dueDate: '2027-03-24' },
      event: { type: 'step-completed', step: 'cp-visit', occurredAt: '2027-03-18T10:00:00+00:00', seen: true },
      why: 'cp-visit #1 due 7 WD after the ICPC (Mon 15 Mar): 16,17,18,19 (4), 22,23,24 (7) = Wed 24 Mar. Seen Thu 18 Mar, 4 WD early (reminder Mon 22 Mar not reached).',
    },
    {
      at: '2027-03-24T10:00:00+00:00',
      process: 'plan',
      expect: { step: 'core-group-initial', dueDate: '2027-03-31', planBy: '2027-03-31' },
      event: { type: 'step-completed', step: 'core-group-initial', occurredAt: '2027-03-24T10:00:00+00:00' },
      why: 'First core group due 10 WD after the ICPC (Mon 15 Mar): 16-19 (4), 22-25 (8), Good Friday 26 and Easter Monday 29 skipped, 30 (9), 31 (10) = Wed 31 Mar; planBy Wed 31 Mar. Held Wed 24 Mar, 3 WD early (25, 30, 31); reminder -2 WD = Thu 25 Mar 09:00 (Tue 30, then back over Easter Monday and Good Friday to Thu 25) not reached.',
    },
    {
      at: '2027-04-13T10:00:00+01:00',
      process: 'plan',
      expect: { step: 'cp-visit', occurrence: 2, dueDate: '2027-04-19' },
      event: { type: 'step-completed', step: 'cp-visit', occurredAt: '2027-04-13T10:00:00+01:00', seen: true },
      why: 'cp-visit #2 due 20 WD after #1 (Thu 18 Mar): 19 (1), 22-25 (5), Good Friday/Easter Monday skipped, 30,31 Mar, 1,2 Apr (9), 5-9 (14), 12-16 (19), 19 (20) = Mon 19 Apr. Seen Tue 13 Apr, 4 WD early (reminder Thu 15 Apr not reached).',
    },
    {
      at: '2027-04-20T10:00:00+01:00',
      process: 'plan',
      expect: { step: 'core-group', dueDate: '2027-04-24', planBy: '2027-04-23' },
      event: { type: 'step-completed', step: 'core-group', occurredAt: '2027-04-20T10:00:00+01:00' },
      why: 'core-group #1 due 1 month after the first core group (Wed 24 Mar) = Sat 24 Apr (calendar time, stays on the Saturday); planBy = last WD on or before = Fri 23 Apr. Held Tue 20 Apr; reminder -2 WD from Sat 24 Apr = Thu 22 Apr 09:00 not reached.',
    },
    {
      at: '2027-05-06T10:00:00+01:00',
      process: 'plan',
      expect: { step: 'cp-visit', occurrence: 3, dueDate: '2027-05-12' },
      event: { type: 'step-completed', step: 'cp-visit', occurredAt: '2027-05-06T10:00:00+01:00', seen: false },
      why: 'cp-visit #3 due 20 WD after #2 (Tue 13 Apr): 14,15,16 (3), 19-23 (8), 26-30 (13), bank holiday Mon 3 May skipped, 4-7 (17), 10,11,12 (20) = Wed 12 May. Visit Thu 6 May at which the child is NOT seen: no-access notice to the team manager at once (Thu 6 May 10:00 BST); occurrence 3 stays open and due Wed 12 May.',
    },
    {
      at: '2027-05-07T10:00:00+01:00',
      process: 'plan',
      expect: { step: 'cp-visit', occurrence: 3, dueDate: '2027-05-12' },
      event: { type: 'step-completed', step: 'cp-visit', occurredAt: '2027-05-07T10:00:00+01:00', seen: true },
      why: 'cp-visit #3 still due Wed 12 May after the no-access visit (the cadence does not restart). Child seen Fri 7 May, 3 WD early (10, 11, 12); reminder -2 WD = Mon 10 May 09:00 not reached.',
    },
    {
      at: '2027-05-14T10:00:00+01:00',
      process: 'plan',
      expect: { step: 'core-group', occurrence: 2, dueDate: '2027-05-20', planBy: '2027-05-20' },
      event: { type: 'step-completed', step: 'core-group', occurredAt: '2027-05-14T10:00:00+01:00' },
      why: 'core-group #2 due 1 month after #1 (Tue 20 Apr) = Thu 20 May; planBy Thu 20 May. Held Fri 14 May, 4 WD early; reminder Tue 18 May not reached.',
    },
    {
      at: '2027-06-02T10:00:00+01:00',
      process: 'plan',
      expect: { step: 'cp-visit', occurrence: 4, dueDate: '2027-06-07' },
      event: { type: 'step-completed', step: 'cp-visit', occurredAt: '2027-06-02T10:00:00+01:00', seen: true },
      why: 'cp-visit #4 due 20 WD after #3 (Fri 7 May): 10-14 (5), 17-21 (10), 24-28 (15), bank holiday Mon 31 May skipped, 1-4 Jun (19), 7 (20) = Mon 7 Jun. Seen Wed 2 Jun, 3 WD early (3, 4, 7); reminder Thu 3 Jun not reached.',
    },
    {
      at: '2027-06-08T10:00:00+01:00',
      process: 'plan',
      expect: { step: 'core-group', occurrence: 3, dueDate: '2027-06-14', planBy: '2027-06-14' },
      event: { type: 'step-completed', step: 'core-group', occurredAt: '2027-06-08T10:00:00+01:00' },
      why: 'core-group #3 due 1 month after #2 (Fri 14 May) = Mon 14 Jun; planBy Mon 14 Jun. Held Tue 8 Jun, 4 WD early; reminder Thu 10 Jun not reached.',
    },
    {
      at: '2027-06-09T10:00:00+01:00',
      process: 'plan',
      expect: { step: 'rcpc', dueDate: '2027-06-15', planBy: '2027-06-15' },
      event: { type: 'step-completed', step: 'rcpc', occurredAt: '2027-06-09T10:00:00+01:00', outcome: 'continue' },
      why: 'rcpc #1 due 3 months after the ICPC (Mon 15 Mar) = Tue 15 Jun; planBy Tue 15 Jun. Held Wed 9 Jun, 4 WD early; reminder -2 WD = Fri 11 Jun 09:00 not reached. Outcome continue: the plan continues as new (same workflow id, occurrences carried).',
    },
    {
      at: '2027-06-25T10:00:00+01:00',
      process: 'plan',
      expect: { step: 'cp-visit', occurrence: 5, dueDate: '2027-06-30' },
      event: { type: 'step-completed', step: 'cp-visit', occurredAt: '2027-06-25T10:00:00+01:00', seen: true },
      why: 'cp-visit #5 due 20 WD after #4 (Wed 2 Jun): 3,4 (2), 7-11 (7), 14-18 (12), 21-25 (17), 28,29,30 (20) = Wed 30 Jun. Seen Fri 25 Jun, 3 WD early; reminder Mon 28 Jun not reached.',
    },
    {
      at: '2027-07-02T10:00:00+01:00',
      process: 'plan',
      expect: { step: 'core-group', occurrence: 4, dueDate: '2027-07-08', planBy: '2027-07-08' },
      event: { type: 'step-completed', step: 'core-group', occurredAt: '2027-07-02T10:00:00+01:00' },
      why: 'core-group #4 due 1 month after #3 (Tue 8 Jun) = Thu 8 Jul; planBy Thu 8 Jul. Held Fri 2 Jul, 4 WD early; reminder Tue 6 Jul not reached.',
    },
    {
      at: '2027-07-20T10:00:00+01:00',
      process: 'plan',
      expect: { step: 'cp-visit', occurrence: 6, dueDate: '2027-07-23' },
      event: { type: 'step-completed', step: 'cp-visit', occurredAt: '2027-07-20T10:00:00+01:00', seen: true },
      why: 'cp-visit #6 due 20 WD after #5 (Fri 25 Jun): 28,29,30 (3), 1,2 Jul (5), 5-9 (10), 12-16 (15), 19-23 (20) = Fri 23 Jul. Seen Tue 20 Jul, 3 WD early; reminder Wed 21 Jul not reached.',
    },
    {
      at: '2027-07-27T10:00:00+01:00',
      process: 'plan',
      expect: { step: 'core-group', occurrence: 5, dueDate: '2027-08-02', planBy: '2027-08-02' },
      event: { type: 'step-completed', step: 'core-group', occurredAt: '2027-07-27T10:00:00+01:00' },
      why: 'core-group #5 due 1 month after #4 (Fri 2 Jul) = Mon 2 Aug; planBy Mon 2 Aug. Held Tue 27 Jul, 4 WD early; reminder Thu 29 Jul not reached.',
    },
    {
      at: '2027-08-12T10:00:00+01:00',
      process: 'plan',
      expect: { step: 'cp-visit', occurrence: 7, dueDate: '2027-08-17' },
      event: { type: 'step-completed', step: 'cp-visit', occurredAt: '2027-08-12T10:00:00+01:00', seen: true },
      why: 'cp-visit #7 due 20 WD after #6 (Tue 20 Jul): 21-23 (3), 26-30 (8), 2-6 Aug (13), 9-13 (18), 16,17 (20) = Tue 17 Aug. Seen Thu 12 Aug, 3 WD early; reminder Fri 13 Aug not reached.',
    },
    {
      at: '2027-08-23T10:00:00+01:00',
      process: 'plan',
      expect: { step: 'core-group', occurrence: 6, dueDate: '2027-08-27', planBy: '2027-08-27' },
      event: { type: 'step-completed', step: 'core-group', occurredAt: '2027-08-23T10:00:00+01:00' },
      why: 'core-group #6 due 1 month after #5 (Tue 27 Jul) = Fri 27 Aug; planBy Fri 27 Aug. Held Mon 23 Aug, 4 WD early; reminder Wed 25 Aug not reached.',
    },
    {
      at: '2027-09-15T10:00:00+01:00',
      process: 'plan',
      expect: { step: 'cp-visit', occurrence: 8, dueDate: '2027-09-10' },
      event: { type: 'step-completed', step: 'cp-visit', occurredAt: '2027-09-15T10:00:00+01:00', seen: true },
      why: 'cp-visit #8 due 20 WD after #7 (Thu 12 Aug): 13 (1), 16-20 (6), 23-27 (11), bank holiday Mon 30 Aug skipped, 31 (12), 1-3 Sep (15), 6-10 (20) = Fri 10 Sep. LATE: reminder Wed 8 Sep, overdue Mon 13 Sep and escalated Wed 15 Sep 09:00 all fire; the child is seen Wed 15 Sep 10:00, after the escalation and before critical (+6 WD = Mon 20 Sep).',
    },
    {
      at: '2027-09-17T10:00:00+01:00',
      process: 'plan',
      expect: { step: 'core-group', occurrence: 7, dueDate: '2027-09-23', planBy: '2027-09-23' },
      event: { type: 'step-completed', step: 'core-group', occurredAt: '2027-09-17T10:00:00+01:00' },
      why: 'core-group #7 due 1 month after #6 (Mon 23 Aug) = Thu 23 Sep; planBy Thu 23 Sep. Held Fri 17 Sep, 4 WD early; reminder Tue 21 Sep not reached.',
    },
    {
      at: '2027-10-08T10:00:00+01:00',
      process: 'plan',
      expect: { step: 'cp-visit', occurrence: 9, dueDate: '2027-10-13' },
      event: { type: 'step-completed', step: 'cp-visit', occurredAt: '2027-10-08T10:00:00+01:00', seen: true },
      why: 'cp-visit #9 due 20 WD after #8 was actually held (Wed 15 Sep): 16,17 (2), 20-24 (7), 27 Sep-1 Oct (12), 4-8 (17), 11,12,13 (20) = Wed 13 Oct. Seen Fri 8 Oct, 3 WD early; reminder Mon 11 Oct not reached.',
    },
    {
      at: '2027-10-12T10:00:00+01:00',
      process: 'plan',
      expect: { step: 'core-group', occurrence: 8, dueDate: '2027-10-17', planBy: '2027-10-15' },
      event: { type: 'step-completed', step: 'core-group', occurredAt: '2027-10-12T10:00:00+01:00' },
      why: 'core-group #8 due 1 month after #7 (Fri 17 Sep) = Sun 17 Oct (stays on the Sunday); planBy Fri 15 Oct. Held Tue 12 Oct; reminder -2 WD from Sun 17 Oct = Thu 14 Oct 09:00 not reached.',
    },
    {
      at: '2027-11-02T10:00:00+00:00',
      process: 'plan',
      expect: { step: 'cp-visit', occurrence: 10, dueDate: '2027-11-05' },
      event: { type: 'step-completed', step: 'cp-visit', occurredAt: '2027-11-02T10:00:00+00:00', seen: true },
      why: 'cp-visit #10 due 20 WD after #9 (Fri 8 Oct): 11-15 (5), 18-22 (10), 25-29 (15), 1-5 Nov (20) = Fri 5 Nov. Seen Tue 2 Nov (GMT again), 3 WD early; reminder Wed 3 Nov not reached.',
    },
    {
      at: '2027-11-08T10:00:00+00:00',
      process: 'plan',
      expect: { step: 'core-group', occurrence: 9, dueDate: '2027-11-12', planBy: '2027-11-12' },
      event: { type: 'step-completed', step: 'core-group', occurredAt: '2027-11-08T10:00:00+00:00' },
      why: 'core-group #9 due 1 month after #8 (Tue 12 Oct) = Fri 12 Nov; planBy Fri 12 Nov. Held Mon 8 Nov, 4 WD early; reminder Wed 10 Nov not reached.',
    },
    {
      at: '2027-11-25T10:00:00+00:00',
      process: 'plan',
      expect: { step: 'cp-visit', occurrence: 11, dueDate: '2027-11-30' },
      event: { type: 'step-completed', step: 'cp-visit', occurredAt: '2027-11-25T10:00:00+00:00', seen: true },
      why: 'cp-visit #11 due 20 WD after #10 (Tue 2 Nov): 3-5 (3), 8-12 (8), 15-19 (13), 22-26 (18), 29,30 (20) = Tue 30 Nov. Seen Thu 25 Nov, 3 WD early; reminder Fri 26 Nov not reached.',
    },
    {
      at: '2027-12-02T10:00:00+00:00',
      process: 'plan',
      expect: { step: 'core-group', occurrence: 10, dueDate: '2027-12-08', planBy: '2027-12-08' },
      event: { type: 'step-completed', step: 'core-group', occurredAt: '2027-12-02T10:00:00+00:00' },
      why: 'core-group #10 due 1 month after #9 (Mon 8 Nov) = Wed 8 Dec; planBy Wed 8 Dec. Held Thu 2 Dec, 4 WD early; reminder Mon 6 Dec not reached.',
    },
    {
      at: '2027-12-03T10:00:00+00:00',
      process: 'plan',
      expect: { step: 'rcpc', occurrence: 2, dueDate: '2027-12-09', planBy: '2027-12-09' },
      event: { type: 'step-completed', step: 'rcpc', occurredAt: '2027-12-03T10:00:00+00:00', outcome: 'continue' },
      why: 'rcpc #2 due 6 months after rcpc #1 (Wed 9 Jun) = Thu 9 Dec; planBy Thu 9 Dec. Held Fri 3 Dec, 4 WD early; reminder Tue 7 Dec not reached. Outcome continue: the plan continues as new.',
    },
    {
      at: '2027-12-20T10:00:00+00:00',
      process: 'plan',
      expect: { step: 'cp-visit', occurrence: 12, dueDate: '2027-12-23' },
      event: { type: 'step-completed', step: 'cp-visit', occurredAt: '2027-12-20T10:00:00+00:00', seen: true },
      why: 'cp-visit #12 due 20 WD after #11 (Thu 25 Nov): 26 (1), 29,30 (3), 1-3 Dec (6), 6-10 (11), 13-17 (16), 20-23 (20) = Thu 23 Dec. Seen Mon 20 Dec, 3 WD early; reminder Tue 21 Dec not reached.',
    },
    {
      at: '2027-12-31T10:00:00+00:00',
      process: 'plan',
      expect: { step: 'core-group', occurrence: 11, dueDate: '2028-01-02', planBy: '2027-12-31' },
      event: { type: 'step-completed', step: 'core-group', occurredAt: '2027-12-31T10:00:00+00:00' },
      why: 'core-group #11 due 1 month after #10 (Thu 2 Dec) = Sun 2 Jan 2028; planBy = last WD on or before = Fri 31 Dec. Reminder -2 WD from Sun 2 Jan = Fri 31 Dec (1), Thu 30 Dec (2): fires Thu 30 Dec 09:00 GMT. Held Fri 31 Dec 10:00, after its reminder, on the planBy day and not late (overdue would be Tue 4 Jan, Mon 3 Jan being a bank holiday).',
    },
    {
      at: '2028-01-17T10:00:00+00:00',
      process: 'plan',
      expect: { step: 'cp-visit', occurrence: 13, dueDate: '2028-01-20' },
      event: { type: 'step-completed', step: 'cp-visit', occurredAt: '2028-01-17T10:00:00+00:00', seen: true },
      why: 'cp-visit #13 due 20 WD after #12 (Mon 20 Dec): 21-24 (4), bank holidays 27, 28 Dec skipped, 29-31 (7), bank holiday Mon 3 Jan skipped, 4-7 (11), 10-14 (16), 17-20 (20) = Thu 20 Jan 2028. Seen Mon 17 Jan, 3 WD early; reminder Tue 18 Jan not reached.',
    },
    {
      at: '2028-01-25T10:00:00+00:00',
      process: 'plan',
      expect: { step: 'core-group', occurrence: 12, dueDate: '2028-01-31', planBy: '2028-01-31' },
      event: { type: 'step-completed', step: 'core-group', occurredAt: '2028-01-25T10:00:00+00:00' },
      why: 'core-group #12 due 1 month after #11 (Fri 31 Dec) = Mon 31 Jan; planBy Mon 31 Jan. Held Tue 25 Jan, 4 WD early; reminder Thu 27 Jan not reached.',
    },
    {
      at: '2028-02-09T10:00:00+00:00',
      process: 'plan',
      expect: { step: 'cp-visit', occurrence: 14, dueDate: '2028-02-14' },
      event: { type: 'step-completed', step: 'cp-visit', occurredAt: '2028-02-09T10:00:00+00:00', seen: true },
      why: 'cp-visit #14 due 20 WD after #13 (Mon 17 Jan): 18-21 (4), 24-28 (9), 31 Jan, 1-4 Feb (14), 7-11 (19), 14 (20) = Mon 14 Feb. Seen Wed 9 Feb, 3 WD early; reminder Thu 10 Feb not reached.',
    },
    {
      at: '2028-02-21T10:00:00+00:00',
      process: 'plan',
      expect: { step: 'core-group', occurrence: 13, dueDate: '2028-02-25', planBy: '2028-02-25' },
      event: { type: 'step-completed', step: 'core-group', occurredAt: '2028-02-21T10:00:00+00:00' },
      why: 'core-group #13 due 1 month after #12 (Tue 25 Jan) = Fri 25 Feb; planBy Fri 25 Feb. Held Mon 21 Feb, 4 WD early; reminder Wed 23 Feb not reached.',
    },
    {
      at: '2028-03-03T10:00:00+00:00',
      process: 'plan',
      expect: { step: 'cp-visit', occurrence: 15, dueDate: '2028-03-08' },
      event: { type: 'step-completed', step: 'cp-visit', occurredAt: '2028-03-03T10:00:00+00:00', seen: true },
      why: 'cp-visit #15 due 20 WD after #14 (Wed 9 Feb): 10,11 (2), 14-18 (7), 21-25 (12), 28,29 Feb, 1-3 Mar (17), 6-8 (20) = Wed 8 Mar (2028 is a leap year). Seen Fri 3 Mar, 3 WD early; reminder Mon 6 Mar not reached.',
    },
    {
      at: '2028-03-15T10:00:00+00:00',
      process: 'plan',
      expect: { step: 'core-group', occurrence: 14, dueDate: '2028-03-21', planBy: '2028-03-21' },
      event: { type: 'step-completed', step: 'core-group', occurredAt: '2028-03-15T10:00:00+00:00' },
      why: 'core-group #14 due 1 month after #13 (Mon 21 Feb) = Tue 21 Mar; planBy Tue 21 Mar. Held Wed 15 Mar, 4 WD early; reminder Fri 17 Mar not reached.',
    },
    {
      at: '2028-03-28T10:00:00+01:00',
      process: 'plan',
      expect: { step: 'cp-visit', occurrence: 16, dueDate: '2028-03-31' },
      event: { type: 'step-completed', step: 'cp-visit', occurredAt: '2028-03-28T10:00:00+01:00', seen: true },
      why: 'cp-visit #16 due 20 WD after #15 (Fri 3 Mar): 6-10 (5), 13-17 (10), 20-24 (15), 27-31 (20) = Fri 31 Mar. Seen Tue 28 Mar (BST), 3 WD early; reminder Wed 29 Mar not reached.',
    },
    {
      at: '2028-04-10T10:00:00+01:00',
      process: 'plan',
      expect: { step: 'core-group', occurrence: 15, dueDate: '2028-04-15', planBy: '2028-04-13' },
      event: { type: 'step-completed', step: 'core-group', occurredAt: '2028-04-10T10:00:00+01:00' },
      why: 'core-group #15 due 1 month after #14 (Wed 15 Mar) = Sat 15 Apr; planBy = last WD on or before: Fri 14 Apr is Good Friday, so Thu 13 Apr. Held Mon 10 Apr; reminder -2 WD from Sat 15 Apr = Thu 13 (1), Wed 12 (2) = Wed 12 Apr 09:00, not reached.',
    },
    {
      at: '2028-04-24T10:00:00+01:00',
      process: 'plan',
      expect: { step: 'cp-visit', occurrence: 17, dueDate: '2028-04-27' },
      event: { type: 'step-completed', step: 'cp-visit', occurredAt: '2028-04-24T10:00:00+01:00', seen: true },
      why: 'cp-visit #17 due 20 WD after #16 (Tue 28 Mar): 29-31 (3), 3-7 Apr (8), 10-13 (12), Good Friday 14 and Easter Monday 17 skipped, 18-21 (16), 24-27 (20) = Thu 27 Apr. Seen Mon 24 Apr, 3 WD early; reminder Tue 25 Apr not reached.',
    },
    {
      at: '2028-05-04T10:00:00+01:00',
      process: 'plan',
      expect: { step: 'core-group', occurrence: 16, dueDate: '2028-05-10', planBy: '2028-05-10' },
      event: { type: 'step-completed', step: 'core-group', occurredAt: '2028-05-04T10:00:00+01:00' },
      why: 'core-group #16 due 1 month after #15 (Mon 10 Apr) = Wed 10 May; planBy Wed 10 May. Held Thu 4 May, 4 WD early; reminder Mon 8 May not reached.',
    },
    {
      at: '2028-05-18T10:00:00+01:00',
      process: 'plan',
      expect: { step: 'cp-visit', occurrence: 18, dueDate: '2028-05-23' },
      event: { type: 'step-completed', step: 'cp-visit', occurredAt: '2028-05-18T10:00:00+01:00', seen: true },
      why: 'cp-visit #18 due 20 WD after #17 (Mon 24 Apr): 25-28 (4), bank holiday Mon 1 May skipped, 2-5 (8), 8-12 (13), 15-19 (18), 22,23 (20) = Tue 23 May. Seen Thu 18 May, 3 WD early; reminder Fri 19 May not reached. (#19 would be due Fri 16 Jun; it lapses at the step-down.)',
    },
    {
      at: '2028-05-24T10:00:00+01:00',
      process: 'plan',
      expect: { step: 'rcpc', occurrence: 3, dueDate: '2028-06-03', planBy: '2028-06-02' },
      event: { type: 'step-completed', step: 'rcpc', occurredAt: '2028-05-24T10:00:00+01:00', outcome: 'step-down' },
      why: 'rcpc #3 due 6 months after rcpc #2 (Fri 3 Dec 2027) = Sat 3 Jun 2028; planBy Fri 2 Jun. Held Wed 24 May, before its reminder (-2 WD from Sat 3 Jun = Thu 1 Jun). Outcome step-down: the plan ends (open core-group #17, due Sun 4 Jun, and cp-visit #19 lapse) and the CIN plan starts with plan-agreed = Wed 24 May 10:00 BST.',
    },
    {
      at: '2028-05-25T10:00:00+01:00',
      process: 'plan',
      event: { type: 'step-completed', step: 'core-group', occurredAt: '2028-05-25T10:00:00+01:00' },
      rejected: { type: 'Ended' },
      why: 'A core group recorded on the plan the day after it was stepped down: the plan workflow has finished, so the event is refused (Ended).',
    },
    {
      at: '2028-06-01T10:00:00+01:00',
      process: 'cin',
      expect: { step: 'cin-plan', dueDate: '2028-06-08', planBy: '2028-06-08' },
      event: { type: 'step-completed', step: 'cin-plan', occurredAt: '2028-06-01T10:00:00+01:00' },
      why: 'cin-plan due 10 WD after plan-agreed (Wed 24 May): 25,26 (2), bank holiday Mon 29 May skipped, 30,31, 1,2 Jun (6), 5-8 (10) = Thu 8 Jun; planBy Thu 8 Jun. Held Thu 1 Jun, 5 WD early; reminder Tue 6 Jun not reached.',
    },
    {
      at: '2028-06-16T10:00:00+01:00',
      process: 'cin',
      expect: { step: 'cin-visit', dueDate: '2028-06-22' },
      event: { type: 'step-completed', step: 'cin-visit', occurredAt: '2028-06-16T10:00:00+01:00', seen: true },
      why: 'cin-visit #1 due 20 WD after plan-agreed (Wed 24 May): 25,26 (2), 30 May-2 Jun (6), 5-9 (11), 12-16 (16), 19-22 (20) = Thu 22 Jun. Seen Fri 16 Jun, 4 WD early; reminder Tue 20 Jun not reached.',
    },
    {
      at: '2028-07-10T10:00:00+01:00',
      process: 'cin',
      expect: { step: 'cin-visit', occurrence: 2, dueDate: '2028-07-14' },
      event: { type: 'step-completed', step: 'cin-visit', occurredAt: '2028-07-10T10:00:00+01:00', seen: true },
      why: 'cin-visit #2 due 20 WD after #1 (Fri 16 Jun): 19-23 (5), 26-30 (10), 3-7 Jul (15), 10-14 (20) = Fri 14 Jul. Seen Mon 10 Jul, 4 WD early; reminder Wed 12 Jul not reached.',
    },
    {
      at: '2028-08-02T10:00:00+01:00',
      process: 'cin',
      expect: { step: 'cin-visit', occurrence: 3, dueDate: '2028-08-07' },
      event: { type: 'step-completed', step: 'cin-visit', occurredAt: '2028-08-02T10:00:00+01:00', seen: true },
      why: 'cin-visit #3 due 20 WD after #2 (Mon 10 Jul): 11-14 (4), 17-21 (9), 24-28 (14), 31 Jul-4 Aug (19), 7 (20) = Mon 7 Aug. Seen Wed 2 Aug, 3 WD early; reminder Thu 3 Aug not reached.',
    },
    {
      at: '2028-08-18T10:00:00+01:00',
      process: 'cin',
      expect: { step: 'cin-review', dueDate: '2028-08-24', planBy: '2028-08-24' },
      event: { type: 'step-completed', step: 'cin-review', occurredAt: '2028-08-18T10:00:00+01:00', outcome: 'continue' },
      why: 'cin-review #1 due 12 weeks after the cin-plan meeting (Thu 1 Jun) = Thu 24 Aug; planBy Thu 24 Aug. Held Fri 18 Aug, 4 WD early; reminder Tue 22 Aug not reached. Outcome continue: the CIN plan continues as new (review #2 would be due 12 weeks later, Fri 10 Nov).',
    },
    {
      at: '2028-08-21T10:00:00+01:00',
      process: 'cin',
      expect: { step: 'cin-visit', occurrence: 4, dueDate: '2028-08-31' },
      event: { type: 'close', reason: 'case closed: CIN plan outcomes met' },
      why: 'Closure. cin-visit #4 is open, due 20 WD after #3 (Wed 2 Aug): 3,4 (2), 7-11 (7), 14-18 (12), 21-25 (17), bank holiday Mon 28 Aug skipped, 29-31 (20) = Thu 31 Aug; its reminder (Tue 29 Aug) would come after the close, so nothing more is sent.',
    },
  ],
  notifications: [
    {
      process: 'plan',
      key: 'cp-visit:3:no-access:1',
      firesAt: '2027-05-06T10:00:00+01:00',
      to: 'tm-york-ra',
      why: 'cp-visit #3 (due Wed 12 May 2027): the child was not seen at the visit recorded Thu 6 May 10:00 BST; the team manager (tm-york-ra of york-ra) is told at the instant the event is recorded.',
    },
    {
      process: 'plan',
      key: 'cp-visit:8:reminder',
      firesAt: '2027-09-08T09:00:00+01:00',
      to: 'sw-york-01',
      why: 'cp-visit #8 due Fri 10 Sep 2027 (20 WD after Thu 12 Aug, bank holiday Mon 30 Aug skipped); -2 WD = Thu 9 (1), Wed 8 Sep (2), 09:00 BST, to the assigned worker; the visit is still open then (seen Wed 15 Sep).',
    },
    {
      process: 'plan',
      key: 'cp-visit:8:overdue',
      firesAt: '2027-09-13T09:00:00+01:00',
      to: 'tm-york-ra',
      cc: ['sm-york'],
      why: 'cp-visit #8 due Fri 10 Sep 2027; +1 WD = Mon 13 Sep 09:00 BST to the team manager tm-york-ra, copied (York cp-visit overdue cc) to the service manager sm-york of york-ra.',
    },
    {
      process: 'plan',
      key: 'cp-visit:8:escalated',
      firesAt: '2027-09-15T09:00:00+01:00',
      to: 'sm-york',
      why: 'cp-visit #8 due Fri 10 Sep 2027; +3 WD = Mon 13 (1), Tue 14 (2), Wed 15 Sep (3) 09:00 BST to the service manager; the child is seen at 10:00 that day, so critical (+6 WD = Mon 20 Sep) never fires.',
    },
    {
      process: 'plan',
      key: 'core-group:11:reminder',
      firesAt: '2027-12-30T09:00:00+00:00',
      to: 'sw-york-01',
      why: 'core-group #11 due Sun 2 Jan 2028 (1 month after core group #10 on Thu 2 Dec 2027); -2 WD = Fri 31 Dec (1), Thu 30 Dec (2) 09:00 GMT, to the assigned worker; the core group is held Fri 31 Dec 10:00, after the reminder.',
    },
  ],
  endsAt: '2028-09-08T10:00:00+01:00',
};
