import { ValidationError } from '../domain/shared/errors.js';
import type { JsonValue } from '../domain/shared/json.js';
import { builder } from '../schema/builder.js';
import { ExecutionModeEnum, ExecutionRef } from '../schema/types/execution.js';

builder.mutationFields((t) => ({
  executePattern: t.field({
    type: ExecutionRef,
    description:
      'Runs the current version. SYNC waits for the end (bounded by NEXUS_EXECUTION_TIMEOUT_MS); ASYNC returns at once. The same idempotencyKey for the same pattern within 24 h returns the first execution. Errors: NOT_FOUND (no such pattern the caller may run), BAD_USER_INPUT (the input lacks a field a template needs: one issue per missing path, before any step runs), LIMIT_EXCEEDED (the caller’s concurrent executions), SERVICE_UNAVAILABLE (Redis unreachable; with `extensions.executionId` when a SYNC run ended but could not be recorded yet). A run that fails is not an error: it returns status FAILED.',
    args: {
      id: t.arg.id({ required: true, description: 'The id of the pattern to run.' }),
      input: t.arg({
        type: 'JSON',
        description:
          'What the step templates read ({name} reads input.name); default null. At most NEXUS_MAX_JSON_DEPTH levels deep and NEXUS_MAX_JSON_BYTES bytes of JSON (BAD_USER_INPUT at `input` beyond).',
      }),
      mode: t.arg({
        type: ExecutionModeEnum,
        defaultValue: 'SYNC',
        required: true,
        description:
          'SYNC waits for the end; ASYNC returns the execution at once (RUNNING, or PENDING while it waits for a worker or its startAt).',
      }),
      idempotencyKey: t.arg.string({
        description:
          '1–200 characters, per user and pattern: a retry with the same key within 24 h returns the first execution instead of running again.',
      }),
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
      'Aborts running steps and marks the rest CANCELLED (from any instance: the request is broadcast, and the answer waits up to a second for the CANCELLED record of a run elsewhere; a PENDING execution ends CANCELLED at once); a finished execution is returned as it is. NOT_FOUND when the caller may not read it.',
    args: { id: t.arg.id({ required: true, description: 'The execution to cancel.' }) },
    resolve: (_, args, ctx) => ctx.services.executions.cancel(ctx.viewer, String(args.id)),
  }),
}));
