import type { Pattern } from '../pattern/pattern.js';
import type { PatternService } from '../pattern/pattern-service.js';
import type { Clock } from '../shared/clock.js';
import { ConflictError, LimitExceededError, NotFoundError } from '../shared/errors.js';
import { timeOrderedId } from '../shared/ids.js';
import type { JsonValue } from '../shared/json.js';
import type { Viewer } from '../shared/viewer.js';
import { type CompiledPattern, compilePattern } from './compiled-pattern.js';
import { type Execution, pendingStep } from './execution.js';
import type { ExecutionSettings } from './execution-settings.js';
import type { ExecutionStore, StartRequest } from './execution-store.js';
import { RecentPatterns } from './recent-patterns.js';

/** PENDING runs (queued or delayed) one user may have waiting at once (LIMIT_EXCEEDED beyond). */
export const MAX_WAITING_PER_USER = 100;
/** A run whose pattern changed this many times while it was starting is refused. */
const MAX_START_ATTEMPTS = 5;
/** Patterns whose last read version is remembered for their next run. */
const RECENT_PATTERNS = 1000;
/** ...and at most this many characters of their JSON in all. */
const RECENT_PATTERN_CHARS = 16 * 1024 * 1024;

/** A new execution's id and creation time (taken before its pattern is read, at the top). */
export interface Stamp {
  id: string;
  now: Date;
}

export interface AdmitRequest {
  viewer: Viewer;
  patternId: string;
  input: JsonValue | null;
  /** Whose run slot the run takes (top-level runs: the caller's); null takes none. */
  slotOf: string | null;
  idempotencyKey: string | null;
  /** Throws when this pattern may not run here (access, state, input). */
  admit: (pattern: CompiledPattern) => void;
  /** The process that runs it (null: stored PENDING, for whichever process claims it). */
  instance: string | null;
  /** Stored PENDING, for a queue: `notBefore` set for a delayed start. */
  pending?: { notBefore: Date | null } | null;
  parentId?: string | null;
  scheduleId?: string | null;
  /** SYNC runs: how long they may run. */
  timeoutMs?: number | null;
}

/** A run stored and started, with the compiled version it runs; or the run a key names. */
export type Admitted = { execution: Execution; pattern: CompiledPattern } | { earlier: Execution };

/**
 * Stores new runs of a pattern's current version, each holding its lease from the start (and, at
 * the top, one of its user's run slots). Keeps the version last read of each pattern, compiled.
 */
export class Admission {
  private readonly recent = new RecentPatterns(RECENT_PATTERNS, RECENT_PATTERN_CHARS);

  constructor(
    private readonly patterns: PatternService,
    private readonly executions: ExecutionStore,
    private readonly clock: Clock,
    private readonly settings: ExecutionSettings,
  ) {}

  private stamp(): Stamp {
    const now = this.clock.now();
    return { id: timeOrderedId('x', now), now };
  }

  /** Reads a pattern's current version and remembers it, compiled, for the next run. */
  async read(viewer: Viewer, id: string): Promise<CompiledPattern> {
    const pattern = await this.patterns.get(viewer, id);
    if (!pattern) throw new NotFoundError('Pattern', id);
    return this.recent.remember(pattern);
  }

  /** The version kept of a pattern, compiled, if it is exactly this version and generation. */
  kept(patternId: string, version: number, generation: string): CompiledPattern | undefined {
    const held = this.recent.get(patternId);
    return held?.version === version && held.generation === generation ? held : undefined;
  }

  /**
   * A version read elsewhere, compiled: the one kept when it is that version, else compiled now
   * (and kept when it is newer than the one kept, as a read would).
   */
  compiled(pattern: Pattern): CompiledPattern {
    const held = this.recent.get(pattern.id);
    const same = held?.generation === pattern.generation;
    if (held && same && held.version === pattern.version) return held;
    if (!held || (same && held.version < pattern.version)) return this.recent.remember(pattern);
    return compilePattern(pattern);
  }

  /**
   * Stores a new run, in one round trip when the version last read is still current: it is not
   * read again, since the store refuses to start a run of a version that has moved on (and the
   * pattern is then read afresh). A refusal by `admit` of a remembered version is checked
   * against a fresh read, so it never rests on an old copy.
   */
  async start(request: AdmitRequest): Promise<Admitted> {
    const { viewer, patternId, slotOf, idempotencyKey } = request;
    const stamp = this.stamp();
    const { retentionSeconds, leaseMs, maxConcurrentPerUser, idempotencyTtlSeconds } =
      this.settings;
    const slot: StartRequest['slot'] =
      slotOf === null
        ? null
        : { userId: slotOf, limit: maxConcurrentPerUser, nowMs: stamp.now.getTime() };
    const idempotency: StartRequest['idempotency'] =
      idempotencyKey === null ? null : { key: idempotencyKey, ttlSeconds: idempotencyTtlSeconds };
    const pending = request.pending ?? null;
    const waiting: StartRequest['waiting'] = pending
      ? { limit: MAX_WAITING_PER_USER, checkSlot: pending.notBefore === null }
      : null;
    // A delayed run takes its slot when it is claimed: nothing to check now.
    const slotChecked = pending?.notBefore ? null : slot;
    // Its record is kept until it starts (startAt may be further ahead than the retention), and
    // from then on as long as any run's.
    const waitMs = pending?.notBefore ? pending.notBefore.getTime() - stamp.now.getTime() : 0;
    const waitSeconds = Math.max(0, Math.ceil(waitMs / 1000));
    let pattern = this.recent.get(patternId);
    let fresh = pattern === undefined;
    pattern ??= await this.read(viewer, patternId);
    for (let attempt = 1; ; attempt++) {
      try {
        request.admit(pattern);
      } catch (error) {
        if (fresh) throw error;
        pattern = await this.read(viewer, patternId);
        fresh = true;
        continue;
      }
      const execution = newExecution(request, stamp, pattern);
      const started = await this.executions.start(execution, {
        retentionSeconds: retentionSeconds + waitSeconds,
        leaseUntilMs: stamp.now.getTime() + leaseMs,
        patternVersion: pattern.version,
        patternGeneration: pattern.generation,
        slot: slotChecked,
        idempotency,
        waiting,
        scheduleId: request.scheduleId ?? null,
      });
      switch (started.outcome) {
        case 'started':
          return { execution, pattern };
        case 'limit': {
          throw new LimitExceededError(
            `you have ${maxConcurrentPerUser} executions running, the most allowed at once; try again when one ends`,
          );
        }
        case 'waiting': {
          throw new LimitExceededError(
            `you have ${MAX_WAITING_PER_USER} executions waiting to start, the most allowed; cancel one or wait until they start`,
          );
        }
        case 'unscheduled':
          // The tick's schedule was removed while the tick was being handled.
          throw new NotFoundError('Schedule', request.scheduleId ?? '');
        case 'duplicate': {
          const [earlier] = await this.executions.getMany([started.executionId]);
          if (earlier) return { earlier };
          throw new ConflictError(
            `idempotency key "${idempotencyKey}" was used by execution ${started.executionId}, which no longer exists`,
          );
        }
        case 'stale':
          if (attempt >= MAX_START_ATTEMPTS) {
            throw new ConflictError(
              `pattern "${patternId}" kept changing while the execution was starting; try again`,
            );
          }
          pattern = await this.read(viewer, patternId);
          fresh = true;
      }
    }
  }
}

function newExecution(request: AdmitRequest, stamp: Stamp, pattern: Pattern): Execution {
  const { id, now } = stamp;
  const pending = request.pending ?? null;
  const timeoutMs = request.timeoutMs ?? null;
  return {
    id,
    patternId: pattern.id,
    patternVersion: pattern.version,
    // Stored as it starts: a run begins as soon as its record exists (unless it waits).
    status: pending ? 'PENDING' : 'RUNNING',
    input: request.input,
    output: null,
    steps: pattern.steps.map((step) => pendingStep(step.id)),
    createdAt: now.toISOString(),
    startedAt: pending ? null : now.toISOString(),
    finishedAt: null,
    durationMs: null,
    error: null,
    createdBy: request.viewer.id,
    idempotencyKey: request.idempotencyKey,
    createdByRoles: [...request.viewer.roles],
    patternGeneration: pattern.generation,
    attempts: pending ? 0 : 1,
    resumedAt: null,
    instance: pending ? null : request.instance,
    scheduleId: request.scheduleId ?? null,
    notBefore: pending?.notBefore ? pending.notBefore.toISOString() : null,
    parentId: request.parentId ?? null,
    // A queued SYNC run's clock starts when its caller asked, not when a worker takes it up.
    deadline: timeoutMs === null ? null : new Date(now.getTime() + timeoutMs).toISOString(),
  };
}
