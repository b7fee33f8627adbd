/**
 * What actually reached the outside world, by notification key: mail in the SMTP sink (X-Clock-Key,
 * and the Message-ID made from it) and webhook deliveries (Idempotency-Key). Fault tests compare these
 * counts with the set of keys worked out by hand.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutboxEntry } from '../../activities/outbox';
import { messageId } from '../../activities/notifications';
import type { HookReceiver } from './hookReceiver';
import type { MailSink, SunkMail } from '../../harness/mailSink';

export type Counts = Record<string, number>;

export function countKeys(keys: string[]): Counts {
  const counts: Counts = {};
  for (const k of keys) counts[k] = (counts[k] ?? 0) + 1;
  return counts;
}

/** The mail's key; fails loudly if its Message-ID is not the one made from that key (the receiver's dedupe id). */
export function keyOfMail(m: SunkMail): string {
  const key = m.headers['x-clock-key'];
  if (!key) throw new Error(`mail without X-Clock-Key: ${m.subject}`);
  const id = m.headers['message-id'];
  if (id !== messageId(key)) throw new Error(`mail ${key} has Message-ID ${id}, expected ${messageId(key)}`);
  return key;
}

export async function mailCounts(mail: MailSink): Promise<Counts> {
  return countKeys((await mail.messages()).map(keyOfMail));
}

export function hookCounts(receiver: HookReceiver): Counts {
  return countKeys(receiver.hooks.map((h) => h.idempotencyKey));
}

/** Every entry of the worker's outbox directory (one file per key; a half-written .tmp is not an entry). */
export function outboxEntries(dir: string): OutboxEntry[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as OutboxEntry);
}

/** `n` copies of each key, as a Counts (what "each exactly once" looks like when n = 1). */
export function each(keys: string[], n = 1): Counts {
  return Object.fromEntries(keys.map((k) => [k, n]));
}
