/**
 * The real worker for tests: built through the production composition root, with the workflow bundle
 * made once per jest run, a throwaway outbox and its own task queue.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { loadWorkerConfig } from '../worker/config';
import { createClockWorker } from '../worker/createWorker';
import { BUNDLE_PATH } from './bundle.global';

export interface TestWorker {
  worker: Worker;
  taskQueue: string;
  /** Stops polling and waits for the worker to drain (idempotent). */
  stop: () => Promise<void>;
  /** stop(), then closes the channels and removes the outbox. */
  close: () => Promise<void>;
}

/** SDK logs at WARN only, so test output shows what matters. Once per process. */
export function quietRuntime() {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // already installed in this process
  }
}

export async function startTestWorker(
  connection: NativeConnection,
  client: Client,
  env: Record<string, string>,
  visibility?: Client,
): Promise<TestWorker> {
  const outboxDir = mkdtempSync(join(tmpdir(), 'clocks-outbox-'));
  const taskQueue = `clocks-test-${Math.random().toString(36).slice(2, 8)}`;
  const config = loadWorkerConfig({
    ...env,
    OUTBOX_DIR: outboxDir,
    TASK_QUEUE: taskQueue,
    LOG_LEVEL: 'warn',
  } as NodeJS.ProcessEnv);
  const { worker, close } = await createClockWorker(config, {
    connection,
    client,
    ...(visibility ? { visibility } : {}),
    workflowBundle: { code: readFileSync(BUNDLE_PATH, 'utf8') },
    // A plain Error in workflow code would otherwise retry the task forever and hang the test.
    extra: { workflowFailureErrorTypes: { '*': ['Error'] } },
  });
  let running: Promise<void> | undefined = worker.run();
  const stop = async () => {
    if (!running) return;
    worker.shutdown();
    await running;
    running = undefined;
  };
  return {
    worker,
    taskQueue,
    stop,
    close: async () => {
      await stop();
      await close();
      rmSync(outboxDir, { recursive: true, force: true });
    },
  };
}
