import type { Redis } from 'ioredis';
import {
  EXECUTION_STATUSES,
  type Execution,
  type ExecutionStatus,
  pendingStep,
  type StepResult,
  withDurableDefaults,
} from '../../domain/execution/execution.js';
import type {
  ClaimOutcome,
  ClaimRequest,
  ExecutionListQuery,
  ExecutionListResult,
  ExecutionStore,
  StartOutcome,
  StartRequest,
} from '../../domain/execution/execution-store.js';
import type { RedisKeys } from './keys.js';
import { defineScripts, type ScriptedRedis } from './scripts.js';
import { decodeStep, encodeStep } from './step-codec.js';
import { StepSaveBatch } from './step-save-batch.js';

const CLAIM_OUTCOMES: readonly string[] = [
  'claimed',
  'live',
  'lost',
  'limit',
  'gone',
  'changed',
  'moved',
];

/** Executions in Redis: a record per execution (with a TTL) and ZSET indexes by createdAt. */
export class RedisExecutionStore implements ExecutionStore {
  private readonly redis: ScriptedRedis;
  private readonly stepSaves: StepSaveBatch;

  constructor(
    redis: Redis,
    private readonly keys: RedisKeys,
  ) {
    defineScripts(redis);
    this.redis = redis;
    this.stepSaves = new StepSaveBatch(redis);
  }

  /**
   * The client, once the step saves waiting for the end of the tick are sent: every command of
   * this store goes after the saves made before it, as if they had been sent at once (a run's
   * end is sent with its last steps and must reach Redis after them).
   */
  private get client(): ScriptedRedis {
    this.stepSaves.sendNow();
    return this.redis;
  }

  async start(execution: Execution, request: StartRequest): Promise<StartOutcome> {
    const { retentionSeconds, leaseUntilMs, slot, idempotency } = request;
    const waiting = request.waiting ?? null;
    const score = Date.parse(execution.createdAt);
    const ofPattern = [
      this.keys.executionsAll(),
      this.keys.executionsOfPattern(execution.patternId),
      this.keys.executionsOfCreator(execution.createdBy),
    ];
    const joined = [...ofPattern, this.keys.executionsWithStatus(execution.status)];
    // Records expire on their own; their index entries go once they are older than the retention.
    const trimmed = [
      ...ofPattern,
      ...EXECUTION_STATUSES.map((s) => this.keys.executionsWithStatus(s)),
    ];
    const guards: string[] = [];
    if (slot) guards.push(this.keys.executionSlots(slot.userId));
    if (idempotency)
      guards.push(
        this.keys.executionIdempotency(execution.patternId, execution.createdBy, idempotency.key),
      );
    if (waiting) guards.push(this.keys.executionsWaiting(execution.createdBy));
    const scheduleId = request.scheduleId ?? null;
    if (scheduleId !== null) guards.push(this.keys.scheduleDocs());
    const keys = [
      this.keys.execution(execution.id),
      this.keys.executionSteps(execution.id),
      this.keys.executionLeases(),
      this.keys.patternCurrentVersions(),
      this.keys.patternGenerations(),
      ...guards,
      ...joined,
      ...trimmed,
    ];
    const reply = await this.client.startExecution(
      keys.length,
      ...keys,
      stored(execution),
      execution.id,
      score,
      retentionSeconds,
      `(${score - retentionSeconds * 1000}`,
      joined.length,
      leaseUntilMs,
      execution.patternId,
      request.patternVersion,
      slot ? slot.limit : '',
      slot ? slot.nowMs : '',
      idempotency ? idempotency.ttlSeconds : '',
      request.patternGeneration,
      execution.attempts,
      waiting ? waiting.limit : '',
      waiting?.checkSlot ? '1' : '',
      scheduleId ?? '',
    );
    const [outcome, executionId] = reply;
    if (outcome === 'duplicate') return { outcome, executionId: executionId ?? '' };
    if (
      outcome === 'stale' ||
      outcome === 'limit' ||
      outcome === 'started' ||
      outcome === 'waiting' ||
      outcome === 'unscheduled'
    )
      return { outcome };
    throw new Error(`start-execution replied ${JSON.stringify(reply)}`);
  }

  async finish(
    execution: Execution,
    previousStatus: ExecutionStatus,
    slotOf: string | null,
    endId: string | null = null,
    counted: { generation: string | null } | null = null,
  ): Promise<boolean> {
    const keys = [
      this.keys.execution(execution.id),
      this.keys.executionLeases(),
      this.keys.executionCancel(execution.id),
      this.keys.executionsWithStatus(previousStatus),
      this.keys.executionsWithStatus(execution.status),
      this.keys.executionSteps(execution.id),
      this.keys.executionsWaiting(execution.createdBy),
      this.keys.patternCurrentVersions(),
      this.keys.patternStats(execution.patternId),
      this.keys.patternGenerations(),
    ];
    if (slotOf !== null) keys.push(this.keys.executionSlots(slotOf));
    const reply = await this.client.finishExecution(
      keys.length,
      ...keys,
      stored(execution),
      execution.id,
      Date.parse(execution.createdAt),
      execution.attempts,
      endId ?? '',
      counted ? '1' : '',
      execution.patternId,
      execution.status === 'SUCCEEDED' ? 1 : 0,
      Math.round(execution.durationMs ?? 0),
      counted?.generation ?? '',
    );
    return reply !== 0;
  }

  async saveSteps(
    executionId: string,
    attempts: number,
    steps: readonly StepResult[],
  ): Promise<boolean> {
    if (steps.length === 0) return true;
    // Flat field/value arguments: ioredis flattens an object argument again for every call.
    const values: string[] = [];
    for (const step of steps) values.push(step.stepId, encodeStep(step));
    return this.stepSaves.save(this.keys.executionSteps(executionId), attempts, values);
  }

  async claim(request: ClaimRequest): Promise<ClaimOutcome> {
    const { execution, slot } = request;
    const keys = [
      this.keys.execution(execution.id),
      this.keys.executionSteps(execution.id),
      this.keys.executionLeases(),
      this.keys.executionsWithStatus(request.previousStatus),
      this.keys.executionsWithStatus('RUNNING'),
      this.keys.executionsWaiting(execution.createdBy),
      this.keys.patternGenerations(),
      this.keys.patternCurrentVersions(),
    ];
    if (slot) keys.push(this.keys.executionSlots(slot.userId));
    const reply = await this.client.claimExecution(
      keys.length,
      ...keys,
      stored(execution),
      execution.id,
      request.expectedAttempts,
      execution.attempts,
      request.leaseUntilMs,
      request.nowMs,
      Date.parse(execution.createdAt),
      slot ? slot.limit : '',
      request.previousStatus === 'PENDING' ? '1' : '',
      execution.patternId,
      request.patternGeneration ?? '',
      request.patternGeneration ? (request.patternVersion ?? '') : '',
    );
    if (CLAIM_OUTCOMES.includes(reply)) return reply as ClaimOutcome;
    throw new Error(`claim-execution replied ${JSON.stringify(reply)}`);
  }

  async finishPending(execution: Execution): Promise<boolean> {
    const keys = [
      this.keys.execution(execution.id),
      this.keys.executionSteps(execution.id),
      this.keys.executionsWithStatus('PENDING'),
      this.keys.executionsWithStatus(execution.status),
      this.keys.executionsWaiting(execution.createdBy),
      this.keys.executionCancel(execution.id),
    ];
    const reply = await this.client.finishPending(
      keys.length,
      ...keys,
      stored(execution),
      execution.id,
      Date.parse(execution.createdAt),
    );
    return reply === 1;
  }

  async getMany(ids: readonly string[]): Promise<Array<Execution | null>> {
    if (ids.length === 0) return [];
    const pipeline = this.client.pipeline();
    for (const id of ids)
      pipeline.get(this.keys.execution(id)).hgetall(this.keys.executionSteps(id));
    const replies = (await pipeline.exec()) ?? [];
    return ids.map((_, i) => {
      const [docError, doc] = replies[i * 2] ?? [null, null];
      const [stepsError, steps] = replies[i * 2 + 1] ?? [null, {}];
      if (docError || stepsError) throw docError ?? stepsError;
      if (typeof doc !== 'string') return null;
      const { stepIds, ...execution } = JSON.parse(doc) as StoredExecution;
      const results = steps as Record<string, string>;
      return {
        ...withDurableDefaults({ ...execution, steps: [] }),
        steps: stepIds.map((stepId) => {
          const saved = results[stepId];
          return saved ? decodeStep(stepId, saved) : pendingStep(stepId);
        }),
      };
    });
  }

  async list(query: ExecutionListQuery): Promise<ExecutionListResult> {
    const keys = [
      query.patternId === null
        ? this.keys.executionsAll()
        : this.keys.executionsOfPattern(query.patternId),
    ];
    if (query.status !== null) keys.push(this.keys.executionsWithStatus(query.status));
    if (query.createdBy !== null) keys.push(this.keys.executionsOfCreator(query.createdBy));
    const [totalCount, countBefore, hasMore, ...ids] = await this.client.listExecutions(
      keys.length,
      ...keys,
      query.limit,
      query.after ? query.after.createdAtMs : '',
      query.after ? query.after.id : '',
    );
    const items = (await this.getMany(ids)).filter((item): item is Execution => item !== null);
    return { items, totalCount, countBefore, hasMore: hasMore === 1 };
  }

  async renewLease(executionId: string, attempts: number, untilMs: number): Promise<boolean> {
    const keys = [this.keys.executionSteps(executionId), this.keys.executionLeases()];
    return (await this.client.renewLease(2, ...keys, attempts, untilMs, executionId)) === 1;
  }

  async releaseLeases(executionIds: readonly string[]): Promise<void> {
    if (executionIds.length === 0) return;
    await this.client
      .multi()
      .zrem(this.keys.executionLeases(), ...executionIds)
      .del(...executionIds.map((id) => this.keys.executionCancel(id)))
      .exec();
  }

  async expiredLeases(nowMs: number): Promise<string[]> {
    return this.client.zrangebyscore(this.keys.executionLeases(), '-inf', `(${nowMs}`);
  }

  async rememberedRun(patternId: string, userId: string, key: string): Promise<string | null> {
    return this.client.get(this.keys.executionIdempotency(patternId, userId, key));
  }

  async leaseExpired(executionId: string, nowMs: number): Promise<boolean> {
    const until = await this.client.zscore(this.keys.executionLeases(), executionId);
    return until !== null && Number(until) < nowMs;
  }

  async requestCancel(executionId: string): Promise<void> {
    await this.client.set(this.keys.executionCancel(executionId), '1', 'EX', 3600);
  }

  async isCancelRequested(executionId: string): Promise<boolean> {
    return (await this.client.exists(this.keys.executionCancel(executionId))) === 1;
  }

  async renewRunSlot(userId: string, executionId: string, untilMs: number): Promise<void> {
    // XX: a slot released meanwhile is not taken again by a late renewal.
    await this.client.zadd(this.keys.executionSlots(userId), 'XX', untilMs, executionId);
  }

  async releaseRunSlot(userId: string, executionId: string): Promise<void> {
    await this.client.zrem(this.keys.executionSlots(userId), executionId);
  }
}

/**
 * The record without step results (they live in the steps hash), with the steps' order; records
 * written before durable runs lack their fields.
 */
type StoredExecution = Omit<Parameters<typeof withDurableDefaults>[0], 'steps'> & {
  stepIds: string[];
};

function stored(execution: Execution): string {
  const { steps, ...rest } = execution;
  const record: StoredExecution = { ...rest, stepIds: steps.map((step) => step.stepId) };
  return JSON.stringify(record);
}
