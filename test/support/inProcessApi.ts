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
import { holderToken, isBareAreaToken } from './roleHolder';

export interface InProcessApi {
  api: string;
  clocks: FakeClocks;
  call: (
    method: string,
    path: string,
    body?: unknown,
    token?: string | null,
  ) => Promise<{ status: number; body: any; headers: Headers }>;
  /** POSTs an event (as a social worker unless told otherwise); the raw answer. */
  event: (workflowId: string, body: object, token?: string) => Promise<{ status: number; body: any; headers: Headers }>;
  /** POSTs an event that must be accepted (200, no problem detail); the updated clock. */
  accept: (workflowId: string, body: object, token?: string) => Promise<any>;
  /** GET /api/processes/:workflowId as the administrator, the body. */
  view: (workflowId: string) => Promise<any>;
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
  /** A bare area-role token is sent as the person holding that role for the case (roleHolder.ts), as devStack does. */
  const asHolder = async (method: string, path: string, body: unknown, token: string): Promise<string> => {
    const start =
      body && typeof body === 'object'
        ? (body as { localAuthority?: string; assignment?: { team?: string; workerId?: string } })
        : undefined;
    if (method === 'POST' && (path === '/api/processes' || path === '/api/referrals') && start?.localAuthority)
      return holderToken(directory, token, start.localAuthority, start.assignment);
    const id = method === 'POST' ? /^\/api\/processes\/([^/]+)\/(events|migrate-rules)$/.exec(path)?.[1] : undefined;
    if (!id) return token;
    const clock = await call('GET', `/api/processes/${id}`, undefined, 'dev-admin');
    return clock.status === 200
      ? holderToken(directory, token, clock.body.localAuthority, clock.body.assignment)
      : token;
  };
  const call: InProcessApi['call'] = async (method, path, body, token = 'dev-admin') => {
    if (isBareAreaToken(token)) token = await asHolder(method, path, body, token);
    const res = await fetch(`${api}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    const json = (res.headers.get('content-type') ?? '').includes('json');
    return { status: res.status, body: text && json ? JSON.parse(text) : text || undefined, headers: res.headers };
  };
  const event: InProcessApi['event'] = (id, body, token = 'dev-social-worker') =>
    call('POST', `/api/processes/${id}/events`, body, token);
  const handle: InProcessApi = {
    api,
    clocks,
    call,
    event,
    accept: async (id, body, token) => {
      const r = await event(id, body, token);
      expect({ body, status: r.status, detail: r.body.detail }).toEqual({ body, status: 200, detail: undefined });
      return r.body;
    },
    view: async (id) => (await call('GET', `/api/processes/${id}`)).body,
    reloadProfiles: (dir: string) => {
      const profiles = ProfileRegistry.fromDirectory(dir);
      clocks.useProfiles(profiles);
      app = appOn(profiles, clocks);
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
  return handle;
}
