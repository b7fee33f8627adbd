/**
 * Delivery claims, one file per notification key. A key marked sent is never sent again; a key claimed
 * but not marked sent (a crash between the SMTP server's acceptance and this record) is sent again:
 * the one duplicate window, stated rather than hidden. Receivers can drop that repeat by Message-ID or
 * Idempotency-Key, which carry the same key.
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
    const entry: OutboxEntry = { key, state: 'claimed', claimedAt: new Date().toISOString(), attempts: (prior?.attempts ?? 0) + 1 };
    this.write(entry);
    return entry;
  }

  markSent(entry: OutboxEntry, recipients: string[], channels: string[]): OutboxEntry {
    const sent: OutboxEntry = { ...entry, state: 'sent', sentAt: new Date().toISOString(), recipients, channels };
    this.write(sent);
    return sent;
  }
}
