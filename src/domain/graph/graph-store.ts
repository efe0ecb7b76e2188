import type {
  AcyclicRelation,
  AdjacentEdge,
  Direction,
  GraphStats,
  Relationship,
} from './relationship.js';

/**
 * An entity's version in an acyclic relation. It moves whenever an arc is added that leaves the
 * entity downwards (a PARENT edge from it, a CHILD edge to it, an OWNER edge from it) and never
 * returns to an earlier value (0 again only once the entity has no relationships at all).
 */
export interface EntityVersion {
  entity: string;
  version: number;
}

/**
 * What a create's acyclic check saw: every entity below the new arc's lower end, each with the
 * version it had before its edges were read. If none of them moved, nothing was added below
 * them, so nothing new is reachable from the lower end and the arc still closes no cycle.
 */
export interface AcyclicGuard {
  seen: readonly EntityVersion[];
}

/** An entity's edges with its version in a relation, read before them. */
export interface VersionedEdges {
  version: number;
  edges: AdjacentEdge[];
}

/**
 * `made`: (from, type, to) exists and was made with the new relationship's `origin` (the same
 * step of the same run, attempted again): the relationship it made, written by nobody else.
 */
/** A relationship deleted by a pattern step: that step, attempted again, finds it done. */
export interface Deletion {
  origin: string;
  relationship: Relationship;
}

/** How long a deletion by a step is remembered (a step attempted later deletes nothing anyway). */
export const DELETION_MEMORY_MS = 60 * 60 * 1000;

export type CreateOutcome = 'ok' | 'duplicate' | 'stale' | 'id_taken' | { made: Relationship };

/**
 * Storage of the relationship graph. Every read of many entities is one round trip, which is
 * what keeps breadth-first algorithms at one round trip per frontier.
 */
export interface GraphStore {
  /**
   * Stores the relationship and indexes it at both ends, with counters, atomically; for an
   * acyclic relation's type it also moves the version of the arc's upper end (guarded or not).
   * 'duplicate' when (from, type, to) exists (`made` when with the same origin, see
   * CreateOutcome); 'stale' when an entity the guard saw has another
   * version now; 'id_taken' when the id is in use. Nothing is written unless 'ok'.
   */
  create(relationship: Relationship, guard: AcyclicGuard | null): Promise<CreateOutcome>;
  /**
   * Removes the relationship and every index entry and count. False when it did not exist. With
   * `origin` (the run and step deleting it), remembers for DELETION_MEMORY_MS who deleted it and
   * what it was (see `deletion`), in the same atomic write.
   */
  delete(relationship: Relationship, origin?: string): Promise<boolean>;
  /** Who deleted a relationship with an origin, and what it was, while that is remembered. */
  deletion(id: string): Promise<Deletion | null>;
  getMany(ids: readonly string[]): Promise<Array<Relationship | null>>;
  /** Edges at each entity, in the given direction(s), in the order of `entityIds`. */
  adjacency(entityIds: readonly string[], direction: Direction): Promise<AdjacentEdge[][]>;
  degrees(entityIds: readonly string[], direction: Direction): Promise<number[]>;
  stats(): Promise<GraphStats>;
  /**
   * Edges at each entity, in the given direction(s), each entity's version in the relation
   * read before its edges (so a write in between shows as a moved version): one round trip.
   */
  versionedAdjacency(
    relation: AcyclicRelation,
    entityIds: readonly string[],
    direction: Direction,
  ): Promise<VersionedEdges[]>;
  /** Entities with at least one relationship, a page at a time ('0' starts and ends). */
  scanEntities(cursor: string, count: number): Promise<{ cursor: string; entityIds: string[] }>;
}
