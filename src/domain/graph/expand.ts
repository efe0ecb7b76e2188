import type { AdjacentEdge, Direction, RelationshipType } from './relationship.js';

/** Edges at each of many entities, in one round trip: what every algorithm here builds on. */
export type ExpandMany = (
  entityIds: readonly string[],
  direction: Direction,
) => Promise<AdjacentEdge[][]>;

/** Keeps the edges of the given types (all when null), in a stable order: neighbour, then id. */
export function selectEdges(
  edges: readonly AdjacentEdge[],
  types: ReadonlySet<RelationshipType> | null,
): AdjacentEdge[] {
  return edges
    .filter((edge) => types === null || types.has(edge.type))
    .sort((a, b) =>
      a.neighbor === b.neighbor
        ? compare(a.relationshipId, b.relationshipId)
        : compare(a.neighbor, b.neighbor),
    );
}

export function reverse(direction: Direction): Direction {
  return direction === 'OUT' ? 'IN' : direction === 'IN' ? 'OUT' : 'BOTH';
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
