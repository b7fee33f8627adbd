/**
 * The deployment the benchmarks measure, started as `npm start` runs it: a Temporal dev server on a
 * SQLite file, the clock worker and the API as their own Node processes (so their memory is theirs), and
 * the benchmark's SMTP sink. Everything on free loopback ports; stopped by pid.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTES } from '../workflows/searchAttributes';
import { registerSearchAttributes } from '../worker/searchAttributes';
import { startApi } from '../harness/childApi';
import { freePort } from '../harness/ports';
import { TsChild } from '../harness/tsChild';
import { BenchSmtpSink } from './smtpSink';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startDevServer } = require('../scripts/devServer');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { stopProcess } = require('../scripts/childProcesses');

export const TASK_QUEUE = 'statutory-clocks-bench';

export interface BenchStack {
  api: string;
  address: string;
  client: Client;
  sink: BenchSmtpSink;
  pids: { server: number; worker: number; api: number };
  dir: string;
  stop: () => Promise<void>;
}

/** Resident and peak resident memory of a process, in MiB, from /proc (Linux). */
export function memoryOf(pid: number): { rssMiB: number; peakMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: kb('VmRSS') / 1024, peakMiB: kb('VmHWM') / 1024 };
}

/** CPU seconds (user + system) a process has used so far. */
export function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Waits until a process has used under 2% of a core for `quietMs` (the worker has caught up). */
export async function waitUntilIdle(pid: number, quietMs = 5000, timeoutMs = 30 * 60_000): Promise<number> {
  const start = Date.now();
  let last = cpuSecondsOf(pid);
  let quietSince = Date.now();
  while (Date.now() - start < timeoutMs) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = cpuSecondsOf(pid);
    if (now - last > 0.02) quietSince = Date.now();
    last = now;
    if (Date.now() - quietSince >= quietMs) return Date.now() - start;
  }
  throw new Error(`process ${pid} still busy after ${timeoutMs / 1000} s`);
}

export async function startBenchStack(log: (m: string) => void): Promise<BenchStack> {
  const dir = mkdtempSync(join(tmpdir(), 'clocks-bench-'));
  const [port, httpPort, metricsPort, apiPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  log(`dev server on 127.0.0.1:${port}, SQLite ${dir}/temporal.sqlite`);
  const server: ChildProcess = await startDevServer({
    port,
    httpPort,
    metricsPort,
    headless: true,
    dbFile: join(dir, 'temporal.sqlite'),
    searchAttributes: SEARCH_ATTRIBUTES,
  });
  const address = `127.0.0.1:${port}`;
  const connection = await Connection.connect({ address });
  await registerSearchAttributes(connection, 'default');
  const client = new Client({ connection, namespace: 'default' });
  const sink = await BenchSmtpSink.start();

  const common = {
    TEMPORAL_ADDRESS: address,
    TEMPORAL_NAMESPACE: 'default',
    TASK_QUEUE,
    LOG_LEVEL: 'info',
    NODE_ENV: 'development',
  };
  const worker = TsChild.spawn('worker', 'worker/index.ts', {
    ...common,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(sink.port),
    OUTBOX_DIR: join(dir, 'outbox'),
    DIGEST_SCHEDULE: 'false',
  });
  log('worker starting (it bundles the workflow code first)');
  await worker.waitForLine('worker running', (line) => line.includes('worker running'), 180_000);
  // The intake system is one caller sending thousands of referrals a minute: its rate limit is raised
  // for the benchmark (the default is for people), as an LA would for its intake integration.
  const api = await startApi(
    { ...common, PORT: String(apiPort), AUTH_MODE: 'dev-tokens', RATE_LIMIT_PER_MINUTE: '1000000' },
    120_000,
  );
  const apiUrl = api.url;
  log(`worker pid ${worker.pid}, API ${apiUrl} pid ${api.child.pid}, SMTP sink :${sink.port}`);
  return {
    api: apiUrl,
    address,
    client,
    sink,
    pids: { server: server.pid!, worker: worker.pid, api: api.child.pid },
    dir,
    stop: async () => {
      await api.stop();
      await stopProcess(worker.proc, 'SIGTERM', 30_000);
      await connection.close();
      await sink.stop();
      await stopProcess(server, 'SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
