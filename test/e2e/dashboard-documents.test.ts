/**
 * The dashboard's event documents against schema.graphql: the snapshot (the event-log read) and
 * the live feed, both selecting `progressChange`, must stay valid as the schema changes.
 */
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DOCUMENTS } from '../../dashboard/src/events-api.js';

const schema = buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));

describe("the dashboard's event documents", () => {
  it.each(Object.entries(DOCUMENTS))('%s is valid against the schema', (_, document) => {
    expect(validate(schema, parse(document)).map((error) => error.message)).toEqual([]);
  });

  it('would be caught selecting a field the schema lacks', () => {
    const broken = DOCUMENTS.feed.replace('progressChange {', 'progressChanged {');
    expect(validate(schema, parse(broken))).not.toEqual([]);
  });
});
