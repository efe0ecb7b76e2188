import type { JsonValue } from '../shared/json.js';

export const RELATIONSHIP_TYPES = ['OWNER', 'MEMBER', 'LINKED', 'PARENT', 'CHILD'] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export const DIRECTIONS = ['OUT', 'IN', 'BOTH'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/**
 * A typed, directed relationship. Immutable once created. Timestamps are ISO-8601. A type alias,
 * not an interface, so that it is a JsonValue (the payload of its events).
 */
export type Relationship = {
  id: string;
  type: RelationshipType;
  from: string;
  to: string;
  metadata: JsonValue | null;
  createdAt: string;
  createdBy: string | null;
  /**
   * The run and step that made it ("<execution id>/<step id>"), for a relationship a pattern
   * step created: that step, attempted again, recognises it as its own. Absent otherwise.
   */
  origin?: string;
};

/** The type read from the other end: PARENT⇄CHILD, LINKED⇄LINKED; OWNER and MEMBER have none. */
export function inverseType(type: RelationshipType): RelationshipType | null {
  switch (type) {
    case 'PARENT':
      return 'CHILD';
    case 'CHILD':
      return 'PARENT';
    case 'LINKED':
      return 'LINKED';
    default:
      return null;
  }
}

/**
 * Relations that must stay acyclic. PARENT and CHILD describe one hierarchy (a CHILD edge
 * b→a says what a PARENT edge a→b says); OWNER is its own relation.
 */
export type AcyclicRelation = 'hierarchy' | 'ownership';

export function acyclicRelationOf(type: RelationshipType): AcyclicRelation | null {
  if (type === 'PARENT' || type === 'CHILD') return 'hierarchy';
  if (type === 'OWNER') return 'ownership';
  return null;
}

/** One end of a relationship as seen from an entity. */
export interface AdjacentEdge {
  relationshipId: string;
  type: RelationshipType;
  /** OUT: the entity is `from`; IN: the entity is `to`. */
  direction: 'OUT' | 'IN';
  neighbor: string;
}

export interface GraphStats {
  entityCount: number;
  relationshipCount: number;
  byType: Array<{ type: RelationshipType; count: number }>;
}
