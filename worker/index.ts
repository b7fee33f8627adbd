/** `node dist/worker/index.js` (the image) / `npm start`: runs the clock worker until SIGINT/SIGTERM. */
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { loadWorkerConfig } from './config';
import { connectClient, createClockWorker, loadProfiles } from './createWorker';
import { createLogger } from './logger';
import { DIGEST_SCHEDULE_ID, ensureDigestSchedule } from './digestSchedule';
import { calendarData } from '../profiles/calendar';
import { londonDate } from '../engine/calendar/london';
import { ensureRetention, registerSearchAttributes } from './searchAttributes';
import { temporalConnectionOptions } from '../services/temporalConnection';
import { SEARCH_ATTRIBUTES } from '../workflows/searchAttributes';

async function main() {
  const config = loadWorkerConfig();
  const logger = createLogger(config.LOG_LEVEL);
  // Profiles first: a bad rule stops the worker before it touches Temporal.
  const profiles = loadProfiles(config);
  Runtime.install({
    logger: new DefaultLogger('WARN', (entry) => logger.child({ sdk: true }).warn(entry.meta ?? {}, entry.message)),
    shutdownSignals: ['SIGINT', 'SIGTERM'],
  });
  const connectionOptions = temporalConnectionOptions(config);
  const { connection, client } = await connectClient(config);
  const added = await registerSearchAttributes(connection, config.TEMPORAL_NAMESPACE).catch((err: Error) => {
    // Temporal Cloud does not let a worker add search attributes; they are added once with tcld or the
    // Cloud UI, after which this only lists them. Without them a workflow upserting one would hang.
    const wanted = Object.entries(SEARCH_ATTRIBUTES)
      .map(([name, type]) => `--sa ${name}=${type}`)
      .join(' ');
    throw new Error(
      `cannot register the search attributes (${err.message}); on Temporal Cloud add them first: tcld namespace search-attributes add -n ${config.TEMPORAL_NAMESPACE} ${wanted}`,
    );
  });
  if (added.length) logger.info({ added }, 'registered search attributes');
  await ensureRetention(connection, config.TEMPORAL_NAMESPACE).catch((err) =>
    logger.warn({ err: err.message }, 'could not raise namespace retention'),
  );
  const native = await NativeConnection.connect(connectionOptions);
  const { worker, close } = await createClockWorker(config, { connection: native, client, profiles });
  if (config.DIGEST_SCHEDULE) {
    const today = londonDate(Date.now());
    const how = await ensureDigestSchedule(client, calendarData([], today), today, config.TASK_QUEUE);
    logger.info({ scheduleId: DIGEST_SCHEDULE_ID, how }, 'daily digest schedule written');
  }
  // Says which workflow code and which kind of connection this worker runs with, for whoever reads the logs.
  logger.info(
    {
      taskQueue: config.TASK_QUEUE,
      profiles: profiles.ids(),
      workflowBundle: config.WORKFLOW_BUNDLE ?? 'bundled at start',
      tls: Boolean(connectionOptions.tls),
      apiKey: Boolean(connectionOptions.apiKey),
    },
    'worker running',
  );
  try {
    await worker.run();
  } finally {
    await close();
    await native.close();
    await connection.close();
    logger.info('worker stopped');
  }
}

main().catch((err) => {
  // A bad profile, directory or config ends here with the message naming the rule or field.
  console.error(`worker failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
