import { compare } from './expand.js';
import type { AdjacentEdge } from './relationship.js';

export interface CycleResult {
  /** The entities in order; the first is repeated at the end (a → b → a). */
  entities: string[];
  relationshipIds: string[];
}

export interface CycleSearchOptions {
  /** Only cycles through this entity. */
  through: string | null;
  limit: number;
  /** Longest cycle, in relationships. */
  maxLength: number;
  /** Bound on DFS steps, so that a dense graph cannot hold the event loop. */
  budget: number;
}

/**
 * Elementary directed cycles of an in-memory graph (entity → outgoing edges). Each cycle is
 * reported once: when searching everywhere, from its smallest entity only, visiting larger
 * ones; when searching through an entity, as the closed walks that start there.
 */
export function findCycles(
  graph: ReadonlyMap<string, readonly AdjacentEdge[]>,
  options: CycleSearchOptions,
): CycleResult[] {
  const cycles: CycleResult[] = [];
  let steps = 0;
  const starts = options.through !== null ? [options.through] : [...graph.keys()].sort(compare);

  for (const start of starts) {
    if (cycles.length >= options.limit || steps >= options.budget) break;
    const allowed = (entity: string) => options.through !== null || compare(entity, start) > 0;
    const pathEntities = [start];
    const pathRelationships: string[] = [];
    const onPath = new Set([start]);

    const visit = (entity: string): void => {
      for (const edge of graph.get(entity) ?? []) {
        if (cycles.length >= options.limit || ++steps > options.budget) return;
        if (edge.neighbor === start) {
          cycles.push({
            entities: [...pathEntities, start],
            relationshipIds: [...pathRelationships, edge.relationshipId],
          });
          continue;
        }
        if (onPath.has(edge.neighbor) || !allowed(edge.neighbor)) continue;
        if (pathRelationships.length + 1 >= options.maxLength) continue;
        onPath.add(edge.neighbor);
        pathEntities.push(edge.neighbor);
        pathRelationships.push(edge.relationshipId);
        visit(edge.neighbor);
        pathRelationships.pop();
        pathEntities.pop();
        onPath.delete(edge.neighbor);
      }
    };
    visit(start);
  }
  return cycles;
}
