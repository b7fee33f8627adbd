/** The input a workflow was started with, read from the first event of its history (of its first run, if given). */
import type { Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';

export async function startInputOf<T>(client: Client, workflowId: string, runId?: string): Promise<T | undefined> {
  const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
  const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  return payload ? defaultPayloadConverter.fromPayload<T>(payload) : undefined;
}
