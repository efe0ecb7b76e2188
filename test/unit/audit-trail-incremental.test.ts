/**
 * The audit trail of a mutation whose result is incremental (@defer / @stream in its
 * selection): written at its first payload, and still written when the client goes away before
 * reading any.
 */
import { envelop, useEngine } from '@envelop/core';
import { buildSchema, type ExecutionArgs, type ExecutionResult, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { AuditEntryInput, AuditLog } from '../../src/domain/audit/audit-log.js';
import { useAuditTrail } from '../../src/server/plugins/use-audit-trail.js';

const schema = buildSchema('type Query { a: Int } type Mutation { touch(id: ID!): Int }');

function recordingLog(): AuditLog & { entries: AuditEntryInput[] } {
  const entries: AuditEntryInput[] = [];
  return {
    entries,
    append: async (more) => {
      entries.push(...more);
    },
    list: async () => {
      throw new Error('not read here');
    },
  };
}

/** An executor whose result is a stream of two payloads, as graphql-js's incremental one. */
function incrementalExecute(): AsyncIterableIterator<ExecutionResult> {
  const payloads: ExecutionResult[] = [{ data: { touch: 1 } }, { data: null }];
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    next: async () => {
      const value = payloads.shift();
      return value === undefined ? { done: true, value: undefined } : { done: false, value };
    },
    return: async () => ({ done: true, value: undefined }),
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

function run(log: AuditLog) {
  const getEnveloped = envelop({
    plugins: [
      useEngine({ execute: incrementalExecute as never, parse, validate: () => [] }),
      useAuditTrail(log, { now: () => new Date(0) } as never, { error: () => {} } as never),
    ],
  });
  const { execute } = getEnveloped();
  const args: ExecutionArgs = {
    schema,
    document: parse('mutation { touch(id: "t1") }'),
    contextValue: { viewer: { id: 'alice', roles: [] } },
  };
  return execute(args) as Promise<AsyncIterableIterator<ExecutionResult>>;
}

describe('the audit trail of an incremental mutation result', () => {
  it('is written once, at the first payload', async () => {
    const log = recordingLog();
    const results = await run(log);
    await results.next();
    expect(log.entries).toMatchObject([{ actor: 'alice', action: 'touch', outcome: 'ok' }]);
    await results.next();
    await results.next();
    expect(log.entries).toHaveLength(1);
  });

  it('is written when the client goes away before reading a payload', async () => {
    const log = recordingLog();
    const results = await run(log);
    await results.return?.();
    await Promise.resolve();
    expect(log.entries).toMatchObject([
      { actor: 'alice', action: 'touch', targets: ['t1'], outcome: 'INTERRUPTED' },
    ]);
  });
});
