import type { Step } from '../../pattern/pattern.js';
import type { JsonValue } from '../../shared/json.js';
import type { KeyValueOp } from '../key-value-store.js';
import { opSchema, toOp } from './kv-ops.js';
import { parseParams } from './params.js';

/** A CACHE step's op from its (filled-in) parameters; the action is the step's own. */
export function cacheOp(step: Step, params: JsonValue | null): KeyValueOp {
  return toOp(parseParams(opSchema, { ...(params as object), action: step.action }, step.id));
}
