/**
 * A family's event reaching each sibling's clock: applyToSibling sends it as that clock's own Update (the
 * family event's id as the Update's, so a retried activity applies it once); alarmSibling raises an alarm
 * on a clock that refused it after the API had checked every sibling.
 */
import { type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { clockAlarmUpdate, clockEventUpdate } from '../workflows/messages';
import type { Alarm } from '../engine/types';
import type { ClockEvent } from '../engine/events/contract';

export type SiblingOutcome = { applied: true } | { applied: false; field: string; message: string };

export function createFamilyActivities(client: () => Client) {
  return {
    async applyToSibling(req: { workflowId: string; event: ClockEvent; updateId: string }): Promise<SiblingOutcome> {
      try {
        await client()
          .workflow.getHandle(req.workflowId)
          .executeUpdate(clockEventUpdate, { args: [req.event], updateId: req.updateId });
        return { applied: true };
      } catch (err) {
        if (err instanceof WorkflowUpdateFailedError) {
          const rejection = ((err.cause as { details?: unknown[] } | undefined)?.details?.[0] ?? {}) as {
            field?: string;
            message?: string;
          };
          return {
            applied: false,
            field: rejection.field ?? 'type',
            message: rejection.message ?? err.cause?.message ?? err.message,
          };
        }
        if (err instanceof WorkflowNotFoundError)
          return {
            applied: false,
            field: 'workflowId',
            message: `${req.workflowId} has ended: it accepts no more events`,
          };
        throw err;
      }
    },

    async alarmSibling(req: {
      workflowId: string;
      alarm: Pick<Alarm, 'kind' | 'what' | 'action' | 'field' | 'clearsWith'>;
      updateId: string;
    }): Promise<{ raised: boolean }> {
      try {
        await client()
          .workflow.getHandle(req.workflowId)
          .executeUpdate(clockAlarmUpdate, { args: [req.alarm], updateId: req.updateId });
        return { raised: true };
      } catch (err) {
        // Ended, or begun on code without alarms: the family workflow tells the team manager itself.
        if (err instanceof WorkflowNotFoundError || err instanceof WorkflowUpdateFailedError) return { raised: false };
        throw err;
      }
    },
  };
}
