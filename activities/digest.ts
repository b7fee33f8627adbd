/**
 * The daily digest's activities: who gets one (every manager in the directory), and one manager's digest
 * built from visibility and sent once per person per day (the outbox key digest:<person>:<date>, also the
 * Message-ID, so a retried activity or a re-run schedule sends nothing twice).
 */
import { log } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { areaClauses, areaOf, managersIn } from '../management/area';
import { composeDigest, digestKey } from '../management/digest';
import { buildInbox, dueByClause } from '../management/inbox';
import type { Directory } from '../management/directory';
import { listOpenViews } from '../services/visibility';
import type { EmailChannel } from './channels';
import { messageId } from './notifications';
import type { Outbox } from './outbox';

export interface DigestDeps {
  directory: Directory;
  outbox: Outbox;
  email?: EmailChannel;
  /** The client whose visibility lists the clocks (the worker's own in production). */
  visibility: () => Client;
  uiBaseUrl: string;
  namespace: string;
}

export interface DigestRequest {
  personId: string;
  role: ReturnType<typeof managersIn>[number]['role'];
  /** The working day it is for (London), YYYY-MM-DD. */
  date: string;
  /** Workflow time of the run, ms: the inbox is counted as of this instant. */
  asOf: number;
}

export interface DigestResult {
  personId: string;
  overdue: number;
  dueSoon: number;
  duplicate: boolean;
}

export function createDigestActivities(deps: DigestDeps) {
  return {
    async digestRecipients(): Promise<ReturnType<typeof managersIn>> {
      return managersIn(deps.directory.data);
    },

    async sendDigest(req: DigestRequest): Promise<DigestResult> {
      const key = digestKey(req.personId, req.date);
      if (deps.outbox.get(key)?.state === 'sent')
        return { personId: req.personId, overdue: 0, dueSoon: 0, duplicate: true };
      const area = areaOf(deps.directory.data, req.role, req.personId);
      const inbox = buildInbox(
        await listOpenViews(deps.visibility(), [...areaClauses(area), dueByClause(req.asOf, 7)]),
        req.asOf,
        { dueWithinDays: 7 },
      );
      const person = deps.directory.data.people[req.personId];
      const claim = deps.outbox.claim(key);
      const channels: string[] = [];
      if (deps.email) {
        const { subject, text } = composeDigest({
          name: person.name,
          area,
          date: req.date,
          inbox,
          uiBaseUrl: deps.uiBaseUrl,
          namespace: deps.namespace,
        });
        await deps.email.send({
          to: `${person.name} <${person.email}>`,
          subject,
          text,
          messageId: messageId(key),
          headers: {
            'X-Clock-Key': key,
            'X-Clock-Digest-Date': req.date,
            'X-Clock-Recipient': req.personId,
            'X-Clock-Area': area.label,
          },
        });
        channels.push('email');
      }
      deps.outbox.markSent(claim, [req.personId], channels);
      log.info('digest sent', { key, overdue: inbox.counts.overdue, dueSoon: inbox.counts.dueSoon });
      return { personId: req.personId, overdue: inbox.counts.overdue, dueSoon: inbox.counts.dueSoon, duplicate: false };
    },
  };
}
