/** `single-assessment`: initial visit, assessment plan and completion (manager authorisation), per profile. */
import { runClock } from './clock/runClock';
import type { ClockInput, ClockView } from './clock/types';

export async function singleAssessment(input: ClockInput): Promise<ClockView> {
  return runClock(input);
}
