/** The clock's view at an instant: what the query answers, the memo keeps and the API returns. Pure. */
import { type ProcessShape, shapeOf } from '../catalogue';
import { milestoneViews } from '../compute/milestones';
import { timeLimitOf } from '../compute/timeLimit';
import type { Schedule } from '../compute/schedule';
import type { ClockInput, ClockState, ClockView, PendingHandover } from '../types';

/** A review that closes a cycle: an outcome marked `cycle`, or any completion of a cycle step (a looked-after review). */
export function endsCycle(shape: ProcessShape, event: { step: string; outcome?: string; seen?: boolean }): boolean {
  if (event.outcome && shape.outcomes[event.step]?.[event.outcome]?.cycle) return true;
  return (shape.cycleSteps ?? []).includes(event.step) && event.seen !== false;
}

export function toView(
  input: ClockInput,
  state: ClockState,
  schedule: Schedule,
  workflowId: string,
  finished: boolean,
): ClockView {
  const next = schedule.current;
  // An ended process whose hand-over was refused stays open, and in the inbox, until its alarm clears.
  const alarmOpen = schedule.alarms.some((a) => a.status === 'open');
  const { retry: _retry, ...pending } = state.pendingHandover ?? ({} as Partial<PendingHandover>);
  const milestones = milestoneViews(shapeOf(input.processType), state, input.rules.anchors);
  return {
    workflowId,
    type: input.processType,
    caseId: input.caseId,
    episode: input.episode,
    localAuthority: input.localAuthority,
    ...(state.assignment.team ? { team: state.assignment.team } : {}),
    status: state.closed
      ? 'closed'
      : alarmOpen
        ? 'open'
        : finished || schedule.allDone || state.finished
          ? 'completed'
          : 'open',
    run: state.run,
    ...(state.finished ? { finished: state.finished } : {}),
    ...(input.steppedUpFrom ? { steppedUpFrom: input.steppedUpFrom } : {}),
    assignment: state.assignment,
    anchors: state.anchors,
    rulesVersion: `${input.rules.profileId}@${input.rules.version}`,
    calendarVersion: input.calendar.version,
    steps: schedule.steps,
    ...(next?.dueDate
      ? { nextDue: { step: next.key, occurrence: next.occurrence, dueDate: next.dueDate, dueAt: next.dueAt! } }
      : {}),
    ...(input.rules.timeLimit ? { timeLimit: timeLimitOf(input, state.anchors) } : {}),
    ...(state.closed ? { closed: state.closed } : {}),
    ...(state.handedOver ? { handedOver: state.handedOver } : {}),
    ...(state.pendingHandover ? { pendingHandover: pending as PendingHandover } : {}),
    ...(schedule.alarms.length ? { alarms: schedule.alarms } : {}),
    ...(state.migrations?.length ? { migrations: state.migrations } : {}),
    ...(milestones.length ? { milestones } : {}),
    history: state.history.map(({ withheld: _typed, ...entry }) => entry),
  };
}
