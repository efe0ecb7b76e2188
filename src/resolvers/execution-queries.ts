import { ValidationError } from '../domain/shared/errors.js';
import type { JsonValue } from '../domain/shared/json.js';
import { pageSize } from '../domain/shared/pagination.js';
import { builder } from '../schema/builder.js';
import { toConnection } from '../schema/connection.js';
import {
  ExecutionConnectionRef,
  ExecutionModeEnum,
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

builder.mutationFields((t) => ({
  executePattern: t.field({
    type: ExecutionRef,
    description:
      'Runs the current version. SYNC waits for the end (bounded by NEXUS_EXECUTION_TIMEOUT_MS); ASYNC returns at once. The same idempotencyKey for the same pattern within 24 h returns the first execution.',
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: 'JSON' }),
      mode: t.arg({ type: ExecutionModeEnum, defaultValue: 'SYNC', required: true }),
      idempotencyKey: t.arg.string(),
    },
    resolve: (_, args, ctx) => {
      const key = args.idempotencyKey ?? null;
      if (key !== null && (key.length < 1 || key.length > 200)) {
        throw ValidationError.single(['idempotencyKey'], 'must be 1–200 characters');
      }
      return ctx.services.executions.execute(ctx.viewer, {
        patternId: String(args.id),
        input: (args.input ?? null) as JsonValue | null,
        mode: args.mode,
        idempotencyKey: key,
      });
    },
  }),
  cancelExecution: t.field({
    type: ExecutionRef,
    description:
      'Aborts running steps and marks the rest CANCELLED; a finished execution is returned as it is.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_, args, ctx) => ctx.services.executions.cancel(ctx.viewer, String(args.id)),
  }),
}));
