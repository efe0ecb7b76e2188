import { setMaxListeners } from 'node:events';
import type { EventPublisher } from '../events/event.js';
import type { GraphService } from '../graph/graph-service.js';
import type { Pattern, StepType } from '../pattern/pattern.js';
import type { PatternService } from '../pattern/pattern-service.js';
import type { RateLimiter } from '../security/rate-limiter.js';
import { canCompose, canReadExecution, canReadPattern } from '../shared/access.js';
import type { Clock } from '../shared/clock.js';
import {
  ConflictError,
  type Issue,
  LimitExceededError,
  NotFoundError,
  ServiceUnavailableError,
  STORE_RETRY_AFTER_SECONDS,
  ValidationError,
} from '../shared/errors.js';
import { FairSlots } from '../shared/fair-slots.js';
import { timeOrderedId } from '../shared/ids.js';
import type { JsonValue } from '../shared/json.js';
import { decodeKeysetCursor, encodeKeysetCursor, type Page } from '../shared/pagination.js';
import { isAdmin, type Viewer } from '../shared/viewer.js';
import type { Execution, ExecutionMode, ExecutionStatus, StepResult } from './execution.js';
import { isFinished, pendingStep } from './execution.js';
import type { ExecutionStore, StartRequest } from './execution-store.js';
import type { KeyValueSpace } from './key-value-store.js';
import { type ExecutionPlan, planSteps } from './plan.js';
import { type Progress, progressOf, startUpdate, stepUpdate } from './progress.js';
import { RecentPatterns } from './recent-patterns.js';
import { cacheRunner } from './runners/cache.js';
import { compositeRunner } from './runners/composite.js';
import { delayRunner } from './runners/delay.js';
import { eventRunner } from './runners/event.js';
import { graphRunner, relationshipRunner } from './runners/graph.js';
import { pipelineRunner, transactionRunner } from './runners/pipeline.js';
import { runSteps } from './scheduler.js';
import { PermanentStepError, type StepContext, type StepRunner } from './step-runner.js';
import { StepWriter } from './step-writer.js';
import { hasPath, inputPaths } from './template.js';

/** The error of a step that was running when the process running it died. */
const ABANDONED_WHILE_RUNNING =
  'abandoned: the process running it stopped; whether its effect happened is unknown';

/** A run whose pattern changed this many times while it was starting is refused. */
const MAX_START_ATTEMPTS = 5;
/** Patterns whose last read version is remembered for their next run. */
const RECENT_PATTERNS = 1000;
/** ...and at most this many characters of their JSON in all. */
const RECENT_PATTERN_CHARS = 16 * 1024 * 1024;

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
}

export interface ExecuteArgs {
  patternId: string;
  input: JsonValue | null;
  mode: ExecutionMode;
  idempotencyKey: string | null;
}

interface Running {
  controller: AbortController;
  done: Promise<Execution>;
  /** Why it was aborted, when it was: shown as the execution's error. */
  reason: string | null;
  /** Whether its end was recorded (which also released its lease and run slot). */
  recorded: boolean;
  /** Resolves (with the error) when the end's first write failed: it is being retried. */
  stalled: Promise<unknown>;
  stall: (error: unknown) => void;
  /** The top-level execution's count of runs, shared with its PATTERN steps' children. */
  tree: RunTree;
}

/** Where a run sits: its depth among composite patterns, and the user slot it holds. */
interface Nesting extends Pick<StepContext, 'depth' | 'callStack'> {
  /** The user whose concurrent-execution slot this run holds (top-level runs only). */
  slotOf: string | null;
  /** Shared by every run of one top-level execution: how many runs it has started. */
  tree: RunTree;
}

interface RunTree {
  runs: number;
}

export class ExecutionService {
  private readonly running = new Map<string, Running>();
  /** Set by shutdown: ends that cannot be recorded are no longer retried. */
  private stopping = false;
  /** The current version last read of each pattern run here (see startRun). */
  private readonly recentPatterns = new RecentPatterns(RECENT_PATTERNS, RECENT_PATTERN_CHARS);
  private readonly slots: FairSlots;
  private readonly runners: Record<StepType, StepRunner>;

  constructor(private readonly deps: ExecutionDependencies) {
    this.slots = new FairSlots(deps.settings.processConcurrency, deps.settings.userStepConcurrency);
    this.runners = {
      CACHE: cacheRunner(deps.kv),
      PIPELINE: pipelineRunner(deps.kv),
      TRANSACTION: transactionRunner(deps.kv),
      RELATIONSHIP: relationshipRunner(deps.graph),
      GRAPH: graphRunner(deps.graph),
      EVENT: eventRunner(deps.events),
      PATTERN: compositeRunner(
        (patternId, input, context) => this.runChild(patternId, input, context),
        deps.settings.maxCompositeDepth,
      ),
      DELAY: delayRunner,
    };
  }

  /** A dry run: the plan, after checking the input has what the templates need. */
  async plan(viewer: Viewer, patternId: string, input: JsonValue | null): Promise<ExecutionPlan> {
    const pattern = await this.requirePattern(viewer, patternId);
    checkInput(pattern, input);
    return planSteps(pattern.steps);
  }

  async execute(viewer: Viewer, args: ExecuteArgs): Promise<Execution> {
    const stamp = this.stamp();
    const { maxConcurrentPerUser: limit, idempotencyTtlSeconds } = this.deps.settings;
    const { idempotencyKey } = args;
    const started = await this.startRun(viewer, args.patternId, args.input, stamp, {
      slot: { userId: viewer.id, limit, nowMs: stamp.now.getTime() },
      idempotencyKey,
      idempotency:
        idempotencyKey === null ? null : { key: idempotencyKey, ttlSeconds: idempotencyTtlSeconds },
      admit: (pattern) => {
        if (!canReadPattern(viewer, pattern)) throw new NotFoundError('Pattern', args.patternId);
        if (!pattern.isActive)
          throw ValidationError.single(['id'], `pattern "${pattern.id}" is not active`);
        checkInput(pattern, args.input);
      },
    });
    if ('earlier' in started) return started.earlier;
    const run = this.start(started.execution, started.pattern, viewer, {
      depth: 0,
      callStack: [],
      slotOf: viewer.id,
      tree: { runs: 1 },
    });
    if (args.mode === 'ASYNC') return started.execution;
    const { id } = started.execution;
    const stalled = this.running.get(id)?.stalled.then((): never => {
      throw new ServiceUnavailableError(
        `execution ${id} ended, but its record cannot be written while the store is unreachable; it is written once the store is back`,
        STORE_RETRY_AFTER_SECONDS,
        id,
      );
    });
    const finished = this.awaitWithin(run, id, this.deps.settings.executionTimeoutMs);
    return stalled ? Promise.race([finished, stalled]) : finished;
  }

  /** Cancels a run, here or in whichever process runs it; returns the execution as it is then. */
  async cancel(viewer: Viewer, id: string): Promise<Execution> {
    const execution = await this.get(viewer, id);
    if (!execution) throw new NotFoundError('Execution', id);
    const local = this.running.get(id);
    if (local) {
      local.reason ??= 'cancelled';
      local.controller.abort();
      return local.done;
    }
    if (!isFinished(execution.status)) await this.deps.executions.requestCancel(id);
    return execution;
  }

  /** The execution if the viewer may see it (they started it, or are an admin); else null. */
  async get(viewer: Viewer, id: string): Promise<Execution | null> {
    return (await this.getMany(viewer, [id]))[0] ?? null;
  }

  async getMany(viewer: Viewer, ids: readonly string[]): Promise<Array<Execution | null>> {
    const found = await this.deps.executions.getMany(ids);
    return found.map((execution) =>
      execution && canReadExecution(viewer, execution) ? execution : null,
    );
  }

  async progress(viewer: Viewer, id: string): Promise<Progress | null> {
    const execution = await this.get(viewer, id);
    return execution ? progressOf(execution) : null;
  }

  /** Executions the viewer may see: their own, or (admins) everyone's. */
  async list(
    viewer: Viewer,
    filter: { patternId: string | null; status: ExecutionStatus | null },
    first: number,
    after: string | null,
  ): Promise<Page<Execution, string>> {
    const keyset = after === null ? null : decodeKeysetCursor(after);
    const position = keyset && { createdAtMs: keyset.ms, id: keyset.id };
    const result = await this.deps.executions.list({
      ...filter,
      createdBy: isAdmin(viewer) ? null : viewer.id,
      after: position,
      limit: first,
    });
    return {
      items: result.items.map((item) => ({
        item,
        cursor: encodeKeysetCursor({ ms: Date.parse(item.createdAt), id: item.id }),
      })),
      totalCount: result.totalCount,
      hasNextPage: result.hasMore,
      hasPreviousPage: result.countBefore > 0,
    };
  }

  /** Ends runs whose process died (lease ran out) as FAILED "abandoned". Returns how many. */
  async sweepAbandoned(): Promise<number> {
    const now = this.deps.clock.now();
    const ids = (await this.deps.executions.expiredLeases(now.getTime())).filter(
      (id) => !this.running.has(id),
    );
    let ended = 0;
    for (const execution of await this.deps.executions.getMany(ids)) {
      if (!execution) continue;
      if (!isFinished(execution.status)) {
        // What is known, and no more: a step that never started was cancelled; one that was
        // running when its process died did not succeed as far as the record knows, and its
        // effect may or may not have happened.
        const steps = execution.steps.map((step): StepResult => {
          if (step.status === 'PENDING')
            return { ...step, status: 'CANCELLED', error: 'abandoned' };
          if (step.status !== 'RUNNING') return step;
          return {
            ...step,
            status: 'FAILED',
            error: ABANDONED_WHILE_RUNNING,
            finishedAt: now.toISOString(),
          };
        });
        const abandoned: Execution = {
          ...execution,
          status: 'FAILED',
          steps,
          error: 'abandoned',
          finishedAt: now.toISOString(),
          durationMs: execution.startedAt ? now.getTime() - Date.parse(execution.startedAt) : null,
        };
        // One round trip: the steps are queued before the record that announces the end. Its
        // process is gone: the lease and a slot it held for its user go with the record.
        await Promise.all([
          this.deps.executions.saveSteps(
            execution.id,
            steps.filter((step, i) => step !== execution.steps[i]),
          ),
          this.deps.executions.finish(abandoned, execution.status, execution.createdBy),
          this.deps.patterns.recordExecution(
            execution.patternId,
            null,
            false,
            abandoned.durationMs ?? 0,
          ),
        ]);
        await this.publishEnd(abandoned);
        this.deps.onFinished?.(abandoned);
        ended += 1;
      } else {
        await this.deps.executions.releaseLease(execution.id);
      }
    }
    return ended;
  }

  /** Cancels every run of this process and waits for them to record their end. */
  async shutdown(): Promise<void> {
    this.stopping = true;
    for (const run of this.running.values()) {
      run.reason ??= 'the server shut down';
      run.controller.abort();
    }
    await Promise.allSettled([...this.running.values()].map((run) => run.done));
  }

  private start(
    execution: Execution,
    pattern: Pattern,
    viewer: Viewer,
    nesting: Nesting,
  ): Promise<Execution> {
    const controller = new AbortController();
    // Each running step listens for cancellation: as many listeners as the concurrency limit.
    setMaxListeners(this.deps.settings.stepConcurrency + 16, controller.signal);
    let stall: (error: unknown) => void = () => {};
    const stalled = new Promise<unknown>((resolve) => {
      stall = resolve;
    });
    const entry: Running = {
      controller,
      reason: null,
      done: Promise.resolve(execution),
      recorded: false,
      stalled,
      stall,
      tree: nesting.tree,
    };
    // Known before the run begins: its first PATTERN steps start children synchronously.
    this.running.set(execution.id, entry);
    entry.done = this.run(execution, pattern, viewer, nesting, entry).finally(() => {
      this.running.delete(execution.id);
      // The end's record releases the slot with it; a run that could not record its end still
      // gives the slot back.
      if (nesting.slotOf !== null && !entry.recorded) {
        this.deps.executions
          .releaseRunSlot(nesting.slotOf, execution.id)
          .catch((error: unknown) => this.deps.onError?.(error, 'releasing a run slot'));
      }
    });
    return entry.done;
  }

  private async run(
    current: Execution,
    pattern: Pattern,
    viewer: Viewer,
    nesting: Nesting,
    entry: Running,
  ): Promise<Execution> {
    const { clock, settings, executions } = this.deps;
    const startedMs = Date.parse(current.startedAt ?? current.createdAt);
    const steps = new Map(current.steps.map((step) => [step.stepId, step]));
    const typeOf = new Map(pattern.steps.map((step) => [step.id, step.type]));
    const stepWriter = new StepWriter(executions, current.id, (error) =>
      this.deps.onError?.(error, 'saving a step'),
    );
    let settled = 0;
    void this.publishProgress(current);

    // Renew the lease while running, and honour cancel requests made to other processes.
    const heartbeat = setInterval(
      () => {
        const until = clock.now().getTime() + settings.leaseMs;
        void executions.renewLease(current.id, until).catch(() => {});
        if (nesting.slotOf !== null)
          void executions.renewRunSlot(nesting.slotOf, current.id, until).catch(() => {});
        void executions.isCancelRequested(current.id).then(
          (requested) => {
            if (requested && !entry.controller.signal.aborted) {
              entry.reason ??= 'cancelled';
              entry.controller.abort();
            }
          },
          () => {},
        );
      },
      Math.max(50, Math.floor(settings.leaseMs / 3)),
    );

    let final: Execution;
    try {
      const result = await runSteps({
        pattern,
        input: current.input ?? {},
        runners: this.runners,
        context: {
          executionId: current.id,
          patternId: pattern.id,
          namespace: pattern.origin === 'SYSTEM' ? null : pattern.createdBy,
          viewer,
          transactional: pattern.transactional,
          depth: nesting.depth,
          callStack: [...nesting.callStack, pattern.id],
        },
        signal: entry.controller.signal,
        limits: {
          stepConcurrency: settings.stepConcurrency,
          processSlots: this.slots,
          retryBaseMs: settings.retryBaseMs,
          retryCapMs: settings.retryCapMs,
          defaultTimeoutMs: settings.defaultStepTimeoutMs,
          maxTimeoutMs: settings.maxStepTimeoutMs,
          maxRenderedBytes: settings.maxRenderedBytes,
          random: this.deps.random ?? Math.random,
        },
        clock,
        onStepChange: (step) => {
          const before = steps.get(step.stepId);
          if (step.finishedAt !== null && before?.finishedAt === null) {
            const type = typeOf.get(step.stepId);
            if (type) this.deps.onStepSettled?.(type, step);
          }
          if (before && !isSettled(before) && isSettled(step)) settled += 1;
          steps.set(step.stepId, step);
          stepWriter.write(step);
          this.publishStage(current, step, settled, steps.size);
        },
      });
      const finished = clock.now();
      final = {
        ...current,
        status: result.status,
        steps: result.steps,
        output: result.outputs,
        error: result.status === 'CANCELLED' ? (entry.reason ?? 'cancelled') : result.error,
        finishedAt: finished.toISOString(),
        durationMs: finished.getTime() - startedMs,
      };
      // The lease stays renewed until the end is recorded: an outage delays the record, and no
      // sweeper may meanwhile call the run abandoned.
      await this.recordEnd(final, current.status, nesting.slotOf, pattern, stepWriter, entry);
    } finally {
      clearInterval(heartbeat);
    }
    await this.publishEnd(final);
    this.deps.onFinished?.(final);
    return final;
  }

  /**
   * Writes a run's end: its last step results (all of them, if a step write was lost), the
   * record (with the lease and slot release) and the statistics. They go out together, one round
   * trip, the steps queued before the record that announces the end. A part that fails (the store
   * is unreachable) is retried, alone, until it lands: the record is late, never wrong. The first
   * failure is announced through `entry.stall`, so that a SYNC caller hears at once.
   */
  private async recordEnd(
    final: Execution,
    previousStatus: ExecutionStatus,
    slotOf: string | null,
    pattern: Pattern,
    stepWriter: StepWriter,
    entry: Running,
  ): Promise<void> {
    const { executions, patterns } = this.deps;
    const writeSteps = async (attempt: number) => {
      if (attempt > 0 || stepWriter.lostWrites) {
        await executions.saveSteps(final.id, final.steps);
        return;
      }
      await stepWriter.flush();
      if (stepWriter.lostWrites) throw new Error('a step result could not be written');
    };
    const writeRecord = async () => {
      await executions.finish(final, previousStatus, slotOf);
      entry.recorded = true;
    };
    const writeStats = () =>
      patterns.recordExecution(
        pattern.id,
        pattern.generation,
        final.status === 'SUCCEEDED',
        final.durationMs ?? 0,
      );
    let pending: Array<(attempt: number) => Promise<unknown>> = [
      writeSteps,
      writeRecord,
      writeStats,
    ];
    for (let attempt = 0; ; attempt++) {
      const outcomes = await Promise.allSettled(pending.map((write) => write(attempt)));
      pending = pending.filter((_, i) => outcomes[i]?.status === 'rejected');
      if (pending.length === 0) return;
      const failure = outcomes.find((outcome) => outcome.status === 'rejected')?.reason;
      if (attempt === 0) {
        this.deps.onError?.(failure, `recording the end of ${final.id}; retrying until it lands`);
        entry.stall(failure);
      }
      if (this.stopping) {
        this.deps.onError?.(failure, `gave up recording the end of ${final.id}: shutting down`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** attempt, 2_000)));
    }
  }

  private async awaitWithin(
    run: Promise<Execution>,
    id: string,
    timeoutMs: number,
  ): Promise<Execution> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const outcome = await Promise.race([run, timedOut]);
    clearTimeout(timer);
    if (outcome !== 'timeout') return outcome;
    const entry = this.running.get(id);
    if (entry) {
      entry.reason ??= `the execution timed out after ${timeoutMs} ms`;
      entry.controller.abort();
    }
    return run;
  }

  /** PATTERN steps: a child execution, recorded like any other, run to its end. */
  private async runChild(
    patternId: string,
    input: JsonValue | null,
    context: StepContext,
  ): Promise<Execution> {
    const tree = this.running.get(context.executionId)?.tree;
    if (!tree) throw new Error(`execution ${context.executionId} is not running here`);
    const { maxRunsPerExecution } = this.deps.settings;
    if (tree.runs >= maxRunsPerExecution) {
      throw new PermanentStepError(
        `one execution may cause at most ${maxRunsPerExecution} runs, its own and every composite run under it`,
      );
    }
    tree.runs += 1;
    const charged = await this.deps.runRate?.consume(context.viewer.id, 1);
    if (charged && !charged.allowed) {
      const seconds = Math.max(1, Math.ceil(charged.retryAfterMs / 1000));
      throw new PermanentStepError(
        `the caller's mutation rate is spent (composite runs count against it); try again in ${seconds} s`,
      );
    }
    const started = await this.startRun(context.viewer, patternId, input, this.stamp(), {
      slot: null,
      idempotency: null,
      idempotencyKey: null,
      admit: (pattern) => {
        // The namespace is the parent pattern's owner (null for a system pattern).
        if (!canReadPattern(context.viewer, pattern) || !canCompose(context.namespace, pattern)) {
          throw new PermanentStepError(`pattern "${patternId}" was not found`);
        }
        checkInput(pattern, input);
      },
    });
    if ('earlier' in started) return started.earlier;
    const { execution: child, pattern } = started;
    const run = this.start(child, pattern, context.viewer, {
      depth: context.depth + 1,
      callStack: context.callStack,
      slotOf: null,
      tree,
    });
    const onAbort = () => {
      const entry = this.running.get(child.id);
      if (entry) {
        const why = context.signal.reason instanceof Error ? context.signal.reason.message : null;
        entry.reason ??= `its parent step ended first (${why ?? 'cancelled'})`;
        entry.controller.abort();
      }
    };
    // The parent step may have timed out or been cancelled while the child was being stored: a
    // listener added to an aborted signal never fires, and the child would outlive its parent.
    if (context.signal.aborted) onAbort();
    else context.signal.addEventListener('abort', onAbort, { once: true });
    try {
      return await run;
    } finally {
      context.signal.removeEventListener('abort', onAbort);
    }
  }

  /**
   * Stores a new run of a pattern's current version, in one round trip when the version last
   * read is still current: it is not read again, since the store refuses to start a run of a
   * version that has moved on (and the pattern is then read afresh). A refusal by `admit` of a
   * remembered version is checked against a fresh read, so it never rests on an old copy.
   */
  private async startRun(
    viewer: Viewer,
    patternId: string,
    input: JsonValue | null,
    stamp: { id: string; now: Date },
    options: Pick<StartRequest, 'slot' | 'idempotency'> & {
      idempotencyKey: string | null;
      /** Throws when this pattern may not run here (access, state, input). */
      admit: (pattern: Pattern) => void;
    },
  ): Promise<{ execution: Execution; pattern: Pattern } | { earlier: Execution }> {
    let pattern = this.recentPatterns.get(patternId);
    let fresh = pattern === undefined;
    pattern ??= await this.readPattern(viewer, patternId);
    for (let attempt = 1; ; attempt++) {
      try {
        options.admit(pattern);
      } catch (error) {
        if (fresh) throw error;
        pattern = await this.readPattern(viewer, patternId);
        fresh = true;
        continue;
      }
      const execution = this.newExecution(stamp, viewer, pattern, input, options.idempotencyKey);
      const started = await this.deps.executions.start(execution, {
        ...this.leaseFrom(stamp.now),
        patternVersion: pattern.version,
        patternGeneration: pattern.generation,
        slot: options.slot,
        idempotency: options.idempotency,
      });
      switch (started.outcome) {
        case 'started':
          return { execution, pattern };
        case 'limit': {
          const limit = options.slot?.limit ?? 0;
          throw new LimitExceededError(
            `you have ${limit} executions running, the most allowed at once; try again when one ends`,
          );
        }
        case 'duplicate': {
          const [earlier] = await this.deps.executions.getMany([started.executionId]);
          if (earlier) return { earlier };
          throw new ConflictError(
            `idempotency key "${options.idempotencyKey}" was used by execution ${started.executionId}, which no longer exists`,
          );
        }
        case 'stale':
          if (attempt >= MAX_START_ATTEMPTS) {
            throw new ConflictError(
              `pattern "${patternId}" kept changing while the execution was starting; try again`,
            );
          }
          pattern = await this.readPattern(viewer, patternId);
          fresh = true;
      }
    }
  }

  /** Reads a pattern's current version and remembers it for the next run (see startRun). */
  private async readPattern(viewer: Viewer, id: string): Promise<Pattern> {
    const pattern = await this.requirePattern(viewer, id);
    this.recentPatterns.remember(pattern);
    return pattern;
  }

  /** How a new execution is stored: its retention, and its first lease from `now`. */
  private leaseFrom(now: Date): { retentionSeconds: number; leaseUntilMs: number } {
    const { retentionSeconds, leaseMs } = this.deps.settings;
    return { retentionSeconds, leaseUntilMs: now.getTime() + leaseMs };
  }

  /** A new execution's id and creation time (taken before its pattern is read, at the top). */
  private stamp(): { id: string; now: Date } {
    const now = this.deps.clock.now();
    return { id: timeOrderedId('x', now), now };
  }

  private newExecution(
    { id, now }: { id: string; now: Date },
    viewer: Viewer,
    pattern: Pattern,
    input: JsonValue | null,
    idempotencyKey: string | null,
  ): Execution {
    return {
      id,
      patternId: pattern.id,
      patternVersion: pattern.version,
      // Stored as it starts: a run begins as soon as its record exists.
      status: 'RUNNING',
      input,
      output: null,
      steps: pattern.steps.map((step) => pendingStep(step.id)),
      createdAt: now.toISOString(),
      startedAt: now.toISOString(),
      finishedAt: null,
      durationMs: null,
      error: null,
      createdBy: viewer.id,
      idempotencyKey,
    };
  }

  private async requirePattern(viewer: Viewer, id: string): Promise<Pattern> {
    const pattern = await this.deps.patterns.get(viewer, id);
    if (!pattern) throw new NotFoundError('Pattern', id);
    return pattern;
  }

  private async publishProgress(execution: Execution): Promise<void> {
    await this.deps.events
      .publish({
        type: 'PROGRESS',
        patternId: execution.patternId,
        executionId: execution.id,
        payload: startUpdate(execution),
        audience: execution.createdBy,
      })
      .catch((error: unknown) => this.deps.onError?.(error, 'publishing progress'));
  }

  /** A PROGRESS event for one transition: O(1), whatever the number of steps. */
  private publishStage(
    execution: Execution,
    step: StepResult,
    settled: number,
    total: number,
  ): void {
    const payload = stepUpdate(step, settled, total, () => this.deps.clock.now().toISOString());
    this.deps.events
      .publish({
        type: 'PROGRESS',
        patternId: execution.patternId,
        executionId: execution.id,
        payload,
        audience: execution.createdBy,
      })
      .catch((error: unknown) => this.deps.onError?.(error, 'publishing progress'));
  }

  private async publishEnd(execution: Execution): Promise<void> {
    const base = {
      patternId: execution.patternId,
      executionId: execution.id,
      audience: execution.createdBy,
    };
    try {
      await this.deps.events.publish({
        ...base,
        type: 'PATTERN_EXECUTED',
        payload: { status: execution.status },
      });
      if (execution.status === 'FAILED')
        await this.deps.events.publish({ ...base, type: 'ERROR', error: execution.error });
    } catch (error) {
      this.deps.onError?.(error, 'publishing the end of an execution');
    }
  }
}

function isSettled(step: StepResult): boolean {
  return step.status !== 'PENDING' && step.status !== 'RUNNING';
}

/** Input paths the templates of a pattern version read, with the steps that read each. */
const requiredInputs = new WeakMap<Pattern, ReadonlyMap<string, readonly string[]>>();

function inputsOf(pattern: Pattern): ReadonlyMap<string, readonly string[]> {
  let required = requiredInputs.get(pattern);
  if (!required) {
    const readers = new Map<string, string[]>();
    for (const step of pattern.steps) {
      for (const path of inputPaths(step.parameters)) {
        const stepIds = readers.get(path);
        if (stepIds) stepIds.push(step.id);
        else readers.set(path, [step.id]);
      }
    }
    required = readers;
    requiredInputs.set(pattern, required);
  }
  return required;
}

/** Every input path a step's templates read must be in the input; all missing ones at once. */
function checkInput(pattern: Pattern, input: JsonValue | null): void {
  const missing = new Map<string, readonly string[]>();
  for (const [path, stepIds] of inputsOf(pattern)) {
    if (!hasPath(input ?? {}, path)) missing.set(path, stepIds);
  }
  if (missing.size === 0) return;
  const issues: Issue[] = [...missing].map(([path, stepIds]) => ({
    path: ['input', ...path.split('.')],
    message: `is required by step${stepIds.length > 1 ? 's' : ''} ${stepIds.map((id) => `"${id}"`).join(', ')}`,
  }));
  throw new ValidationError(issues);
}
