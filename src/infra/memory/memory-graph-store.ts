import type { AcyclicGuard, CreateOutcome, GraphStore } from '../../domain/graph/graph-store.js';
import {
  type AcyclicRelation,
  type AdjacentEdge,
  type Direction,
  type GraphStats,
  RELATIONSHIP_TYPES,
  type Relationship,
} from '../../domain/graph/relationship.js';

type Side = 'OUT' | 'IN';

/** The embedded graph: the same indexes as Redis, in Maps. */
export class MemoryGraphStore implements GraphStore {
  private readonly relationships = new Map<string, Relationship>();
  /** entity → side → "TYPE:neighbour" → relationship id */
  private readonly index = new Map<string, Record<Side, Map<string, string>>>();
  private readonly versions: Record<AcyclicRelation, number> = { hierarchy: 0, ownership: 0 };

  async create(relationship: Relationship, guard: AcyclicGuard | null): Promise<CreateOutcome> {
    const outField = `${relationship.type}:${relationship.to}`;
    if (this.index.get(relationship.from)?.OUT.has(outField)) return 'duplicate';
    if (guard && this.versions[guard.relation] !== guard.version) return 'stale';
    if (this.relationships.has(relationship.id)) return 'id_taken';
    this.relationships.set(relationship.id, structuredClone(relationship));
    this.sides(relationship.from).OUT.set(outField, relationship.id);
    this.sides(relationship.to).IN.set(
      `${relationship.type}:${relationship.from}`,
      relationship.id,
    );
    if (guard) this.versions[guard.relation] += 1;
    return 'ok';
  }

  async delete(relationship: Relationship): Promise<boolean> {
    if (!this.relationships.delete(relationship.id)) return false;
    this.index.get(relationship.from)?.OUT.delete(`${relationship.type}:${relationship.to}`);
    this.index.get(relationship.to)?.IN.delete(`${relationship.type}:${relationship.from}`);
    for (const entity of [relationship.from, relationship.to]) {
      const sides = this.index.get(entity);
      if (sides && sides.OUT.size === 0 && sides.IN.size === 0) this.index.delete(entity);
    }
    return true;
  }

  async getMany(ids: readonly string[]): Promise<Array<Relationship | null>> {
    return ids.map((id) => {
      const found = this.relationships.get(id);
      return found ? structuredClone(found) : null;
    });
  }

  async adjacency(entityIds: readonly string[], direction: Direction): Promise<AdjacentEdge[][]> {
    return entityIds.map((id) => {
      const sides = this.index.get(id);
      if (!sides) return [];
      const edges: AdjacentEdge[] = [];
      for (const side of sidesOf(direction)) {
        for (const [field, relationshipId] of sides[side]) {
          const split = field.indexOf(':');
          edges.push({
            relationshipId,
            type: field.slice(0, split) as AdjacentEdge['type'],
            direction: side,
            neighbor: field.slice(split + 1),
          });
        }
      }
      return edges;
    });
  }

  async degrees(entityIds: readonly string[], direction: Direction): Promise<number[]> {
    return entityIds.map((id) => {
      const sides = this.index.get(id);
      return sides ? sidesOf(direction).reduce((sum, side) => sum + sides[side].size, 0) : 0;
    });
  }

  async stats(): Promise<GraphStats> {
    const counts = new Map<string, number>();
    for (const relationship of this.relationships.values()) {
      counts.set(relationship.type, (counts.get(relationship.type) ?? 0) + 1);
    }
    return {
      entityCount: this.index.size,
      relationshipCount: this.relationships.size,
      byType: RELATIONSHIP_TYPES.map((type) => ({ type, count: counts.get(type) ?? 0 })),
    };
  }

  async acyclicVersion(relation: AcyclicRelation): Promise<number> {
    return this.versions[relation];
  }

  async scanEntities(
    cursor: string,
    count: number,
  ): Promise<{ cursor: string; entityIds: string[] }> {
    const all = [...this.index.keys()].sort();
    const start = Number(cursor);
    const end = start + count;
    return { cursor: end >= all.length ? '0' : String(end), entityIds: all.slice(start, end) };
  }

  private sides(entity: string): Record<Side, Map<string, string>> {
    let sides = this.index.get(entity);
    if (!sides) {
      sides = { OUT: new Map(), IN: new Map() };
      this.index.set(entity, sides);
    }
    return sides;
  }
}

function sidesOf(direction: Direction): Side[] {
  return direction === 'BOTH' ? ['OUT', 'IN'] : [direction];
}
