import { type ExpandMany, reverse } from './expand.js';
import type { Direction, RelationshipType } from './relationship.js';

export interface FindPathOptions {
  from: string;
  to: string;
  maxDepth: number;
  direction: Direction;
  types: ReadonlySet<RelationshipType> | null;
}

export interface PathResult {
  entities: string[];
  relationshipIds: string[];
}

interface Side {
  /** Entity → how it was reached (the entity one step nearer this side's start). */
  via: Map<string, { entity: string; relationshipId: string } | null>;
  depth: Map<string, number>;
  frontier: string[];
  level: number;
  direction: Direction;
}

/**
 * A shortest path by bidirectional breadth-first search: the smaller frontier grows one level
 * per expansion (one round trip), until the two searches meet or `maxDepth` rules a path out.
 */
export async function findShortestPath(
  expand: ExpandMany,
  options: FindPathOptions,
): Promise<PathResult | null> {
  if (options.from === options.to) return { entities: [options.from], relationshipIds: [] };
  const forward = side(options.from, options.direction);
  const backward = side(options.to, reverse(options.direction));

  while (
    forward.frontier.length > 0 &&
    backward.frontier.length > 0 &&
    forward.level + backward.level < options.maxDepth
  ) {
    const [grow, other] =
      forward.frontier.length <= backward.frontier.length
        ? [forward, backward]
        : [backward, forward];
    const edgesPerEntity = await expand(grow.frontier, grow.direction);
    grow.level += 1;
    const next: string[] = [];
    let meeting: { entity: string; length: number } | null = null;
    grow.frontier.forEach((entity, i) => {
      for (const edge of edgesPerEntity[i] ?? []) {
        if (options.types !== null && !options.types.has(edge.type)) continue;
        if (grow.via.has(edge.neighbor)) continue;
        grow.via.set(edge.neighbor, { entity, relationshipId: edge.relationshipId });
        grow.depth.set(edge.neighbor, grow.level);
        next.push(edge.neighbor);
        const otherDepth = other.depth.get(edge.neighbor);
        if (otherDepth !== undefined) {
          const length = grow.level + otherDepth;
          if (meeting === null || length < meeting.length)
            meeting = { entity: edge.neighbor, length };
        }
      }
    });
    grow.frontier = next;
    if (meeting !== null) return join(forward, backward, (meeting as { entity: string }).entity);
  }
  return null;
}

function side(start: string, direction: Direction): Side {
  return {
    via: new Map([[start, null]]),
    depth: new Map([[start, 0]]),
    frontier: [start],
    level: 0,
    direction,
  };
}

function join(forward: Side, backward: Side, meeting: string): PathResult {
  const entities = [meeting];
  const relationshipIds: string[] = [];
  for (let step = forward.via.get(meeting); step; step = forward.via.get(step.entity)) {
    entities.unshift(step.entity);
    relationshipIds.unshift(step.relationshipId);
  }
  for (let step = backward.via.get(meeting); step; step = backward.via.get(step.entity)) {
    entities.push(step.entity);
    relationshipIds.push(step.relationshipId);
  }
  return { entities, relationshipIds };
}
