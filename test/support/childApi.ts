/**
 * The real API (api/server.ts) as its own process on a port the caller keeps, so it can be killed and
 * started again where integrators already send their requests.
 */
import { TsChild } from './tsChild';

export interface ChildApiEnv {
  port: number;
  temporalAddress: string;
  taskQueue: string;
  /** Anything else the API reads from its environment (e.g. limits a test must lift). */
  extra?: Record<string, string>;
}

/** ts-node start and the Temporal connection on a loaded 2-core machine. */
const READY_TIMEOUT_MS = 120_000;

export async function startChildApi(env: ChildApiEnv): Promise<TsChild> {
  const child = TsChild.spawn('api', 'api/server.ts', {
    HOST: '127.0.0.1',
    PORT: String(env.port),
    TEMPORAL_ADDRESS: env.temporalAddress,
    TASK_QUEUE: env.taskQueue,
    AUTH_MODE: 'dev-tokens',
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    ...env.extra,
  });
  const until = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (!child.running) throw new Error(`API exited (${child.proc.exitCode ?? child.proc.signalCode}) before answering /healthz\n${child.output}`);
    const ok = await fetch(`http://127.0.0.1:${env.port}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > until) {
      await child.kill();
      throw new Error(`API did not answer /healthz within ${READY_TIMEOUT_MS / 1000}s\n${child.output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return child;
}
