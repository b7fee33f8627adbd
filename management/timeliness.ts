/**
 * Timeliness the way the DfE and Ofsted measure it, from the clocks' memos (open and closed runs):
 * for each measure, local authority and period, how many steps were done in the period and how many on
 * time. The national measures count on the England and Wales working-day calendar, never an LA's own
 * closure days and never a profile's local target, so a stricter or looser local rule does not change
 * the figure an inspector compares. Pure: the API lists the memos and hands them in.
 */
import { addDays, parseLocalDate, toDayNumber } from '../engine/calendar/localDate';
import { londonDate, parseMoment } from '../engine/calendar/london';
import type { WorkingDayCalendar } from '../engine/calendar/workingDays';
import { durationWords } from '../engine/calendar/due';
import type { ClockView, StepView } from '../engine/types';

interface MeasureBase {
  id: string;
  title: string;
  processType: string;
  step: string;
  definition: string;
  source: string;
}

/** On time if done within `workingDays` of an anchor (the first recorded of `anchors`), whatever the profile says. */
interface NationalCount extends MeasureBase {
  kind: 'working-days-from-anchor';
  workingDays: number;
  anchors: string[];
}

/** On time if done by the occurrence's statutory due date (a revised target does not count; a complaint's statutory extension does). */
interface ByDueDate extends MeasureBase {
  kind: 'by-due-date';
}

export type Measure = NationalCount | ByDueDate;

const byDueDate = (id: string, title: string, processType: string, step: string, source: string): ByDueDate => ({
  id,
  title,
  processType,
  step,
  kind: 'by-due-date',
  definition: `${title}: done on or before the statutory due date of each occurrence (an agreed revised target still counts late)`,
  source,
});

export const MEASURES: Measure[] = [
  {
    id: 'assessment-45wd',
    title: 'Assessments completed within 45 working days of referral',
    processType: 'single-assessment',
    step: 'assessment-complete',
    kind: 'working-days-from-anchor',
    workingDays: 45,
    anchors: ['referral-received', 'assessment-start'],
    definition: 'assessments authorised in the period; on time if authorised no later than the 45th working day after the referral (the assessment start where no referral date is recorded)',
    source: 'Working Together to Safeguard Children 2023 ("no longer than 45 working days from the point of referral"); CIN census assessment working days',
  },
  {
    id: 'icpc-15wd',
    title: 'ICPCs within 15 working days of the S47 start',
    processType: 'child-protection-enquiry',
    step: 'icpc',
    kind: 'working-days-from-anchor',
    workingDays: 15,
    anchors: ['s47-start', 'strategy-discussion'],
    definition: 'initial child protection conferences held in the period; on time if held no later than the 15th working day after the S47 start date (the strategy discussion that initiated it where no S47 start is recorded)',
    source: 'DfE KPI as the CIN census measures it: S47 actual start date to ICPC date in England working days (LG Inform metric 3217; CIN validator)',
  },
  byDueDate('rcpc-on-time', 'Child protection review conferences on time', 'child-protection-plan', 'rcpc', 'Working Together 2023: first review within 3 months of the ICPC, then at most every 6 months; CIN census "CPPs reviewed within timescales"'),
  byDueDate('lac-review-on-time', 'Looked-after reviews on time', 'looked-after', 'lac-review', 'Care Planning, Placement and Case Review (England) Regulations 2010, reg 33: 20 working days, then 3 months, then every 6 months; SSDA903 review dates'),
  byDueDate('cin-review-on-time', 'Child-in-need plan reviews on time', 'child-in-need-plan', 'cin-review', "the LA's practice standard (no national interval)"),
  byDueDate('pathway-plan-review-on-time', 'Pathway plan reviews on time', 'pathway-plan', 'pathway-plan-review', 'Care Leavers (England) Regulations 2010, reg 7: reviewed at least every 6 months'),
  byDueDate('complaint-stage1-on-time', 'Complaints: stage 1 responses on time', 'complaint-statutory', 'stage1-response', 'Children Act 1989 Representations Procedure (England) Regulations 2006, reg 14: 10 working days, up to 20 with an extension'),
  byDueDate('complaint-stage2-on-time', 'Complaints: stage 2 responses on time', 'complaint-statutory', 'stage2-response', '2006 Regulations, reg 17: 25 working days, up to 65 with an extension'),
  byDueDate('complaint-stage3-panel-on-time', 'Complaints: stage 3 panels on time', 'complaint-statutory', 'stage3-panel', '2006 Regulations, reg 19: panel within 30 working days of the request'),
  byDueDate('complaint-stage3-report-on-time', 'Complaints: stage 3 panel reports on time', 'complaint-statutory', 'stage3-panel-report', '2006 Regulations, reg 20: panel report within 5 working days'),
  byDueDate('complaint-stage3-response-on-time', 'Complaints: LA responses to the panel on time', 'complaint-statutory', 'stage3-la-response', '2006 Regulations, reg 21: LA response within 15 working days of the report'),
  byDueDate('complaint-corporate-response-on-time', 'Corporate complaints: responses on time', 'complaint-corporate', 'response', "the LA's corporate complaints procedure"),
];

export interface TimelinessQuery {
  from: string;
  to: string;
  localAuthority?: string;
  type?: string;
  measure?: string;
  by: 'period' | 'month';
}

export interface LateItem {
  workflowId: string;
  caseId: string;
  occurrence: number;
  done: string;
  /** The day it had to be done by under this measure. */
  dueBy: string;
  /** Working days from the anchor (national counts) or days past the due date (by due date). */
  taken: string;
}

export interface TimelinessRow {
  measure: string;
  title: string;
  processType: string;
  step: string;
  localAuthority: string;
  /** The whole period, or one month (YYYY-MM) of it. */
  period: string;
  completed: number;
  onTime: number;
  late: number;
  /** Share on time, percent to one decimal place; null when nothing was completed. */
  percentOnTime: number | null;
  /** National counts: how many counted from the fallback anchor because the first was not recorded. */
  countedFromFallback?: number;
  lateItems: LateItem[];
}

export interface TimelinessReport {
  from: string;
  to: string;
  by: 'period' | 'month';
  calendarVersion: string;
  measures: Pick<Measure, 'id' | 'title' | 'processType' | 'step' | 'definition' | 'source'>[];
  rows: TimelinessRow[];
}

const londonDay = (value: string) => londonDate(parseMoment(value).at);

interface Done {
  measure: Measure;
  view: ClockView;
  step: StepView;
  done: string;
  dueBy: string;
  onTime: boolean;
  taken: string;
  fallback: boolean;
}

function judge(measure: Measure, view: ClockView, step: StepView, cal: WorkingDayCalendar): Done | undefined {
  const done = londonDay(step.completedAt!);
  if (measure.kind === 'by-due-date') {
    if (!step.dueDate) return undefined;
    const daysLate = toDayNumber(done) - toDayNumber(step.dueDate);
    return { measure, view, step, done, dueBy: step.dueDate, onTime: done <= step.dueDate, taken: daysLate > 0 ? `${durationWords({ value: daysLate, unit: 'days' })} late` : 'on time', fallback: false };
  }
  const anchor = measure.anchors.find((a) => view.anchors[a]);
  if (!anchor) return undefined;
  const from = londonDay(view.anchors[anchor]);
  const dueBy = cal.workingDaysAfter(from, measure.workingDays);
  let taken = 0;
  for (let d = from; d < done; d = addDays(d, 1)) if (cal.isWorkingDay(addDays(d, 1))) taken++;
  return { measure, view, step, done, dueBy, onTime: done <= dueBy, taken: `${durationWords({ value: taken, unit: 'working-days' })} from ${anchor}`, fallback: anchor !== measure.anchors[0] };
}

/** Every run of a process lists separately (continue-as-new): each completed occurrence counts once. */
function completedOccurrences(views: ClockView[], measure: Measure): { view: ClockView; step: StepView }[] {
  const seen = new Map<string, { view: ClockView; step: StepView }>();
  for (const view of views) {
    if (view.type !== measure.processType) continue;
    for (const step of view.steps) {
      if (step.key !== measure.step || step.status !== 'completed' || !step.completedAt) continue;
      seen.set(`${view.workflowId}|${step.occurrence}`, { view, step });
    }
  }
  return [...seen.values()];
}

export function timelinessReport(views: ClockView[], query: TimelinessQuery, cal: WorkingDayCalendar): TimelinessReport {
  parseLocalDate(query.from, 'from');
  parseLocalDate(query.to, 'to');
  const measures = MEASURES.filter((m) => (!query.measure || m.id === query.measure) && (!query.type || m.processType === query.type));
  const rows = new Map<string, TimelinessRow>();
  for (const measure of measures) {
    for (const { view, step } of completedOccurrences(views, measure)) {
      if (query.localAuthority && view.localAuthority !== query.localAuthority) continue;
      const judged = judge(measure, view, step, cal);
      if (!judged || judged.done < query.from || judged.done > query.to) continue;
      const period = query.by === 'month' ? judged.done.slice(0, 7) : `${query.from}..${query.to}`;
      const key = `${measure.id}|${view.localAuthority}|${period}`;
      const row = rows.get(key) ?? { measure: measure.id, title: measure.title, processType: measure.processType, step: measure.step, localAuthority: view.localAuthority, period, completed: 0, onTime: 0, late: 0, percentOnTime: null, ...(measure.kind === 'working-days-from-anchor' ? { countedFromFallback: 0 } : {}), lateItems: [] };
      row.completed++;
      if (judged.onTime) row.onTime++;
      else {
        row.late++;
        row.lateItems.push({ workflowId: view.workflowId, caseId: view.caseId, occurrence: step.occurrence, done: judged.done, dueBy: judged.dueBy, taken: judged.taken });
      }
      if (judged.fallback) row.countedFromFallback!++;
      rows.set(key, row);
    }
  }
  const out = [...rows.values()].map((r) => ({ ...r, percentOnTime: r.completed ? Math.round((r.onTime / r.completed) * 1000) / 10 : null, lateItems: r.lateItems.sort((a, b) => a.done.localeCompare(b.done) || a.workflowId.localeCompare(b.workflowId)) }));
  const order = new Map(MEASURES.map((m, i) => [m.id, i]));
  out.sort((a, b) => order.get(a.measure)! - order.get(b.measure)! || a.localAuthority.localeCompare(b.localAuthority) || a.period.localeCompare(b.period));
  return {
    from: query.from,
    to: query.to,
    by: query.by,
    calendarVersion: cal.data.version,
    measures: measures.map(({ id, title, processType, step, definition, source }) => ({ id, title, processType, step, definition, source })),
    rows: out,
  };
}

const CSV_COLUMNS = ['measure', 'processType', 'step', 'localAuthority', 'period', 'completed', 'onTime', 'late', 'percentOnTime', 'countedFromFallback'] as const;

/** RFC 4180 CSV, one row per measure, LA and period; late items stay in the JSON. */
export function timelinessCsv(report: TimelinessReport): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [CSV_COLUMNS.join(','), ...report.rows.map((r) => CSV_COLUMNS.map((c) => cell(r[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
