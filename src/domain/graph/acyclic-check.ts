import { LimitExceededError } from '../shared/errors.js';
import type { AcyclicGuard, EntityVersion, VersionedEdges } from './graph-store.js';
import type { AcyclicRelation, AdjacentEdge, Direction, RelationshipType } from './relationship.js';

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

/** Versioned edges of many entities in one round trip (GraphStore.versionedAdjacency). */
export type ExpandVersioned = (
  relation: AcyclicRelation,
  entityIds: readonly string[],
  direction: Direction,
) => Promise<VersionedEdges[]>;

/** The cycle the arc would close, or the guard under which it may be written. */
export type AcyclicCheck = { cycle: string[] } | { guard: AcyclicGuard };

/**
 * Whether adding upper → lower would close a cycle: breadth-first down the relation from
 * `lower`, one expansion per level. When it would not, every entity below `lower` is in the
 * guard with the version it had before its edges were read, so the write can verify, inside
 * the store and atomically, that nothing was added below them since. The cycle is given as
 * entities from `upper` back to `upper`. More than `maxEntities` below `lower` is
 * LIMIT_EXCEEDED: a hostile hierarchy must not make every create walk all of it.
 */
export async function checkAcyclic(
  expand: ExpandVersioned,
  relation: AcyclicRelation,
  upper: string,
  lower: string,
  maxEntities: number,
): Promise<AcyclicCheck> {
  const cameFrom = new Map<string, string | null>([[lower, null]]);
  const seen: EntityVersion[] = [];
  let frontier = [lower];
  while (frontier.length > 0 && !cameFrom.has(upper)) {
    if (cameFrom.size > maxEntities) {
      throw new LimitExceededError(
        `checking this relationship for a cycle would visit more than ${maxEntities} entities below ${lower}`,
      );
    }
    const perEntity = await expand(relation, frontier, relation === 'ownership' ? 'OUT' : 'BOTH');
    const next: string[] = [];
    frontier.forEach((entity, i) => {
      const read = perEntity[i] ?? { version: 0, edges: [] };
      seen.push({ entity, version: read.version });
      for (const edge of read.edges) {
        if (!leadsDown(relation, edge) || cameFrom.has(edge.neighbor)) continue;
        cameFrom.set(edge.neighbor, entity);
        next.push(edge.neighbor);
      }
    });
    frontier = next;
  }
  if (!cameFrom.has(upper)) return { guard: { seen } };
  const downFromLower: string[] = [];
  for (let at: string | null | undefined = upper; at != null; at = cameFrom.get(at)) {
    downFromLower.unshift(at);
  }
  return { cycle: [upper, ...downFromLower] };
}
