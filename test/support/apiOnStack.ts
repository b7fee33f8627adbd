/**
 * A second API on a running dev stack (same Temporal server, worker and task queue), built by createApp
 * with what a test needs to see or allow: a logger writing where the test reads it (redaction), or a
 * longer Update deadline, so a slow shared machine gives no 503 while a fuzzer drives it.
 */
import { Server, createServer } from 'node:http';
import type { Connection } from '@temporalio/client';
import type { Logger } from 'pino';
import { createApp } from '../../api/app';
import { DEFAULT_DIRECTORY_FILE, Directory } from '../../management/directory';
import { ProfileRegistry } from '../../profiles/load';
import { ProcessStarter } from '../../services/start';
import { TemporalClocks } from '../../services/temporalClocks';
import type { DevStack } from './devStack';
import { freePort } from '../../harness/ports';

export interface StackApi {
  url: string;
  close: () => Promise<void>;
}

/** `profiles`: as deployed (default profiles/data), or edited ones, for a migration of running processes. */
export async function startApiOnStack(
  stack: DevStack,
  options: { logger: Logger; updateTimeoutMs: number; profiles?: ProfileRegistry },
): Promise<StackApi> {
  const profiles = options.profiles ?? ProfileRegistry.fromDirectory();
  const app = createApp({
    // devStack's client is built on a Connection (Connection.connect): the API needs its deadlines.
    clocks: new TemporalClocks(
      stack.client,
      stack.client.connection as Connection,
      new ProcessStarter(stack.client, profiles, stack.taskQueue),
      options.updateTimeoutMs,
    ),
    profiles,
    directory: Directory.fromFile(DEFAULT_DIRECTORY_FILE).data,
    logger: options.logger,
    auth: { mode: 'dev-tokens' },
    // One caller making many calls a minute; the limit itself is another test's subject.
    rateLimitPerMinute: 1_000_000,
  });
  const port = await freePort();
  const server: Server = createServer((req, res) => app(req, res));
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}
