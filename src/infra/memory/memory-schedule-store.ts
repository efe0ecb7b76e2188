/** Schedule records in this process's memory (the embedded storage). */
import {
  RECENT_EXECUTIONS_KEPT,
  type Schedule,
  type ScheduleFire,
  type ScheduleRecord,
  unfiredRecord,
} from '../../domain/schedule/schedule.js';
import type {
  ScheduleListQuery,
  ScheduleListResult,
  ScheduleStore,
} from '../../domain/schedule/schedule-store.js';
import { pageAfter } from '../../domain/shared/pagination.js';

export class MemoryScheduleStore implements ScheduleStore {
  private readonly records = new Map<string, ScheduleRecord>();

  async create(schedule: Schedule, maxPerOwner: number): Promise<boolean> {
    let owned = 0;
    for (const record of this.records.values()) if (record.ownerId === schedule.ownerId) owned++;
    if (owned >= maxPerOwner) return false;
    this.records.set(schedule.id, unfiredRecord(structuredClone(schedule)));
    return true;
  }

  /** Whether the schedule is stored (read by the embedded execution store at a tick's start). */
  has(id: string): boolean {
    return this.records.has(id);
  }

  async get(id: string): Promise<ScheduleRecord | null> {
    const record = this.records.get(id);
    return record ? structuredClone(record) : null;
  }

  async delete(id: string): Promise<Schedule | null> {
    const record = this.records.get(id);
    if (!record) return null;
    this.records.delete(id);
    const {
      lastFire: _l,
      fireCount: _f,
      skipCount: _s,
      missedCount: _m,
      recentExecutionIds: _r,
      ...schedule
    } = record;
    return schedule;
  }

  async list(query: ScheduleListQuery): Promise<ScheduleListResult> {
    const matching = [...this.records.values()].filter(
      (record) =>
        (query.ownerId === null || record.ownerId === query.ownerId) &&
        (query.patternId === null || record.patternId === query.patternId),
    );
    const page = pageAfter(
      matching,
      (record) => ({ ms: Date.parse(record.createdAt), id: record.id }),
      query.after,
      query.limit,
    );
    return { ...page, items: page.items.map((record) => structuredClone(record)) };
  }

  async idsOfPattern(patternId: string): Promise<string[]> {
    return [...this.records.values()]
      .filter((record) => record.patternId === patternId)
      .map((record) => record.id);
  }

  async recordFire(
    id: string,
    fire: ScheduleFire,
    previousTickMs?: number | null,
  ): Promise<boolean> {
    const record = this.records.get(id);
    if (!record || (record.lastFire && record.lastFire.tickMs >= fire.tickMs)) return false;
    const latest = record.lastFire?.tickMs ?? null;
    const missed =
      previousTickMs === undefined || previousTickMs === latest ? (fire.missed ?? 0) : 0;
    record.skipCount += missed;
    record.missedCount += missed;
    record.lastFire = missed === (fire.missed ?? 0) ? { ...fire } : { ...fire, missed };
    if (fire.skipped === null) record.fireCount++;
    else record.skipCount++;
    if (fire.executionId !== null) {
      record.recentExecutionIds.unshift(fire.executionId);
      record.recentExecutionIds.length = Math.min(
        record.recentExecutionIds.length,
        RECENT_EXECUTIONS_KEPT,
      );
    }
    return true;
  }
}
