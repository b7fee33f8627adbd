/**
 * The whole product against a real Temporal dev server that the tests start and stop themselves on
 * free loopback ports: dev server, mail sink, webhook receiver, worker, and the API over real HTTP.
 */
import { ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Server, createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import pino from 'pino';
import { createApp } from '../../api/app';
import { ProfileRegistry } from '../../profiles/load';
import { ProcessStarter } from '../../processes/start';
import { loadWorkerConfig } from '../../worker/config';
import { createClockWorker } from '../../worker/createWorker';
import { registerSearchAttributes } from '../../worker/searchAttributes';
import { BUNDLE_PATH } from './bundle.global';
import { MailSink } from './mailSink';
import { freePort } from './ports';
import { quietRuntime } from './timeSkipping';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startDevServer } = require('../../scripts/devServer');

export const WEBHOOK_SECRET = 'test-webhook-secret-0123456789';

export interface Hook {
  headers: Record<string, string | string[] | undefined>;
  body: string;
  validSignature: boolean;
}

export interface DevStack {
  api: string;
  mail: MailSink;
  hooks: Hook[];
  client: Client;
  taskQueue: string;
  call: (method: string, path: string, body?: unknown, token?: string | null) => Promise<{ status: number; body: any; headers: Headers }>;
  stopWorker: () => Promise<void>;
  teardown: () => Promise<void>;
}

export async function startDevServerOnFreePorts(dbFile?: string): Promise<{ proc: ChildProcess; address: string; stop: () => Promise<void> }> {
  const [port, httpPort, metricsPort] = [await freePort(), await freePort(), await freePort()];
  const proc: ChildProcess = await startDevServer({ port, httpPort, metricsPort, headless: true, dbFile });
  return {
    proc,
    address: `127.0.0.1:${port}`,
    stop: async () => {
      if (proc.exitCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
    },
  };
}

export async function startDevStack(): Promise<DevStack> {
  quietRuntime();
  const server = await startDevServerOnFreePorts();
  const mail = await MailSink.start();
  const hooks: Hook[] = [];
  const hookServer: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const ts = String(req.headers['x-clock-timestamp']);
      const expected = `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(`${ts}.${body}`).digest('hex')}`;
      hooks.push({ headers: req.headers, body, validSignature: req.headers['x-clock-signature'] === expected });
      res.writeHead(204).end();
    });
  });
  const hookPort = await freePort();
  await new Promise<void>((r) => hookServer.listen(hookPort, '127.0.0.1', r));

  const connection = await Connection.connect({ address: server.address });
  await registerSearchAttributes(connection, 'default');
  const client = new Client({ connection, namespace: 'default' });
  const native = await NativeConnection.connect({ address: server.address });
  const outboxDir = mkdtempSync(join(tmpdir(), 'clocks-e2e-outbox-'));
  const taskQueue = `clocks-e2e-${Math.random().toString(36).slice(2, 8)}`;
  const config = loadWorkerConfig({
    SMTP_PORT: String(mail.smtpPort),
    OUTBOX_DIR: outboxDir,
    TASK_QUEUE: taskQueue,
    WEBHOOK_URLS: `http://127.0.0.1:${hookPort}/clock-events`,
    WEBHOOK_SECRET,
  } as NodeJS.ProcessEnv);
  // Worker before API (brief s10).
  const { worker, close } = await createClockWorker(config, {
    connection: native,
    client,
    workflowBundle: { code: readFileSync(BUNDLE_PATH, 'utf8') },
    extra: { workflowFailureErrorTypes: { '*': ['Error'] } },
  });
  let running: Promise<void> | undefined = worker.run();
  const profiles = ProfileRegistry.fromDirectory();
  const app = createApp({
    client,
    connection,
    starter: new ProcessStarter(client, profiles, taskQueue),
    profiles,
    logger: pino({ level: 'silent' }),
    authMode: 'dev-tokens',
    updateTimeoutMs: 5_000,
  });
  const apiPort = await freePort();
  const http = await new Promise<Server>((r) => {
    const s = app.listen(apiPort, '127.0.0.1', () => r(s));
  });
  const api = `http://127.0.0.1:${apiPort}`;
  const stopWorker = async () => {
    if (!running) return;
    (worker as Worker).shutdown();
    await running;
    running = undefined;
  };
  return {
    api,
    mail,
    hooks,
    client,
    taskQueue,
    call: async (method, path, body, token = 'dev-admin') => {
      const res = await fetch(`${api}${path}`, {
        method,
        headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
    },
    stopWorker,
    teardown: async () => {
      await new Promise((r) => http.close(r));
      await stopWorker();
      await close();
      await native.close();
      await connection.close();
      await new Promise((r) => hookServer.close(r));
      await mail.stop();
      await server.stop();
      rmSync(outboxDir, { recursive: true, force: true });
    },
  };
}
