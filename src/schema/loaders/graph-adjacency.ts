/**
 * Per-request loaders for the graph: every entity asked for in one tick (a level of a nested
 * query) is read in one round trip.
 */
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { AdjacentEdge, Direction } from '../../domain/graph/relationship.js';
import type { Context } from '../../server/context.js';

type Key = `${Direction}|${string}`;

function byDirection<V>(
  load: (ids: string[], direction: Direction) => Promise<V[]>,
): DataLoader<Key, V> {
  return new DataLoader<Key, V>(async (keys) => {
    const groups = new Map<Direction, Array<{ index: number; id: string }>>();
    keys.forEach((key, index) => {
      const split = key.indexOf('|');
      const direction = key.slice(0, split) as Direction;
      groups.set(direction, [
        ...(groups.get(direction) ?? []),
        { index, id: key.slice(split + 1) },
      ]);
    });
    const results: V[] = new Array(keys.length);
    await Promise.all(
      [...groups].map(async ([direction, entries]) => {
        const values = await load(
          entries.map((entry) => entry.id),
          direction,
        );
        entries.forEach((entry, i) => {
          results[entry.index] = values[i] as V;
        });
      }),
    );
    return results;
  });
}

const adjacencyLoader = createContextCache((ctx: Context) =>
  byDirection<AdjacentEdge[]>((ids, direction) => ctx.services.graph.adjacency(ids, direction)),
);

const degreeLoader = createContextCache((ctx: Context) =>
  byDirection<number>((ids, direction) => ctx.services.graph.degrees(ids, direction)),
);

export function loadAdjacency(
  ctx: Context,
  id: string,
  direction: Direction,
): Promise<AdjacentEdge[]> {
  return adjacencyLoader(ctx).load(`${direction}|${id}`);
}

export function loadDegree(ctx: Context, id: string, direction: Direction): Promise<number> {
  return degreeLoader(ctx).load(`${direction}|${id}`);
}
