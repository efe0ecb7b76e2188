/** Which documents get the defer-stream plugin's validation rules. */
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { usesIncrementalDelivery } from '../../src/server/plugins/use-incremental-delivery.js';

describe('usesIncrementalDelivery', () => {
  it('finds @defer and @stream anywhere in a document, fragments included', () => {
    expect(usesIncrementalDelivery(parse('{ a ... @defer { b } }'))).toBe(true);
    expect(usesIncrementalDelivery(parse('{ a { b @stream(initialCount: 1) { c } } }'))).toBe(true);
    expect(
      usesIncrementalDelivery(parse('{ ...F } fragment F on Query { ... @defer { a } }')),
    ).toBe(true);
  });

  it('leaves documents without them, other directives included, to graphql-js rules', () => {
    expect(usesIncrementalDelivery(parse('{ a @include(if: true) { b @skip(if: false) } }'))).toBe(
      false,
    );
    expect(usesIncrementalDelivery(parse('query Defer { stream: a { defer: b } }'))).toBe(false);
  });
});
