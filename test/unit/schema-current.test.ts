/** CI fails when schema.graphql is not what the Pothos schema produces: run `npm run codegen`. */
import { readFileSync } from 'node:fs';
import { buildSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';

describe('schema.graphql', () => {
  it('matches the schema the code builds (run `npm run codegen` after changing it)', () => {
    const committed = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
    const normalise = (sdl: string) => printSchema(lexicographicSortSchema(buildSchema(sdl)));
    expect(normalise(committed)).toBe(printSchema(lexicographicSortSchema(schema)));
  });

  it('keeps the names and types of the public contract', () => {
    const contract: Record<string, Record<string, string>> = {
      'Query.pattern': { type: 'Pattern', id: 'ID!', version: 'Int' },
      'Query.patterns': {
        type: 'PatternConnection!',
        filter: 'PatternFilter',
        first: 'Int',
        after: 'String',
      },
      'Mutation.createPattern': { type: 'Pattern!', input: 'CreatePatternInput!' },
      'Mutation.updatePattern': {
        type: 'Pattern!',
        id: 'ID!',
        input: 'UpdatePatternInput!',
        expectedVersion: 'Int',
      },
      'Mutation.deletePattern': { type: 'Boolean!', id: 'ID!' },
      'Pattern.versions': { type: '[Pattern!]!' },
      'Pattern.avgDurationMs': { type: 'Float' },
      'PatternConnection.totalCount': { type: 'Int!' },
      'PatternConnection.edges': { type: '[PatternEdge!]!' },
      'Step.timeoutMs': { type: 'Int' },
    };
    for (const [coordinate, expected] of Object.entries(contract)) {
      const [typeName = '', fieldName = ''] = coordinate.split('.');
      const type = schema.getType(typeName);
      if (!type || !('getFields' in type)) throw new Error(`missing type ${typeName}`);
      const field = type.getFields()[fieldName];
      if (!field) throw new Error(`missing field ${coordinate}`);
      const { type: returnType, ...args } = expected;
      expect(String(field.type), coordinate).toBe(returnType);
      const actualArgs = Object.fromEntries(
        ('args' in field ? field.args : []).map((arg) => [arg.name, String(arg.type)]),
      );
      expect(actualArgs, coordinate).toEqual(args);
    }
  });
});
