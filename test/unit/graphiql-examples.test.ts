import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';
import {
  EXAMPLE_MUTATION,
  EXAMPLE_OPERATIONS,
  EXAMPLE_QUERY,
  EXAMPLE_SUBSCRIPTION,
  graphiqlOptions,
  WELCOME,
} from '../../src/server/graphiql.js';

describe("GraphiQL's example operations", () => {
  it.each(EXAMPLE_OPERATIONS.map((document) => [document.split('\n')[0], document]))(
    '%s validates against the schema',
    (_name, document) => {
      expect(validate(schema, parse(document)).map((error) => error.message)).toEqual([]);
    },
  );

  it('are one query, one mutation and one subscription, each in a tab of its own', () => {
    const kinds = EXAMPLE_OPERATIONS.map((document) =>
      parse(document).definitions.map((definition) =>
        definition.kind === 'OperationDefinition' ? definition.operation : definition.kind,
      ),
    );
    expect(kinds).toEqual([['query'], ['mutation'], ['subscription']]);
    const options = graphiqlOptions(true);
    expect(options.defaultTabs?.map((tab) => tab.query)).toEqual([
      `${WELCOME}\n${EXAMPLE_QUERY}`,
      EXAMPLE_MUTATION,
      EXAMPLE_SUBSCRIPTION,
    ]);
    expect(options.subscriptionsProtocol).toBe('WS');
    expect(options.defaultEditorToolsVisibility).toBe('headers');
    expect(graphiqlOptions(false).defaultEditorToolsVisibility).toBe(true);
  });

  it("the welcome says what Nexus is, not yoga's default text", () => {
    expect(WELCOME).toContain('Nexus is a GraphQL API server');
    expect(WELCOME).toContain('"Authorization": "Bearer <token>"');
    expect(WELCOME).not.toContain('in-browser tool');
    // Every line is a comment: the tab still holds one runnable query.
    expect(
      WELCOME.trimEnd()
        .split('\n')
        .every((line) => line.startsWith('#')),
    ).toBe(true);
  });
});
