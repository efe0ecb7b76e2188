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
} from '../../domain/graph/relationship.js';

type Side = 'OUT' | 'IN';

/** The embedded graph: the same indexes as Redis, in Maps. */
export class MemoryGraphStore implements GraphStore {
  private readonly relationships = new Map<string, Relationship>();
  /** entity → side → "TYPE:neighbour" → relationship id */
  private readonly index = new Map<string, Record<Side, Map<string, string>>>();
  /** relation → entity → version (absent: 0), as in Redis; `sequence` hands out versions. */
  private readonly versions: Record<AcyclicRelation, Map<string, number>> = {
    hierarchy: new Map(),
    ownership: new Map(),
  };
  private sequence = 0;
  /** Deletions by pattern steps, with when they are forgotten (ms), oldest first. */
  private readonly deletions = new Map<string, { deletion: Deletion; until: number }>();

  async create(relationship: Relationship, guard: AcyclicGuard | null): Promise<CreateOutcome> {
    const outField = `${relationship.type}:${relationship.to}`;
    const existing = this.index.get(relationship.from)?.OUT.get(outField);
    if (existing !== undefined) {
      const made = this.relationships.get(existing);
      if (made && relationship.origin && made.origin === relationship.origin) {
        return { made: structuredClone(made) };
      }
      return 'duplicate';
    }
    const relation = acyclicRelationOf(relationship.type);
    const versions = relation ? this.versions[relation] : null;
    if (
      versions &&
      guard?.seen.some(({ entity, version }) => this.versionOf(versions, entity) !== version)
    ) {
      return 'stale';
    }
    if (this.relationships.has(relationship.id)) return 'id_taken';
    this.relationships.set(relationship.id, structuredClone(relationship));
    this.sides(relationship.from).OUT.set(outField, relationship.id);
    this.sides(relationship.to).IN.set(
      `${relationship.type}:${relationship.from}`,
      relationship.id,
    );
    if (versions) {
      this.sequence += 1;
      versions.set(
        arcOf(relationship.type, relationship.from, relationship.to).upper,
        this.sequence,
      );
    }
    return 'ok';
  }

  async delete(relationship: Relationship, origin?: string): Promise<boolean> {
    const stored = this.relationships.get(relationship.id);
    if (!stored || !this.relationships.delete(relationship.id)) return false;
    if (origin !== undefined) {
      const now = Date.now();
      this.forgetDeletions(now);
      this.deletions.set(relationship.id, {
        deletion: { origin, relationship: structuredClone(stored) },
        until: now + DELETION_MEMORY_MS,
      });
    }
    this.index.get(relationship.from)?.OUT.delete(`${relationship.type}:${relationship.to}`);
    this.index.get(relationship.to)?.IN.delete(`${relationship.type}:${relationship.from}`);
    for (const entity of [relationship.from, relationship.to]) {
      const sides = this.index.get(entity);
      if (sides && sides.OUT.size === 0 && sides.IN.size === 0) {
        this.index.delete(entity);
        for (const versions of Object.values(this.versions)) versions.delete(entity);
      }
    }
    return true;
  }

  async deletion(id: string): Promise<Deletion | null> {
    this.forgetDeletions(Date.now());
    const found = this.deletions.get(id);
    return found ? structuredClone(found.deletion) : null;
  }

  private forgetDeletions(now: number): void {
    for (const [id, { until }] of this.deletions) {
      if (until > now) break;
      this.deletions.delete(id);
    }
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

  async versionedAdjacency(
    relation: AcyclicRelation,
    entityIds: readonly string[],
    direction: Direction,
  ): Promise<VersionedEdges[]> {
    const versions = this.versions[relation];
    const edges = await this.adjacency(entityIds, direction);
    return entityIds.map((id, i) => ({
      version: this.versionOf(versions, id),
      edges: edges[i] ?? [],
    }));
  }

  private versionOf(versions: ReadonlyMap<string, number>, entity: string): number {
    return versions.get(entity) ?? 0;
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
