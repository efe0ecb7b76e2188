/**
 * The graph algorithms against independent brute-force references on small random graphs:
 * Floyd–Warshall distances for paths and traversals, exhaustive enumeration for cycles.
 */
import { describe, expect, it } from 'vitest';
import { GraphService } from '../../src/domain/graph/graph-service.js';
import type {
  Direction,
  Relationship,
  RelationshipType,
} from '../../src/domain/graph/relationship.js';
import { RELATIONSHIP_TYPES } from '../../src/domain/graph/relationship.js';
import { systemClock } from '../../src/domain/shared/clock.js';
import { MemoryGraphStore } from '../../src/infra/memory/memory-graph-store.js';
import { makeRelationship, seededRandom } from '../helpers/relationships.js';

const SEEDS = 300;
const DIRECTIONS: Direction[] = ['OUT', 'IN', 'BOTH'];

interface RandomGraph {
  nodes: string[];
  edges: Relationship[];
  service: GraphService;
}

async function randomGraph(seed: number): Promise<RandomGraph> {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const nodes = Array.from({ length: 3 + Math.floor(random() * 6) }, (_, i) => `n${i}`);
  const store = new MemoryGraphStore();
  const edges: Relationship[] = [];
  const wanted = Math.floor(random() * nodes.length * 2.5);
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

describe('detectCycles against exhaustive enumeration', () => {
  /** Every elementary directed cycle, as relationship ids starting at its smallest entity. */
  function allCycles(graph: RandomGraph, types: Set<RelationshipType> | null): string[] {
    const out = new Map<string, Relationship[]>();
    for (const edge of graph.edges) {
      if (types && !types.has(edge.type)) continue;
      out.set(edge.from, [...(out.get(edge.from) ?? []), edge]);
    }
    const found: string[] = [];
    const extend = (start: string, at: string, visited: string[], ids: string[]) => {
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
      const expectedThrough = expected.filter((ids) =>
        ids.split(',').some((id) => {
          const edge = graph.edges.find((candidate) => candidate.id === id);
          return edge?.from === through;
        }),
      );
      expect(viaEntity.length, `seed ${seed} through ${through}`).toBe(expectedThrough.length);
      for (const cycle of viaEntity) {
        expect(cycle.entities[0]).toBe(through);
        expect(cycle.entities.at(-1)).toBe(through);
      }
    }
    expect(withCycles).toBeGreaterThan(SEEDS / 4);
  });
});
