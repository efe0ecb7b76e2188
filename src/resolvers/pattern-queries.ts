import { pageSize } from '../domain/shared/pagination.js';
import { builder } from '../schema/builder.js';
import { toConnection } from '../schema/connection.js';
import { PatternConnectionRef, PatternFilterInput, PatternRef } from '../schema/types/pattern.js';

builder.queryFields((t) => ({
  pattern: t.field({
    type: PatternRef,
    nullable: true,
    description:
      'The current version of a pattern, or the given version. Null when unknown or not readable by the caller (someone else’s USER pattern, an inactive SYSTEM pattern for a non-admin).',
    args: {
      id: t.arg.id({ required: true, description: 'The pattern id.' }),
      version: t.arg.int({
        description: 'A version number (1 and up); the current version when omitted.',
      }),
    },
    resolve: (_, args, ctx) => ctx.services.patterns.get(ctx.viewer, String(args.id), args.version),
  }),
  patterns: t.field({
    type: PatternConnectionRef,
    description:
      'Patterns the caller may read (active SYSTEM ones and their own; all for admins), newest updatedAt first (ties: id descending). Keyset cursors: an item never shows twice or is skipped because others changed between pages.',
    args: {
      filter: t.arg({ type: PatternFilterInput, description: 'Only patterns that match it.' }),
      first: t.arg.int({ description: 'Page size, 0–100; default 20.' }),
      after: t.arg.string({
        description:
          'An endCursor of an earlier page: read what follows it (BAD_USER_INPUT when malformed).',
      }),
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
