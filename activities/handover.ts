/**
 * Processes acting on each other: startHandover (a referral decision starting the assessment, an ICPC
 * starting the plan) and closeSuperseded (a CP plan closing the child's CIN plan it stepped up from).
 */
import { ApplicationFailure } from '@temporalio/activity';
import { type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { HandoverRequest } from '../processes/contracts';
import { StartError, type ProcessStarter, type StartResult } from '../processes/start';
import { clockEventUpdate } from '../workflows/messages';

export function createHandoverActivities(starter: () => ProcessStarter, client: () => Client) {
  return {
    async startHandover(req: HandoverRequest): Promise<StartResult> {
      // Same path as the API: idempotent on the workflow id, so a retried activity starts nothing twice.
      try {
        return await starter().start(
          { type: req.type, caseId: req.caseId, episode: req.episode, localAuthority: req.localAuthority, anchors: req.anchors, ...(req.anchorKinds ? { anchorKinds: req.anchorKinds } : {}), assignment: req.assignment, ...(req.familyId ? { familyId: req.familyId } : {}) },
          { startedBy: req.startedBy, correlationId: req.correlationId, acceptExisting: true },
        );
      } catch (err) {
        // A refusal (e.g. an hour rule and a date-only anchor) will not change on retry: report it.
        if (err instanceof StartError) throw ApplicationFailure.nonRetryable(`${err.field}: ${err.message}`, 'HandoverRefused');
        throw err;
      }
    },

    async closeSuperseded(req: { workflowId: string; reason: string }): Promise<{ closed: boolean }> {
      try {
        await client().workflow.getHandle(req.workflowId).executeUpdate(clockEventUpdate, {
          args: [{ type: 'close', reason: req.reason, by: 'system' }],
          updateId: `supersede:${req.workflowId}`,
        });
        return { closed: true };
      } catch (err) {
        // Already closed or ended, or never existed: nothing left to supersede.
        if (err instanceof WorkflowNotFoundError || err instanceof WorkflowUpdateFailedError) return { closed: false };
        throw err;
      }
    },
  };
}
