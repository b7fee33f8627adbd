/**
 * `referral`: the front-door decision within 1 working day of the referral. A decision with outcome
 * `assessment` starts the single assessment for the same case, anchored on the decision.
 */
import { proxyActivities } from '@temporalio/workflow';
import { formatLondon } from '../calendar/london';
import type { createActivities } from '../activities';
import { recordHistory } from './clock/events';
import { REFERRAL_OUTCOMES } from './referral.outcomes';
import { runClock } from './clock/runClock';
import type { ClockInput, ClockView } from './clock/types';

const { startHandover } = proxyActivities<ReturnType<typeof createActivities>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute' },
});

export async function referral(input: ClockInput): Promise<ClockView> {
  return runClock(input, {
    outcomes: { 'referral-decision': REFERRAL_OUTCOMES },
    afterChange: async (state) => {
      const decision = state.completions['referral-decision'];
      if (decision?.outcome !== 'assessment' || state.handedOver) return;
      const started = await startHandover({
        type: 'single-assessment',
        caseId: input.caseId,
        episode: input.episode,
        localAuthority: input.localAuthority,
        anchors: { 'referral-received': input.anchors['referral-received'], 'referral-decision': decision.occurredAt },
        assignment: state.assignment,
        startedBy: `referral ${input.episode}`,
        correlationId: input.correlationId,
      });
      state.handedOver = { to: started.workflowId, at: formatLondon(Date.now()) };
      recordHistory(state, state.handedOver.at, `single assessment ${started.existing ? 'already running' : 'started'}: ${started.workflowId}`);
    },
  });
}
