/** Subscription results are executed once per (event, operation, variables, viewer). */
import { buildSchema, type ExecutionResult, GraphQLError, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../src/context.js';
import type { Viewer } from '../../src/domain/shared/viewer.js';
import { subscribeShared } from '../../src/shared-subscriptions.js';

const schema = buildSchema(`
  type Query { ok: Boolean }
  type Event { n: Int! label(prefix: String): String! viewer: String! secret: String }
  type Subscription { events: Event! }
`);

interface TestEvent {
  n: number;
}

/** A schema whose resolvers count how often they run. */
function harness(events: TestEvent[]) {
  const calls = { label: 0 };
  const fields = schema.getType('Event') as unknown as {
    getFields(): Record<string, { resolve?: unknown }>;
  };
  const eventFields = fields.getFields();
  (eventFields.label as { resolve: unknown }).resolve = (
    event: TestEvent,
    args: { prefix?: string },
  ) => {
    calls.label += 1;
    return `${args.prefix ?? ''}${event.n}`;
  };
  (eventFields.viewer as { resolve: unknown }).resolve = (
    _: TestEvent,
    __: unknown,
    ctx: Context,
  ) => ctx.viewer.id;
  (eventFields.secret as { resolve: unknown }).resolve = () => {
    throw new Error('database password is hunter2');
  };
  const subscriptionField = (
    schema.getType('Subscription') as unknown as {
      getFields(): Record<string, { subscribe?: unknown }>;
    }
  ).getFields().events as { subscribe: unknown; resolve: unknown };
  subscriptionField.subscribe = async function* () {
    for (const event of events) yield event;
  };
  subscriptionField.resolve = (event: TestEvent) => event;
  return calls;
}

const viewer = (id: string): Viewer => ({ id, roles: [] });
const context = (v: Viewer) => ({ viewer: v }) as unknown as Context;

async function collect(
  query: string,
  ctx: Context,
  variables: Record<string, unknown> = {},
  mask: ((e: GraphQLError) => GraphQLError) | null = null,
): Promise<ExecutionResult[]> {
  const stream = await subscribeShared(
    {
      schema,
      document: documents.get(query) ?? cache(query),
      contextValue: ctx,
      variableValues: variables,
    },
    mask,
  );
  if (!(Symbol.asyncIterator in stream)) return [stream];
  const results: ExecutionResult[] = [];
  for await (const result of stream) results.push(result);
  return results;
}

const documents = new Map<string, ReturnType<typeof parse>>();
function cache(query: string) {
  const document = parse(query);
  documents.set(query, document);
  return document;
}

describe('subscribeShared', () => {
  it('executes a selection once per event for every subscriber asking the same thing', async () => {
    const events = [{ n: 1 }, { n: 2 }, { n: 3 }];
    const calls = harness(events);
    const query = 'subscription { events { label } }';
    const runs = await Promise.all(
      Array.from({ length: 10 }, () => collect(query, context(viewer('alice')))),
    );
    for (const run of runs) {
      expect(run.map((r) => r.data)).toEqual([
        { events: { label: '1' } },
        { events: { label: '2' } },
        { events: { label: '3' } },
      ]);
    }
    expect(calls.label).toBe(3);
  });

  it('executes again for other variables and other viewers, never sharing across them', async () => {
    const events = [{ n: 1 }, { n: 2 }];
    const calls = harness(events);
    const query = 'subscription($p: String) { events { label(prefix: $p) viewer } }';
    const [a, b, c] = await Promise.all([
      collect(query, context(viewer('alice')), { p: 'x' }),
      collect(query, context(viewer('alice')), { p: 'y' }),
      collect(query, context(viewer('bob')), { p: 'x' }),
    ]);
    expect(a?.map((r) => r.data)).toEqual([
      { events: { label: 'x1', viewer: 'alice' } },
      { events: { label: 'x2', viewer: 'alice' } },
    ]);
    expect(b?.[0]?.data).toEqual({ events: { label: 'y1', viewer: 'alice' } });
    expect(c?.[0]?.data).toEqual({ events: { label: 'x1', viewer: 'bob' } });
    expect(calls.label).toBe(6);
  });

  it('masks errors of shared results when asked to, and never hands a raw one to a masked stream', async () => {
    harness([{ n: 1 }]);
    const query = 'subscription { events { n secret } }';
    const mask = (error: GraphQLError) =>
      new GraphQLError('Unexpected error.', {
        path: error.path,
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
    const [raw, masked] = await Promise.all([
      collect(query, context(viewer('alice'))),
      collect(query, context(viewer('alice')), {}, mask),
    ]);
    expect(raw?.[0]?.errors?.[0]?.message).toBe('database password is hunter2');
    expect(masked?.[0]?.errors?.map((e) => e.message)).toEqual(['Unexpected error.']);
    expect(JSON.stringify(masked)).not.toContain('hunter2');
  });
});
