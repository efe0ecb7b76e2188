/**
 * Executions as the viewer may read them, for fields that need the stored record beside an event
 * (NexusEvent.progress): every execution asked for in one tick (a page of events) is read once,
 * in one round trip, however many events name it.
 *
 * Nothing is cached past the batch: a subscription keeps its context for every event it
 * delivers, and each event needs the record as it is when that event is resolved.
 */
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { Execution } from '../../domain/execution/execution.js';
import type { Context } from '../../server/context.js';

const executionLoader = createContextCache(
  (ctx: Context) =>
    new DataLoader<string, Execution | null>(
      async (ids) => {
        const unique = [...new Set(ids)];
        const found = await ctx.services.executions.getMany(ctx.viewer, unique);
        const byId = new Map(unique.map((id, i) => [id, found[i] ?? null]));
        return ids.map((id) => byId.get(id) ?? null);
      },
      { cache: false },
    ),
);

/** The execution, or null when it is gone or the viewer may not read it. */
export function loadExecution(ctx: Context, id: string): Promise<Execution | null> {
  return executionLoader(ctx).load(id);
}
