/** Schedule records in Redis: a hash of documents, ZSET indexes, and per-schedule tick history. */
import type { Redis } from 'ioredis';
import {
  RECENT_EXECUTIONS_KEPT,
  type Schedule,
  type ScheduleFire,
  type ScheduleRecord,
} from '../../domain/schedule/schedule.js';
import type {
  ScheduleListQuery,
  ScheduleListResult,
  ScheduleStore,
} from '../../domain/schedule/schedule-store.js';
import type { RedisKeys } from './keys.js';
import { defineScripts, type ScriptedRedis } from './scripts.js';

export class RedisScheduleStore implements ScheduleStore {
  private readonly redis: ScriptedRedis;

  constructor(
    redis: Redis,
    private readonly keys: RedisKeys,
  ) {
    defineScripts(redis);
    this.redis = redis;
  }

  async create(schedule: Schedule, maxPerOwner: number): Promise<boolean> {
    const { keys } = this;
    const created = await this.redis.createSchedule(
      4,
      keys.scheduleDocs(),
      keys.schedulesAll(),
      keys.schedulesOfOwner(schedule.ownerId),
      keys.schedulesOfPattern(schedule.patternId),
      schedule.id,
      JSON.stringify(schedule),
      Date.parse(schedule.createdAt),
      maxPerOwner,
    );
    return created === 1;
  }

  async get(id: string): Promise<ScheduleRecord | null> {
    const [record] = await this.getMany([id]);
    return record ?? null;
  }

  async delete(id: string): Promise<Schedule | null> {
    const doc = await this.redis.hget(this.keys.scheduleDocs(), id);
    if (doc === null) return null;
    const schedule = JSON.parse(doc) as Schedule;
    const { keys } = this;
    const removed = await this.redis.deleteSchedule(
      6,
      keys.scheduleDocs(),
      keys.schedulesAll(),
      keys.schedulesOfOwner(schedule.ownerId),
      keys.schedulesOfPattern(schedule.patternId),
      keys.scheduleFires(id),
      keys.scheduleRecentExecutions(id),
      id,
    );
    return removed === 1 ? schedule : null;
  }

  async list(query: ScheduleListQuery): Promise<ScheduleListResult> {
    const { keys } = this;
    const listed: string[] = [];
    if (query.patternId !== null) listed.push(keys.schedulesOfPattern(query.patternId));
    if (query.ownerId !== null) listed.push(keys.schedulesOfOwner(query.ownerId));
    if (listed.length === 0) listed.push(keys.schedulesAll());
    const [totalCount, countBefore, hasMore, ...ids] = await this.redis.listSchedules(
      listed.length,
      ...listed,
      query.limit,
      query.after ? query.after.ms : '',
      query.after ? query.after.id : '',
    );
    const items = (await this.getMany(ids)).filter((item): item is ScheduleRecord => item !== null);
    return { items, totalCount, countBefore, hasMore: hasMore === 1 };
  }

  idsOfPattern(patternId: string): Promise<string[]> {
    return this.redis.zrange(this.keys.schedulesOfPattern(patternId), 0, -1);
  }

  async recordFire(
    id: string,
    fire: ScheduleFire,
    previousTickMs?: number | null,
  ): Promise<boolean> {
    const { keys } = this;
    const recorded = await this.redis.recordScheduleFire(
      3,
      keys.scheduleDocs(),
      keys.scheduleFires(id),
      keys.scheduleRecentExecutions(id),
      id,
      fire.tickMs,
      JSON.stringify(fire),
      fire.skipped === null ? 'fired' : 'skipped',
      fire.executionId ?? '',
      RECENT_EXECUTIONS_KEPT,
      fire.missed ?? 0,
      previousTickMs === undefined ? 'any' : previousTickMs === null ? 'none' : previousTickMs,
    );
    return recorded === 1;
  }

  /** Documents, tick history and recent executions of each, in one round trip. */
  private async getMany(ids: readonly string[]): Promise<Array<ScheduleRecord | null>> {
    if (ids.length === 0) return [];
    const { keys } = this;
    const pipeline = this.redis.pipeline();
    pipeline.hmget(keys.scheduleDocs(), ...ids);
    for (const id of ids) {
      pipeline.hgetall(keys.scheduleFires(id));
      pipeline.lrange(keys.scheduleRecentExecutions(id), 0, RECENT_EXECUTIONS_KEPT - 1);
    }
    const replies = (await pipeline.exec()) ?? [];
    for (const [error] of replies) if (error) throw error;
    const docs = (replies[0]?.[1] ?? []) as Array<string | null>;
    return ids.map((_, i) => {
      const doc = docs[i];
      if (doc === null || doc === undefined) return null;
      const fires = (replies[1 + 2 * i]?.[1] ?? {}) as Record<string, string>;
      const recent = (replies[2 + 2 * i]?.[1] ?? []) as string[];
      return {
        ...(JSON.parse(doc) as Schedule),
        lastFire: fires.last ? (JSON.parse(fires.last) as ScheduleFire) : null,
        fireCount: Number(fires.fired ?? 0),
        skipCount: Number(fires.skipped ?? 0),
        missedCount: Number(fires.missed ?? 0),
        recentExecutionIds: recent,
      };
    });
  }
}
