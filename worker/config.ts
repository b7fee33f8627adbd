/** Worker configuration from the environment, parsed once with zod; a bad value stops startup naming it. */
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_DIRECTORY_FILE } from '../management/directory';

const root = resolve(__dirname, '..');

export const WorkerConfigSchema = z.object({
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TASK_QUEUE: z.string().default('statutory-clocks'),
  SMTP_HOST: z.string().default('127.0.0.1'),
  SMTP_PORT: z.coerce.number().int().positive().default(1025),
  MAIL_FROM: z.string().default('Statutory clocks <clocks@statutory-clocks.local>'),
  WEBHOOK_URLS: z.string().default('').transform((s) => s.split(',').map((u) => u.trim()).filter(Boolean)),
  WEBHOOK_SECRET: z.string().default(''),
  DIRECTORY_FILE: z.string().default(DEFAULT_DIRECTORY_FILE),
  OUTBOX_DIR: z.string().default(resolve(root, '.data/outbox')),
  PROFILE_DIR: z.string().optional(),
  TEMPORAL_UI_URL: z.string().default('http://127.0.0.1:8233'),
  /** Write the daily-digest Schedule at start (one worker per deployment need do it; it is idempotent). */
  DIGEST_SCHEDULE: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error']).default('info'),
}).refine((c) => c.WEBHOOK_URLS.length === 0 || c.WEBHOOK_SECRET.length >= 16, { message: 'WEBHOOK_SECRET (16+ characters) is required when WEBHOOK_URLS is set', path: ['WEBHOOK_SECRET'] });
export type WorkerConfig = z.infer<typeof WorkerConfigSchema>;

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const parsed = WorkerConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`worker configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
