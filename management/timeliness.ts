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
import { CATALOGUE, PROCESS_TYPES, type MeasureSpec, type ProcessType } from '../engine/catalogue';
import type { ResolvedProcessRules } from '../engine/profile/resolved';

/** A measure of the catalogue, with the process type it counts. */
export type Measure = MeasureSpec & { processType: ProcessType };

export const MEASURES: Measure[] = PROCESS_TYPES.flatMap((t) =>
  (CATALOGUE[t].measures ?? []).map((m) => ({ ...m, processType: t })),
);

/** 1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, ..., 21st, 45th. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** The working days each national measure allows, by measure id. */
export type NationalDays = Record<string, number>;

/**
 * Reads each national measure's working days from the national rule for its step (the england profile),
 * so the figure a report counts to is the one the rule cites, never a second copy of it.
 */
export function nationalDays(national: (processType: ProcessType) => ResolvedProcessRules): NationalDays {
  const out: NationalDays = {};
  for (const m of MEASURES) {
    if (m.kind !== 'national-working-days') continue;
    const due = national(m.processType).steps.find((s) => s.key === m.step)?.due;
    if (!due || due.unit !== 'working-days' || due.before)
      throw new Error(
        `timeliness measure ${m.id}: the national rule for ${m.processType} ${m.step} is not a count of working days`,
      );
    out[m.id] = due.value;
  }
  return out;
}

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

function judge(
  measure: Measure,
  view: ClockView,
  step: StepView,
  cal: WorkingDayCalendar,
  days: NationalDays,
): Done | undefined {
  const done = londonDay(step.completedAt!);
  if (measure.kind === 'by-due-date') {
    if (!step.dueDate) return undefined;
    const daysLate = toDayNumber(done) - toDayNumber(step.dueDate);
    return {
      measure,
      view,
      step,
      done,
      dueBy: step.dueDate,
      onTime: done <= step.dueDate,
      taken: daysLate > 0 ? `${durationWords({ value: daysLate, unit: 'days' })} late` : 'on time',
      fallback: false,
    };
  }
  const anchor = measure.anchors.find((a) => view.anchors[a]);
  if (!anchor) return undefined;
  const from = londonDay(view.anchors[anchor]);
  const dueBy = cal.workingDaysAfter(from, days[measure.id]);
  let taken = 0;
  for (let d = from; d < done; d = addDays(d, 1)) if (cal.isWorkingDay(addDays(d, 1))) taken++;
  return {
    measure,
    view,
    step,
    done,
    dueBy,
    onTime: done <= dueBy,
    taken: `${durationWords({ value: taken, unit: 'working-days' })} from ${anchor}`,
    fallback: anchor !== measure.anchors[0],
  };
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

export function timelinessReport(
  views: ClockView[],
  query: TimelinessQuery,
  cal: WorkingDayCalendar,
  days: NationalDays,
): TimelinessReport {
  parseLocalDate(query.from, 'from');
  parseLocalDate(query.to, 'to');
  const measures = MEASURES.filter(
    (m) => (!query.measure || m.id === query.measure) && (!query.type || m.processType === query.type),
  );
  const rows = new Map<string, TimelinessRow>();
  for (const measure of measures) {
    for (const { view, step } of completedOccurrences(views, measure)) {
      if (query.localAuthority && view.localAuthority !== query.localAuthority) continue;
      const judged = judge(measure, view, step, cal, days);
      if (!judged || judged.done < query.from || judged.done > query.to) continue;
      const period = query.by === 'month' ? judged.done.slice(0, 7) : `${query.from}..${query.to}`;
      const key = `${measure.id}|${view.localAuthority}|${period}`;
      const row = rows.get(key) ?? {
        measure: measure.id,
        title: measure.title,
        processType: measure.processType,
        step: measure.step,
        localAuthority: view.localAuthority,
        period,
        completed: 0,
        onTime: 0,
        late: 0,
        percentOnTime: null,
        ...(measure.kind === 'national-working-days' ? { countedFromFallback: 0 } : {}),
        lateItems: [],
      };
      row.completed++;
      if (judged.onTime) row.onTime++;
      else {
        row.late++;
        row.lateItems.push({
          workflowId: view.workflowId,
          caseId: view.caseId,
          occurrence: step.occurrence,
          done: judged.done,
          dueBy: judged.dueBy,
          taken: judged.taken,
        });
      }
      if (judged.fallback) row.countedFromFallback!++;
      rows.set(key, row);
    }
  }
  const out = [...rows.values()].map((r) => ({
    ...r,
    percentOnTime: r.completed ? Math.round((r.onTime / r.completed) * 1000) / 10 : null,
    lateItems: r.lateItems.sort((a, b) => a.done.localeCompare(b.done) || a.workflowId.localeCompare(b.workflowId)),
  }));
  const order = new Map(MEASURES.map((m, i) => [m.id, i]));
  out.sort(
    (a, b) =>
      order.get(a.measure)! - order.get(b.measure)! ||
      a.localAuthority.localeCompare(b.localAuthority) ||
      a.period.localeCompare(b.period),
  );
  return {
    from: query.from,
    to: query.to,
    by: query.by,
    calendarVersion: cal.data.version,
    measures: measures.map(({ id, title, processType, step, definition, source }) => ({
      id,
      title,
      processType,
      step,
      definition: id in days ? definition.replace('{nth}', ordinal(days[id])) : definition,
      source,
    })),
    rows: out,
  };
}

const CSV_COLUMNS = [
  'measure',
  'processType',
  'step',
  'localAuthority',
  'period',
  'completed',
  'onTime',
  'late',
  'percentOnTime',
  'countedFromFallback',
] as const;

/** RFC 4180 CSV, one row per measure, LA and period; late items stay in the JSON. */
export function timelinessCsv(report: TimelinessReport): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [CSV_COLUMNS.join(','), ...report.rows.map((r) => CSV_COLUMNS.map((c) => cell(r[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
