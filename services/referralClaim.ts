/**
 * A referral id is unique within its LA: intake claims it for its case before the referral starts, so the
 * same referral sent again under another case id is a conflict naming referralId, not a second clock.
 */
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { ReferralClaim } from '../workflows/referralClaim';
import { StartError } from './start';

export const claimIdFor = (localAuthority: string, referralId: string) => `intake-${localAuthority}-${referralId}`;

export async function claimReferralId(client: Client, taskQueue: string, claim: ReferralClaim): Promise<void> {
  const workflowId = claimIdFor(claim.localAuthority, claim.referralId);
  try {
    await client.workflow.start('referralClaim', {
      taskQueue,
      workflowId,
      args: [claim],
      workflowIdConflictPolicy: 'FAIL',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      memo: { caseId: claim.caseId },
      staticSummary: `Referral id ${claim.referralId} of ${claim.localAuthority}`,
    });
    return;
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
  const held = ((await client.workflow.getHandle(workflowId).describe()).memo ?? {}) as { caseId?: string };
  if (held.caseId !== claim.caseId) {
    throw claimedForAnotherCase(claim);
  }
}

/** The refusal of a referral id already held for another case. */
export function claimedForAnotherCase(claim: ReferralClaim): StartError {
  return new StartError(
    409,
    'referralId',
    `referral ${claim.referralId} of ${claim.localAuthority} was received for another case; a referral id is unique within its local authority (a new referral needs a new id)`,
  );
}
