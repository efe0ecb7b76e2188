import type { Step } from '../../pattern/pattern.js';
import type { JsonValue } from '../../shared/json.js';
import type { KeyValueOp, KeyValueSpace } from '../key-value-store.js';
import type { StepOutcome, StepRunner } from '../step-runner.js';
import { opSchema, toOp, withUndo } from './kv-ops.js';
import { parseParams, parseStored } from './params.js';

/**
 * Parameters without placeholders are the step's own (frozen) object, the same in every run of
 * the pattern version: their parsed op is kept instead of validated again.
 */
const parsedOps = new WeakMap<object, KeyValueOp>();

function opOf(step: Step, params: JsonValue | null): KeyValueOp {
  const literal = typeof params === 'object' && params !== null && params === step.parameters;
  const known = literal ? parsedOps.get(params) : undefined;
  if (known) return known;
  const op = toOp(parseParams(opSchema, { ...(params as object), action: step.action }, step.id));
  if (literal) parsedOps.set(params, op);
  return op;
}

/** CACHE get|set|delete (`key`, `value`, `ttl`); a get's output is `{ value }`. */
export function cacheRunner(space: KeyValueSpace): StepRunner {
  return {
    async run(step, params, context): Promise<StepOutcome> {
      const op = opOf(step, params);
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
