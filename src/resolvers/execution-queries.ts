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
    description:
      'A dry run that touches nothing: levels, the critical path, what each step will do and the write conflicts, for this input. Errors: NOT_FOUND (no such pattern the caller may read), BAD_USER_INPUT (the input lacks a field a template needs, as executePattern would refuse it).',
    args: {
      id: t.arg.id({ required: true, description: 'The pattern to plan (its current version).' }),
      input: t.arg({ type: 'JSON', description: 'The input executePattern would be given.' }),
    },
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
    description:
      'One execution; null when it does not exist, has expired (NEXUS_EXECUTION_RETENTION_DAYS) or is someone else’s (only its starter and admins may read it).',
    args: { id: t.arg.id({ required: true, description: 'The execution id.' }) },
    resolve: (_, args, ctx) => ctx.services.executions.get(ctx.viewer, String(args.id)),
  }),
  executions: t.field({
    type: ExecutionConnectionRef,
    description:
      'Executions the caller may read (their own; every one for admins), newest first, kept NEXUS_EXECUTION_RETENTION_DAYS (7 by default).',
    args: {
      patternId: t.arg.id({ description: 'Only executions of this pattern.' }),
      status: t.arg({
        type: ExecutionStatusEnum,
        description: 'Only executions in this status.',
      }),
      first: t.arg.int({ description: 'Page size, 0–100; default 20.' }),
      after: t.arg.string({
        description:
          'An endCursor of an earlier page: read what follows it (BAD_USER_INPUT when malformed).',
      }),
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
    description:
      'The progress of an execution, as executionProgress would send it now; null when the caller may not read the execution or it does not exist.',
    args: { id: t.arg.id({ required: true, description: 'The execution id.' }) },
    resolve: (_, args, ctx) => ctx.services.executions.progress(ctx.viewer, String(args.id)),
  }),
}));
