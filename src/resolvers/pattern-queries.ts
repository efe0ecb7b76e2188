import { pageSize } from '../domain/shared/pagination.js';
import { builder } from '../schema/builder.js';
import { toConnection } from '../schema/connection.js';
import { PatternConnectionRef, PatternFilterInput, PatternRef } from '../schema/types/pattern.js';

builder.queryFields((t) => ({
  pattern: t.field({
    type: PatternRef,
    nullable: true,
    description: 'The current version of a pattern, or the given version. Null when unknown.',
    args: {
      id: t.arg.id({ required: true }),
      version: t.arg.int(),
    },
    resolve: (_, args, ctx) => ctx.services.patterns.get(ctx.viewer, String(args.id), args.version),
  }),
  patterns: t.field({
    type: PatternConnectionRef,
    description: 'Patterns, newest updatedAt first.',
    args: {
      filter: t.arg({ type: PatternFilterInput }),
      first: t.arg.int({ description: 'Page size, 0–100; default 20.' }),
      after: t.arg.string(),
    },
    resolve: async (_, args, ctx) => {
      const filter = args.filter ?? {};
      const page = await ctx.services.patterns.list(
        ctx.viewer,
        {
          origin: filter.origin ?? undefined,
          category: filter.category ?? undefined,
          isActive: filter.isActive ?? undefined,
          createdBy: filter.createdBy ?? undefined,
          search: filter.search ?? undefined,
        },
        pageSize(args.first),
        args.after ?? null,
      );
      return toConnection(page);
    },
  }),
}));
