/** `childInNeedPlan`: the plan, visits and reviews at the profile's intervals, continuing as new after each review. */
import { runClock } from './runClock';
import type { ClockInput, ClockView } from '../engine/types';

export async function childInNeedPlan(input: ClockInput): Promise<ClockView> {
  return runClock(input);
}
