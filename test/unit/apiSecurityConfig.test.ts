/**
 * The API's security settings (api/config.ts): OIDC needs its issuer and audience, keys are fetched over
 * https only (http on loopback for local providers), dev tokens are refused in production, and the rate
 * limit has a documented default. Each refusal names the variable.
 */
import { loadApiConfig } from '../../api/config';

const load = (env: Record<string, string>) => loadApiConfig(env as NodeJS.ProcessEnv);
const refusal = (env: Record<string, string>) => {
  try {
    load(env);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('accepted');
};

describe('AUTH_MODE=oidc', () => {
  it('without issuer and audience is refused, naming both', () => {
    expect(refusal({ AUTH_MODE: 'oidc' })).toBe(
      'API configuration: OIDC_ISSUER: required when AUTH_MODE=oidc; OIDC_AUDIENCE: required when AUTH_MODE=oidc',
    );
    expect(refusal({ AUTH_MODE: 'oidc', OIDC_ISSUER: 'https://login.example.gov.uk/realms/cs' })).toBe(
      'API configuration: OIDC_AUDIENCE: required when AUTH_MODE=oidc',
    );
  });

  it('takes https issuers, http only on loopback; the claims default to roles and person_id', () => {
    const c = load({
      AUTH_MODE: 'oidc',
      NODE_ENV: 'production',
      OIDC_ISSUER: 'https://login.example.gov.uk/realms/cs',
      OIDC_AUDIENCE: 'clocks',
      OIDC_JWKS_URL: '',
    });
    expect([c.OIDC_ISSUER, c.OIDC_AUDIENCE, c.OIDC_JWKS_URL, c.OIDC_ROLE_CLAIM, c.OIDC_PERSON_CLAIM]).toEqual([
      'https://login.example.gov.uk/realms/cs',
      'clocks',
      undefined,
      'roles',
      'person_id',
    ]);
    expect(
      load({ AUTH_MODE: 'oidc', OIDC_ISSUER: 'http://127.0.0.1:8080/realms/cs', OIDC_AUDIENCE: 'clocks' }).OIDC_ISSUER,
    ).toBe('http://127.0.0.1:8080/realms/cs');
    expect(
      refusal({ AUTH_MODE: 'oidc', OIDC_ISSUER: 'http://login.example.gov.uk/realms/cs', OIDC_AUDIENCE: 'clocks' }),
    ).toBe('API configuration: OIDC_ISSUER: an https URL (http only on 127.0.0.1 or localhost)');
    expect(
      refusal({
        AUTH_MODE: 'oidc',
        OIDC_ISSUER: 'https://login.example.gov.uk/realms/cs',
        OIDC_AUDIENCE: 'clocks',
        OIDC_JWKS_URL: 'http://keys.example.gov.uk/certs',
      }),
    ).toBe('API configuration: OIDC_JWKS_URL: an https URL (http only on 127.0.0.1 or localhost)');
  });
});

describe('production', () => {
  it('refuses development tokens, also when AUTH_MODE is left at its default', () => {
    const message =
      'API configuration: AUTH_MODE: dev-<role> tokens are refused when NODE_ENV=production; set AUTH_MODE=oidc';
    expect(refusal({ NODE_ENV: 'production' })).toBe(message);
    expect(refusal({ NODE_ENV: 'production', AUTH_MODE: 'dev-tokens' })).toBe(message);
  });
});

describe('RATE_LIMIT_PER_MINUTE', () => {
  it('defaults to 600 per caller, 0 turns it off, negatives and words are refused', () => {
    expect(load({}).RATE_LIMIT_PER_MINUTE).toBe(600);
    expect(load({ RATE_LIMIT_PER_MINUTE: '0' }).RATE_LIMIT_PER_MINUTE).toBe(0);
    expect(load({ RATE_LIMIT_PER_MINUTE: '1000000' }).RATE_LIMIT_PER_MINUTE).toBe(1_000_000);
    expect(refusal({ RATE_LIMIT_PER_MINUTE: '-1' })).toMatch(/^API configuration: RATE_LIMIT_PER_MINUTE: /);
    expect(refusal({ RATE_LIMIT_PER_MINUTE: 'lots' })).toMatch(/^API configuration: RATE_LIMIT_PER_MINUTE: /);
  });
});
