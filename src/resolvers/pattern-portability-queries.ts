import { ValidationError } from '../domain/shared/errors.js';
import { builder } from '../schema/builder.js';
import { PatternFilterInput } from '../schema/types/pattern.js';

builder.queryFields((t) => ({
  exportPatterns: t.field({
    type: 'JSON',
    description:
      'A portable document `{ format: "nexus.patterns", formatVersion: 1, exportedAt, patterns }` of the named patterns, or of those matching the filter (every readable one without either); at most 100.',
    args: {
      ids: t.arg.idList({ description: 'The patterns to export; every one must exist.' }),
      filter: t.arg({
        type: PatternFilterInput,
        description: 'Instead of ids: the patterns this filter lists.',
      }),
      includeVersions: t.arg.boolean({
        defaultValue: false,
        description: 'Also every version of each pattern, oldest first.',
      }),
    },
    resolve: (_, args, ctx) => {
      if (args.ids && args.filter) {
        throw ValidationError.single(['filter'], 'give ids or a filter, not both');
      }
      const filter = args.filter ?? {};
      const selection = args.ids
        ? { ids: args.ids.map(String) }
        : {
            filter: {
              origin: filter.origin ?? undefined,
              category: filter.category ?? undefined,
              isActive: filter.isActive ?? undefined,
              createdBy: filter.createdBy ?? undefined,
              search: filter.search ?? undefined,
            },
          };
      return ctx.services.patterns.exportDocument(
        ctx.viewer,
        selection,
        args.includeVersions ?? false,
      );
    },
  }),
}));
