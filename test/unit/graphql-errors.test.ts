import { GraphQLError } from 'graphql';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { ServiceUnavailableError } from '../../src/domain/shared/errors.js';
import { createErrorMasker } from '../../src/server/graphql-errors.js';

class StoreDown extends Error {}

function masker() {
  const lines: Array<{ level: number; msg: string }> = [];
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => lines.push(JSON.parse(line) as { level: number; msg: string }) },
  );
  return { mask: createErrorMasker(logger, (error) => error instanceof StoreDown), lines };
}

/** As graphql-js hands a resolver's error to the masker. */
function fromResolver(original: Error): GraphQLError {
  return new GraphQLError(original.message, { originalError: original, path: ['importPatterns'] });
}

describe('a SERVICE_UNAVAILABLE the domain raised around an error it could not classify', () => {
  const wrapping = (cause: unknown) =>
    new ServiceUnavailableError('the import stopped; written before it: "a"', 1, null, cause);

  it('stays SERVICE_UNAVAILABLE when the cause is the store failing', () => {
    const { mask, lines } = masker();
    const masked = mask(fromResolver(wrapping(new StoreDown('connection lost'))), 'Unexpected');
    expect(masked.extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(masked.message).toContain('written before it: "a"');
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
  });

  it('is an INTERNAL_SERVER_ERROR, logged with its cause, when the cause is a bug', () => {
    const { mask, lines } = masker();
    const bug = new TypeError('cannot read properties of undefined');
    for (const error of [fromResolver(wrapping(bug)), wrapping(bug)]) {
      const masked = mask(error, 'Unexpected');
      expect(masked.extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(masked.message).toContain('written before it: "a"');
    }
    expect(lines.filter((line) => line.level >= 50)).toHaveLength(2);
  });
});
