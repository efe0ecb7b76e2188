/** The parameter rules of a pattern's steps as written, on raw input (malformed steps included). */
import type { Issue } from '../../shared/errors.js';
import { jsonByteLength } from '../../shared/json.js';
import { STEP_TYPES, type StepType } from '../pattern.js';
import { writtenParameterIssues } from './check.js';
import type { StepParameterCatalog } from './index.js';
import { referenceIssues, type StepNode } from './references.js';

/**
 * Every step's parameters against the schema of its type × action, and every placeholder that
 * reads another step; paths are relative to the list of steps. Parameters over the size cap are
 * reported as such elsewhere and not looked into; a step whose action its type does not have
 * is reported elsewhere too.
 */
export function writtenStepIssues(
  rawSteps: unknown,
  catalog: StepParameterCatalog,
  maxJsonBytes: number,
): Issue[] {
  if (!Array.isArray(rawSteps)) return [];
  const issues: Issue[] = [];
  const nodes = rawSteps.map((raw, index): StepNode | null => {
    if (typeof raw !== 'object' || raw === null) return null;
    const { id, type, action, parameters, dependsOn } = raw as Record<string, unknown>;
    if (jsonByteLength(parameters) > maxJsonBytes) return null;
    const spec =
      isStepType(type) && typeof action === 'string' ? catalog.spec(type, action) : undefined;
    if (spec) {
      for (const issue of writtenParameterIssues(spec, parameters)) {
        issues.push({ path: [index, 'parameters', ...issue.path], message: issue.message });
      }
    }
    if (typeof id !== 'string') return null;
    const deps = Array.isArray(dependsOn)
      ? dependsOn.filter((dep): dep is string => typeof dep === 'string')
      : [];
    return { id, dependsOn: deps, parameters };
  });
  for (const issue of referenceIssues(nodes)) issues.push(issue);
  return issues;
}

export function isStepType(value: unknown): value is StepType {
  return typeof value === 'string' && (STEP_TYPES as readonly string[]).includes(value);
}
