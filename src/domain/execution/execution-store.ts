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

/**
 * Execution records, kept for a retention period. Listing indexes (all, per pattern, per status)
 * change with the record; a lease per running execution lets another process find runs whose
 * process died.
 */
export interface ExecutionStore {
  /**
   * Stores a new, running execution with its index entries and its lease (until
   * `leaseUntilMs`); the record expires after `retentionSeconds`.
   */
  create(
    execution: Execution,
    options: { retentionSeconds: number; leaseUntilMs: number },
  ): Promise<void>;
  /**
   * Records the end of a run at once: replaces the record (keeping its expiry), moves its status
   * index entry, and releases its lease, its cancel request and, given `slotOf`, that user's run
   * slot. Step results are written by `saveSteps`; an adapter may keep them apart from the record.
   */
  finish(
    execution: Execution,
    previousStatus: ExecutionStatus,
    slotOf: string | null,
  ): Promise<void>;
  /** Records step results: small writes, whatever the pattern's size. */
  saveSteps(executionId: string, steps: readonly StepResult[]): Promise<void>;
  getMany(ids: readonly string[]): Promise<Array<Execution | null>>;
  list(query: ExecutionListQuery): Promise<ExecutionListResult>;
  /**
   * Remembers `executionId` for (patternId, key) for `ttlSeconds` unless one is remembered
   * already; returns the remembered id then.
   */
  claimIdempotencyKey(
    patternId: string,
    key: string,
    executionId: string,
    ttlSeconds: number,
  ): Promise<string | null>;
  /** Marks the execution running until `untilMs`; renewed while it runs. */
  renewLease(executionId: string, untilMs: number): Promise<void>;
  releaseLease(executionId: string): Promise<void>;
  /** Running executions whose lease ran out before `nowMs`. */
  expiredLeases(nowMs: number): Promise<string[]>;
  /** Asks whichever process runs the execution to cancel it. */
  requestCancel(executionId: string): Promise<void>;
  isCancelRequested(executionId: string): Promise<boolean>;
  /**
   * Takes one of `limit` run slots of a user for `executionId` until `untilMs` (renewed like a
   * lease, so a process that dies does not hold slots forever). False when all are taken.
   * Atomic across instances.
   */
  acquireRunSlot(
    userId: string,
    executionId: string,
    limit: number,
    nowMs: number,
    untilMs: number,
  ): Promise<boolean>;
  renewRunSlot(userId: string, executionId: string, untilMs: number): Promise<void>;
  releaseRunSlot(userId: string, executionId: string): Promise<void>;
}
