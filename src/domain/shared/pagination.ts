import { ValidationError } from './errors.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageRequest<Cursor> {
  first: number;
  after: Cursor | null;
}

export interface Page<Item, Cursor> {
  items: Array<{ item: Item; cursor: Cursor }>;
  totalCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** Opaque Relay cursors: base64url of a JSON tuple, so clients cannot rely on their shape. */
export function encodeCursor(parts: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, argName = 'after'): unknown[] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed)) return parsed;
  } catch {
    // fall through to the validation error below
  }
  throw ValidationError.single([argName], 'is not a valid cursor');
}

export function pageSize(first: number | null | undefined, argName = 'first'): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw ValidationError.single([argName], `must be between 0 and ${MAX_PAGE_SIZE}`);
  }
  return first;
}

/** A keyset position in lists ordered newest first (`ms`), then by id descending. */
export interface KeysetPosition {
  ms: number;
  id: string;
}

export function encodeKeysetCursor(position: KeysetPosition): string {
  return encodeCursor([position.ms, position.id]);
}

export function decodeKeysetCursor(cursor: string, argName = 'after'): KeysetPosition {
  const [ms, id, ...rest] = decodeCursor(cursor, argName);
  if (
    typeof ms !== 'number' ||
    !Number.isSafeInteger(ms) ||
    typeof id !== 'string' ||
    rest.length > 0
  ) {
    throw ValidationError.single([argName], 'is not a valid cursor');
  }
  return { ms, id };
}

/** True when `a` lists before `b`: newer first, then id descending (bytewise for ASCII ids). */
export function listsBefore(a: KeysetPosition, b: KeysetPosition): boolean {
  return a.ms !== b.ms ? a.ms > b.ms : a.id > b.id;
}

/** One page of `items` strictly after `after`, in keyset order; for the in-memory adapters. */
export function pageAfter<T>(
  items: readonly T[],
  positionOf: (item: T) => KeysetPosition,
  after: KeysetPosition | null,
  limit: number,
): { items: T[]; totalCount: number; countBefore: number; hasMore: boolean } {
  const ordered = [...items].sort((a, b) => (listsBefore(positionOf(a), positionOf(b)) ? -1 : 1));
  const start = after ? ordered.findIndex((item) => listsBefore(after, positionOf(item))) : 0;
  const from = start === -1 ? ordered.length : start;
  return {
    items: ordered.slice(from, from + limit),
    totalCount: ordered.length,
    countBefore: from,
    hasMore: from + limit < ordered.length,
  };
}
