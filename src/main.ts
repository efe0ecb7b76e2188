/** Entry point: configuration → app → listen; SIGINT/SIGTERM drain and exit 0. */
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './server/logger.js';
import { ManifestError } from './server/plugins/persisted-manifest.js';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const logger = createLogger(config.logLevel);
  let app: ReturnType<typeof createApp>;
  try {
    app = createApp(config, { logger });
  } catch (error) {
    // A persisted operations file that cannot be used is a configuration mistake too.
    if (error instanceof ManifestError) {
      process.stderr.write(`Invalid configuration: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  try {
    await app.start();
  } catch (error) {
    logger.fatal({ err: error }, 'could not start');
    await app.stop().catch(() => {});
    process.exit(1);
  }
}

void main();
