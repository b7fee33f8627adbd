/**
 * The worker's workflowsPath. Temporal names a workflow by the function exported under that name, so
 * each process type's workflow (engine/catalogue.ts, `workflow`) is exported here; all of them run the
 * one clock, which the catalogue and the profile tell what the process is. test/unit/catalogue.test.ts
 * fails when one is missing.
 */
import { runClock } from './runClock';
import type { ClockInput, ClockView } from '../engine/types';

type Clock = (input: ClockInput) => Promise<ClockView>;
const clock: Clock = (input) => runClock(input);

export const referral = clock;
export const singleAssessment = clock;
export const childProtectionEnquiry = clock;
export const childProtectionPlan = clock;
export const childInNeedPlan = clock;
export const lookedAfter = clock;
export const pathwayPlan = clock;
export const complaintStatutory = clock;
export const complaintCorporate = clock;

export { dailyDigest } from './digest';
export { familyEvent } from './family';
export { referralClaim } from './referralClaim';
