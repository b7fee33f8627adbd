/**
 * Composition root of a worker: config -> profiles (validated; a bad one stops here) -> directory ->
 * channels -> activities -> Worker. Tests build workers through this same function.
 */
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';
import { EmailChannel, WebhookChannel } from '../activities/channels';
import { Directory } from '../management/directory';
import { createActivities } from '../activities';
import { Outbox } from '../activities/outbox';
import { ProfileRegistry } from '../profiles/load';
import { ProcessStarter } from '../services/start';
import type { WorkerConfig } from './config';
import { TemporalConnectionConfig, temporalConnectionOptions } from '../services/temporalConnection';

export interface WorkerParts {
  worker: Worker;
  profiles: ProfileRegistry;
  close: () => Promise<void>;
}

export async function createClockWorker(
  config: WorkerConfig,
  options: {
    connection: NativeConnection;
    client: Client;
    /** Whose visibility the digest lists; the worker's own server unless a test pairs two servers. */
    visibility?: Client;
    workflowBundle?: WorkerOptions['workflowBundle'];
    profiles?: ProfileRegistry;
    extra?: Partial<WorkerOptions>;
  },
): Promise<WorkerParts> {
  const profiles = options.profiles ?? loadProfiles(config);
  const directory = Directory.fromFile(config.DIRECTORY_FILE);
  const email = new EmailChannel({ host: config.SMTP_HOST, port: config.SMTP_PORT }, config.MAIL_FROM);
  const webhooks = config.WEBHOOK_URLS.map((u) => new WebhookChannel(u, config.WEBHOOK_SECRET));
  const starter = new ProcessStarter(options.client, profiles, config.TASK_QUEUE);
  const activities = createActivities({
    directory,
    outbox: new Outbox(config.OUTBOX_DIR),
    email,
    webhooks,
    uiBaseUrl: config.TEMPORAL_UI_URL,
    namespace: config.TEMPORAL_NAMESPACE,
    starter: () => starter,
    client: () => options.client,
    visibility: () => options.visibility ?? options.client,
  });
  const worker = await Worker.create({
    connection: options.connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TASK_QUEUE,
    activities,
    ...workflowSource(config, options.workflowBundle),
    ...tuning(config),
    ...options.extra,
  });
  return { worker, profiles, close: async () => email.close() };
}

/** A bundle given by the caller (tests), else the prebuilt one (WORKFLOW_BUNDLE, the image), else bundle the sources now. */
function workflowSource(
  config: WorkerConfig,
  given: WorkerOptions['workflowBundle'],
): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  if (given) return { workflowBundle: given };
  if (config.WORKFLOW_BUNDLE) return { workflowBundle: { codePath: config.WORKFLOW_BUNDLE } };
  return { workflowsPath: require.resolve('../workflows') };
}

/** Only the limits the deployment set, so the SDK's defaults (sized from the heap) apply otherwise. */
function tuning(config: WorkerConfig): Partial<WorkerOptions> {
  return {
    ...(config.WORKER_MAX_CONCURRENT_ACTIVITIES !== undefined
      ? { maxConcurrentActivityTaskExecutions: config.WORKER_MAX_CONCURRENT_ACTIVITIES }
      : {}),
    ...(config.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS !== undefined
      ? { maxConcurrentWorkflowTaskExecutions: config.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS }
      : {}),
    ...(config.WORKER_MAX_CACHED_WORKFLOWS !== undefined
      ? { maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS }
      : {}),
  };
}

export async function connectClient(
  config: TemporalConnectionConfig,
): Promise<{ connection: Connection; client: Client }> {
  const connection = await Connection.connect(temporalConnectionOptions(config));
  return { connection, client: new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }) };
}

/** Validates every profile; throws ProfileError naming each bad rule. */
export function loadProfiles(config: Pick<WorkerConfig, 'PROFILE_DIR'>): ProfileRegistry {
  return config.PROFILE_DIR ? ProfileRegistry.fromDirectory(config.PROFILE_DIR) : ProfileRegistry.fromDirectory();
}
