import type { KeysetPosition } from '../shared/pagination.js';
import type { Schedule, ScheduleFire, ScheduleRecord } from './schedule.js';

export interface ScheduleListQuery {
  /** Only this owner's (null: everyone's, for admins). */
  ownerId: string | null;
  patternId: string | null;
  limit: number;
  /** Strictly after this position, newest first (createdAt ms, then id descending). */
  after: KeysetPosition | null;
}

export interface ScheduleListResult {
  items: ScheduleRecord[];
  totalCount: number;
  countBefore: number;
  hasMore: boolean;
}

/** Schedule records and what their ticks did. Implementations: Redis (Lua), memory. */
export interface ScheduleStore {
  /**
   * Stores a new schedule unless its owner has `maxPerOwner` already (then false, nothing
   * written); the record and its indexes together.
   */
  create(schedule: Schedule, maxPerOwner: number): Promise<boolean>;
  get(id: string): Promise<ScheduleRecord | null>;
  /** Removes the record, its indexes and its fire history; the schedule as it was, or null. */
  delete(id: string): Promise<Schedule | null>;
  list(query: ScheduleListQuery): Promise<ScheduleListResult>;
  /** Schedules of one pattern (any owner), for clean-up when the pattern goes. */
  idsOfPattern(patternId: string): Promise<string[]>;
  /**
   * Records one tick unless the schedule is gone or a later (or the same) tick is recorded
   * already: false then, and nothing changes, so a tick handed out twice counts once. Its
   * `missed` ticks are counted (as skipped) only while `previousTickMs`, the latest tick
   * recorded when they were counted (null: none), is still the latest: a tick recorded
   * meanwhile counted them. Without it they are counted in any case.
   */
  recordFire(id: string, fire: ScheduleFire, previousTickMs?: number | null): Promise<boolean>;
}
