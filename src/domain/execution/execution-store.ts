import type { Execution, ExecutionStatus, StepResult } from './execution.js';

export interface ExecutionListQuery {
  patternId: string | null;
  status: ExecutionStatus | null;
  /** Only executions started by this user (null: everyone's). */
  createdBy: string | null;
  /** Items strictly after this (createdAt ms, id) position, newest first. */
  after: { createdAtMs: number; id: string } | null;
  limit: number;
}

export interface ExecutionListResult {
  items: Execution[];
  totalCount: number;
  countBefore: number;
  hasMore: boolean;
}

/** What starting a run needs besides its record; nothing is written unless every check passes. */
export interface StartRequest {
  retentionSeconds: number;
  /** The run's first lease (and run slot) lasts until then. */
  leaseUntilMs: number;
  /** The run's pattern must still be at the version it runs, in its generation (else `stale`). */
  patternVersion: number;
  patternGeneration: string;
  /**
   * A top-level run takes one of its user's `limit` run slots (else `limit`); slots are renewed
   * like leases, so a process that dies does not hold them forever. Child runs take none.
   */
  slot: { userId: string; limit: number; nowMs: number } | null;
  /**
   * The run is remembered for (pattern, its user, key) for `ttlSeconds`, unless another is
   * remembered already (then `duplicate`, with that one's id, and no slot is taken). Keys are
   * per user, so nobody can reach another user's run by guessing their key.
   */
  idempotency: { key: string; ttlSeconds: number } | null;
  /**
   * A PENDING record (queued or delayed, `attempts` 0): no lease and no run slot yet (the claim
   * takes them); a queued one (`checkSlot`) is refused as `limit` when its user has no slot free
   * now, so that a full user hears at once; every PENDING run counts in its user's `limit`
   * waiting runs (else `waiting`).
   */
  waiting?: { limit: number; checkSlot: boolean } | null;
  /**
   * A schedule's tick: refused (`unscheduled`, nothing written) unless the schedule is still
   * stored, so that no tick starts a run once its schedule's removal returned.
   */
  scheduleId?: string | null;
}

export type StartOutcome =
  | { outcome: 'started' }
  | { outcome: 'stale' }
  | { outcome: 'limit' }
  | { outcome: 'waiting' }
  | { outcome: 'unscheduled' }
  | { outcome: 'duplicate'; executionId: string };

/**
 * A process taking a run up: the first time (a PENDING run) or over from a process that stopped
 * renewing its lease. `execution` is the record as the taker writes it (status RUNNING,
 * `attempts` one more than `expectedAttempts`, its instance); the store writes it only when the
 * run still has `expectedAttempts` (nobody claimed it meanwhile, it has not ended) and no live
 * lease, so that of concurrent claimers exactly one wins.
 */
export interface ClaimRequest {
  execution: Execution;
  expectedAttempts: number;
  /** Its status as read (PENDING or RUNNING); the status index entry moves from it. */
  previousStatus: ExecutionStatus;
  leaseUntilMs: number;
  nowMs: number;
  /** A top-level run holds one of its user's `limit` run slots (a takeover keeps its own). */
  slot: { userId: string; limit: number } | null;
  /**
   * Given: the run's pattern must still be in this generation (not deleted, nor deleted and
   * created again), else `changed` and nothing written. The claimer ran a version of it kept
   * from before instead of reading the version again.
   */
  patternGeneration?: string | null;
  /**
   * Given (with `patternGeneration`): the pattern's current version must still be this one, else
   * `moved` and nothing written. The claimer checked that version, kept, as the one a read of
   * the current pattern would find (versions never change once written), instead of reading it.
   */
  patternVersion?: number | null;
}

/**
 * `claimed`: it is the caller's. `live`: another process holds its lease. `lost`: it was
 * claimed or ended since it was read. `limit`: its user has every run slot in use (PENDING runs).
 * `gone`: no record. `changed`: its pattern is not in the generation the request names. `moved`:
 * its pattern is in that generation, at another version than the request names.
 */
export type ClaimOutcome = 'claimed' | 'live' | 'lost' | 'limit' | 'gone' | 'changed' | 'moved';

/**
 * Execution records, kept for a retention period. Listing indexes (all, per pattern, per status)
 * change with the record; a lease per running execution lets another process find runs whose
 * process died.
 */
export interface ExecutionStore {
  /**
   * Stores a new, running execution with its index entries and its lease, after checking its
   * pattern version, idempotency key and run slot, in one atomic step (across instances). The
   * record expires after `retentionSeconds`. Its steps have not started: their results come
   * through `saveSteps`.
   */
  start(execution: Execution, request: StartRequest): Promise<StartOutcome>;
  /**
   * Records the end of a run at once: replaces the record (keeping its expiry), moves its status
   * index entry, and releases its lease, its cancel request and, given `slotOf`, that user's run
   * slot. Step results are written by `saveSteps`; an adapter may keep them apart from the record.
   * Fenced: written only while the run's attempts are still `execution.attempts` (the writer
   * still owns it); false, and nothing written, otherwise. No later claim succeeds. An end
   * recorded already under the same `endId` (one per end being written) is answered true: a
   * retry of a write that landed, its reply lost; another writer's end is refused.
   * Given `counted`, the end is counted in its pattern's statistics with the record, as
   * PatternStore.recordExecution counts (`generation` as there): only by the end that lands, so
   * a fenced end, or a retry of one that landed, counts nothing.
   */
  finish(
    execution: Execution,
    previousStatus: ExecutionStatus,
    slotOf: string | null,
    endId?: string | null,
    counted?: { generation: string | null } | null,
  ): Promise<boolean>;
  /**
   * Records step results: small writes, whatever the pattern's size, in one round trip. Fenced
   * by `attempts` as `finish` is: false, and nothing written, once another process claimed it.
   */
  saveSteps(executionId: string, attempts: number, steps: readonly StepResult[]): Promise<boolean>;
  /** Takes a run up (see ClaimRequest); one atomic step across instances. */
  claim(request: ClaimRequest): Promise<ClaimOutcome>;
  /**
   * Ends a run that no process has taken up yet (PENDING: queued or delayed) with `execution`
   * (CANCELLED), atomically: false when it was claimed or ended meanwhile.
   */
  finishPending(execution: Execution): Promise<boolean>;
  getMany(ids: readonly string[]): Promise<Array<Execution | null>>;
  list(query: ExecutionListQuery): Promise<ExecutionListResult>;
  /**
   * Marks the execution running until `untilMs`; renewed while it runs. Fenced by `attempts`:
   * false (and not renewed) once another process claimed the run.
   */
  renewLease(executionId: string, attempts: number, untilMs: number): Promise<boolean>;
  /** Drops these executions' leases and cancel requests, in one round trip. */
  releaseLeases(executionIds: readonly string[]): Promise<void>;
  /** Running executions whose lease ran out before `nowMs`. */
  expiredLeases(nowMs: number): Promise<string[]>;
  /** The execution remembered for (pattern, user, idempotency key), or null (none, or expired). */
  rememberedRun(patternId: string, userId: string, key: string): Promise<string | null>;
  /** Whether this execution's lease ran out before `nowMs` (false when it holds none). */
  leaseExpired(executionId: string, nowMs: number): Promise<boolean>;
  /** Asks whichever process runs the execution to cancel it. */
  requestCancel(executionId: string): Promise<void>;
  isCancelRequested(executionId: string): Promise<boolean>;
  renewRunSlot(userId: string, executionId: string, untilMs: number): Promise<void>;
  releaseRunSlot(userId: string, executionId: string): Promise<void>;
}
