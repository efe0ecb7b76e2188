import {
  PIPELINE_PARAMETERS,
  TRANSACTION_PARAMETERS,
} from '../../pattern/step-parameters/index.js';
import type { KeyValueSpace } from '../key-value-store.js';
import { PermanentStepError, type StepRunner } from '../step-runner.js';
import { opResults, toOp, withUndo } from './kv-ops.js';
import { parseParams } from './params.js';

/** PIPELINE exec: every op in one round trip, one result per op. */
export function pipelineRunner(space: KeyValueSpace): StepRunner {
  return {
    async run(step, params, context) {
      const ops = parseParams(PIPELINE_PARAMETERS, params, step).ops.map(toOp);
      const store = space.of(context.namespace);
      const outcome = await withUndo(store, ops, () => store.pipeline(ops), context);
      return {
        output: opResults(ops, outcome.raw),
        undo: outcome.undo,
        undoRecord: outcome.undoRecord,
      };
    },
  };
}

/** TRANSACTION exec: MULTI/EXEC, all or nothing; `watch` keys that change make it retry. */
export function transactionRunner(space: KeyValueSpace): StepRunner {
  return {
    async run(step, params, context) {
      const parsed = parseParams(TRANSACTION_PARAMETERS, params, step);
      const ops = parsed.ops.map(toOp);
      const store = space.of(context.namespace);
      let conflict = false;
      const outcome = await withUndo(
        store,
        ops,
        async () => {
          const result = await store.transaction(ops, parsed.watch ?? []);
          if (result === 'conflict') {
            conflict = true;
            return [];
          }
          return result;
        },
        context,
      );
      // Retryable: another attempt sees the new values.
      if (conflict) throw new Error('a watched key changed; the transaction did not run');
      if (outcome.raw.length !== ops.length)
        throw new PermanentStepError('transaction returned no results');
      return {
        output: opResults(ops, outcome.raw),
        undo: outcome.undo,
        undoRecord: outcome.undoRecord,
      };
    },
  };
}
