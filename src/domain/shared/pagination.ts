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
