/**
 * Recorded histories as readable JSON. protobufjs's own object form round-trips exactly (64-bit numbers
 * and bytes as strings, enums by name), without the SDK's proto-JSON helper, which needs one protobufjs
 * copy across @temporalio packages that npm does not guarantee.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { temporal } from '@temporalio/proto';

const History = temporal.api.history.v1.History;
const FORM = { longs: String, enums: String, bytes: String, defaults: false } as const;

export function historyToFile(history: temporal.api.history.v1.IHistory): string {
  return JSON.stringify(History.toObject(History.fromObject(history), FORM), null, 1) + '\n';
}

export function historyFromFile(path: string): temporal.api.history.v1.History {
  return History.fromObject(JSON.parse(readFileSync(path, 'utf8')));
}

/** Every recorded history, by file name. */
export function recordedHistories(dir = __dirname): { name: string; path: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.replace(/\.json$/, ''), path: resolve(dir, f) }));
}
