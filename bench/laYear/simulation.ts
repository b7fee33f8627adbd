/**
 * The simulated year, day by day, against the time-skipping server: skip to 10:01 London, start the
 * day's referrals (the API's path, services/start.ts) and children coming into care, then record every
 * event the practitioners planned for that day as the clockEvent Update, planning what each returned
 * clock calls for next. Processes started by hand-over (assessments, enquiries, plans) are found by the
 * workflow id the hand-over gives them and driven the same way.
 */
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type ApplicationFailure } from '@temporalio/client';
import { addDays } from '../../engine/calendar/localDate';
import { processTypeOf, workflowIdFor } from '../../engine/catalogue';
import { StartError, type ProcessStarter } from '../../services/start';
import type { ClockView } from '../../engine/types';
import type { ClockEvent } from '../../engine/events/contract';
import { shapeOf } from '../../engine/catalogue';
import { clockEventUpdate, clockViewQuery } from '../../workflows/messages';
import { waitFor } from '../../harness/ports';
import type { ClockTestEnv } from '../../harness/timeSkipping';
import { Action, Caseworker, Completion, eventInstant, keyOf, occurredAt } from './caseworker';
import type { PlannedChild, PlannedReferral, YearPlan } from './plan';

/** Updates in flight at once: enough to keep the worker's two cores busy without flooding the server. */
const IN_FLIGHT = 24;

/**
 * The day's events happen at 10:00 London and are entered a minute later: the server is skipped to 10:01,
 * so the timers due at 10:00 itself (an hour rule counted from an event of 10:00 the day before: York's
 * allocation, 24 hours from the decision; a strategy discussion 24 hours from an assessment's conclusion)
 * fire and are handled before the day's Updates arrive. An Update whose workflow task cancels a timer
 * that fired while the task was with the worker strands the run on the time-skipping server (it refuses
 * the completion, "invalid history builder state for action", and never times the task out or sends it
 * again: temporalio/sdk-java#2606, #3088), and the stranded task stops time skipping for the whole year.
 * A real server fails such a task and retries it. The events keep their 10:00 (occurredAt).
 */
const ENTERED_AFTER_MS = 60_000;

interface Tracked {
  type: string;
  status: ClockView['status'];
  workerId?: string;
}

export interface Tally {
  started: Record<string, number>;
  eventsSent: number;
  completions: number;
  /** Completions recorded after the step's due date, as the returned clock says. */
  late: number;
  noAccess: number;
  anchors: number;
  refused: Record<string, number>;
  refusalExamples: string[];
  /** Updates to a process that had already ended (e.g. a review closed it before a visit was recorded). */
  ended: number;
  lostHandovers: string[];
  /** Hand-overs seen refused as they happened (the year's end counts them, with their alarms, from the views). */
  handoversRefusedLive: number;
  /** Planned starts the starter refused (422), with why. */
  startsRefused: string[];
}

export class YearSimulation {
  readonly tracked = new Map<string, Tracked>();
  readonly tally: Tally = {
    started: {},
    eventsSent: 0,
    completions: 0,
    late: 0,
    noAccess: 0,
    anchors: 0,
    refused: {},
    refusalExamples: [],
    ended: 0,
    lostHandovers: [],
    handoversRefusedLive: 0,
    startsRefused: [],
  };
  private readonly agenda = new Map<string, Action[]>();
  private readonly scheduled = new Map<string, Set<string>>();

  constructor(
    private readonly t: ClockTestEnv,
    private readonly starter: ProcessStarter,
    private readonly caseworker: Caseworker,
    private readonly plan: YearPlan,
    private readonly progress: (day: string) => void,
  ) {}

  /** A process started by one the year tracked that the case system never saw (a milestone's, at the year's end). */
  adopt(workflowId: string, type: string, status: ClockView['status']) {
    if (this.tracked.has(workflowId)) return;
    this.tracked.set(workflowId, { type, status });
    this.tally.started[type] = (this.tally.started[type] ?? 0) + 1;
  }

  get open(): number {
    let n = 0;
    for (const p of this.tracked.values()) if (p.status === 'open') n++;
    return n;
  }

  async run(first: string, last: string): Promise<void> {
    const referrals = groupBy(this.plan.referrals, (r) => r.day);
    const children = groupBy(this.plan.children, (c) => c.day);
    for (let day = first; day <= last; day = addDays(day, 1)) {
      await this.skipTo(eventInstant(day) + ENTERED_AFTER_MS);
      await inPool([...(referrals.get(day) ?? []), ...(children.get(day) ?? [])], IN_FLIGHT, async (item) => {
        try {
          await ('referralId' in item ? this.refer(item, day) : this.placeInCare(item, day));
        } catch (err) {
          // A start the API would answer 422: counted and shown in the notes, the year goes on.
          if (!(err instanceof StartError)) throw err;
          this.tally.startsRefused.push(`${item.caseId} (${item.la}) ${err.field}: ${err.message}`);
        }
      });
      await this.work(day);
      if (day === last || addDays(day, 1).slice(0, 7) !== day.slice(0, 7)) this.progress(day);
    }
  }

  private async skipTo(ms: number) {
    const gap = ms - (await this.t.env.currentTimeMs());
    if (gap > 0) await this.t.env.sleep(gap);
  }

  private async refer(r: PlannedReferral, day: string) {
    // What POST /api/referrals does: the same starter, every step's anchor required.
    const anchors: Record<string, string> = {
      'referral-received': r.receivedAt,
      ...(r.contactReceivedAt ? { 'contact-received': r.contactReceivedAt } : {}),
    };
    const { workflowId } = await this.starter.start(
      {
        type: 'referral',
        caseId: r.caseId,
        episode: r.referralId,
        localAuthority: r.la,
        anchors,
        assignment: r.assignment,
      },
      { requireAllStepAnchors: true, startedBy: `intake referral ${r.referralId}` },
    );
    await this.follow(workflowId, 'referral', day, r.assignment.workerId);
  }

  private async placeInCare(c: PlannedChild, day: string) {
    const { workflowId } = await this.starter.start({
      type: 'looked-after',
      caseId: c.caseId,
      localAuthority: c.la,
      anchors: { 'date-of-birth': c.dateOfBirth, 'became-looked-after': day, 'placement-start': occurredAt(day) },
      anchorKinds: { 'placement-start': c.kind },
      assignment: c.assignment,
    });
    await this.follow(workflowId, 'looked-after', day, c.assignment.workerId);
    // A move to another placement and leaving care are facts of the child's life, planned for the year.
    if (c.move)
      this.add(
        {
          kind: 'anchor',
          workflowId,
          date: c.move.day,
          anchor: 'placement-start',
          anchorKind: c.move.kind,
          retries: 0,
        },
        `move:${c.move.day}`,
      );
    if (c.ceases) this.add({ kind: 'anchor', workflowId, date: c.ceases, anchor: 'ceased-looked-after', retries: 0 });
  }

  /** Reads a process's clock once it exists (a hand-over's start runs in an activity), then plans for it. */
  private async follow(workflowId: string, type: string, day: string, workerId?: string) {
    if (this.tracked.has(workflowId)) return;
    this.tracked.set(workflowId, { type, status: 'open', ...(workerId ? { workerId } : {}) });
    this.tally.started[type] = (this.tally.started[type] ?? 0) + 1;
    const handle = this.t.env.client.workflow.getHandle(workflowId);
    try {
      const view = await waitFor(
        `${workflowId} to answer`,
        async () => {
          try {
            return await handle.query(clockViewQuery);
          } catch (err) {
            if (err instanceof WorkflowNotFoundError) return undefined;
            throw err;
          }
        },
        120_000,
        100,
      );
      this.observe(view, day);
    } catch (err) {
      this.tally.lostHandovers.push(`${workflowId}: ${(err as Error).message}`);
    }
  }

  private observe(view: ClockView, today: string) {
    const p = this.tracked.get(view.workflowId);
    if (p) p.status = view.status;
    if (view.status !== 'open') return;
    const mine = this.scheduled.get(view.workflowId);
    for (const a of this.caseworker.next(view, today, (key) => mine?.has(key) ?? false)) this.add(a);
  }

  private add(a: Action, key = keyOf(a)) {
    let mine = this.scheduled.get(a.workflowId);
    if (!mine) this.scheduled.set(a.workflowId, (mine = new Set()));
    mine.add(key);
    const list = this.agenda.get(a.date) ?? [];
    list.push(a);
    this.agenda.set(a.date, list);
  }

  /** Everything due today, each process's events in order, processes side by side; new ones for today too. */
  private async work(day: string) {
    for (;;) {
      const due = this.agenda.get(day);
      if (!due?.length) break;
      this.agenda.delete(day);
      await inPool([...groupBy(due, (a) => a.workflowId).values()], IN_FLIGHT, async (actions) => {
        for (const a of actions) await this.apply(a, day);
      });
    }
  }

  private async apply(a: Action, day: string) {
    const p = this.tracked.get(a.workflowId);
    if (!p || p.status !== 'open') return;
    const by = { by: p.workerId ?? 'la-year-bench', byRole: 'social-worker' };
    const event: ClockEvent =
      a.kind === 'anchor'
        ? {
            type: 'anchor',
            anchor: a.anchor,
            at: occurredAt(a.date),
            ...(a.anchorKind ? { kind: a.anchorKind } : {}),
            ...by,
          }
        : {
            type: 'step-completed',
            step: a.step,
            occurredAt: occurredAt(a.date),
            ...(a.outcome && a.seen !== false ? { outcome: a.outcome } : {}),
            ...(a.seen !== undefined ? { seen: a.seen } : {}),
            ...by,
          };
    let view: ClockView;
    try {
      this.tally.eventsSent++;
      view = await this.t.env.client.workflow
        .getHandle(a.workflowId)
        .executeUpdate(clockEventUpdate, { args: [event] });
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) {
        // Ended meanwhile (an outcome, a review that closed it, leaving care): nothing more to record.
        this.tally.ended++;
        p.status = 'completed';
        return;
      }
      if (!(err instanceof WorkflowUpdateFailedError)) throw err;
      const cause = err.cause as ApplicationFailure | undefined;
      const kind = `${cause?.type ?? 'unknown'} ${a.kind === 'anchor' ? `anchor ${a.anchor}` : a.step}`;
      this.tally.refused[kind] = (this.tally.refused[kind] ?? 0) + 1;
      if (this.tally.refusalExamples.length < 8)
        this.tally.refusalExamples.push(`${a.workflowId} ${JSON.stringify(event)}: ${cause?.message ?? err.message}`);
      const again = cause?.type === 'Conflict' ? this.caseworker.retry(a) : undefined;
      if (again) this.add(again);
      return;
    }
    if (a.kind === 'anchor') this.tally.anchors++;
    else if (a.seen === false) {
      this.tally.noAccess++;
      this.add(this.caseworker.revisit(a), `revisit:${keyOf(a)}`);
    } else {
      this.tally.completions++;
      const done = view.steps.find((s) => s.key === a.step && s.occurrence === a.occurrence);
      if (done?.late) this.tally.late++;
    }
    this.observe(view, day);
    if (a.kind === 'complete' && a.seen !== false) await this.handedOver(view, a, day);
    await this.startedByMilestone(view, day);
  }

  /**
   * A process a milestone started (a looked-after child eligible as a care leaver at 16: the pathway plan),
   * seen in the next view of the process that made it: followed and driven like the others.
   */
  private async startedByMilestone(view: ClockView, day: string) {
    const to = view.handedOver && !view.handedOver.error ? view.handedOver.to : undefined;
    if (!to || this.tracked.has(to)) return;
    const type = processTypeOf(to);
    if (type) await this.follow(to, type, day, this.tracked.get(view.workflowId)?.workerId);
  }

  /**
   * An outcome that starts the next process: follow it by the id the hand-over gives it. A hand-over the
   * next process refuses is not started here: the process that made it stays open with its alarm (and
   * view.pendingHandover), which the year's end counts from every final view (handoverReport).
   */
  private async handedOver(view: ClockView, a: Completion, day: string) {
    const starts = a.outcome ? shapeOf(view.type).outcomes[a.step]?.[a.outcome]?.starts : undefined;
    if (!starts || (starts.unlessSteppedUp && view.steppedUpFrom)) return;
    const target = workflowIdFor(starts.type, view.caseId, view.episode);
    const workerId = this.tracked.get(a.workflowId)?.workerId;
    const handover = await waitFor<{ refused?: string }>(
      `${target} or its refusal`,
      async () => {
        if (await this.exists(target)) return {};
        const memo = (await this.t.env.client.workflow.getHandle(a.workflowId).describe()).memo as
          { clock?: ClockView } | undefined;
        const error = memo?.clock?.pendingHandover?.error ?? memo?.clock?.handedOver?.error;
        return error ? { refused: error } : undefined;
      },
      120_000,
      100,
    ).catch((err: Error) => {
      // Neither started nor refused in two minutes: reported, not started twice.
      this.tally.lostHandovers.push(`${target}: ${err.message}`);
      return undefined;
    });
    if (!handover) return;
    if (handover.refused) {
      this.tally.handoversRefusedLive++;
      return;
    }
    await this.follow(target, starts.type, day, workerId);
  }

  private async exists(workflowId: string): Promise<boolean> {
    try {
      await this.t.env.client.workflow.getHandle(workflowId).describe();
      return true;
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return false;
      throw err;
    }
  }
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const i of items) {
    const k = key(i);
    const list = m.get(k);
    if (list) list.push(i);
    else m.set(k, [i]);
  }
  return m;
}

/** Runs fn over items with at most `limit` at once. */
export async function inPool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]);
  });
  await Promise.all(lanes);
}
