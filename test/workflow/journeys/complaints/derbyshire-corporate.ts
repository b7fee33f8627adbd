/**
 * Derbyshire County Council (profiles/data/derbyshire.json over england.json): a corporate (non-statutory)
 * complaint with an agreed revised target, worked by hand (checked with an independent Python script, not the
 * project's code).
 *
 * Rules used (complaint-corporate, profile derbyshire):
 *   acknowledgement  3 WD after received (a local rule: LA closure days would count as non-working, but Derbyshire
 *                    has none: profiles/data/derbyshire.json sets no closureDays and england.json's list is empty).
 *                    An anchor on a weekend: counting still starts the next day.
 *   response         28 CALENDAR days after received (the due date may fall on a weekend: it stays there). Its
 *                    extension is a REVISED TARGET (non-statutory): up to 90 calendar days after received, needs a
 *                    reason and agreedWithComplainant: true, no approver role. It does NOT move the due date (the
 *                    step's dueDate stays at 28 days; a completion after it is late) but moves the ladder: the tiers
 *                    count from the revised target, in a new epoch (key tail ':x1'); tiers already sent stay sent.
 *                    Completing it ends the process: 'response completed: the final response was sent; the
 *                    complainant may take the complaint to the Local Government and Social Care Ombudsman'. After the
 *                    end any event is refused (Ended).
 *   Ladder (derbyshire), each tier at 09:00 London on a WORKING day counted from the ladder base (the due date; after
 *     a revised target, the revised target): reminder -2 WD to the assigned worker; overdue +1 WD to the team manager
 *     cc the complaints manager; escalated +3 WD to the service manager cc the complaints manager; critical +6 WD to
 *     the head of service cc the complaints manager. A reminder is not sent once the step is late (past the end of the
 *     base day) nor before its anchor. Key tail: step:1:tier[:x<n>].
 *   Recipients (config/directory.json): sw-derb-01 (a person: the assigned worker); team derb-north-assessment:
 *     tm-derb-north, sm-derb-assess; LA derbyshire: hos-derb, complaints-manager cm-derb.
 *
 * Calendar facts: no bank holiday between Thu 2 Jan and Fri 11 Apr 2031 (profiles/data/calendar/england-and-wales.json); no
 *   closure days. Clock: GMT (+00:00) throughout (to Sun 30 Mar 2031).
 *
 * The story (caseId CMP-DERB-CORP, worker sw-derb-01, team derb-north-assessment):
 *   Sat 4 Jan 2031 10:00 a corporate complaint arrives (by email, on a Saturday). Acknowledgement due Wed 8 Jan
 *   (counting starts Mon 6 Jan); its reminder fires Mon 6 Jan; acknowledged Tue 7 Jan (on time). Response due Sat 1 Feb
 *   2031 (28 days: a Saturday, it stays there). Tue 28 Jan a revised target without the complainant's agreement is
 *   refused (field agreedWithComplainant); Wed 29 Jan one to Sat 5 Apr 2031, past the 90-day limit (Fri 4 Apr 2031),
 *   is refused (field until). The response reminder fires Thu 30 Jan. Fri 31 Jan a revised target of Fri 28 Feb 2031
 *   is agreed: the due date stays Sat 1 Feb, but the ladder moves: the epoch-0 overdue (Mon 3 Feb) is never sent; the
 *   x1 reminder fires Wed 26 Feb. The response is sent Thu 27 Feb 2031: LATE against the 28-day due date, before the
 *   revised target. The process ends; a further revised target sent Mon 3 Mar 2031 is refused (Ended).
 * Notifications: 3 (acknowledgement reminder, response reminder, response reminder x1).
 */
import { ExpectedNotice, Journey, JourneyEvent, done } from '../journey';

const events: JourneyEvent[] = [
  done(
    '2031-01-07T10:00:00+00:00',
    'corporate',
    'acknowledgement',
    { dueDate: '2031-01-08' },
    'acknowledgement: received Sat 4 Jan 2031 (a weekend: counting still starts the next day) + 3 WD: Jan 6-8 (3) = Wed 8 Jan 2031. Acknowledged Tue 7 Jan 2031 10:00, on time, after: reminder Mon 6 Jan 2031 09:00 (-2 WD: Tue 7 (1), Mon 6 Jan (2); after the anchor; listed).',
  ),
  {
    at: '2031-01-28T10:00:00+00:00',
    process: 'corporate',
    expect: { step: 'response', dueDate: '2031-02-01' },
    event: {
      type: 'extend',
      step: 'response',
      reason: 'complex: the complaint concerns three services',
      until: '2031-02-28',
    },
    rejected: { type: 'InvalidEvent', field: 'agreedWithComplainant' },
    why: 'response: received Sat 4 Jan 2031 + 28 calendar days = Sat 1 Feb 2031 (a Saturday: it stays there). A revised target to Fri 28 Feb 2031 (within 90 days) sent without agreedWithComplainant: true is refused (InvalidEvent, field agreedWithComplainant).',
  },
  {
    at: '2031-01-29T10:00:00+00:00',
    process: 'corporate',
    expect: { step: 'response', dueDate: '2031-02-01' },
    event: {
      type: 'extend',
      step: 'response',
      reason: 'complex: the complaint concerns three services',
      until: '2031-04-05',
      agreedWithComplainant: true,
    },
    rejected: { type: 'InvalidEvent', field: 'until' },
    why: 'response due Sat 1 Feb 2031. The revised target may be at most 90 calendar days after Sat 4 Jan 2031 = Fri 4 Apr 2031 (27 days to Fri 31 Jan, 28 to Fri 28 Feb, 31 to Mon 31 Mar, 4 more). A revised target of Sat 5 Apr 2031 is refused (InvalidEvent, field until).',
  },
  {
    at: '2031-01-31T10:00:00+00:00',
    process: 'corporate',
    expect: { step: 'response', dueDate: '2031-02-01' },
    event: {
      type: 'extend',
      step: 'response',
      reason: 'complex: the complaint concerns three services',
      until: '2031-02-28',
      agreedWithComplainant: true,
    },
    why: 'response due Sat 1 Feb 2031; its reminder (-2 WD: Fri 31 (1), Thu 30 Jan (2) 09:00) has fired. A revised target of Fri 28 Feb 2031 is agreed Fri 31 Jan 2031 10:00 (no approver needed): the due date stays Sat 1 Feb 2031, the ladder counts from Fri 28 Feb (epoch 1): reminder:x1 -2 WD: Thu 27 (1), Wed 26 Feb (2) 09:00. The epoch-0 overdue (+1 WD from Sat 1 Feb: Mon 3 Feb 2031 09:00) is never sent.',
  },
  done(
    '2031-02-27T10:00:00+00:00',
    'corporate',
    'response',
    { dueDate: '2031-02-01' },
    'response: due date still Sat 1 Feb 2031 (a revised target does not move it). Sent Thu 27 Feb 2031 10:00: LATE against the due date, but before the revised target Fri 28 Feb 2031, and after: reminder:x1 Wed 26 Feb 2031 09:00 (listed). The process ends.',
  ),
  {
    at: '2031-03-03T10:00:00+00:00',
    process: 'corporate',
    event: {
      type: 'extend',
      step: 'response',
      reason: 'complex: a further question was raised',
      until: '2031-03-14',
      agreedWithComplainant: true,
    },
    rejected: { type: 'Ended' },
    why: 'The process ended Thu 27 Feb 2031 10:00 with the response: a revised target sent Mon 3 Mar 2031 10:00 is refused (Ended).',
  },
];

const notifications: ExpectedNotice[] = [
  {
    process: 'corporate',
    key: 'acknowledgement:1:reminder',
    firesAt: '2031-01-06T09:00:00+00:00',
    to: 'sw-derb-01',
    why: 'acknowledgement due Wed 8 Jan 2031; reminder -2 WD: Tue 7 (1), Mon 6 Jan (2) 09:00 (after the anchor, Sat 4 Jan 10:00), to the assigned worker sw-derb-01; still open then (acknowledged Tue 7 Jan 2031 10:00).',
  },
  {
    process: 'corporate',
    key: 'response:1:reminder',
    firesAt: '2031-01-30T09:00:00+00:00',
    to: 'sw-derb-01',
    why: 'response due Sat 1 Feb 2031; reminder -2 WD: Fri 31 (1), Thu 30 Jan (2) 09:00, to sw-derb-01; still open then (revised target agreed Fri 31 Jan 2031 10:00).',
  },
  {
    process: 'corporate',
    key: 'response:1:reminder:x1',
    firesAt: '2031-02-26T09:00:00+00:00',
    to: 'sw-derb-01',
    why: 'Epoch 1 (revised target Fri 28 Feb 2031): reminder -2 WD: Thu 27 (1), Wed 26 Feb (2) 09:00, to sw-derb-01; the step is not late against the revised target then, and still open (sent Thu 27 Feb 2031 10:00).',
  },
];

export const journey: Journey & { expectEnd: { reason: string } } = {
  la: 'derbyshire',
  caseId: 'CMP-DERB-CORP',
  workerId: 'sw-derb-01',
  team: 'derb-north-assessment',
  startProcess: 'corporate',
  start: { received: '2031-01-04T10:00:00+00:00' },
  events,
  notifications,
  // After the end and past every x1 tier the response would have had (critical +6 WD from Fri 28 Feb: Mon 10 Mar
  // 2031 09:00): nothing more is sent.
  endsAt: '2031-03-10T10:00:00+00:00',
  expectEnd: {
    reason:
      'response completed: the final response was sent; the complainant may take the complaint to the Local Government and Social Care Ombudsman',
  },
};
