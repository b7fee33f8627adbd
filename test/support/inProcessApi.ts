/**
 * The API in this process against FakeClocks (fakeClocks.ts): the real Express app, auth, rate limit and
 * routes, served on a free loopback port and called over HTTP as test/support/devStack.ts calls the real
 * stack, so a test moves between the two with its calls unchanged. Starts in milliseconds.
 */
import { Server, createServer } from 'node:http';
import pino from 'pino';
import { type AppDeps, createApp } from '../../api/app';
import { DEFAULT_DIRECTORY_FILE, Directory } from '../../management/directory';
import { ProfileRegistry } from '../../profiles/load';
import { FakeClocks } from './fakeClocks';
import { type ApiCalls, apiCalls } from './apiCalls';

export interface InProcessApi extends ApiCalls {
  api: string;
  clocks: FakeClocks;
  /** Serves the API on the profiles in `dir` (a deployment of edited profiles); running clocks keep theirs. */
  reloadProfiles: (dir: string) => void;
  close: () => Promise<void>;
}

/** `app`: what differs from the default app (a rate limit, production, OIDC). */
export async function startInProcessApi(
  options: { app?: Partial<Omit<AppDeps, 'clocks'>>; now?: () => number } = {},
): Promise<InProcessApi> {
  const directory = Directory.fromFile(DEFAULT_DIRECTORY_FILE).data;
  const clocks = new FakeClocks(ProfileRegistry.fromDirectory(), options.now);
  const appOn = (profiles: ProfileRegistry, fake: FakeClocks) =>
    createApp({
      clocks: fake,
      profiles,
      directory,
      logger: pino({ level: 'silent' }),
      auth: { mode: 'dev-tokens' },
      // Tests make hundreds of calls a minute as one caller; the limit itself is tested in test/api/limits.test.ts.
      rateLimitPerMinute: 1_000_000,
      ...options.app,
    });
  let app = appOn(ProfileRegistry.fromDirectory(), clocks);
  const server: Server = createServer((req, res) => app(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const api = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const calls = apiCalls(api, directory);
  const handle: InProcessApi = {
    api,
    clocks,
    ...calls,
    reloadProfiles: (dir: string) => {
      const profiles = ProfileRegistry.fromDirectory(dir);
      clocks.useProfiles(profiles);
      app = appOn(profiles, clocks);
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
  return handle;
}
