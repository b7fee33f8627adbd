/**
 * The rate limit's one case, run in process (test/api/limits.test.ts) and on the API started as its own
 * process (test/e2e/limits.test.ts): with a limit of 5 a minute, the sixth request from one caller is a
 * 429 with Retry-After while another caller goes on.
 */
export type RawAnswer = { status: number; headers: Headers; text: string };
export type RawCall = (method: string, path: string, bearer?: string, body?: string) => Promise<RawAnswer>;

/** A call that sends the body as given and keeps the answer's text (limits are about bytes and headers). */
export function rawCall(base: () => string): RawCall {
  return async (method, path, bearer, body) => {
    const res = await fetch(`${base()}${path}`, {
      method,
      headers: {
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body } : {}),
    });
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
}

export const LIMIT = 5;
export const DUE = '/api/calendar/due?from=2026-12-24&add=1&unit=working-days';

export async function expectSixthRefused(call: RawCall): Promise<void> {
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
}
