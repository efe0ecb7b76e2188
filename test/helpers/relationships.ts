import type { Relationship, RelationshipType } from '../../src/domain/graph/relationship.js';

let counter = 0;

/** A relationship with a fresh, time-ordered-looking id. */
export function makeRelationship(
  from: string,
  to: string,
  type: RelationshipType = 'LINKED',
  overrides: Partial<Relationship> = {},
): Relationship {
  counter += 1;
  return {
    id: `r${String(counter).padStart(12, '0')}`,
    type,
    from,
    to,
    metadata: { weight: counter, tags: [], nested: {} },
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, counter)).toISOString(),
    createdBy: 'alice',
    ...overrides,
  };
}

/** A seeded pseudo-random generator (mulberry32), so failures can be replayed by seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
