/** `single-assessment`: initial visit, assessment plan and completion (manager authorisation), per profile. */
import { runClock } from './runClock';
import type { ClockInput, ClockView } from '../engine/types';

export async function singleAssessment(input: ClockInput): Promise<ClockView> {
  return runClock(input);
}
