import type { Pattern, Step } from '../../src/domain/pattern/pattern.js';
import { PatternService } from '../../src/domain/pattern/pattern-service.js';
import { systemClock } from '../../src/domain/shared/clock.js';
import type { Viewer } from '../../src/domain/shared/viewer.js';
import { MemoryPatternStore } from '../../src/infra/memory/memory-pattern-store.js';

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

/**
 * A user pattern of one short DELAY step created by `viewer` on a fresh embedded store: the
 * pattern service the schedule and run-end unit tests start from, and its store.
 */
export async function withOneDelayPattern(viewer: Viewer, id: string) {
  const store = new MemoryPatternStore();
  const patterns = new PatternService(store, systemClock);
  const pattern = await patterns.create(viewer, {
    id,
    name: id,
    description: null,
    origin: 'USER',
    category: 'USER',
    isActive: true,
    transactional: false,
    metadata: null,
    steps: [
      {
        id: 'a',
        type: 'DELAY',
        action: 'wait',
        parameters: { ms: 1 },
        dependsOn: [],
        retries: 0,
        timeoutMs: 1_000,
      },
    ],
  } as never);
  return { store, patterns, pattern };
}
