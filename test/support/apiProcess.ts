/**
 * api/server.ts run as its own process, exactly as `npm start` and the container run it, with the
 * environment a test gives: so the configuration is read as in production, and what it writes to
 * stdout and stderr (its logs) can be searched. Stopped by its own pid.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { stopProcess } = require('../../scripts/childProcesses');

const ROOT = resolve(__dirname, '../..');

export interface ApiProcess {
  proc: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output: () => string;
  exited: Promise<number | null>;
  stop: () => Promise<void>;
}

/** Starts the API with only `env` on top of PATH and HOME (no AUTH_MODE or NODE_ENV inherited from jest). */
export function spawnApi(env: Record<string, string>): ApiProcess {
  const proc = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'api/server.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  proc.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return { proc, output: () => out, exited, stop: () => stopProcess(proc) };
}

/** Spawns the API and waits until /healthz answers 200 (ts-node and Temporal on a loaded 2-core machine: minutes). */
export async function startApi(env: Record<string, string> & { PORT: string }, timeoutMs = 180_000): Promise<ApiProcess & { url: string }> {
  const api = spawnApi({ HOST: '127.0.0.1', ...env });
  const url = `http://127.0.0.1:${env.PORT}`;
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (api.proc.exitCode !== null) throw new Error(`the API exited with ${api.proc.exitCode}:\n${api.output()}`);
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) return { ...api, url };
    if (Date.now() > until) {
      await api.stop();
      throw new Error(`the API did not answer /healthz within ${timeoutMs / 1000} s:\n${api.output()}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
