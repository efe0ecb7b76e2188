import type { Pattern, Step } from '../../src/domain/pattern/pattern.js';

let counter = 0;

export function step(id: string, dependsOn: string[] = []): Step {
  return {
    id,
    type: 'CACHE',
    action: 'set',
    parameters: { key: `k:${id}`, value: '{value}' },
    dependsOn,
    retries: 0,
    timeoutMs: null,
  };
}

/** The generation of every pattern makePattern builds (unless overridden). */
export const TEST_GENERATION = 'g-test';

/** A valid version-1 pattern; each call gets a distinct id unless one is given. */
export function makePattern(overrides: Partial<Pattern> = {}): Pattern {
  counter += 1;
  const at = new Date(Date.UTC(2026, 0, 1, 0, 0, counter)).toISOString();
  return {
    id: `p${counter}`,
    name: `Pattern ${counter}`,
    description: null,
    version: 1,
    origin: 'USER',
    category: 'NOTIFICATION',
    steps: [step('a'), step('b', ['a'])],
    metadata: { owner: 'team', nested: { list: [], empty: {} } },
    transactional: false,
    isActive: true,
    createdBy: 'alice',
    createdAt: at,
    updatedAt: at,
    generation: TEST_GENERATION,
    ...overrides,
  };
}

/** The next version of a pattern, changed as given, one second later. */
export function nextVersion(pattern: Pattern, changes: Partial<Pattern> = {}): Pattern {
  return {
    ...pattern,
    version: pattern.version + 1,
    updatedAt: new Date(Date.parse(pattern.updatedAt) + 1000).toISOString(),
    ...changes,
  };
}
