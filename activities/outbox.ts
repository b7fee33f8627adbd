/**
 * Delivery claims, one file per notification key. A key marked sent is never sent again. Each channel
 * (the email, each webhook URL) is recorded as it accepts, so a retry sends only the channels not yet
 * recorded: one channel failing or a crash part-way does not send the others again. What remains is the
 * one duplicate window, stated rather than hidden: a crash between a channel's acceptance (the SMTP
 * server's, the webhook's 2xx) and its record is sent again on that channel. Receivers can drop that
 * repeat by Message-ID or Idempotency-Key, which carry the same key.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface OutboxEntry {
  key: string;
  state: 'claimed' | 'sent';
  claimedAt: string;
  sentAt?: string;
  recipients?: string[];
  channels?: string[];
  /** Channels that accepted it so far ('email', 'webhook <url>'), written as each one accepts. */
  delivered?: string[];
  attempts: number;
}

export class Outbox {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  private path(key: string): string {
    return join(this.dir, `${createHash('sha256').update(key).digest('hex')}.json`);
  }

  get(key: string): OutboxEntry | undefined {
    try {
      return JSON.parse(readFileSync(this.path(key), 'utf8')) as OutboxEntry;
    } catch {
      return undefined;
    }
  }

  private write(entry: OutboxEntry) {
    const p = this.path(entry.key);
    writeFileSync(`${p}.tmp`, JSON.stringify(entry));
    renameSync(`${p}.tmp`, p); // atomic on one filesystem
  }

  claim(key: string): OutboxEntry {
    const prior = this.get(key);
    if (prior?.state === 'sent') return prior;
    const entry: OutboxEntry = {
      key,
      state: 'claimed',
      claimedAt: new Date().toISOString(),
      attempts: (prior?.attempts ?? 0) + 1,
      // What an earlier attempt already delivered is not delivered again.
      ...(prior?.delivered?.length ? { delivered: prior.delivered } : {}),
    };
    this.write(entry);
    return entry;
  }

  /** Records that one channel accepted the notification, before the next channel is tried. */
  markDelivered(entry: OutboxEntry, channel: string): OutboxEntry {
    const next: OutboxEntry = { ...entry, delivered: [...(entry.delivered ?? []), channel] };
    this.write(next);
    return next;
  }

  markSent(entry: OutboxEntry, recipients: string[], channels: string[]): OutboxEntry {
    const sent: OutboxEntry = { ...entry, state: 'sent', sentAt: new Date().toISOString(), recipients, channels };
    this.write(sent);
    return sent;
  }
}
