/** API configuration from the environment, parsed once; refuses dev tokens in production. */
import { z } from 'zod';
import { DEFAULT_DIRECTORY_FILE } from '../management/directory';
import { isSafeUrl } from './safeUrl';
import { TemporalConnectionShape, checkTemporalConnection } from '../services/temporalConnection';

/** An unset variable; compose's `${NAME:-}` passes an empty string for one. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const safeUrl = z.string().refine(isSafeUrl, 'an https URL (http only on 127.0.0.1 or localhost)');

export const ApiConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    // Address, namespace, TLS / mTLS / API key: the same variables as the worker's.
    ...TemporalConnectionShape,
    TASK_QUEUE: z.string().default('statutory-clocks'),
    AUTH_MODE: z.enum(['dev-tokens', 'oidc']).default('dev-tokens'),
    PROFILE_DIR: z.string().optional(),
    DIRECTORY_FILE: z.string().default(DEFAULT_DIRECTORY_FILE),
    LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'silent']).default('info'),
    /** How long an event may wait for the workflow to accept it before the API answers 503. */
    UPDATE_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    /** AUTH_MODE=oidc: the identity provider's issuer URL, exactly as in its tokens' `iss`. */
    OIDC_ISSUER: optional(safeUrl),
    /** AUTH_MODE=oidc: this API's identifier, which tokens must carry in `aud`. */
    OIDC_AUDIENCE: optional(z.string().min(1)),
    /** Unset: discovered from the issuer's /.well-known/openid-configuration. */
    OIDC_JWKS_URL: optional(safeUrl),
    OIDC_ROLE_CLAIM: z.string().min(1).default('roles'),
    OIDC_PERSON_CLAIM: z.string().min(1).default('person_id'),
    /** Requests per minute per caller (per address without a valid token); 0 = no limit. */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  })
  .refine((c) => !(c.NODE_ENV === 'production' && c.AUTH_MODE === 'dev-tokens'), {
    message: 'dev-<role> tokens are refused when NODE_ENV=production; set AUTH_MODE=oidc',
    path: ['AUTH_MODE'],
  })
  .superRefine((c, ctx) => {
    if (c.AUTH_MODE !== 'oidc') return;
    for (const field of ['OIDC_ISSUER', 'OIDC_AUDIENCE'] as const) {
      if (!c[field]) ctx.addIssue({ code: 'custom', path: [field], message: 'required when AUTH_MODE=oidc' });
    }
  })
  .superRefine(checkTemporalConnection);
export type ApiConfig = z.infer<typeof ApiConfigSchema>;

export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const parsed = ApiConfigSchema.safeParse(env);
  if (!parsed.success)
    throw new Error(
      `API configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}
