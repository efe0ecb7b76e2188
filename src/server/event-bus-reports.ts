/** What the Redis event bus reports (subscriber lost, gap read back) as logs and metrics. */
import type { Logger } from './logger.js';
import type { createMetrics } from './metrics.js';

export function reportEventBus(logger: Logger, metrics: ReturnType<typeof createMetrics>) {
  return {
    publishFailed: (error: unknown) => logger.warn({ err: error }, 'could not publish an event'),
    subscriberLost: () => {
      metrics.eventSubscriberLost();
      logger.warn(
        'Redis closed the event subscriber connection; live events resume, and the gap is read back from the log, once it is back',
      );
    },
    recovered: (events: number) => {
      metrics.eventsRecovered(events);
      logger.info({ events }, 'event subscriber back; events published meanwhile delivered');
    },
    recoveryFailed: (error: unknown) =>
      logger.warn({ err: error }, 'could not read back the events missed while disconnected'),
  };
}
