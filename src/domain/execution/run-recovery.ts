import type { Pattern } from '../pattern/pattern.js';
import type { PatternService } from '../pattern/pattern-service.js';
import { canReadPattern } from '../shared/access.js';
import { isAdmin, SYSTEM_VIEWER, type Viewer } from '../shared/viewer.js';
import { abandon } from './abandoned-sweeper.js';
import type { Admission } from './admission.js';
import type { CompiledPattern } from './compiled-pattern.js';
import { type Execution, isFinished } from './execution.js';
import type { ExecutionDependencies } from './execution-settings.js';
import type { ClaimOutcome } from './execution-store.js';
import type { RunEnd } from './run-end.js';
import type { QueuedRun } from './run-queue.js';
import type { RunSupervisor } from './supervisor.js';

/** What taking a run up came to. */
type TakeUp =
  | { outcome: 'running'; done: Promise<Execution>; endWritten: Promise<void> }
  | { outcome: 'retry'; retryAfterMs: number }
  | { outcome: 'skipped' }
  | { outcome: 'abandoned' };

/**
 * Runs whose process stopped (their lease ran out) and runs waiting in the queue, taken up by
 * this process: claimed atomically (one taker among all instances), then run here from their
 * recorded step results. Runs that cannot continue end FAILED "abandoned: <why>".
 */
export class RunRecovery {
  constructor(
    private readonly deps: ExecutionDependencies,
    private readonly admission: Admission,
    private readonly supervisor: RunSupervisor,
    private readonly end: RunEnd,
  ) {}

  /**
   * Looks for runs whose lease ran out: each is claimed and resumed here, or, in a process that
   * runs no steps, queued for a worker. Returns how many it took up, queued or ended.
   */
  async sweep(): Promise<number> {
    const { executions, clock, queue, runsSteps } = this.deps;
    const now = clock.now();
    const expired = await executions.expiredLeases(now.getTime());
    const ids = expired.filter((id) => !this.supervisor.runHere(id));
    let handled = 0;
    const records = await executions.getMany(ids);
    // Leases left behind (a record expired or evicted while it held one, or a run that ended)
    // would be read by every sweep from now on: dropped, all in one round trip.
    const stale = ids.filter((_, i) => {
      const execution = records[i];
      return !execution || isFinished(execution.status);
    });
    await executions.releaseLeases(stale);
    for (const execution of records) {
      if (!execution || isFinished(execution.status)) continue;
      // A child run is started afresh by its parent's step, never resumed on its own.
      if (queue && !runsSteps && execution.parentId === null) {
        await queue.enqueue({
          executionId: execution.id,
          notBeforeMs: null,
          attempt: execution.attempts,
        });
        handled += 1;
        continue;
      }
      const taken = await this.takeUp(execution);
      if (taken.outcome !== 'skipped') handled += 1;
    }
    return handled;
  }

  /**
   * A run a worker was handed: claimed and run here, unless it needs none of that. A first
   * hand-out carries the PENDING record it was queued with: claimed from that copy (the claim's
   * fence refuses it when the record moved on), not read first.
   */
  async runQueued(run: QueuedRun): Promise<{ retryAfterMs: number } | null> {
    const carried = run.attempt === 0 && run.record?.status === 'PENDING' ? run.record : null;
    const execution = carried ?? (await this.deps.executions.getMany([run.executionId]))[0];
    if (!execution || isFinished(execution.status)) return null;
    const notBefore = execution.notBefore === null ? 0 : Date.parse(execution.notBefore);
    const wait = notBefore - this.deps.clock.now().getTime();
    if (execution.status === 'PENDING' && wait > 0) return { retryAfterMs: wait };
    if (this.supervisor.runHere(execution.id)) return null;
    // A run handed out again while its process still renews its lease is left to it (its own
    // lease read: the work per hand-out does not grow with the leases run out elsewhere).
    const expired =
      execution.status === 'RUNNING' &&
      (await this.deps.executions.leaseExpired(execution.id, this.deps.clock.now().getTime()));
    if (execution.status === 'RUNNING' && !expired) return null;
    const taken = await this.takeUp(execution);
    if (taken.outcome === 'retry') return { retryAfterMs: taken.retryAfterMs };
    // Settled once the end is recorded: the job's settling shares a round trip with the end's
    // announcement (still made before this process stops, as its runs' shutdown waits for it).
    if (taken.outcome === 'running') await Promise.race([taken.endWritten, taken.done]);
    return null;
  }

  /**
   * Claims a run (PENDING: its first start; RUNNING: a takeover, passed only once its lease ran
   * out) and runs it here, or ends it "abandoned" when it cannot continue.
   */
  private async takeUp(execution: Execution): Promise<TakeUp> {
    const { settings, clock, executions, instanceId } = this.deps;
    const now = clock.now();
    const takeover = execution.status === 'RUNNING';
    const why = takeover ? this.cannotContinue(execution, now) : null;
    if (why !== null) return this.abandoned(execution, now, `abandoned: ${why}`);
    const viewer: Viewer = { id: execution.createdBy, roles: execution.createdByRoles };
    const claimed: Execution = {
      ...execution,
      status: 'RUNNING',
      attempts: execution.attempts + 1,
      instance: instanceId,
      startedAt: execution.startedAt ?? now.toISOString(),
      resumedAt: takeover ? now.toISOString() : execution.resumedAt,
    };
    const topLevel = execution.parentId === null;
    // A first start of a version kept here is not read again: the claim checks its generation.
    const kept = takeover ? undefined : this.keptVersion(execution, viewer);
    const claim = (keptIsCurrent: boolean) =>
      executions.claim({
        execution: claimed,
        expectedAttempts: execution.attempts,
        previousStatus: execution.status,
        leaseUntilMs: now.getTime() + settings.leaseMs,
        nowMs: now.getTime(),
        slot: topLevel
          ? { userId: execution.createdBy, limit: settings.maxConcurrentPerUser }
          : null,
        patternGeneration: kept ? execution.patternGeneration : null,
        patternVersion: kept && keptIsCurrent ? execution.patternVersion : null,
      });
    let pattern: CompiledPattern | undefined;
    let outcome: ClaimOutcome | undefined;
    // The kept version may still be the current one (nothing written to the pattern since the
    // run was admitted): it is then what a read of the current pattern would find, so it is
    // checked instead, and the claim checks that it is still current. When it is not, the
    // current pattern is read and checked as for any waiting run, and the run ends as it would
    // have, had it been read first.
    if (kept && this.refusal(execution, viewer, kept) === null) {
      const fast = await claim(true);
      if (fast !== 'moved' && fast !== 'changed') {
        pattern = kept;
        outcome = fast;
      }
    }
    if (!pattern || !outcome) {
      const [version, refusal] = await Promise.all([
        kept ?? this.versionOf(execution, viewer),
        takeover ? null : this.cannotStart(execution, viewer),
      ]);
      // A run that waited (delayed, queued) starts only if its pattern may still run now, as at
      // admission; one that started goes on with the version it began with.
      if (refusal !== null) return this.abandoned(execution, now, refusal);
      if (!version) {
        return this.abandoned(
          execution,
          now,
          `abandoned: version ${execution.patternVersion} of pattern "${execution.patternId}" is gone (deleted or replaced since it started)`,
        );
      }
      pattern = version;
      outcome = await claim(false);
    }
    if (outcome === 'changed') {
      return this.abandoned(
        execution,
        now,
        `pattern "${execution.patternId}" was deleted (or deleted and created again) since the run was queued`,
      );
    }
    if (outcome === 'limit') return { outcome: 'retry', retryAfterMs: settings.leaseMs };
    if (outcome !== 'claimed') return { outcome: 'skipped' };
    this.deps.onTakeover?.(takeover ? 'resumed' : 'started', claimed);
    const run = this.supervisor.begin(
      claimed,
      pattern,
      viewer,
      { depth: 0, callStack: [], slotOf: topLevel ? execution.createdBy : null, tree: { runs: 1 } },
      takeover,
    );
    return { outcome: 'running', done: run.done, endWritten: run.endWritten };
  }

  /** Why a run whose process stopped cannot go on, or null when it can. */
  private cannotContinue(execution: Execution, now: Date): string | null {
    const { maxTakeovers } = this.deps.settings;
    if (execution.parentId !== null)
      return 'a child run; its parent step starts a new one when it runs again';
    if (execution.attempts > maxTakeovers)
      return `taken over ${execution.attempts - 1} times, the most allowed (${maxTakeovers}): every process running it stopped`;
    if (execution.deadline !== null && Date.parse(execution.deadline) <= now.getTime())
      return 'its execution timeout passed while no process ran it';
    return null;
  }

  /**
   * The version the run runs, compiled, when this process keeps exactly it (same version and
   * generation) and the run's user may read it whatever its current version says (they own it,
   * or are an admin): within one generation a pattern keeps its owner and old versions stay,
   * so the claim's generation check is all a read would add.
   */
  private keptVersion(execution: Execution, viewer: Viewer): CompiledPattern | undefined {
    const generation = execution.patternGeneration;
    if (generation === null || generation === '') return undefined;
    const kept = this.admission.kept(execution.patternId, execution.patternVersion, generation);
    if (!kept || (kept.createdBy !== viewer.id && !isAdmin(viewer))) return undefined;
    return kept;
  }

  /**
   * Why a run that never started may not start now (its pattern deleted, deactivated, or no
   * longer readable by its user since it was admitted), or null when it may.
   */
  private async cannotStart(execution: Execution, viewer: Viewer): Promise<string | null> {
    const current = await this.deps.patterns.get(SYSTEM_VIEWER, execution.patternId);
    return this.refusal(execution, viewer, current);
  }

  /** Why a run that never started may not start with `current` as its pattern's current version. */
  private refusal(execution: Execution, viewer: Viewer, current: Pattern | null): string | null {
    const { patternId, patternGeneration } = execution;
    if (!current || (patternGeneration !== null && current.generation !== patternGeneration))
      return `pattern "${patternId}" was deleted before the run started`;
    if (!current.isActive) return `pattern "${patternId}" was deactivated before the run started`;
    if (!canReadPattern(viewer, current))
      return `pattern "${patternId}" may no longer be run by ${execution.createdBy}`;
    return null;
  }

  /** The version the run ran, exactly (same version and generation), or null when gone. */
  private async versionOf(execution: Execution, viewer: Viewer): Promise<CompiledPattern | null> {
    const patterns: PatternService = this.deps.patterns;
    const version = await patterns.get(viewer, execution.patternId, execution.patternVersion);
    if (!version) return null;
    const { patternGeneration } = execution;
    if (patternGeneration !== null && version.generation !== patternGeneration) return null;
    return this.admission.compiled(version);
  }

  /** Ends the run FAILED with `error` (the end of a run that cannot go on, or may not start). */
  private async abandoned(execution: Execution, now: Date, error: string): Promise<TakeUp> {
    const { executions } = this.deps;
    if (!(await abandon(executions, this.end, execution, now, error)))
      return { outcome: 'skipped' };
    this.deps.onTakeover?.('abandoned', execution);
    return { outcome: 'abandoned' };
  }
}
