/** CACHE get|set|delete: one key of the pattern owner's key space. */
import { z } from 'zod';
import { anyJson, expected, params, type StepActionSpec, text } from './fields.js';

export const MAX_KEY_LENGTH = 512;
/** Seconds as a string with a unit: "30s", "15m", "24h", "7d". */
export const TTL_DURATION_RE = /^(\d+)(s|m|h|d)$/;

export const cacheKey = text(1, MAX_KEY_LENGTH).describe(
  `The key (1–${MAX_KEY_LENGTH} characters), in the key space of the pattern's owner (system patterns share one).`,
);

const ttlError = 'must be a positive number of seconds or a duration like "24h"';
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** The seconds of "30s", "15m", "24h", "7d"; NaN for another text. */
export function durationSeconds(ttl: string): number {
  const match = TTL_DURATION_RE.exec(ttl);
  if (!match) return Number.NaN;
  return Number(match[1]) * UNIT_SECONDS[match[2] as keyof typeof UNIT_SECONDS];
}

function validSeconds(seconds: number): boolean {
  return Number.isSafeInteger(seconds) && seconds > 0;
}
export const cacheTtl = z
  .union(
    [
      z.int({ error: ttlError }).positive({ error: ttlError }),
      z
        .string({ error: ttlError })
        .regex(TTL_DURATION_RE, { error: ttlError, abort: true })
        // "0s" is no expiry the store takes, and "99999999999999999999d" none it can hold.
        .refine((ttl) => validSeconds(durationSeconds(ttl)), { error: ttlError }),
    ],
    { error: ttlError },
  )
  .nullish()
  .describe('Expiry: seconds, or "30s", "15m", "24h", "7d"; none (the default) keeps the key.');

export const cacheValue = anyJson('The value, any JSON (stored as JSON text); null when left out.');

/** The fields of each op, shared with PIPELINE and TRANSACTION ops (which add `action`). */
export const cacheFields = {
  get: { key: cacheKey },
  set: { key: cacheKey, value: cacheValue, ttl: cacheTtl },
  delete: { key: cacheKey },
} as const;

export const CACHE_PARAMETERS = {
  get: params(cacheFields.get, 'CACHE get parameters.'),
  set: params(cacheFields.set, 'CACHE set parameters.'),
  delete: params(cacheFields.delete, 'CACHE delete parameters.'),
};

const keyOutput = z
  .strictObject({ key: z.string().describe('The key written or deleted.') })
  .describe('`{ key }`: the key written or deleted.');

export const CACHE_SPECS: readonly StepActionSpec[] = [
  {
    type: 'CACHE',
    action: 'get',
    description: 'Reads one key.',
    parameters: CACHE_PARAMETERS.get,
    output: z
      .strictObject({
        value: z.unknown().describe('The stored JSON value, or null when the key is missing.'),
      })
      .describe('`{ value }`: the stored JSON value, null when the key is missing.'),
    example: { key: 'user:{id}' },
  },
  {
    type: 'CACHE',
    action: 'set',
    description: 'Writes one key, with an optional expiry; undone by a rollback.',
    parameters: CACHE_PARAMETERS.set,
    output: keyOutput,
    example: { key: 'user:{id}', value: { name: '{name}' }, ttl: '24h' },
  },
  {
    type: 'CACHE',
    action: 'delete',
    description: 'Deletes one key; undone by a rollback.',
    parameters: CACHE_PARAMETERS.delete,
    output: keyOutput,
    example: { key: 'session:{id}' },
  },
];

/** What a key-value op is made of, whichever step holds it. */
export function opSchemas() {
  const object = { error: expected('an object') };
  const action = <const Name extends string>(name: Name, description: string) =>
    z.literal(name, { error: expected(`"${name}"`) }).describe(description);
  return z
    .discriminatedUnion(
      'action',
      [
        z
          .strictObject({ action: action('get', 'get: read the key.'), ...cacheFields.get }, object)
          .describe('Reads a key: its result is the stored value.'),
        z
          .strictObject(
            { action: action('set', 'set: write the key.'), ...cacheFields.set },
            object,
          )
          .describe('Writes a key: its result is "OK".'),
        z
          .strictObject(
            { action: action('delete', 'delete: remove the key.'), ...cacheFields.delete },
            object,
          )
          .describe('Deletes a key: its result is "OK".'),
      ],
      {
        error: (issue) =>
          issue.code === 'invalid_union' ? 'must be get, set or delete' : 'must be an object',
      },
    )
    .describe(
      'One key-value op: `action` is get, set or delete, with the fields of that CACHE action.',
    );
}
