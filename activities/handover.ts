/**
 * Processes acting on each other: startHandover (a referral decision starting the assessment, an ICPC
 * starting the plan) and closeSuperseded (a CP plan closing the child's CIN plan it stepped up from).
 */
import { ApplicationFailure } from '@temporalio/activity';
import { type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { HandoverRequest } from '../services/contracts';
import { StartError, type ProcessStarter, type StartResult } from '../services/start';
import { clockEventUpdate } from '../workflows/messages';
import { filterClauses } from '../services/visibility';

export interface InformResult {
  informed: { workflowId: string; view: { steps: { key: string; status: string; dueDate?: string }[] } }[];
  refused: { workflowId: string; message: string }[];
  /** Why nothing could be looked up (only a server without visibility: a test server). */
  unavailable?: string;
}

/** gRPC UNIMPLEMENTED: the server has no visibility at all (the time-skipping test server; never a real one). */
const UNIMPLEMENTED = 12;

export function createHandoverActivities(
  starter: () => ProcessStarter,
  client: () => Client,
  visibility: () => Client,
) {
  return {
    async startHandover(req: HandoverRequest): Promise<StartResult> {
      // Same path as the API: idempotent on the workflow id, so a retried activity starts nothing twice.
      try {
        return await starter().start(
          {
            type: req.type,
            caseId: req.caseId,
            episode: req.episode,
            localAuthority: req.localAuthority,
            anchors: req.anchors,
            ...(req.anchorKinds ? { anchorKinds: req.anchorKinds } : {}),
            assignment: req.assignment,
            ...(req.familyId ? { familyId: req.familyId } : {}),
          },
          { startedBy: req.startedBy, correlationId: req.correlationId, acceptExisting: true },
        );
      } catch (err) {
        // A refusal (e.g. an hour rule and a date-only anchor) will not change on retry: report it.
        if (err instanceof StartError)
          throw ApplicationFailure.nonRetryable(`${err.field}: ${err.message}`, 'HandoverRefused');
        throw err;
      }
    },

    /**
     * Tells the case's other running processes of a type a fact this one holds (a child on a protection plan
     * became looked after): each records it as an anchor, once (the event id is this process's).
     */
    async informCaseProcesses(req: {
      caseId: string;
      type: string;
      anchor: string;
      at: string;
      eventId: string;
      from: string;
    }): Promise<InformResult> {
      const informed: InformResult['informed'] = [];
      const refused: InformResult['refused'] = [];
      const query = [...filterClauses({ caseId: req.caseId, type: req.type }), 'ExecutionStatus = "Running"'].join(
        ' AND ',
      );
      const ids: string[] = [];
      try {
        for await (const wf of visibility().workflow.list({ query })) ids.push(wf.workflowId);
      } catch (err) {
        const code = (err as { cause?: { code?: number } }).cause?.code ?? (err as { code?: number }).code;
        if (code === UNIMPLEMENTED)
          return {
            informed,
            refused,
            unavailable: 'this Temporal server has no visibility (a time-skipping test server)',
          };
        throw err;
      }
      for (const workflowId of ids) {
        try {
          const view = await client()
            .workflow.getHandle(workflowId)
            .executeUpdate(clockEventUpdate, {
              args: [{ type: 'anchor', anchor: req.anchor, at: req.at, eventId: req.eventId, by: req.from }],
              updateId: req.eventId,
            });
          informed.push({
            workflowId: workflowId,
            view: {
              steps: view.steps.map((s) => ({
                key: s.key,
                status: s.status,
                ...(s.dueDate ? { dueDate: s.dueDate } : {}),
              })),
            },
          });
        } catch (err) {
          if (!(err instanceof WorkflowUpdateFailedError || err instanceof WorkflowNotFoundError)) throw err;
          refused.push({
            workflowId: workflowId,
            message: err instanceof WorkflowUpdateFailedError ? (err.cause?.message ?? err.message) : 'it has ended',
          });
        }
      }
      return { informed, refused };
    },

    async closeSuperseded(req: { workflowId: string; reason: string }): Promise<{ closed: boolean }> {
      try {
        await client()
          .workflow.getHandle(req.workflowId)
          .executeUpdate(clockEventUpdate, {
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
