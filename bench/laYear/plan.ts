/**
 * The simulated LA year as data: which referrals arrive on which working day and what the front door
 * decides for each, which enquiries lead to a child protection plan, and which children come into care
 * (with the moves and endings some of them have). Pure and deterministic from the seed.
 */
import { calendarData } from '../../profiles/calendar';
import { addDays } from '../../engine/calendar/localDate';
import { formatLondon, londonWallTime } from '../../engine/calendar/london';
import { WorkingDayCalendar } from '../../engine/calendar/workingDays';
import type { PLACEMENT_KINDS } from '../../engine/catalogue';
import { draw, pick, weighted } from './draw';

export interface Volume {
  referrals: number;
  assessments: number;
  cpPlans: number;
  lookedAfter: number;
}

/** The example year; quick runs a tenth of it over the same twelve months. */
export const FULL_YEAR: Volume = { referrals: 5000, assessments: 1800, cpPlans: 300, lookedAfter: 400 };
export const volumeOf = (quick: boolean): Volume =>
  quick
    ? {
        referrals: FULL_YEAR.referrals / 10,
        assessments: FULL_YEAR.assessments / 10,
        cpPlans: FULL_YEAR.cpPlans / 10,
        lookedAfter: FULL_YEAR.lookedAfter / 10,
      }
    : FULL_YEAR;

/** Fixed dates years ahead: the time-skipping server starts at the real now and only moves forward. */
export const YEAR = { first: '2030-04-01', last: '2031-03-31' };

interface LaStaff {
  id: string;
  code: string;
  share: number;
  teams: { team: string; workerId: string }[];
  /** These LAs count the referral decision from the contact (profiles/data: contact-received). */
  countsFromContact: boolean;
}

/** Several LAs, with the teams and workers of config/directory.json. */
export const LAS: LaStaff[] = [
  {
    id: 'derbyshire',
    code: 'DERB',
    share: 30,
    countsFromContact: false,
    teams: [
      { team: 'derb-north-assessment', workerId: 'sw-derb-01' },
      { team: 'derb-south-assessment', workerId: 'sw-derb-02' },
    ],
  },
  {
    id: 'northamptonshire',
    code: 'NN',
    share: 25,
    countsFromContact: true,
    teams: [{ team: 'nn-mash', workerId: 'sw-nn-01' }],
  },
  {
    id: 'england',
    code: 'ENG',
    share: 20,
    countsFromContact: false,
    teams: [{ team: 'eng-demo', workerId: 'sw-eng-01' }],
  },
  {
    id: 'york',
    code: 'YORK',
    share: 15,
    countsFromContact: false,
    teams: [{ team: 'york-ra', workerId: 'sw-york-01' }],
  },
  {
    id: 'bracknell-forest',
    code: 'BF',
    share: 10,
    countsFromContact: true,
    teams: [{ team: 'bf-mash', workerId: 'sw-bf-01' }],
  },
];

export type Decision =
  'assessment' | 'strategy-discussion' | 'early-help' | 'information-and-advice' | 'no-further-action';
/** What a child protection enquiry comes to: a CP plan; a CIN plan or no further action at the S47; no plan at the ICPC. */
export type EnquiryFate = 'cp' | 'cin' | 'nfa' | 'icpc-nfa';
export type PlacementKind = (typeof PLACEMENT_KINDS)[number];

export interface PlannedReferral {
  day: string;
  la: string;
  caseId: string;
  referralId: string;
  assignment: { team: string; workerId: string };
  receivedAt: string;
  contactReceivedAt?: string;
  decision: Decision;
  enquiry?: EnquiryFate;
}

export interface PlannedChild {
  day: string;
  la: string;
  caseId: string;
  assignment: { team: string; workerId: string };
  dateOfBirth: string;
  kind: PlacementKind;
  move?: { day: string; kind: PlacementKind };
  ceases?: string;
}

export interface YearPlan {
  volume: Volume;
  workingDays: string[];
  referrals: PlannedReferral[];
  children: PlannedChild[];
}

const KINDS: [PlacementKind, number][] = [
  ['foster-care', 62],
  ['agency-foster-care', 12],
  ['residential', 6],
  ['private-residential', 5],
  ['connected-person-temporary', 8],
  ['parent-before-assessment', 3],
  ['placed-for-adoption', 4],
];

export const calendar = WorkingDayCalendar.of(calendarData());

/** Share of the children coming into care aged 15, who become eligible care leavers at 16 within the year. */
export const OLDER_SHARE = 0.1;

export function workingDaysOf(first: string, last: string): string[] {
  const days: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) days.push(d);
  return days;
}

/** Item i of n on the i-th share of the working days: an even flow across the year. */
const spread = (days: string[], i: number, n: number) => days[Math.floor((i * days.length) / n)];

/** Picks `count` of `indices` evenly through the year (so enquiries are not bunched in one month). */
function evenly(indices: number[], count: number): number[] {
  return Array.from({ length: count }, (_, j) => indices[Math.floor((j * indices.length) / count)]);
}

export function planYear(volume: Volume, seed: number, year = YEAR): YearPlan {
  const workingDays = workingDaysOf(year.first, year.last);
  const las = LAS.map((l) => [l.id, l.share] as [string, number]);

  const referrals: PlannedReferral[] = Array.from({ length: volume.referrals }, (_, i) => {
    const day = spread(workingDays, i, volume.referrals);
    const la = LAS.find((l) => l.id === weighted(las, seed, 'referral-la', i))!;
    const assignment = la.teams[pick(la.teams.length, seed, 'team', i)];
    // Received between 08:00 and 10:00 on its day; the contact came in half an hour to three hours before.
    const receivedMs = londonWallTime(day, 8, 0) + pick(120, seed, 'received', i) * 60_000;
    const contactMs = receivedMs - (30 + pick(150, seed, 'contact', i)) * 60_000;
    const n = String(i + 1).padStart(5, '0');
    return {
      day,
      la: la.id,
      caseId: `${la.code}-Y${n}`,
      referralId: `R${n}`,
      assignment,
      receivedAt: formatLondon(receivedMs),
      ...(la.countsFromContact ? { contactReceivedAt: formatLondon(contactMs) } : {}),
      decision: 'no-further-action',
    };
  });

  // Enquiries: the CP plans the year asks for, and 40% as many that end another way (CIN plan, NFA).
  // Only referrals received six weeks before the year ends, so each reaches its ICPC within the year.
  const enquiryFates: EnquiryFate[] = [
    ...Array<EnquiryFate>(volume.cpPlans).fill('cp'),
    ...Array<EnquiryFate>(Math.round(volume.cpPlans * 0.2)).fill('cin'),
    ...Array<EnquiryFate>(Math.round(volume.cpPlans * 0.12)).fill('nfa'),
    ...Array<EnquiryFate>(Math.round(volume.cpPlans * 0.08)).fill('icpc-nfa'),
  ];
  shuffle(enquiryFates, seed, 'enquiry-fates');
  const cutoff = addDays(year.last, -42);
  const early = referrals.map((r, i) => (r.day <= cutoff ? i : -1)).filter((i) => i >= 0);
  evenly(early, enquiryFates.length).forEach((i, j) => {
    referrals[i].decision = 'strategy-discussion';
    referrals[i].enquiry = enquiryFates[j];
  });

  // Assessments: the year's count, drawn from the rest; the others end at the front door.
  const rest = referrals.map((_, i) => i).filter((i) => referrals[i].decision !== 'strategy-discussion');
  shuffle(rest, seed, 'assessments');
  rest.forEach((i, k) => {
    referrals[i].decision =
      k < volume.assessments
        ? 'assessment'
        : weighted<Decision>(
            [
              ['early-help', 40],
              ['information-and-advice', 30],
              ['no-further-action', 30],
            ],
            seed,
            'front-door',
            i,
          );
  });

  const children: PlannedChild[] = Array.from({ length: volume.lookedAfter }, (_, i) => {
    const day = spread(workingDays, i, volume.lookedAfter);
    const la = LAS.find((l) => l.id === weighted(las, seed, 'child-la', i))!;
    const assignment = la.teams[pick(la.teams.length, seed, 'child-team', i)];
    // Most aged 2 to 14 on coming into care; one in ten aged 15 (15 years to 15 years 8 months), who turns
    // 16 four to twelve months later, having been looked after the 13 weeks since 14 that make them an
    // eligible care leaver then (pathway planning starts, if the 16th birthday is within the year). The
    // others' ages are the same draws as before; any birth year is accepted (calendar time reads no bank holiday).
    const older = draw(seed, 'older', i) < OLDER_SHARE;
    const dateOfBirth = older
      ? addDays(day, -(15 * 365 + pick(240, seed, 'older-age', i)))
      : addDays(day, -(2 * 365 + pick(13 * 365 - 30, seed, 'age', i)));
    const moveDay = addDays(day, 40 + pick(120, seed, 'move-day', i));
    const ceaseDay = addDays(day, 60 + pick(240, seed, 'cease-day', i));
    const move =
      draw(seed, 'moves', i) < 0.12 && moveDay <= year.last
        ? { day: calendar.workingDayOnOrAfter(moveDay), kind: weighted(KINDS, seed, 'move-kind', i) }
        : undefined;
    const ceases =
      draw(seed, 'ceases', i) < 0.2 && ceaseDay <= year.last && (!move || ceaseDay > move.day)
        ? calendar.workingDayOnOrAfter(ceaseDay)
        : undefined;
    return {
      day,
      la: la.id,
      caseId: `LAC-${la.code}-Y${String(i + 1).padStart(4, '0')}`,
      assignment,
      dateOfBirth,
      kind: weighted(KINDS, seed, 'kind', i),
      ...(move ? { move } : {}),
      ...(ceases && ceases <= year.last ? { ceases } : {}),
    };
  });
  return { volume, workingDays, referrals, children };
}

/** Fisher-Yates with named draws. */
function shuffle<T>(items: T[], seed: number, name: string): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = pick(i + 1, seed, name, i);
    [items[i], items[j]] = [items[j], items[i]];
  }
}
