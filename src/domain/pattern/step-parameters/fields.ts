/**
 * Building blocks of the step parameter schemas, with the messages a pattern author reads: the
 * same wording when a pattern is written and when a rendered step is checked before it runs.
 */
import { z } from 'zod';
import type { Issue } from '../../shared/errors.js';
import type { JsonValue } from '../../shared/json.js';
import type { StepType } from '../pattern.js';

/** One step type × action: what it does, what it takes and what it answers. */
export interface StepActionSpec {
  type: StepType;
  action: string;
  description: string;
  /** Strict: a key it does not name is refused. */
  parameters: z.ZodType;
  output: z.ZodType;
  /** Parameters that this schema accepts, as the README shows them. */
  example: JsonValue;
  /** Problems, as written, that the schema cannot see past a template (paths from the parameters). */
  moreWrittenIssues?: (parameters: unknown) => Issue[];
}

type RawIssue = { code: string; input?: unknown };

/** A type error names what was expected; a key left out says it is required. */
export function expected(what: string) {
  return (issue: RawIssue) => (issue.input === undefined ? 'is required' : `must be ${what}`);
}

export function boundedInt(min: number, max: number) {
  const range = `must be an integer between ${min} and ${max}`;
  return z
    .int({ error: expected('an integer') })
    .min(min, { error: range })
    .max(max, { error: range });
}

export function text(min: number, max: number) {
  return z
    .string({ error: expected('a string') })
    .min(min, { error: min === 1 ? 'must not be empty' : `must be at least ${min} characters` })
    .max(max, { error: `must be at most ${max} characters` });
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: expected(`one of: ${values.join(', ')}`) });
}

export function listOf<T extends z.ZodType>(item: T) {
  return z.array(item, { error: expected('a list') });
}

/** Any JSON value, the key may be left out. */
export function anyJson(description: string) {
  return z.unknown().optional().describe(description);
}

/** A strict object: a key it does not name is refused. */
export function params<Shape extends z.ZodRawShape>(shape: Shape, description: string) {
  return z.strictObject(shape, { error: expected('an object') }).describe(description);
}
