import type { EventPublisher } from '../events/event.js';
import type { GraphService } from '../graph/graph-service.js';
import type { StepType } from '../pattern/pattern.js';
import type { PatternService } from '../pattern/pattern-service.js';
import type { RateLimiter } from '../security/rate-limiter.js';
import type { Clock } from '../shared/clock.js';
import type { Execution, StepResult } from './execution.js';
import type { ExecutionStore } from './execution-store.js';
import type { KeyValueSpace } from './key-value-store.js';
import type { RunTracer } from './run-tracer.js';

export interface ExecutionSettings {
  stepConcurrency: number;
  processConcurrency: number;
  /** Of the process's step slots, the most one user's steps may hold at once. */
  userStepConcurrency: number;
  /** Runs one top-level execution may cause in all: itself, its children, theirs... */
  maxRunsPerExecution: number;
  /** Bytes a step's parameters may come to once filled in (templates cannot amplify input). */
  maxRenderedBytes: number;
  retryBaseMs: number;
  retryCapMs: number;
  defaultStepTimeoutMs: number;
  maxStepTimeoutMs: number;
  /** How long a SYNC execution may run before it is cancelled. */
  executionTimeoutMs: number;
  retentionSeconds: number;
  idempotencyTtlSeconds: number;
  /** A running execution's lease; the sweeper ends those whose lease ran out as abandoned. */
  leaseMs: number;
  maxCompositeDepth: number;
  /** Top-level executions one user may have running at once (LIMIT_EXCEEDED beyond). */
  maxConcurrentPerUser: number;
}

export interface ExecutionDependencies {
  patterns: PatternService;
  executions: ExecutionStore;
  kv: KeyValueSpace;
  graph: GraphService;
  events: EventPublisher;
  clock: Clock;
  settings: ExecutionSettings;
  random?: () => number;
  /**
   * The callers' mutation budget: every composite (child) run costs its caller one point, as the
   * executePattern that started the tree did, so nesting cannot multiply a user's rate.
   */
  runRate?: RateLimiter;
  /** Told about every execution that ends (metrics). */
  onFinished?: (execution: Execution) => void;
  /** Told about every step that ends, with its type (metrics). */
  onStepSettled?: (type: StepType, result: StepResult) => void;
  onError?: (error: unknown, context: string) => void;
  /** Traces runs and their steps' attempts (OpenTelemetry when configured); none by default. */
  tracer?: RunTracer;
}
