/**
 * Whether a retried event is the same event: its body as the sender meant it, compared field by field.
 * Who sent it (by, byRole) and its id are not the body; an instant is compared as the instant it names,
 * so 10:00:00.000Z and 10:00:00+00:00 are one time. Pure: the workflow keeps each recent event's body.
 */
import type { ClockEvent } from './contract';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Every leaf of a body, as `path -> value` with instants in one notation. */
export function leaves(value: unknown, path = ''): Record<string, string> {
  if (value === null || typeof value !== 'object') {
    const text =
      typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value))
        ? new Date(Date.parse(value)).toISOString()
        : JSON.stringify(value);
    return { [path]: text };
  }
  const out: Record<string, string> = {};
  const entries = Array.isArray(value)
    ? value.map((v, i) => [String(i), v] as const)
    : Object.entries(value).filter(([, v]) => v !== undefined);
  for (const [key, v] of entries) Object.assign(out, leaves(v, path ? `${path}.${key}` : key));
  return out;
}

/** A body as one string: its leaves, keys sorted, instants in one notation. What bodyDifferences compares. */
export function canonical(value: unknown): string {
  return JSON.stringify(Object.entries(leaves(value)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The body an event id stands for: the event without its id and its sender. */
export function eventBody(event: ClockEvent): string {
  const { eventId: _id, by: _by, byRole: _role, ...body } = event as ClockEvent & { by?: string; byRole?: string };
  return canonical(body);
}

/** The fields in which two bodies (as canonical writes them) differ, in order; none when they are the same. */
export function bodyDifferences(earlier: string, later: string): string[] {
  const a = new Map(JSON.parse(earlier) as [string, string][]);
  const b = new Map(JSON.parse(later) as [string, string][]);
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
}
