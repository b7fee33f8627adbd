/**
 * Refusing at intake what a hand-over would refuse later. A process accepted today may have to start the
 * next one weeks from now (a referral decided "strategy discussion" starts an enquiry whose 24-hour clock
 * counts from the referral's time); if the facts it would hand over cannot start that process, the caller
 * hears it now, naming their own field, while they can still correct it. The same start path decides
 * (ProcessStarter.buildInput), so intake and hand-over never disagree.
 */
import { eligibleCareLeaverFrom } from '../engine/compute/milestones';
import { handoverAnchors, handoverSources, shapeOf } from '../engine/catalogue';
import type { ClockView } from '../engine/types';
import type { ClockEvent } from '../engine/events/contract';
import { StartError } from './start';
import type { StartChecks } from './clocks';
import type { StartProcess } from './contracts';

interface Next {
  type: string;
  anchors: Record<string, string>;
  /** Which of this process's anchors each of the next one's came from ('outcome': the event's date). */
  from: Record<string, string>;
  why: string;
}

/** Every process this one can start, with the anchors it would hand over; outcome dates stand in as `outcomeAt`. */
function nextProcesses(type: string, facts: Record<string, string>, outcomeAt: string): Next[] {
  const shape = shapeOf(type);
  const out: Next[] = [];
  for (const [step, outcomes] of Object.entries(shape.outcomes)) {
    for (const [outcome, effect] of Object.entries(outcomes)) {
      if (!effect.starts) continue;
      out.push({
        type: effect.starts.type,
        anchors: handoverAnchors(effect.starts, facts, outcomeAt),
        from: handoverSources(effect.starts),
        why: `${step} outcome '${outcome}'`,
      });
    }
  }
  // A looked-after child becomes an eligible care leaver on a date its facts give; pathway planning starts then.
  for (const m of shape.milestones ?? []) {
    if (!m.starts || !('eligibleCareLeaver' in m.at) || !facts['date-of-birth'] || !facts['became-looked-after'])
      continue;
    const eligible = eligibleCareLeaverFrom(facts['date-of-birth'], facts['became-looked-after']);
    if (!eligible) continue;
    const anchors = { [eligible.anchor]: eligible.date, ...handoverAnchors(m.starts, facts, eligible.date) };
    const from = { [eligible.anchor]: 'date-of-birth', ...handoverSources(m.starts) };
    out.push({ type: m.starts.type, anchors, from, why: `${m.key} on ${eligible.date}` });
  }
  return out;
}

/** The starter's refusal of a next process, if it would refuse it, with the anchor at fault. */
function refusal(
  starter: StartChecks,
  base: Pick<StartProcess, 'caseId' | 'episode' | 'localAuthority' | 'assignment'>,
  next: Next,
): { anchor?: string; error: StartError } | undefined {
  try {
    starter.buildInput({ ...base, type: next.type as StartProcess['type'], anchors: next.anchors });
    return undefined;
  } catch (err) {
    if (!(err instanceof StartError)) throw err;
    const anchor = /^anchors\.([a-z0-9-]+)/.exec(err.field)?.[1];
    return { ...(anchor ? { anchor } : {}), error: err };
  }
}

/**
 * At a start: each process this one could hand over to, started from the facts given now. A refusal caused by
 * one of those facts is refused now, naming `fieldOf(anchor)`; one caused by an outcome's date is the
 * event's to answer (checkHandoverOfEvent), and an LA with no such process is not the caller's to fix.
 */
export function checkHandoversAtStart(
  starter: StartChecks,
  req: StartProcess,
  fieldOf: (anchor: string) => string,
): void {
  // What a refusal can depend on is the LA, the type, which anchors were given, their days and whether
  // each has a time: intake answers the same shape from memory (each check dry-runs whole schedules).
  const key = [
    req.localAuthority,
    req.type,
    ...Object.entries(req.anchors)
      .sort()
      .map(([k, v]) => `${k}=${v.slice(0, 10)}${v.length > 10 ? 'T' : ''}`),
  ].join('|');
  const checks = INTAKE_CHECKS.get(starter) ?? new Map<string, IntakeRefusal | null>();
  INTAKE_CHECKS.set(starter, checks);
  const known = checks.get(key);
  if (known === null) return;
  if (known) throw new StartError(422, fieldOf(known.anchor), known.message);
  try {
    checkShape(starter, req);
    remember(checks, key, null);
  } catch (err) {
    if (err instanceof IntakeRefusal) {
      remember(checks, key, err);
      throw new StartError(422, fieldOf(err.anchor), err.message);
    }
    throw err;
  }
}

/** Intake checks already made, per starter (its profiles) and shape (see checkHandoversAtStart); bounded. */
const INTAKE_CHECKS = new WeakMap<StartChecks, Map<string, IntakeRefusal | null>>();
const INTAKE_CHECKS_MAX = 10_000;
function remember(checks: Map<string, IntakeRefusal | null>, key: string, value: IntakeRefusal | null) {
  if (checks.size >= INTAKE_CHECKS_MAX) checks.clear();
  checks.set(key, value);
}

class IntakeRefusal extends Error {
  constructor(
    readonly anchor: string,
    message: string,
  ) {
    super(message);
  }
}

function checkShape(starter: StartChecks, req: StartProcess): void {
  const latest = Object.values(req.anchors).sort().at(-1)!;
  for (const next of nextProcesses(req.type, req.anchors, latest)) {
    const refused = refusal(
      starter,
      { caseId: req.caseId, episode: req.episode, localAuthority: req.localAuthority },
      next,
    );
    const source = refused?.anchor ? next.from[refused.anchor] : undefined;
    if (!refused || !source || source === 'outcome' || !req.anchors[source]) continue;
    throw new IntakeRefusal(
      source,
      `a ${next.why} would start ${next.type}, which ${req.localAuthority} would refuse: ${refused.error.message}`,
    );
  }
}

/**
 * At an event: the outcome being recorded would start the next process now. A refusal caused by the
 * event's own date is refused (422 naming occurredAt) and nothing is recorded; any other refusal lets the
 * event through, and the process raises its alarm at once (engine/decide/alarms.ts).
 */
export function checkHandoverOfEvent(
  starter: StartChecks,
  clock: Pick<ClockView, 'type' | 'caseId' | 'episode' | 'localAuthority' | 'anchors' | 'assignment' | 'steppedUpFrom'>,
  event: ClockEvent,
): StartError | undefined {
  if (event.type !== 'step-completed' || !event.outcome) return undefined;
  const effect = shapeOf(clock.type).outcomes[event.step]?.[event.outcome];
  if (!effect?.starts || (effect.starts.unlessSteppedUp && clock.steppedUpFrom)) return undefined;
  // Immediate concerns are recorded by this event, at its time: they count as the outcome's own date.
  const immediate = event.immediateConcern && effect.immediateConcern;
  const facts = immediate ? { ...clock.anchors, [immediate]: event.occurredAt } : clock.anchors;
  const next: Next = {
    type: effect.starts.type,
    anchors: handoverAnchors(effect.starts, facts, event.occurredAt),
    from: handoverSources(effect.starts),
    why: `${event.step} outcome '${event.outcome}'`,
  };
  const refused = refusal(
    starter,
    {
      caseId: clock.caseId,
      episode: clock.episode,
      localAuthority: clock.localAuthority,
      assignment: clock.assignment,
    },
    next,
  );
  const source = refused?.anchor ? next.from[refused.anchor] : undefined;
  if (!refused || !(source === 'outcome' || (immediate && source === immediate))) return undefined;
  return new StartError(
    422,
    'occurredAt',
    `outcome '${event.outcome}' starts ${next.type}, which ${clock.localAuthority} would refuse with this date: ${refused.error.message}`,
  );
}
