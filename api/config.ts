/** API configuration from the environment, parsed once; refuses dev tokens in production. */
import { z } from 'zod';
import { DEFAULT_DIRECTORY_FILE } from '../management/directory';
import { TemporalConnectionShape, checkTemporalConnection } from '../worker/temporalConnection';

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
  })
  .refine((c) => !(c.NODE_ENV === 'production' && c.AUTH_MODE === 'dev-tokens'), {
    message: 'dev-<role> tokens are refused when NODE_ENV=production; set AUTH_MODE=oidc',
    path: ['AUTH_MODE'],
  })
  .superRefine(checkTemporalConnection);
export type ApiConfig = z.infer<typeof ApiConfigSchema>;

export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const parsed = ApiConfigSchema.safeParse(env);
  if (!parsed.success) throw new Error(`API configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
