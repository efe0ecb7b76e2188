import { randomBytes } from 'node:crypto';

/** Random bytes drawn at a time: one call per many ids, each call costing as much as a small one. */
const POOL_BYTES = 6 * 512;
let pool = Buffer.alloc(0);
let offset = 0;

/** 48 random bits in hex, from a pool of the system's cryptographic randomness. */
function random48(): string {
  if (offset + 6 > pool.length) {
    pool = randomBytes(POOL_BYTES);
    offset = 0;
  }
  const hex = pool.toString('hex', offset, offset + 6);
  offset += 6;
  return hex;
}

/** Ids that sort by creation time: a letter, ms in base 36, then 48 random bits. */
export function timeOrderedId(letter: string, now: Date): string {
  return `${letter}${now.getTime().toString(36).padStart(9, '0')}${random48()}`;
}
