/**
 * Starting a process, the one path used by the API and by hand-overs between processes: resolve the
 * LA's rules and the calendar slice as data, dry-run the schedule so a bad anchor, or working days counted
 * before the calendar's coverage, is refused before anything starts, then start idempotently. An anchor of
 * any year is accepted where only calendar time counts from it (a date of birth).
 */
import { randomUUID, createHash } from 'node:crypto';
import {
  Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowExecutionDescription,
  WorkflowNotFoundError,
} from '@temporalio/client';
import { startInputOf } from './startInput';
import { bodyDifferences, canonical } from '../engine/events/sameEvent';
import { calendarData } from '../profiles/calendar';
import { parseMoment } from '../engine/calendar/london';
import type { ProfileRegistry } from '../profiles/load';
import { durationWords } from '../engine/calendar/due';
import { formatSource } from '../engine/explain/explain';
import { staticSummary } from '../engine/explain/details';
import { buildSchedule } from '../engine/compute/schedule';
import * as SA from '../workflows/searchAttributes';
import { initialState } from '../engine/state';
import { applyEvent, checkEvent } from '../engine/events';
import { timeLimitOf } from '../engine/compute/timeLimit';
import { sixteenthBirthdayContradiction } from '../engine/compute/milestones';
import type { ClockInput } from '../engine/types';
import { shapeOf } from '../engine/catalogue';
import { WORKFLOW_TYPE, workflowIdFor } from '../engine/catalogue';
import type { StartProcess } from './contracts';

export class StartError extends Error {
  constructor(
    readonly status: number,
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'StartError';
  }
}

export interface StartResult {
  workflowId: string;
  runId: string;
  existing: boolean;
}

export interface StartOptions {
  startedBy?: string;
  correlationId?: string;
  /** Anchors every step needs before the process may start (e.g. intake requires them all). */
  requireAllStepAnchors?: boolean;
  /**
   * A hand-over: a process of this id already there, whatever its body, is the child's next process (the
   * case system started it itself), so the chain holds and the hand-over is done.
   */
  acceptExisting?: boolean;
  /** Run on the checked input before anything starts: a refusal (a StartError) starts nothing (the API's intake checks). */
  beforeStart?: () => void | Promise<void>;
  /** The instant the start is checked as of (steps already done cannot be in the future); now, unless a test server's clock runs elsewhere. */
  now?: number;
}

/** The hash a start is known by: of its body as sameEvent.ts reads one, so an instant in another notation is the same start. */
export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonical(body)).digest('hex').slice(0, 32);
}

/** The hash starts had before instants were compared as instants: a repeat of one of those is still recognised. */
function legacyRequestHash(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 32);
}

/** What of a start request its workflow's input keeps, to name what a conflicting repeat changed. */
export function requestOf(input: ClockInput): Record<string, unknown> {
  return {
    localAuthority: input.localAuthority,
    anchors: input.anchors,
    anchorKinds: input.anchorKinds,
    assignment: input.assignment,
    familyId: input.familyId,
    steppedUpFrom: input.steppedUpFrom,
    completed: input.completed,
    lateAccepted: input.lateAccepted ? { reason: input.lateAccepted.reason } : undefined,
  };
}

export class ProcessStarter {
  constructor(
    private readonly client: Client,
    private readonly profiles: ProfileRegistry,
    readonly taskQueue: string,
  ) {}

  /** The rules a process of this LA and type starts on today (what a migration moves a running one onto). */
  currentRules(localAuthority: string, type: string) {
    return this.profiles.resolve(localAuthority, type);
  }

  /** Today's calendar for the LA (bank holidays and its closure days), whole. */
  currentCalendar(localAuthority: string) {
    return calendarData(this.profiles.closureDays(localAuthority));
  }

  /** Builds and checks a workflow input without starting anything (also used by previews and tests). */
  buildInput(req: StartProcess, options: StartOptions = {}, now = Date.now()): ClockInput {
    if (!this.profiles.has(req.localAuthority)) {
      throw new StartError(
        422,
        'localAuthority',
        `unknown LA profile '${req.localAuthority}' (known: ${this.profiles.ids().join(', ')})`,
      );
    }
    if (!this.profiles.processTypes(req.localAuthority).includes(req.type)) {
      throw new StartError(
        422,
        'type',
        `${req.localAuthority} has no ${req.type} procedure in its profile (its practice standards describe none); add processes.${req.type} to profiles/data/${req.localAuthority}.json`,
      );
    }
    const rules = this.profiles.resolve(req.localAuthority, req.type);
    for (const key of Object.keys(req.anchors)) {
      if (!rules.anchors.includes(key)) {
        throw new StartError(
          422,
          `anchors.${key}`,
          `'${key}' is not an anchor of ${req.type} for ${rules.profileName} (anchors: ${rules.anchors.join(', ')})`,
        );
      }
    }
    const birthday = sixteenthBirthdayContradiction(req.anchors, 'anchors.sixteenth-birthday');
    if (birthday) throw new StartError(422, birthday.field, birthday.message);
    const shape = shapeOf(req.type);
    for (const anchor of shape.requiredAnchors ?? []) {
      if (!req.anchors[anchor])
        throw new StartError(422, `anchors.${anchor}`, `${req.type} needs '${anchor}' to start`);
    }
    for (const [anchor, kinds] of Object.entries(shape.anchorKinds ?? {})) {
      const kind = req.anchorKinds?.[anchor];
      if (req.anchors[anchor] && (!kind || !kinds.includes(kind))) {
        throw new StartError(422, `anchorKinds.${anchor}`, `'${anchor}' needs its kind: one of ${kinds.join(', ')}`);
      }
    }
    for (const anchor of Object.keys(req.anchorKinds ?? {})) {
      if (!shape.anchorKinds?.[anchor] || !req.anchors[anchor]) {
        throw new StartError(
          422,
          `anchorKinds.${anchor}`,
          `'${anchor}' ${req.anchors[anchor] ? 'takes no kind' : 'was not given in anchors'}`,
        );
      }
    }
    // A request for the next stage closes a window that opens only when the previous stage's response is recorded.
    for (const step of rules.steps.filter((r) => r.window && req.anchors[r.window.closedBy])) {
      throw new StartError(
        422,
        `anchors.${step.window!.closedBy}`,
        `'${step.window!.closedBy}' is recorded as an event after '${step.anchor}' (start with ${rules.anchors.filter((a) => !rules.steps.some((r) => r.window?.closedBy === a)).join(', ')}; then record the earlier stages as events, back-dated)`,
      );
    }
    const limit = timeLimitOf({ rules, ...(req.lateAccepted ? { lateAccepted: req.lateAccepted } : {}) }, req.anchors);
    if (limit?.late && !req.lateAccepted) {
      throw new StartError(
        422,
        'lateAccepted',
        `${rules.timeLimit!.of} ${req.anchors[rules.timeLimit!.of]} is after the time limit (${durationWords(rules.timeLimit!.within)} after ${rules.timeLimit!.anchor} ${req.anchors[rules.timeLimit!.anchor]}: ${limit.limitDate}; ${limit.source}); to consider it anyway, record the decision in lateAccepted.reason`,
      );
    }
    if (req.lateAccepted && !limit?.late) {
      throw new StartError(
        422,
        'lateAccepted',
        limit
          ? `not late: ${rules.timeLimit!.of} is within the time limit (${limit.limitDate})`
          : `${req.type} for ${rules.profileName} has no time limit, or '${rules.timeLimit?.anchor ?? 'its anchor'}' was not given`,
      );
    }
    const needed = [...new Set(rules.steps.flatMap((s) => [s.anchor, ...(s.also ?? []).map((a) => a.anchor)]))];
    if (options.requireAllStepAnchors) {
      const missing = needed.filter((a) => !req.anchors[a]);
      if (missing.length) {
        const step = rules.steps.find((s) => s.anchor === missing[0])!;
        throw new StartError(
          422,
          `anchors.${missing[0]}`,
          `${rules.profileName} counts '${step.key}' from ${missing[0]}, which was not given`,
        );
      }
    }
    // The calendar slice starts from the anchors due dates count from (a date of birth is read in years only).
    const counted = new Set(needed);
    const countedValues = Object.entries(req.anchors)
      .filter(([k]) => counted.has(k))
      .map(([, v]) => v);
    const earliest = (countedValues.length ? countedValues : Object.values(req.anchors))
      .map((v) => parseMoment(v).date)
      .sort()[0];
    const episode = req.episode ?? '1';
    const input: ClockInput = {
      processType: req.type,
      caseId: req.caseId,
      episode,
      localAuthority: req.localAuthority,
      ...(req.familyId ? { familyId: req.familyId } : {}),
      ...(req.steppedUpFrom ? { steppedUpFrom: req.steppedUpFrom } : {}),
      anchors: { ...req.anchors },
      ...(req.anchorKinds ? { anchorKinds: { ...req.anchorKinds } } : {}),
      assignment: { ...(req.assignment ?? {}) },
      rules,
      // From a year before the earliest anchor: reminders count back from due dates.
      calendar: calendarData(
        this.profiles.closureDays(req.localAuthority),
        `${Number(earliest.slice(0, 4)) - 1}-01-01`,
      ),
      ...(options.correlationId ? { correlationId: options.correlationId } : {}),
      ...(options.startedBy ? { startedBy: options.startedBy } : {}),
      ...(req.lateAccepted
        ? { lateAccepted: { reason: req.lateAccepted.reason, ...(options.startedBy ? { by: options.startedBy } : {}) } }
        : {}),
      ...(req.completed?.length ? { completed: req.completed.map((c) => ({ ...c })) } : {}),
    };
    // The first pass, as the workflow will make it: steps already done applied in order, then the schedule.
    const state = initialState(input);
    const workflowId = workflowIdFor(req.type, req.caseId, episode);
    (req.completed ?? []).forEach((c, i) => {
      const event = { type: 'step-completed' as const, ...c };
      const rejection = checkEvent(input, state, event, now);
      if (rejection)
        throw new StartError(
          rejection.conflict ? 409 : 422,
          `completed.${i}.${rejection.field}`,
          `completed[${i}] (${c.step}): ${rejection.message}`,
        );
      applyEvent(input, state, event, now);
    });
    const dry = buildSchedule(input, state, now, workflowId);
    const broken = dry.steps.find((s) => s.problem);
    if (broken) throw new StartError(422, `anchors.${broken.anchor}`, `${broken.key}: ${broken.problem}`);
    // A process with nothing counting would wait in silence for a fact that may never come: refused here.
    if (dry.stalled) {
      throw new StartError(
        422,
        `anchors.${dry.stalled.anchors[0]}`,
        `nothing would count: ${dry.stalled.steps.join(', ')} ${dry.stalled.steps.length > 1 ? 'count' : 'counts'} from ${dry.stalled.anchors.join(' or ')}; give ${dry.stalled.anchors.length > 1 ? 'one of them' : 'it'}`,
      );
    }
    return input;
  }

  /**
   * The process a child steps up from must be the same child's running child in need plan: checked before
   * the start, since the plan is closed only when the conference makes a child protection plan, weeks later.
   */
  private async checkSteppedUpFrom(req: StartProcess): Promise<void> {
    const id = req.steppedUpFrom!;
    const description = await this.client.workflow
      .getHandle(id)
      .describe()
      .catch((err: unknown) => {
        if (err instanceof WorkflowNotFoundError) throw new StartError(422, 'steppedUpFrom', `no process ${id}`);
        throw err;
      });
    const caseId = description.typedSearchAttributes.get(SA.CaseId);
    const type = description.typedSearchAttributes.get(SA.ProcessType);
    if (type !== 'child-in-need-plan')
      throw new StartError(422, 'steppedUpFrom', `${id} is a ${type ?? description.type}, not a child in need plan`);
    if (caseId !== req.caseId)
      throw new StartError(422, 'steppedUpFrom', `${id} is case ${caseId}'s plan, not case ${req.caseId}'s`);
    if (description.status.name !== 'RUNNING')
      throw new StartError(409, 'steppedUpFrom', `${id} has already ended (${description.status.name.toLowerCase()})`);
  }

  async start(req: StartProcess, options: StartOptions = {}): Promise<StartResult> {
    const input = this.buildInput(req, options, options.now ?? Date.now());
    await options.beforeStart?.();
    const workflowId = workflowIdFor(req.type, req.caseId, input.episode);
    if (req.steppedUpFrom) {
      // A repeat of a stepped-up start is answered as any repeat is, even once the plan it names has closed:
      // only a refusal makes it worth asking whether this process already exists.
      await this.checkSteppedUpFrom(req).catch(async (err) => {
        const exists = await this.client.workflow
          .getHandle(workflowId)
          .describe()
          .then(
            () => true,
            () => false,
          );
        if (!exists) throw err;
      });
    }
    const hash = requestHash(req);
    const requestId = randomUUID();
    try {
      const handle = await this.client.workflow.start(
        WORKFLOW_TYPE[req.type],
        workflowStartOptions(req, input, this.taskQueue, { hash, requestId }),
      );
      return { workflowId, runId: handle.firstExecutionRunId, existing: false };
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
    // Already there (running, or closed): the same request is answered with it, another is a conflict.
    const description = await this.client.workflow.getHandle(workflowId).describe();
    const memo = (description.memo ?? {}) as { request?: { hash: string; requestId: string } };
    if (
      memo.request &&
      memo.request.hash !== hash &&
      memo.request.hash !== legacyRequestHash(req) &&
      !options.acceptExisting
    ) {
      const conflict = startConflict(workflowId, await this.firstInput(workflowId, description), input);
      if (conflict) throw conflict;
    }
    return { workflowId, runId: description.runId, existing: true };
  }

  /** The input the process began with: its first run's (a later run carries a compacted state instead). */
  private async firstInput(
    workflowId: string,
    description: WorkflowExecutionDescription,
  ): Promise<ClockInput | undefined> {
    const firstRunId = description.raw.workflowExecutionInfo?.firstRunId || description.runId;
    return startInputOf<ClockInput>(this.client, workflowId, firstRunId);
  }
}

/**
 * A repeated start whose body differs from the one that began the process (`first`, its first input):
 * a 409 naming the fields that differ. An unreadable first input counts as another case.
 */
export function startConflict(
  workflowId: string,
  first: ClockInput | undefined,
  input: ClockInput,
): StartError | undefined {
  const differs = first ? bodyDifferences(canonical(requestOf(first)), canonical(requestOf(input))) : ['caseId'];
  if (!differs.length) return undefined;
  return new StartError(
    409,
    differs[0],
    `${workflowId} already exists, started with another ${differs.join(', ')}; the same process must be asked for with the same body (a correction is an event)`,
  );
}

/**
 * The start options of a process's workflow, given its checked input: one place, so the intake benchmark's
 * raw `client.workflow.start` baseline starts exactly what the API starts.
 */
export function workflowStartOptions(
  req: StartProcess,
  input: ClockInput,
  taskQueue: string,
  request: { hash: string; requestId: string },
) {
  return {
    taskQueue,
    workflowId: workflowIdFor(req.type, req.caseId, input.episode),
    args: [input] as [ClockInput],
    // A running or closed workflow of this id is an error the starter answers as "the existing one" after
    // checking the body (docs/design.md, Temporal). FAIL rather than USE_EXISTING: the SDK does not say whether
    // USE_EXISTING started anything, which cost every new start a describe() to find out; with FAIL a
    // start that returns is new (bench/README.md: intake).
    workflowIdConflictPolicy: 'FAIL' as const,
    workflowIdReusePolicy: 'REJECT_DUPLICATE' as const,
    typedSearchAttributes: [
      { key: SA.CaseId, value: req.caseId },
      { key: SA.ProcessType, value: req.type },
      { key: SA.LocalAuthority, value: req.localAuthority },
      ...(req.assignment?.team ? [{ key: SA.Team, value: req.assignment.team }] : []),
      ...(req.familyId ? [{ key: SA.FamilyId, value: req.familyId }] : []),
    ],
    memo: { request },
    staticSummary: staticSummary(input),
    staticDetails: rulesDetails(input),
  };
}

/** The span of a calendar in words: official to where, and projected by rule after it. */
function calendarSpan(c: ClockInput['calendar']): string {
  if (c.coverage.to !== undefined) return `${c.coverage.from} to ${c.coverage.to}`;
  return `from ${c.coverage.from}; bank holidays from ${c.provisionalFrom} projected by rule, provisional`;
}

/** The rules a process was started on, as Markdown for the Temporal UI's details panel. */
export function rulesDetails(input: ClockInput): string {
  const rows = input.rules.steps.map(
    (s) =>
      `| ${s.key} | ${durationWords(s.due)} from ${s.anchor} | ${s.kind}${s.looserThanNational ? ' (looser than national)' : ''} | ${formatSource(s.source).replace(/\|/g, '/')} |`,
  );
  return [
    `### ${input.processType} rules: ${input.rules.profileName}`,
    `Rules version ${input.rules.version}; calendar ${input.calendar.version} (England and Wales, ${calendarSpan(input.calendar)}).`,
    '',
    '| step | timescale | kind | source |',
    '|---|---|---|---|',
    ...rows,
  ]
    .join('\n')
    .slice(0, 20_000);
}
