/**
 * Edge validation of pattern input with zod. Resolvers call these before the domain sees a
 * value, and every problem is reported at once as a ValidationError with the path of each.
 */
import { z } from 'zod';
import { type Issue, type IssuePath, ValidationError } from '../shared/errors.js';
import { type JsonValue, jsonByteLength } from '../shared/json.js';
import { findCycle, formatCycle } from './dag.js';
import {
  PATTERN_CATEGORIES,
  PATTERN_ORIGINS,
  type Pattern,
  STEP_ACTIONS,
  STEP_TYPES,
} from './pattern.js';
import { DEFAULT_STEP_PARAMETER_LIMITS, StepParameterCatalog } from './step-parameters/index.js';
import {
  isStepType,
  MAX_LISTED_ISSUES,
  writtenStepIssues,
} from './step-parameters/written-steps.js';

export { MAX_LISTED_ISSUES };

export const PATTERN_ID_RE = /^[a-z0-9][a-z0-9_.:-]{0,127}$/;
/** Step ids appear in templates (`{steps.<id>.output}`), so no dots or braces. */
export const STEP_ID_RE = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,63}$/;
export const MAX_NAME_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 2000;

/** What a client may set on a new pattern; the id is generated from the name when null. */
export type CreatePatternCommand = Pick<
  Pattern,
  | 'name'
  | 'description'
  | 'origin'
  | 'category'
  | 'steps'
  | 'metadata'
  | 'transactional'
  | 'isActive'
> & { id: string | null };

/** Fields left undefined are unchanged; `null` clears description or metadata. */
export type UpdatePatternCommand = Partial<
  Pick<
    Pattern,
    'name' | 'description' | 'category' | 'steps' | 'metadata' | 'transactional' | 'isActive'
  >
>;

/** The caps of pattern input, from configuration (NEXUS_MAX_STEPS, ...). */
export interface PatternLimits {
  maxSteps: number;
  /** Bytes of UTF-8 JSON in one step's parameters, or in a pattern's metadata. */
  maxJsonBytes: number;
  maxStepTimeoutMs: number;
  /** The largest GRAPH max_depth (NEXUS_MAX_TRAVERSAL_DEPTH); 10 when not given. */
  maxTraversalDepth?: number;
}

export const DEFAULT_PATTERN_LIMITS: PatternLimits = Object.freeze({
  maxSteps: 100,
  maxJsonBytes: 64 * 1024,
  maxStepTimeoutMs: 300_000,
});

export function isPatternId(value: string): boolean {
  return PATTERN_ID_RE.test(value);
}

const patternId = z
  .string({ error: 'must be a string' })
  .regex(PATTERN_ID_RE, { error: `must match ${PATTERN_ID_RE.source}` });

const name = z
  .string({ error: 'must be a non-null string' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(MAX_NAME_LENGTH, { error: `must be at most ${MAX_NAME_LENGTH} characters` });

const description = z
  .string({ error: 'must be a string' })
  .max(MAX_DESCRIPTION_LENGTH, { error: `must be at most ${MAX_DESCRIPTION_LENGTH} characters` });

/** The zod schemas of pattern input under the given caps. */
function inputSchemas(limits: PatternLimits) {
  const json = z.unknown().superRefine((value, ctx) => {
    if (jsonByteLength(value) > limits.maxJsonBytes) {
      ctx.addIssue({
        code: 'custom',
        message: `must be at most ${bytes(limits.maxJsonBytes)} of JSON`,
      });
      return;
    }
    // JSON has no Infinity or NaN (1e309 parses as Infinity): stored, it would become null.
    for (const at of nonFiniteNumbers(value)) {
      ctx.addIssue({ code: 'custom', path: [...at], message: 'must be a finite number' });
    }
  });
  // `.optional()` before `.transform()`: zod 4 makes a transformed key required otherwise.
  const nullableJson = json.optional().transform((value) => (value ?? null) as JsonValue | null);

  const boundedInt = (min: number, max: number) =>
    z
      .int({ error: 'must be an integer' })
      .min(min, { error: `must be between ${min} and ${max}` })
      .max(max, { error: `must be between ${min} and ${max}` });

  const step = z.object({
    id: z.string().regex(STEP_ID_RE, { error: `must match ${STEP_ID_RE.source}` }),
    type: z.enum(STEP_TYPES),
    action: z.string().min(1, { error: 'must not be empty' }),
    parameters: nullableJson,
    dependsOn: z
      .array(z.string())
      .nullish()
      .transform((value) => value ?? []),
    retries: boundedInt(0, 10)
      .nullish()
      .transform((value) => value ?? 0),
    timeoutMs: boundedInt(1, limits.maxStepTimeoutMs)
      .nullish()
      .transform((value) => value ?? null),
  });

  const steps = z
    .array(step, { error: 'must be a list of steps' })
    .min(1, { error: 'must contain at least 1 step' })
    .max(limits.maxSteps, { error: `must contain at most ${limits.maxSteps} steps` });

  const notNull = 'must not be null';

  const createSchema = z.object({
    id: patternId.nullish().transform((value) => value ?? null),
    name,
    description: description.nullish().transform((value) => value ?? null),
    origin: z
      .enum(PATTERN_ORIGINS)
      .nullish()
      .transform((value) => value ?? 'USER'),
    category: z.enum(PATTERN_CATEGORIES),
    steps,
    metadata: nullableJson,
    transactional: z
      .boolean()
      .nullish()
      .transform((value) => value ?? false),
    isActive: z
      .boolean()
      .nullish()
      .transform((value) => value ?? true),
  });

  const updateSchema = z.object({
    name: name.optional(),
    description: description.nullish(),
    category: z.enum(PATTERN_CATEGORIES, { error: notNull }).optional(),
    steps: steps.optional(),
    metadata: json.optional().transform((value) => value as JsonValue | null | undefined),
    transactional: z.boolean({ error: notNull }).optional(),
    isActive: z.boolean({ error: notNull }).optional(),
  });

  return { createSchema, updateSchema };
}

export interface PatternInputParser {
  parseCreate(raw: unknown, path?: IssuePath): CreatePatternCommand;
  parseUpdate(raw: unknown, path?: IssuePath): UpdatePatternCommand;
  /** The step parameter schemas it checks with; runners check rendered steps with the same. */
  readonly stepParameters: StepParameterCatalog;
}

/** Parsers of create/update input under the given caps; every problem reported at once. */
export function patternInputParser(
  limits: PatternLimits = DEFAULT_PATTERN_LIMITS,
): PatternInputParser {
  const { createSchema, updateSchema } = inputSchemas(limits);
  const stepParameters = new StepParameterCatalog({
    maxTraversalDepth: limits.maxTraversalDepth ?? DEFAULT_STEP_PARAMETER_LIMITS.maxTraversalDepth,
  });
  const stepIssues = (raw: unknown): Issue[] => {
    const steps = field(raw, 'steps');
    const issues = stepGraphIssues(steps);
    for (const issue of writtenStepIssues(steps, stepParameters, limits.maxJsonBytes))
      issues.push(issue);
    return issues.map((issue) => prefixed(['steps'], issue));
  };
  return {
    stepParameters,
    parseCreate(raw, path = []) {
      return parseOrThrow(createSchema, raw, path, stepIssues(raw));
    },
    parseUpdate(raw, path = []) {
      const extra = stepIssues(raw);
      const command = parseOrThrow(updateSchema, raw, path, extra);
      if (Object.values(command).every((value) => value === undefined)) {
        throw ValidationError.single(path, 'provide at least one field to change');
      }
      return command;
    },
  };
}

const defaultParser = patternInputParser();

/** With the default caps (tests, built-in patterns). */
export function parseCreatePatternInput(raw: unknown, path: IssuePath = []): CreatePatternCommand {
  return defaultParser.parseCreate(raw, path);
}

export function parseUpdatePatternInput(raw: unknown, path: IssuePath = []): UpdatePatternCommand {
  return defaultParser.parseUpdate(raw, path);
}

/** Whether a value holds a number JSON cannot write; walked without building paths. */
function hasNonFinite(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'number') {
      if (!Number.isFinite(next)) return true;
    } else if (next !== null && typeof next === 'object') {
      for (const item of Array.isArray(next) ? next : Object.values(next)) pending.push(item);
    }
  }
  return false;
}

/** Where a value holds a number JSON cannot write (at most MAX_LISTED_ISSUES places). */
function nonFiniteNumbers(value: unknown): IssuePath[] {
  const found: IssuePath[] = [];
  if (!hasNonFinite(value)) return found;
  const pending: Array<{ value: unknown; path: IssuePath }> = [{ value, path: [] }];
  while (pending.length > 0 && found.length < MAX_LISTED_ISSUES) {
    const next = pending.pop() as { value: unknown; path: IssuePath };
    if (typeof next.value === 'number' && !Number.isFinite(next.value)) found.push(next.path);
    else if (next.value !== null && typeof next.value === 'object') {
      const entries: Array<[string | number, unknown]> = Array.isArray(next.value)
        ? next.value.map((item, i) => [i, item])
        : Object.entries(next.value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i] as [string | number, unknown];
        if (typeof item === 'number' || (item !== null && typeof item === 'object'))
          pending.push({ value: item, path: [...next.path, key] });
      }
    }
  }
  return found;
}

function bytes(count: number): string {
  return count % 1024 === 0 ? `${count / 1024} KiB` : `${count} bytes`;
}

/**
 * Rules that relate steps to each other. They run on the raw input, even when some steps
 * are malformed, so that one response lists every problem.
 */
export function stepGraphIssues(rawSteps: unknown): Issue[] {
  if (!Array.isArray(rawSteps)) return [];
  const issues: Issue[] = [];
  const firstIndexOf = new Map<string, number>();

  rawSteps.forEach((raw, index) => {
    const id = field(raw, 'id');
    if (typeof id !== 'string') return;
    const first = firstIndexOf.get(id);
    if (first === undefined) firstIndexOf.set(id, index);
    else
      issues.push({ path: [index, 'id'], message: `"${id}" is already the id of step ${first}` });
  });

  const nodes: Array<{ id: string; dependsOn: string[] }> = [];
  rawSteps.forEach((raw, index) => {
    const id = field(raw, 'id');
    const type = field(raw, 'type');
    const action = field(raw, 'action');
    if (isStepType(type) && typeof action === 'string' && action !== '') {
      const allowed = STEP_ACTIONS[type];
      if (!allowed.includes(action)) {
        issues.push({
          path: [index, 'action'],
          message: `"${action}" is not an action of ${type} steps (expected one of: ${allowed.join(', ')})`,
        });
      }
    }
    const deps = field(raw, 'dependsOn');
    const dependsOn = Array.isArray(deps)
      ? deps.filter((dep): dep is string => typeof dep === 'string')
      : [];
    const seen = new Set<string>();
    dependsOn.forEach((dep, depIndex) => {
      if (!firstIndexOf.has(dep)) {
        issues.push({
          path: [index, 'dependsOn', depIndex],
          message: `"${dep}" names no step of this pattern`,
        });
      } else if (seen.has(dep)) {
        issues.push({ path: [index, 'dependsOn', depIndex], message: `"${dep}" is listed twice` });
      }
      seen.add(dep);
    });
    if (typeof id === 'string' && firstIndexOf.get(id) === index) nodes.push({ id, dependsOn });
  });

  const cycle = findCycle(nodes);
  if (cycle?.[0] !== undefined) {
    issues.push({
      path: [firstIndexOf.get(cycle[0]) ?? 0, 'dependsOn'],
      message: `dependency cycle: ${formatCycle(cycle)}`,
    });
  }
  return issues;
}

function parseOrThrow<Schema extends z.ZodType>(
  schema: Schema,
  raw: unknown,
  path: IssuePath,
  extraIssues: readonly Issue[],
): z.output<Schema> {
  const result = schema.safeParse(raw);
  const issues: Issue[] = result.success
    ? []
    : result.error.issues.map((issue) => ({
        path: issue.path.filter((key): key is string | number => typeof key !== 'symbol'),
        message: issue.message,
      }));
  for (const issue of extraIssues) issues.push(issue);
  if (issues.length > 0 || !result.success) {
    const listed = issues.slice(0, MAX_LISTED_ISSUES).map((issue) => prefixed(path, issue));
    if (issues.length > MAX_LISTED_ISSUES) {
      listed.push({
        path: [...path],
        message: `${issues.length - MAX_LISTED_ISSUES} more problems are not listed (${issues.length} found)`,
      });
    }
    throw new ValidationError(listed);
  }
  return result.data;
}

function prefixed(path: IssuePath, issue: Issue): Issue {
  return { path: [...path, ...issue.path], message: issue.message };
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}
