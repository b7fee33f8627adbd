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
import { LIMIT, expectSixthRefused, rawCall } from '../support/rateLimitCase';

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

const call = rawCall(() => api.url);

test('rate limit: five a minute per caller, the sixth is 429 with Retry-After; another caller is not held up', () =>
  expectSixthRefused(call));
