/**
 * `familyEvent`: one event recorded once for a family (a strategy discussion, a conference, a visit that
 * saw each child) applied to each sibling's clock, each in its own history. The API checks every sibling
 * first and refuses the whole event if any would refuse it; this workflow then makes it durable: once
 * started, every sibling gets it even if the API stops. A sibling that refuses it all the same (something
 * changed in between) gets an alarm on its own clock; if that clock has ended, the alarm goes straight to
 * the team manager for that child.
 */
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import { formatLondon } from '../engine/calendar/london';
import type { createActivities } from '../activities';
import type { Assignment, NotificationRequest } from '../engine/types';
import type { ClockEvent } from '../engine/events/contract';
import { DELIVERY } from './runClock';

type Activities = ReturnType<typeof createActivities>;

const { applyToSibling, alarmSibling } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute' },
});
// As every notification: retried until delivered.
const { deliverNotification } = proxyActivities<Activities>(DELIVERY);

export interface FamilySibling {
  workflowId: string;
  caseId: string;
  localAuthority: string;
  processType: string;
  assignment: Assignment;
  /** What differs for this child: the outcome a conference decided for them, whether they were seen. */
  overrides?: { outcome?: string; seen?: boolean; seenAlone?: boolean };
}

export interface FamilyEventInput {
  familyId: string;
  eventId: string;
  event: ClockEvent;
  siblings: FamilySibling[];
  correlationId?: string;
}

export interface FamilyEventResult {
  familyId: string;
  eventId: string;
  results: {
    caseId: string;
    workflowId: string;
    status: 'applied' | 'refused';
    field?: string;
    message?: string;
    alarm?: 'on-clock' | 'sent';
  }[];
}

/** The event as one sibling receives it: the family's, with that child's overrides and a note of where it came from. */
export function siblingEvent(input: Pick<FamilyEventInput, 'event' | 'eventId'>, sibling: FamilySibling): ClockEvent {
  return { ...input.event, ...(sibling.overrides ?? {}), eventId: input.eventId } as ClockEvent;
}

export async function familyEvent(input: FamilyEventInput): Promise<FamilyEventResult> {
  const results: FamilyEventResult['results'] = [];
  for (const sibling of input.siblings) {
    const outcome = await applyToSibling({
      workflowId: sibling.workflowId,
      event: siblingEvent(input, sibling),
      updateId: input.eventId,
    });
    if (outcome.applied) {
      results.push({ caseId: sibling.caseId, workflowId: sibling.workflowId, status: 'applied' });
      continue;
    }
    const what = `the ${input.event.type} recorded for family ${input.familyId} (event ${input.eventId}) was refused for this child: ${outcome.field}: ${outcome.message}`;
    const event = input.event as { step?: string; anchor?: string };
    const alarm = {
      kind: 'event-refused' as const,
      what,
      action: `record it for this child alone (POST /api/processes/${sibling.workflowId}/events), or close the process with a reason`,
      field: outcome.field,
      clearsWith: input.event.type === 'anchor' ? { anchor: event.anchor } : { step: event.step },
    };
    const raised = await alarmSibling({ workflowId: sibling.workflowId, alarm, updateId: `${input.eventId}:alarm` });
    if (!raised.raised) {
      // The child's clock has ended: nothing there to hold the alarm, so its team manager is told directly.
      const now = formatLondon(Date.now());
      const request: NotificationRequest = {
        key: `${workflowInfo().workflowId}:${sibling.caseId}:alarm`,
        workflowId: sibling.workflowId,
        processType: sibling.processType,
        caseId: sibling.caseId,
        localAuthority: sibling.localAuthority,
        step: `alarm:event-refused`,
        stepTitle: `Alarm: ${what}`,
        occurrence: 1,
        tier: 'alarm',
        role: 'team-manager',
        assignment: sibling.assignment,
        firesAt: now,
        decidedAt: now,
        alarm: { key: 'event-refused', kind: 'event-refused', what, action: alarm.action, raisedAt: now },
        ...(input.correlationId ? { correlationId: input.correlationId } : {}),
      };
      await deliverNotification(request);
    }
    results.push({
      caseId: sibling.caseId,
      workflowId: sibling.workflowId,
      status: 'refused',
      field: outcome.field,
      message: outcome.message,
      alarm: raised.raised ? 'on-clock' : 'sent',
    });
  }
  return { familyId: input.familyId, eventId: input.eventId, results };
}
