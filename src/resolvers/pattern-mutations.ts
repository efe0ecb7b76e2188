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
  deletePattern: t.field({
    type: 'Boolean',
    description: 'Removes the pattern with every version and statistic.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_, args, ctx) => ctx.services.patterns.delete(ctx.viewer, String(args.id)),
  }),
}));
