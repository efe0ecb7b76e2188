/**
 * The dashboard's event documents against the schema: the feed it falls back to against
 * schema.graphql as it is, and the snapshot and feed that use the event-log read and
 * `progressChange` against schema.graphql with that API (added here as long as the schema
 * lacks it). Both ways of reading a PROGRESS event give the page the same change.
 */
import { readFileSync } from 'node:fs';
import { buildSchema, extendSchema, type GraphQLSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DOCUMENTS, toLiveEvent } from '../../dashboard/src/events-api.js';

const EVENT_LOG_API = `
  type ProgressChange {
    executionId: ID!
    stage: ProgressStage
    status: ProgressStatus!
    percent: Float!
    currentStage: String
    at: DateTime!
  }
  extend type NexusEvent { progressChange: ProgressChange }
  type EventLogPage { events: [NexusEvent!]! cursor: ID hasMore: Boolean! }
  extend type Query {
    events(since: ID, first: Int, last: Int, types: [NexusEventType!], patternId: ID,
           executionId: ID, entityId: ID): EventLogPage!
  }
`;

const current = buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
const withEventLog: GraphQLSchema = current.getQueryType()?.getFields().events
  ? current
  : extendSchema(current, parse(EVENT_LOG_API));

function problems(schema: GraphQLSchema, document: string): string[] {
  return validate(schema, parse(document)).map((error) => error.message);
}

describe("the dashboard's event documents", () => {
  it('fall back to what the schema has today', () => {
    expect(problems(current, DOCUMENTS.legacyFeed)).toEqual([]);
  });

  it('read the event log and progressChange as the event-log API defines them', () => {
    expect(problems(withEventLog, DOCUMENTS.snapshot)).toEqual([]);
    expect(problems(withEventLog, DOCUMENTS.feed)).toEqual([]);
  });

  it('take the same change from progressChange as from the payload', () => {
    const base = {
      id: '1-0',
      type: 'PROGRESS' as const,
      occurredAt: '2026-01-01T00:00:00.000Z',
      patternId: 'p',
      executionId: 'x',
      entityId: null,
      name: null,
      error: null,
      relationship: null,
    };
    const change = {
      status: 'PROCESSING' as const,
      percent: 50,
      currentStage: null,
      stage: { name: 'a', status: 'COMPLETED' as const, error: null },
    };
    const payload = { ...change, stage: { ...change.stage, progress: 100 }, updatedAt: 'now' };
    expect(toLiveEvent({ ...base, progressChange: change }).change).toEqual(change);
    expect(toLiveEvent({ ...base, payload }).change).toEqual(change);
    expect(toLiveEvent({ ...base, type: 'ERROR', payload: null }).change).toBeNull();
  });
});
