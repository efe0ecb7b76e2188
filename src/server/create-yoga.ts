/** The yoga instance: the schema it is handed, the per-request context and every plugin. */
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { Tracer } from '@opentelemetry/api';
import type { GraphQLSchema } from 'graphql';
import { createYoga } from 'graphql-yoga';
import type { SecurityConfig } from '../config.js';
import type { AuditLog } from '../domain/audit/audit-log.js';
import type { RateLimiter } from '../domain/security/rate-limiter.js';
import type { Clock } from '../domain/shared/clock.js';
import type { Authenticator } from './authenticate.js';
import { createContextFactory } from './context.js';
import { graphiqlOptions } from './graphiql.js';
import { type createErrorMasker, MASKED_MESSAGE } from './graphql-errors.js';
import { yogaCors } from './http/cors.js';
import type { OriginPolicy } from './http/origin-policy.js';
import { limitJsonDepth } from './json-depth.js';
import { type Logger, yogaLogger } from './logger.js';
import type { createMetrics } from './metrics.js';
import { useAcceptableResponse } from './plugins/use-acceptable-response.js';
import { useAccessLog } from './plugins/use-access-log.js';
import { useAuditTrail } from './plugins/use-audit-trail.js';
import { useIncrementalDelivery } from './plugins/use-incremental-delivery.js';
import { useIncrementalErrorMasking } from './plugins/use-incremental-error-masking.js';
import { useJsonErrorBodies } from './plugins/use-json-error-bodies.js';
import { useMetricsGuard } from './plugins/use-metrics-guard.js';
import { useMutationRateLimit } from './plugins/use-mutation-rate-limit.js';
import { useNestingLimit } from './plugins/use-nesting-limit.js';
import {
  type PersistedOperationsOptions,
  usePersistedOperations,
} from './plugins/use-persisted-operations.js';
import { useQueryArmor } from './plugins/use-query-armor.js';
import { useReadiness } from './plugins/use-readiness.js';
import { useRequestId } from './plugins/use-request-id.js';
import { useTracing } from './plugins/use-tracing.js';
import type { Services } from './services.js';
import { useSharedSubscriptionExecution } from './ws/shared-subscriptions.js';

export interface NexusYogaOptions {
  schema: GraphQLSchema;
  services: Services;
  authenticator: Authenticator;
  security: SecurityConfig;
  logger: Logger;
  metrics: ReturnType<typeof createMetrics>;
  maskError: ReturnType<typeof createErrorMasker>;
  /** Whether the storage answers (GET /ready). */
  isReady: () => Promise<boolean>;
  /** Mutation root fields per user, shared with the executions a mutation starts. */
  mutationRate: RateLimiter;
  auditLog: AuditLog;
  clock: Clock;
  /** Browser origins allowed to call (CORS headers for them, none for others). */
  originPolicy: OriginPolicy;
  /** OpenTelemetry's tracer when tracing is on; without it no tracing plugin is registered. */
  tracer?: Tracer;
  /** maskError without its logging, for the errors spans record (see use-tracing.ts). */
  maskErrorQuietly?: ReturnType<typeof createErrorMasker>;
  /** Persisted operations and APQ; without it, neither (every request sends its document). */
  persistedOperations?: PersistedOperationsOptions;
}

export function createNexusYoga(options: NexusYogaOptions) {
  const { security, logger, authenticator } = options;
  return createYoga({
    schema: limitJsonDepth(options.schema, security.maxJsonDepth),
    context: createContextFactory({ services: options.services, authenticator }),
    graphiql: security.graphiql ? graphiqlOptions(!authenticator.development) : false,
    cors: yogaCors(options.originPolicy),
    // One operation per request: a batch would multiply every per-operation limit.
    batching: false,
    landingPage: false,
    // Served from the package, not a CDN: GraphiQL works offline and behind strict networks.
    renderGraphiQL,
    maskedErrors: { maskError: options.maskError },
    logging: yogaLogger(logger),
    healthCheckEndpoint: '/health',
    plugins: [
      // First: their instrumentation wraps everything the others do.
      useRequestId(logger),
      ...(options.tracer
        ? [
            useTracing(options.tracer, (error) =>
              (options.maskErrorQuietly ?? options.maskError)(error, MASKED_MESSAGE),
            ),
          ]
        : []),
      useAccessLog(),
      useReadiness('/ready', options.isReady),
      useMetricsGuard('/metrics', authenticator),
      options.metrics.plugin,
      useSharedSubscriptionExecution(),
      // Before the nesting limit and armour: they see the document an id stands for.
      ...(options.persistedOperations ? [usePersistedOperations(options.persistedOperations)] : []),
      // @defer and @stream: the whole document, deferred parts included, is validated first.
      useIncrementalDelivery(),
      // Before anything that runs or charges the operation: a result nobody can read is refused.
      useAcceptableResponse(),
      useIncrementalErrorMasking(options.maskError, MASKED_MESSAGE),
      useNestingLimit(security.maxNestingDepth),
      useJsonErrorBodies(),
      ...useQueryArmor(security),
      useMutationRateLimit(options.mutationRate),
      useAuditTrail(options.auditLog, options.clock, logger),
    ],
  });
}

export type NexusYoga = ReturnType<typeof createNexusYoga>;
