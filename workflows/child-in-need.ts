/** `childInNeedPlan`: the plan, visits and reviews at the profile's intervals, continuing as new after each review. */
import { runClock } from './clock/runClock';
import type { ClockInput, ClockView } from './clock/types';

export async function childInNeedPlan(input: ClockInput): Promise<ClockView> {
  return runClock(input);
}
