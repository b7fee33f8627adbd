/**
 * Registers the clocks' search attributes, idempotently, at every start: a workflow that upserts an
 * unregistered attribute hangs, and a dev server restarted over an existing database does not add
 * attributes from its command line (docs/design.md, Temporal).
 */
import { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import Long from 'long';
import { SEARCH_ATTRIBUTES } from '../workflows/searchAttributes';

const T = temporal.api.enums.v1.IndexedValueType;
const TYPES = {
  Keyword: T.INDEXED_VALUE_TYPE_KEYWORD,
  Datetime: T.INDEXED_VALUE_TYPE_DATETIME,
  KeywordList: T.INDEXED_VALUE_TYPE_KEYWORD_LIST,
  Int: T.INDEXED_VALUE_TYPE_INT,
};

export async function registerSearchAttributes(connection: Connection, namespace: string): Promise<string[]> {
  let have: Record<string, unknown> = {};
  try {
    const existing = await connection.operatorService.listSearchAttributes({ namespace });
    have = { ...(existing.customAttributes ?? {}), ...(existing.systemAttributes ?? {}) };
  } catch (err) {
    // The time-skipping test server implements add but not list; adding is idempotent enough there.
    if ((err as { code?: number }).code !== 12) throw err;
  }
  const missing = Object.entries(SEARCH_ATTRIBUTES).filter(([name]) => !(name in have));
  if (missing.length) {
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(missing.map(([name, type]) => [name, TYPES[type]])),
    });
  }
  return missing.map(([name]) => name);
}

/** Keeps closed processes readable for a reporting year (the dev server's default is 24 hours). */
export async function ensureRetention(connection: Connection, namespace: string, days = 400): Promise<void> {
  const ns = await connection.workflowService.describeNamespace({ namespace });
  const current = Number(ns.config?.workflowExecutionRetentionTtl?.seconds ?? 0);
  if (current >= days * 86_400) return;
  await connection.workflowService.updateNamespace({
    namespace,
    config: { workflowExecutionRetentionTtl: { seconds: Long.fromNumber(days * 86_400) } },
  });
}
