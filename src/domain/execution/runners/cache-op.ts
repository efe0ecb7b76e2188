import type { Step } from '../../pattern/pattern.js';
import { CACHE_PARAMETERS } from '../../pattern/step-parameters/index.js';
import type { JsonValue } from '../../shared/json.js';
import type { KeyValueOp } from '../key-value-store.js';
import { PermanentStepError } from '../step-runner.js';
import { toOp } from './kv-ops.js';
import { parseParams } from './params.js';

/** A CACHE step's op from its (filled-in) parameters; the action is the step's own. */
export function cacheOp(step: Step, params: JsonValue | null): KeyValueOp {
  const { action } = step;
  if (action !== 'get' && action !== 'set' && action !== 'delete') {
    throw new PermanentStepError(`CACHE steps have no action "${action}"`);
  }
  return toOp({ action, ...parseParams(CACHE_PARAMETERS[action], params, step) });
}
