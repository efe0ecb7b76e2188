import type {
  AcyclicRelation,
  AdjacentEdge,
  Direction,
  GraphStats,
  Relationship,
} from './relationship.js';

/** Guards a create against a concurrent write to the same acyclic relation. */
export interface AcyclicGuard {
  relation: AcyclicRelation;
  /** The relation's version when the caller checked for cycles. */
  version: number;
}

export type CreateOutcome = 'ok' | 'duplicate' | 'stale' | 'id_taken';

/**
 * Storage of the relationship graph. Every read of many entities is one round trip, which is
 * what keeps breadth-first algorithms at one round trip per frontier.
 */
export interface GraphStore {
  /**
   * Stores the relationship and indexes it at both ends, with counters, atomically. 'duplicate'
   * when (from, type, to) exists; 'stale' when the guard's version moved; 'id_taken' when the id
   * is in use. Nothing is written unless 'ok'.
   */
  create(relationship: Relationship, guard: AcyclicGuard | null): Promise<CreateOutcome>;
  /** Removes the relationship and every index entry and count. False when it did not exist. */
  delete(relationship: Relationship): Promise<boolean>;
  getMany(ids: readonly string[]): Promise<Array<Relationship | null>>;
  /** Edges at each entity, in the given direction(s), in the order of `entityIds`. */
  adjacency(entityIds: readonly string[], direction: Direction): Promise<AdjacentEdge[][]>;
  degrees(entityIds: readonly string[], direction: Direction): Promise<number[]>;
  stats(): Promise<GraphStats>;
  acyclicVersion(relation: AcyclicRelation): Promise<number>;
  /** Entities with at least one relationship, a page at a time ('0' starts and ends). */
  scanEntities(cursor: string, count: number): Promise<{ cursor: string; entityIds: string[] }>;
}
