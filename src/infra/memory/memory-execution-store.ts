import type { Execution, ExecutionStatus, StepResult } from '../../domain/execution/execution.js';
import type {
  ClaimOutcome,
  ClaimRequest,
  ExecutionListQuery,
  ExecutionListResult,
  ExecutionStore,
  StartOutcome,
  StartRequest,
} from '../../domain/execution/execution-store.js';
import { pageAfter } from '../../domain/shared/pagination.js';

/** The embedded execution records: Maps, pruned of expired records as new ones arrive. */
export class MemoryExecutionStore implements ExecutionStore {
  private readonly records = new Map<string, { execution: Execution; expiresAt: number }>();
  private readonly idempotency = new Map<string, { executionId: string; expiresAt: number }>();
  private readonly leases = new Map<string, number>();
  private readonly cancels = new Set<string>();
  /** user id → execution id → slot expiry (ms). */
  private readonly slots = new Map<string, Map<string, number>>();
  /** Each run's fencing token: its attempts while it may still be claimed, 'end' once ended. */
  private readonly tokens = new Map<string, number | 'end'>();
  /** The id of the end recorded of each run that ended with one. */
  private readonly endIds = new Map<string, string>();
  /** user id → its PENDING runs (queued or delayed). */
  private readonly waiting = new Map<string, Set<string>>();

  /**
   * `currentVersion`: a pattern's current version and generation (the embedded pattern store);
   * `scheduleExists`: whether a schedule is stored (the embedded schedule store); `count`: counts
   * an end in its pattern's statistics (the embedded pattern store's recordExecution).
   */
  constructor(
    private readonly currentVersion: (
      patternId: string,
    ) => { version: number; generation: string } | null,
    private readonly scheduleExists: (scheduleId: string) => boolean = () => true,
    private readonly count: (
      patternId: string,
      generation: string | null,
      succeeded: boolean,
      durationMs: number,
    ) => unknown = () => {},
  ) {}

  async start(execution: Execution, request: StartRequest): Promise<StartOutcome> {
    const { retentionSeconds, leaseUntilMs, slot, idempotency } = request;
    const current = this.currentVersion(execution.patternId);
    if (
      current?.version !== request.patternVersion ||
      current.generation !== request.patternGeneration
    ) {
      return { outcome: 'stale' };
    }
    const scheduleId = request.scheduleId ?? null;
    if (scheduleId !== null && !this.scheduleExists(scheduleId)) return { outcome: 'unscheduled' };
    const now = Date.now();
    const key = idempotency && idempotencyKeyOf(execution, idempotency.key);
    const remembered = key && this.remembered(key, now);
    if (remembered) return { outcome: 'duplicate', executionId: remembered };
    const waiting = request.waiting ?? null;
    if (waiting) {
      if (slot && waiting.checkSlot && !this.slotFree(slot.userId, slot.limit, slot.nowMs))
        return { outcome: 'limit' };
      const held = this.waiting.get(execution.createdBy) ?? new Set<string>();
      for (const id of held) if (!this.records.has(id)) held.delete(id);
      if (held.size >= waiting.limit) return { outcome: 'waiting' };
      held.add(execution.id);
      this.waiting.set(execution.createdBy, held);
    } else if (
      slot &&
      !this.takeSlot(slot.userId, execution.id, slot.limit, slot.nowMs, leaseUntilMs)
    ) {
      return { outcome: 'limit' };
    }
    if (idempotency && key) {
      const expiresAt = now + idempotency.ttlSeconds * 1000;
      this.idempotency.set(key, { executionId: execution.id, expiresAt });
    }
    for (const [id, entry] of this.records) {
      if (entry.expiresAt > now) continue;
      this.records.delete(id);
      this.tokens.delete(id);
      this.endIds.delete(id);
    }
    this.records.set(execution.id, {
      execution: structuredClone(execution),
      expiresAt: now + retentionSeconds * 1000,
    });
    this.tokens.set(execution.id, execution.attempts);
    if (!waiting) this.leases.set(execution.id, leaseUntilMs);
    return { outcome: 'started' };
  }

  async claim(request: ClaimRequest): Promise<ClaimOutcome> {
    const { execution, slot, nowMs, leaseUntilMs } = request;
    const entry = this.records.get(execution.id);
    if (!entry || entry.expiresAt <= Date.now()) return 'gone';
    if (!this.owns(execution.id, request.expectedAttempts)) return 'lost';
    const lease = this.leases.get(execution.id);
    if (lease !== undefined && lease >= nowMs) return 'live';
    const generation = request.patternGeneration ?? null;
    const current = this.currentVersion(execution.patternId);
    if (generation !== null && current?.generation !== generation) return 'changed';
    const version = request.patternVersion ?? null;
    if (generation !== null && version !== null && current?.version !== version) return 'moved';
    if (slot) {
      const held = this.slots.get(slot.userId);
      const holds = held?.has(execution.id) ?? false;
      if (request.previousStatus === 'PENDING' && !holds) {
        if (!this.takeSlot(slot.userId, execution.id, slot.limit, nowMs, leaseUntilMs))
          return 'limit';
      } else {
        const mine = held ?? new Map<string, number>();
        mine.set(execution.id, leaseUntilMs);
        this.slots.set(slot.userId, mine);
      }
    }
    this.tokens.set(execution.id, execution.attempts);
    entry.execution = structuredClone(execution);
    this.leases.set(execution.id, leaseUntilMs);
    this.leaveWaiting(execution.createdBy, execution.id);
    return 'claimed';
  }

  /** A user's waiting set goes with its last run: users come and go, the map must not keep them. */
  private leaveWaiting(userId: string, executionId: string): void {
    const held = this.waiting.get(userId);
    if (!held?.delete(executionId) || held.size > 0) return;
    this.waiting.delete(userId);
  }

  async finishPending(execution: Execution): Promise<boolean> {
    const entry = this.records.get(execution.id);
    if (!entry || this.tokens.get(execution.id) !== 0) return false;
    this.tokens.set(execution.id, 'end');
    entry.execution = structuredClone(execution);
    this.leaveWaiting(execution.createdBy, execution.id);
    this.cancels.delete(execution.id);
    return true;
  }

  /** Whether the record still has the writer's fencing token (records from before: 1). */
  private owns(executionId: string, attempts: number): boolean {
    return (this.tokens.get(executionId) ?? 1) === attempts;
  }

  private slotFree(userId: string, limit: number, nowMs: number): boolean {
    const held = this.slots.get(userId);
    if (!held) return true;
    for (const [id, until] of held) if (until < nowMs) held.delete(id);
    return held.size < limit;
  }

  private remembered(key: string, now: number): string | null {
    const entry = this.idempotency.get(key);
    return entry && entry.expiresAt > now ? entry.executionId : null;
  }

  private takeSlot(
    userId: string,
    executionId: string,
    limit: number,
    nowMs: number,
    untilMs: number,
  ): boolean {
    const held = this.slots.get(userId) ?? new Map<string, number>();
    for (const [id, until] of held) if (until < nowMs) held.delete(id);
    if (held.size >= limit) return false;
    held.set(executionId, untilMs);
    this.slots.set(userId, held);
    return true;
  }

  async finish(
    execution: Execution,
    _previousStatus: ExecutionStatus,
    slotOf: string | null,
    endId: string | null = null,
    counted: { generation: string | null } | null = null,
  ): Promise<boolean> {
    const entry = this.records.get(execution.id);
    if (entry) {
      // This end, recorded already: a retry of a write that landed.
      const recorded = this.tokens.get(execution.id) === 'end' && endId !== null;
      if (recorded && this.endIds.get(execution.id) === endId) return true;
      if (!this.owns(execution.id, execution.attempts)) return false;
      this.tokens.set(execution.id, 'end');
      if (endId !== null) this.endIds.set(execution.id, endId);
      entry.execution = structuredClone(execution);
    }
    this.leaveWaiting(execution.createdBy, execution.id);
    await this.releaseLeases([execution.id]);
    if (slotOf !== null) await this.releaseRunSlot(slotOf, execution.id);
    if (counted) {
      const { patternId, status, durationMs } = execution;
      await this.count(patternId, counted.generation, status === 'SUCCEEDED', durationMs ?? 0);
    }
    return true;
  }

  async saveSteps(
    executionId: string,
    attempts: number,
    steps: readonly StepResult[],
  ): Promise<boolean> {
    const entry = this.records.get(executionId);
    if (!entry) return true;
    if (!this.owns(executionId, attempts)) return false;
    const latest = new Map(steps.map((step) => [step.stepId, step]));
    entry.execution.steps = entry.execution.steps.map((s) =>
      structuredClone(latest.get(s.stepId) ?? s),
    );
    return true;
  }

  async getMany(ids: readonly string[]): Promise<Array<Execution | null>> {
    return ids.map((id) => {
      const entry = this.records.get(id);
      return entry && entry.expiresAt > Date.now() ? structuredClone(entry.execution) : null;
    });
  }

  async list(query: ExecutionListQuery): Promise<ExecutionListResult> {
    const matching = [...this.records.values()]
      .filter((entry) => entry.expiresAt > Date.now())
      .map((entry) => entry.execution)
      .filter(
        (e) =>
          (query.patternId === null || e.patternId === query.patternId) &&
          (query.status === null || e.status === query.status) &&
          (query.createdBy === null || e.createdBy === query.createdBy),
      );
    const after = query.after && { ms: query.after.createdAtMs, id: query.after.id };
    const positionOf = (e: Execution) => ({ ms: Date.parse(e.createdAt), id: e.id });
    const page = pageAfter(matching, positionOf, after, query.limit);
    return { ...page, items: page.items.map((e) => structuredClone(e)) };
  }

  async renewLease(executionId: string, attempts: number, untilMs: number): Promise<boolean> {
    if (!this.owns(executionId, attempts)) return false;
    this.leases.set(executionId, untilMs);
    return true;
  }

  async releaseLeases(executionIds: readonly string[]): Promise<void> {
    for (const id of executionIds) {
      this.leases.delete(id);
      this.cancels.delete(id);
    }
  }

  async expiredLeases(nowMs: number): Promise<string[]> {
    return [...this.leases].filter(([, until]) => until < nowMs).map(([id]) => id);
  }

  async rememberedRun(patternId: string, userId: string, key: string): Promise<string | null> {
    return this.remembered(JSON.stringify([patternId, userId, key]), Date.now());
  }

  async leaseExpired(executionId: string, nowMs: number): Promise<boolean> {
    const until = this.leases.get(executionId);
    return until !== undefined && until < nowMs;
  }

  async requestCancel(executionId: string): Promise<void> {
    this.cancels.add(executionId);
  }

  async isCancelRequested(executionId: string): Promise<boolean> {
    return this.cancels.has(executionId);
  }

  async renewRunSlot(userId: string, executionId: string, untilMs: number): Promise<void> {
    const held = this.slots.get(userId);
    if (held?.has(executionId)) held.set(executionId, untilMs);
  }

  async releaseRunSlot(userId: string, executionId: string): Promise<void> {
    const held = this.slots.get(userId);
    held?.delete(executionId);
    if (held?.size === 0) this.slots.delete(userId);
  }
}

/** Idempotency keys belong to a user and a pattern: another user's equal key is another key. */
function idempotencyKeyOf(execution: Execution, key: string): string {
  return JSON.stringify([execution.patternId, execution.createdBy, key]);
}
