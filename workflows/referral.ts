/**
 * `referral`: the front-door decision within 1 working day of the referral. Its outcome hands over
 * (engine/journeys.ts): `assessment` starts the single assessment, anchored on the decision;
 * `strategy-discussion` starts the child protection enquiry, the concern dated from the referral.
 */
import { runClock } from './runClock';
import type { ClockInput, ClockView } from '../engine/types';

export async function referral(input: ClockInput): Promise<ClockView> {
  return runClock(input);
}
