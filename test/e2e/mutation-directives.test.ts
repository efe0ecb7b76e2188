/**
 * Mutation fields that @skip/@include leave out do not run, so they are neither charged to the
 * rate limit nor written to the audit trail; the directives are read with the operation's
 * variables (given or defaulted), as the executor reads them.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { signToken } from '../../src/server/authenticate.js';
import { dataOf, errorsOf, gql } from '../helpers/app.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { AuditLogQuery } from './security-operations.js';

const redis = useRedisApps('mutation-directives');
const SECRET = 'test-secret-that-is-long-enough-0123456789';

function document(source: string): TypedDocumentNode<unknown, Record<string, unknown>> {
  return parse(source) as TypedDocumentNode<unknown, Record<string, unknown>>;
}

const link = (from: string, directive = '', to = '"user:z"') =>
  `createRelationship(input: { from: "user:${from}", to: ${to}, type: LINKED }) ${directive} { id }`;

/** Seven mutation fields of which only `kept` runs, whatever the variables say. */
const MIXED = document(`
  mutation Mixed($to: ID!, $skip: Boolean!, $include: Boolean!, $defaulted: Boolean = true) {
    literal: ${link('literal', '@skip(if: true)')}
    variable: ${link('variable', '@skip(if: $skip)')}
    excluded: ${link('excluded', '@include(if: $include)')}
    defaulted: ${link('defaulted', '@skip(if: $defaulted)')}
    ...Skipped @skip(if: true)
    ... @include(if: false) { inline: ${link('inline')} }
    kept: ${link('kept', '', '$to')}
  }
  fragment Skipped on Mutation { fragment: ${link('fragment')} }
`);

const NOTHING = document(`
  mutation Nothing($skip: Boolean!) { skipped: ${link('none', '@skip(if: $skip)')} }
`);

describe('mutation fields left out by @skip / @include', () => {
  it('are not charged to the rate limit', async () => {
    const app = await redis.app({
      jwtSecret: SECRET,
      security: { mutationsPerMinute: 3 } as Config['security'],
    });
    const alice = await signToken(SECRET, { sub: 'alice' });
    const variables = { skip: true, include: false };
    // A fully skipped mutation costs nothing however often it comes.
    for (let i = 0; i < 5; i++) {
      expect(dataOf(await gql(app, NOTHING, { skip: true }, alice))).toEqual({});
    }
    // One point per request: the budget of 3 lasts three requests, then refuses.
    for (let i = 0; i < 3; i++) {
      const data = dataOf(
        await gql(app, MIXED, { ...variables, to: `user:${i}` }, alice),
      ) as Record<string, unknown>;
      expect(Object.keys(data)).toEqual(['kept']);
    }
    const refused = errorsOf(await gql(app, MIXED, { ...variables, to: 'user:3' }, alice));
    expect(refused.map((error) => error.extensions?.code)).toEqual(['LIMIT_EXCEEDED']);
  });

  it('are not audited, with or without variables', async () => {
    const app = await redis.app({ jwtSecret: SECRET });
    const alice = await signToken(SECRET, { sub: 'alice' });
    const admin = await signToken(SECRET, { sub: 'root', roles: ['admin'] });
    dataOf(await gql(app, NOTHING, { skip: true }, alice));
    dataOf(await gql(app, MIXED, { to: 'user:0', skip: true, include: false }, alice));
    const log = dataOf(await gql(app, AuditLogQuery, { first: 20 }, admin)).auditLog;
    expect(
      log.edges.map(({ node }) => [node.action, node.targets.slice(0, 1), node.outcome]),
    ).toEqual([['createRelationship', ['user:kept'], 'ok']]);
  });
});
