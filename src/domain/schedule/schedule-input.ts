/**
 * Edge validation of schedulePattern's input with zod: every problem at once, each with its
 * path (under `input`), before the service sees a value.
 */
import cronParser from 'cron-parser';
import { z } from 'zod';
import { type Issue, type IssuePath, ValidationError } from '../shared/errors.js';
import { type JsonValue, jsonByteLength } from '../shared/json.js';
import type { ScheduleTiming } from './schedule.js';

/** The shortest interval: a tick a second is as often as a cron pattern with seconds can fire. */
export const MIN_EVERY_MS = 1_000;
/** The longest interval (7 days; it fits a GraphQL Int): longer ones are cron patterns. */
export const MAX_EVERY_MS = 7 * 86_400_000;
const MAX_CRON_LENGTH = 120;
export const DEFAULT_TIMEZONE = 'UTC';

export interface ScheduleCommand {
  patternId: string;
  timing: ScheduleTiming;
  input: JsonValue | null;
}

export interface ScheduleInputLimits {
  /** Bytes of JSON the pattern input of each fire may hold. */
  maxInputBytes: number;
}

/** Whether Intl knows the IANA zone (the zones cron-parser, through Luxon, resolves). */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** cron-parser's complaint about a pattern, or null when it parses (5 fields, or 6 with seconds). */
function cronProblem(cron: string): string | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length < 5 || fields.length > 6)
    return 'must have 5 fields (minute hour day month weekday) or 6 (seconds first)';
  try {
    cronParser.parseExpression(cron, { tz: DEFAULT_TIMEZONE }).next();
    return null;
  } catch (error) {
    return `is not a valid cron pattern: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function schema(limits: ScheduleInputLimits) {
  return z
    .object({
      patternId: z.string().min(1, { error: 'must not be empty' }).max(128),
      cron: z.string().max(MAX_CRON_LENGTH).nullish(),
      everyMs: z
        .number()
        .int({ error: 'must be an integer' })
        .min(MIN_EVERY_MS, { error: `must be at least ${MIN_EVERY_MS}` })
        .max(MAX_EVERY_MS, { error: `must be at most ${MAX_EVERY_MS} (7 days); use cron` })
        .nullish(),
      timezone: z.string().max(64).nullish(),
      input: z.unknown().nullish(),
    })
    .superRefine((value, ctx) => {
      const hasCron = value.cron != null;
      const hasEvery = value.everyMs != null;
      if (hasCron === hasEvery) {
        ctx.addIssue({
          code: 'custom',
          path: [hasCron ? 'everyMs' : 'cron'],
          message: 'give exactly one of cron and everyMs',
        });
      }
      if (value.cron != null) {
        const problem = cronProblem(value.cron);
        if (problem) ctx.addIssue({ code: 'custom', path: ['cron'], message: problem });
      }
      if (value.timezone != null) {
        if (!hasCron)
          ctx.addIssue({
            code: 'custom',
            path: ['timezone'],
            message: 'applies to cron only (an interval is the same in every zone)',
          });
        else if (!isTimeZone(value.timezone))
          ctx.addIssue({
            code: 'custom',
            path: ['timezone'],
            message: 'must be an IANA time zone, e.g. "Europe/Paris" or "UTC"',
          });
      }
      const bytes = jsonByteLength(value.input ?? null);
      if (bytes > limits.maxInputBytes) {
        ctx.addIssue({
          code: 'custom',
          path: ['input'],
          message: `must be at most ${limits.maxInputBytes} bytes of JSON (got ${bytes})`,
        });
      }
    });
}

/** Parses schedulePattern's input; throws a ValidationError listing every problem. */
export function parseScheduleInput(
  raw: unknown,
  limits: ScheduleInputLimits,
  at: IssuePath = ['input'],
): ScheduleCommand {
  const result = schema(limits).safeParse(raw);
  if (!result.success) {
    const issues: Issue[] = result.error.issues.map((issue) => ({
      path: [...at, ...issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part))],
      message: issue.message,
    }));
    throw new ValidationError(issues);
  }
  const value = result.data;
  const timing: ScheduleTiming =
    value.cron != null
      ? { kind: 'cron', cron: value.cron.trim(), timezone: value.timezone ?? DEFAULT_TIMEZONE }
      : { kind: 'every', everyMs: value.everyMs as number };
  return { patternId: value.patternId, timing, input: (value.input ?? null) as JsonValue | null };
}
