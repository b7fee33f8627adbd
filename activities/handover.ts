/** startHandover: one process starting the next (a referral decision starting the assessment). */
import type { HandoverRequest } from '../processes/contracts';
import type { ProcessStarter, StartResult } from '../processes/start';

export function createHandoverActivities(starter: () => ProcessStarter) {
  return {
    async startHandover(req: HandoverRequest): Promise<StartResult> {
      // Same path as the API: idempotent on the workflow id, so a retried activity starts nothing twice.
      return starter().start(
        { type: req.type, caseId: req.caseId, episode: req.episode, localAuthority: req.localAuthority, anchors: req.anchors, assignment: req.assignment },
        { startedBy: req.startedBy, correlationId: req.correlationId },
      );
    },
  };
}
