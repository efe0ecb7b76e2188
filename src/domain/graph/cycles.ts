import { compare } from './expand.js';
import type { AdjacentEdge } from './relationship.js';
import { stronglyConnectedComponents } from './strongly-connected.js';

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
  /** Bound on the work (edges looked at), so that a dense graph cannot hold the event loop. */
  budget: number;
}

export interface CycleSearch {
  cycles: CycleResult[];
  /** The budget ran out before the search finished: `cycles` may be missing some. */
  exhausted: boolean;
  /** Edges looked at. */
  steps: number;
}

interface Arc {
  to: number;
  relationshipId: string;
}

/**
 * Elementary directed cycles of an in-memory graph (entity → outgoing edges), at most
 * `maxLength` long. Each cycle is reported once: when searching everywhere, from its smallest
 * entity, visiting only larger ones (as Johnson's algorithm does); through an entity, as the
 * closed walks that start there.
 *
 * A cycle lies inside one strongly connected component, so only arcs within a component are
 * searched: acyclic regions cost one linear pass. Within a component the depth-first search
 * keeps, for each entity, a barrier: a lower bound on how many arcs it needs to get back to the
 * start without touching the path (Johnson's blocking, made exact under a length bound, as in
 * the barrier search of Peng et al. and Gupta–Suzumura). An entity is entered only when the
 * path plus its barrier fits in `maxLength`; a failed visit raises its barrier, a found cycle
 * lowers the barriers behind it. Each entity is thus explored again only at a shallower depth,
 * so a start costs at most maxLength passes over its component, however many paths there are.
 */
export function findCycles(
  graph: ReadonlyMap<string, readonly AdjacentEdge[]>,
  options: CycleSearchOptions,
): CycleSearch {
  const names = entityNames(graph, options.through);
  const indexOf = new Map(names.map((name, i) => [name, i]));
  const out: Arc[][] = names.map((name) =>
    (graph.get(name) ?? []).map((edge) => ({
      to: indexOf.get(edge.neighbor) as number,
      relationshipId: edge.relationshipId,
    })),
  );
  const component = stronglyConnectedComponents(out.map((arcs) => arcs.map((arc) => arc.to)));
  // Only arcs inside a component can lie on a cycle.
  const inner: Arc[][] = out.map((arcs, from) =>
    arcs.filter((arc) => component[arc.to] === component[from]),
  );
  const into: number[][] = names.map(() => []);
  inner.forEach((arcs, from) => {
    for (const arc of arcs) into[arc.to]?.push(from);
  });

  const { limit, maxLength, budget } = options;
  const unreachable = maxLength + 1;
  const cycles: CycleResult[] = [];
  let steps = 0;
  let exhausted = false;
  const onPath = new Uint8Array(names.length);
  // barrier[v] holds for the current start only where known[v] is that start's number.
  const barrier = new Int32Array(names.length);
  const known = new Int32Array(names.length).fill(-1);

  const starts =
    options.through !== null
      ? [indexOf.get(options.through) as number]
      : names.map((_, i) => i).filter((i) => (inner[i]?.length ?? 0) > 0);

  for (const start of starts) {
    if (cycles.length >= limit) break;
    if (steps > budget) {
      exhausted = true;
      break;
    }
    const allowed = (vertex: number) => options.through !== null || vertex > start;
    const pathEntities = [start];
    const pathRelationships: string[] = [];
    const barrierOf = (vertex: number) =>
      known[vertex] === start ? (barrier[vertex] as number) : unreachable;
    const setBarrier = (vertex: number, value: number) => {
      known[vertex] = start;
      barrier[vertex] = value;
    };

    // The first barriers: distances back to the start, the path aside (a bounded backwards
    // breadth-first search). Entities that cannot get back within maxLength stay unreachable.
    let frontier = [start];
    for (let hops = 1; hops < maxLength && frontier.length > 0; hops++) {
      const next: number[] = [];
      for (const vertex of frontier) {
        for (const previous of into[vertex] ?? []) {
          steps += 1;
          if (previous === start || !allowed(previous) || known[previous] === start) continue;
          setBarrier(previous, hops);
          next.push(previous);
        }
      }
      frontier = next;
    }

    /** `vertex` is `hops` arcs from the start, off the path: so are those before it, plus one. */
    const lowerBarriers = (vertex: number, hops: number): void => {
      if (barrierOf(vertex) <= hops) return;
      setBarrier(vertex, hops);
      for (const previous of into[vertex] ?? []) {
        steps += 1;
        if (!onPath[previous] && allowed(previous)) lowerBarriers(previous, hops + 1);
      }
    };

    /**
     * Extends the path, which ends at `vertex`; returns the fewest arcs in which `vertex` got
     * back to the start, or `unreachable`. While on the path an entity's barrier says it may
     * only be entered again at a shallower depth, so that a cycle found below it later always
     * lowers the barriers it held up. Recursion depth is at most maxLength (≤ 20), and so is
     * that of lowerBarriers (it only follows barriers above the hops it carries, ≤ maxLength).
     */
    const extend = (vertex: number): number => {
      const length = pathRelationships.length;
      let closest = unreachable;
      onPath[vertex] = 1;
      if (vertex !== start) setBarrier(vertex, maxLength - length + 1);
      for (const arc of inner[vertex] ?? []) {
        if (cycles.length >= limit || exhausted) break;
        if (++steps > budget) {
          exhausted = true;
          break;
        }
        if (arc.to === start) {
          if (length + 1 > maxLength) continue;
          cycles.push({
            entities: [...pathEntities, start].map((i) => names[i] as string),
            relationshipIds: [...pathRelationships, arc.relationshipId],
          });
          closest = 1;
          continue;
        }
        if (onPath[arc.to] || !allowed(arc.to)) continue;
        if (length + 1 + barrierOf(arc.to) > maxLength) continue;
        pathEntities.push(arc.to);
        pathRelationships.push(arc.relationshipId);
        const back = extend(arc.to);
        pathRelationships.pop();
        pathEntities.pop();
        if (back < unreachable) closest = Math.min(closest, back + 1);
      }
      onPath[vertex] = 0;
      // A failed entity keeps the barrier it got on entry: nothing within the length left.
      if (vertex !== start && closest < unreachable) lowerBarriers(vertex, closest);
      return closest;
    };
    extend(start);
  }
  return { cycles, exhausted, steps };
}

/** Every entity named in the graph, sorted, so that index order is entity order. */
function entityNames(
  graph: ReadonlyMap<string, readonly AdjacentEdge[]>,
  through: string | null,
): string[] {
  const names = new Set<string>(graph.keys());
  for (const edges of graph.values()) for (const edge of edges) names.add(edge.neighbor);
  if (through !== null) names.add(through);
  return [...names].sort(compare);
}
