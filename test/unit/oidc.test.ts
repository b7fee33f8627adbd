/**
 * OIDC bearer verification (api/oidc.ts) against a provider on a loopback port that publishes its
 * discovery document and keys over HTTP. Each case is one rule: the signature by a published asymmetric
 * key, the issuer, the audience, exp/nbf with 30 s of tolerance, sub and exp required, exactly one API
 * role. Times are seconds from the real now, since the verifier reads the real clock.
 */
import { SignJWT } from 'jose';
import { HttpProblem } from '../../api/problem';
import { callerFromClaims, createOidcVerifier, type OidcVerifier } from '../../api/oidc';
import { b64url, startTestIssuer, type TestIssuer } from '../support/oidcIssuer';
import { freePort } from '../../harness/ports';

const AUDIENCE = 'statutory-clocks-api';
let idp: TestIssuer;
let verifier: OidcVerifier;
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  idp = await startTestIssuer();
  verifier = createOidcVerifier({
    issuer: idp.issuer,
    audience: AUDIENCE,
    roleClaim: 'roles',
    personClaim: 'person_id',
  });
});
afterAll(async () => idp?.stop());

/** A token that passes every check; each test changes one thing. */
const good = (over: Record<string, unknown> = {}) => ({
  iss: idp.issuer,
  aud: AUDIENCE,
  sub: 'user-1',
  exp: now() + 300,
  roles: ['team-manager'],
  person_id: 'tm-derb-north',
  ...over,
});

/** The problem the verifier answers for `token`: status, field and message, and that the token is not in it. */
async function refusal(token: string, v: OidcVerifier = verifier) {
  const err = await v.verify(token).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HttpProblem);
  const p = err as HttpProblem;
  expect(JSON.stringify({ detail: p.message, errors: p.errors })).not.toContain(token);
  return { status: p.status, field: p.errors[0]?.field, message: p.errors[0]?.message };
}

describe('a well-formed token', () => {
  it('gives the role, the subject and the person (ES256, discovered keys)', async () => {
    expect(await verifier.verify(await idp.sign(good()))).toEqual({
      role: 'team-manager',
      subject: 'user-1',
      personId: 'tm-derb-north',
    });
  });

  it('accepts RS256, a role as a string, no person, and an audience list that includes this API', async () => {
    const token = await idp.sign(
      good({ roles: 'intake-system', person_id: undefined, sub: 'cms-client', aud: ['other-api', AUDIENCE] }),
      { key: 'rs256' },
    );
    expect(await verifier.verify(token)).toEqual({ role: 'intake-system', subject: 'cms-client' });
  });

  it("ignores roles that are not the API's (offline_access)", async () => {
    expect(
      (
        await verifier.verify(
          await idp.sign(
            good({ roles: ['offline_access', 'social-worker', 'uma_authorization'], person_id: 'sw-derb-01' }),
          ),
        )
      ).role,
    ).toBe('social-worker');
  });

  it('fetched the discovery document once and the keys once for all of these', () => {
    expect(idp.requests).toEqual([
      '/realms/clocks/.well-known/openid-configuration',
      '/realms/clocks/protocol/openid-connect/certs',
    ]);
  });

  it('allows 30 s of clock skew: expired 20 s ago and valid from 20 s ahead are accepted', async () => {
    expect((await verifier.verify(await idp.sign(good({ exp: now() - 20 })))).role).toBe('team-manager');
    expect((await verifier.verify(await idp.sign(good({ nbf: now() + 20 })))).role).toBe('team-manager');
  });
});

describe('refused with 401 naming authorization', () => {
  it('expired more than 30 s ago', async () => {
    expect(await refusal(await idp.sign(good({ exp: now() - 40 })))).toEqual({
      status: 401,
      field: 'authorization',
      message: 'the token has expired',
    });
  });

  it('not valid for another minute (nbf)', async () => {
    expect(await refusal(await idp.sign(good({ nbf: now() + 60 })))).toEqual({
      status: 401,
      field: 'authorization',
      message: 'the token is not valid yet (nbf)',
    });
  });

  it('another issuer, or another audience', async () => {
    expect(await refusal(await idp.sign(good({ iss: 'https://login.example.org/other' })))).toEqual({
      status: 401,
      field: 'authorization',
      message: "the token's 'iss' is not this API's",
    });
    expect(await refusal(await idp.sign(good({ aud: 'some-other-api' })))).toEqual({
      status: 401,
      field: 'authorization',
      message: "the token's 'aud' is not this API's",
    });
  });

  it('no exp (a token for ever), or no sub', async () => {
    expect(await refusal(await idp.sign(good({ exp: undefined })))).toEqual({
      status: 401,
      field: 'authorization',
      message: "the token has no 'exp' claim",
    });
    expect(await refusal(await idp.sign(good({ sub: undefined })))).toEqual({
      status: 401,
      field: 'authorization',
      message: "the token has no 'sub' claim",
    });
  });

  it("alg none, and HS256 keyed with the provider's public key (the classic key-confusion forgery)", async () => {
    const unsigned = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(good())}.`;
    const only =
      'only asymmetric signatures (RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, EdDSA) are accepted';
    expect(await refusal(unsigned)).toEqual({ status: 401, field: 'authorization', message: only });
    const jwks = await (await fetch(idp.jwksUrl)).text();
    const hmac = await new SignJWT(good())
      .setProtectedHeader({ alg: 'HS256', kid: 'es-1' })
      .sign(new TextEncoder().encode(jwks));
    expect(await refusal(hmac)).toEqual({ status: 401, field: 'authorization', message: only });
  });

  it('signed by a key the provider does not publish, under its key id or another', async () => {
    expect(await refusal(await idp.sign(good(), { key: 'other' }))).toEqual({
      status: 401,
      field: 'authorization',
      message: 'the signature does not verify',
    });
    expect(await refusal(await idp.sign(good(), { key: 'other', header: { kid: 'unknown-kid' } }))).toEqual({
      status: 401,
      field: 'authorization',
      message: 'no signing key of the identity provider matches the token',
    });
  });

  it('a development token, or a tampered payload', async () => {
    expect(await refusal('dev-admin')).toEqual({ status: 401, field: 'authorization', message: 'not a signed JWT' });
    const [h, , s] = (await idp.sign(good({ roles: ['social-worker'] }))).split('.');
    expect(await refusal(`${h}.${b64url(good({ roles: ['admin'] }))}.${s}`)).toEqual({
      status: 401,
      field: 'authorization',
      message: 'the signature does not verify',
    });
  });

  it('a person claim that is not a directory id', async () => {
    expect(await refusal(await idp.sign(good({ person_id: 'Jane <Smith>' })))).toEqual({
      status: 401,
      field: 'authorization',
      message: "the 'person_id' claim is not a directory person id",
    });
  });
});

describe('refused with 403: a token must carry exactly one API role', () => {
  it('none, an empty list, or only roles the API does not know', async () => {
    const none =
      "the token's 'roles' claim names none of the API roles (intake-system, social-worker, team-manager, service-manager, head-of-service, cp-chair, iro, complaints-manager, admin)";
    for (const roles of [undefined, [], ['offline_access']]) {
      expect(await refusal(await idp.sign(good({ roles })))).toEqual({
        status: 403,
        field: 'authorization',
        message: none,
      });
    }
  });

  it('several (ambiguity is refused, not guessed at)', async () => {
    expect(await refusal(await idp.sign(good({ roles: ['team-manager', 'admin', 'team-manager'] })))).toEqual({
      status: 403,
      field: 'authorization',
      message:
        "the token's 'roles' claim names several API roles (team-manager, admin); a token must carry exactly one",
    });
  });
});

describe('claims', () => {
  it('read by exact name first (a namespaced claim with dots), else by dotted path (Keycloak realm_access.roles)', () => {
    expect(
      callerFromClaims(
        { sub: 's', 'https://clocks.example.gov.uk/roles': ['admin'] },
        { roleClaim: 'https://clocks.example.gov.uk/roles', personClaim: 'person_id' },
      ).role,
    ).toBe('admin');
    expect(
      callerFromClaims(
        { sub: 's', realm_access: { roles: ['offline_access', 'head-of-service'] }, staff_id: 'hos-derb' },
        { roleClaim: 'realm_access.roles', personClaim: 'staff_id' },
      ),
    ).toEqual({ role: 'head-of-service', subject: 's', personId: 'hos-derb' });
  });
});

describe("the provider's keys", () => {
  it('from OIDC_JWKS_URL when set: no discovery request', async () => {
    const before = idp.requests.length;
    const direct = createOidcVerifier({
      issuer: idp.issuer,
      audience: AUDIENCE,
      jwksUrl: idp.jwksUrl,
      roleClaim: 'roles',
      personClaim: 'person_id',
    });
    expect((await direct.verify(await idp.sign(good()))).role).toBe('team-manager');
    expect(idp.requests.slice(before)).toEqual(['/realms/clocks/protocol/openid-connect/certs']);
  });

  it('unreachable: 503 naming authorization, and a later request tries again', async () => {
    const down = `http://127.0.0.1:${await freePort()}/realms/gone`;
    const v = createOidcVerifier({ issuer: down, audience: AUDIENCE, roleClaim: 'roles', personClaim: 'person_id' });
    const token = await idp.sign(good({ iss: down }));
    for (let i = 0; i < 2; i++) {
      const r = await refusal(token, v);
      expect(r).toEqual({ status: 503, field: 'authorization', message: 'signing keys unavailable' });
    }
  });

  it('a discovery document naming another issuer is not trusted (OpenID Connect Discovery s4.3)', async () => {
    // The same host, a path whose document names /realms/clocks: an issuer must match exactly.
    const v = createOidcVerifier({
      issuer: `${idp.issuer}/`,
      audience: AUDIENCE,
      roleClaim: 'roles',
      personClaim: 'person_id',
    });
    expect(await refusal(await idp.sign(good({ iss: `${idp.issuer}/` })), v)).toEqual({
      status: 503,
      field: 'authorization',
      message: 'signing keys unavailable',
    });
  });
});
