import type { JsonValue } from '../shared/json.js';
import type { Pattern } from './pattern.js';
import { CONTENT_FIELDS, jsonEqual, STEP_FIELDS } from './pattern-content.js';

/** One field that differs between two versions, with its value in each. */
export interface FieldChange {
  field: string;
  before: JsonValue;
  after: JsonValue;
}

export interface StepChange {
  id: string;
  changes: FieldChange[];
}

/** What changed from one version of a pattern to another. */
export interface PatternDiff {
  from: number;
  to: number;
  /** Pattern fields that differ (name, description, category, transactional, isActive, metadata). */
  fields: FieldChange[];
  /** Ids of steps only in `to`, in its order. */
  stepsAdded: string[];
  /** Ids of steps only in `from`, in its order. */
  stepsRemoved: string[];
  /** Steps in both whose fields differ, in the order of `to`. */
  stepsChanged: StepChange[];
  /** Whether the steps both versions have are listed in another order. */
  stepsReordered: boolean;
  /** Nothing differs: the same content (a restore of the current content, an empty update). */
  identical: boolean;
}

type Version = Pick<Pattern, 'version' | 'steps' | (typeof CONTENT_FIELDS)[number]>;

export function diffPatterns(from: Version, to: Version): PatternDiff {
  const fields = CONTENT_FIELDS.flatMap((field) => change(field, from[field], to[field]));
  const before = new Map(from.steps.map((step) => [step.id, step]));
  const after = new Map(to.steps.map((step) => [step.id, step]));
  const stepsAdded = to.steps.filter((step) => !before.has(step.id)).map((step) => step.id);
  const stepsRemoved = from.steps.filter((step) => !after.has(step.id)).map((step) => step.id);
  const stepsChanged = to.steps.flatMap((step): StepChange[] => {
    const old = before.get(step.id);
    if (old === undefined) return [];
    const changes = STEP_FIELDS.flatMap((field) => change(field, old[field], step[field]));
    return changes.length === 0 ? [] : [{ id: step.id, changes }];
  });
  const commonBefore = from.steps.filter((step) => after.has(step.id)).map((step) => step.id);
  const commonAfter = to.steps.filter((step) => before.has(step.id)).map((step) => step.id);
  const stepsReordered = commonBefore.some((id, i) => commonAfter[i] !== id);
  return {
    from: from.version,
    to: to.version,
    fields,
    stepsAdded,
    stepsRemoved,
    stepsChanged,
    stepsReordered,
    identical:
      fields.length === 0 &&
      stepsAdded.length === 0 &&
      stepsRemoved.length === 0 &&
      stepsChanged.length === 0 &&
      !stepsReordered,
  };
}

function change(field: string, before: unknown, after: unknown): FieldChange[] {
  if (jsonEqual(before, after)) return [];
  return [{ field, before: before as JsonValue, after: after as JsonValue }];
}
