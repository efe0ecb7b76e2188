import { ValidationError } from '../domain/shared/errors.js';
import type { JsonValue } from '../domain/shared/json.js';
import { builder } from '../schema/builder.js';
import { ExecutionModeEnum, ExecutionRef } from '../schema/types/execution.js';

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
      startAt: t.arg({
        type: 'DateTime',
        description:
          'A delayed start (ASYNC only): the execution is stored PENDING and starts then, on any instance. At most 30 days ahead, not in the past; a user may have 100 executions waiting to start.',
      }),
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
        startAt: args.startAt ?? null,
        scheduleId: null,
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
