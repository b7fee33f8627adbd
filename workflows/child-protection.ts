/**
 * Child protection, per profile (engine/journeys.ts has the outcomes):
 * - `childProtectionEnquiry`: strategy discussion -> section 47 enquiry -> ICPC, the ICPC counted from
 *   the profile's anchor among every strategy discussion recorded; outcomes start the plan (or CIN plan).
 * - `childProtectionPlan`: core groups, visits and review conferences for the life of the plan,
 *   continuing as new after each review; a review ends the plan or steps it down to a CIN plan.
 */
import { runClock } from './runClock';
import type { ClockInput, ClockView } from '../engine/types';

export async function childProtectionEnquiry(input: ClockInput): Promise<ClockView> {
  return runClock(input);
}

export async function childProtectionPlan(input: ClockInput): Promise<ClockView> {
  return runClock(input);
}
