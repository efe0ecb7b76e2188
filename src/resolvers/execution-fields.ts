import { progressOf } from '../domain/execution/progress.js';
import { NotFoundError } from '../domain/shared/errors.js';
import { pageSize } from '../domain/shared/pagination.js';
import { builder } from '../schema/builder.js';
import {
  ExecutionConnectionRef,
  ExecutionRef,
  ExecutionStatusEnum,
  ProgressRef,
  StepResultRef,
} from '../schema/types/execution.js';
import { PatternRef } from '../schema/types/pattern.js';
import { toConnection } from './connection.js';

ExecutionRef.implement({
  description: 'One run of a pattern.',
  fields: (t) => ({
    id: t.exposeID('id'),
    pattern: t.field({
      type: PatternRef,
      description: 'The pattern as it was at the version this execution ran.',
      resolve: async (execution, _, ctx) => {
        const pattern = await ctx.services.patterns.get(
          ctx.viewer,
          execution.patternId,
          execution.patternVersion,
        );
        if (!pattern) throw new NotFoundError('Pattern', execution.patternId);
        return pattern;
      },
    }),
    patternVersion: t.exposeInt('patternVersion'),
    status: t.expose('status', { type: ExecutionStatusEnum }),
    input: t.expose('input', { type: 'JSON', nullable: true }),
    output: t.expose('output', { type: 'JSON', nullable: true }),
    steps: t.expose('steps', { type: [StepResultRef] }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
    durationMs: t.exposeInt('durationMs', { nullable: true }),
    error: t.exposeString('error', { nullable: true }),
    createdBy: t.exposeString('createdBy'),
    idempotencyKey: t.exposeString('idempotencyKey', { nullable: true }),
    progress: t.field({ type: ProgressRef, resolve: (execution) => progressOf(execution) }),
  }),
});

builder.objectFields(PatternRef, (t) => ({
  executions: t.field({
    type: ExecutionConnectionRef,
    description: 'Executions of this pattern (any version), newest first.',
    args: {
      first: t.arg.int(),
      after: t.arg.string(),
      status: t.arg({ type: ExecutionStatusEnum }),
    },
    resolve: async (pattern, args, ctx) =>
      toConnection(
        await ctx.services.executions.list(
          ctx.viewer,
          { patternId: pattern.id, status: args.status ?? null },
          pageSize(args.first),
          args.after ?? null,
        ),
      ),
  }),
}));
