import type { z } from 'zod';
import type { PIPELINE_PARAMETERS } from '../../pattern/step-parameters/index.js';
import type { JsonValue } from '../../shared/json.js';
import type { KeyValueOp, KeyValueStore } from '../key-value-store.js';
import type { StepContext, StepOutcome } from '../step-runner.js';
import { parseStored, ttlSeconds } from './params.js';
import { restoreRecord } from './undo-records.js';

/** One op as its schema gives it (a CACHE step's parameters, with the step's action). */
export type OpParams = z.output<typeof PIPELINE_PARAMETERS>['ops'][number];

export function toOp(op: OpParams): KeyValueOp {
  if (op.action === 'set') {
    return {
      action: 'set',
      key: op.key,
      value: JSON.stringify(op.value ?? null),
      ttlSeconds: ttlSeconds(op.ttl),
    };
  }
  return op;
}

/**
 * Runs write ops; in a transactional run, after a snapshot of the keys they write (one more
 * round trip) so that the step can be undone, and, in a durable run, after recording that
 * snapshot with the step (one more) so that a process taking the run over can undo it too.
 */
export function withUndo(
  store: KeyValueStore,
  ops: readonly KeyValueOp[],
  write: () => Promise<Array<string | null>>,
  context: Pick<StepContext, 'transactional' | 'beforeWrite'>,
): Promise<StepOutcome & { raw: Array<string | null> }> {
  // Most runs are not transactional: no snapshot, and no async layer of its own per step.
  if (!context.transactional) return write().then((raw) => ({ raw, output: null }));
  return writeUndoably(store, ops, write, context.beforeWrite);
}

async function writeUndoably(
  store: KeyValueStore,
  ops: readonly KeyValueOp[],
  write: () => Promise<Array<string | null>>,
  beforeWrite: StepContext['beforeWrite'],
): Promise<StepOutcome & { raw: Array<string | null> }> {
  const written = [...new Set(ops.filter((op) => op.action !== 'get').map((op) => op.key))];
  const before = await store.snapshot(written);
  const undoRecord = written.length > 0 ? restoreRecord(before) : undefined;
  if (undoRecord !== undefined) await beforeWrite?.(undoRecord);
  const raw = await write();
  return {
    raw,
    output: null,
    undo: written.length > 0 ? () => store.restore(before) : undefined,
    undoRecord,
  };
}

export function opResults(
  ops: readonly KeyValueOp[],
  raw: ReadonlyArray<string | null>,
): JsonValue {
  return ops.map((op, i) =>
    op.action === 'get' ? (parseStored(raw[i] ?? null) as JsonValue) : 'OK',
  );
}
