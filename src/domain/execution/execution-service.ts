import type { Pattern } from '../pattern/pattern.js';
import { canReadPattern } from '../shared/access.js';
import {
  NotFoundError,
  ServiceUnavailableError,
  STORE_RETRY_AFTER_SECONDS,
  ValidationError,
} from '../shared/errors.js';
import { type JsonValue, jsonByteLength } from '../shared/json.js';
import type { Page } from '../shared/pagination.js';
import type { Viewer } from '../shared/viewer.js';
import { Admission } from './admission.js';
import { ChildRuns } from './child-runs.js';
import type { ExecutionMode } from './execution.js';
import { type Execution, type ExecutionStatus, isFinished } from './execution.js';
import { ExecutionReads } from './execution-reads.js';
import type { ExecutionDependencies } from './execution-settings.js';
import { checkInput } from './input-check.js';
import { escapeKeySegment } from './key-value-store.js';
import { type PatternWarning, VersionWarnings } from './pattern-warnings.js';
import { type ExecutionPlan, planRun } from './plan.js';
import type { Progress } from './progress.js';
import { RunEnd } from './run-end.js';
import { RunEvents } from './run-events.js';
import type { QueuedRun } from './run-queue.js';
import { RunRecovery } from './run-recovery.js';
import { buildRunners } from './runners/index.js';
import { RunSupervisor } from './supervisor.js';

/** How long `cancel` waits for a run elsewhere to record its end before answering. */
const CANCEL_WAIT_MS = 1_000;
/** How far ahead a delayed start may be. */
const MAX_START_DELAY_MS = 30 * 86_400_000;

export interface ExecuteArgs {
  patternId: string;
  input: JsonValue | null;
  mode: ExecutionMode;
  idempotencyKey: string | null;
  /** A delayed start: stored PENDING until then (ASYNC only). */
  startAt?: Date | null;
  /** The schedule that fires it, if one does. */
  scheduleId?: string | null;
}

/**
 * What resolvers call: admission (which version runs, and whether it may), supervision of the
 * runs of this process, reads, and the sweeper of runs whose process died, each in its own part.
 */
export class ExecutionService {
  private readonly admission: Admission;
  private readonly supervisor: RunSupervisor;
  private readonly end: RunEnd;
  private readonly reads: ExecutionReads;
  private readonly recovery: RunRecovery;
  /** Delayed starts waiting in this process (no queue: they do not survive it). */
  private readonly timers = new Set<NodeJS.Timeout>();
  /** The warnings of versions shown lately, each analysed once while kept. */
  private readonly versionWarnings = new VersionWarnings();

  constructor(private readonly deps: ExecutionDependencies) {
    const onError = (error: unknown, context: string) => deps.onError?.(error, context);
    const events = new RunEvents(deps.events, deps.clock, onError);
    this.end = new RunEnd(
      deps.executions,
      events,
      (execution) => deps.onFinished?.(execution),
      onError,
    );
    this.admission = new Admission(deps.patterns, deps.executions, deps.clock, deps.settings);
    const runners = buildRunners({
      ...deps,
      maxCompositeDepth: deps.settings.maxCompositeDepth,
      runChild: (patternId, input, context) => children.run(patternId, input, context),
    });
    this.supervisor = new RunSupervisor(deps, runners, events, this.end);
    const children = new ChildRuns(
      this.admission,
      this.supervisor,
      deps.settings.maxRunsPerExecution,
      deps.runRate,
      deps.instanceId,
    );
    this.reads = new ExecutionReads(deps.executions);
    this.recovery = new RunRecovery(deps, this.admission, this.supervisor, this.end);
  }

  /**
   * What a worker does with a queued run (see QueuedRunHandler): claims it, then runs it here
   * (first start) or resumes it (taken over); null when it needs none of that.
   */
  readonly runQueued = (run: QueuedRun): Promise<{ retryAfterMs: number } | null> =>
    this.recovery.runQueued(run);

  /** A dry run: the plan and its effects, after checking the input has what templates need. */
  async plan(viewer: Viewer, patternId: string, input: JsonValue | null): Promise<ExecutionPlan> {
    const pattern = await this.admission.read(viewer, patternId);
    checkInput(pattern, input);
    const runAs = { id: viewer.id, key: escapeKeySegment(viewer.id) };
    return planRun(pattern.steps, input, runAs, this.deps.settings.maxRenderedBytes);
  }

  /** What a version's steps may do wrong for every input (analysed once per version kept). */
  warnings(pattern: Pattern): readonly PatternWarning[] {
    return this.versionWarnings.of(pattern);
  }

  async execute(viewer: Viewer, args: ExecuteArgs): Promise<Execution> {
    const { queue, runsSteps, instanceId, settings } = this.deps;
    const startAt = args.startAt ?? null;
    if (startAt !== null) this.checkStartAt(startAt, args.mode);
    this.checkInputSize(args.input);
    // Through the queue: delayed starts, and every run of a process that runs no steps (role
    // api). A process that runs steps keeps SYNC and ASYNC runs on its in-process path, where
    // the run slot is taken at admission (LIMIT_EXCEEDED at once) and the lease makes it durable.
    const queued = startAt !== null || (queue !== undefined && !runsSteps);
    const started = await this.admission.start({
      viewer,
      patternId: args.patternId,
      input: args.input,
      slotOf: viewer.id,
      idempotencyKey: args.idempotencyKey,
      admit: (pattern) => {
        if (!canReadPattern(viewer, pattern)) throw new NotFoundError('Pattern', args.patternId);
        if (!pattern.isActive)
          throw ValidationError.single(['id'], `pattern "${pattern.id}" is not active`);
        checkInput(pattern, args.input);
      },
      instance: queued ? null : instanceId,
      pending: queued ? { notBefore: startAt } : null,
      scheduleId: args.scheduleId ?? null,
      timeoutMs: args.mode === 'SYNC' ? settings.executionTimeoutMs : null,
    });
    if ('earlier' in started) return started.earlier;
    const { execution } = started;
    if (queued) {
      await this.hand(execution);
      if (args.mode === 'ASYNC') return execution;
      return this.awaitEnd(execution.id, settings.executionTimeoutMs);
    }
    const run = this.supervisor.start(execution, started.pattern, viewer, {
      depth: 0,
      callStack: [],
      slotOf: viewer.id,
      tree: { runs: 1 },
    });
    if (args.mode === 'ASYNC') return execution;
    const { id } = execution;
    const stalled = this.supervisor.runHere(id)?.stalled.then((): never => {
      throw new ServiceUnavailableError(
        `execution ${id} ended, but its record cannot be written while the store is unreachable; it is written once the store is back`,
        STORE_RETRY_AFTER_SECONDS,
        id,
      );
    });
    // Its deadline is in its record: the supervisor cancels it then, here or after a takeover.
    return stalled ? Promise.race([run, stalled]) : run;
  }

  private checkInputSize(input: JsonValue | null): void {
    const limit = this.deps.maxInputBytes;
    if (limit === undefined) return;
    const bytes = jsonByteLength(input);
    if (bytes > limit)
      throw ValidationError.single(
        ['input'],
        `must be at most ${limit} bytes of JSON (got ${bytes})`,
      );
  }

  private checkStartAt(startAt: Date, mode: ExecutionMode): void {
    const now = this.deps.clock.now().getTime();
    if (Number.isNaN(startAt.getTime()))
      throw ValidationError.single(['startAt'], 'must be a date-time');
    if (mode !== 'ASYNC')
      throw ValidationError.single(['mode'], 'a delayed start (startAt) runs ASYNC only');
    if (startAt.getTime() < now)
      throw ValidationError.single(['startAt'], 'must not be in the past');
    if (startAt.getTime() > now + MAX_START_DELAY_MS) {
      throw ValidationError.single(
        ['startAt'],
        `must be at most ${MAX_START_DELAY_MS / 86_400_000} days ahead`,
      );
    }
  }

  /** A PENDING run to its queue, or, without one, to a timer of this process. */
  private async hand(execution: Execution): Promise<void> {
    const notBeforeMs = execution.notBefore === null ? null : Date.parse(execution.notBefore);
    const { queue } = this.deps;
    if (queue) {
      await queue.enqueue({
        executionId: execution.id,
        notBeforeMs,
        attempt: 0,
        record: execution,
      });
      return;
    }
    const fire = () => {
      this.timers.delete(timer);
      this.runQueued({ executionId: execution.id, notBeforeMs, attempt: 0 })
        .then((retry) => {
          if (retry) this.timers.add(setTimeout(fire, retry.retryAfterMs));
        })
        .catch((error: unknown) => this.deps.onError?.(error, 'starting a delayed run'));
    };
    const delay = Math.max(0, (notBeforeMs ?? 0) - this.deps.clock.now().getTime());
    const timer = setTimeout(fire, delay);
    this.timers.add(timer);
  }

  /**
   * A queued SYNC run's end, read from its record (whichever process runs it), within the
   * timeout; past it, the record as it is then (its deadline cancels it where it runs).
   */
  private async awaitEnd(id: string, timeoutMs: number): Promise<Execution> {
    const until = Date.now() + timeoutMs + this.deps.settings.leaseMs;
    for (let wait = 20; ; wait = Math.min(wait * 2, 500)) {
      const [execution] = await this.deps.executions.getMany([id]);
      if (!execution) throw new NotFoundError('Execution', id);
      if (isFinished(execution.status) || Date.now() >= until) return execution;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /**
   * Cancels a run, here or in whichever process runs it. The request is stored (a process that
   * takes the run up later, or missed the broadcast, finds it) and broadcast; a run elsewhere
   * then ends within a round trip or two, and the execution is returned as recorded once it
   * has (waiting up to CANCEL_WAIT_MS for that), else as it is then.
   */
  async cancel(viewer: Viewer, id: string): Promise<Execution> {
    const execution = await this.get(viewer, id);
    if (!execution) throw new NotFoundError('Execution', id);
    const local = this.supervisor.runHere(id);
    if (local) {
      local.abort('cancelled');
      return local.done;
    }
    if (isFinished(execution.status)) return execution;
    if (execution.status === 'PENDING') {
      const ended = await this.cancelPending(execution);
      if (ended) return ended;
    }
    await this.deps.executions.requestCancel(id);
    const { cancels } = this.deps;
    if (!cancels) return execution;
    try {
      await cancels.publish(id);
    } catch (error) {
      // The stored request stands: the run's heartbeat finds it within a third of its lease.
      this.deps.onError?.(error, `broadcasting the cancel of ${id}`);
      return execution;
    }
    return this.recordedEnd(viewer, id, execution);
  }

  /** The record once it says the run ended, polled for up to CANCEL_WAIT_MS; else `current`. */
  private async recordedEnd(viewer: Viewer, id: string, current: Execution): Promise<Execution> {
    const deadline = Date.now() + CANCEL_WAIT_MS;
    let latest = current;
    for (let wait = 20; ; wait = Math.min(wait * 2, 200)) {
      const left = deadline - Date.now();
      if (left <= 0) return latest;
      await new Promise((resolve) => setTimeout(resolve, Math.min(wait, left)));
      const read = await this.get(viewer, id).catch(() => null);
      if (read) latest = read;
      if (isFinished(latest.status)) return latest;
    }
  }

  /**
   * Ends a run no process has taken up yet (queued or delayed) CANCELLED at once, atomically
   * ("finish if still PENDING"); null when it was claimed or ended meanwhile.
   */
  private async cancelPending(execution: Execution): Promise<Execution | null> {
    const now = this.deps.clock.now();
    const cancelled: Execution = {
      ...execution,
      status: 'CANCELLED',
      error: 'cancelled',
      finishedAt: now.toISOString(),
      durationMs: null,
      steps: execution.steps.map((step) =>
        step.status === 'PENDING' ? { ...step, status: 'CANCELLED', error: 'cancelled' } : step,
      ),
    };
    if (!(await this.deps.executions.finishPending(cancelled))) return null;
    await this.deps.queue
      ?.remove(execution.id, execution.attempts)
      .catch((error: unknown) => this.deps.onError?.(error, 'dropping a cancelled queued run'));
    await this.end.announce(cancelled);
    return cancelled;
  }

  /** The viewer's execution of a pattern started with this idempotency key, or null. */
  async startedWith(viewer: Viewer, patternId: string, key: string): Promise<Execution | null> {
    const id = await this.deps.executions.rememberedRun(patternId, viewer.id, key);
    return id === null ? null : this.get(viewer, id);
  }

  /** The execution if the viewer may see it (they started it, or are an admin); else null. */
  get(viewer: Viewer, id: string): Promise<Execution | null> {
    return this.reads.get(viewer, id);
  }

  getMany(viewer: Viewer, ids: readonly string[]): Promise<Array<Execution | null>> {
    return this.reads.getMany(viewer, ids);
  }

  progress(viewer: Viewer, id: string): Promise<Progress | null> {
    return this.reads.progress(viewer, id);
  }

  /** Executions the viewer may see: their own, or (admins) everyone's. */
  list(
    viewer: Viewer,
    filter: { patternId: string | null; status: ExecutionStatus | null },
    first: number,
    after: string | null,
  ): Promise<Page<Execution, string>> {
    return this.reads.list(viewer, filter, first, after);
  }

  /**
   * Takes over runs whose process stopped (their lease ran out): resumed here from their
   * recorded step results (or queued for a worker), or, when they cannot continue, ended FAILED
   * "abandoned". Returns how many it handled.
   */
  sweepAbandoned(): Promise<number> {
    return this.recovery.sweep();
  }

  /** Cancels every run of this process and waits for them to record their end. */
  async shutdown(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.end.stopRetrying();
    await this.supervisor.shutdown();
  }
}
