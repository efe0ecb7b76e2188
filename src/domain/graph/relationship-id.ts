import { randomBytes } from 'node:crypto';

/**
 * Relationship ids sort by creation time (ms in base 36, then 48 random bits), so keyset
 * pagination by id lists relationships oldest first.
 */
export function newRelationshipId(now: Date): string {
  return `r${now.getTime().toString(36).padStart(9, '0')}${randomBytes(6).toString('hex')}`;
}
