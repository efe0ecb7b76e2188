import { builder } from '../schema/builder.js';
import { SchedulePatternInput, ScheduleRef } from '../schema/types/schedule.js';

builder.mutationFields((t) => ({
  schedulePattern: t.field({
    type: ScheduleRef,
    description:
      'Runs a pattern as you on a cron pattern or every everyMs, one ASYNC execution per tick (whatever the number of instances). Checked now as executePattern would be (and again at each tick); at most NEXUS_SCHEDULES_PER_USER schedules per user (LIMIT_EXCEEDED).',
    args: {
      input: t.arg({
        type: SchedulePatternInput,
        required: true,
        description:
          'The pattern, when it fires (cron or everyMs), the timezone of a cron, and the input of each run.',
      }),
    },
    resolve: (_, args, ctx) =>
      ctx.services.schedules.schedule(ctx.viewer, ctx.services.schedules.parseInput(args.input)),
  }),
  unschedulePattern: t.field({
    type: 'Boolean',
    description:
      'Removes a schedule of yours (any, for admins): no more ticks. False when there is no such schedule you may see.',
    args: { id: t.arg.id({ required: true, description: 'The schedule id.' }) },
    resolve: (_, args, ctx) => ctx.services.schedules.unschedule(ctx.viewer, String(args.id)),
  }),
}));
