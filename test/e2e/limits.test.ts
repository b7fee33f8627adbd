/**
 * The rate limit as deployed: api/server.ts started as its own process against a real Temporal dev
 * server with RATE_LIMIT_PER_MINUTE=5 reads it from its environment, and the sixth request in a minute
 * from one caller is a 429 with Retry-After while another caller goes on. The limits' other rules (callers
 * without a valid token counted by address, the 100 kB body limit, helmet's headers) are the app's own:
 * test/api/limits.test.ts.
 */
import { startDevServerOnFreePorts } from '../support/devStack';
import { freePort } from '../../harness/ports';
import { startApi, type ApiProcess } from '../../harness/childApi';

const LIMIT = 5;
let server: Awaited<ReturnType<typeof startDevServerOnFreePorts>>;
let api: ApiProcess & { url: string };

beforeAll(async () => {
  server = await startDevServerOnFreePorts();
  api = await startApi({
    PORT: String(await freePort()),
    NODE_ENV: 'test',
    AUTH_MODE: 'dev-tokens',
    TEMPORAL_ADDRESS: server.address,
    TASK_QUEUE: 'limits-e2e',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: String(LIMIT),
  });
}, 300_000);
afterAll(async () => {
  await api?.stop();
  await server?.stop();
});

async function call(method: string, path: string, bearer?: string, body?: string) {
  const res = await fetch(`${api.url}${path}`, {
    method,
    headers: {
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body } : {}),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text };
}

const DUE = '/api/calendar/due?from=2026-12-24&add=1&unit=working-days';

test('rate limit: five a minute per caller, the sixth is 429 with Retry-After; another caller is not held up', async () => {
  const answers = [];
  for (let i = 0; i < LIMIT + 1; i++) answers.push(await call('GET', DUE, 'dev-social-worker'));
  // RateLimit (IETF draft 7): the limit, what remains after this request, and seconds to the reset.
  expect(answers.map((a) => [a.status, a.headers.get('ratelimit')?.replace(/reset=\d+/, 'reset=s')])).toEqual([
    [200, 'limit=5, remaining=4, reset=s'],
    [200, 'limit=5, remaining=3, reset=s'],
    [200, 'limit=5, remaining=2, reset=s'],
    [200, 'limit=5, remaining=1, reset=s'],
    [200, 'limit=5, remaining=0, reset=s'],
    [429, 'limit=5, remaining=0, reset=s'],
  ]);
  const refused = answers[LIMIT];
  const retryAfter = Number(refused.headers.get('retry-after'));
  // The window began at the first request, under a minute ago.
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(refused.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  expect(JSON.parse(refused.text)).toMatchObject({
    status: 429,
    title: 'Too many requests',
    detail: `caller dev-social-worker sent more than 5 requests in a minute; retry after ${retryAfter} s`,
    errors: [{ field: 'authorization', message: 'over 5 requests per minute' }],
  });
  // Another caller (another subject) has its own count.
  const other = await call('GET', DUE, 'dev-team-manager');
  expect([other.status, other.headers.get('ratelimit')?.replace(/reset=\d+/, 'reset=s')]).toEqual([
    200,
    'limit=5, remaining=4, reset=s',
  ]);
});
