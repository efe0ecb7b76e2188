import { pageSize } from '../domain/shared/pagination.js';
import { builder } from '../schema/builder.js';
import { toConnection } from '../schema/connection.js';
import { ScheduleConnectionRef, ScheduleRef } from '../schema/types/schedule.js';

builder.queryFields((t) => ({
  schedule: t.field({
    type: ScheduleRef,
    nullable: true,
    description: 'A schedule of yours (any, for admins); null otherwise.',
    args: { id: t.arg.id({ required: true, description: 'The schedule id.' }) },
    resolve: (_, args, ctx) => ctx.services.schedules.get(ctx.viewer, String(args.id)),
  }),
  schedules: t.field({
    type: ScheduleConnectionRef,
    description: "Your schedules (everyone's, for admins), newest first.",
    args: {
      patternId: t.arg.id({ description: "Only this pattern's." }),
      first: t.arg.int({ description: 'Page size, 0–100 (default 20).' }),
      after: t.arg.string({ description: 'The endCursor of the previous page.' }),
    },
    resolve: async (_, args, ctx) =>
      toConnection(
        await ctx.services.schedules.list(
          ctx.viewer,
          { patternId: args.patternId == null ? null : String(args.patternId) },
          pageSize(args.first),
          args.after ?? null,
        ),
      ),
  }),
}));
