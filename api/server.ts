/** `npm start` runs this: connects to Temporal, builds the app, listens; stops cleanly on SIGINT/SIGTERM. */
import pino from 'pino';
import { ProfileRegistry } from '../profiles/load';
import { connectTemporalClocks } from '../services/temporalClocks';
import { Directory } from '../management/directory';
import { createApp } from './app';
import { loadApiConfig } from './config';
import { authenticationFrom } from './oidc';

async function main() {
  const config = loadApiConfig();
  const logger = pino({ name: 'api', level: config.LOG_LEVEL, redact: ['req.headers.authorization'] });
  const profiles = config.PROFILE_DIR
    ? ProfileRegistry.fromDirectory(config.PROFILE_DIR)
    : ProfileRegistry.fromDirectory();
  const temporal = await connectTemporalClocks(config, profiles);
  const directory = Directory.fromFile(config.DIRECTORY_FILE).data;
  const app = createApp({
    clocks: temporal.clocks,
    profiles,
    directory,
    logger,
    auth: authenticationFrom(config),
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    production: config.NODE_ENV === 'production',
  });
  const server = app.listen(config.PORT, config.HOST, () =>
    logger.info({ url: `http://${config.HOST}:${config.PORT}` }, 'API listening'),
  );
  const stop = () => {
    logger.info('API stopping');
    server.close(() => void temporal.close().then(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  console.error(`API failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
