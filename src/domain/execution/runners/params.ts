import type { z } from 'zod';
import type { Step } from '../../pattern/pattern.js';
import { durationSeconds } from '../../pattern/step-parameters/cache.js';
import { checkParameters } from '../../pattern/step-parameters/index.js';
import { PermanentStepError } from '../step-runner.js';

/**
 * Checks a step's rendered parameters against the schema its pattern was checked with when
 * written (src/domain/pattern/step-parameters); a mismatch fails the step without retries. This
 * is also what checks patterns stored before those schemas existed.
 */
export function parseParams<Schema extends z.ZodType>(
  schema: Schema,
  params: unknown,
  step: Pick<Step, 'id' | 'type' | 'action' | 'parameters'>,
): z.output<Schema> {
  // Parameters left out take the defaults; a template ("{params}") that renders null does not.
  if (params === null && step.parameters !== null) {
    throw new PermanentStepError(
      `invalid parameters for step "${step.id}": parameters: must be an object, not null`,
    );
  }
  const result = checkParameters(schema, params, `${step.type} ${step.action}`);
  if (result.success) return result.data;
  const problems = result.issues.map(
    (issue) => `${issue.path.join('.') || 'parameters'}: ${issue.message}`,
  );
  throw new PermanentStepError(`invalid parameters for step "${step.id}": ${problems.join('; ')}`);
}

/** TTLs are seconds, or "30s", "15m", "24h", "7d" (checked by the schema before this). */
export function ttlSeconds(ttl: number | string | null | undefined): number | null {
  if (ttl === null || ttl === undefined) return null;
  if (typeof ttl === 'number') return ttl;
  const seconds = durationSeconds(ttl);
  if (!Number.isSafeInteger(seconds) || seconds <= 0)
    throw new PermanentStepError(
      `ttl "${ttl}" is not a number of seconds or a duration like "24h"`,
    );
  return seconds;
}

export function parseStored(raw: string | null): unknown {
  if (raw === null) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
