/**
 * Records the histories the replay test (test/workflow/replay.test.ts) replays against the current
 * workflow code. Run it when a workflow type is added, and keep the old files: they are what running
 * workflows of an earlier release look like, so a code change that would break them fails CI until it
 * is patched (docs/design.md, Versions). Each scenario runs on a real time-skipping server with the real worker; the
 * digest's activities list clocks through visibility, which that server lacks, so a digest scenario
 * also starts a real dev server for them (as test/workflow/digest.test.ts does). A family scenario starts
 * the siblings' processes (not recorded) and records the familyEvent workflow run over them.
 *
 *   npm run histories:record              (records the scenarios that have no file yet)
 *   npm run histories:record -- <name>... (records these again, overwriting their files)
 *
 * Files: test/histories/<name>.json, or <name>-run1.json and <name>-runlast.json for a process that
 * continued as new. A scenario that continues a process an earlier one handed over to runs that one
 * first (its file is written only if it is asked for too). The test server's clock only moves forward:
 * each scenario's dates come after the previous one's end.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { calendarData } from '../../profiles/calendar';
import { ProfileRegistry } from '../../profiles/load';
import { ProcessStarter } from '../../services/start';
import type { StartProcess } from '../../services/contracts';
import { clockEventUpdate } from '../../workflows/messages';
import type { DigestOutcome } from '../../workflows/digest';
import type { FamilyEventInput, FamilyEventResult, FamilySibling } from '../../workflows/family';
import { type ReferralClaim } from '../../workflows/referralClaim';
import { claimIdFor } from '../../services/referralClaim';
import type { ClockEvent } from '../../engine/events/contract';
import globalSetup from '../../harness/bundle.global';
import { startDevServerOnFreePorts } from '../support/devStack';
import { startTestWorker } from '../../harness/testWorker';
import { historyToFile } from './files';
import { ClockTestEnv, startTimeSkipping } from '../../harness/timeSkipping';
import { skipTo } from '../workflow/journeys/run';

interface ClockScenario {
  name: string;
  /** A process to start, or the one an earlier scenario's outcome handed over to (recorded from its start). */
  start: StartProcess | { handedOverBy: string; workflowId: string };
  /** [instant to skip to, event]; the event's occurredAt/at is that instant's date. */
  events: [string, Record<string, unknown>][];
  /** Skip to this instant at the end (timers and notifications in between are part of the history). */
  endsAt: string;
  /** Start at this instant instead of the first anchor's: a case moved in late (the tiers it passed are caught up). */
  startsAt?: string;
}

interface DigestScenario {
  name: string;
  /** The instant the digest runs (the Schedule's 09:00 London on that day). */
  digestAt: string;
}

interface FamilyScenario {
  name: string;
  familyId: string;
  /** The siblings' processes, started at the first one's first anchor with familyId set (their histories are not written). */
  siblings: StartProcess[];
  /** [sibling's index, instant, event]: sent to one sibling's clock before the family's event. */
  before: [number, string, Record<string, unknown>][];
  /** The family's event, sent to every sibling by familyEvent started at `at` (workflow id family-event-<familyId>-<eventId>). */
  familyEvent: { eventId: string; at: string; event: Record<string, unknown> };
  /** Each sibling's result, in order: the recording fails otherwise. */
  expect: FamilyEventResult['results'][number]['status'][];
}

/** A referral id claimed for its case by intake (services/referralClaim.ts): a workflow that ends at once. */
interface ClaimScenario {
  name: string;
  claim: ReferralClaim;
  at: string;
}

type Scenario = ClockScenario | DigestScenario | FamilyScenario | ClaimScenario;

const at = (iso: string) => iso.slice(0, 10);
const done = (iso: string, step: string, extra: Record<string, unknown> = {}): [string, Record<string, unknown>] => [
  iso,
  { type: 'step-completed', step, occurredAt: at(iso), ...extra },
];
const anchor = (iso: string, name: string, kind?: string): [string, Record<string, unknown>] => [
  iso,
  { type: 'anchor', anchor: name, at: at(iso), ...(kind ? { kind } : {}) },
];
/** A step completed at that very instant (occurredAt with its time, as a case system sends a meeting or visit). */
const doneAt = (iso: string, step: string, extra: Record<string, unknown> = {}): [string, Record<string, unknown>] => [
  iso,
  { type: 'step-completed', step, occurredAt: iso, ...extra },
];
const seenAt = (iso: string, step: string) => doneAt(iso, step, { seen: true });

export const SCENARIOS: Scenario[] = [
  {
    // A 15-year-old in foster care: plans, visits (one no-access), the first review (a new run), a move,
    // the 16th birthday passing (recorded before milestones existed: no pathway plan starts), and ceasing
    // to be looked after.
    name: 'looked-after-v1',
    start: {
      type: 'looked-after',
      caseId: 'HIST-LAC-1',
      localAuthority: 'england',
      anchors: { 'date-of-birth': '2013-07-15', 'became-looked-after': '2029-03-05', 'placement-start': '2029-03-05' },
      anchorKinds: { 'placement-start': 'foster-care' },
      assignment: { workerId: 'sw-eng-none', team: 'eng-demo' },
    },
    events: [
      done('2029-03-07T10:00:00Z', 'placement-plan'),
      done('2029-03-09T10:00:00Z', 'care-plan'),
      done('2029-03-10T10:00:00Z', 'statutory-visit', { seen: true }),
      done('2029-03-14T10:00:00Z', 'pep-initial'),
      done('2029-03-20T10:00:00Z', 'health-assessment-initial'),
      done('2029-03-28T10:00:00+01:00', 'lac-review'),
      done('2029-04-15T10:00:00+01:00', 'statutory-visit', { seen: true }),
      done('2029-05-20T10:00:00+01:00', 'statutory-visit', { seen: false }),
      done('2029-05-22T10:00:00+01:00', 'statutory-visit', { seen: true }),
      anchor('2029-06-01T10:00:00+01:00', 'placement-start', 'residential'),
      done('2029-06-03T10:00:00+01:00', 'placement-plan'),
      done('2029-06-05T10:00:00+01:00', 'statutory-visit', { seen: true }),
      done('2029-07-10T10:00:00+01:00', 'statutory-visit', { seen: true }),
      // After the 16th birthday (Sun 15 Jul 2029), while still looked after: later code starts pathway planning here.
      done('2029-07-25T10:00:00+01:00', 'statutory-visit', { seen: true }),
      anchor('2029-08-10T10:00:00+01:00', 'ceased-looked-after'),
    ],
    endsAt: '2029-08-11T10:00:00+01:00',
  },
  {
    name: 'pathway-plan-v1',
    start: {
      type: 'pathway-plan',
      caseId: 'HIST-PW-1',
      localAuthority: 'england',
      anchors: { 'date-of-birth': '2013-07-15', 'sixteenth-birthday': '2029-07-15' },
      assignment: { workerId: 'sw-eng-none', team: 'eng-demo' },
    },
    events: [
      done('2029-08-01T10:00:00+01:00', 'needs-assessment'),
      done('2029-08-10T10:00:00+01:00', 'pathway-plan'),
      anchor('2029-08-20T10:00:00+01:00', 'accommodation-start'),
      done('2029-08-25T10:00:00+01:00', 'pa-contact', { seen: true }),
      anchor('2029-09-01T10:00:00+01:00', 'review-requested'),
      done('2029-09-10T10:00:00+01:00', 'pathway-plan-review'),
      done('2029-10-20T10:00:00+01:00', 'pa-contact', { seen: true }),
      ['2029-12-01T10:00:00Z', { type: 'close', reason: 'recorded for the replay test' }],
    ],
    endsAt: '2029-12-02T10:00:00Z',
  },
  {
    // Stage 1 extended to the maximum, stage 2 asked for and answered; nobody asks for stage 3, so the
    // window lapses (Wed 18 Jul 2029) and the complaint closes after the recording grace (end of Wed 25 Jul).
    name: 'complaint-statutory-v1',
    start: {
      type: 'complaint-statutory',
      caseId: 'HIST-CS-1',
      localAuthority: 'england',
      anchors: { 'stage1-received': '2029-03-19' },
      assignment: { workerId: 'sw-eng-none', team: 'eng-demo' },
    },
    events: [
      [
        '2029-03-26T10:00:00+01:00',
        { type: 'extend', step: 'stage1-response', reason: 'complex complaint', agreedWithComplainant: true },
      ],
      done('2029-04-17T10:00:00+01:00', 'stage1-response'),
      anchor('2029-05-10T10:00:00+01:00', 'stage2-requested'),
      done('2029-06-20T10:00:00+01:00', 'stage2-response'),
    ],
    endsAt: '2029-07-27T10:00:00+01:00',
  },
  {
    // Derbyshire's corporate procedure: acknowledged, a revised target agreed, the response sent (it ends).
    name: 'complaint-corporate-v1',
    // After the statutory scenario in time: the test server's clock only moves forward.
    start: {
      type: 'complaint-corporate',
      caseId: 'HIST-CC-1',
      localAuthority: 'derbyshire',
      anchors: { received: '2029-09-03' },
      assignment: { workerId: 'sw-derb-01', team: 'derb-north-assessment' },
    },
    events: [
      done('2029-09-05T10:00:00+01:00', 'acknowledgement'),
      [
        '2029-09-20T10:00:00+01:00',
        {
          type: 'extend',
          step: 'response',
          reason: 'internal procedure ongoing',
          until: '2029-10-19',
          agreedWithComplainant: true,
        },
      ],
      done('2029-10-18T10:00:00+01:00', 'response'),
    ],
    endsAt: '2029-10-20T10:00:00+01:00',
  },
  // ---- Derbyshire, 2030 (after every scenario above). Dates worked by hand from profiles/data/derbyshire.json
  // over england.json and the England and Wales calendar (bank holidays 2030: Tue 1 Jan, Fri 19 and Mon 22 Apr,
  // Mon 6 May, Mon 27 May, Mon 26 Aug, Wed 25 and Thu 26 Dec; BST 31 Mar-27 Oct), each checked with a separate
  // working-day counter. Ladder: reminder -2 WD to the worker (sw-derb-01), overdue +1 WD to the team manager
  // (tm-derb-north), escalated +3 WD, critical +6 WD, at 09:00 London time. WD = working days, "N WD after X"
  // does not count X.
  {
    // Received Mon 7 Jan 10:00; decision due 1 WD = Tue 8 Jan (its reminder, Fri 4 Jan, is before the referral).
    // Not decided: overdue Wed 9 Jan 09:00 to tm-derb-north. Decided Wed 9 Jan 11:00, outcome assessment: the
    // hand-over activity starts single-assessment-HIST-REF-1-R-1, and the referral ends.
    name: 'referral-v1',
    start: {
      type: 'referral',
      caseId: 'HIST-REF-1',
      episode: 'R-1',
      localAuthority: 'derbyshire',
      anchors: { 'referral-received': '2030-01-07T10:00:00Z' },
      assignment: { workerId: 'sw-derb-01', team: 'derb-north-assessment' },
    },
    events: [doneAt('2030-01-09T11:00:00Z', 'referral-decision', { outcome: 'assessment' })],
    endsAt: '2030-01-09T12:00:00Z',
  },
  {
    // The assessment the referral handed over to, counted from the decision (Wed 9 Jan): initial visit 5 WD =
    // Wed 16 Jan (reminder Mon 14 Jan 09:00, visit that day 10:00); plan 7 WD = Fri 18 Jan (reminder Wed 16 Jan
    // 09:00, recorded Thu 17 Jan); complete 45 WD = Wed 13 Mar (Jan 10-31: 16, Feb: 20, Mar 1-13: 9; reminder
    // Mon 11 Mar, overdue Thu 14 Mar 09:00 to tm-derb-north); authorised Fri 15 Mar, before escalation (Mon 18 Mar).
    name: 'single-assessment-v1',
    start: { handedOverBy: 'referral-v1', workflowId: 'single-assessment-HIST-REF-1-R-1' },
    events: [
      doneAt('2030-01-14T10:00:00Z', 'initial-visit'),
      doneAt('2030-01-17T10:00:00Z', 'assessment-plan'),
      doneAt('2030-03-15T10:00:00Z', 'assessment-complete'),
    ],
    endsAt: '2030-03-15T12:00:00Z',
  },
  {
    // Concern Mon 1 Apr 14:30 BST: strategy discussion within 24 hours = Tue 2 Apr 14:30, held Wed 3 Apr 10:00,
    // so the breach goes to the duty manager (duty-derb) at Tue 2 Apr 14:30. Outcome s47 records s47-start then.
    // S47 15 WD after Wed 3 Apr (4, 5, 8-12, 15-18, [19, 22 Easter], 23-26) = Fri 26 Apr, concluded Wed 17 Apr
    // (outcome icpc); the ICPC counts from the same strategy discussion: Fri 26 Apr, reminder Wed 24 Apr 09:00,
    // held Thu 25 Apr 10:00, outcome child-protection-plan: the hand-over starts the plan and the enquiry ends.
    name: 'child-protection-enquiry-v1',
    start: {
      type: 'child-protection-enquiry',
      caseId: 'HIST-CP-1',
      localAuthority: 'derbyshire',
      anchors: { 'concern-raised': '2030-04-01T14:30:00+01:00' },
      assignment: { workerId: 'sw-derb-01', team: 'derb-north-assessment' },
    },
    events: [
      doneAt('2030-04-03T10:00:00+01:00', 'strategy-discussion', { outcome: 's47' }),
      doneAt('2030-04-17T10:00:00+01:00', 's47-complete', { outcome: 'icpc' }),
      doneAt('2030-04-25T10:00:00+01:00', 'icpc', { outcome: 'child-protection-plan' }),
    ],
    endsAt: '2030-04-25T12:00:00+01:00',
  },
  {
    // The plan from the ICPC (Thu 25 Apr 10:00). Visits every 10 WD from the last one at which the child was
    // seen, each before its reminder except #2 (due Fri 17 May, reminder Wed 15 May 09:00, seen that day
    // 10:00). First core group 10 WD = Fri 10 May (held Tue 7 May), then every 6 weeks from the last held:
    // Tue 18 Jun (held Thu 13 Jun), Thu 25 Jul (held Mon 22 Jul), Mon 2 Sep (held Tue 27 Aug). RCPC 3 months =
    // Thu 25 Jul, reminder Tue 23 Jul 09:00, held that day 10:00, outcome continue: the plan continues as new
    // (run 2). The next RCPC (6 months: Thu 23 Jan 2031) is brought forward to Thu 5 Sep and steps the plan
    // down to a child in need plan (hand-over); visit #14 (due Wed 11 Sep) and core group #4 lapse.
    name: 'child-protection-plan-v1',
    start: { handedOverBy: 'child-protection-enquiry-v1', workflowId: 'child-protection-plan-HIST-CP-1-1' },
    events: [
      seenAt('2030-05-02T10:00:00+01:00', 'cp-visit'), // #1 due Fri 10 May
      doneAt('2030-05-07T10:00:00+01:00', 'core-group-initial'),
      seenAt('2030-05-15T10:00:00+01:00', 'cp-visit'), // #2 due Fri 17 May: after its reminder
      seenAt('2030-05-22T10:00:00+01:00', 'cp-visit'), // #3 due Thu 30 May
      seenAt('2030-06-03T10:00:00+01:00', 'cp-visit'), // #4 due Thu 6 Jun
      seenAt('2030-06-12T10:00:00+01:00', 'cp-visit'), // #5 due Mon 17 Jun
      doneAt('2030-06-13T10:00:00+01:00', 'core-group'),
      seenAt('2030-06-21T10:00:00+01:00', 'cp-visit'), // #6 due Wed 26 Jun
      seenAt('2030-07-02T10:00:00+01:00', 'cp-visit'), // #7 due Fri 5 Jul
      seenAt('2030-07-11T10:00:00+01:00', 'cp-visit'), // #8 due Tue 16 Jul
      seenAt('2030-07-19T10:00:00+01:00', 'cp-visit'), // #9 due Thu 25 Jul
      doneAt('2030-07-22T10:00:00+01:00', 'core-group'),
      doneAt('2030-07-23T10:00:00+01:00', 'rcpc', { outcome: 'continue' }),
      seenAt('2030-07-30T10:00:00+01:00', 'cp-visit'), // #10 due Fri 2 Aug (run 2)
      seenAt('2030-08-07T10:00:00+01:00', 'cp-visit'), // #11 due Tue 13 Aug
      seenAt('2030-08-16T10:00:00+01:00', 'cp-visit'), // #12 due Wed 21 Aug
      doneAt('2030-08-27T10:00:00+01:00', 'core-group'),
      seenAt('2030-08-28T10:00:00+01:00', 'cp-visit'), // #13 due Mon 2 Sep (Mon 26 Aug a bank holiday)
      doneAt('2030-09-05T10:00:00+01:00', 'rcpc', { outcome: 'step-down' }),
    ],
    endsAt: '2030-09-05T12:00:00+01:00',
  },
  {
    // The child in need plan from the step-down (plan-agreed Thu 5 Sep 10:00). First meeting 10 WD = Thu 19 Sep:
    // reminder Tue 17 Sep 09:00, overdue Fri 20 Sep 09:00 to tm-derb-north copied to ps-derb-north, held that
    // day 10:00. Visits every 6 weeks: Thu 17 Oct (seen Mon 14 Oct), then Mon 25 Nov (seen Wed 20 Nov). Reviews
    // every 6 weeks from the plan meeting, then from the last review: Fri 1 Nov (reminder Wed 30 Oct 09:00,
    // held that day 10:00, continue: a new run), Wed 11 Dec (reminder Mon 9 Dec 09:00, held that day 10:00,
    // close: the plan ends).
    name: 'child-in-need-plan-v1',
    start: { handedOverBy: 'child-protection-plan-v1', workflowId: 'child-in-need-plan-HIST-CP-1-1' },
    events: [
      doneAt('2030-09-20T10:00:00+01:00', 'cin-plan'),
      seenAt('2030-10-14T10:00:00+01:00', 'cin-visit'),
      doneAt('2030-10-30T10:00:00Z', 'cin-review', { outcome: 'continue' }),
      seenAt('2030-11-20T10:00:00Z', 'cin-visit'),
      doneAt('2030-12-09T10:00:00Z', 'cin-review', { outcome: 'close' }),
    ],
    endsAt: '2030-12-09T12:00:00Z',
  },
  // Christmas Day 2030 (Wednesday, a bank holiday): the digest checks the day on its calendar and sends nothing.
  { name: 'daily-digest-v1-bank-holiday', digestAt: '2030-12-25T09:00:00Z' },
  // Fri 27 Dec 2030, a working day: one digest to each of the directory's 22 managers (an activity each).
  { name: 'daily-digest-v1', digestAt: '2030-12-27T09:00:00Z' },
  // ---- 2031 (after every scenario above): runs begun on the code behind the patch unbreakable-chain
  // (workflows/runClock.ts CHAIN_PATCH), and the familyEvent workflow. Bank holidays 2031 (England and
  // Wales): Wed 1 Jan, Fri 11 and Mon 14 Apr, Mon 5 May, Mon 26 May; BST from Sun 30 Mar. Same ladder and
  // conventions as the 2030 block above (England's, which Derbyshire inherits).
  {
    // Derbyshire, received Mon 6 Jan 10:00 GMT, decision due 1 WD = Tue 7 Jan (its reminder, Fri 3 Jan, is
    // before the referral). Moved in late: started Thu 16 Jan 10:00, after overdue (Wed 8 Jan), escalated
    // (Fri 10 Jan) and critical (Wed 15 Jan, 09:00 each) had passed: caught up in one notification, critical to
    // hos-derb copying tm-derb-north and sm-derb-assess (the other two are recorded, not sent). Decided that
    // day 11:00, outcome assessment: the hand-over starts single-assessment-HIST-REF-2-R-1; the referral ends.
    name: 'referral-v2',
    start: {
      type: 'referral',
      caseId: 'HIST-REF-2',
      episode: 'R-1',
      localAuthority: 'derbyshire',
      anchors: { 'referral-received': '2031-01-06T10:00:00Z' },
      assignment: { workerId: 'sw-derb-01', team: 'derb-north-assessment' },
    },
    startsAt: '2031-01-16T10:00:00Z',
    events: [doneAt('2031-01-16T11:00:00Z', 'referral-decision', { outcome: 'assessment' })],
    endsAt: '2031-01-16T12:00:00Z',
  },
  {
    // The assessment referral-v2 handed over to, counted from the decision (Thu 16 Jan): initial visit 5 WD =
    // Thu 23 Jan (visited Mon 20 Jan, before its reminder Tue 21 Jan); plan 7 WD = Mon 27 Jan (reminder Thu 23
    // Jan 09:00 to sw-derb-01, recorded Fri 24 Jan); complete 45 WD = Thu 20 Mar. Concluded early, Wed 12 Feb
    // 10:00, outcome child-in-need-plan: the hand-over starts child-in-need-plan-HIST-REF-2-R-1 (plan agreed
    // then) and the assessment ends.
    name: 'single-assessment-v2',
    start: { handedOverBy: 'referral-v2', workflowId: 'single-assessment-HIST-REF-2-R-1' },
    events: [
      doneAt('2031-01-20T10:00:00Z', 'initial-visit'),
      doneAt('2031-01-24T10:00:00Z', 'assessment-plan'),
      doneAt('2031-02-12T10:00:00Z', 'assessment-complete', { outcome: 'child-in-need-plan' }),
    ],
    endsAt: '2031-02-12T12:00:00Z',
  },
  {
    // England: concern Mon 3 Mar 14:30 GMT; the strategy discussion (England's step, 1 WD) is due Tue 4 Mar,
    // its reminder (Fri 28 Feb) before the concern; held Tue 4 Mar 10:00, outcome s47 (s47-start then). S47
    // and ICPC both 15 WD from Tue 4 Mar = Tue 25 Mar, reminders Fri 21 Mar 09:00. S47 concluded before its
    // reminder, Tue 18 Mar (outcome icpc); ICPC held Mon 24 Mar 10:00, after its reminder (sent to the team
    // manager tm-eng: sw-eng-none is not in the directory), outcome child-protection-plan: the hand-over starts
    // child-protection-plan-HIST-CP-2-1.
    name: 'child-protection-enquiry-v2',
    start: {
      type: 'child-protection-enquiry',
      caseId: 'HIST-CP-2',
      localAuthority: 'england',
      anchors: { 'concern-raised': '2031-03-03T14:30:00Z' },
      assignment: { workerId: 'sw-eng-none', team: 'eng-demo' },
    },
    events: [
      doneAt('2031-03-04T10:00:00Z', 'strategy-discussion', { outcome: 's47' }),
      doneAt('2031-03-18T10:00:00Z', 's47-complete', { outcome: 'icpc' }),
      doneAt('2031-03-24T10:00:00Z', 'icpc', { outcome: 'child-protection-plan' }),
    ],
    endsAt: '2031-03-24T12:00:00Z',
  },
  {
    // Two Derbyshire siblings (family HIST-FAM-1), each on a child in need plan agreed Tue 1 Apr 10:00 BST
    // (cin-plan due 10 WD = Thu 17 Apr over Easter, cin-visit 6 weeks = Tue 13 May: nothing falls due here).
    // HIST-FAM-1B's plan is closed Thu 3 Apr (its process ends; as if closed after the API had checked every
    // sibling). On Mon 7 Apr 10:00 one visit saw both children: familyEvent applies it to 1A; 1B's clock has
    // ended, so applyToSibling reports it refused, alarmSibling finds nothing to hold the alarm, and the alarm
    // goes straight to 1B's team manager (deliverNotification, tm-derb-north).
    name: 'family-event-v1',
    familyId: 'HIST-FAM-1',
    siblings: ['HIST-FAM-1A', 'HIST-FAM-1B'].map((caseId) => ({
      type: 'child-in-need-plan' as const,
      caseId,
      localAuthority: 'derbyshire',
      anchors: { 'plan-agreed': '2031-04-01T10:00:00+01:00' },
      assignment: { workerId: 'sw-derb-01', team: 'derb-north-assessment' },
    })),
    before: [
      [1, '2031-04-03T10:00:00+01:00', { type: 'close', reason: 'the family moved out of the area: case transferred' }],
    ],
    familyEvent: {
      eventId: 'VISIT-2031-04-07',
      at: '2031-04-07T10:00:00+01:00',
      event: { type: 'step-completed', step: 'cin-visit', occurredAt: '2031-04-07T10:00:00+01:00', seen: true },
    },
    expect: ['applied', 'refused'],
  },
  {
    // Intake claims referral R-2031-77 of Derbyshire for case HIST-CLAIM-1 (the claim ends at once).
    name: 'referral-claim-v1',
    claim: { localAuthority: 'derbyshire', referralId: 'R-2031-77', caseId: 'HIST-CLAIM-1' },
    at: '2031-06-02T10:00:00+01:00',
  },
];

const isFamily = (s: Scenario): s is FamilyScenario => 'familyEvent' in s;
const isClaim = (s: Scenario): s is ClaimScenario => 'claim' in s;
const isClock = (s: Scenario): s is ClockScenario => 'start' in s;
const fileOf = (name: string, run?: 'run1' | 'runlast') => resolve(__dirname, `${name}${run ? `-${run}` : ''}.json`);
const recorded = (name: string) => existsSync(fileOf(name)) || existsSync(fileOf(name, 'run1'));

/** The scenarios to write (named, or those without a file) and those to run: each with its predecessors. */
export function selectScenarios(names: string[]): { write: Set<string>; run: Scenario[] } {
  const known = new Map(SCENARIOS.map((s) => [s.name, s]));
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length)
    throw new Error(`no scenario named ${unknown.join(', ')}; known: ${[...known.keys()].join(', ')}`);
  const write = new Set(names.length ? names : SCENARIOS.filter((s) => !recorded(s.name)).map((s) => s.name));
  const needed = new Set<string>();
  const need = (name: string) => {
    needed.add(name);
    const s = known.get(name)!;
    if (isClock(s) && 'handedOverBy' in s.start) need(s.start.handedOverBy);
  };
  write.forEach(need);
  return { write, run: SCENARIOS.filter((s) => needed.has(s.name)) };
}

/** Activity types scheduled in a history, with counts: what a reader checks the recording did. */
function activitiesIn(
  history: Awaited<ReturnType<ReturnType<Client['workflow']['getHandle']>['fetchHistory']>>,
): string {
  const counts = new Map<string, number>();
  for (const e of history.events ?? []) {
    const type = e.activityTaskScheduledEventAttributes?.activityType?.name;
    if (type) counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  return [...counts].map(([k, v]) => `${k} x${v}`).join(', ') || 'no activities';
}

/** The first instant a process's clock counts from: a date's 09:00, or the datetime itself. */
function startInstant(start: StartProcess): string {
  const first = Object.values(start.anchors)
    .filter((v) => v > '2026')
    .sort()[0];
  return first.length === 10 ? `${first}T09:00:00Z` : first;
}

async function runClockScenario(t: ClockTestEnv, starter: ProcessStarter, s: ClockScenario, write: boolean) {
  let workflowId: string;
  if ('handedOverBy' in s.start) workflowId = s.start.workflowId;
  else {
    await skipTo(t, s.startsAt ?? startInstant(s.start));
    ({ workflowId } = await starter.start(s.start));
  }
  const handle = t.env.client.workflow.getHandle(workflowId);
  const first = (await handle.describe()).runId;
  for (const [instant, event] of s.events) {
    await skipTo(t, instant);
    await handle.executeUpdate(clockEventUpdate, { args: [event as never] });
  }
  await skipTo(t, s.endsAt);
  const runs = [...new Set([first, (await handle.describe()).runId])];
  for (const [i, runId] of runs.entries()) {
    const history = await t.env.client.workflow.getHandle(workflowId, runId).fetchHistory();
    const file = fileOf(s.name, runs.length > 1 ? (i === 0 ? 'run1' : 'runlast') : undefined);
    if (write) writeFileSync(file, historyToFile(history));
    console.log(`${write ? file : `${s.name} (run only)`}: ${history.events?.length} events; ${activitiesIn(history)}`);
  }
}

/** The siblings' processes, the events before, then familyEvent over them, waited for and checked. */
async function runFamilyScenario(t: ClockTestEnv, starter: ProcessStarter, s: FamilyScenario, write: boolean) {
  await skipTo(t, startInstant(s.siblings[0]));
  const siblings: FamilySibling[] = [];
  for (const req of s.siblings) {
    const { workflowId } = await starter.start({ ...req, familyId: s.familyId });
    siblings.push({
      workflowId,
      caseId: req.caseId,
      localAuthority: req.localAuthority,
      processType: req.type,
      assignment: req.assignment ?? {},
    });
  }
  for (const [i, instant, event] of s.before) {
    await skipTo(t, instant);
    await t.env.client.workflow
      .getHandle(siblings[i].workflowId)
      .executeUpdate(clockEventUpdate, { args: [event as never] });
  }
  await skipTo(t, s.familyEvent.at);
  const { eventId } = s.familyEvent;
  const workflowId = `family-event-${s.familyId}-${eventId}`;
  const input: FamilyEventInput = { familyId: s.familyId, eventId, event: s.familyEvent.event as ClockEvent, siblings };
  await t.env.client.workflow.start('familyEvent', { taskQueue: t.taskQueue, workflowId, args: [input] });
  // A plain client to wait for the result, as for the digest: the time-skipping client's would let the server leap ahead.
  const plain = new Client({ connection: t.env.connection, namespace: 'default' });
  const result: FamilyEventResult = await plain.workflow.getHandle(workflowId).result();
  const got = result.results.map((r) => r.status);
  if (got.join() !== s.expect.join())
    throw new Error(`${s.name}: expected ${s.expect.join(', ')}; got ${JSON.stringify(result.results)}`);
  const history = await t.env.client.workflow.getHandle(workflowId).fetchHistory();
  if (write) writeFileSync(fileOf(s.name), historyToFile(history));
  const what = result.results
    .map((r) => `${r.caseId} ${r.status}${r.alarm ? ` (alarm ${r.alarm}: ${r.field}: ${r.message})` : ''}`)
    .join('; ');
  console.log(
    `${write ? fileOf(s.name) : `${s.name} (run only)`}: ${history.events?.length} events; ${activitiesIn(history)}; ${what}`,
  );
}

/** A claim, started as intake starts it and waited for. */
async function runClaimScenario(t: ClockTestEnv, s: ClaimScenario, write: boolean) {
  await skipTo(t, s.at);
  const workflowId = claimIdFor(s.claim.localAuthority, s.claim.referralId);
  const plain = new Client({ connection: t.env.connection, namespace: 'default' });
  await plain.workflow.execute('referralClaim', {
    taskQueue: t.taskQueue,
    workflowId,
    args: [s.claim],
    memo: { caseId: s.claim.caseId },
  });
  const history = await t.env.client.workflow.getHandle(workflowId).fetchHistory();
  if (write) writeFileSync(fileOf(s.name), historyToFile(history));
  console.log(
    `${write ? fileOf(s.name) : `${s.name} (run only)`}: ${history.events?.length} events; ${activitiesIn(history)}`,
  );
}

/** The digest needs visibility: a real dev server to list from, and a worker whose digest activities use it. */
async function digestRunner(t: ClockTestEnv) {
  const server = await startDevServerOnFreePorts();
  const visibility = new Client({
    connection: await Connection.connect({ address: server.address }),
    namespace: 'default',
  });
  const worker = await startTestWorker(
    t.env.nativeConnection,
    t.env.client,
    { SMTP_PORT: String(t.mail.smtpPort) },
    visibility,
  );
  // A plain client to wait for results: the time-skipping client's result() would let the server leap ahead.
  const plain = new Client({ connection: t.env.connection, namespace: 'default' });
  return {
    async run(s: DigestScenario, write: boolean) {
      await skipTo(t, s.digestAt);
      const workflowId = `daily-digest-${at(s.digestAt)}`;
      // The calendar the Schedule hands each run, from the start of the digest's year.
      const outcome: DigestOutcome = await plain.workflow.execute('dailyDigest', {
        workflowId,
        taskQueue: worker.taskQueue,
        args: [{ calendar: calendarData([], `${s.digestAt.slice(0, 4)}-01-01`) }],
      });
      const history = await t.env.client.workflow.getHandle(workflowId).fetchHistory();
      if (write) writeFileSync(fileOf(s.name), historyToFile(history));
      console.log(
        `${write ? fileOf(s.name) : `${s.name} (run only)`}: ${history.events?.length} events; ${activitiesIn(history)}; ${outcome.skipped ?? `${outcome.sent.length} digests sent`}`,
      );
    },
    async stop() {
      await worker.close();
      await visibility.connection.close();
      await server.stop();
    },
  };
}

async function main() {
  const { write, run } = selectScenarios(process.argv.slice(2));
  if (!run.length) {
    console.log('every scenario has a recorded history; name the ones to record again');
    return;
  }
  await globalSetup();
  const t = await startTimeSkipping();
  let digests: Awaited<ReturnType<typeof digestRunner>> | undefined;
  try {
    const starter = new ProcessStarter(t.env.client, ProfileRegistry.fromDirectory(), t.taskQueue);
    for (const s of run) {
      if (isClock(s)) await runClockScenario(t, starter, s, write.has(s.name));
      else if (isFamily(s)) await runFamilyScenario(t, starter, s, write.has(s.name));
      else if (isClaim(s)) await runClaimScenario(t, s, write.has(s.name));
      else await (digests ??= await digestRunner(t)).run(s, write.has(s.name));
    }
  } finally {
    await digests?.stop();
    await t.teardown();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
