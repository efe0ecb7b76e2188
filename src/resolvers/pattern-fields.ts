import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { PatternStats } from '../domain/pattern/pattern.js';
import { avgDurationMs, successRate } from '../domain/pattern/pattern.js';
import { builder } from '../schema/builder.js';
import { PatternRef } from '../schema/types/pattern.js';
import type { Context } from '../server/context.js';

/** One batched read of statistics per request, however many patterns and fields ask. */
const statsLoader = createContextCache(
  (ctx: Context) => new DataLoader<string, PatternStats>((ids) => ctx.services.patterns.stats(ids)),
);

builder.objectFields(PatternRef, (t) => ({
  versions: t.field({
    type: [PatternRef],
    description: 'Every version of this pattern, oldest first.',
    resolve: (pattern, _, ctx) => ctx.services.patterns.versions(ctx.viewer, pattern.id),
  }),
  usageCount: t.int({
    resolve: async (pattern, _, ctx) => (await statsLoader(ctx).load(pattern.id)).usageCount,
  }),
  successRate: t.float({
    description: 'Succeeded executions / all executions; 0 before the first.',
    resolve: async (pattern, _, ctx) => successRate(await statsLoader(ctx).load(pattern.id)),
  }),
  avgDurationMs: t.float({
    nullable: true,
    resolve: async (pattern, _, ctx) => avgDurationMs(await statsLoader(ctx).load(pattern.id)),
  }),
}));
