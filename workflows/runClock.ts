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
import { formatLondon } from '../engine/calendar/london';
import type { createActivities } from '../activities';
import {
  clockAlarmUpdate,
  clockCheckQuery,
  clockEventSenderQuery,
  clockEventUpdate,
  clockViewQuery,
  migrateRulesUpdate,
} from './messages';
import { applyMigration, checkMigration } from '../engine/migrate';
import { currentDetails } from '../engine/explain/details';
import { memoView } from '../engine/explain/memo';
import { stepLabel } from '../engine/explain/explain';
import { ProcessShape, handoverAnchors, shapeOf } from '../engine/catalogue';
import { Rejection, applyEvent, checkEvent, recordHistory, repeatedEvent } from '../engine/events';
import { compactForContinueAsNew } from '../engine/compact';
import { pendingMilestones } from '../engine/compute/milestones';
import { endsCycle, toView } from '../engine/explain/view';
import { timeLimitOf } from '../engine/compute/timeLimit';
import type { ProcessType } from '../engine/profile/schema';
import { Schedule, buildSchedule } from '../engine/compute/schedule';
import * as SA from './searchAttributes';
import { initialState } from '../engine/state';
import { alarmStep, clearAlarm, clearAlarms, openAlarms, raiseAlarm, stalledWhat } from '../engine/decide/alarms';
import type { ClockInput, ClockState, ClockView, NotificationRecord, NotificationRequest } from '../engine/types';
import type { ClockEvent } from '../engine/events/contract';

type Activities = ReturnType<typeof createActivities>;

// Delivery never gives up: an SMTP outage delays a notification, it never loses it (docs/design.md, Notifications).
// Unlimited attempts (no maximumAttempts): retried until delivered.
export const DELIVERY = {
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
} as const;
const { deliverNotification } = proxyActivities<Activities>(DELIVERY);
// Hand-overs retry transient failures; a refusal (bad anchors for the next process) is final and recorded.
const { startHandover, closeSuperseded, informCaseProcesses } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute', nonRetryableErrorTypes: ['HandoverRefused'] },
});

/** Workflows recorded before milestones existed (test/histories/*-v1) replay without them; live runs decide them. */
export const MILESTONES_PATCH = 'care-leaver-milestones';

/** A milestone's timer is labelled by the milestone; histories recorded before keep the step's label. */
export const MILESTONE_LABEL_PATCH = 'milestone-timer-label';

/**
 * Runs begun before the chain of processes was made unbreakable (alarms, caught-up tiers, steps done
 * before the start, retried hand-overs) keep the old behaviour to their end; new runs have it all.
 */
export const CHAIN_PATCH = 'unbreakable-chain';

/** Continue as new well before Temporal's 10,240-event warning, even without a cycle boundary (docs/design.md, Temporal). */
export const CONTINUE_AS_NEW_AT_EVENTS = 1500;

/** A validator's refusal: the caller gets the field and reason; nothing enters history. */
function refuse(rejection: Rejection | undefined) {
  if (!rejection) return;
  throw ApplicationFailure.create({
    type: rejection.conflict ? 'Conflict' : rejection.forbidden ? 'Forbidden' : 'InvalidEvent',
    message: `${rejection.field}: ${rejection.message}`,
    details: [rejection],
    nonRetryable: true,
  });
}

function safeSchedule(
  input: ClockInput,
  state: ClockState,
  now: number,
  workflowId: string,
  catchUp = false,
): Schedule {
  try {
    return buildSchedule(input, state, now, workflowId, { catchUp });
  } catch (err) {
    // Only ApplicationFailure may leave workflow code: anything else would retry the task forever.
    throw ApplicationFailure.nonRetryable(`cannot compute the schedule: ${(err as Error).message}`, 'ScheduleError');
  }
}

export async function runClock(
  input: ClockInput,
  shape: ProcessShape = shapeOf(input.processType),
): Promise<ClockView> {
  const { workflowId } = workflowInfo();
  // Decided once, in the run's first activation: a run that began on older code keeps its behaviour.
  const chain = patched(CHAIN_PATCH);
  const state = initialState(input);
  if (input.carried)
    recordHistory(
      state,
      formatLondon(Date.now()),
      `run ${state.run} (continued as new, rules ${input.rules.version} carried)`,
    );
  else {
    recordHistory(
      state,
      formatLondon(Date.now()),
      `started on ${input.rules.profileId} rules ${input.rules.version}, calendar ${input.calendar.version}${input.startedBy ? ` by ${input.startedBy}` : ''}`,
    );
    const limit = timeLimitOf(input, state.anchors);
    if (limit?.acceptedLate)
      recordHistory(
        state,
        formatLondon(Date.now()),
        `made after the time limit (${limit.limitDate}, ${limit.source}); considered anyway: ${limit.acceptedLate.reason}`,
        limit.acceptedLate.by,
        [limit.acceptedLate.reason],
      );
  }
  let changed = false;
  let cycleEnded = false;
  // Steps done before the process started here (a case moved in), checked by the starter, applied in order.
  if (chain && !input.carried && input.completed?.length) {
    recordHistory(
      state,
      formatLondon(Date.now()),
      `moved in with ${input.completed.length} step${input.completed.length > 1 ? 's' : ''} already done; each is recorded as it happened, so on-time history raises nothing`,
    );
    for (const c of input.completed) {
      const event = { type: 'step-completed' as const, ...c, ...(input.startedBy ? { by: input.startedBy } : {}) };
      applyEvent(input, state, event, Date.now(), shape);
      if (endsCycle(shape, event)) cycleEnded = true;
    }
  }
  const deliveries: Promise<void>[] = [];

  /** The Update's validator, and the query a family event asks first: an event already applied (its id) passes. */
  const check = (event: ClockEvent): Rejection | undefined =>
    event.eventId && state.recentEventIds.includes(event.eventId)
      ? repeatedEvent(state, event)
      : checkEvent(input, state, event, Date.now(), shape);

  setHandler(clockViewQuery, () =>
    toView(input, state, safeSchedule(input, state, Date.now(), workflowId), workflowId, false),
  );
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
      validator: (event) => refuse(check(event)),
    },
  );

  setHandler(clockCheckQuery, (event) => check(event) ?? null);
  setHandler(clockEventSenderQuery, (eventId) => state.eventSenders?.[eventId] ?? null);
  if (chain) {
    setHandler(
      clockAlarmUpdate,
      (alarm) => {
        raiseAlarm(state, formatLondon(Date.now()), alarm);
        changed = true;
        return toView(input, state, safeSchedule(input, state, Date.now(), workflowId), workflowId, false);
      },
      {
        validator: (_alarm) =>
          refuse(
            state.closed
              ? { field: 'workflowId', message: `the process was closed on ${state.closed.at}`, conflict: true }
              : undefined,
          ),
      },
    );
  }

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
    // An open alarm is due from the moment it was raised: lists sorted by due date, and the inbox, find it first.
    const alarmAt = schedule.alarms.filter((a) => a.status === 'open').map((a) => a.raisedAt)[0];
    const dueAt =
      alarmAt && (!current?.dueAt || Date.parse(alarmAt) < Date.parse(current.dueAt)) ? alarmAt : current?.dueAt;
    const search = {
      team: state.assignment.team ?? '',
      step: current?.key ?? '',
      due: dueAt ?? '',
      overdue: schedule.overdueSteps,
      level: schedule.escalationLevel,
    };
    const searchJson = JSON.stringify(search);
    // Each upsert is a history event: only on change (docs/design.md, Temporal).
    if (searchJson !== lastSearch) {
      lastSearch = searchJson;
      upsertSearchAttributes([
        { key: SA.Team, value: search.team || null },
        { key: SA.CurrentStep, value: search.step || null },
        { key: SA.NextDueDate, value: dueAt ? new Date(Date.parse(dueAt)) : null },
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

  /** Delivers a decided notification (retried until delivered); its record learns when and to whom. */
  const deliver = (
    record: NotificationRecord,
    details: Pick<NotificationRequest, 'stepTitle' | 'dueDate' | 'dueAt' | 'explanation' | 'alarm'>,
    summary: string,
  ) => {
    const request: NotificationRequest = {
      key: record.key,
      workflowId,
      processType: input.processType,
      caseId: input.caseId,
      localAuthority: input.localAuthority,
      step: record.step,
      occurrence: record.occurrence,
      tier: record.tier,
      role: record.role,
      ...(record.cc ? { cc: record.cc } : {}),
      // Resolved at decision time, so a reassignment made before this tier fired is respected.
      assignment: { ...state.assignment },
      firesAt: record.firesAt,
      decidedAt: record.decidedAt,
      ...details,
      ...(input.correlationId ? { correlationId: input.correlationId } : {}),
    };
    deliveries.push(
      deliverNotification.executeWithOptions({ ...DELIVERY, summary }, [request]).then((result) => {
        record.deliveredAt = result.deliveredAt;
        record.recipients = result.recipients;
        changed = true;
      }),
    );
  };

  const decide = (schedule: Schedule) => {
    const decidedAt = formatLondon(Date.now());
    for (const d of schedule.decisions) {
      const view = schedule.steps.find((s) => s.key === d.step.key && s.occurrence === d.occurrence)!;
      const record: NotificationRecord = {
        key: d.key,
        step: d.step.key,
        occurrence: d.occurrence,
        tier: d.tier,
        role: d.role,
        ...(d.cc ? { cc: d.cc } : {}),
        firesAt: formatLondon(d.firesAt),
        decidedAt,
        ...(d.caughtUpIn ? { caughtUpIn: d.caughtUpIn } : {}),
      };
      state.notifications.push(record);
      if (d.caughtUpIn) {
        // Passed before it could be sent on its own: the higher tier sent now copies its role.
        recordHistory(
          state,
          decidedAt,
          `${d.tier} for ${stepLabel(d.step, d.occurrence)} (to ${d.role}, due ${record.firesAt}) passed before it could be sent on its own (the case started or was recorded late, or nothing ran then): the ${d.caughtUpIn} sent now copies the ${d.role}`,
        );
        continue;
      }
      recordHistory(
        state,
        decidedAt,
        `${d.tier} for ${stepLabel(d.step, d.occurrence)} to ${d.role}${d.cc ? ` (copy to ${d.cc.join(', ')})` : ''}`,
      );
      const details = {
        stepTitle: d.step.title,
        ...(view.dueDate ? { dueDate: view.dueDate, dueAt: view.dueAt } : {}),
        ...(view.explanation ? { explanation: view.explanation } : {}),
      };
      deliver(record, details, `${d.tier}: ${stepLabel(d.step, d.occurrence)} to ${d.role}`);
    }
    for (const d of schedule.alarmDecisions) {
      const record: NotificationRecord = {
        key: d.key,
        step: alarmStep(d.alarm),
        occurrence: 1,
        tier: d.tier,
        role: d.role,
        ...(d.cc ? { cc: d.cc } : {}),
        firesAt: formatLondon(d.firesAt),
        decidedAt,
      };
      state.notifications.push(record);
      recordHistory(
        state,
        decidedAt,
        `${d.tier} for alarm ${d.alarm.key} to ${d.role}${d.cc ? ` (copy to ${d.cc.join(', ')})` : ''}`,
      );
      const { key, kind, what, action, raisedAt } = d.alarm;
      deliver(
        record,
        { stepTitle: `Alarm: ${what}`, alarm: { key, kind, what, action, raisedAt } },
        `${d.tier}: alarm ${key} to ${d.role}`,
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
          recordHistory(
            state,
            state.handedOver.at,
            `${effect.means}: the child's existing plan ${input.steppedUpFrom} continues`,
          );
          continue;
        }
        await startNext(
          effect.starts.type,
          handoverAnchors(effect.starts, state.anchors, c.occurredAt),
          `${step}: ${c.outcome}`,
          effect.means,
        );
      }
    }
  };

  /**
   * Starts the next process of the case (idempotently). A refusal is not retried by itself (it will not
   * change on retry): it raises an alarm and waits for the missing fact (a `hand-over` event) or a close.
   */
  const startNext = async (
    type: ProcessType,
    anchors: Record<string, string>,
    why: string,
    means: string,
    anchorKinds?: Record<string, string>,
  ): Promise<boolean> => {
    try {
      const started = await startHandover({
        type,
        caseId: input.caseId,
        episode: input.episode,
        localAuthority: input.localAuthority,
        anchors,
        ...(anchorKinds ? { anchorKinds } : {}),
        assignment: state.assignment,
        ...(input.familyId ? { familyId: input.familyId } : {}),
        startedBy: `${input.processType} ${workflowId} (${why})`,
        correlationId: input.correlationId,
      });
      state.handedOver = { to: started.workflowId, at: formatLondon(Date.now()) };
      recordHistory(
        state,
        state.handedOver.at,
        `${means}: ${started.workflowId} ${started.existing ? 'already running' : 'started'}`,
      );
      return true;
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      const reason = err.cause instanceof ApplicationFailure ? err.cause.message : err.message;
      const at = formatLondon(Date.now());
      state.handedOver = { to: type, at, error: reason };
      if (!chain) {
        recordHistory(state, at, `could not start ${type}: ${reason}; start it through the API`);
        return false;
      }
      const previous = state.pendingHandover;
      state.pendingHandover = {
        type,
        anchors,
        ...(anchorKinds ? { anchorKinds } : {}),
        why,
        means,
        error: reason,
        attempts: (previous?.attempts ?? 0) + 1,
      };
      if (previous) {
        recordHistory(state, at, `the hand-over to ${type} was refused again: ${reason}`);
        for (const a of openAlarms(state))
          if (a.kind === 'handover-refused') a.what = `${means}: could not start ${type}: ${reason}`;
      } else {
        raiseAlarm(state, at, {
          kind: 'handover-refused',
          what: `${means}: could not start ${type}: ${reason}`,
          action: `record what it lacks with {"type": "hand-over", "anchors": {...}} on this process (or start ${type} through the API and send {"type": "hand-over"}), or close this process with a reason`,
          field: reason.split(':')[0],
        });
      }
      changed = true;
      return false;
    }
  };

  /** A refused hand-over given its missing fact (a `hand-over` event): tried again once per event. */
  const retryHandover = async () => {
    const pending = state.pendingHandover;
    if (!pending?.retry) return;
    pending.retry = false;
    if (
      await startNext(pending.type as ProcessType, pending.anchors, pending.why, pending.means, pending.anchorKinds)
    ) {
      delete state.pendingHandover;
      clearAlarms(
        state,
        formatLondon(Date.now()),
        `${pending.type} started (${state.handedOver!.to})`,
        'handover-refused',
      );
      changed = true;
    }
  };

  /** Nothing counting (every step left waits for a fact) raises an alarm; a clock running again clears it. */
  const syncStall = (schedule: Schedule): boolean => {
    const at = formatLondon(Date.now());
    const open = openAlarms(state).find((a) => a.kind === 'stalled');
    const stalled = schedule.stalled;
    if (stalled && !open) {
      raiseAlarm(state, at, { kind: 'stalled', ...stalledWhat(stalled) });
      return true;
    }
    if (!stalled && open) {
      clearAlarm(
        state,
        open,
        at,
        schedule.current
          ? `a clock runs again: ${schedule.current.key} due ${schedule.current.dueDate}`
          : 'nothing is left waiting',
      );
      return true;
    }
    return false;
  };

  /**
   * Decides the milestones whose day has come (birthdays, eligibility as a care leaver), once each, and
   * returns when the next one falls. Histories recorded before milestones existed replay without them.
   */
  let nextMilestoneKey: string | undefined;
  const reachMilestones = async (): Promise<number | undefined> => {
    nextMilestoneKey = undefined;
    for (const m of pendingMilestones(shape, state)) {
      if (m.at > Date.now()) {
        nextMilestoneKey = m.milestone.key;
        return m.at;
      }
      if (!patched(MILESTONES_PATCH)) return undefined;
      const at = formatLondon(Date.now());
      state.reached[m.milestone.key] = { date: m.date, at, what: m.milestone.means };
      // A birthday is the child's date of birth in another year: withheld from the memo like the date itself.
      const birthday = 'birthday' in m.milestone.at || m.anchor === 'sixteenth-birthday';
      recordHistory(state, at, `${m.date}: ${m.milestone.means}`, undefined, birthday ? [m.date] : []);
      changed = true;
      if (m.milestone.starts) {
        const anchors = {
          ...(m.anchor ? { [m.anchor]: m.date } : {}),
          ...handoverAnchors(m.milestone.starts, state.anchors, m.date),
        };
        await startNext(m.milestone.starts.type, anchors, `${m.milestone.key} ${m.date}`, m.milestone.means);
      }
      if (m.milestone.ends) {
        state.finished = { reason: `${m.milestone.means} (${m.date})`, at, step: m.milestone.key, outcome: 'reached' };
        return undefined;
      }
    }
    return undefined;
  };

  /** At the start: the child's other running processes this one concerns are told (a CP plan, of coming into care). */
  const informOthers = async () => {
    for (const inform of shape.informs ?? []) {
      const at = state.anchors[inform.from];
      if (!at) continue;
      const told = await informCaseProcesses({
        caseId: input.caseId,
        type: inform.type,
        anchor: inform.anchor,
        at,
        eventId: `${workflowId}:${inform.anchor}`,
        from: `${input.processType} ${workflowId}`,
      });
      const now = formatLondon(Date.now());
      if (told.unavailable)
        recordHistory(
          state,
          now,
          `the child's other ${inform.type} processes could not be looked up: ${told.unavailable}`,
        );
      for (const t of told.informed) {
        const next = t.view.steps
          .filter((x) => x.status !== 'completed' && x.status !== 'cancelled' && x.dueDate)
          .map((x) => `${x.key} due ${x.dueDate}`);
        recordHistory(
          state,
          now,
          `${inform.means}: ${t.workflowId} recorded ${inform.anchor} ${at}${next.length ? ` (${next.join(', ')})` : ''}`,
        );
      }
      for (const r of told.refused) {
        raiseAlarm(state, now, {
          kind: 'event-refused',
          what: `${r.workflowId} could not record that ${inform.anchor} ${at}: ${r.message}`,
          action: `record {"type": "anchor", "anchor": "${inform.anchor}", "at": "${at}"} on ${r.workflowId} (or close it with a reason), then resolve this alarm with {"type": "resolve-alarm", "alarm": "<its key>", "reason": "..."}`,
          field: `anchors.${inform.anchor}`,
        });
      }
    }
  };
  if (chain && !input.carried) await informOthers();

  for (;;) {
    const now = Date.now();
    let schedule = safeSchedule(input, state, now, workflowId, chain);
    if (schedule.lapsed && !state.closed && !state.finished) {
      // The complainant did not ask for the next stage in time: the complaint closes (no one is escalated).
      const { step, lastDay, closesAfter } = schedule.lapsed;
      const at = formatLondon(now);
      state.finished = {
        reason: `${step.key} lapsed: no ${step.window!.closedBy} dated by ${lastDay} was recorded by the end of ${closesAfter}; the complaint is closed`,
        at,
        step: step.key,
        outcome: 'lapsed',
      };
      recordHistory(state, at, state.finished.reason);
      continue;
    }
    if (chain && !state.closed && syncStall(schedule)) schedule = safeSchedule(input, state, now, workflowId, chain);
    decide(schedule);
    publish(schedule, false);
    const alarmsBefore = state.alarms?.length ?? 0;
    await handOver();
    if (chain) await retryHandover();
    const nextMilestone = state.closed || state.finished ? undefined : await reachMilestones();
    // A hand-over refused just now raised an alarm: decide its first tier at once, before waiting.
    if ((state.alarms?.length ?? 0) !== alarmsBefore) continue;
    // A refused hand-over keeps the process open (its alarm in every inbox) until it is made or closed.
    const alarmOpen = chain && openAlarms(state).length > 0;
    if (state.closed || (state.finished && !alarmOpen)) break;
    if (schedule.allDone && nextMilestone === undefined && !alarmOpen) break;
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
    const wakeAt = [schedule.nextWakeAt, nextMilestone]
      .filter((x): x is number => x !== undefined)
      .sort((a, b) => a - b)[0];
    const wait = wakeAt === undefined ? undefined : Math.max(wakeAt - now, 1);
    let label = schedule.current?.dueDate
      ? `next: ${schedule.current.key} due ${schedule.current.dueDate}`
      : 'waiting for events';
    // A timer for a milestone (a birthday) is labelled by it, not by the step due next; no date: it is a birth date.
    if (
      nextMilestoneKey &&
      wakeAt === nextMilestone &&
      wakeAt !== schedule.nextWakeAt &&
      patched(MILESTONE_LABEL_PATCH)
    )
      label = `next: milestone ${nextMilestoneKey}`;
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
