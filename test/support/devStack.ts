/**
 * The whole product against a real Temporal dev server that the tests start and stop themselves on
 * free loopback ports: dev server, mail sink, webhook receiver, worker, and the API over real HTTP.
 */
import { ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import pino from 'pino';
import { createApp } from '../../api/app';
import { ProfileRegistry } from '../../profiles/load';
import { ProcessStarter } from '../../services/start';
import { TemporalClocks } from '../../services/temporalClocks';
import { DEFAULT_DIRECTORY_FILE, Directory } from '../../management/directory';
import { SEARCH_ATTRIBUTES } from '../../workflows/searchAttributes';
import { registerSearchAttributes } from '../../worker/searchAttributes';
import { ReceivedHook, startHookReceiver } from './hookReceiver';
import { MailSink } from '../../harness/mailSink';
import { freePort } from '../../harness/ports';
import { quietRuntime, startTestWorker } from '../../harness/testWorker';
import { type ApiCalls, apiCalls } from './apiCalls';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startDevServer } = require('../../scripts/devServer');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { stopProcess } = require('../../scripts/childProcesses');

export const WEBHOOK_SECRET = 'test-webhook-secret-0123456789';

export type Hook = ReceivedHook;

export interface DevStack extends ApiCalls {
  api: string;
  /** The Temporal UI's base URL, when started with `ui: true`. */
  ui?: string;
  mail: MailSink;
  hooks: Hook[];
  client: Client;
  taskQueue: string;
  stopWorker: () => Promise<void>;
  /** Restarts the API on the profiles in `dir` (a deployment of edited profiles); the worker keeps running. */
  reloadProfiles: (dir: string) => void;
  teardown: () => Promise<void>;
}

/**
 * A free port is released before the server binds it, and the dev server binds further ports of its own
 * choosing, so a test file starting its server beside another can lose a port and the server exits. It
 * is then started again on a fresh set, up to three times in all; any other failure is reported at once.
 */
export async function startDevServerOnFreePorts(
  dbFile?: string,
  withUi = false,
): Promise<{ proc: ChildProcess; address: string; ui?: string; stop: () => Promise<void> }> {
  for (let attempt = 1; ; attempt++) {
    const [port, httpPort, metricsPort, uiPort] = [
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    try {
      const proc: ChildProcess = await startDevServer({
        port,
        httpPort,
        metricsPort,
        headless: !withUi,
        uiPort,
        dbFile,
        searchAttributes: SEARCH_ATTRIBUTES,
      });
      return {
        proc,
        address: `127.0.0.1:${port}`,
        ...(withUi ? { ui: `http://127.0.0.1:${uiPort}` } : {}),
        stop: () => stopProcess(proc),
      };
    } catch (err) {
      if (attempt >= 3 || !/exited with code/.test((err as Error).message)) throw err;
    }
  }
}

/**
 * `ui`: also serve the Temporal UI (for the browser tests), at `DevStack.ui`. `workerProfiles`: the worker
 * runs on the profiles in this directory (a profile change deployed to the worker but not to the API).
 */
export async function startDevStack(options: { ui?: boolean; workerProfiles?: string } = {}): Promise<DevStack> {
  quietRuntime();
  const server = await startDevServerOnFreePorts(undefined, options.ui);
  const mail = await MailSink.start();
  // Signatures are recomputed there from the documented scheme, as a receiver would.
  const receiver = await startHookReceiver(WEBHOOK_SECRET);
  const hooks = receiver.hooks;

  const connection = await Connection.connect({ address: server.address });
  await registerSearchAttributes(connection, 'default');
  const client = new Client({ connection, namespace: 'default' });
  const native = await NativeConnection.connect({ address: server.address });
  // Worker before API (docs/design.md, Tests).
  const worker = await startTestWorker(native, client, {
    SMTP_PORT: String(mail.smtpPort),
    WEBHOOK_URLS: receiver.url,
    WEBHOOK_SECRET,
    ...(options.workerProfiles ? { PROFILE_DIR: options.workerProfiles } : {}),
  });
  const directory = Directory.fromFile(DEFAULT_DIRECTORY_FILE).data;
  const appOn = (profiles: ProfileRegistry) =>
    createApp({
      clocks: new TemporalClocks(client, connection, new ProcessStarter(client, profiles, worker.taskQueue), 5_000),
      profiles,
      directory,
      logger: pino({ level: 'silent' }),
      auth: { mode: 'dev-tokens' },
      // Tests make hundreds of calls a minute as one caller; the limit itself is tested in test/e2e/limits.test.ts.
      rateLimitPerMinute: 1_000_000,
    });
  let app = appOn(ProfileRegistry.fromDirectory());
  const apiPort = await freePort();
  const http = createServer((req, res) => app(req, res));
  await new Promise<void>((r) => http.listen(apiPort, '127.0.0.1', r));
  const api = `http://127.0.0.1:${apiPort}`;
  const calls = apiCalls(api, directory);
  return {
    api,
    ...(server.ui ? { ui: server.ui } : {}),
    mail,
    hooks,
    client,
    taskQueue: worker.taskQueue,
    ...calls,
    stopWorker: worker.stop,
    reloadProfiles: (dir: string) => {
      app = appOn(ProfileRegistry.fromDirectory(dir));
    },
    teardown: async () => {
      await new Promise((r) => http.close(r));
      await worker.close();
      await native.close();
      await connection.close();
      await receiver.close();
      await mail.stop();
      await server.stop();
    },
  };
}

/** The step of a clock view with this key and occurrence. */
export const stepOf = (view: any, key: string, occurrence = 1) =>
  view.steps.find((x: any) => x.key === key && x.occurrence === occurrence);
