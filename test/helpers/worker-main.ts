/**
 * `src/main.ts` with the stand-in handler of queued runs (NEXUS_STAND_IN_PATTERN names the
 * pattern each run executes, `none` for none): a real worker process for tests and the bench, until the
 * execution service handles queued runs itself. Exits 0 on SIGTERM.
 */
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/server/logger.js';
import { standInRunHandler } from './stand-in-run-handler.js';

const config = loadConfig();
const logger = createLogger(config.logLevel);
const pattern = process.env.NEXUS_STAND_IN_PATTERN ?? 'user_onboarding';
// `none`: runs are taken and settled at once (what the queue itself costs, for the bench).
const runQueued = pattern === 'none' ? () => async () => null : standInRunHandler(pattern);
const app = createApp(config, { logger, runQueued });
process.once('SIGTERM', () => {
  app.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
app.start().catch((error: unknown) => {
  logger.fatal({ err: error }, 'could not start');
  process.exit(1);
});
