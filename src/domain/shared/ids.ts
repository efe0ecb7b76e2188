import { randomBytes } from 'node:crypto';

/** Ids that sort by creation time: a letter, ms in base 36, then 48 random bits. */
export function timeOrderedId(letter: string, now: Date): string {
  return `${letter}${now.getTime().toString(36).padStart(9, '0')}${randomBytes(6).toString('hex')}`;
}
