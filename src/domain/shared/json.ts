import type { Issue } from './errors.js';

export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonValue[]
  | { [key: string]: JsonValue };

/** Size of a value once serialised as JSON, in bytes (what a limit on "64 KiB of JSON" means). */
export function jsonByteLength(value: unknown): number {
  const text = JSON.stringify(value);
  return text === undefined ? 0 : Buffer.byteLength(text, 'utf8');
}

/** A container on the walk, with the way back to the root for naming its path. */
interface Visit {
  value: unknown;
  depth: number;
  key: string | number | null;
  parent: Visit | null;
}

/**
 * Where a value nests objects and lists deeper than `maxDepth` (the top container is level 1),
 * or holds a number JSON cannot write (`1e309` parses as Infinity, which would be stored as
 * null), at most `maxIssues` places. Iterative and stops descending at the limit, so that no
 * value, however deep, can overflow the stack here; parent links keep memory linear in the value.
 */
export function jsonDepthIssues(value: unknown, maxDepth: number, maxIssues = 20): Issue[] {
  const issues: Issue[] = [];
  const pending: Visit[] = [{ value, depth: 1, key: null, parent: null }];
  while (pending.length > 0 && issues.length < maxIssues) {
    const visit = pending.pop() as Visit;
    if (typeof visit.value === 'number' && !Number.isFinite(visit.value)) {
      issues.push({ path: pathOf(visit), message: 'must be a finite number' });
      continue;
    }
    if (typeof visit.value !== 'object' || visit.value === null) continue;
    if (visit.depth > maxDepth) {
      issues.push({ path: pathOf(visit), message: `must not nest deeper than ${maxDepth} levels` });
      continue;
    }
    const entries: Array<[string | number, unknown]> = Array.isArray(visit.value)
      ? visit.value.map((item, index) => [index, item])
      : Object.entries(visit.value);
    // Reversed onto the stack, so that issues come out in the order of the value.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i] as [string | number, unknown];
      if (typeof item === 'object' && item !== null) {
        pending.push({ value: item, depth: visit.depth + 1, key, parent: visit });
      } else if (typeof item === 'number' && !Number.isFinite(item)) {
        // Pushed to be reported in the order of the value, with its path.
        pending.push({ value: item, depth: visit.depth + 1, key, parent: visit });
      }
    }
  }
  return issues;
}

function pathOf(visit: Visit): Array<string | number> {
  const path: Array<string | number> = [];
  for (let at: Visit | null = visit; at !== null && at.key !== null; at = at.parent) {
    path.push(at.key);
  }
  return path.reverse();
}
