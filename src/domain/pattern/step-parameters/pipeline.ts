/** PIPELINE exec and TRANSACTION exec: key-value ops in one round trip. */
import { z } from 'zod';
import { placeholdersIn } from '../../execution/template.js';
import type { Issue } from '../../shared/errors.js';
import type { JsonValue } from '../../shared/json.js';
import { cacheFields, cacheKey, opSchemas } from './cache.js';
import { writtenIssues } from './check.js';
import { expected, listOf, params, type StepActionSpec } from './fields.js';

export const MAX_OPS = 1000;
export const MAX_WATCHED_KEYS = 100;

const ops = () =>
  listOf(opSchemas())
    .min(1, { error: 'must hold at least 1 op' })
    .max(MAX_OPS, { error: `must hold at most ${MAX_OPS} ops` })
    .describe(`The ops, 1–${MAX_OPS}, run in order.`);

export const PIPELINE_PARAMETERS = params({ ops: ops() }, 'PIPELINE exec parameters.');
export const TRANSACTION_PARAMETERS = params(
  {
    ops: ops(),
    watch: listOf(cacheKey)
      .max(MAX_WATCHED_KEYS, { error: `must hold at most ${MAX_WATCHED_KEYS} keys` })
      .optional()
      .describe(
        `Keys (at most ${MAX_WATCHED_KEYS}) that must not change between the read and the write.`,
      ),
  },
  'TRANSACTION exec parameters.',
);

/**
 * An op whose `action` is a template is taken whole by no branch of the op schema, so its other
 * keys would go unchecked until it runs: they are checked against the fields of every action.
 */
const opOfAnyAction = z.strictObject(
  { action: z.string(), ...cacheFields.set },
  { error: expected('an object') },
);

function templatedActionOpIssues(parameters: unknown): Issue[] {
  const ops = isRecord(parameters) ? parameters.ops : undefined;
  if (!Array.isArray(ops)) return [];
  const issues: Issue[] = [];
  ops.forEach((op, i) => {
    if (!isRecord(op) || typeof op.action !== 'string' || placeholdersIn(op.action).length === 0)
      return;
    for (const issue of writtenIssues(
      opOfAnyAction,
      op,
      'an op (it takes: action, key, value, ttl)',
    ))
      issues.push({ path: ['ops', i, ...issue.path], message: issue.message });
  });
  return issues;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const results = listOf(z.unknown()).describe(
  'One result per op, in order: the value a get read (null when missing), "OK" for a set or delete.',
);

const example: { ops: JsonValue[] } = {
  ops: [
    { action: 'set', key: 'balance:{id}', value: '{amount}' },
    { action: 'get', key: 'balance:{id}' },
  ],
};

export const PIPELINE_SPECS: readonly StepActionSpec[] = [
  {
    type: 'PIPELINE',
    action: 'exec',
    description: 'Runs key-value ops in one round trip (not atomic); undone by a rollback.',
    parameters: PIPELINE_PARAMETERS,
    output: results,
    example,
    moreWrittenIssues: templatedActionOpIssues,
  },
  {
    type: 'TRANSACTION',
    action: 'exec',
    description:
      'Runs key-value ops all or nothing (MULTI/EXEC); when a `watch` key changes meanwhile the attempt fails and is retried.',
    parameters: TRANSACTION_PARAMETERS,
    output: results,
    example: { ...example, watch: ['balance:{id}'] },
    moreWrittenIssues: templatedActionOpIssues,
  },
];
