/**
 * Prometheus metrics, in a registry per app (several apps in one process never collide):
 * GraphQL operations through yoga's plugin, the executor's own, and the event subscriber's.
 */
import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import { Counter, Histogram, Registry } from 'prom-client';
import type { Execution, StepResult } from '../domain/execution/execution.js';
import type { StepType } from '../domain/pattern/pattern.js';
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
    plugin: usePrometheus({
      endpoint: '/metrics',
      registry,
      metrics: {
        graphql_envelop_request: true,
        graphql_envelop_request_duration: true,
        // Not per subscription event: that hook would wrap every delivery to every subscriber.
        graphql_envelop_error_result: ['parse', 'validate', 'context', 'execute'],
        graphql_envelop_phase_execute: true,
      },
    }),
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
