/** Who has been told of a step's occurrence, tier by tier, from the notifications decided. Pure. */
import type { ClockState, StepView } from './types';

/** One occurrence's tiers (an alarm's: step `alarm:<key>`, occurrence 1), each caught-up one saying which tier told its role. */
export function escalationsIn(state: ClockState, step: string, occurrence: number): StepView['escalations'] {
  return state.notifications
    .filter((n) => n.step === step && n.occurrence === occurrence)
    .map((n) => ({
      tier: n.tier,
      role: n.role,
      at: n.firesAt,
      deliveredAt: n.deliveredAt,
      recipients: n.recipients,
      ...(n.caughtUpIn ? { caughtUpIn: n.caughtUpIn } : {}),
    }));
}
