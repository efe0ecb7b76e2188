/**
 * Prometheus metrics, in a registry per app (several apps in one process never collide):
 * GraphQL operations through yoga's plugin, the executor's own, and the event subscriber's.
 */
import { createCounter, createHistogram, usePrometheus } from '@graphql-yoga/plugin-prometheus';
import { Counter, Histogram, Registry } from 'prom-client';
import type { Execution, StepResult } from '../domain/execution/execution.js';
import type { StepType } from '../domain/pattern/pattern.js';
import { operationNameLabels } from './metric-labels.js';
import { queueMetrics } from './queue-metrics.js';

export function createMetrics() {
  const registry = new Registry();
  const executions = new Counter({
    name: 'nexus_executions_total',
    help: 'Pattern executions that ended, by status.',
    labelNames: ['status'] as const,
    registers: [registry],
  });
  const stepDuration = new Histogram({
    name: 'nexus_step_duration_seconds',
    help: 'Duration of pattern steps (all attempts), by type and final status.',
    labelNames: ['type', 'status'] as const,
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30, 300],
    registers: [registry],
  });
  const retries = new Counter({
    name: 'nexus_step_retries_total',
    help: 'Step attempts after the first, by step type.',
    labelNames: ['type'] as const,
    registers: [registry],
  });

  const subscriberDisconnects = new Counter({
    name: 'nexus_event_subscriber_disconnects_total',
    help: "Times Redis closed this instance's event subscriber connection (the gap is then read back from the log).",
    registers: [registry],
  });
  const eventsRecovered = new Counter({
    name: 'nexus_events_recovered_total',
    help: 'Events read back from the log after the subscriber connection was lost.',
    registers: [registry],
  });

  const takenUp = new Counter({
    name: 'nexus_executions_taken_up_total',
    help: 'Executions taken up from their record: resumed (taken over from a process that stopped), started (a queued run claimed), abandoned (could not continue).',
    labelNames: ['kind'] as const,
    registers: [registry],
  });

  const queue = queueMetrics(registry);

  return {
    registry,
    /** Queue gauges (read at scrape time, cached briefly) and the wait-time histogram. */
    queue,
    executionTakenUp(kind: 'resumed' | 'started' | 'abandoned'): void {
      takenUp.inc({ kind });
    },
    plugin: graphqlMetrics(registry),
    executionEnded(execution: Execution): void {
      executions.inc({ status: execution.status });
    },
    eventSubscriberLost(): void {
      subscriberDisconnects.inc();
    },
    eventsRecovered(count: number): void {
      eventsRecovered.inc(count);
    },
    stepSettled(type: StepType, result: StepResult): void {
      stepDuration.observe({ type, status: result.status }, (result.durationMs ?? 0) / 1000);
      if (result.attempts > 1) retries.inc({ type }, result.attempts - 1);
    },
  };
}

/** What the GraphQL metrics' label functions are handed (by @envelop/prometheus). */
interface LabelParams {
  operationName?: string;
  operationType?: string;
  errorPhase?: string;
}

/**
 * yoga's Prometheus plugin with the metrics Nexus keeps, their operation names bounded (see
 * metric-labels.ts): the plugin's own defaults label by any name a client sends, and by URL.
 */
function graphqlMetrics(registry: Registry) {
  const nameOf = operationNameLabels();
  const operation = (params: LabelParams) => ({
    operationName: nameOf(params.operationName),
    operationType: params.operationType ?? 'unknown',
  });
  const operationLabels = ['operationName', 'operationType'] as const;
  return usePrometheus({
    endpoint: '/metrics',
    registry,
    metrics: {
      // The plugin's other metrics (on unless turned off) label by the client's name as it is.
      graphql_envelop_phase_parse: false,
      graphql_envelop_phase_validate: false,
      graphql_envelop_phase_context: false,
      graphql_envelop_phase_subscribe: false,
      graphql_envelop_request_time_summary: false,
      graphql_envelop_deprecated_field: false,
      graphql_envelop_request: createCounter({
        registry,
        counter: {
          name: 'graphql_envelop_request',
          help: 'Counts the amount of GraphQL requests executed through Envelop',
          labelNames: operationLabels,
        },
        fillLabelsFn: operation,
      }),
      graphql_envelop_request_duration: createHistogram({
        registry,
        histogram: {
          name: 'graphql_envelop_request_duration',
          help: 'Time spent on running the GraphQL operation from parse to execute',
          labelNames: operationLabels,
        },
        fillLabelsFn: operation,
      }),
      graphql_envelop_error_result: createCounter({
        registry,
        counter: {
          name: 'graphql_envelop_error_result',
          help: 'Counts the amount of errors reported from all phases',
          labelNames: [...operationLabels, 'phase'] as const,
        },
        fillLabelsFn: (params: LabelParams) => ({
          ...operation(params),
          phase: params.errorPhase ?? 'unknown',
        }),
        // Not per subscription event: that hook would wrap every delivery to every subscriber.
        phases: ['parse', 'validate', 'context', 'execute'],
      }),
      graphql_envelop_phase_execute: createHistogram({
        registry,
        histogram: {
          name: 'graphql_envelop_phase_execute',
          help: 'Time spent on running the GraphQL "execute" function',
          labelNames: operationLabels,
        },
        fillLabelsFn: operation,
      }),
      graphql_yoga_http_duration: createHistogram({
        registry,
        histogram: {
          name: 'graphql_yoga_http_duration',
          help: 'Time spent on HTTP connection',
          labelNames: [...operationLabels, 'method', 'statusCode'] as const,
        },
        fillLabelsFn: (params: LabelParams, { request, response }) => ({
          ...operation(params),
          method: request.method,
          statusCode: response.status,
        }),
      }),
    },
  });
}
