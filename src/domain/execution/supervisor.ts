import type { StepType } from '../pattern/pattern.js';
import { FairSlots } from '../shared/fair-slots.js';
import type { Viewer } from '../shared/viewer.js';
import type { CompiledPattern } from './compiled-pattern.js';
import type { Execution } from './execution.js';
import type { ExecutionDependencies } from './execution-settings.js';
import { startHeartbeat } from './heartbeat.js';
import type { RunEnd } from './run-end.js';
import type { RunEvents } from './run-events.js';
import { undoFromRecord } from './runners/undo-records.js';
import { type Nesting, RunningRun } from './running-run.js';
import { runCompiled } from './scheduler.js';
import type { StepRunner } from './step-runner.js';
import { StepWriter } from './step-writer.js';

/**
 * The runs of this process, from their start to their recorded end: each holds a lease it
 * renews while it runs, and may be cancelled here, from another process, by a timeout or by its
 * parent step.
 */
export class RunSupervisor {
  private readonly running = new Map<string, RunningRun>();
  /** The process's step slots, shared fairly among users by every run here. */
  private readonly slots: FairSlots;

  constructor(
    private readonly deps: ExecutionDependencies,
    private readonly runners: Readonly<Record<StepType, StepRunner>>,
    private readonly events: RunEvents,
    private readonly end: RunEnd,
  ) {
    const { processConcurrency, userStepConcurrency } = deps.settings;
    this.slots = new FairSlots(processConcurrency, userStepConcurrency);
  }

  /** The run of this id, if it runs in this process. */
  runHere(id: string): RunningRun | undefined {
    return this.running.get(id);
  }

  start(
    execution: Execution,
    pattern: CompiledPattern,
    viewer: Viewer,
    nesting: Nesting,
  ): Promise<Execution> {
    return this.begin(execution, pattern, viewer, nesting).done;
  }

  /**
   * As `start`, with the run itself (its end's record is awaited apart from its announcement).
   * `resumed`: taken over from a process that stopped, going on from its recorded results.
   */
  begin(
    execution: Execution,
    pattern: CompiledPattern,
    viewer: Viewer,
    nesting: Nesting,
    resumed = false,
  ): RunningRun {
    const run = new RunningRun(execution, nesting, this.deps.settings.stepConcurrency);
    // Known before the run begins: its first PATTERN steps start children synchronously.
    this.running.set(execution.id, run);
    const deadline = this.deadlineOf(execution, run);
    run.done = this.run(execution, pattern, viewer, run, resumed).finally(() => {
      clearTimeout(deadline);
      this.running.delete(execution.id);
      // The end's record releases the slot with it; a run that could not record its end still
      // gives the slot back (unless it was taken over: the slot is the new owner's then).
      if (nesting.slotOf !== null && !run.recorded && !run.fenced) {
        this.deps.executions
          .releaseRunSlot(nesting.slotOf, execution.id)
          .catch((error: unknown) => this.deps.onError?.(error, 'releasing a run slot'));
      }
      run.wroteEnd();
    });
    return run;
  }

  /** A SYNC run is cancelled at its deadline, in whichever process runs it (also after a takeover). */
  private deadlineOf(execution: Execution, run: RunningRun): NodeJS.Timeout | undefined {
    if (execution.deadline === null) return undefined;
    const { executionTimeoutMs } = this.deps.settings;
    const left = Date.parse(execution.deadline) - this.deps.clock.now().getTime();
    const abort = () => run.abort(`the execution timed out after ${executionTimeoutMs} ms`);
    if (left <= 0) {
      abort();
      return undefined;
    }
    return setTimeout(abort, left);
  }

  /** The run's end, or, past `timeoutMs`, its end once it is cancelled for taking too long. */
  async awaitWithin(done: Promise<Execution>, id: string, timeoutMs: number): Promise<Execution> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const outcome = await Promise.race([done, timedOut]);
    clearTimeout(timer);
    if (outcome !== 'timeout') return outcome;
    this.running.get(id)?.abort(`the execution timed out after ${timeoutMs} ms`);
    return done;
  }

  /** Cancels every run of this process and waits for them to record their end. */
  async shutdown(): Promise<void> {
    for (const run of this.running.values()) run.abort('the server shut down');
    await Promise.allSettled([...this.running.values()].map((run) => run.done));
  }

  private async run(
    current: Execution,
    pattern: CompiledPattern,
    viewer: Viewer,
    run: RunningRun,
    resumed: boolean,
  ): Promise<Execution> {
    const { clock, settings, executions, onError, onStepSettled } = this.deps;
    const { nesting } = run;
    const stepWriter = new StepWriter(
      executions,
      current.id,
      run.attempts,
      (error) => onError?.(error, 'saving a step'),
      () => run.fence(),
    );
    const namespace = pattern.origin === 'SYSTEM' ? null : pattern.createdBy;
    // A run taken over goes on with its sequence: subscribers saw its start already.
    if (!resumed) this.events.started(current);
    const stopHeartbeat = startHeartbeat(
      executions,
      clock,
      settings.leaseMs,
      current.id,
      run,
      this.deps,
    );
    // Tracing (only when configured): the run's span, with its steps' attempts beneath it.
    const trace = this.deps.tracer?.startRun(current, nesting.depth);
    try {
      const result = await runCompiled({
        pattern,
        input: current.input ?? {},
        runners: this.runners,
        context: {
          executionId: current.id,
          patternId: pattern.id,
          namespace,
          viewer,
          transactional: pattern.transactional,
          depth: nesting.depth,
          callStack: [...nesting.callStack, pattern.id],
        },
        signal: run.signal,
        storeHealth: this.deps.storeHealth,
        deadlineMs:
          Date.parse(current.startedAt ?? current.createdAt) + settings.executionTimeoutMs,
        trace,
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
        recorded: resumed ? current.steps : undefined,
        undoFrom: (_step, undo) => undoFromRecord(this.deps, undo, { namespace, viewer }),
        recordUndo: async (result) => {
          stepWriter.write(result);
          await stepWriter.flush();
          if (run.fenced) throw new Error('taken over by another process');
        },
        stopped: () => run.fenced,
        onStepChange: (step, change) => {
          if (step.finishedAt !== null && change.previous.finishedAt === null) {
            const type = pattern.byId.get(step.stepId)?.type;
            if (type) onStepSettled?.(type, step);
          }
          stepWriter.write(step);
          this.events.stepChanged(current, step, change, pattern.steps.length);
        },
      });
      if (run.fenced) {
        // Another process owns the run now and records its end: this one records nothing.
        const [latest] = await executions.getMany([current.id]).catch(() => [null]);
        return latest ?? current;
      }
      const finished = clock.now();
      const final: Execution = {
        ...current,
        status: result.status,
        steps: result.steps,
        output: result.outputs,
        error: result.status === 'CANCELLED' ? (run.reason ?? 'cancelled') : result.error,
        finishedAt: finished.toISOString(),
        durationMs: finished.getTime() - Date.parse(current.startedAt ?? current.createdAt),
      };
      const recorded = await this.end.finish(final, {
        previousStatus: current.status,
        slotOf: nesting.slotOf,
        generation: pattern.generation,
        writeSteps: async (attempt) => {
          if (attempt > 0 || stepWriter.lostWrites) {
            await executions.saveSteps(final.id, final.attempts, final.steps);
            return;
          }
          await stepWriter.flush();
          if (stepWriter.lostWrites) throw new Error('a step result could not be written');
        },
        retry: { stalled: (error) => run.stall(error) },
        recorded: () => {
          run.recorded = true;
        },
        // The lease stays renewed until the end is recorded: an outage delays the record, and
        // no sweeper may meanwhile call the run abandoned.
        written: () => {
          stopHeartbeat();
          run.wroteEnd();
        },
      });
      if (!recorded) run.fenced = true;
      trace?.end(final.status, final.error);
      return final;
    } finally {
      stopHeartbeat();
      trace?.end('FAILED', 'the run could not record its end');
    }
  }
}
