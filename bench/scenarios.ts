/** Benchmark scenarios: each is measured on Nexus and on the baseline server in the same run. */

import type { Pattern, Step } from '../src/domain/pattern/pattern.js';
import type { JsonValue } from '../src/domain/shared/json.js';

export interface Scenario {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** Patterns stored (through the Redis adapter) before the run. */
  patterns: Pattern[];
}

const tenSteps: Step[] = Array.from({ length: 10 }, (_, i) => {
  const key = `user:{id}:field_${i}`;
  // A get takes only its key: value and ttl belong to the sets.
  const parameters: JsonValue = i % 2 === 0 ? { key, value: '{value}', ttl: 3600 } : { key };
  return {
    id: `step_${i}`,
    type: 'CACHE',
    action: i % 2 === 0 ? 'set' : 'get',
    parameters,
    dependsOn: i === 0 ? [] : [`step_${i - 1}`],
    retries: 2,
    timeoutMs: 5000,
  };
});

const now = new Date().toISOString();

export const scenarios: Scenario[] = [
  {
    name: 'pattern(id), 10 steps',
    query: `query Bench($id: ID!) {
      pattern(id: $id) {
        id name description version origin category
        steps { id type action parameters dependsOn retries timeoutMs }
        metadata transactional isActive createdBy createdAt updatedAt
      }
    }`,
    variables: { id: 'bench_ten_steps' },
    patterns: [
      {
        id: 'bench_ten_steps',
        name: 'Benchmark pattern',
        description: 'Ten chained cache steps',
        version: 1,
        generation: 'g-bench',
        origin: 'USER',
        category: 'USER',
        steps: tenSteps,
        metadata: { purpose: 'bench' },
        transactional: false,
        isActive: true,
        createdBy: 'bench',
        createdAt: now,
        updatedAt: now,
      },
    ],
  },
];
