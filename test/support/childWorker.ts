/**
 * The real clock worker (worker/index.ts) as its own process, configured through the environment as a
 * deployment configures it. The outbox directory is the caller's, so it survives a kill and a restart
 * (production keeps it on a volume).
 */
import { TsChild } from '../../harness/tsChild';
import { BUNDLE_PATH } from '../../harness/bundle.global';

export interface ChildWorkerEnv {
  temporalAddress: string;
  taskQueue: string;
  smtpPort: number;
  outboxDir: string;
  webhookUrl?: string;
  webhookSecret?: string;
}

/** Loading profiles, connecting and bundling (or reading the bundle) on a loaded 2-core machine. */
const READY_TIMEOUT_MS = 150_000;

export async function startChildWorker(env: ChildWorkerEnv): Promise<TsChild> {
  const child = TsChild.spawn('worker', 'worker/index.ts', {
    TEMPORAL_ADDRESS: env.temporalAddress,
    TASK_QUEUE: env.taskQueue,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(env.smtpPort),
    OUTBOX_DIR: env.outboxDir,
    // The digest Schedule is not under test here, and the test servers may not support Schedules.
    DIGEST_SCHEDULE: 'false',
    // The bundle jest's globalSetup made: used where the worker reads a prebuilt bundle, ignored otherwise.
    WORKFLOW_BUNDLE: BUNDLE_PATH,
    LOG_LEVEL: 'info',
    ...(env.webhookUrl ? { WEBHOOK_URLS: env.webhookUrl, WEBHOOK_SECRET: env.webhookSecret ?? '' } : {}),
  });
  try {
    await child.waitForLine('worker running', (line) => line.includes('"worker running"'), READY_TIMEOUT_MS);
  } catch (err) {
    await child.kill();
    throw err;
  }
  return child;
}
