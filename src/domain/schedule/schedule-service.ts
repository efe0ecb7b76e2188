/**
 * Schedules: who may make, see and remove them, and what each tick does. A tick runs the
 * pattern as the schedule's owner through an injected `fire` (the execution service), with an
 * idempotency key per tick, so a tick handed out twice starts one run; the permission to run
 * the pattern is checked when the schedule is made and again at every tick.
 */
import type { AuditLog } from '../audit/audit-log.js';
import type { EventPublisher } from '../events/event.js';
import { compilePattern } from '../execution/compiled-pattern.js';
import type { Execution } from '../execution/execution.js';
import { checkInput } from '../execution/input-check.js';
import type { Pattern } from '../pattern/pattern.js';
import type { PatternService } from '../pattern/pattern-service.js';
import type { RateLimiter } from '../security/rate-limiter.js';
import type { Clock } from '../shared/clock.js';
import {
  DomainError,
  LimitExceededError,
  NotFoundError,
  ServiceUnavailableError,
  ValidationError,
} from '../shared/errors.js';
import { timeOrderedId } from '../shared/ids.js';
import {
  decodeKeysetCursor,
  encodeKeysetCursor,
  type KeysetPosition,
  type Page,
} from '../shared/pagination.js';
import { isAdmin, SYSTEM_VIEWER, type Viewer } from '../shared/viewer.js';
import {
  nextTickMs,
  type Schedule,
  type ScheduleRecord,
  type SkipReason,
  ticksBetween,
  unfiredRecord,
} from './schedule.js';
import { parseScheduleInput, type ScheduleCommand } from './schedule-input.js';
import type { ScheduleStore } from './schedule-store.js';
import type { ScheduleTrigger } from './schedule-trigger.js';

/** Starts the execution of one tick, as the owner (app.ts: ExecutionService.execute, ASYNC). */
export type FireSchedule = (
  schedule: Schedule,
  owner: Viewer,
  tickMs: number,
) => Promise<Execution>;

/** The execution a tick started already, as the owner sees it (app.ts: by its idempotency key). */
export type StartedRun = (
  schedule: Schedule,
  owner: Viewer,
  tickMs: number,
) => Promise<Execution | null>;

export interface ScheduleServiceDependencies {
  store: ScheduleStore;
  trigger: ScheduleTrigger;
  patterns: PatternService;
  events: EventPublisher;
  audit: AuditLog;
  clock: Clock;
  fire: FireSchedule;
  /**
   * The run a tick started already (found by its idempotency key), or null: a tick handed out
   * again after its run started is neither charged again nor refused by the rate meanwhile.
   */
  startedRun?: StartedRun;
  /**
   * The owner's mutation rate: each tick's run is charged to it, as an executePattern (and
   * every composite run) is; a tick past it is skipped (LIMIT_EXCEEDED).
   */
  runRate?: RateLimiter;
  /** Schedules one user may have (LIMIT_EXCEEDED beyond). */
  maxPerUser: number;
  /** Bytes of JSON a schedule's input may hold. */
  maxInputBytes: number;
  onError?: (error: unknown, context: string) => void;
}

/** Codes of a refused execute that no retry of the same tick would change: the tick is skipped. */
const SKIPPING_CODES: ReadonlySet<string> = new Set([
  'BAD_USER_INPUT',
  'LIMIT_EXCEEDED',
  'FORBIDDEN',
  'NOT_FOUND',
]);

export class ScheduleService {
  constructor(private readonly deps: ScheduleServiceDependencies) {}

  /** schedulePattern's input, checked at the edge (every problem, under `input`). */
  parseInput(raw: unknown): ScheduleCommand {
    return parseScheduleInput(raw, { maxInputBytes: this.deps.maxInputBytes });
  }

  /** Checks the viewer may run the pattern with this input now, then stores and arms it. */
  async schedule(viewer: Viewer, command: ScheduleCommand): Promise<ScheduleRecord> {
    const pattern = await this.deps.patterns.get(viewer, command.patternId);
    if (!pattern) throw new NotFoundError('Pattern', command.patternId);
    if (!pattern.isActive)
      throw ValidationError.single(['input', 'patternId'], `pattern "${pattern.id}" is not active`);
    try {
      checkInput(compilePattern(pattern), command.input);
    } catch (error) {
      if (error instanceof ValidationError)
        throw new ValidationError(
          error.issues.map((issue) => ({ ...issue, path: ['input', ...issue.path] })),
        );
      throw error;
    }
    const now = this.deps.clock.now();
    const schedule: Schedule = {
      id: timeOrderedId('s', now),
      patternId: pattern.id,
      patternGeneration: pattern.generation,
      ownerId: viewer.id,
      ownerRoles: [...viewer.roles],
      timing: command.timing,
      input: command.input,
      createdAt: now.toISOString(),
    };
    const { maxPerUser } = this.deps;
    if (!(await this.deps.store.create(schedule, maxPerUser)))
      throw new LimitExceededError(`a user may have at most ${maxPerUser} schedules`);
    try {
      await this.deps.trigger.arm(schedule);
    } catch (error) {
      // No record of a schedule that will never tick.
      await this.deps.store.delete(schedule.id).catch(() => {});
      throw error;
    }
    return unfiredRecord(schedule);
  }

  /** Removes a schedule of the viewer's (any, for admins); false when there is none to see. */
  async unschedule(viewer: Viewer, id: string): Promise<boolean> {
    const schedule = await this.get(viewer, id);
    if (!schedule) return false;
    await this.remove(schedule.id);
    return true;
  }

  /** The schedule if the viewer owns it or is an admin; null otherwise (as if absent). */
  async get(viewer: Viewer, id: string): Promise<ScheduleRecord | null> {
    const schedule = await this.deps.store.get(id);
    return schedule && canSeeSchedule(viewer, schedule) ? schedule : null;
  }

  /** The viewer's schedules (everyone's for admins), newest first. */
  async list(
    viewer: Viewer,
    filter: { patternId: string | null },
    first: number,
    after: string | null,
  ): Promise<Page<ScheduleRecord, string>> {
    const position = after === null ? null : decodeKeysetCursor(after);
    const page = await this.deps.store.list({
      ownerId: isAdmin(viewer) ? null : viewer.id,
      patternId: filter.patternId,
      limit: first,
      after: position,
    });
    return {
      items: page.items.map((item) => ({ item, cursor: encodeKeysetCursor(positionOf(item)) })),
      totalCount: page.totalCount,
      hasNextPage: page.hasMore,
      hasPreviousPage: page.countBefore > 0,
    };
  }

  /** When the schedule ticks next, from now. */
  nextFireAt(schedule: Schedule): string {
    return new Date(nextTickMs(schedule, this.deps.clock.now().getTime())).toISOString();
  }

  /**
   * One tick (the trigger's handler): runs the pattern as the owner if they may still run it,
   * else records why not. A schedule whose pattern is gone is removed. Throws only when the
   * store cannot be reached, for the trigger to hand the tick out again.
   */
  readonly handleTick = async (scheduleId: string, tickMs: number): Promise<void> => {
    const schedule = await this.deps.store.get(scheduleId);
    if (!schedule) {
      // Its record went (unscheduled from another instance meanwhile): nothing more to tick.
      await this.deps.trigger.disarm(scheduleId);
      return;
    }
    const owner: Viewer = { id: schedule.ownerId, roles: schedule.ownerRoles };
    let skipped = await this.refusal(schedule, owner);
    let execution: Execution | null = null;
    if (skipped === null)
      execution = (await this.deps.startedRun?.(schedule, owner, tickMs)) ?? null;
    if (skipped === null && execution === null) {
      const charged = await this.deps.runRate?.consume(owner.id, 1);
      if (charged && !charged.allowed) skipped = 'LIMIT_EXCEEDED';
    }
    if (skipped === null && execution === null) {
      try {
        execution = await this.deps.fire(schedule, owner, tickMs);
      } catch (error) {
        // Removed while this tick was being handled: its run was refused at its start, and
        // there is no record left to count the tick in.
        if (error instanceof NotFoundError && error.resource === 'Schedule') {
          await this.deps.trigger.disarm(scheduleId);
          return;
        }
        skipped = skipReasonOf(error);
        if (skipped === null) throw error;
        // "Not found" also answers a pattern deactivated or made unreadable since the checks
        // above: the schedule goes only if the pattern is really gone.
        if (skipped === 'PATTERN_DELETED')
          skipped = (await this.refusal(schedule, owner)) ?? 'PATTERN_NOT_READABLE';
      }
    }
    // Ticks due since the latest one recorded that nothing handled (Redis out of reach, a tick
    // given up on) started no run either: counted as skipped now, with how many.
    const previousTickMs = schedule.lastFire?.tickMs ?? null;
    const missed = ticksBetween(schedule, previousTickMs ?? Date.parse(schedule.createdAt), tickMs);
    const fire = {
      tickMs,
      at: this.deps.clock.now().toISOString(),
      executionId: execution?.id ?? null,
      skipped,
      missed,
    };
    const recorded = await this.deps.store.recordFire(scheduleId, fire, previousTickMs);
    // A tick handed out again after it was recorded: its execution is the same (idempotency
    // key), and it was announced already.
    if (!recorded) return;
    await this.deps.events.publish({
      type: 'SCHEDULE_FIRED',
      patternId: schedule.patternId,
      executionId: fire.executionId,
      audience: schedule.ownerId,
      payload: { scheduleId, tickMs, executionId: fire.executionId, skipped, missed },
    });
    // Ticks missed are audited once per gap (an outage), with how many.
    if (missed > 0)
      await this.auditTick(
        schedule,
        owner,
        'scheduleTicksMissed',
        `${missed} ${missed === 1 ? 'tick' : 'ticks'} missed`,
      );
    // A streak of ticks skipped for one reason is audited once, when it starts: a schedule a
    // second on a pattern made inactive would otherwise write to the capped trail every second,
    // pushing everyone's entries out (skipCount and the events count every tick).
    const streak = schedule.lastFire?.skipped === skipped && skipped !== 'PATTERN_DELETED';
    if (skipped !== null && !streak)
      await this.auditTick(
        schedule,
        owner,
        skipped === 'PATTERN_DELETED' ? 'scheduleRemoved' : 'scheduleFireSkipped',
        skipped,
      );
    if (skipped === 'PATTERN_DELETED') await this.remove(scheduleId);
  };

  private async remove(id: string): Promise<void> {
    // The trigger first: a schedule that cannot be disarmed keeps its record (and can be
    // removed again), never a trigger ticking for a record that is gone.
    await this.deps.trigger.disarm(id);
    await this.deps.store.delete(id);
  }

  /** Why the owner may not run the pattern now, or null when they may. */
  private async refusal(schedule: Schedule, owner: Viewer): Promise<SkipReason | null> {
    const pattern: Pattern | null = await this.deps.patterns.get(owner, schedule.patternId);
    if (!pattern || pattern.generation !== schedule.patternGeneration) {
      const exists = await this.deps.patterns.get(SYSTEM_VIEWER, schedule.patternId);
      return exists && exists.generation === schedule.patternGeneration
        ? 'PATTERN_NOT_READABLE'
        : 'PATTERN_DELETED';
    }
    return pattern.isActive ? null : 'PATTERN_INACTIVE';
  }

  /** A tick's audit entry; a trail out of reach is reported, never failing the tick. */
  private async auditTick(
    schedule: Schedule,
    owner: Viewer,
    action: 'scheduleTicksMissed' | 'scheduleRemoved' | 'scheduleFireSkipped',
    outcome: string,
  ): Promise<void> {
    try {
      await this.deps.audit.append([
        {
          actor: owner.id,
          roles: owner.roles,
          action,
          targets: [schedule.id, schedule.patternId],
          outcome,
          at: this.deps.clock.now().toISOString(),
        },
      ]);
    } catch (error) {
      this.deps.onError?.(error, `audit of schedule ${schedule.id}`);
    }
  }
}

function canSeeSchedule(viewer: Viewer, schedule: Pick<Schedule, 'ownerId'>): boolean {
  return isAdmin(viewer) || schedule.ownerId === viewer.id;
}

function positionOf(schedule: Schedule): KeysetPosition {
  return { ms: Date.parse(schedule.createdAt), id: schedule.id };
}

/** A refusal that retrying this tick would not change; null for what may (store outages, bugs). */
function skipReasonOf(error: unknown): SkipReason | null {
  if (error instanceof ServiceUnavailableError || !(error instanceof DomainError)) return null;
  if (!SKIPPING_CODES.has(error.code)) return null;
  return error.code === 'NOT_FOUND' ? 'PATTERN_DELETED' : (error.code as SkipReason);
}
