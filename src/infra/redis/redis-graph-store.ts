import type { ChainableCommander, Redis } from 'ioredis';
import { arcOf } from '../../domain/graph/acyclic-check.js';
import {
  type AcyclicGuard,
  type CreateOutcome,
  DELETION_MEMORY_MS,
  type Deletion,
  type GraphStore,
  type VersionedEdges,
} from '../../domain/graph/graph-store.js';
import {
  type AcyclicRelation,
  type AdjacentEdge,
  acyclicRelationOf,
  type Direction,
  type GraphStats,
  RELATIONSHIP_TYPES,
  type Relationship,
  type RelationshipType,
} from '../../domain/graph/relationship.js';
import type { RedisKeys } from './keys.js';
import { defineScripts, type ScriptedRedis } from './scripts.js';

/**
 * The graph in Redis: each relationship once (one hash of records), indexed at both ends in
 * per-entity hashes whose field "TYPE:neighbour" is also the uniqueness guard. Reads of many
 * entities are one pipeline: one round trip.
 */
export class RedisGraphStore implements GraphStore {
  private readonly redis: ScriptedRedis;

  constructor(
    redis: Redis,
    private readonly keys: RedisKeys,
  ) {
    defineScripts(redis);
    this.redis = redis;
  }

  async create(relationship: Relationship, guard: AcyclicGuard | null): Promise<CreateOutcome> {
    const keys = this.writeKeys(relationship);
    const relation = acyclicRelationOf(relationship.type);
    const args = [
      relationship.id,
      JSON.stringify(relationship),
      `${relationship.type}:${relationship.to}`,
      `${relationship.type}:${relationship.from}`,
      relationship.type,
      relationship.from,
      relationship.to,
      relationship.origin ?? '',
    ];
    if (relation) {
      keys.push(this.keys.graphAcyclicVersions(relation), this.keys.graphAcyclicSequence());
      args.push(arcOf(relationship.type, relationship.from, relationship.to).upper);
      for (const { entity, version } of guard?.seen ?? []) args.push(entity, String(version));
    } else {
      args.push('');
    }
    const reply: unknown = await this.redis.createRelationship(keys.length, ...keys, ...args);
    if (reply === 'ok' || reply === 'duplicate' || reply === 'stale' || reply === 'id_taken') {
      return reply;
    }
    if (Array.isArray(reply) && reply[0] === 'made' && typeof reply[1] === 'string') {
      return { made: JSON.parse(reply[1]) as Relationship };
    }
    throw new Error(`unexpected reply from create-relationship: ${String(reply)}`);
  }

  async delete(relationship: Relationship, origin?: string): Promise<boolean> {
    const keys = [
      ...this.writeKeys(relationship),
      this.keys.graphAcyclicVersions('hierarchy' satisfies AcyclicRelation),
      this.keys.graphAcyclicVersions('ownership' satisfies AcyclicRelation),
    ];
    const args: Array<string | number> = [
      relationship.id,
      `${relationship.type}:${relationship.to}`,
      `${relationship.type}:${relationship.from}`,
      relationship.type,
      relationship.from,
      relationship.to,
    ];
    if (origin !== undefined) {
      keys.push(this.keys.graphDeletion(relationship.id));
      args.push(JSON.stringify({ origin, relationship } satisfies Deletion), DELETION_MEMORY_MS);
    }
    const reply = await this.redis.deleteRelationship(keys.length, ...keys, ...args);
    return reply === 1;
  }

  async deletion(id: string): Promise<Deletion | null> {
    const doc = await this.redis.get(this.keys.graphDeletion(id));
    return doc === null ? null : (JSON.parse(doc) as Deletion);
  }

  async getMany(ids: readonly string[]): Promise<Array<Relationship | null>> {
    if (ids.length === 0) return [];
    const docs = await this.redis.hmget(this.keys.graphRelationships(), ...ids);
    return docs.map((doc) => (doc === null ? null : (JSON.parse(doc) as Relationship)));
  }

  async adjacency(entityIds: readonly string[], direction: Direction): Promise<AdjacentEdge[][]> {
    const { perEntity } = await this.readSides(entityIds, direction, (pipeline, key) =>
      pipeline.hgetall(key),
    );
    return perEntity.map(edgesOf);
  }

  async versionedAdjacency(
    relation: AcyclicRelation,
    entityIds: readonly string[],
    direction: Direction,
  ): Promise<VersionedEdges[]> {
    // The versions go first in the pipeline: one connection's commands run in order.
    const { lead, perEntity } = await this.readSides(
      entityIds,
      direction,
      (pipeline, key) => pipeline.hgetall(key),
      (pipeline) => pipeline.hmget(this.keys.graphAcyclicVersions(relation), ...entityIds),
    );
    const versions = (lead ?? []) as Array<string | null>;
    return perEntity.map((replies, i) => ({
      version: Number(versions[i] ?? 0),
      edges: edgesOf(replies),
    }));
  }

  async degrees(entityIds: readonly string[], direction: Direction): Promise<number[]> {
    const { perEntity } = await this.readSides(entityIds, direction, (pipeline, key) =>
      pipeline.hlen(key),
    );
    return perEntity.map((replies) => replies.reduce((sum, [, reply]) => sum + Number(reply), 0));
  }

  /**
   * One command per entity and side, in one pipeline (after `lead`, when given); replies
   * grouped per entity.
   */
  private async readSides(
    entityIds: readonly string[],
    direction: Direction,
    command: (pipeline: ChainableCommander, key: string) => unknown,
    lead?: (pipeline: ChainableCommander) => unknown,
  ): Promise<{ lead: unknown; perEntity: Array<Array<['OUT' | 'IN', unknown]>> }> {
    if (entityIds.length === 0) return { lead: undefined, perEntity: [] };
    const sides: Array<'OUT' | 'IN'> = direction === 'BOTH' ? ['OUT', 'IN'] : [direction];
    const pipeline = this.redis.pipeline();
    lead?.(pipeline);
    for (const id of entityIds) {
      for (const side of sides)
        command(pipeline, side === 'OUT' ? this.keys.graphOut(id) : this.keys.graphIn(id));
    }
    const replies = await execPipeline(pipeline);
    const offset = lead ? 1 : 0;
    return {
      lead: lead ? replies[0] : undefined,
      perEntity: entityIds.map((_, i) =>
        sides.map((side, j) => [side, replies[offset + i * sides.length + j]]),
      ),
    };
  }

  async stats(): Promise<GraphStats> {
    const [counters, entityCount] = (await execPipeline(
      this.redis.pipeline().hgetall(this.keys.graphStats()).hlen(this.keys.graphEntities()),
    )) as [Record<string, string>, number];
    return {
      entityCount,
      relationshipCount: Number(counters.relationships ?? 0),
      byType: RELATIONSHIP_TYPES.map((type) => ({
        type,
        count: Number(counters[`type:${type}`] ?? 0),
      })),
    };
  }

  async scanEntities(
    cursor: string,
    count: number,
  ): Promise<{ cursor: string; entityIds: string[] }> {
    const [next, flat] = await this.redis.hscan(this.keys.graphEntities(), cursor, 'COUNT', count);
    return { cursor: next, entityIds: flat.filter((_, i) => i % 2 === 0) };
  }

  private writeKeys(relationship: Relationship): string[] {
    return [
      this.keys.graphRelationships(),
      this.keys.graphOut(relationship.from),
      this.keys.graphIn(relationship.to),
      this.keys.graphStats(),
      this.keys.graphEntities(),
    ];
  }
}

function edgesOf(replies: Array<['OUT' | 'IN', unknown]>): AdjacentEdge[] {
  const edges: AdjacentEdge[] = [];
  for (const [side, reply] of replies) {
    const hash = reply as Record<string, string>;
    for (const field in hash) {
      const split = field.indexOf(':');
      edges.push({
        relationshipId: hash[field] as string,
        type: field.slice(0, split) as RelationshipType,
        direction: side,
        neighbor: field.slice(split + 1),
      });
    }
  }
  return edges;
}

async function execPipeline(pipeline: ReturnType<Redis['pipeline']>): Promise<unknown[]> {
  const results = (await pipeline.exec()) ?? [];
  return results.map(([error, value]) => {
    if (error) throw error;
    return value;
  });
}
