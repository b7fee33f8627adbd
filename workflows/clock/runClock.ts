/**
 * The one deadline-and-escalation loop every process runs. State is facts; due dates come from
 * buildSchedule; the loop waits until something changes or the next instant something is due, then
 * decides every notification whose time has come, once. A back-dated case needs no special path: its
 * first pass finds every tier it has reached and decides each once.
 */
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertMemo,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { formatLondon } from '../../calendar/london';
import type { createActivities } from '../../activities';
import { clockEventUpdate, clockViewQuery } from '../messages';
import { currentDetails } from './details';
import { StepOutcomes, applyEvent, checkEvent, recordHistory } from './events';
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

export interface ClockHooks {
  /** Outcomes each step accepts (e.g. the referral decision's). */
  outcomes?: StepOutcomes;
  /** Runs after each change, e.g. to hand over to the next process; may call activities. */
  afterChange?: (state: ClockState) => Promise<void>;
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
    status: state.closed ? 'closed' : finished || schedule.allDone ? 'completed' : 'open',
    assignment: state.assignment,
    anchors: state.anchors,
    rulesVersion: `${input.rules.profileId}@${input.rules.version}`,
    calendarVersion: input.calendar.version,
    steps: schedule.steps,
    ...(next?.dueDate ? { nextDue: { step: next.key, dueDate: next.dueDate, dueAt: next.dueAt! } } : {}),
    ...(state.closed ? { closed: state.closed } : {}),
    ...(state.handedOver ? { handedOver: state.handedOver } : {}),
    history: state.history,
  };
}

function safeSchedule(input: ClockInput, state: ClockState, now: number, workflowId: string): Schedule {
  try {
    return buildSchedule(input, state, now, workflowId);
  } catch (err) {
    // Only ApplicationFailure may leave workflow code: anything else would retry the task forever.
    throw ApplicationFailure.nonRetryable(`cannot compute the schedule: ${(err as Error).message}`, 'ScheduleError');
  }
}

export async function runClock(input: ClockInput, hooks: ClockHooks = {}): Promise<ClockView> {
  const { workflowId } = workflowInfo();
  const state = initialState(input);
  recordHistory(state, formatLondon(Date.now()), `started on ${input.rules.profileId} rules ${input.rules.version}, calendar ${input.calendar.version}${input.startedBy ? ` by ${input.startedBy}` : ''}`);
  let changed = false;
  const deliveries: Promise<void>[] = [];

  setHandler(clockViewQuery, () => toView(input, state, safeSchedule(input, state, Date.now(), workflowId), workflowId, false));
  setHandler(
    clockEventUpdate,
    (event) => {
      applyEvent(input, state, event, Date.now());
      changed = true;
      return toView(input, state, safeSchedule(input, state, Date.now(), workflowId), workflowId, false);
    },
    {
      validator: (event) => {
        const rejection = checkEvent(input, state, event, Date.now(), hooks.outcomes ?? {});
        if (rejection) {
          throw ApplicationFailure.create({
            type: rejection.conflict ? 'Conflict' : 'InvalidEvent',
            message: `${rejection.field}: ${rejection.message}`,
            details: [rejection],
            nonRetryable: true,
          });
        }
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
    const memoJson = JSON.stringify(view);
    if (memoJson !== lastMemo) {
      lastMemo = memoJson;
      upsertMemo({ clock: view });
    }
    setCurrentDetails(currentDetails(input, view));
  };

  const decide = (schedule: Schedule) => {
    const decidedAt = formatLondon(Date.now());
    for (const d of schedule.decisions) {
      const view = schedule.steps.find((s) => s.key === d.step.key)!;
      const record: NotificationRecord = { key: d.key, step: d.step.key, occurrence: d.occurrence, tier: d.tier, role: d.role, firesAt: formatLondon(d.firesAt), decidedAt };
      state.notifications.push(record);
      recordHistory(state, decidedAt, `${d.tier} for ${d.step.key} to ${d.role}`);
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
          { ...DELIVERY, summary: `${d.tier}: ${d.step.key} to ${d.role}` },
          [request],
        ).then((result) => {
          record.deliveredAt = result.deliveredAt;
          record.recipients = result.recipients;
          changed = true;
        }),
      );
    }
  };

  for (;;) {
    const now = Date.now();
    const schedule = safeSchedule(input, state, now, workflowId);
    decide(schedule);
    publish(schedule, false);
    if (hooks.afterChange) await hooks.afterChange(state);
    if (state.closed || schedule.allDone) break;
    changed = false;
    const wait = schedule.nextWakeAt === undefined ? undefined : Math.max(schedule.nextWakeAt - now, 1);
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
