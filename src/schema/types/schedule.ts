import { RECENT_EXECUTIONS_KEPT, type ScheduleRecord } from '../../domain/schedule/schedule.js';
import {
  DEFAULT_TIMEZONE,
  MAX_EVERY_MS,
  MIN_EVERY_MS,
} from '../../domain/schedule/schedule-input.js';
import { builder } from '../builder.js';
import { loadExecution } from '../loaders/executions.js';
import { ExecutionRef } from './execution.js';
import { PatternRef } from './pattern.js';

export const ScheduleRef = builder.objectRef<ScheduleRecord>('Schedule').implement({
  description:
    'A pattern run on a cron pattern or at a fixed interval, as its owner: one execution per tick however many instances run. Seen only by its owner and admins.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The schedule id (unschedulePattern takes it).' }),
    patternId: t.exposeID('patternId', { description: 'The pattern each tick runs.' }),
    pattern: t.field({
      type: PatternRef,
      nullable: true,
      description:
        'The current version of the pattern, as you may read it; null when it is gone (its schedule is then removed at its next tick) or not yours to read.',
      resolve: (schedule, _, ctx) => ctx.services.patterns.get(ctx.viewer, schedule.patternId),
    }),
    cron: t.string({
      nullable: true,
      description: 'The cron pattern (5 fields, or 6 with seconds first); null for an interval.',
      resolve: (schedule) => (schedule.timing.kind === 'cron' ? schedule.timing.cron : null),
    }),
    everyMs: t.int({
      nullable: true,
      description:
        'The interval in ms; ticks at createdAt + k·everyMs (k ≥ 1). Null for a cron pattern.',
      resolve: (schedule) => (schedule.timing.kind === 'every' ? schedule.timing.everyMs : null),
    }),
    timezone: t.string({
      nullable: true,
      description: 'The IANA zone the cron pattern is read in; null for an interval.',
      resolve: (schedule) => (schedule.timing.kind === 'cron' ? schedule.timing.timezone : null),
    }),
    input: t.expose('input', {
      type: 'JSON',
      nullable: true,
      description: 'The input every execution gets.',
    }),
    owner: t.exposeString('ownerId', {
      description:
        'Who the executions run as (who scheduled it); the permission to run the pattern is checked again at each tick.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was scheduled.' }),
    nextFireAt: t.field({
      type: 'DateTime',
      description: 'The next tick from now.',
      resolve: (schedule, _, ctx) => ctx.services.schedules.nextFireAt(schedule),
    }),
    lastFiredAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the latest tick was handled (null before the first).',
      resolve: (schedule) => schedule.lastFire?.at ?? null,
    }),
    lastTick: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        "The time of the latest tick handled: the tick the execution's idempotency key names.",
      resolve: (schedule) =>
        schedule.lastFire ? new Date(schedule.lastFire.tickMs).toISOString() : null,
    }),
    lastSkipReason: t.string({
      nullable: true,
      description:
        'Why the latest tick started no execution (PATTERN_DELETED, PATTERN_NOT_READABLE, PATTERN_INACTIVE, BAD_USER_INPUT, LIMIT_EXCEEDED, FORBIDDEN); null when it started one.',
      resolve: (schedule) => schedule.lastFire?.skipped ?? null,
    }),
    lastExecution: t.field({
      type: ExecutionRef,
      nullable: true,
      description: 'The execution of the latest tick that started one; null if none (or expired).',
      resolve: (schedule, _, ctx) => {
        const id = schedule.recentExecutionIds[0];
        return id === undefined ? null : loadExecution(ctx, id);
      },
    }),
    lastExecutions: t.field({
      type: [ExecutionRef],
      description:
        'The executions of the latest ticks, newest first (up to 20 are kept; expired ones are left out).',
      args: { first: t.arg.int({ description: 'How many, 1–20 (default 20).' }) },
      resolve: async (schedule, args, ctx) => {
        const kept = RECENT_EXECUTIONS_KEPT;
        const first = Math.max(1, Math.min(kept, args.first ?? kept));
        const found = await Promise.all(
          schedule.recentExecutionIds.slice(0, first).map((id) => loadExecution(ctx, id)),
        );
        return found.filter((execution) => execution !== null);
      },
    }),
    fireCount: t.exposeInt('fireCount', { description: 'Ticks that started an execution.' }),
    skipCount: t.exposeInt('skipCount', {
      description: 'Ticks that started none (the missed ones included).',
    }),
    missedCount: t.exposeInt('missedCount', {
      description:
        'Ticks that fell due but no process handled (Redis out of reach, a tick given up on), counted when the next tick handled found the gap.',
    }),
  }),
});

const ScheduleEdgeRef = builder.edgeObject({
  name: 'ScheduleEdge',
  type: ScheduleRef,
  description: 'One schedule in a page.',
});

export const ScheduleConnectionRef = builder.connectionObject(
  {
    name: 'ScheduleConnection',
    type: ScheduleRef,
    description: 'Schedules, newest first.',
    fields: (t) => ({
      totalCount: t.exposeInt('totalCount', { description: 'Matching schedules in all.' }),
    }),
  },
  ScheduleEdgeRef,
);

export const SchedulePatternInput = builder.inputType('SchedulePatternInput', {
  description: 'What to run and when: exactly one of cron and everyMs.',
  fields: (t) => ({
    patternId: t.id({
      required: true,
      description: 'The pattern to run (you must be able to execute it).',
    }),
    cron: t.string({
      description: `A cron pattern: 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first, e.g. "0 9 * * 1-5".`,
    }),
    everyMs: t.int({
      description: `An interval in ms, ${MIN_EVERY_MS}–${MAX_EVERY_MS}; the first tick is one interval after scheduling.`,
    }),
    timezone: t.string({
      description: `The IANA time zone the cron pattern is read in (cron only), e.g. "Europe/Paris"; default ${DEFAULT_TIMEZONE}.`,
    }),
    input: t.field({ type: 'JSON', description: 'The input of every execution.' }),
  }),
});
