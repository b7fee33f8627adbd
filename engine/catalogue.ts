/**
 * The one catalogue of process types. Each entry says everything the product needs to know about a
 * process type that is not an LA's timescale: the Temporal workflow that runs it, its title, its
 * outcomes and what they hand over to (docs/chain.md), the anchors that are a person's data, the LA-wide
 * post that acts on it, who may start it, and how its timeliness is measured nationally. Every other
 * list of process types in the product is derived from here; timescales live in the profiles.
 * Pure data (docs/architecture.md, Adding a process type).
 */
import { z } from 'zod';
import type { ApiRole } from './roles';

/** Every process type, in the order lists and reports show them. Each has an entry in CATALOGUE below. */
export const PROCESS_TYPES = [
  'referral',
  'single-assessment',
  'child-protection-enquiry',
  'child-protection-plan',
  'child-in-need-plan',
  'looked-after',
  'pathway-plan',
  'complaint-statutory',
  'complaint-corporate',
] as const;
export const ProcessTypeSchema = z.enum(PROCESS_TYPES);
export type ProcessType = z.infer<typeof ProcessTypeSchema>;

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

/** LA-wide posts that act on some process types only, whatever the case's team. */
export type Post = 'cp-chair' | 'iro' | 'complaints-manager';

interface MeasureBase {
  id: string;
  title: string;
  step: string;
  definition: string;
  source: string;
}

/**
 * On time if done within the national rule's working days (the england profile's rule for this step) of
 * an anchor, the first recorded of `anchors`, whatever the LA's own profile says. `{nth}` in the
 * definition is that count as an ordinal (15th), filled in by the report.
 */
export interface NationalWorkingDays extends MeasureBase {
  kind: 'national-working-days';
  anchors: string[];
}

/** On time if done by the occurrence's statutory due date (a revised target does not count; a complaint's statutory extension does). */
export interface ByDueDate extends MeasureBase {
  kind: 'by-due-date';
}

export type MeasureSpec = NationalWorkingDays | ByDueDate;

function byDueDate(id: string, title: string, step: string, source: string): ByDueDate {
  const definition = `${title}: done on or before the statutory due date of each occurrence (an agreed revised target still counts late)`;
  return { id, title, step, kind: 'by-due-date', definition, source };
}

export interface ProcessEntry {
  /** The Temporal workflow type: the function workflows/index.ts exports under this name. */
  workflow: string;
  /** What the process is called in words a manager uses. */
  title: string;
  /** Its outcomes and hand-overs, anchors and milestones. */
  shape: ProcessShape;
  /** Anchors that are a person's data (birth dates): withheld from memos, search attributes and prose. */
  personalAnchors?: string[];
  /** The LA-wide post that acts on it (docs/access.md). */
  post?: Post;
  /** Who may start it through the API (docs/access.md, Starting, gives the reasons). */
  startedBy: ApiRole[];
  /** How the DfE and Ofsted measure its timeliness (management/timeliness.ts counts them). */
  measures?: MeasureSpec[];
}

/** Line managers of the case's team: the ones who decide (allocation, strategy, accommodation). */
const LINE: ApiRole[] = ['team-manager', 'service-manager', 'head-of-service'];

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
      means:
        'the child became looked after: the protection plan continues until a review conference ends it, and its next review conference meets with the first looked-after review',
    },
  ],
  milestones: [
    {
      key: 'pathway-planning',
      means: 'eligible care leaver (looked after 13 weeks since 14, now 16 or over): pathway planning starts',
      at: { eligibleCareLeaver: true },
      starts: { type: 'pathway-plan', anchors: { 'date-of-birth': { from: 'date-of-birth' } } },
    },
    {
      key: 'eighteenth-birthday',
      means: 'reached 18: no longer looked after; leaving-care support continues in the pathway plan',
      at: { birthday: 18 },
      ends: true,
    },
  ],
};

const pathwayPlan: ProcessShape = {
  repeatableAnchors: ['accommodation-start', 'review-requested'],
  requiredAnchors: ['date-of-birth'],
  cycleSteps: ['pathway-plan-review'],
  outcomes: {},
  milestones: [
    {
      key: 'twenty-first-birthday',
      means: 'reached 21: leaving-care support ends (it continues to 25 on request)',
      at: { birthday: 21 },
      unless: 'support-to-25-requested',
      ends: true,
    },
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
const toCinPlanFromAssessment = {
  ...toCinPlan,
  anchors: { ...toCinPlan.anchors, 'assessment-start': { from: 'assessment-start', orFrom: 'referral-decision' } },
};

export const CATALOGUE: Record<ProcessType, ProcessEntry> = {
  referral: {
    workflow: 'referral',
    title: 'Referral decision',
    // The front door: the intake system, or a duty worker or manager recording one received directly.
    startedBy: ['intake-system', 'social-worker', 'team-manager', 'admin'],
    shape: {
      repeatableAnchors: [],
      outcomes: {
        'referral-decision': {
          assessment: {
            means: 'single assessment',
            starts: {
              type: 'single-assessment',
              anchors: { 'referral-received': { from: 'referral-received' }, 'referral-decision': 'outcome' },
            },
          },
          'strategy-discussion': {
            means: 'strategy discussion (child protection concerns)',
            immediateConcern: 'immediate-concern',
            starts: {
              type: 'child-protection-enquiry',
              anchors: {
                'concern-raised': { from: 'referral-received' },
                'immediate-concern': { from: 'immediate-concern' },
              },
            },
          },
          'early-help': { means: 'early help' },
          'information-and-advice': { means: 'information and advice' },
          'no-further-action': { means: 'no further action' },
        },
      },
    },
  },
  'single-assessment': {
    workflow: 'singleAssessment',
    title: 'Single assessment',
    // Follows the referral decision; the allocated worker leads it (Children Act 1989 s17, Sch 2 para 3).
    startedBy: ['social-worker', ...LINE, 'admin'],
    measures: [
      {
        id: 'assessment-45wd',
        title: 'Assessments completed within 45 working days of referral',
        step: 'assessment-complete',
        kind: 'national-working-days',
        anchors: ['referral-received', 'assessment-start'],
        definition:
          'assessments authorised in the period; on time if authorised no later than the {nth} working day after the referral (the assessment start where no referral date is recorded)',
        source:
          'Working Together to Safeguard Children 2023 ("no longer than 45 working days from the point of referral"); CIN census assessment working days',
      },
    ],
    shape: {
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
            starts: {
              type: 'child-protection-enquiry',
              anchors: { 'concern-raised': 'outcome', 'immediate-concern': { from: 'immediate-concern' } },
            },
            ends: true,
          },
          'early-help': {
            means: 'stepped down to early help (a targeted or universal service, outside statutory social care)',
            ends: true,
          },
        },
      },
    },
  },
  'child-protection-enquiry': {
    workflow: 'childProtectionEnquiry',
    title: 'Strategy discussion, S47 enquiry and ICPC',
    post: 'cp-chair',
    // Follows a strategy discussion's decision, a manager's (Children Act 1989 s47).
    startedBy: [...LINE, 'admin'],
    measures: [
      {
        id: 'icpc-15wd',
        title: 'ICPCs within 15 working days of the S47 start',
        step: 'icpc',
        kind: 'national-working-days',
        anchors: ['s47-start', 'strategy-discussion'],
        definition:
          'initial child protection conferences held in the period; on time if held no later than the {nth} working day after the S47 start date (the strategy discussion that initiated it where no S47 start is recorded)',
        source:
          'DfE KPI as the CIN census measures it: S47 actual start date to ICPC date in England working days (LG Inform metric 3217; CIN validator)',
      },
    ],
    shape: {
      repeatableAnchors: ['strategy-discussion'],
      outcomes: {
        'strategy-discussion': {
          s47: { means: 'section 47 enquiry started', setsAnchor: 's47-start' },
          'no-s47': { means: 'no section 47 enquiry; the case continues under its assessment or plan', ends: true },
        },
        's47-complete': {
          icpc: { means: 'initial child protection conference to be convened' },
          'child-in-need-plan': {
            means: 'child in need plan',
            starts: { ...toCinPlan, unlessSteppedUp: true },
            ends: true,
          },
          'no-further-action': { means: 'no further action', ends: true },
        },
        icpc: {
          'child-protection-plan': {
            means: 'child protection plan',
            starts: {
              type: 'child-protection-plan',
              anchors: { icpc: 'outcome', 'expected-delivery-date': { from: 'expected-delivery-date' } },
            },
            supersedes: true,
            ends: true,
          },
          'child-in-need-plan': {
            means: 'child in need plan',
            starts: { ...toCinPlan, unlessSteppedUp: true },
            ends: true,
          },
          'no-further-action': { means: 'no further action', ends: true },
        },
      },
    },
  },
  'child-protection-plan': {
    workflow: 'childProtectionPlan',
    title: 'Child protection plan',
    post: 'cp-chair',
    personalAnchors: ['birth', 'expected-delivery-date'],
    // Made by the child protection conference, which the chair records; a manager for a plan transferred in.
    startedBy: ['cp-chair', ...LINE, 'admin'],
    measures: [
      byDueDate(
        'rcpc-on-time',
        'Child protection review conferences on time',
        'rcpc',
        'Working Together 2023: first review within 3 months of the ICPC, then at most every 6 months; CIN census "CPPs reviewed within timescales"',
      ),
    ],
    shape: {
      repeatableAnchors: [],
      outcomes: {
        rcpc: {
          continue: { means: 'the child protection plan continues', cycle: true },
          'step-down': { means: 'the plan ends; stepped down to a child in need plan', starts: toCinPlan, ends: true },
          // The child is looked after and safe in placement: the care plan and its reviews (the IRO's) take over.
          'looked-after': {
            means: 'the plan ends: the child is looked after, and the care plan and looked-after reviews take over',
            ends: true,
          },
          end: { means: 'the child protection plan ends', ends: true },
        },
      },
    },
  },
  'child-in-need-plan': {
    workflow: 'childInNeedPlan',
    title: 'Child in need plan',
    // Agreed with the family after the assessment, led by the allocated worker (Children Act 1989 s17).
    startedBy: ['social-worker', ...LINE, 'admin'],
    measures: [
      byDueDate(
        'cin-review-on-time',
        'Child-in-need plan reviews on time',
        'cin-review',
        "the LA's practice standard (no national interval)",
      ),
    ],
    shape: {
      repeatableAnchors: [],
      outcomes: {
        'cin-review': {
          continue: { means: 'the child in need plan continues', cycle: true },
          close: { means: 'the child in need plan ends', ends: true },
        },
      },
    },
  },
  'looked-after': {
    workflow: 'lookedAfter',
    title: 'Looked-after child',
    post: 'iro',
    personalAnchors: ['date-of-birth', 'sixteenth-birthday'],
    // Accommodation or a care order is a manager's decision (Children Act 1989 ss20, 31), never a worker's alone.
    startedBy: [...LINE, 'admin'],
    measures: [
      byDueDate(
        'lac-review-on-time',
        'Looked-after reviews on time',
        'lac-review',
        'Care Planning, Placement and Case Review (England) Regulations 2010, reg 33: 20 working days, then 3 months, then every 6 months; SSDA903 review dates',
      ),
    ],
    shape: lookedAfter,
  },
  'pathway-plan': {
    workflow: 'pathwayPlan',
    title: 'Pathway planning (care leaver)',
    post: 'iro',
    personalAnchors: ['date-of-birth'],
    // The care leaver's plan, kept by the allocated worker or personal adviser (Children Act 1989 Sch 2 para 19B).
    startedBy: ['social-worker', ...LINE, 'admin'],
    measures: [
      byDueDate(
        'pathway-plan-review-on-time',
        'Pathway plan reviews on time',
        'pathway-plan-review',
        'Care Leavers (England) Regulations 2010, reg 7: reviewed at least every 6 months',
      ),
    ],
    shape: pathwayPlan,
  },
  'complaint-statutory': {
    workflow: 'complaintStatutory',
    title: 'Complaint (statutory procedure)',
    post: 'complaints-manager',
    // Received and recorded by the complaints manager (Derbyshire 000 L1598).
    startedBy: ['complaints-manager', 'admin'],
    measures: [
      byDueDate(
        'complaint-stage1-on-time',
        'Complaints: stage 1 responses on time',
        'stage1-response',
        'Children Act 1989 Representations Procedure (England) Regulations 2006, reg 14: 10 working days, up to 20 with an extension',
      ),
      byDueDate(
        'complaint-stage2-on-time',
        'Complaints: stage 2 responses on time',
        'stage2-response',
        '2006 Regulations, reg 17: 25 working days, up to 65 with an extension',
      ),
      byDueDate(
        'complaint-stage3-panel-on-time',
        'Complaints: stage 3 panels on time',
        'stage3-panel',
        '2006 Regulations, reg 19: panel within 30 working days of the request',
      ),
      byDueDate(
        'complaint-stage3-report-on-time',
        'Complaints: stage 3 panel reports on time',
        'stage3-panel-report',
        '2006 Regulations, reg 20: panel report within 5 working days',
      ),
      byDueDate(
        'complaint-stage3-response-on-time',
        'Complaints: LA responses to the panel on time',
        'stage3-la-response',
        '2006 Regulations, reg 21: LA response within 15 working days of the report',
      ),
    ],
    shape: complaintStatutory,
  },
  'complaint-corporate': {
    workflow: 'complaintCorporate',
    title: 'Complaint (corporate procedure)',
    post: 'complaints-manager',
    startedBy: ['complaints-manager', 'admin'],
    measures: [
      byDueDate(
        'complaint-corporate-response-on-time',
        'Corporate complaints: responses on time',
        'response',
        "the LA's corporate complaints procedure",
      ),
    ],
    shape: complaintCorporate,
  },
};

/** The outcome graph of each process type (the worker acts on it; /openapi.json lists it). */
export const SHAPES: Record<string, ProcessShape> = Object.fromEntries(
  PROCESS_TYPES.map((t) => [t, CATALOGUE[t].shape]),
);

/** Process type -> workflow type (the exported workflow function). */
export const WORKFLOW_TYPE = Object.fromEntries(PROCESS_TYPES.map((t) => [t, CATALOGUE[t].workflow])) as Record<
  ProcessType,
  string
>;

/** What each process is called in words a manager uses. */
export const PROCESS_TITLES: Record<string, string> = Object.fromEntries(
  PROCESS_TYPES.map((t) => [t, CATALOGUE[t].title]),
);

/** Every anchor that is a person's data, whichever process records it (a hand-over carries it on). */
export const PERSONAL_ANCHORS: readonly string[] = [
  ...new Set(PROCESS_TYPES.flatMap((t) => CATALOGUE[t].personalAnchors ?? [])),
];

/** The process types an LA-wide post acts on. */
export function typesOf(post: Post): ProcessType[] {
  return PROCESS_TYPES.filter((t) => CATALOGUE[t].post === post);
}

/** The process type a workflow id names (`<type>-<caseId>-<episode>`): the longest type that prefixes it. */
export function processTypeOf(workflowId: string): ProcessType | undefined {
  return PROCESS_TYPES.filter((t) => workflowId.startsWith(`${t}-`)).sort((a, b) => b.length - a.length)[0];
}

export function workflowIdFor(type: string, caseId: string, episode: string): string {
  return `${type}-${caseId}-${episode}`;
}

/**
 * The anchors the next process starts with: copied from this one's facts, or the date of the outcome. An
 * anchor this process never recorded is left out (the start then says what is missing).
 */
/** A fact handed over from the process that starts the next: `from`, or `orFrom` where `from` was never recorded. */
export interface HandoverFrom {
  from: string;
  orFrom?: string;
}

export function handoverAnchors(
  starts: { anchors: Record<string, 'outcome' | HandoverFrom> },
  facts: Record<string, string>,
  outcomeAt: string,
): Record<string, string> {
  const anchors: Record<string, string> = {};
  for (const [name, from] of Object.entries(starts.anchors)) {
    const value = from === 'outcome' ? outcomeAt : (facts[from.from] ?? (from.orFrom ? facts[from.orFrom] : undefined));
    if (value) anchors[name] = value;
  }
  return anchors;
}

/** Which of this process's anchors each of the next one's comes from ('outcome': the date of the outcome). */
export function handoverSources(starts: { anchors: Record<string, 'outcome' | HandoverFrom> }): Record<string, string> {
  return Object.fromEntries(
    Object.entries(starts.anchors).map(([name, from]) => [name, from === 'outcome' ? 'outcome' : from.from]),
  );
}

export function shapeOf(processType: string): ProcessShape {
  return SHAPES[processType] ?? { repeatableAnchors: [], outcomes: {} };
}

/** The outcomes a step accepts, or undefined when it takes none. */
export function outcomesOf(processType: string, step: string): string[] | undefined {
  const o = shapeOf(processType).outcomes[step];
  return o ? Object.keys(o) : undefined;
}
