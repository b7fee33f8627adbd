/**
 * Dates the case's facts give, with no event: birthdays, and the day a looked-after child becomes an
 * eligible care leaver. Pure: the workflow decides each once, at the start of that day (London).
 */
import { addDays, anniversary, formatLongDate } from '../calendar/localDate';
import { londonWallTime, parseMoment } from '../calendar/london';
import type { Milestone, ProcessShape } from '../catalogue';
import type { ClockState, MilestoneView } from '../types';

/** A looked-after child's looked-after time counts towards eligibility from the 14th birthday (CPPCR 2010 reg 40). */
export const ELIGIBILITY_WEEKS = 13;

/**
 * The day a looked-after child becomes an eligible care leaver: looked after for 13 weeks since the age
 * of 14 and now 16 or over (Children Act 1989 Sch 2 para 19B; CPPCR 2010 reg 40(1)). It is the 16th
 * birthday when the 13 weeks were already served, otherwise the day they are. Only this episode counts:
 * earlier periods in care are not known to the process (start pathway planning through the API then).
 */
export function eligibleCareLeaverFrom(
  dateOfBirth: string,
  becameLookedAfter: string,
): { date: string; anchor: 'sixteenth-birthday' | 'became-eligible' } | undefined {
  const dob = parseMoment(dateOfBirth).date;
  const since = parseMoment(becameLookedAfter).date;
  const fourteen = anniversary(dob, 14);
  const sixteen = anniversary(dob, 16);
  const served = addDays(since > fourteen ? since : fourteen, ELIGIBILITY_WEEKS * 7);
  const date = served > sixteen ? served : sixteen;
  if (date >= anniversary(dob, 18)) return undefined;
  return { date, anchor: date === sixteen ? 'sixteenth-birthday' : 'became-eligible' };
}

/** The law that moves a 29 February birthday, as every explanation of one words it. */
export const LEAP_BIRTHDAY = 'in a year without 29 February a birthday falls on 1 March, Family Law Reform Act 1969 s9';

/** How a birthday was reached, in words, when the law moved it: born 29 February, a year without one. */
export function birthdayNote(dateOfBirth: string, date: string): string | undefined {
  const dob = parseMoment(dateOfBirth).date;
  if (dob.slice(5) !== '02-29' || date.slice(5) !== '03-01') return undefined;
  return `born ${formatLongDate(dob).replace(/^\w+ /, '')}; ${LEAP_BIRTHDAY}`;
}

/**
 * A sixteenth-birthday anchor that is not the date of birth's 16th birthday (both given): the refusal's
 * field and message, or undefined. `field` is how the caller names the anchor.
 */
export function sixteenthBirthdayContradiction(
  anchors: Record<string, string>,
  field: string,
): { field: string; message: string } | undefined {
  const dob = anchors['date-of-birth'];
  const given = anchors['sixteenth-birthday'];
  if (!dob || !given) return undefined;
  const expected = anniversary(parseMoment(dob).date, 16);
  if (parseMoment(given).date === expected) return undefined;
  const note = birthdayNote(dob, expected);
  return {
    field,
    message: `${given} is not the 16th birthday of a child born ${dob}: that is ${expected}${note ? ` (${note})` : ''}`,
  };
}

export interface MilestoneTime {
  milestone: Milestone;
  date: string;
  /** The instant it is decided: 00:00 London on its date. */
  at: number;
  /** The anchor the date is recorded as in a process it starts (eligibility: the 16th birthday or later). */
  anchor?: string;
}

/** Milestones not yet reached, with their dates; those the facts cannot date yet (no date of birth) are left out. */
export function pendingMilestones(shape: ProcessShape, state: ClockState): MilestoneTime[] {
  const out: MilestoneTime[] = [];
  const dob = state.anchors['date-of-birth'];
  if (!dob) return out;
  for (const milestone of shape.milestones ?? []) {
    if (state.reached[milestone.key]) continue;
    if (milestone.unless && state.anchors[milestone.unless]) continue;
    if ('birthday' in milestone.at) {
      const date = anniversary(parseMoment(dob).date, milestone.at.birthday);
      out.push({ milestone, date, at: londonWallTime(date) });
      continue;
    }
    const lookedAfter = state.anchors['became-looked-after'];
    const eligible = lookedAfter ? eligibleCareLeaverFrom(dob, lookedAfter) : undefined;
    if (eligible)
      out.push({ milestone, date: eligible.date, at: londonWallTime(eligible.date), anchor: eligible.anchor });
  }
  return out.sort((a, b) => a.at - b.at);
}

const ORDINAL = (n: number) =>
  `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
/** A person attains an age at the start of the anniversary of their birth (Family Law Reform Act 1969 s9). */
const AGE_LAW = 'a person attains an age at the start of their birthday, Family Law Reform Act 1969 s9';
const ELIGIBLE_LAW = 'Children Act 1989 Sch 2 para 19B; CPPCR 2010 reg 40(1)';

/** "18th birthday: Wed 10 Mar 2033 (born 10 Mar 2015; ...)", the law cited, a 29 February birth explained. */
function birthdayRule(years: number, dob: string): { date: string; rule: string } {
  const date = anniversary(dob, years);
  const why = birthdayNote(dob, date) ?? `born ${formatLongDate(dob).replace(/^\w+ /, '')}; ${AGE_LAW}`;
  return { date, rule: `${ORDINAL(years)} birthday: ${formatLongDate(date)} (${why})` };
}

/**
 * The case's milestones for the view: the 16th birthday where it counts (eligibility as a care leaver, a
 * pathway plan's anchor), then each of the process's milestones, dated from the facts, with the rule in
 * words. Those the facts cannot date yet (no date of birth; never eligible in this episode) are left out.
 */
export function milestoneViews(
  shape: ProcessShape,
  state: ClockState,
  anchorsOfRules: readonly string[],
): MilestoneView[] {
  const dobRaw = state.anchors['date-of-birth'];
  if (!dobRaw) return [];
  const dob = parseMoment(dobRaw).date;
  const out: MilestoneView[] = [];
  const eligibility = (shape.milestones ?? []).some((m) => 'eligibleCareLeaver' in m.at);
  if (eligibility || anchorsOfRules.includes('sixteenth-birthday')) {
    out.push({
      key: 'sixteenth-birthday',
      ...birthdayRule(16, dob),
      means: 'the earliest day a care leaver is eligible; a pathway plan counts from it',
      birthday: true,
    });
  }
  for (const m of shape.milestones ?? []) {
    const reached = state.reached[m.key];
    if (!reached && m.unless && state.anchors[m.unless]) continue;
    const reachedAt = reached ? { reachedAt: reached.at } : {};
    if ('birthday' in m.at) {
      out.push({ key: m.key, ...birthdayRule(m.at.birthday, dob), means: m.means, birthday: true, ...reachedAt });
      continue;
    }
    const lookedAfter = state.anchors['became-looked-after'];
    const eligible = reached
      ? { date: reached.date, anchor: undefined }
      : lookedAfter
        ? eligibleCareLeaverFrom(dobRaw, lookedAfter)
        : undefined;
    if (!eligible) continue;
    const sixteen = anniversary(dob, 16);
    const served =
      eligible.date === sixteen
        ? 'the 16th birthday, 13 weeks looked after since 14 already served'
        : '13 weeks looked after since the 14th birthday served, aged 16 or over';
    out.push({
      key: m.key,
      date: eligible.date,
      rule: `eligible care leaver: ${formatLongDate(eligible.date)} (${served}; ${ELIGIBLE_LAW})`,
      means: m.means,
      birthday: eligible.date === sixteen,
      ...reachedAt,
    });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
