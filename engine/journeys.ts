/**
 * How processes lead into each other: each step outcome and what it does (docs/design.md, Processes and anchors). Pure data shared
 * by the workflows (which act on it), the API (which lists it in /openapi.json) and the tests. Outcomes
 * are national practice, the same for every LA; their timescales live in the profiles.
 */
import type { ProcessType } from './profile/schema';

export interface OutcomeEffect {
  /** What the outcome means, in the words history and the Temporal UI show. */
  means: string;
  /** Records this anchor at the outcome's date, unless it is already recorded (S47 started at the strategy discussion). */
  setsAnchor?: string;
  /**
   * The outcome may be recorded with `immediateConcern: true` (immediate child protection concerns): it then
   * records this anchor at the outcome's time, which the next process is handed and LA rules count from.
   */
  immediateConcern?: string;
  /** Starts the next process for the same case and episode. Anchors: 'outcome' = the date of this outcome; {from} = copied. */
  starts?: { type: ProcessType; anchors: Record<string, 'outcome' | HandoverFrom>; unlessSteppedUp?: boolean };
  /** Closes the process this one stepped up from (a CP plan supersedes the child's CIN plan). */
  supersedes?: boolean;
  /** Ends this process: its open steps lapse (shown as cancelled, never escalated). */
  ends?: boolean;
  /** A review cycle ended: the process continues as new, carrying a compact state (docs/design.md, Temporal). */
  cycle?: boolean;
}

/**
 * Something that happens on a date the case's facts give, with no event: a birthday, or the day a
 * looked-after child becomes an eligible care leaver. Decided once, at the start of that day.
 */
export interface Milestone {
  key: string;
  means: string;
  /** A birthday (counted from `date-of-birth`), or the day the child becomes an eligible care leaver (CPPCR reg 40). */
  at: { birthday: number } | { eligibleCareLeaver: true };
  /** An anchor that, once recorded, stops this milestone (support to 25 asked for before the 21st birthday). */
  unless?: string;
  /** Starts the next process; its anchors are copied, plus the milestone's own anchor at the milestone's date. */
  starts?: { type: ProcessType; anchors: Record<string, { from: string }> };
  ends?: boolean;
}

export interface ProcessShape {
  outcomes: Record<string, Record<string, OutcomeEffect>>;
  /** Anchors that can happen more than once and are all kept (each one is a candidate for a rule). */
  repeatableAnchors: string[];
  /** Anchors a process cannot start without (a looked-after child's date of birth sets health reviews and 18). */
  requiredAnchors?: string[];
  /** Anchors recorded with a kind, and the kinds allowed (a placement's type decides its visiting pattern). */
  anchorKinds?: Record<string, readonly string[]>;
  /** Anchors whose recording ends the process, with what it means (ceasing to be looked after). */
  endingAnchors?: Record<string, string>;
  /** Steps whose every completion ends a cycle: the process continues as new (a looked-after review). */
  cycleSteps?: string[];
  milestones?: Milestone[];
  /** Steps whose completion ends the process, with what that means (the final response to a complaint). */
  completionEnds?: Record<string, string>;
  /** The person the process serves may withdraw it at any stage (a complaint). */
  withdrawable?: boolean;
  /**
   * The child's other running processes this one tells when it starts: each of that type for the same case
   * records `anchor` at this process's `from` anchor (a child on a protection plan who comes into care: the
   * plan records when, and its next review conference meets with the first looked-after review).
   */
  informs?: { type: ProcessType; anchor: string; from: string; means: string }[];
}

/**
 * Placement types, as far as they change the visiting pattern (CPPCR 2010 reg 28(2)-(5)) or an LA's
 * local pattern (Derbyshire visits children in agency foster care and private residential homes 4-weekly).
 */
export const PLACEMENT_KINDS = [
  'foster-care',
  'agency-foster-care',
  'residential',
  'private-residential',
  'placed-for-adoption',
  'parent-before-assessment',
  'connected-person-temporary',
  'interim-care-order-at-home',
  'care-order-at-home',
  'other',
] as const;

const lookedAfter: ProcessShape = {
  repeatableAnchors: ['placement-start', 'significant-change', 'visit-requested', 'permanence-agreed'],
  requiredAnchors: ['became-looked-after', 'date-of-birth'],
  anchorKinds: { 'placement-start': PLACEMENT_KINDS },
  endingAnchors: { 'ceased-looked-after': 'ceased to be looked after' },
  cycleSteps: ['lac-review'],
  outcomes: {},
  informs: [
    {
      type: 'child-protection-plan',
      anchor: 'became-looked-after',
      from: 'became-looked-after',
      means: 'the child became looked after: the protection plan continues until a review conference ends it, and its next review conference meets with the first looked-after review',
    },
  ],
  milestones: [
    {
      key: 'pathway-planning',
      means: 'eligible care leaver (looked after 13 weeks since 14, now 16 or over): pathway planning starts',
      at: { eligibleCareLeaver: true },
      starts: { type: 'pathway-plan', anchors: { 'date-of-birth': { from: 'date-of-birth' } } },
    },
    { key: 'eighteenth-birthday', means: 'reached 18: no longer looked after; leaving-care support continues in the pathway plan', at: { birthday: 18 }, ends: true },
  ],
};

const pathwayPlan: ProcessShape = {
  repeatableAnchors: ['accommodation-start', 'review-requested'],
  requiredAnchors: ['date-of-birth'],
  cycleSteps: ['pathway-plan-review'],
  outcomes: {},
  milestones: [
    { key: 'twenty-first-birthday', means: 'reached 21: leaving-care support ends (it continues to 25 on request)', at: { birthday: 21 }, unless: 'support-to-25-requested', ends: true },
    { key: 'twenty-fifth-birthday', means: 'reached 25: leaving-care support ends', at: { birthday: 25 }, ends: true },
  ],
};

/** After the last stage, the complainant is told where to go next (GBFC 2006; LGSCO). */
const OMBUDSMAN = 'the complainant may take the complaint to the Local Government and Social Care Ombudsman';

const complaintStatutory: ProcessShape = {
  repeatableAnchors: [],
  requiredAnchors: ['stage1-received'],
  outcomes: {},
  completionEnds: { 'stage3-la-response': `the statutory procedure is complete; ${OMBUDSMAN}` },
  withdrawable: true,
};

const complaintCorporate: ProcessShape = {
  repeatableAnchors: [],
  requiredAnchors: ['received'],
  outcomes: {},
  completionEnds: { response: `the final response was sent; ${OMBUDSMAN}` },
  withdrawable: true,
};

const toCinPlan = { type: 'child-in-need-plan' as const, anchors: { 'plan-agreed': 'outcome' as const } };
/**
 * From an assessment, the plan also learns when the assessment started (Northamptonshire counts the first
 * CIN meeting from it, 001 L450): the recorded start, else the decision that started it.
 */
const toCinPlanFromAssessment = { ...toCinPlan, anchors: { ...toCinPlan.anchors, 'assessment-start': { from: 'assessment-start', orFrom: 'referral-decision' } } };

export const SHAPES: Record<string, ProcessShape> = {
  referral: {
    repeatableAnchors: [],
    outcomes: {
      'referral-decision': {
        assessment: {
          means: 'single assessment',
          starts: { type: 'single-assessment', anchors: { 'referral-received': { from: 'referral-received' }, 'referral-decision': 'outcome' } },
        },
        'strategy-discussion': {
          means: 'strategy discussion (child protection concerns)',
          immediateConcern: 'immediate-concern',
          starts: { type: 'child-protection-enquiry', anchors: { 'concern-raised': { from: 'referral-received' }, 'immediate-concern': { from: 'immediate-concern' } } },
        },
        'early-help': { means: 'early help' },
        'information-and-advice': { means: 'information and advice' },
        'no-further-action': { means: 'no further action' },
      },
    },
  },
  'single-assessment': {
    repeatableAnchors: [],
    // The assessment's conclusion decides what follows (Working Together 2023, chapter 3); every one ends it,
    // so a visit or plan step still open no longer nags once the assessment is authorised.
    outcomes: {
      'assessment-complete': {
        'no-further-action': { means: 'no further action', ends: true },
        'child-in-need-plan': { means: 'child in need plan', starts: toCinPlanFromAssessment, ends: true },
        'strategy-discussion': {
          means: 'strategy discussion (child protection concerns found in the assessment)',
          immediateConcern: 'immediate-concern',
          starts: { type: 'child-protection-enquiry', anchors: { 'concern-raised': 'outcome', 'immediate-concern': { from: 'immediate-concern' } } },
          ends: true,
        },
        'early-help': { means: 'stepped down to early help (a targeted or universal service, outside statutory social care)', ends: true },
      },
    },
  },
  'child-protection-enquiry': {
    repeatableAnchors: ['strategy-discussion'],
    outcomes: {
      'strategy-discussion': {
        s47: { means: 'section 47 enquiry started', setsAnchor: 's47-start' },
        'no-s47': { means: 'no section 47 enquiry; the case continues under its assessment or plan', ends: true },
      },
      's47-complete': {
        icpc: { means: 'initial child protection conference to be convened' },
        'child-in-need-plan': { means: 'child in need plan', starts: { ...toCinPlan, unlessSteppedUp: true }, ends: true },
        'no-further-action': { means: 'no further action', ends: true },
      },
      icpc: {
        'child-protection-plan': {
          means: 'child protection plan',
          starts: { type: 'child-protection-plan', anchors: { icpc: 'outcome', 'expected-delivery-date': { from: 'expected-delivery-date' } } },
          supersedes: true,
          ends: true,
        },
        'child-in-need-plan': { means: 'child in need plan', starts: { ...toCinPlan, unlessSteppedUp: true }, ends: true },
        'no-further-action': { means: 'no further action', ends: true },
      },
    },
  },
  'child-protection-plan': {
    repeatableAnchors: [],
    outcomes: {
      rcpc: {
        continue: { means: 'the child protection plan continues', cycle: true },
        'step-down': { means: 'the plan ends; stepped down to a child in need plan', starts: toCinPlan, ends: true },
        // The child is looked after and safe in placement: the care plan and its reviews (the IRO's) take over.
        'looked-after': { means: 'the plan ends: the child is looked after, and the care plan and looked-after reviews take over', ends: true },
        end: { means: 'the child protection plan ends', ends: true },
      },
    },
  },
  'child-in-need-plan': {
    repeatableAnchors: [],
    outcomes: {
      'cin-review': {
        continue: { means: 'the child in need plan continues', cycle: true },
        close: { means: 'the child in need plan ends', ends: true },
      },
    },
  },
  'looked-after': lookedAfter,
  'pathway-plan': pathwayPlan,
  'complaint-statutory': complaintStatutory,
  'complaint-corporate': complaintCorporate,
};

/**
 * The anchors the next process starts with: copied from this one's facts, or the date of the outcome. An
 * anchor this process never recorded is left out (the start then says what is missing).
 */
/** A fact handed over from the process that starts the next: `from`, or `orFrom` where `from` was never recorded. */
export interface HandoverFrom {
  from: string;
  orFrom?: string;
}

export function handoverAnchors(starts: { anchors: Record<string, 'outcome' | HandoverFrom> }, facts: Record<string, string>, outcomeAt: string): Record<string, string> {
  const anchors: Record<string, string> = {};
  for (const [name, from] of Object.entries(starts.anchors)) {
    const value = from === 'outcome' ? outcomeAt : (facts[from.from] ?? (from.orFrom ? facts[from.orFrom] : undefined));
    if (value) anchors[name] = value;
  }
  return anchors;
}

/** Which of this process's anchors each of the next one's comes from ('outcome': the date of the outcome). */
export function handoverSources(starts: { anchors: Record<string, 'outcome' | HandoverFrom> }): Record<string, string> {
  return Object.fromEntries(Object.entries(starts.anchors).map(([name, from]) => [name, from === 'outcome' ? 'outcome' : from.from]));
}

export function shapeOf(processType: string): ProcessShape {
  return SHAPES[processType] ?? { repeatableAnchors: [], outcomes: {} };
}

/** The outcomes a step accepts, or undefined when it takes none. */
export function outcomesOf(processType: string, step: string): string[] | undefined {
  const o = shapeOf(processType).outcomes[step];
  return o ? Object.keys(o) : undefined;
}
