/**
 * A worker container's health check (`node dist/worker/healthcheck.js`, docker-compose.yml): exits 0 when
 * this container's worker is polling its task queue, 1 otherwise. It connects as the worker does (same
 * variables, so TLS, mTLS or an API key too) and recognises its own worker by the SDK's default identity,
 * "<pid>@<hostname>", so each of several worker containers on one queue answers for itself.
 */
import { hostname } from 'node:os';
import { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { loadWorkerConfig } from './config';
import { temporalConnectionOptions } from '../services/temporalConnection';

async function pollingHere(): Promise<boolean> {
  const config = loadWorkerConfig();
  const connection = await Connection.connect({ ...temporalConnectionOptions(config), connectTimeout: 5_000 });
  try {
    const queue = await connection.workflowService.describeTaskQueue({
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: { name: config.TASK_QUEUE },
      taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
    });
    // The server lists pollers seen in the last few minutes; an idle worker polls again at least every
    // ~70 s (long-poll timeout), so a poll older than two minutes means this worker stopped polling.
    const fresh = (p: temporal.api.taskqueue.v1.IPollerInfo) =>
      Date.now() - Number(p.lastAccessTime?.seconds ?? 0) * 1000 < 120_000;
    return (queue.pollers ?? []).some((p) => String(p.identity ?? '').endsWith(`@${hostname()}`) && fresh(p));
  } finally {
    await connection.close();
  }
}

pollingHere().then(
  (ok) => {
    if (!ok) console.error(`no worker on ${hostname()} is polling its task queue`);
    process.exit(ok ? 0 : 1);
  },
  (err) => {
    console.error(`health check failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
