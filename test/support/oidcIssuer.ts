/**
 * An identity provider for the OIDC tests, on a loopback port: it publishes its discovery document and
 * its public keys (JWKS) over HTTP, as Entra ID or Keycloak do, and signs tokens with the private keys.
 * The API fetches and checks them exactly as it would a real provider's. `other` is a key pair the
 * issuer does not publish (a forged token's signer).
 */
import { Server, createServer } from 'node:http';
import { SignJWT, exportJWK, generateKeyPair, type JWTPayload, type KeyLike } from 'jose';
import { freePort } from '../../harness/ports';

export interface TestIssuer {
  issuer: string;
  jwksUrl: string;
  /** Requests the API made for the discovery document and the keys, in order. */
  requests: string[];
  /** A token signed by the published ES256 key (or the RS256 one, or the unpublished `other`). */
  sign: (
    claims: JWTPayload,
    options?: { key?: 'es256' | 'rs256' | 'other'; expiresIn?: string | number; header?: Record<string, unknown> },
  ) => Promise<string>;
  stop: () => Promise<void>;
}

export async function startTestIssuer(): Promise<TestIssuer> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}/realms/clocks`;
  const jwksUrl = `${issuer}/protocol/openid-connect/certs`;
  const keys: Record<
    'es256' | 'rs256' | 'other',
    { alg: string; kid: string; privateKey: KeyLike; publicKey: KeyLike }
  > = {
    es256: { alg: 'ES256', kid: 'es-1', ...(await generateKeyPair('ES256')) },
    rs256: { alg: 'RS256', kid: 'rs-1', ...(await generateKeyPair('RS256')) },
    other: { alg: 'ES256', kid: 'es-1', ...(await generateKeyPair('ES256')) },
  };
  const jwks = {
    keys: await Promise.all(
      [keys.es256, keys.rs256].map(async (k) => ({
        ...(await exportJWK(k.publicKey)),
        kid: k.kid,
        alg: k.alg,
        use: 'sig',
      })),
    ),
  };
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const body =
      req.url === '/realms/clocks/.well-known/openid-configuration'
        ? { issuer, jwks_uri: jwksUrl, id_token_signing_alg_values_supported: ['ES256', 'RS256'] }
        : req.url === '/realms/clocks/protocol/openid-connect/certs'
          ? jwks
          : undefined;
    res
      .writeHead(body ? 200 : 404, { 'content-type': 'application/json' })
      .end(JSON.stringify(body ?? { error: 'not found' }));
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    issuer,
    jwksUrl,
    requests,
    sign: async (claims, options = {}) => {
      const k = keys[options.key ?? 'es256'];
      const jwt = new SignJWT(claims)
        .setProtectedHeader({ alg: k.alg, kid: k.kid, typ: 'JWT', ...options.header } as { alg: string })
        .setIssuedAt();
      if (claims.exp === undefined && options.expiresIn !== undefined) jwt.setExpirationTime(options.expiresIn);
      return jwt.sign(k.privateKey);
    },
    stop: () => new Promise((r) => server.close(() => r())),
  };
}

/** base64url of a JSON value: for hand-built tokens the signing library would refuse to make. */
export const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
