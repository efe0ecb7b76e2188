import { builder } from '../schema/builder.js';
import { CreatePatternInput, PatternRef, UpdatePatternInput } from '../schema/types/pattern.js';

builder.mutationFields((t) => ({
  createPattern: t.field({
    type: PatternRef,
    args: { input: t.arg({ type: CreatePatternInput, required: true }) },
    resolve: (_, args, ctx) =>
      ctx.services.patterns.create(
        ctx.viewer,
        ctx.services.patterns.input.parseCreate(args.input, ['input']),
      ),
  }),
  updatePattern: t.field({
    type: PatternRef,
    description:
      'Writes version n+1 and keeps n. With expectedVersion, fails with CONFLICT when the pattern has moved on.',
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: UpdatePatternInput, required: true }),
      expectedVersion: t.arg.int(),
    },
    resolve: (_, args, ctx) =>
      ctx.services.patterns.update(
        ctx.viewer,
        String(args.id),
        ctx.services.patterns.input.parseUpdate(args.input, ['input']),
        args.expectedVersion,
      ),
  }),
  restorePatternVersion: t.field({
    type: PatternRef,
    description:
      'Writes version n+1 with the content of an earlier version, as updatePattern would (permissions, validation, expectedVersion). Restoring the current content writes nothing and returns the current version.',
    args: {
      id: t.arg.id({ required: true }),
      version: t.arg.int({ required: true, description: 'The version whose content to restore.' }),
      expectedVersion: t.arg.int({
        description: 'CONFLICT unless the pattern is at this version.',
      }),
    },
    resolve: (_, args, ctx) =>
      ctx.services.patterns.restore(
        ctx.viewer,
        String(args.id),
        args.version,
        args.expectedVersion,
      ),
  }),
  deletePattern: t.field({
    type: 'Boolean',
    description: 'Removes the pattern with every version and statistic.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_, args, ctx) => ctx.services.patterns.delete(ctx.viewer, String(args.id)),
  }),
}));
