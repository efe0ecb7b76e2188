/**
 * The graph algorithms against independent brute-force references on small random graphs:
 * Floyd–Warshall distances for paths and traversals, exhaustive enumeration for cycles,
 * mutual reachability for strongly connected components.
 */
import { describe, expect, it } from 'vitest';
import { findCycles } from '../../src/domain/graph/cycles.js';
import { GraphService } from '../../src/domain/graph/graph-service.js';
import type {
  AdjacentEdge,
  Direction,
  Relationship,
  RelationshipType,
} from '../../src/domain/graph/relationship.js';
import { RELATIONSHIP_TYPES } from '../../src/domain/graph/relationship.js';
import { stronglyConnectedComponents } from '../../src/domain/graph/strongly-connected.js';
import { systemClock } from '../../src/domain/shared/clock.js';
import { LimitExceededError } from '../../src/domain/shared/errors.js';
import { MemoryGraphStore } from '../../src/infra/memory/memory-graph-store.js';
import { makeRelationship, seededRandom } from '../helpers/relationships.js';

const SEEDS = 300;
const DIRECTIONS: Direction[] = ['OUT', 'IN', 'BOTH'];

interface RandomGraph {
  nodes: string[];
  edges: Relationship[];
  service: GraphService;
}

async function randomGraph(seed: number, density = 2.5): Promise<RandomGraph> {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const nodes = Array.from({ length: 3 + Math.floor(random() * 6) }, (_, i) => `n${i}`);
  const store = new MemoryGraphStore();
  const edges: Relationship[] = [];
  const wanted = Math.floor(random() * nodes.length * density);
  for (let i = 0; i < wanted; i++) {
    const from = pick(nodes);
    const to = pick(nodes);
    if (from === to) continue;
    const relationship = makeRelationship(from, to, pick(RELATIONSHIP_TYPES));
    if ((await store.create(relationship, null)) === 'ok') edges.push(relationship);
  }
  return { nodes, edges, service: new GraphService(store, systemClock) };
}

/** Arcs as a traversal in `direction` may follow them, keeping only the given types. */
function arcs(graph: RandomGraph, direction: Direction, types: Set<RelationshipType> | null) {
  return graph.edges
    .filter((edge) => types === null || types.has(edge.type))
    .flatMap((edge) => {
      const forward = { from: edge.from, to: edge.to, id: edge.id };
      const backward = { from: edge.to, to: edge.from, id: edge.id };
      return direction === 'OUT'
        ? [forward]
        : direction === 'IN'
          ? [backward]
          : [forward, backward];
    });
}

function floydWarshall(
  graph: RandomGraph,
  direction: Direction,
  types: Set<RelationshipType> | null,
) {
  const distance = new Map<string, number>();
  const key = (a: string, b: string) => `${a}|${b}`;
  for (const a of graph.nodes)
    for (const b of graph.nodes) distance.set(key(a, b), a === b ? 0 : Number.POSITIVE_INFINITY);
  for (const arc of arcs(graph, direction, types)) distance.set(key(arc.from, arc.to), 1);
  for (const k of graph.nodes)
    for (const i of graph.nodes)
      for (const j of graph.nodes) {
        const through = (distance.get(key(i, k)) ?? 0) + (distance.get(key(k, j)) ?? 0);
        if (through < (distance.get(key(i, j)) ?? 0)) distance.set(key(i, j), through);
      }
  return (a: string, b: string) => distance.get(key(a, b)) ?? Number.POSITIVE_INFINITY;
}

function randomTypes(random: () => number): Set<RelationshipType> | null {
  if (random() < 0.5) return null;
  const chosen = RELATIONSHIP_TYPES.filter(() => random() < 0.6);
  return chosen.length > 0 ? new Set(chosen) : null;
}

describe('findPath (bidirectional BFS) against Floyd–Warshall', () => {
  it(`finds a shortest valid path, or none within maxDepth, on ${SEEDS} random graphs`, async () => {
    let pathsFound = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const graph = await randomGraph(seed);
      const random = seededRandom(seed * 7919);
      const direction = DIRECTIONS[seed % 3] as Direction;
      const types = randomTypes(random);
      const distance = floydWarshall(graph, direction, types);
      const from = graph.nodes[Math.floor(random() * graph.nodes.length)] as string;
      const to = graph.nodes[Math.floor(random() * graph.nodes.length)] as string;
      const maxDepth = 1 + Math.floor(random() * 6);
      const path = await graph.service.findPath({
        from,
        to,
        maxDepth,
        direction,
        types: types ? [...types] : null,
      });
      const expected = distance(from, to);
      const context = `seed ${seed}: ${from} → ${to} ${direction} depth ${maxDepth}`;

      if (expected > maxDepth) {
        expect(path, context).toBeNull();
        continue;
      }
      expect(path, context).not.toBeNull();
      if (!path) continue;
      pathsFound += 1;
      expect(path.relationshipIds.length, context).toBe(expected);
      expect(path.entities[0]).toBe(from);
      expect(path.entities.at(-1)).toBe(to);
      // Every step is a real relationship of an allowed type, followed in an allowed direction.
      const usable = arcs(graph, direction, types);
      path.relationshipIds.forEach((id, i) => {
        const step = { from: path.entities[i], to: path.entities[i + 1], id };
        expect(usable, `${context} step ${i}`).toContainEqual(step);
      });
    }
    expect(pathsFound).toBeGreaterThan(SEEDS / 3);
  });
});

describe('traverse against Floyd–Warshall', () => {
  it(`reaches exactly the entities within maxDepth, each at its distance, on ${SEEDS} random graphs`, async () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const graph = await randomGraph(seed);
      const random = seededRandom(seed * 104729);
      const direction = DIRECTIONS[(seed + 1) % 3] as Direction;
      const types = randomTypes(random);
      const distance = floydWarshall(graph, direction, types);
      const from = graph.nodes[Math.floor(random() * graph.nodes.length)] as string;
      const maxDepth = Math.floor(random() * 5);
      const result = await graph.service.traverse({
        from,
        maxDepth,
        direction,
        types: types ? [...types] : null,
      });

      const expected = graph.nodes
        .filter((node) => distance(from, node) <= maxDepth)
        .map((node) => ({ id: node, depth: distance(from, node) }))
        .sort((a, b) => a.id.localeCompare(b.id));
      const actual = [...result.entities].sort((a, b) => a.id.localeCompare(b.id));
      expect(actual, `seed ${seed}`).toEqual(expected);
      // Every relationship reported connects two entities of the result.
      const reached = new Set(result.entities.map((entity) => entity.id));
      for (const id of result.relationshipIds) {
        const edge = graph.edges.find((candidate) => candidate.id === id);
        expect(edge && reached.has(edge.from) && reached.has(edge.to), `seed ${seed} ${id}`).toBe(
          true,
        );
      }
    }
  });

  it('stops at the limit, keeping the nearest entities', async () => {
    const graph = await randomGraph(42);
    const from = graph.nodes[0] as string;
    const full = await graph.service.traverse({ from, maxDepth: 5, direction: 'BOTH' });
    const limited = await graph.service.traverse({
      from,
      maxDepth: 5,
      direction: 'BOTH',
      limit: 2,
    });
    expect(limited.entities).toEqual(full.entities.slice(0, Math.min(2, full.entities.length)));
  });
});

/** Every elementary directed cycle up to maxLength, as relationship ids from its smallest entity. */
function allCycles(
  graph: RandomGraph,
  types: Set<RelationshipType> | null,
  maxLength = Number.POSITIVE_INFINITY,
): string[] {
  const out = new Map<string, Relationship[]>();
  for (const edge of graph.edges) {
    if (types && !types.has(edge.type)) continue;
    out.set(edge.from, [...(out.get(edge.from) ?? []), edge]);
  }
  const found: string[] = [];
  const extend = (start: string, at: string, visited: string[], ids: string[]) => {
    if (ids.length >= maxLength) return;
    for (const edge of out.get(at) ?? []) {
      if (edge.to === start) found.push([...ids, edge.id].join(','));
      else if (edge.to > start && !visited.includes(edge.to)) {
        extend(start, edge.to, [...visited, edge.to], [...ids, edge.id]);
      }
    }
  };
  for (const start of graph.nodes) extend(start, start, [start], []);
  return found.sort();
}

function cyclesThrough(graph: RandomGraph, cycles: string[], entity: string): string[] {
  return cycles.filter((ids) =>
    ids.split(',').some((id) => graph.edges.find((edge) => edge.id === id)?.from === entity),
  );
}

describe('detectCycles against exhaustive enumeration', () => {
  it(`finds every cycle once on ${SEEDS} random graphs, and those through an entity`, async () => {
    let withCycles = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const graph = await randomGraph(seed);
      const types = randomTypes(seededRandom(seed * 31337));
      const typeList = types ? [...types] : null;
      const expected = allCycles(graph, types);
      const cycles = await graph.service.detectCycles({
        types: typeList,
        limit: 100,
        maxLength: 20,
      });
      const actual = cycles.map((cycle) => cycle.relationshipIds.join(',')).sort();
      if (expected.length >= 100) continue;
      expect(actual, `seed ${seed}`).toEqual(expected);
      if (expected.length > 0) withCycles += 1;

      const through = graph.nodes[seed % graph.nodes.length] as string;
      const viaEntity = await graph.service.detectCycles({
        types: typeList,
        from: through,
        limit: 100,
        maxLength: 20,
      });
      const expectedThrough = cyclesThrough(graph, expected, through);
      expect(viaEntity.length, `seed ${seed} through ${through}`).toBe(expectedThrough.length);
      for (const cycle of viaEntity) {
        expect(cycle.entities[0]).toBe(through);
        expect(cycle.entities.at(-1)).toBe(through);
      }
    }
    expect(withCycles).toBeGreaterThan(SEEDS / 4);
  });
});

describe('detectCycles under a length bound against exhaustive enumeration', () => {
  it(`finds exactly the cycles of each maxLength 1–8 on ${SEEDS * 4} denser random graphs`, async () => {
    let bounded = 0;
    for (let seed = 1; seed <= SEEDS * 4; seed++) {
      const graph = await randomGraph(seed + 5000, 4.5);
      const random = seededRandom(seed * 65537);
      const types = randomTypes(random);
      const typeList = types ? [...types] : null;
      const maxLength = 1 + Math.floor(random() * 8);
      const expected = allCycles(graph, types, maxLength);
      if (expected.length >= 100) continue;
      const cycles = await graph.service.detectCycles({ types: typeList, limit: 100, maxLength });
      const context = `seed ${seed} maxLength ${maxLength}`;
      expect(cycles.map((cycle) => cycle.relationshipIds.join(',')).sort(), context).toEqual(
        expected,
      );
      if (allCycles(graph, types).length > expected.length) bounded += 1;

      const through = graph.nodes[seed % graph.nodes.length] as string;
      const viaEntity = await graph.service.detectCycles({
        types: typeList,
        from: through,
        limit: 100,
        maxLength,
      });
      // The same cycles, each rotated to start at `through`.
      const rotatedIds = viaEntity.map((cycle) => [...cycle.relationshipIds].sort().join(','));
      const expectedIds = cyclesThrough(graph, expected, through).map((ids) =>
        ids.split(',').sort().join(','),
      );
      expect(rotatedIds.sort(), `${context} through ${through}`).toEqual(expectedIds.sort());
      for (const cycle of viaEntity) expect(cycle.entities[0], context).toBe(through);
    }
    // The bound actually cut cycles off on many graphs, so it was tested, not just allowed.
    expect(bounded).toBeGreaterThan(SEEDS / 2);
  });

  it('returns a prefix of the full answer when stopped by the limit', async () => {
    for (let seed = 1; seed <= 50; seed++) {
      const graph = await randomGraph(seed + 9000, 4.5);
      const all = await graph.service.detectCycles({ limit: 100, maxLength: 6 });
      const some = await graph.service.detectCycles({ limit: 3, maxLength: 6 });
      expect(some, `seed ${seed}`).toEqual(all.slice(0, 3));
    }
  });
});

describe('strongly connected components against mutual reachability', () => {
  it(`groups exactly the mutually reachable vertices on ${SEEDS} random graphs`, () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const random = seededRandom(seed * 4099);
      const n = 1 + Math.floor(random() * 12);
      const out = Array.from({ length: n }, () =>
        Array.from({ length: Math.floor(random() * 3) }, () => Math.floor(random() * n)),
      );
      const reach = out.map((_, from) => {
        const seen = new Set([from]);
        const queue = [from];
        for (let at = queue.shift(); at !== undefined; at = queue.shift()) {
          for (const next of out[at] ?? []) {
            if (!seen.has(next)) {
              seen.add(next);
              queue.push(next);
            }
          }
        }
        return seen;
      });
      const component = stronglyConnectedComponents(out);
      for (let a = 0; a < n; a++) {
        for (let b = 0; b < n; b++) {
          const mutual = (reach[a]?.has(b) && reach[b]?.has(a)) ?? false;
          expect(component[a] === component[b], `seed ${seed}: ${a}, ${b}`).toBe(mutual);
        }
      }
    }
  });

  it('handles a chain of 200 000 vertices without overflowing the stack', () => {
    const n = 200_000;
    const out = Array.from({ length: n }, (_, i) => (i + 1 < n ? [i + 1] : [0]));
    const component = stronglyConnectedComponents(out);
    expect(new Set(component).size).toBe(1);
  });
});

describe('the work a cycle search does (counted in edges looked at)', () => {
  const edge = (from: string, to: string, i: number) => ({
    from,
    to,
    relationshipId: `r${i}`,
  });
  function graphOf(edges: Array<{ from: string; to: string; relationshipId: string }>) {
    const graph = new Map<string, AdjacentEdge[]>();
    for (const { from, to, relationshipId } of edges) {
      const list = graph.get(from) ?? [];
      list.push({ relationshipId, type: 'MEMBER', direction: 'OUT', neighbor: to });
      graph.set(from, list);
    }
    return graph;
  }
  /** 12 layers of 20, out-degree 5 to the next layer (5¹¹ paths from each of the first), and n:1 ⇄ n:2. */
  const layered = graphOf([
    edge('n:1', 'n:2', 0),
    edge('n:2', 'n:1', 1),
    ...Array.from({ length: 11 * 20 * 5 }, (_, i) => {
      const [layer, from, k] = [Math.floor(i / 100), Math.floor(i / 5) % 20, i % 5];
      return edge(`n:${layer * 20 + from}`, `n:${(layer + 1) * 20 + ((from + k) % 20)}`, i + 2);
    }),
  ]);

  it('skips an acyclic region: 1102 edges, one cycle, a handful of steps', () => {
    const search = findCycles(layered, { through: null, limit: 100, maxLength: 20, budget: 1e6 });
    expect(search.cycles.map((cycle) => cycle.entities)).toEqual([['n:1', 'n:2', 'n:1']]);
    expect(search.exhausted).toBe(false);
    expect(search.steps).toBeLessThan(20);
  });

  it('does not walk the paths of a component that cannot close a cycle through the start', () => {
    // s ⇄ h, and h → 10 layers of 10 (out-degree 5) → h: every path from s through the layers
    // meets h again, so s has one cycle; a plain depth-first search walks 10·5⁹ paths for it.
    const edges = [edge('s', 'h', 0), edge('h', 's', 1)];
    for (let i = 0; i < 10; i++) edges.push(edge('h', `d0.${i}`, edges.length));
    for (let layer = 0; layer < 9; layer++) {
      for (let i = 0; i < 10; i++) {
        for (let k = 0; k < 5; k++) {
          edges.push(edge(`d${layer}.${i}`, `d${layer + 1}.${(i + k) % 10}`, edges.length));
        }
      }
    }
    for (let i = 0; i < 10; i++) edges.push(edge(`d9.${i}`, 'h', edges.length));
    const search = findCycles(graphOf(edges), {
      through: 's',
      limit: 100,
      maxLength: 20,
      budget: 1e6,
    });
    expect(search.cycles.map((cycle) => cycle.entities)).toEqual([['s', 'h', 's']]);
    expect(search.steps).toBeLessThan(5 * edges.length);
  });

  it('says it was cut short when the budget runs out, and the service refuses the answer', async () => {
    // A ring of 300: its only cycle is longer than maxLength, which takes work to find out.
    const store = new MemoryGraphStore();
    for (let i = 0; i < 300; i++) {
      await store.create(makeRelationship(`ring${i}`, `ring${(i + 1) % 300}`, 'MEMBER'), null);
    }
    const service = new GraphService(store, systemClock, {
      limits: {
        maxCycleSearchSteps: 100,
      },
    });
    await expect(service.detectCycles({ maxLength: 20 })).rejects.toBeInstanceOf(
      LimitExceededError,
    );
    const generous = new GraphService(store, systemClock);
    expect(await generous.detectCycles({ maxLength: 20 })).toEqual([]);
  });
});
