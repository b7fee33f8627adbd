/**
 * The one deadline-and-escalation loop every process runs. State is facts; due dates come from
 * buildSchedule; the loop waits until something changes or the next instant something is due, then
 * decides every notification whose time has come, once. A back-dated case needs no special path: its
 * first pass finds every tier it has reached and decides each once.
 */
import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertMemo,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { formatLondon } from '../../calendar/london';
import type { createActivities } from '../../activities';
import { clockEventUpdate, clockViewQuery, migrateRulesUpdate } from '../messages';
import { applyMigration, checkMigration } from './migrate';
import { currentDetails } from './details';
import { memoView } from './memo';
import { stepLabel } from './explain';
import { ProcessShape, shapeOf } from '../journeys';
import { Rejection, applyEvent, checkEvent, recordHistory } from './events';
import { compactForContinueAsNew } from './compact';
import { pendingMilestones } from './milestones';
import { timeLimitOf } from './timeLimit';
import type { ProcessType } from '../../profiles/schema';
import { Schedule, buildSchedule } from './schedule';
import * as SA from './searchAttributes';
import { initialState } from './state';
import type { ClockInput, ClockState, ClockView, NotificationRecord, NotificationRequest } from './types';

type Activities = ReturnType<typeof createActivities>;

// Delivery never gives up: an SMTP outage delays a notification, it never loses it (brief s5).
// Unlimited attempts (no maximumAttempts): retried until delivered.
const DELIVERY = {
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
} as const;
const { deliverNotification } = proxyActivities<Activities>(DELIVERY);
// Hand-overs retry transient failures; a refusal (bad anchors for the next process) is final and recorded.
const { startHandover, closeSuperseded } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute', nonRetryableErrorTypes: ['HandoverRefused'] },
});

/** Workflows recorded before milestones existed (test/histories/*-v1) replay without them; live runs decide them. */
export const MILESTONES_PATCH = 'care-leaver-milestones';

/** Continue as new well before Temporal's 10,240-event warning, even without a cycle boundary (brief s7). */
export const CONTINUE_AS_NEW_AT_EVENTS = 1500;

/** A review that closes a cycle: an outcome marked `cycle`, or any completion of a cycle step (a looked-after review). */
function endsCycle(shape: ProcessShape, event: { step: string; outcome?: string; seen?: boolean }): boolean {
  if (event.outcome && shape.outcomes[event.step]?.[event.outcome]?.cycle) return true;
  return (shape.cycleSteps ?? []).includes(event.step) && event.seen !== false;
}

export function toView(input: ClockInput, state: ClockState, schedule: Schedule, workflowId: string, finished: boolean): ClockView {
  const next = schedule.current;
  return {
    workflowId,
    type: input.processType,
    caseId: input.caseId,
    episode: input.episode,
    localAuthority: input.localAuthority,
    ...(state.assignment.team ? { team: state.assignment.team } : {}),
    status: state.closed ? 'closed' : finished || schedule.allDone || state.finished ? 'completed' : 'open',
    run: state.run,
    ...(state.finished ? { finished: state.finished } : {}),
    ...(input.steppedUpFrom ? { steppedUpFrom: input.steppedUpFrom } : {}),
    assignment: state.assignment,
    anchors: state.anchors,
    rulesVersion: `${input.rules.profileId}@${input.rules.version}`,
    calendarVersion: input.calendar.version,
    steps: schedule.steps,
    ...(next?.dueDate ? { nextDue: { step: next.key, occurrence: next.occurrence, dueDate: next.dueDate, dueAt: next.dueAt! } } : {}),
    ...(input.rules.timeLimit ? { timeLimit: timeLimitOf(input, state.anchors) } : {}),
    ...(state.closed ? { closed: state.closed } : {}),
    ...(state.handedOver ? { handedOver: state.handedOver } : {}),
    ...(state.migrations?.length ? { migrations: state.migrations } : {}),
    history: state.history.map(({ withheld: _typed, ...entry }) => entry),
  };
}

/** A validator's refusal: the caller gets the field and reason; nothing enters history. */
function refuse(rejection: Rejection | undefined) {
  if (!rejection) return;
  throw ApplicationFailure.create({ type: rejection.conflict ? 'Conflict' : rejection.forbidden ? 'Forbidden' : 'InvalidEvent', message: `${rejection.field}: ${rejection.message}`, details: [rejection], nonRetryable: true });
}

function safeSchedule(input: ClockInput, state: ClockState, now: number, workflowId: string): Schedule {
  try {
    return buildSchedule(input, state, now, workflowId);
  } catch (err) {
    // Only ApplicationFailure may leave workflow code: anything else would retry the task forever.
    throw ApplicationFailure.nonRetryable(`cannot compute the schedule: ${(err as Error).message}`, 'ScheduleError');
  }
}

export async function runClock(input: ClockInput, shape: ProcessShape = shapeOf(input.processType)): Promise<ClockView> {
  const { workflowId } = workflowInfo();
  const state = initialState(input);
  if (input.carried) recordHistory(state, formatLondon(Date.now()), `run ${state.run} (continued as new, rules ${input.rules.version} carried)`);
  else {
    recordHistory(state, formatLondon(Date.now()), `started on ${input.rules.profileId} rules ${input.rules.version}, calendar ${input.calendar.version}${input.startedBy ? ` by ${input.startedBy}` : ''}`);
    const limit = timeLimitOf(input, state.anchors);
    if (limit?.acceptedLate) recordHistory(state, formatLondon(Date.now()), `made after the time limit (${limit.limitDate}, ${limit.source}); considered anyway: ${limit.acceptedLate.reason}`, limit.acceptedLate.by, [limit.acceptedLate.reason]);
  }
  let changed = false;
  let cycleEnded = false;
  const deliveries: Promise<void>[] = [];

  setHandler(clockViewQuery, () => toView(input, state, safeSchedule(input, state, Date.now(), workflowId), workflowId, false));
  setHandler(
    clockEventUpdate,
    (event) => {
      // A retried event (same eventId) after continue-as-new, where the server's own dedupe ends: applied once.
      if (event.eventId && state.recentEventIds.includes(event.eventId)) {
        return toView(input, state, safeSchedule(input, state, Date.now(), workflowId), workflowId, false);
      }
      applyEvent(input, state, event, Date.now(), shape);
      if (event.type === 'step-completed' && endsCycle(shape, event)) cycleEnded = true;
      changed = true;
      return toView(input, state, safeSchedule(input, state, Date.now(), workflowId), workflowId, false);
    },
    {
      validator: (event) => {
        if (event.eventId && state.recentEventIds.includes(event.eventId)) return;
        refuse(checkEvent(input, state, event, Date.now(), shape));
      },
    },
  );

  setHandler(
    migrateRulesUpdate,
    (m) => {
      applyMigration(input, state, m, Date.now());
      changed = true;
      return toView(input, state, safeSchedule(input, state, Date.now(), workflowId), workflowId, false);
    },
    {
      validator: (m) => {
        refuse(checkMigration(input, state, m, Date.now()));
      },
    },
  );

  let lastSearch = '';
  let lastMemo = '';
  const publish = (schedule: Schedule, finished: boolean) => {
    const view = toView(input, state, schedule, workflowId, finished);
    const current = schedule.current;
    const search = {
      team: state.assignment.team ?? '',
      step: current?.key ?? '',
      due: current?.dueAt ?? '',
      overdue: schedule.overdueSteps,
      level: schedule.escalationLevel,
    };
    const searchJson = JSON.stringify(search);
    // Each upsert is a history event: only on change (brief s7).
    if (searchJson !== lastSearch) {
      lastSearch = searchJson;
      upsertSearchAttributes([
        { key: SA.Team, value: search.team || null },
        { key: SA.CurrentStep, value: search.step || null },
        { key: SA.NextDueDate, value: current?.dueAt ? new Date(Date.parse(current.dueAt)) : null },
        { key: SA.OverdueSteps, value: search.overdue.length ? search.overdue : null },
        { key: SA.EscalationLevel, value: search.level },
      ]);
    }
    // The memo is listed to anyone who reads the namespace: no free text or birth dates (memo.ts).
    const memo = memoView(input, state, view);
    const memoJson = JSON.stringify(memo);
    if (memoJson !== lastMemo) {
      lastMemo = memoJson;
      upsertMemo({ clock: memo });
    }
    setCurrentDetails(currentDetails(input, view));
  };

  const decide = (schedule: Schedule) => {
    const decidedAt = formatLondon(Date.now());
    for (const d of schedule.decisions) {
      const view = schedule.steps.find((s) => s.key === d.step.key && s.occurrence === d.occurrence)!;
      const record: NotificationRecord = { key: d.key, step: d.step.key, occurrence: d.occurrence, tier: d.tier, role: d.role, ...(d.cc ? { cc: d.cc } : {}), firesAt: formatLondon(d.firesAt), decidedAt };
      state.notifications.push(record);
      recordHistory(state, decidedAt, `${d.tier} for ${stepLabel(d.step, d.occurrence)} to ${d.role}${d.cc ? ` (copy to ${d.cc.join(', ')})` : ''}`);
      const request: NotificationRequest = {
        key: d.key,
        workflowId,
        processType: input.processType,
        caseId: input.caseId,
        localAuthority: input.localAuthority,
        step: d.step.key,
        stepTitle: d.step.title,
        occurrence: d.occurrence,
        tier: d.tier,
        role: d.role,
        ...(d.cc ? { cc: d.cc } : {}),
        // Resolved at decision time, so a reassignment made before this tier fired is respected.
        assignment: { ...state.assignment },
        ...(view.dueDate ? { dueDate: view.dueDate, dueAt: view.dueAt } : {}),
        firesAt: record.firesAt,
        decidedAt,
        ...(view.explanation ? { explanation: view.explanation } : {}),
        ...(input.correlationId ? { correlationId: input.correlationId } : {}),
      };
      deliveries.push(
        deliverNotification.executeWithOptions(
          { ...DELIVERY, summary: `${d.tier}: ${stepLabel(d.step, d.occurrence)} to ${d.role}` },
          [request],
        ).then((result) => {
          record.deliveredAt = result.deliveredAt;
          record.recipients = result.recipients;
          changed = true;
        }),
      );
    }
  };

  /** Outcome effects that need the outside world: start the next process, close the one superseded. */
  const handOver = async () => {
    for (const [step, outcomes] of Object.entries(shape.outcomes)) {
      const done = (state.completions[step] ?? []).filter((c) => c.outcome && outcomes[c.outcome]);
      for (const c of done) {
        const effect = outcomes[c.outcome!];
        if (effect.supersedes && input.steppedUpFrom && !state.superseded) {
          const reason = `superseded: ${effect.means} (${workflowId}, ${step} ${c.occurredAt})`;
          await closeSuperseded({ workflowId: input.steppedUpFrom, reason });
          state.superseded = { workflowId: input.steppedUpFrom, at: formatLondon(Date.now()) };
          recordHistory(state, state.superseded.at, `closed ${input.steppedUpFrom}: ${reason}`);
        }
        if (!effect.starts || state.handedOver) continue;
        if (effect.starts.unlessSteppedUp && input.steppedUpFrom) {
          state.handedOver = { to: input.steppedUpFrom, at: formatLondon(Date.now()) };
          recordHistory(state, state.handedOver.at, `${effect.means}: the child's existing plan ${input.steppedUpFrom} continues`);
          continue;
        }
        const anchors: Record<string, string> = {};
        for (const [name, from] of Object.entries(effect.starts.anchors)) {
          const value = from === 'outcome' ? c.occurredAt : state.anchors[from.from];
          if (value) anchors[name] = value;
        }
        await startNext(effect.starts.type, anchors, `${step}: ${c.outcome}`, effect.means);
      }
    }
  };

  /** Starts the next process of the case (idempotently); a refusal is recorded, not retried. */
  const startNext = async (type: ProcessType, anchors: Record<string, string>, why: string, means: string) => {
    try {
      const started = await startHandover({
        type,
        caseId: input.caseId,
        episode: input.episode,
        localAuthority: input.localAuthority,
        anchors,
        assignment: state.assignment,
        ...(input.familyId ? { familyId: input.familyId } : {}),
        startedBy: `${input.processType} ${workflowId} (${why})`,
        correlationId: input.correlationId,
      });
      state.handedOver = { to: started.workflowId, at: formatLondon(Date.now()) };
      recordHistory(state, state.handedOver.at, `${means}: ${started.workflowId} ${started.existing ? 'already running' : 'started'}`);
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      const reason = err.cause instanceof ApplicationFailure ? err.cause.message : err.message;
      state.handedOver = { to: type, at: formatLondon(Date.now()), error: reason };
      recordHistory(state, state.handedOver.at, `could not start ${type}: ${reason}; start it through the API`);
    }
  };

  /**
   * Decides the milestones whose day has come (birthdays, eligibility as a care leaver), once each, and
   * returns when the next one falls. Histories recorded before milestones existed replay without them.
   */
  const reachMilestones = async (): Promise<number | undefined> => {
    for (const m of pendingMilestones(shape, state)) {
      if (m.at > Date.now()) return m.at;
      if (!patched(MILESTONES_PATCH)) return undefined;
      const at = formatLondon(Date.now());
      state.reached[m.milestone.key] = { date: m.date, at, what: m.milestone.means };
      // A birthday is the child's date of birth in another year: withheld from the memo like the date itself.
      const birthday = 'birthday' in m.milestone.at || m.anchor === 'sixteenth-birthday';
      recordHistory(state, at, `${m.date}: ${m.milestone.means}`, undefined, birthday ? [m.date] : []);
      changed = true;
      if (m.milestone.starts) {
        const anchors: Record<string, string> = m.anchor ? { [m.anchor]: m.date } : {};
        for (const [name, from] of Object.entries(m.milestone.starts.anchors)) if (state.anchors[from.from]) anchors[name] = state.anchors[from.from];
        await startNext(m.milestone.starts.type, anchors, `${m.milestone.key} ${m.date}`, m.milestone.means);
      }
      if (m.milestone.ends) {
        state.finished = { reason: `${m.milestone.means} (${m.date})`, at, step: m.milestone.key, outcome: 'reached' };
        return undefined;
      }
    }
    return undefined;
  };

  for (;;) {
    const now = Date.now();
    const schedule = safeSchedule(input, state, now, workflowId);
    if (schedule.lapsed && !state.closed && !state.finished) {
      // The complainant did not ask for the next stage in time: the complaint closes (no one is escalated).
      const { step, lastDay, closesAfter } = schedule.lapsed;
      const at = formatLondon(now);
      state.finished = { reason: `${step.key} lapsed: no ${step.window!.closedBy} dated by ${lastDay} was recorded by the end of ${closesAfter}; the complaint is closed`, at, step: step.key, outcome: 'lapsed' };
      recordHistory(state, at, state.finished.reason);
      continue;
    }
    decide(schedule);
    publish(schedule, false);
    await handOver();
    const nextMilestone = state.closed || state.finished ? undefined : await reachMilestones();
    if (state.closed || state.finished) break;
    if (schedule.allDone && nextMilestone === undefined) break;
    const info = workflowInfo();
    if (cycleEnded || info.continueAsNewSuggested || info.historyLength > CONTINUE_AS_NEW_AT_EVENTS) {
      // Finish what this run started (deliveries, events in flight), then carry the facts, not the history.
      changed = false;
      await Promise.all(deliveries);
      await condition(allHandlersFinished);
      if (!changed) {
        const carried = compactForContinueAsNew(input, state, Date.now());
        await continueAsNew<(i: ClockInput) => Promise<ClockView>>({ ...input, carried });
      }
      continue;
    }
    changed = false;
    const wakeAt = [schedule.nextWakeAt, nextMilestone].filter((x): x is number => x !== undefined).sort((a, b) => a - b)[0];
    const wait = wakeAt === undefined ? undefined : Math.max(wakeAt - now, 1);
    const label = schedule.current?.dueDate ? `next: ${schedule.current.key} due ${schedule.current.dueDate}` : 'waiting for events';
    if (wait === undefined) await condition(() => changed);
    else await condition(() => changed, wait, { summary: label });
  }

  // Notifications already decided are still delivered after close; then the final view is kept in memo.
  await Promise.all(deliveries);
  await condition(allHandlersFinished);
  const final = safeSchedule(input, state, Date.now(), workflowId);
  publish(final, true);
  return toView(input, state, final, workflowId, true);
}
