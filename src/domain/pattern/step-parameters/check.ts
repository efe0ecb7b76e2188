/**
 * Checking parameters against their schema, the same way when a pattern is written and when a
 * rendered step is about to run. At write time a string that is exactly one placeholder ("{n}")
 * stands for a value of any type, so problems at or under it are left to the run-time check,
 * which sees the rendered value. A placeholder inside a longer string ("user:{id}") always
 * renders a string: a field that takes no string still refuses it, while its format, length or
 * choice of values is checked once rendered.
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
  const issues = writtenIssues(spec.parameters, parameters ?? {}, subjectOf(spec));
  for (const issue of spec.moreWrittenIssues?.(parameters) ?? []) issues.push(issue);
  return issues;
}

/** Problems of a value as written against a schema, leaving templated values to their rendering. */
export function writtenIssues(schema: z.ZodType, value: unknown, what: string): Issue[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues
    .filter((issue) => !renderedLater(value, issue))
    .flatMap((issue) => toIssues(issue, what));
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

/** Whether a problem is about a templated value, which only its rendering can settle. */
function renderedLater(root: unknown, issue: z.core.$ZodIssue): boolean {
  let current: unknown = root;
  for (let depth = 0; ; depth++) {
    if (typeof current === 'string') {
      const placeholders = placeholdersIn(current);
      if (placeholders.length === 0) return false;
      const whole = placeholders.length === 1 && current === `{${placeholders[0]}}`;
      // A longer string renders a string: only "not a string" is known already.
      return whole || issue.code !== 'invalid_type' || issue.expected === 'string';
    }
    const key = issue.path[depth];
    if (key === undefined || current === null || typeof current !== 'object') return false;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
}
