import type { ExpandMany } from './expand.js';
import type { AcyclicRelation, AdjacentEdge, RelationshipType } from './relationship.js';

/**
 * The arc a new relationship adds to its acyclic relation, as (upper → lower): a PARENT edge
 * a→b and a CHILD edge b→a both put a above b; an OWNER edge a→b puts a above b.
 */
export function arcOf(
  type: RelationshipType,
  from: string,
  to: string,
): { upper: string; lower: string } {
  return type === 'CHILD' ? { upper: to, lower: from } : { upper: from, lower: to };
}

/** Whether an existing edge, seen from an entity, points down the relation from it. */
function leadsDown(relation: AcyclicRelation, edge: AdjacentEdge): boolean {
  if (relation === 'ownership') return edge.type === 'OWNER' && edge.direction === 'OUT';
  return (
    (edge.type === 'PARENT' && edge.direction === 'OUT') ||
    (edge.type === 'CHILD' && edge.direction === 'IN')
  );
}

/**
 * The cycle that adding upper → lower would close, as entities from `upper` back to `upper`,
 * or null. Breadth-first down the relation from `lower`, one expansion per level.
 */
export async function cycleClosedBy(
  expand: ExpandMany,
  relation: AcyclicRelation,
  upper: string,
  lower: string,
): Promise<string[] | null> {
  const cameFrom = new Map<string, string | null>([[lower, null]]);
  let frontier = [lower];
  while (frontier.length > 0 && !cameFrom.has(upper)) {
    const edgesPerEntity = await expand(frontier, relation === 'ownership' ? 'OUT' : 'BOTH');
    const next: string[] = [];
    frontier.forEach((entity, i) => {
      for (const edge of edgesPerEntity[i] ?? []) {
        if (!leadsDown(relation, edge) || cameFrom.has(edge.neighbor)) continue;
        cameFrom.set(edge.neighbor, entity);
        next.push(edge.neighbor);
      }
    });
    frontier = next;
  }
  if (!cameFrom.has(upper)) return null;
  const downFromLower: string[] = [];
  for (let at: string | null | undefined = upper; at != null; at = cameFrom.get(at)) {
    downFromLower.unshift(at);
  }
  return [upper, ...downFromLower];
}
