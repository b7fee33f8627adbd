/**
 * Children in care and care leavers, per profile (engine/journeys.ts has the milestones):
 * - `lookedAfter`: placement and care plans, reg 28 visits (their pattern set by the placement type,
 *   the first review, the placement's first year and permanence), reviews, health and the PEP. It
 *   continues as new after each review, starts pathway planning when the child becomes an eligible care
 *   leaver, and ends when the child ceases to be looked after or turns 18.
 * - `pathwayPlan`: needs assessment, pathway plan, its reviews and personal adviser contact, to 21, or
 *   25 when support was asked for.
 */
import { runClock } from './runClock';
import type { ClockInput, ClockView } from '../engine/types';

export async function lookedAfter(input: ClockInput): Promise<ClockView> {
  return runClock(input);
}

export async function pathwayPlan(input: ClockInput): Promise<ClockView> {
  return runClock(input);
}
