import type { z } from 'zod';
import { PermanentStepError } from '../step-runner.js';

/** Validates a step's rendered parameters; a mismatch fails the step without retries. */
export function parseParams<Schema extends z.ZodType>(
  schema: Schema,
  params: unknown,
  stepId: string,
): z.output<Schema> {
  const result = schema.safeParse(params ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `${issue.path.join('.') || 'parameters'}: ${issue.message}`,
  );
  throw new PermanentStepError(`invalid parameters for step "${stepId}": ${problems.join('; ')}`);
}

/** TTLs are seconds, or "30s", "15m", "24h", "7d". */
export function ttlSeconds(ttl: number | string | null | undefined): number | null {
  if (ttl === null || ttl === undefined) return null;
  if (typeof ttl === 'number') return ttl;
  const match = /^(\d+)(s|m|h|d)$/.exec(ttl);
  if (!match)
    throw new PermanentStepError(
      `ttl "${ttl}" is not a number of seconds or a duration like "24h"`,
    );
  const unit = { s: 1, m: 60, h: 3600, d: 86_400 }[match[2] as 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
}

export function parseStored(raw: string | null): unknown {
  if (raw === null) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
