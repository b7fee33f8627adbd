/**
 * Complaints about children's services, per profile (engine/journeys.ts has what ends them):
 * - `complaintStatutory`: the three stages of the Children Act 1989 Representations Procedure (England)
 *   Regulations 2006: stage 1 response, the complainant's windows to ask for stages 2 and 3, the stage 2
 *   investigation, the review panel, its report and the LA's response; statutory extensions with reasons;
 *   withdrawal at any stage; a window that lapses closes the complaint.
 * - `complaintCorporate`: an LA's own corporate procedure, where its profile defines one.
 */
import { runClock } from './runClock';
import type { ClockInput, ClockView } from '../engine/types';

export async function complaintStatutory(input: ClockInput): Promise<ClockView> {
  return runClock(input);
}

export async function complaintCorporate(input: ClockInput): Promise<ClockView> {
  return runClock(input);
}
