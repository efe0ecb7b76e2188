import { timeOrderedId } from '../shared/ids.js';

/** Relationship ids sort by creation time, so keyset pagination by id lists oldest first. */
export function newRelationshipId(now: Date): string {
  return timeOrderedId('r', now);
}
