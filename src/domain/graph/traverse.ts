import type { ExpandMany } from './expand.js';
import type { Direction, RelationshipType } from './relationship.js';

export interface TraverseOptions {
  from: string;
  maxDepth: number;
  direction: Direction;
  types: ReadonlySet<RelationshipType> | null;
  /** Most entities in the result, the start included. */
  limit: number;
}

export interface TraversalResult {
  entities: Array<{ id: string; depth: number }>;
  /** Relationships followed between entities of the result. */
  relationshipIds: string[];
}

/**
 * Breadth-first from `from`: each entity once, at its shortest depth; one expansion per level.
 * Edges are taken in the store's order (creation order in both adapters), which decides who
 * makes the cut when `limit` truncates; this is the hot loop, so no sorting here.
 */
export async function traverse(
  expand: ExpandMany,
  options: TraverseOptions,
): Promise<TraversalResult> {
  const depthOf = new Map<string, number>([[options.from, 0]]);
  const entities = [{ id: options.from, depth: 0 }];
  const relationshipIds = new Set<string>();
  let frontier = [options.from];

  for (let depth = 1; depth <= options.maxDepth && frontier.length > 0; depth++) {
    const edgesPerEntity = await expand(frontier, options.direction);
    const next: string[] = [];
    const types = options.types;
    for (const edges of edgesPerEntity) {
      for (const edge of edges) {
        if (types !== null && !types.has(edge.type)) continue;
        if (!depthOf.has(edge.neighbor)) {
          if (entities.length >= options.limit) continue;
          depthOf.set(edge.neighbor, depth);
          entities.push({ id: edge.neighbor, depth });
          next.push(edge.neighbor);
        }
        relationshipIds.add(edge.relationshipId);
      }
    }
    frontier = next;
  }
  return { entities, relationshipIds: [...relationshipIds] };
}
