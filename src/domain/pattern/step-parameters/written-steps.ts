/** The parameter rules of a pattern's steps as written, on raw input (malformed steps included). */
import type { Issue } from '../../shared/errors.js';
import { jsonByteLength } from '../../shared/json.js';
import { STEP_TYPES, type StepType } from '../pattern.js';
import { writtenParameterIssues } from './check.js';
import type { StepParameterCatalog } from './index.js';
import { referenceIssues, type StepNode } from './references.js';

/**
 * Problems listed in one refusal: a body of 1 MiB can hold a hundred thousand wrong keys, and a
 * list of them all would be ten times the request (and, spread into one call, overflow the stack).
 * Once that many are found, the parameters of the steps after are not looked into.
 */
export const MAX_LISTED_ISSUES = 100;

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
  let stopped = false;
  const nodes = rawSteps.map((raw, index): StepNode | null => {
    if (typeof raw !== 'object' || raw === null) return null;
    const { id, type, action, parameters, dependsOn } = raw as Record<string, unknown>;
    if (jsonByteLength(parameters) > maxJsonBytes) return null;
    const spec =
      isStepType(type) && typeof action === 'string' ? catalog.spec(type, action) : undefined;
    if (spec && !stopped && issues.length >= MAX_LISTED_ISSUES) {
      const found = issues.length;
      issues.length = MAX_LISTED_ISSUES - 1;
      issues.push({
        path: [index, 'parameters'],
        message: `not checked, nor those of later steps: ${found} problems were found before (the first ${MAX_LISTED_ISSUES - 1} are listed)`,
      });
      stopped = true;
    } else if (spec && !stopped) {
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
  if (stopped) return issues;
  for (const issue of referenceIssues(nodes)) issues.push(issue);
  return issues;
}

export function isStepType(value: unknown): value is StepType {
  return typeof value === 'string' && (STEP_TYPES as readonly string[]).includes(value);
}
