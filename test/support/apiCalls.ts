/**
 * The call helpers every API test uses, over HTTP to the app at `api`, whether it runs on the dev stack
 * (devStack.ts) or in process (inProcessApi.ts): so a test moves between test/e2e and test/api unchanged.
 * A bare area-role token (`dev-team-manager`) on a start or an event is sent as the person holding that
 * role for the case (roleHolder.ts).
 */
import type { DirectoryData } from '../../management/directory';
import { holderToken, isBareAreaToken } from './roleHolder';

export type Answer = { status: number; body: any; headers: Headers };

export interface ApiCalls {
  call: (method: string, path: string, body?: unknown, token?: string | null) => Promise<Answer>;
  /** POSTs an event (as a social worker unless told otherwise); the raw answer. */
  event: (workflowId: string, body: object, token?: string) => Promise<Answer>;
  /** POSTs an event that must be accepted (200, no problem detail); the updated clock. */
  accept: (workflowId: string, body: object, token?: string) => Promise<any>;
  /** GET /api/processes/:workflowId as the administrator, the body. */
  view: (workflowId: string) => Promise<any>;
}

export function apiCalls(api: string, directory: DirectoryData): ApiCalls {
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
  const call: ApiCalls['call'] = async (method, path, body, token = 'dev-admin') => {
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
  const event: ApiCalls['event'] = (id, body, token = 'dev-social-worker') =>
    call('POST', `/api/processes/${id}/events`, body, token);
  return {
    call,
    event,
    accept: async (id, body, token) => {
      const r = await event(id, body, token);
      expect({ body, status: r.status, detail: r.body.detail }).toEqual({ body, status: 200, detail: undefined });
      return r.body;
    },
    view: async (id) => (await call('GET', `/api/processes/${id}`)).body,
  };
}
