/**
 * A schedule: a pattern run as its owner on a cron pattern (in a time zone) or every so many
 * milliseconds, one execution per tick however many instances run.
 */
import cronParser from 'cron-parser';
import type { JsonValue } from '../shared/json.js';

/** When a schedule fires: a cron pattern in a time zone, or a fixed interval. */
export type ScheduleTiming =
  | { kind: 'cron'; cron: string; timezone: string }
  | { kind: 'every'; everyMs: number };

export interface Schedule {
  id: string;
  patternId: string;
  /** Which life of the pattern id was scheduled: a pattern deleted and created again is another. */
  patternGeneration: string;
  /** The user it runs as, with the roles they had when they scheduled it. */
  ownerId: string;
  ownerRoles: readonly string[];
  timing: ScheduleTiming;
  input: JsonValue | null;
  createdAt: string;
}

/** Why a tick started no execution. */
export type SkipReason =
  | 'PATTERN_DELETED'
  | 'PATTERN_NOT_READABLE'
  | 'PATTERN_INACTIVE'
  | 'BAD_USER_INPUT'
  | 'LIMIT_EXCEEDED'
  | 'FORBIDDEN';

/** What one tick did. */
export interface ScheduleFire {
  /** The tick it fired for (ms since the epoch): what makes a tick handed out twice start one run. */
  tickMs: number;
  at: string;
  executionId: string | null;
  skipped: SkipReason | null;
  /**
   * Ticks due since the previous tick recorded (since createdAt, for the first) that no process
   * handled (Redis out of reach, a tick given up on): counted as skipped when this one is
   * recorded. Absent from fires recorded before they were counted.
   */
  missed?: number;
}

/** A schedule with what its ticks did so far. */
export interface ScheduleRecord extends Schedule {
  lastFire: ScheduleFire | null;
  fireCount: number;
  skipCount: number;
  /** Of the skipped ticks, those never handled (see ScheduleFire.missed). */
  missedCount: number;
  /** The executions of its latest ticks, newest first (at most RECENT_EXECUTIONS_KEPT). */
  recentExecutionIds: string[];
}

export const RECENT_EXECUTIONS_KEPT = 20;

/** The record of a schedule no tick has reached yet. */
export function unfiredRecord(schedule: Schedule): ScheduleRecord {
  return {
    ...schedule,
    lastFire: null,
    fireCount: 0,
    skipCount: 0,
    missedCount: 0,
    recentExecutionIds: [],
  };
}

/** The idempotency key of the execution of one tick. */
export function tickIdempotencyKey(scheduleId: string, tickMs: number): string {
  return `schedule:${scheduleId}:${tickMs}`;
}

/**
 * The first tick at or after `fromMs`. An interval schedule ticks at createdAt + k·everyMs
 * (k ≥ 1); a cron one when its pattern matches in its time zone (cron-parser, as BullMQ).
 */
export function nextTickMs(
  schedule: Pick<Schedule, 'timing' | 'createdAt'>,
  fromMs: number,
): number {
  const { timing } = schedule;
  if (timing.kind === 'every') {
    const first = Date.parse(schedule.createdAt) + timing.everyMs;
    if (fromMs <= first) return first;
    return first + Math.ceil((fromMs - first) / timing.everyMs) * timing.everyMs;
  }
  // cron-parser's next() is strictly after currentDate: start a millisecond before.
  const interval = cronParser.parseExpression(timing.cron, {
    currentDate: new Date(fromMs - 1),
    tz: timing.timezone,
  });
  return interval.next().getTime();
}

/** The most ticks counted as missed at once (a cron of seconds through a long outage). */
const MAX_MISSED_COUNTED = 10_000;

/** How many ticks fall strictly between `afterMs` and `beforeMs` (at most MAX_MISSED_COUNTED). */
export function ticksBetween(
  schedule: Pick<Schedule, 'timing' | 'createdAt'>,
  afterMs: number,
  beforeMs: number,
): number {
  const { timing } = schedule;
  if (beforeMs - afterMs <= 1) return 0;
  if (timing.kind === 'every') {
    const next = nextTickMs(schedule, afterMs + 1);
    if (next >= beforeMs) return 0;
    return Math.min(MAX_MISSED_COUNTED, 1 + Math.floor((beforeMs - 1 - next) / timing.everyMs));
  }
  // next() is strictly after currentDate and refuses to pass endDate.
  const interval = cronParser.parseExpression(timing.cron, {
    currentDate: new Date(afterMs),
    endDate: new Date(beforeMs - 1),
    tz: timing.timezone,
  });
  let count = 0;
  while (count < MAX_MISSED_COUNTED && interval.hasNext()) {
    interval.next();
    count += 1;
  }
  return count;
}

/** When an interval schedule's ticks start (the engines are told, so all agree on the ticks). */
export function firstTickMs(schedule: Pick<Schedule, 'timing' | 'createdAt'>): number {
  return nextTickMs(schedule, Date.parse(schedule.createdAt) + 1);
}
