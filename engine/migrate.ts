/**
 * Moving a running process onto new rules or a new calendar: an audited administrator action (docs/design.md, Versions).
 * Editing a profile changes new processes only; a running one changes only through this Update, whose
 * history records who, when, why, and which due dates moved. Pure, like events.ts.
 */
import { formatLondon } from './calendar/london';
import type { CalendarData } from './calendar/workingDays';
import type { ResolvedProcessRules } from './profile/resolved';
import type { Rejection } from './events';
import { recordHistory } from './events';
import { stepLabel } from './explain/explain';
import { buildSchedule } from './compute/schedule';
import type { ClockInput, ClockState, MigrationRecord } from './types';

export interface RulesMigration {
  rules: ResolvedProcessRules;
  /** A new calendar version (a newly announced bank holiday); trimmed to the process's slice. */
  calendar?: CalendarData;
  reason: string;
  by?: string;
}

export type { MigrationRecord };

function sliceCalendar(current: CalendarData, next: CalendarData): CalendarData {
  const from = current.coverage.from;
  return { ...next, coverage: { ...next.coverage, from }, holidays: next.holidays.filter((d) => d >= from) };
}

const versionOf = (input: Pick<ClockInput, 'rules' | 'calendar'>) =>
  `${input.rules.profileId}@${input.rules.version}, calendar ${input.calendar.version}`;

function dueDates(input: ClockInput, state: ClockState, now: number): Map<string, string> {
  const schedule = buildSchedule(input, state, now, 'migration');
  return new Map(
    schedule.steps
      .filter((s) => s.status !== 'completed' && s.status !== 'cancelled' && s.dueDate)
      .map((s) => [`${s.key}#${s.occurrence}`, s.dueDate!]),
  );
}

export function checkMigration(
  input: ClockInput,
  state: ClockState,
  m: RulesMigration,
  now: number,
): Rejection | undefined {
  if (state.closed || state.finished)
    return { field: 'workflowId', message: 'the process has ended; its rules are kept as they were', conflict: true };
  if (!m.reason || m.reason.trim().length < 3)
    return { field: 'reason', message: 'a reason is required to migrate a running process' };
  if (m.rules.processType !== input.processType)
    return { field: 'rules', message: `rules for ${m.rules.processType}, but this process is ${input.processType}` };
  if (m.rules.profileId !== input.rules.profileId)
    return {
      field: 'rules',
      message: `rules of ${m.rules.profileId}, but this process runs on ${input.rules.profileId}`,
    };
  const next = {
    ...input,
    rules: m.rules,
    calendar: m.calendar ? sliceCalendar(input.calendar, m.calendar) : input.calendar,
  };
  if (versionOf(next) === versionOf(input))
    return { field: 'rules', message: `already on ${versionOf(input)}`, conflict: true };
  // Facts recorded against a step must still have a rule to read them.
  const keys = new Set(m.rules.steps.map((s) => s.key));
  const used = [
    ...Object.keys(state.completions),
    ...Object.keys(state.extensions),
    ...Object.keys(state.intervals),
    ...Object.keys(state.noAccess),
  ].filter((k) => !keys.has(k));
  if (used.length)
    return {
      field: 'rules',
      message: `the new rules drop steps this process has recorded: ${[...new Set(used)].join(', ')}`,
      conflict: true,
    };
  let schedule;
  try {
    schedule = buildSchedule(next, state, now, 'migration');
  } catch (err) {
    return { field: 'rules', message: `the new rules cannot compute this process's dates: ${(err as Error).message}` };
  }
  // Rules under which nothing would count leave the child with no clock: refused, as a start would be.
  if (schedule.stalled)
    return {
      field: 'rules',
      message: `under the new rules nothing would count: ${schedule.stalled.steps.join(', ')} wait for ${schedule.stalled.anchors.join(' or ')}, which this process has not recorded`,
    };
  return undefined;
}

/** Applies a migration checkMigration accepted: the process's input now carries the new rules (and across continue-as-new). */
export function applyMigration(input: ClockInput, state: ClockState, m: RulesMigration, now: number): MigrationRecord {
  const before = dueDates(input, state, now);
  const from = versionOf(input);
  input.rules = m.rules;
  if (m.calendar) input.calendar = sliceCalendar(input.calendar, m.calendar);
  const after = dueDates(input, state, now);
  const changes: string[] = [];
  for (const [key, date] of after) {
    const was = before.get(key);
    const [step, occurrence] = key.split('#');
    const rule = input.rules.steps.find((s) => s.key === step)!;
    if (was !== date)
      changes.push(`${stepLabel(rule, Number(occurrence))} ${was ? `due ${was} -> ${date}` : `now due ${date}`}`);
  }
  const record: MigrationRecord = {
    at: formatLondon(now),
    ...(m.by ? { by: m.by } : {}),
    reason: m.reason.trim(),
    from,
    to: versionOf(input),
    changes,
  };
  (state.migrations ??= []).push(record);
  recordHistory(
    state,
    record.at,
    `migrated from ${from} to ${record.to}: ${record.reason}; ${changes.length ? changes.join('; ') : 'no open due date moved'}`,
    m.by,
    [record.reason],
  );
  return record;
}
