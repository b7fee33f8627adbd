/** The Markdown a manager reads in the Temporal UI's "current details": the case clock in words. Pure. */
import { formatLongDate } from '../calendar/localDate';
import { durationWords } from '../calendar/due';
import { describeExtension, formatSource } from './explain';
import type { ClockInput, ClockView, StepView } from '../types';
import { LEAP_BIRTHDAY } from '../compute/milestones';
import { PROCESS_TITLES } from '../catalogue';

export { PROCESS_TITLES } from '../catalogue';

/** The one line the Temporal UI shows as the workflow's summary: what, whose case, which LA's rules. */
export function staticSummary(
  input: Pick<ClockInput, 'processType' | 'caseId'> & { rules: Pick<ClockInput['rules'], 'profileName'> },
): string {
  return `${PROCESS_TITLES[input.processType] ?? input.processType} · case ${input.caseId} · ${input.rules.profileName}`.slice(
    0,
    200,
  );
}

/** "overdue to tm-derb-north on Wed 2 Sep 2026" for each notice sent, or "-". */
function toldWords(s: Pick<StepView, 'escalations'>): string {
  return (
    s.escalations
      .map(
        (e) =>
          `${e.tier} to ${e.recipients?.join(', ') ?? e.role}${e.caughtUpIn ? ` (passed before it could be sent; told in the ${e.caughtUpIn})` : e.deliveredAt ? '' : ' (sending)'} on ${formatLongDate(e.at.slice(0, 10))}`,
      )
      .join('; ') || '-'
  );
}

export function currentDetails(input: ClockInput, view: ClockView): string {
  const lines: string[] = [];
  lines.push(
    `**${PROCESS_TITLES[input.processType] ?? input.processType}** for case **${input.caseId}** (${input.rules.profileName}), ${view.status}`,
  );
  lines.push(
    `Assigned: worker ${view.assignment.workerId ?? 'unassigned'}, team ${view.assignment.team ?? 'none'}${view.run > 1 ? ` · run ${view.run} (continued as new after each review)` : ''}`,
  );
  if (view.finished) lines.push(`**Ended:** ${view.finished.reason} (${view.finished.at})`);
  for (const a of (view.alarms ?? []).filter((x) => x.status === 'open')) {
    lines.push(
      '',
      `**ALARM** (${a.kind}, raised ${formatLongDate(a.raisedAt.slice(0, 10))}): ${a.what}. To clear it: ${a.action}. Told: ${toldWords(a)}`,
    );
  }
  if (view.handedOver)
    lines.push(
      `Led to: ${view.handedOver.error ? `could not start ${view.handedOver.to}: ${view.handedOver.error}` : view.handedOver.to}`,
    );
  if (view.steppedUpFrom) lines.push(`Stepped up from: ${view.steppedUpFrom}`);
  if (view.nextDue) {
    const step = view.steps.find((s) => s.key === view.nextDue!.step && s.occurrence === view.nextDue!.occurrence)!;
    lines.push(
      '',
      `**Next due:** ${step.title} (\`${step.key}\`${step.occurrence > 1 ? ` #${step.occurrence}` : ''}) by **${formatLongDate(view.nextDue.dueDate)}**${step.status === 'overdue' ? ' — OVERDUE' : ''}`,
    );
    lines.push(
      '',
      `Rule: ${durationWords(step.rule)} from ${step.rule.anchor} (${step.rule.kind}). Source: ${formatSource(step.rule.source)}`,
    );
    lines.push('', `Told so far: ${toldWords(step)}`);
  }
  const overdue = view.steps.filter((s) => s.status === 'overdue');
  if (overdue.length)
    lines.push(
      '',
      `**Overdue now:** ${overdue.map((s) => `${s.key}${s.occurrence > 1 ? ` #${s.occurrence}` : ''} (due ${formatLongDate(s.dueDate!)})`).join(', ')}`,
    );
  lines.push('', '| step | due | status | told |', '|---|---|---|---|');
  for (const s of view.steps) {
    const told = toldWords(s);
    const window =
      s.window && s.status !== 'completed'
        ? ` (complainant's window: a request dated by then is in time; closes after ${formatLongDate(s.window.closesAfter)})`
        : '';
    lines.push(
      `| ${s.key}${s.occurrence > 1 || (s.status === 'completed' && view.steps.filter((x) => x.key === s.key).length > 1) ? ` #${s.occurrence}` : ''}${s.noAccess?.length ? ` (${s.noAccess.length} no-access)` : ''} | ${s.dueDate ? formatLongDate(s.dueDate) : '-'}${s.revisedTarget ? ` (revised ${s.revisedTarget})` : ''}${s.extensions?.length && !s.revisedTarget ? ' (extended)' : ''} | ${s.status}${window}${s.completedAt ? ` ${formatLongDate(s.completedAt.slice(0, 10))}` : ''}${s.late ? ' (late)' : ''} | ${told} |`,
    );
  }
  const extended = view.steps.filter((s) => s.extensions?.length);
  if (extended.length) {
    lines.push('', '**Extensions**');
    for (const s of extended) {
      for (const e of s.extensions!) {
        lines.push(`- ${s.key}: ${describeExtension(e, true)}`);
      }
    }
  }
  if (view.milestones?.length) {
    // A birthday is the child's date of birth in another year: the Temporal UI is read namespace-wide (memo.ts), so its date is in the API's view only.
    lines.push('', '**Milestones**');
    for (const m of view.milestones) {
      const rule = m.birthday
        ? `${m.rule.slice(0, m.rule.indexOf(':'))}: date in the API's view${m.rule.includes(LEAP_BIRTHDAY) ? ` (born 29 February: ${LEAP_BIRTHDAY})` : ''}`
        : m.rule;
      lines.push(
        `- \`${m.key}\`: ${rule}${m.means ? `; ${m.means}` : ''}${m.reachedAt ? (m.birthday ? ' (reached)' : ` (reached ${formatLongDate(m.reachedAt.slice(0, 10))})`) : ''}`,
      );
    }
  }
  const limit = view.timeLimit;
  if (limit)
    lines.push(
      '',
      `Time limit: received ${limit.late ? `after ${formatLongDate(limit.limitDate)} (LATE; considered: ${limit.acceptedLate?.reason ?? 'no decision recorded'})` : `by ${formatLongDate(limit.limitDate)} (in time)`}`,
    );
  for (const m of view.migrations ?? [])
    lines.push(
      '',
      `Migrated ${m.at} by ${m.by ?? 'admin'}: ${m.reason} (${m.changes.join('; ') || 'no open date moved'})`,
    );
  lines.push('', `Rules ${input.rules.profileId}@${input.rules.version}, calendar ${input.calendar.version}`);
  return lines.join('\n');
}
