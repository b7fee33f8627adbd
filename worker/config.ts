/** Worker configuration from the environment, parsed once with zod; a bad value stops startup naming it. */
import { accessSync, constants } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_DIRECTORY_FILE } from '../management/directory';
import { TemporalConnectionShape, checkTemporalConnection } from '../services/temporalConnection';

const root = resolve(__dirname, '..');

/** A whole number from the environment, at least `min`; unset or empty = undefined. */
const intOrUnset = (min: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v ? Number(v) : undefined))
    .pipe(z.number().int().min(min).optional());

function readable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

export const WorkerConfigSchema = z
  .object({
    ...TemporalConnectionShape,
    TASK_QUEUE: z.string().default('statutory-clocks'),
    SMTP_HOST: z.string().default('127.0.0.1'),
    SMTP_PORT: z.coerce.number().int().positive().default(1025),
    MAIL_FROM: z.string().default('Statutory clocks <clocks@statutory-clocks.local>'),
    WEBHOOK_URLS: z
      .string()
      .default('')
      .transform((s) =>
        s
          .split(',')
          .map((u) => u.trim())
          .filter(Boolean),
      ),
    WEBHOOK_SECRET: z.string().default(''),
    DIRECTORY_FILE: z.string().default(DEFAULT_DIRECTORY_FILE),
    OUTBOX_DIR: z.string().default(resolve(root, '.data/outbox')),
    PROFILE_DIR: z.string().optional(),
    TEMPORAL_UI_URL: z.string().default('http://127.0.0.1:8233'),
    /** Write the daily-digest Schedule at start (one worker per deployment need do it; it is idempotent). */
    DIGEST_SCHEDULE: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
    LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error']).default('info'),
    /**
     * A workflow bundle built ahead (scripts/buildWorkflowBundle.js; the image sets it): the worker starts
     * without bundling, and every worker of a release runs byte-identical workflow code. Unset: bundle
     * workflows/ at start, as in development.
     */
    WORKFLOW_BUNDLE: z
      .string()
      .optional()
      .transform((v) => v || undefined)
      .refine((p) => p === undefined || readable(p), {
        error: (iss) => `cannot read the workflow bundle ${String(iss.input)}`,
      }),
    /** Worker tuning; unset = the SDK's defaults. See docs/operations.md, "Deploying", Tuning. */
    WORKER_MAX_CONCURRENT_ACTIVITIES: intOrUnset(1),
    WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: intOrUnset(2),
    WORKER_MAX_CACHED_WORKFLOWS: intOrUnset(0),
  })
  .refine((c) => c.WEBHOOK_URLS.length === 0 || c.WEBHOOK_SECRET.length >= 16, {
    message: 'WEBHOOK_SECRET (16+ characters) is required when WEBHOOK_URLS is set',
    path: ['WEBHOOK_SECRET'],
  })
  .superRefine(checkTemporalConnection);
export type WorkerConfig = z.infer<typeof WorkerConfigSchema>;

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const parsed = WorkerConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `worker configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}
