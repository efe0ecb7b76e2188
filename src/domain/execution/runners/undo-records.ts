import type { GraphService } from '../../graph/graph-service.js';
import type { JsonValue } from '../../shared/json.js';
import type { KeyValueSpace, PreviousValue } from '../key-value-store.js';
import type { StepContext } from '../step-runner.js';

/**
 * Undo as data: what a transactional step's undo closure captured, in a form recorded with the
 * step's result, so that a process that takes the run over (the closures died with the process
 * that made them) can still roll the run back.
 */
export type UndoRecord =
  | { restore: PreviousValue[] }
  | { deleteRelationship: string }
  | { createRelationship: Record<string, JsonValue> };

export function restoreRecord(before: readonly PreviousValue[]): JsonValue {
  return { restore: before.map((p) => ({ key: p.key, value: p.value, ttlMs: p.ttlMs })) };
}

/** The undo a record describes, run as the step's context says (its namespace and viewer). */
export function undoFromRecord(
  deps: { kv: KeyValueSpace; graph: GraphService },
  record: JsonValue,
  context: Pick<StepContext, 'namespace' | 'viewer'>,
): (() => Promise<void>) | undefined {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return undefined;
  const undo = record as Partial<UndoRecord & Record<string, unknown>>;
  if ('restore' in undo && Array.isArray(undo.restore)) {
    const before = undo.restore as PreviousValue[];
    return () => deps.kv.of(context.namespace).restore(before);
  }
  if ('deleteRelationship' in undo && typeof undo.deleteRelationship === 'string') {
    const id = undo.deleteRelationship;
    return async () => {
      await deps.graph.delete(context.viewer, id);
    };
  }
  if ('createRelationship' in undo && undo.createRelationship) {
    const existing = undo.createRelationship as unknown as Parameters<GraphService['create']>[1];
    return async () => {
      await deps.graph.create(context.viewer, { ...existing });
    };
  }
  return undefined;
}
