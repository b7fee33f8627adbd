/**
 * The API's limits and headers, in process (the app as api/app.ts builds it, on FakeClocks) with a limit
 * of 5 requests a minute: the sixth request in a minute from one caller is a 429 with Retry-After while
 * another caller goes on; callers without a valid token are counted by address; a body over 100 kB
 * (102,400 bytes) is a 413 naming `body`; helmet's headers are on every answer. test/e2e/limits.test.ts
 * checks that api/server.ts, started as its own process, reads the limit from its environment.
 */
import { InProcessApi, startInProcessApi } from '../support/inProcessApi';
import { DUE, LIMIT, expectSixthRefused, rawCall } from '../support/rateLimitCase';

let api: InProcessApi;

beforeAll(async () => {
  api = await startInProcessApi({ app: { rateLimitPerMinute: LIMIT } });
});
afterAll(async () => api?.close());

const call = rawCall(() => api.api);

test('rate limit: five a minute per caller, the sixth is 429 with Retry-After; another caller is not held up', () =>
  expectSixthRefused(call));

test('rate limit: requests without a valid token are counted by address, missing and unknown tokens alike', async () => {
  const statuses = [];
  for (const bearer of [undefined, 'dev-nobody', undefined, 'not-a-token', undefined, undefined])
    statuses.push((await call('GET', DUE, bearer)).status);
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
});

test('body limit: 102,400 bytes are read (and refused by the schema), one byte more is 413 naming body', async () => {
  // {"referralId":"xxx...x"}: 17 bytes of JSON around the x's.
  const body = (bytes: number) => `{"referralId":"${'x'.repeat(bytes - 17)}"}`;
  expect(body(102_400)).toHaveLength(102_400);
  const atLimit = await call('POST', '/api/referrals', 'dev-intake-system', body(102_400));
  expect(atLimit.status).toBe(400);
  expect(JSON.parse(atLimit.text).errors[0]).toMatchObject({ field: 'body.referralId' });
  const over = await call('POST', '/api/referrals', 'dev-admin', body(102_401));
  expect(over.status).toBe(413);
  expect(JSON.parse(over.text)).toMatchObject({
    status: 413,
    detail: 'the body is over 100 kB',
    errors: [{ field: 'body', message: 'too large' }],
  });
});

test("helmet's headers on the API, the health check and the dashboard; API answers are never cached", async () => {
  const csp =
    "default-src 'none';script-src 'self';style-src 'self';img-src 'self' data:;connect-src 'self';form-action 'self';base-uri 'none';frame-ancestors 'none';object-src 'none'";
  for (const [path, bearer, status, cache] of [
    ['/api/calendar/due?from=2026-04-02&add=45&unit=working-days', 'dev-head-of-service', 200, 'no-store'],
    // A refusal carries them too (an anonymous call would be counted against this address, used up above).
    ['/api/inbox', 'dev-intake-system', 403, 'no-store'],
    ['/healthz', undefined, 200, null],
    ['/dashboard/', undefined, 200, 'public, max-age=0'],
  ] as const) {
    const r = await call('GET', path, bearer);
    const h = (name: string) => r.headers.get(name);
    expect({
      path,
      status: r.status,
      csp: h('content-security-policy'),
      frame: h('x-frame-options'),
      sniff: h('x-content-type-options'),
      referrer: h('referrer-policy'),
      hsts: h('strict-transport-security'),
      poweredBy: h('x-powered-by'),
      cache: h('cache-control'),
    }).toEqual({
      path,
      status,
      csp,
      frame: 'DENY',
      sniff: 'nosniff',
      referrer: 'no-referrer',
      hsts: 'max-age=31536000; includeSubDomains',
      poweredBy: null,
      cache,
    });
  }
});
