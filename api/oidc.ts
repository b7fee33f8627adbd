/**
 * OIDC bearer tokens (AUTH_MODE=oidc): a JWT from the LA's identity provider, verified with the
 * provider's published keys (JWKS), its issuer, this API as audience, and its lifetime. The caller's
 * role comes from one claim (OIDC_ROLE_CLAIM) and their directory person id, which areas need, from
 * another (OIDC_PERSON_CLAIM). The token itself is never logged or echoed.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { API_ROLES, type ApiRole, type Authentication, type Caller, type OidcVerifier } from './auth';
import { isSafeUrl } from './safeUrl';

export type { OidcVerifier } from './auth';
import type { ApiConfig } from './config';
import { HttpProblem } from './problem';

/** Asymmetric only: `none` and HMAC (HS*) would let anyone holding a shared or public key mint tokens. */
export const OIDC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];
/** Seconds of clock skew allowed between this server and the identity provider on exp, nbf and iat. */
export const OIDC_CLOCK_TOLERANCE_S = 30;
/** Directory ids, as for development tokens: no names, nothing that could be markup or a query. */
const PERSON_ID = /^[A-Za-z0-9._-]{1,64}$/;

export interface OidcSettings {
  issuer: string;
  audience: string;
  /** Unset: the `jwks_uri` of the issuer's /.well-known/openid-configuration. */
  jwksUrl?: string;
  roleClaim: string;
  personClaim: string;
}

const unauthorized = (message: string) =>
  new HttpProblem(401, 'Unauthorized', `invalid bearer token: ${message}`, [{ field: 'authorization', message }]);
const forbidden = (message: string) =>
  new HttpProblem(403, 'Forbidden', message, [{ field: 'authorization', message }]);

/** A claim by its exact name, else by a dotted path (Keycloak's `realm_access.roles`). */
export function claimAt(claims: JWTPayload, name: string): unknown {
  if (name in claims) return claims[name];
  return name
    .split('.')
    .reduce<unknown>(
      (v, part) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined),
      claims,
    );
}

/**
 * The caller from verified claims. Exactly one recognised role: a token carrying none may do nothing,
 * and one carrying several is refused rather than guessed at (the API acts in one role per token, so a
 * person holding two posts signs in for each). Roles the API does not know (e.g. `offline_access`) are ignored.
 */
export function callerFromClaims(
  claims: JWTPayload,
  settings: Pick<OidcSettings, 'roleClaim' | 'personClaim'>,
): Caller {
  const raw = claimAt(claims, settings.roleClaim);
  const values =
    typeof raw === 'string'
      ? raw.split(' ')
      : Array.isArray(raw)
        ? raw.filter((v): v is string => typeof v === 'string')
        : [];
  const roles = [...new Set(values.filter((v): v is ApiRole => (API_ROLES as readonly string[]).includes(v)))];
  if (roles.length === 0)
    throw forbidden(`the token's '${settings.roleClaim}' claim names none of the API roles (${API_ROLES.join(', ')})`);
  if (roles.length > 1)
    throw forbidden(
      `the token's '${settings.roleClaim}' claim names several API roles (${roles.join(', ')}); a token must carry exactly one`,
    );
  const person = claimAt(claims, settings.personClaim);
  if (person !== undefined && (typeof person !== 'string' || !PERSON_ID.test(person))) {
    throw unauthorized(`the '${settings.personClaim}' claim is not a directory person id`);
  }
  return { role: roles[0], subject: claims.sub!, ...(person ? { personId: person } : {}) };
}

class KeysUnavailable extends Error {}

/** The JWKS URL: configured, or discovered once from the issuer (and retried after a failure). */
function jwksUrlSource(settings: OidcSettings): () => Promise<URL> {
  if (settings.jwksUrl) {
    const url = new URL(settings.jwksUrl);
    return async () => url;
  }
  let pending: Promise<URL> | undefined;
  const discover = async (): Promise<URL> => {
    const where = `${settings.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const res = await fetch(where, {
      signal: AbortSignal.timeout(5000),
      headers: { accept: 'application/json' },
    }).catch((err: Error) => {
      throw new KeysUnavailable(`discovery at ${where} failed: ${err.message}`);
    });
    if (!res.ok) throw new KeysUnavailable(`discovery at ${where} answered ${res.status}`);
    const doc = (await res.json().catch(() => ({}))) as { issuer?: unknown; jwks_uri?: unknown };
    // OpenID Connect Discovery 1.0 s4.3: the document must be the issuer's own.
    if (doc.issuer !== settings.issuer)
      throw new KeysUnavailable(`discovery at ${where} names issuer ${String(doc.issuer)}, not ${settings.issuer}`);
    if (typeof doc.jwks_uri !== 'string' || !isSafeUrl(doc.jwks_uri))
      throw new KeysUnavailable(`discovery at ${where} gives no https jwks_uri`);
    return new URL(doc.jwks_uri);
  };
  return () => {
    pending ??= discover().catch((err) => {
      pending = undefined;
      throw err;
    });
    return pending;
  };
}

export function createOidcVerifier(settings: OidcSettings): OidcVerifier {
  const jwksUrl = jwksUrlSource(settings);
  let keys: ReturnType<typeof createRemoteJWKSet> | undefined;
  return {
    async verify(token) {
      let payload: JWTPayload;
      try {
        keys ??= createRemoteJWKSet(await jwksUrl());
        ({ payload } = await jwtVerify(token, keys, {
          issuer: settings.issuer,
          audience: settings.audience,
          algorithms: OIDC_ALGORITHMS,
          clockTolerance: OIDC_CLOCK_TOLERANCE_S,
          requiredClaims: ['sub', 'exp'],
        }));
      } catch (err) {
        throw verificationProblem(err);
      }
      return callerFromClaims(payload, settings);
    },
  };
}

/** The authentication the configuration asks for (config.ts has checked the OIDC settings are there). */
export function authenticationFrom(
  config: Pick<
    ApiConfig,
    'AUTH_MODE' | 'OIDC_ISSUER' | 'OIDC_AUDIENCE' | 'OIDC_JWKS_URL' | 'OIDC_ROLE_CLAIM' | 'OIDC_PERSON_CLAIM'
  >,
): Authentication {
  if (config.AUTH_MODE === 'dev-tokens') return { mode: 'dev-tokens' };
  return {
    mode: 'oidc',
    verifier: createOidcVerifier({
      issuer: config.OIDC_ISSUER!,
      audience: config.OIDC_AUDIENCE!,
      ...(config.OIDC_JWKS_URL ? { jwksUrl: config.OIDC_JWKS_URL } : {}),
      roleClaim: config.OIDC_ROLE_CLAIM,
      personClaim: config.OIDC_PERSON_CLAIM,
    }),
  };
}

/** What went wrong, in words that never include the token. */
function verificationProblem(err: unknown): HttpProblem {
  if (keysUnreachable(err)) {
    return new HttpProblem(
      503,
      'Unavailable',
      `bearer tokens cannot be verified now: the identity provider's signing keys could not be fetched (${(err as Error).message})`,
      [{ field: 'authorization', message: 'signing keys unavailable' }],
    );
  }
  if (err instanceof errors.JWTExpired) return unauthorized('the token has expired');
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.reason === 'missing') return unauthorized(`the token has no '${err.claim}' claim`);
    if (err.claim === 'nbf') return unauthorized('the token is not valid yet (nbf)');
    if (err.claim === 'iss' || err.claim === 'aud') return unauthorized(`the token's '${err.claim}' is not this API's`);
    return unauthorized(`the token's '${err.claim}' claim is not valid`);
  }
  if (err instanceof errors.JOSEAlgNotAllowed)
    return unauthorized(`only asymmetric signatures (${OIDC_ALGORITHMS.join(', ')}) are accepted`);
  if (err instanceof errors.JWKSNoMatchingKey)
    return unauthorized('no signing key of the identity provider matches the token');
  if (err instanceof errors.JWSSignatureVerificationFailed) return unauthorized('the signature does not verify');
  return unauthorized('not a signed JWT');
}

/** The keys could not be had (network, timeout, a bad JWKS answer): the provider's fault, not the caller's. */
function keysUnreachable(err: unknown): boolean {
  if (err instanceof KeysUnavailable || err instanceof errors.JWKSTimeout || err instanceof errors.JWKSInvalid)
    return true;
  const code = (err as { code?: unknown })?.code;
  // Socket errors (ECONNREFUSED, ENOTFOUND, ECONNRESET...) have no underscore; jose's own codes (ERR_JWS_...) do.
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return true;
  return err instanceof errors.JOSEError && /JSON Web Key Set HTTP response/.test(err.message);
}
