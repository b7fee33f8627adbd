/**
 * The real API (api/server.ts) as its own process, exactly as `npm start` and the container run it, with
 * the environment a test gives (nothing inherited from jest but PATH and HOME): on a port the caller
 * keeps, so it can be killed and started again where integrators send their requests, and with its
 * output kept, so its logs can be searched. Stopped by its own pid.
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

export interface ApiProcess {
  child: TsChild;
  /** Everything it printed so far, stdout and stderr. */
  output: () => string;
  /** Its exit code. */
  exited: Promise<number | null>;
  stop: () => Promise<void>;
}

/** Starts api/server.ts with only `env`; does not wait for it (a test of refusing to start). */
export function spawnApi(env: Record<string, string>): ApiProcess {
  const child = TsChild.spawn('api', 'api/server.ts', env, { keepAll: true });
  return { child, output: () => child.output, exited: child.exited.then((e) => e.code), stop: () => child.stop() };
}

/** Resolves once `url`/healthz answers 200; fails with the child's output if it exits or time runs out. */
async function untilHealthy(child: TsChild, url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (!child.running)
      throw new Error(
        `API exited (${child.proc.exitCode ?? child.proc.signalCode}) before answering /healthz\n${child.output}`,
      );
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    if (Date.now() > until) {
      await child.kill();
      throw new Error(`API did not answer /healthz within ${timeoutMs / 1000}s\n${child.output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Spawns the API with `env` (PORT required) and waits until it is healthy. */
export async function startApi(
  env: Record<string, string> & { PORT: string },
  timeoutMs = 180_000,
): Promise<ApiProcess & { url: string }> {
  const api = spawnApi({ HOST: '127.0.0.1', ...env });
  const url = `http://127.0.0.1:${env.PORT}`;
  await untilHealthy(api.child, url, timeoutMs);
  return { ...api, url };
}

/** The API as the fault tests run it: development tokens, quiet logs, on the caller's port. */
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
  await untilHealthy(child, `http://127.0.0.1:${env.port}`, READY_TIMEOUT_MS);
  return child;
}
