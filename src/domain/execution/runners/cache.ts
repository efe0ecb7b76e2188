import type { JsonValue } from '../../shared/json.js';
import type { KeyValueSpace } from '../key-value-store.js';
import type { StepOutcome, StepRunner } from '../step-runner.js';
import { cacheOp } from './cache-op.js';
import { withUndo } from './kv-ops.js';
import { parseStored } from './params.js';

/**
 * CACHE get|set|delete (`key`, `value`, `ttl`); a get's output is `{ value }`. Literal parameters
 * were parsed once, when the pattern version was compiled.
 */
export function cacheRunner(space: KeyValueSpace): StepRunner {
  return {
    async run(step, params, context): Promise<StepOutcome> {
      const op = step.literalOp ?? cacheOp(step, params);
      const store = space.of(context.namespace);
      if (op.action === 'get')
        return { output: { value: parseStored(await store.get(op.key)) as JsonValue } };
      const outcome = await withUndo(store, [op], () => store.pipeline([op]), context);
      return { output: { key: op.key }, undo: outcome.undo, undoRecord: outcome.undoRecord };
    },
  };
}
