/**
 * Production authentication, end to end: api/server.ts started as its own process with NODE_ENV=production
 * and AUTH_MODE=oidc against a real Temporal dev server and an identity provider on a loopback port that
 * publishes its discovery document and keys (test/support/oidcIssuer.ts). Signed tokens act in their role
 * and area; development tokens, forged, expired and ambiguous ones are refused naming `authorization`;
 * no token reaches the logs. Production with development tokens does not start at all.
 */
import { Client, Connection } from '@temporalio/client';
import { startDevServerOnFreePorts } from '../support/devStack';
import { startTestIssuer, type TestIssuer } from '../support/oidcIssuer';
import { freePort, waitFor } from '../../harness/ports';
import { spawnApi, startApi, type ApiProcess } from '../../harness/childApi';

const AUDIENCE = 'statutory-clocks-api';
let idp: TestIssuer;
let server: Awaited<ReturnType<typeof startDevServerOnFreePorts>>;
let api: ApiProcess & { url: string };
let connection: Connection;
let client: Client;
/** Every token a test sent, to look for in the logs at the end. */
const sent: string[] = [];

beforeAll(async () => {
  idp = await startTestIssuer();
  server = await startDevServerOnFreePorts();
  connection = await Connection.connect({ address: server.address });
  client = new Client({ connection });
  api = await startApi({
    PORT: String(await freePort()),
    NODE_ENV: 'production',
    AUTH_MODE: 'oidc',
    OIDC_ISSUER: idp.issuer,
    OIDC_AUDIENCE: AUDIENCE,
    TEMPORAL_ADDRESS: server.address,
    // No worker polls it: starting a clock and listing it need none.
    TASK_QUEUE: 'oidc-e2e',
    LOG_LEVEL: 'info',
  });
}, 300_000);
afterAll(async () => {
  await api?.stop();
  await connection?.close();
  await server?.stop();
  await idp?.stop();
});

const now = () => Math.floor(Date.now() / 1000);
/** A signed token for `sub` in `roles`, naming `person` when given, valid for five minutes. */
async function token(sub: string, roles: unknown, person?: string, over: Record<string, unknown> = {}) {
  const t = await idp.sign({
    iss: idp.issuer,
    aud: AUDIENCE,
    sub,
    exp: now() + 300,
    roles,
    ...(person ? { person_id: person } : {}),
    ...over,
  });
  sent.push(t);
  return t;
}

async function call(method: string, path: string, bearer?: string, body?: unknown) {
  const res = await fetch(`${api.url}${path}`, {
    method,
    headers: {
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

test('signed tokens act in their role: the intake system starts a referral, managers list it in their own area only', async () => {
  const intake = await token('cms-derbyshire', ['intake-system']);
  const referral = {
    referralId: 'R-OIDC-1',
    caseId: 'C-OIDC-1',
    localAuthority: 'derbyshire',
    receivedAt: '2026-11-02T10:00:00Z',
    assignment: { workerId: 'sw-derb-01', team: 'derb-north-assessment' },
  };
  const started = await call('POST', '/api/referrals', intake, referral);
  expect(started.status).toBe(201);
  expect(started.body).toEqual({ workflowId: 'referral-C-OIDC-1-R-OIDC-1', referralId: 'R-OIDC-1', existing: false });
  expect((await client.workflow.getHandle('referral-C-OIDC-1-R-OIDC-1').describe()).status.name).toBe('RUNNING');

  // tm-derb-north manages derb-north-assessment (config/directory.json): one process; tm-york-ra none.
  const north = await token('user-tm-north', ['team-manager'], 'tm-derb-north');
  const listed = await waitFor('the referral in visibility', async () => {
    const r = await call('GET', '/api/processes?caseId=C-OIDC-1', north);
    return r.status === 200 && r.body.count === 1 ? r : undefined;
  });
  expect(listed.body.items.map((i: { workflowId: string }) => i.workflowId)).toEqual(['referral-C-OIDC-1-R-OIDC-1']);
  const york = await call(
    'GET',
    '/api/processes?caseId=C-OIDC-1',
    await token('user-tm-york', ['team-manager'], 'tm-york-ra'),
  );
  expect({ status: york.status, count: york.body.count }).toEqual({ status: 200, count: 0 });
  // Without the person claim the area is unknown: refused, naming authorization.
  const nobody = await call('GET', '/api/processes?caseId=C-OIDC-1', await token('user-tm-anon', ['team-manager']));
  expect({ status: nobody.status, field: nobody.body.errors[0].field }).toEqual({
    status: 403,
    field: 'authorization',
  });
  // POST /api/referrals allows the intake system, social workers, team managers and admin: a service manager is refused.
  const sm = await call('POST', '/api/referrals', await token('user-sm', 'service-manager', 'sm-derb-assess'), {
    ...referral,
    referralId: 'R-OIDC-2',
  });
  expect({ status: sm.status, field: sm.body.errors[0].field }).toEqual({ status: 403, field: 'authorization' });

  // Thu 24 Dec 2026 + 1 working day: Fri 25 Dec and Mon 28 Dec (Boxing Day's substitute) are bank holidays, so Tue 29 Dec.
  const due = await call(
    'GET',
    '/api/calendar/due?from=2026-12-24&add=1&unit=working-days',
    await token('user-sw', ['social-worker'], 'sw-derb-01'),
  );
  expect({ status: due.status, dueDate: due.body.dueDate }).toEqual({ status: 200, dueDate: '2026-12-29' });
});

test('refused: no token, development tokens, forged, expired, for another API, and tokens with no single role', async () => {
  const refusal = async (bearer: string | undefined) => {
    const r = await call('GET', '/api/calendar/due?from=2026-12-24&add=1&unit=working-days', bearer);
    expect(r.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    return {
      status: r.status,
      field: r.body.errors[0].field,
      message: r.body.errors[0].message,
      wwwAuthenticate: r.headers.get('www-authenticate'),
    };
  };
  const invalid = (message: string) => ({
    status: 401,
    field: 'authorization',
    message,
    wwwAuthenticate: 'Bearer realm="statutory-clocks", error="invalid_token"',
  });

  expect(await refusal(undefined)).toEqual({
    status: 401,
    field: 'authorization',
    message: 'missing bearer token',
    wwwAuthenticate: 'Bearer realm="statutory-clocks"',
  });
  for (const dev of ['dev-admin', 'dev-intake-system', 'dev-team-manager.tm-derb-north'])
    expect(await refusal(dev)).toEqual(invalid('not a signed JWT'));
  const forged = await idp.sign(
    { iss: idp.issuer, aud: AUDIENCE, sub: 'mallory', exp: now() + 300, roles: ['admin'] },
    { key: 'other' },
  );
  sent.push(forged);
  expect(await refusal(forged)).toEqual(invalid('the signature does not verify'));
  expect(await refusal(await token('user-late', ['admin'], undefined, { exp: now() - 120 }))).toEqual(
    invalid('the token has expired'),
  );
  expect(await refusal(await token('user-elsewhere', ['admin'], undefined, { aud: 'another-api' }))).toEqual(
    invalid("the token's 'aud' is not this API's"),
  );
  const none = await refusal(await token('user-none', ['offline_access']));
  expect({ status: none.status, field: none.field, wwwAuthenticate: none.wwwAuthenticate }).toEqual({
    status: 403,
    field: 'authorization',
    wwwAuthenticate: null,
  });
  expect(await refusal(await token('user-two', ['team-manager', 'admin'], 'tm-derb-north'))).toEqual({
    status: 403,
    field: 'authorization',
    message: "the token's 'roles' claim names several API roles (team-manager, admin); a token must carry exactly one",
    wwwAuthenticate: null,
  });
});

test('the provider was asked for its discovery document once and its keys once; no token is in the logs', async () => {
  expect(idp.requests.filter((u) => u.endsWith('/.well-known/openid-configuration'))).toHaveLength(1);
  expect(idp.requests.filter((u) => u.endsWith('/certs'))).toHaveLength(1);
  const logs = api.output();
  // The requests were logged (so the search below searched something)...
  expect(logs).toContain('"statusCode":401');
  expect(logs).toContain('"statusCode":201');
  // ...and no token, nor any of its three parts (a header alone is common to many tokens, so the signature and payload).
  expect(sent.length).toBeGreaterThanOrEqual(10);
  for (const t of sent) {
    const [, payload, signature] = t.split('.');
    expect({ payload: logs.includes(payload), signature: logs.includes(signature) }).toEqual({
      payload: false,
      signature: false,
    });
  }
});

describe('NODE_ENV=production refuses to start', () => {
  const startAndExit = async (env: Record<string, string>) => {
    const p = spawnApi({ PORT: String(await freePort()), TEMPORAL_ADDRESS: server.address, ...env });
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      p.exited,
      new Promise<'running'>((r) => (timer = setTimeout(() => r('running'), 120_000))),
    ]);
    clearTimeout(timer);
    if (code === 'running') await p.stop();
    return { code, output: p.output().trim() };
  };

  test('with development tokens, also when AUTH_MODE is left at its default', async () => {
    const message =
      'API failed to start: API configuration: AUTH_MODE: dev-<role> tokens are refused when NODE_ENV=production; set AUTH_MODE=oidc';
    expect(await startAndExit({ NODE_ENV: 'production' })).toEqual({ code: 1, output: message });
    expect(await startAndExit({ NODE_ENV: 'production', AUTH_MODE: 'dev-tokens' })).toEqual({
      code: 1,
      output: message,
    });
  });

  test('with AUTH_MODE=oidc but no issuer or audience', async () => {
    expect(await startAndExit({ NODE_ENV: 'production', AUTH_MODE: 'oidc' })).toEqual({
      code: 1,
      output:
        'API failed to start: API configuration: OIDC_ISSUER: required when AUTH_MODE=oidc; OIDC_AUDIENCE: required when AUTH_MODE=oidc',
    });
  });
});
