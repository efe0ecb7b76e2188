import type { EventPublisher } from '../events/event.js';
import type { GraphService } from '../graph/graph-service.js';
import type { StepType } from '../pattern/pattern.js';
import type { PatternService } from '../pattern/pattern-service.js';
import type { RateLimiter } from '../security/rate-limiter.js';
import type { Clock } from '../shared/clock.js';
import type { CancelBroadcast } from './cancel-broadcast.js';
import type { Execution, StepResult } from './execution.js';
import type { ExecutionStore } from './execution-store.js';
import type { KeyValueSpace } from './key-value-store.js';
import type { RunQueue } from './run-queue.js';
import type { RunTracer } from './run-tracer.js';
import type { StoreHealth } from './store-health.js';

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
  /** A running execution's lease; a run whose lease ran out is taken over by another process. */
  leaseMs: number;
  /**
   * Takeovers one run may have: a run that every process running it dies of (a poison run)
   * ends FAILED "abandoned" after this many, instead of killing the next one.
   */
  maxTakeovers: number;
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
  /**
   * Cancel requests told to every process at once (else a run elsewhere sees a request at its
   * next heartbeat, within a third of the lease).
   */
  cancels?: CancelBroadcast;
  /**
   * Tells a store outage from a step's failure: steps interrupted by one are attempted again
   * once the store is back (else they fail as any error would).
   */
  storeHealth?: StoreHealth;
  /**
   * Where stored runs wait for a process that runs steps. Present: ASYNC runs, delayed starts and
   * runs taken over go through it; absent: they run in this process.
   */
  queue?: RunQueue;
  /**
   * The most bytes of JSON an execution's input may have (it is stored with the record, and with
   * a delayed start's job); absent: bounded only by the request body.
   */
  maxInputBytes?: number;
  /** A unique id of this process (recorded as the `instance` of the runs it runs). */
  instanceId: string;
  /** False in a process that serves the API only: its SYNC runs are queued and waited for. */
  runsSteps: boolean;
  /**
   * Told about each run taken up from the record (metrics): `resumed` for a takeover from a
   * process that stopped, `started` for a queued run's first start, `abandoned` for one that
   * could not continue.
   */
  onTakeover?: (kind: 'resumed' | 'started' | 'abandoned', execution: Execution) => void;
  /** Traces runs and their steps' attempts (OpenTelemetry when configured); none by default. */
  tracer?: RunTracer;
}
