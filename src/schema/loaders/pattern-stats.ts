import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { PatternStats } from '../../domain/pattern/pattern.js';
import type { Context } from '../../server/context.js';

/** One batched read of statistics per request, however many patterns and fields ask. */
const statsLoader = createContextCache(
  (ctx: Context) => new DataLoader<string, PatternStats>((ids) => ctx.services.patterns.stats(ids)),
);

export function loadPatternStats(ctx: Context, patternId: string): Promise<PatternStats> {
  return statsLoader(ctx).load(patternId);
}
