/**
 * Records the histories the replay test (test/workflow/replay.test.ts) replays against the current
 * workflow code. Run it when a workflow type is added, and keep the old files: they are what running
 * workflows of an earlier release look like, so a code change that would break them fails CI until it
 * is patched (brief s6). Each scenario runs on a real time-skipping server with the real worker.
 *
 *   npm run histories:record            (writes test/histories/<name>.json)
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ProfileRegistry } from '../../profiles/load';
import { ProcessStarter } from '../../processes/start';
import type { StartProcess } from '../../processes/contracts';
import { clockEventUpdate } from '../../workflows/messages';
import globalSetup from '../support/bundle.global';
import { historyToFile } from './files';
import { startTimeSkipping } from '../support/timeSkipping';
import { skipTo } from '../workflow/journeys/run';

interface Scenario {
  name: string;
  start: StartProcess;
  /** [instant to skip to, event]; the event's occurredAt/at is that instant's date. */
  events: [string, Record<string, unknown>][];
  /** Skip to this instant at the end (timers and notifications in between are part of the history). */
  endsAt: string;
}

const at = (iso: string) => iso.slice(0, 10);
const done = (iso: string, step: string, extra: Record<string, unknown> = {}): [string, Record<string, unknown>] => [iso, { type: 'step-completed', step, occurredAt: at(iso), ...extra }];
const anchor = (iso: string, name: string, kind?: string): [string, Record<string, unknown>] => [iso, { type: 'anchor', anchor: name, at: at(iso), ...(kind ? { kind } : {}) }];

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
      [ '2029-12-01T10:00:00Z', { type: 'close', reason: 'recorded for the replay test' } ],
    ],
    endsAt: '2029-12-02T10:00:00Z',
  },
  {
    // Stage 1 extended to the maximum, stage 2 asked for and answered; nobody asks for stage 3, so the
    // window lapses (Wed 18 Jul 2029) and the complaint closes after the recording grace (end of Wed 25 Jul).
    name: 'complaint-statutory-v1',
    start: { type: 'complaint-statutory', caseId: 'HIST-CS-1', localAuthority: 'england', anchors: { 'stage1-received': '2029-03-19' }, assignment: { workerId: 'sw-eng-none', team: 'eng-demo' } },
    events: [
      ['2029-03-26T10:00:00+01:00', { type: 'extend', step: 'stage1-response', reason: 'complex complaint', agreedWithComplainant: true }],
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
    start: { type: 'complaint-corporate', caseId: 'HIST-CC-1', localAuthority: 'derbyshire', anchors: { received: '2029-09-03' }, assignment: { workerId: 'sw-derb-01', team: 'derb-north-assessment' } },
    events: [
      done('2029-09-05T10:00:00+01:00', 'acknowledgement'),
      ['2029-09-20T10:00:00+01:00', { type: 'extend', step: 'response', reason: 'internal procedure ongoing', until: '2029-10-19', agreedWithComplainant: true }],
      done('2029-10-18T10:00:00+01:00', 'response'),
    ],
    endsAt: '2029-10-20T10:00:00+01:00',
  },
];

async function main() {
  const only = process.argv.slice(2);
  await globalSetup();
  const t = await startTimeSkipping();
  try {
    const starter = new ProcessStarter(t.env.client, ProfileRegistry.fromDirectory(), t.taskQueue);
    for (const s of SCENARIOS.filter((x) => !only.length || only.includes(x.name))) {
      await skipTo(t, Object.values(s.start.anchors).filter((v) => v > '2026').sort()[0] + 'T09:00:00Z');
      const { workflowId } = await starter.start(s.start);
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
        const file = resolve(__dirname, `${s.name}${runs.length > 1 ? `-run${i === 0 ? 1 : 'last'}` : ''}.json`);
        writeFileSync(file, historyToFile(history));
        console.log(`${file}: ${history.events?.length} events`);
      }
    }
  } finally {
    await t.teardown();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
