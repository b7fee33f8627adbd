/**
 * The chain of processes at the year's end, read from every tracked workflow's final view: the hand-overs
 * made (by process type), the hand-overs refused and whether each raised its alarm (by LA and cause), the
 * other alarms (by kind), and the tiers caught up in a higher one. Pure: the views in, the counts out.
 *
 * Refused: a view with handedOver.error, a pendingHandover, or an alarm of kind handover-refused (open, or
 * cleared once the missing fact came). Alarmed: its alarms[] holds that alarm. The cause is the refusal's
 * field, the text before its first colon ("anchors.allocation: ..." -> "anchors.allocation").
 */
import type { ClockView, NoticeTier } from '../../engine/types';

/** The ladder's tiers, lowest first (a no-access alert is not one: never caught up). */
const TIER_ORDER: NoticeTier[] = ['reminder', 'overdue', 'escalated', 'critical'];

export interface RefusalCount {
  refused: number;
  alarmed: number;
  /** Alarms still open at the year's end (the process kept open, the hand-over not made). */
  open: number;
  /** Refused, then made once the missing fact was recorded (the alarm cleared). */
  madeLater: number;
  example: string;
}

export interface AlarmCount {
  raised: number;
  open: number;
  example: string;
}

export interface HandoverReport {
  views: number;
  /** Tracked workflows with no view to read (no memo, query failed). */
  missing: string[];
  /** Hand-overs made, `<from type> -> <to type>`. */
  made: Record<string, number>;
  /** The same by LA, `<la>: <from> -> <to>`. */
  madeByLa: Record<string, number>;
  /** `<la>: <from> -> <to> (<cause>)`. */
  refused: Record<string, RefusalCount>;
  refusedTotal: number;
  alarmedTotal: number;
  withoutAlarm: number;
  /** Other alarms, `<la>: <kind> on <type> (<field>)`. */
  alarms: Record<string, AlarmCount>;
  alarmsByKind: Record<string, number>;
  /** Tiers recorded, not sent, a higher tier of the same occurrence sent (NotificationRecord.caughtUpIn), by LA, type and tier. */
  caughtUp: Record<string, number>;
  /** Tiers recorded and not delivered, with no higher one sent (in flight at the end, or not delivered). */
  undelivered: Record<string, number>;
  undeliveredExamples: string[];
}

/** The cause of a refusal: its field, the text before the first colon. */
export const causeOf = (error: string) => error.split(':')[0].trim() || error;

export function handoverReport(
  views: Map<string, ClockView | undefined>,
  typeOf: (workflowId: string) => string | undefined,
): HandoverReport {
  const r: HandoverReport = {
    views: 0,
    missing: [],
    made: {},
    madeByLa: {},
    refused: {},
    refusedTotal: 0,
    alarmedTotal: 0,
    withoutAlarm: 0,
    alarms: {},
    alarmsByKind: {},
    caughtUp: {},
    undelivered: {},
    undeliveredExamples: [],
  };
  const bump = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);
  for (const [workflowId, view] of views) {
    if (!view) {
      r.missing.push(workflowId);
      continue;
    }
    r.views++;
    const la = view.localAuthority;
    const alarms = view.alarms ?? [];
    const handoverAlarm = alarms.find((a) => a.kind === 'handover-refused');
    const error =
      view.pendingHandover?.error ??
      view.handedOver?.error ??
      (handoverAlarm ? (handoverAlarm.field ?? handoverAlarm.what) : undefined);
    if (view.handedOver && !view.handedOver.error) {
      const to = typeOf(view.handedOver.to) ?? view.handedOver.to;
      bump(r.made, `${view.type} -> ${to}`);
      bump(r.madeByLa, `${la}: ${view.type} -> ${to}`);
    }
    if (error !== undefined) {
      const to =
        view.pendingHandover?.type ??
        (view.handedOver?.error ? view.handedOver.to : typeOf(view.handedOver?.to ?? '')) ??
        '?';
      const key = `${la}: ${view.type} -> ${to} (${causeOf(error)})`;
      const c = (r.refused[key] ??= {
        refused: 0,
        alarmed: 0,
        open: 0,
        madeLater: 0,
        example: `${workflowId}: ${error}`,
      });
      c.refused++;
      r.refusedTotal++;
      if (handoverAlarm) {
        c.alarmed++;
        r.alarmedTotal++;
        if (handoverAlarm.status === 'open') c.open++;
      } else r.withoutAlarm++;
      if (view.handedOver && !view.handedOver.error) c.madeLater++;
    }
    for (const a of alarms) {
      if (a.kind === 'handover-refused') continue;
      bump(r.alarmsByKind, a.kind);
      const key = `${la}: ${a.kind} on ${view.type} (${a.field ?? 'no field'})`;
      const c = (r.alarms[key] ??= { raised: 0, open: 0, example: `${workflowId}: ${a.what}` });
      c.raised++;
      if (a.status === 'open') c.open++;
    }
    for (const s of view.steps) {
      // Never sent: caught up in a higher tier (the view says which; a view from before it did: a higher
      // tier of the same occurrence was sent), or not delivered (yet).
      const sent = s.escalations.filter((e) => e.deliveredAt).map((e) => TIER_ORDER.indexOf(e.tier));
      for (const e of s.escalations) {
        if (e.deliveredAt || e.recipients) continue;
        const level = TIER_ORDER.indexOf(e.tier);
        const caughtUp = e.caughtUpIn !== undefined || (level >= 0 && sent.some((l) => l > level));
        bump(caughtUp ? r.caughtUp : r.undelivered, `${la} ${view.type} ${e.tier}`);
        if (!caughtUp && r.undeliveredExamples.length < 3)
          r.undeliveredExamples.push(`${workflowId} ${s.key}#${s.occurrence} ${e.tier} at ${e.at}`);
      }
    }
  }
  return r;
}

const list = (m: Record<string, number>) =>
  Object.entries(m)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ') || 'none';

/** The report as the la-year section's notes. */
export function handoverNotes(r: HandoverReport): string[] {
  const refused = Object.entries(r.refused).sort(([a], [b]) => a.localeCompare(b));
  const alarms = Object.entries(r.alarms).sort(([a], [b]) => a.localeCompare(b));
  return [
    `Hand-overs refused: ${r.refusedTotal}; alarmed: ${r.alarmedTotal}; refused without an alarm: ${r.withoutAlarm}; alarms by kind (other than handover-refused): ${list(r.alarmsByKind)}. Read from the final view of ${r.views} workflows (the clock query while running, the memo once closed)${r.missing.length ? `; no view for ${r.missing.length} (${r.missing.slice(0, 3).join(', ')})` : ''}.`,
    `Hand-overs refused, by LA and cause (refused / alarmed / alarm still open / made later): ${refused.length ? refused.map(([k, c]) => `${k} ${c.refused}/${c.alarmed}/${c.open}/${c.madeLater}`).join('; ') : 'none'}.`,
    ...(refused.length
      ? [
          `Refusal examples: ${refused
            .slice(0, 4)
            .map(([, c]) => c.example)
            .join(' | ')}`,
        ]
      : []),
    `Other alarms, by LA, kind and field (raised / still open): ${alarms.length ? alarms.map(([k, c]) => `${k} ${c.raised}/${c.open}`).join('; ') : 'none'}.`,
    ...(alarms.length
      ? [
          `Alarm examples: ${alarms
            .slice(0, 4)
            .map(([, c]) => c.example)
            .join(' | ')}`,
        ]
      : []),
    `Hand-overs made, by type: ${list(r.made)}. By LA: ${list(r.madeByLa)}.`,
    `Tiers caught up in a higher one (recorded, not sent on their own; the higher tier sent copies their roles): ${list(r.caughtUp)}. Recorded and not delivered at the end, no higher tier sent: ${list(r.undelivered)}${r.undeliveredExamples.length ? ` (${r.undeliveredExamples.join('; ')})` : ''}.`,
  ];
}
