/**
 * Checking parameters against their schema, the same way when a pattern is written and when a
 * rendered step is about to run. At write time a string holding a placeholder stands for
 * whatever it renders to ("{n}" may become a number), so problems at or under such a value are
 * left to the run-time check, which sees the rendered value.
 */
import { z } from 'zod';
import { placeholdersIn } from '../../execution/template.js';
import type { Issue } from '../../shared/errors.js';
import type { StepActionSpec } from './fields.js';

export type ParameterCheck<T> = { success: true; data: T } | { success: false; issues: Issue[] };

/** The parameters as the step uses them (defaults filled in), or every problem with its path. */
export function checkParameters<Schema extends z.ZodType>(
  schema: Schema,
  parameters: unknown,
  what: string,
): ParameterCheck<z.output<Schema>> {
  // Steps without parameters take the defaults, as the runners always have.
  const result = schema.safeParse(parameters ?? {});
  if (result.success) return { success: true, data: result.data };
  return { success: false, issues: result.error.issues.flatMap((issue) => toIssues(issue, what)) };
}

/** Problems of parameters as written, leaving templated values to the run-time check. */
export function writtenParameterIssues(spec: StepActionSpec, parameters: unknown): Issue[] {
  const result = checkParameters(spec.parameters, parameters, subjectOf(spec));
  if (result.success) return [];
  return result.issues.filter((issue) => !templatedAlong(parameters, issue.path));
}

/** "DELAY wait (it takes: ms)": what an unknown key is reported against. */
export function subjectOf(spec: StepActionSpec): string {
  const { parameters } = spec;
  const keys = parameters instanceof z.ZodObject ? Object.keys(parameters.shape) : [];
  return `${spec.type} ${spec.action}${keys.length > 0 ? ` (it takes: ${keys.join(', ')})` : ''}`;
}

function toIssues(issue: z.core.$ZodIssue, what: string): Issue[] {
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const where =
      path.length === 0 ? `is not a parameter of ${what}` : 'is not a key of this object';
    return issue.keys.map((key) => ({ path: [...path, key], message: where }));
  }
  return [{ path, message: issue.message }];
}

/** Whether the value at `path`, or anything on the way to it, is a string with a placeholder. */
function templatedAlong(root: unknown, path: readonly (string | number)[]): boolean {
  let current: unknown = root;
  for (let depth = 0; ; depth++) {
    if (typeof current === 'string') return placeholdersIn(current).length > 0;
    const key = path[depth];
    if (key === undefined || current === null || typeof current !== 'object') return false;
    current = (current as Record<string | number, unknown>)[key];
  }
}
