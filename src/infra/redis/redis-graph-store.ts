import type { ChainableCommander, Redis } from 'ioredis';
import type { AcyclicGuard, CreateOutcome, GraphStore } from '../../domain/graph/graph-store.js';
import {
  type AcyclicRelation,
  type AdjacentEdge,
  type Direction,
  type GraphStats,
  RELATIONSHIP_TYPES,
  type Relationship,
  type RelationshipType,
} from '../../domain/graph/relationship.js';
import type { RedisKeys } from './keys.js';
import { LuaScript } from './lua-script.js';

const createScript = new LuaScript('create-relationship');
const deleteScript = new LuaScript('delete-relationship');

/**
 * The graph in Redis: each relationship once (one hash of records), indexed at both ends in
 * per-entity hashes whose field "TYPE:neighbour" is also the uniqueness guard. Reads of many
 * entities are one pipeline: one round trip.
 */
export class RedisGraphStore implements GraphStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  async create(relationship: Relationship, guard: AcyclicGuard | null): Promise<CreateOutcome> {
    const keys = this.writeKeys(relationship);
    if (guard) keys.push(this.keys.graphAcyclicVersion(guard.relation));
    const reply = await createScript.run(this.redis, keys, [
      relationship.id,
      JSON.stringify(relationship),
      `${relationship.type}:${relationship.to}`,
      `${relationship.type}:${relationship.from}`,
      relationship.type,
      relationship.from,
      relationship.to,
      guard ? String(guard.version) : '',
    ]);
    if (reply === 'ok' || reply === 'duplicate' || reply === 'stale' || reply === 'id_taken') {
      return reply;
    }
    throw new Error(`unexpected reply from create-relationship: ${String(reply)}`);
  }

  async delete(relationship: Relationship): Promise<boolean> {
    const reply = await deleteScript.run(this.redis, this.writeKeys(relationship), [
      relationship.id,
      `${relationship.type}:${relationship.to}`,
      `${relationship.type}:${relationship.from}`,
      relationship.type,
      relationship.from,
      relationship.to,
    ]);
    return reply === 1;
  }

  async getMany(ids: readonly string[]): Promise<Array<Relationship | null>> {
    if (ids.length === 0) return [];
    const docs = await this.redis.hmget(this.keys.graphRelationships(), ...ids);
    return docs.map((doc) => (doc === null ? null : (JSON.parse(doc) as Relationship)));
  }

  async adjacency(entityIds: readonly string[], direction: Direction): Promise<AdjacentEdge[][]> {
    const perSide = await this.readSides(entityIds, direction, (pipeline, key) =>
      pipeline.hgetall(key),
    );
    return perSide.map((replies) => {
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
    });
  }

  async degrees(entityIds: readonly string[], direction: Direction): Promise<number[]> {
    const perSide = await this.readSides(entityIds, direction, (pipeline, key) =>
      pipeline.hlen(key),
    );
    return perSide.map((replies) => replies.reduce((sum, [, reply]) => sum + Number(reply), 0));
  }

  /** One command per entity and side, in one pipeline; replies grouped per entity. */
  private async readSides(
    entityIds: readonly string[],
    direction: Direction,
    command: (pipeline: ChainableCommander, key: string) => unknown,
  ): Promise<Array<Array<['OUT' | 'IN', unknown]>>> {
    if (entityIds.length === 0) return [];
    const sides: Array<'OUT' | 'IN'> = direction === 'BOTH' ? ['OUT', 'IN'] : [direction];
    const pipeline = this.redis.pipeline();
    for (const id of entityIds) {
      for (const side of sides)
        command(pipeline, side === 'OUT' ? this.keys.graphOut(id) : this.keys.graphIn(id));
    }
    const replies = await execPipeline(pipeline);
    return entityIds.map((_, i) => sides.map((side, j) => [side, replies[i * sides.length + j]]));
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

  async acyclicVersion(relation: AcyclicRelation): Promise<number> {
    return Number((await this.redis.get(this.keys.graphAcyclicVersion(relation))) ?? 0);
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

async function execPipeline(pipeline: ReturnType<Redis['pipeline']>): Promise<unknown[]> {
  const results = (await pipeline.exec()) ?? [];
  return results.map(([error, value]) => {
    if (error) throw error;
    return value;
  });
}
