import type { JsonValue } from '../domain/shared/json.js';
import { pageSize } from '../domain/shared/pagination.js';
import { builder } from '../schema/builder.js';
import { toConnection } from '../schema/connection.js';
import {
  ExecutionConnectionRef,
  ExecutionPlanRef,
  ExecutionRef,
  ExecutionStatusEnum,
  ProgressRef,
} from '../schema/types/execution.js';

builder.queryFields((t) => ({
  planPattern: t.field({
    type: ExecutionPlanRef,
    description: 'A dry run that touches nothing: levels, the critical path, and the input check.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: 'JSON' }) },
    resolve: (_, args, ctx) =>
      ctx.services.executions.plan(
        ctx.viewer,
        String(args.id),
        (args.input ?? null) as JsonValue | null,
      ),
  }),
  execution: t.field({
    type: ExecutionRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_, args, ctx) => ctx.services.executions.get(ctx.viewer, String(args.id)),
  }),
  executions: t.field({
    type: ExecutionConnectionRef,
    description: 'Executions, newest first.',
    args: {
      patternId: t.arg.id(),
      status: t.arg({ type: ExecutionStatusEnum }),
      first: t.arg.int(),
      after: t.arg.string(),
    },
    resolve: async (_, args, ctx) =>
      toConnection(
        await ctx.services.executions.list(
          ctx.viewer,
          {
            patternId: args.patternId == null ? null : String(args.patternId),
            status: args.status ?? null,
          },
          pageSize(args.first),
          args.after ?? null,
        ),
      ),
  }),
  progress: t.field({
    type: ProgressRef,
    nullable: true,
    description: 'The progress of an execution (its id).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_, args, ctx) => ctx.services.executions.progress(ctx.viewer, String(args.id)),
  }),
}));
