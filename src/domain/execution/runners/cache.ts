import type { JsonValue } from '../../shared/json.js';
import type { KeyValueSpace } from '../key-value-store.js';
import type { StepOutcome, StepRunner } from '../step-runner.js';
import { opSchema, toOp, withUndo } from './kv-ops.js';
import { parseParams, parseStored } from './params.js';

/** CACHE get|set|delete (`key`, `value`, `ttl`); a get's output is `{ value }`. */
export function cacheRunner(space: KeyValueSpace): StepRunner {
  return {
    async run(step, params, context): Promise<StepOutcome> {
      const op = toOp(
        parseParams(opSchema, { ...(params as object), action: step.action }, step.id),
      );
      const store = space.of(context.namespace);
      if (op.action === 'get')
        return { output: { value: parseStored(await store.get(op.key)) as JsonValue } };
      const outcome = await withUndo(
        store,
        [op],
        () => store.pipeline([op]),
        context.transactional,
      );
      return { output: { key: op.key }, undo: outcome.undo };
    },
  };
}
