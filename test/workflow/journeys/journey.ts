/**
 * A child protection journey as data: the events a case system sends, when, what each step is due on
 * before it, and every notification the whole journey must produce. The expected values are worked by
 * hand from the profile's rules (each file says how); test/workflow/cpJourney.test.ts runs them on the
 * time-skipping server with the real worker and mail sink.
 */
export type ProcessRef = 'enquiry' | 'plan' | 'cin' | 'lac' | 'pathway' | 'complaint' | 'corporate';

export const WORKFLOW_TYPES: Record<ProcessRef, string> = {
  enquiry: 'child-protection-enquiry',
  plan: 'child-protection-plan',
  cin: 'child-in-need-plan',
  lac: 'looked-after',
  pathway: 'pathway-plan',
  complaint: 'complaint-statutory',
  corporate: 'complaint-corporate',
};

export interface JourneyEvent {
  /** The instant the event is sent (ISO with offset); the test server's clock is skipped to it first. */
  at: string;
  process: ProcessRef;
  /** Hand-worked: the due date (and planBy for meetings) of this step's open occurrence, checked before the event. */
  expect?: { step: string; occurrence?: number; dueDate: string; planBy?: string };
  /** The event body, exactly as the API takes it. */
  event: Record<string, unknown>;
  /** For an event out of order: how it must be refused ('Ended' = the process has already finished). */
  rejected?: { type: 'Conflict' | 'InvalidEvent' | 'Forbidden' | 'Ended'; field?: string };
  /** The hand working, in words. */
  why: string;
}

export interface ExpectedNotice {
  process: ProcessRef;
  /** `step:occurrence:tier`, the tail of the notification key. */
  key: string;
  /** When the ladder fires it (ISO with London offset), as the X-Clock-Fires-At header shows. */
  firesAt: string;
  /** Person ids from config/directory.json. */
  to: string;
  cc?: string[];
  why: string;
}

export interface Journey {
  la: string;
  caseId: string;
  workerId: string;
  team: string;
  /** The process the journey starts with (default the enquiry), its anchors and their kinds. */
  startProcess?: ProcessRef;
  start: Record<string, string>;
  startKinds?: Record<string, string>;
  events: JourneyEvent[];
  /** Every notification of the journey, all processes; nothing else may be sent. */
  notifications: ExpectedNotice[];
  /** Skip to this instant after the last event, before counting the mail. */
  endsAt: string;
}

/** A step completed at `at` (occurredAt = at), after checking the hand-worked due date of its open occurrence. */
export function done(
  at: string,
  process: ProcessRef,
  step: string,
  expect: { occurrence?: number; dueDate: string; planBy?: string },
  why: string,
  extra: Record<string, unknown> = {},
): JourneyEvent {
  return {
    at,
    process,
    expect: { step, ...expect },
    event: { type: 'step-completed', step, occurredAt: at, ...extra },
    why,
  };
}
