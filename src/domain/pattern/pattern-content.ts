import type { Pattern, Step } from './pattern.js';

/** What a client writes of a pattern version (create, update, restore, import): no bookkeeping. */
export type PatternContent = Pick<
  Pattern,
  'name' | 'description' | 'category' | 'steps' | 'metadata' | 'transactional' | 'isActive'
>;

/** The pattern fields a version can change, in the order diffs and exports list them. */
export const CONTENT_FIELDS = [
  'name',
  'description',
  'category',
  'transactional',
  'isActive',
  'metadata',
] as const satisfies ReadonlyArray<keyof PatternContent>;

/** Every field of a step, in the order diffs list them. */
export const STEP_FIELDS = [
  'type',
  'action',
  'parameters',
  'dependsOn',
  'timeoutMs',
  'retries',
] as const satisfies ReadonlyArray<Exclude<keyof Step, 'id'>>;

export function contentOf(pattern: PatternContent): PatternContent {
  return {
    name: pattern.name,
    description: pattern.description,
    category: pattern.category,
    steps: pattern.steps.map(stepOf),
    metadata: pattern.metadata,
    transactional: pattern.transactional,
    isActive: pattern.isActive,
  };
}

export function stepOf(step: Step): Step {
  return {
    id: step.id,
    type: step.type,
    action: step.action,
    parameters: step.parameters,
    dependsOn: step.dependsOn,
    retries: step.retries,
    timeoutMs: step.timeoutMs,
  };
}

/** Whether two versions hold the same content (step order included; object key order not). */
export function sameContent(a: PatternContent, b: PatternContent): boolean {
  return (
    CONTENT_FIELDS.every((field) => jsonEqual(a[field], b[field])) &&
    a.steps.length === b.steps.length &&
    a.steps.every((step, i) => {
      const other = b.steps[i];
      return other !== undefined && jsonEqual(stepOf(step), stepOf(other));
    })
  );
}

/**
 * Structural equality of JSON values: objects compare by keys, not key order (stored JSON keeps
 * the order a client sent, which means nothing). Iterative, so no depth overflows the stack.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  const pending: Array<[unknown, unknown]> = [[a, b]];
  while (pending.length > 0) {
    const [x, y] = pending.pop() as [unknown, unknown];
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (Array.isArray(x) !== Array.isArray(y)) return false;
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length) return false;
      for (const [i, item] of x.entries()) pending.push([item, y[i]]);
      continue;
    }
    const xo = x as Record<string, unknown>;
    const yo = y as Record<string, unknown>;
    const keys = Object.keys(xo);
    if (keys.length !== Object.keys(yo).length) return false;
    for (const key of keys) {
      if (!Object.hasOwn(yo, key)) return false;
      pending.push([xo[key], yo[key]]);
    }
  }
  return true;
}
