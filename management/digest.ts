/**
 * The daily digest a manager reads at 09:00 on a working day: what is overdue in their area, most overdue
 * first, and what falls due in the next seven days, each with the link to its case clock. One email
 * replaces the day's individual reminders in a manager's reading (docs/design.md, Notifications: one owner, a digest, no repeats).
 * Pure: built from an inbox.
 */
import { formatLongDate } from '../engine/calendar/localDate';
import type { Area } from './area';
import type { Inbox, InboxItem } from './inbox';

/** Overdue and due-soon lines shown in full; the rest are counted (the inbox has them all). */
export const DIGEST_LINES = 40;

/** The Temporal UI page of a process: the link every email carries. */
export function caseClockUrl(uiBaseUrl: string, namespace: string, workflowId: string): string {
  return `${uiBaseUrl}/namespaces/${namespace}/workflows/${encodeURIComponent(workflowId)}`;
}

export function digestKey(personId: string, date: string): string {
  return `digest:${personId}:${date}`;
}

function line(item: InboxItem, link: (workflowId: string) => string): string {
  const when =
    item.state === 'overdue'
      ? `due ${formatLongDate(item.dueDate)}, ${item.daysOverdue} day${item.daysOverdue === 1 ? '' : 's'} overdue`
      : `due ${formatLongDate(item.dueDate)}`;
  const told = item.lastEscalation ? `; ${item.lastEscalation.tier} sent ${item.lastEscalation.at.slice(0, 10)}` : '';
  const who = [item.team && `team ${item.team}`, item.workerId && `worker ${item.workerId}`].filter(Boolean).join(', ');
  return `- case ${item.caseId} (${item.localAuthority}${who ? `, ${who}` : ''}): ${item.title} [${item.step}${item.occurrence > 1 ? ` #${item.occurrence}` : ''}], ${when}${told}\n  ${link(item.workflowId)}`;
}

export function composeDigest(input: {
  name: string;
  area: Area;
  date: string;
  inbox: Inbox;
  uiBaseUrl: string;
  namespace: string;
}) {
  const { inbox } = input;
  const link = (id: string) => caseClockUrl(input.uiBaseUrl, input.namespace, id);
  const overdue = inbox.items.filter((i) => i.state === 'overdue');
  const soon = inbox.items.filter((i) => i.state === 'due-soon');
  const subject = `Daily digest ${formatLongDate(input.date)}: ${overdue.length} overdue, ${soon.length} due by ${formatLongDate(inbox.dueSoonUntil)} (${input.area.label})`;
  const section = (title: string, items: InboxItem[]) => {
    if (!items.length) return [title, '- none', ''];
    const shown = items.slice(0, DIGEST_LINES).map((i) => line(i, link));
    const more = items.length > DIGEST_LINES ? [`- and ${items.length - DIGEST_LINES} more: see GET /api/inbox`] : [];
    return [title, ...shown, ...more, ''];
  };
  const byStep = Object.entries(inbox.counts.byStep)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([step, c]) => `${step}: ${c.overdue} overdue, ${c.dueSoon} due soon`);
  const areaWords = [
    input.area.teams && `teams ${input.area.teams.join(', ')}`,
    input.area.localAuthorities && `local authorities ${input.area.localAuthorities.join(', ')}`,
    input.area.types && `processes ${input.area.types.join(', ')}`,
  ]
    .filter(Boolean)
    .join('; ');
  const text = [
    `${input.name}, this is your digest for ${formatLongDate(input.date)} as ${input.area.label} (${areaWords || 'every case'}).`,
    `Counted at ${inbox.asOf}.`,
    '',
    ...section(`OVERDUE (${overdue.length}), most overdue first`, overdue),
    ...section(`DUE BY ${formatLongDate(inbox.dueSoonUntil).toUpperCase()} (${soon.length})`, soon),
    ...(byStep.length ? ['By step:', ...byStep.map((s) => `- ${s}`), ''] : []),
    'Escalations for each step still arrive on their own; this digest repeats none of them as a new alert.',
  ].join('\n');
  return { subject, text };
}
