/** Steps of the attacks that the attack tests, the noisy-neighbour test and its bench replay. */
import type { StepInput } from '../gql/graphql.js';

/** A PIPELINE of `count` sets, each holding "{p}": rendered, the input `p` times `count`. */
export function amplifyingPipeline(count = 1000): StepInput[] {
  return [
    {
      id: 'amplify',
      type: 'PIPELINE',
      action: 'exec',
      parameters: {
        ops: Array.from({ length: count }, (_, i) => ({
          action: 'set',
          key: `a${i}`,
          value: '{p}',
        })),
      },
    },
  ];
}

/** `count` PATTERN steps, each running `target` (a composite fan-out). */
export function patternCalls(count: number, target: string, timeoutMs?: number): StepInput[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `c${i}`,
    type: 'PATTERN' as const,
    action: 'execute',
    parameters: { pattern_id: target },
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  }));
}

/** `count` DELAY steps of `ms` each (with a timeout that lets them finish). */
export function longDelays(count: number, ms: number): StepInput[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `d${i}`,
    type: 'DELAY' as const,
    action: 'wait',
    parameters: { ms },
    timeoutMs: Math.min(ms + 10_000, 300_000),
  }));
}
