/**
 * deliverNotification: the workflow decided a notification once; this delivers it effectively once.
 * Recipients are resolved here, at send time. Retried without limit by the workflow's activity options.
 */
import { log } from '@temporalio/activity';
import { formatLongDate } from '../engine/calendar/localDate';
import type { NotificationRequest, NotificationResult } from '../engine/types';
import type { EmailChannel, WebhookChannel } from './channels';
import type { Directory } from '../management/directory';
import { caseClockUrl } from '../management/digest';
import { PROCESS_TITLES } from '../engine/explain/details';
import type { Outbox } from './outbox';

export interface NotificationDeps {
  directory: Directory;
  outbox: Outbox;
  email?: EmailChannel;
  webhooks: WebhookChannel[];
  /** Base URL of the Temporal UI, for the link in each email. */
  uiBaseUrl: string;
  namespace: string;
}

const TIER_WORDS: Record<string, string> = {
  reminder: 'Reminder: due soon',
  overdue: 'OVERDUE',
  escalated: 'ESCALATED: still overdue',
  critical: 'CRITICAL: still overdue',
  'no-access': 'NO ACCESS: child not seen at a visit',
  alarm: 'ALARM: the child has no clock running',
};

/** An alarm's email: what went wrong, what clears it, and how far up it has gone. */
function composeAlarm(req: NotificationRequest, recipient: { name: string; via: string }, link: string) {
  const alarm = req.alarm!;
  const words =
    req.tier === 'alarm' ? TIER_WORDS.alarm : `${req.tier.toUpperCase()}: alarm still open since ${alarm.raisedAt}`;
  return {
    subject: `[${words}] ${PROCESS_TITLES[req.processType] ?? req.processType} – case ${req.caseId}`,
    text: [
      `${recipient.name}, you are receiving this as ${recipient.via}.`,
      '',
      `Case: ${req.caseId} (${req.localAuthority})`,
      `Process: ${req.processType}`,
      `Alarm: ${alarm.key}, raised ${alarm.raisedAt}`,
      '',
      `What is wrong: ${alarm.what}.`,
      `To clear it: ${alarm.action}.`,
      '',
      `Until it clears it is in every inbox of the area and goes up the management line.`,
      '',
      `Open the case clock: ${link}`,
    ].join('\n'),
  };
}

/** A channel's name in the outbox's record of what was delivered. */
const EMAIL = 'email';
const webhookChannel = (hook: WebhookChannel) => `webhook ${hook.url}`;

export function messageId(key: string): string {
  // Message-ID allows no ':' in its left part; the raw key travels in X-Clock-Key as well.
  return `<${key.replace(/[^A-Za-z0-9._-]/g, '.')}@statutory-clocks>`;
}

export function composeEmail(
  req: NotificationRequest,
  recipient: { name: string; via: string },
  deps: Pick<NotificationDeps, 'uiBaseUrl' | 'namespace'>,
) {
  const link = caseClockUrl(deps.uiBaseUrl, deps.namespace, req.workflowId);
  if (req.alarm) return composeAlarm(req, recipient, link);
  const due = req.dueDate ? formatLongDate(req.dueDate) : 'no date';
  const subject = `[${TIER_WORDS[req.tier] ?? req.tier}] ${req.stepTitle} – case ${req.caseId} – due ${due}`;
  const text = [
    `${recipient.name}, you are receiving this as ${recipient.via}.`,
    '',
    `Case: ${req.caseId} (${req.localAuthority})`,
    `Process: ${req.processType}`,
    `Step: ${req.stepTitle} (${req.step}, occurrence ${req.occurrence})`,
    `Due: ${due}${req.dueAt ? ` (on time until ${req.dueAt})` : ''}`,
    `Notification: ${req.tier}, scheduled for ${req.firesAt}`,
    '',
    `Why this date: ${req.explanation ?? 'see the case clock'}`,
    '',
    `Open the case clock: ${link}`,
  ].join('\n');
  return { subject, text };
}

export function createNotificationActivities(deps: NotificationDeps) {
  return {
    async deliverNotification(req: NotificationRequest): Promise<NotificationResult> {
      const prior = deps.outbox.get(req.key);
      if (prior?.state === 'sent') {
        return {
          recipients: prior.recipients ?? [],
          deliveredAt: prior.sentAt!,
          channels: prior.channels ?? [],
          duplicate: true,
        };
      }
      const recipient = deps.directory.resolve(req.role, req.assignment, req.localAuthority);
      // Roles the standards name on top of the ladder (e.g. the conference chair), copied on the same message.
      const copies = (req.cc ?? [])
        .map((role) => deps.directory.resolve(role, req.assignment, req.localAuthority))
        .filter((c) => c.personId !== recipient.personId);
      let claim = deps.outbox.claim(req.key);
      // Channels an earlier attempt delivered (before a crash, or before another channel failed) are skipped.
      const done = new Set(claim.delivered ?? []);
      const channels: string[] = [];
      if (deps.email && !done.has(EMAIL)) {
        const { subject, text } = composeEmail(req, recipient, deps);
        await deps.email.send({
          to: `${recipient.name} <${recipient.email}>`,
          ...(copies.length ? { cc: copies.map((c) => `${c.name} <${c.email}>`).join(', ') } : {}),
          subject,
          text,
          messageId: messageId(req.key),
          headers: {
            'X-Clock-Key': req.key,
            'X-Clock-Tier': req.tier,
            'X-Clock-Step': req.step,
            'X-Clock-Workflow-Id': req.workflowId,
            'X-Clock-Fires-At': req.firesAt,
            'X-Clock-Decided-At': req.decidedAt,
            'X-Clock-Recipient': recipient.personId,
            ...(copies.length ? { 'X-Clock-Cc': copies.map((c) => c.personId).join(',') } : {}),
          },
        });
        claim = deps.outbox.markDelivered(claim, EMAIL);
      }
      if (deps.email) channels.push('email');
      for (const hook of deps.webhooks) {
        channels.push('webhook');
        if (done.has(webhookChannel(hook))) continue;
        await hook.send(req.key, {
          key: req.key,
          workflowId: req.workflowId,
          caseId: req.caseId,
          localAuthority: req.localAuthority,
          processType: req.processType,
          step: req.step,
          occurrence: req.occurrence,
          tier: req.tier,
          role: req.role,
          recipient: recipient.personId,
          ...(copies.length ? { cc: copies.map((c) => c.personId) } : {}),
          dueDate: req.dueDate,
          firesAt: req.firesAt,
        });
        claim = deps.outbox.markDelivered(claim, webhookChannel(hook));
      }
      const recipients = [recipient.personId, ...copies.map((c) => c.personId)];
      const sent = deps.outbox.markSent(claim, recipients, channels);
      log.info('notification delivered', {
        key: req.key,
        tier: req.tier,
        recipient: recipient.personId,
        attempts: claim.attempts,
      });
      return { recipients, deliveredAt: sent.sentAt!, channels, duplicate: false };
    },
  };
}
