/** Subscription results are executed once per (event, operation, variables, viewer). */
import { buildSchema, type ExecutionResult, GraphQLError, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { PUSH, type Pushable, type Sink } from '../../src/domain/events/push.js';
import type { Viewer } from '../../src/domain/shared/viewer.js';
import type { Context } from '../../src/server/context.js';
import { subscribeShared } from '../../src/server/ws/shared-subscriptions.js';

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

/** A source that pushes: the test calls `emit` and `fail` on it. */
function pushingSource() {
  let target: Sink<TestEvent> | null = null;
  let stopped = 0;
  const source: Pushable<TestEvent> & AsyncIterableIterator<TestEvent> = {
    [PUSH](sink) {
      target = sink;
      return () => {
        stopped += 1;
        target = null;
      };
    },
    next: () => Promise.reject(new Error('a pushing source is not read by iteration here')),
    [Symbol.asyncIterator]: () => source,
  };
  return {
    source,
    emit: (event: TestEvent) => target?.next(event),
    fail: (error: Error) => target?.error(error),
    stopped: () => stopped,
  };
}

describe('subscribeShared with a pushing source', () => {
  const pushSchema = buildSchema(`
    type Query { ok: Boolean }
    type Event { n: Int! slow: Int! }
    type Subscription { events: Event! }
  `);
  function wire(source: Pushable<TestEvent>, gates: Map<number, Promise<number>>) {
    const fields = (
      pushSchema.getType('Event') as unknown as {
        getFields(): Record<string, { resolve?: unknown }>;
      }
    ).getFields();
    (fields.slow as { resolve: unknown }).resolve = (event: TestEvent) =>
      gates.get(event.n) ?? event.n;
    const subscription = (
      pushSchema.getType('Subscription') as unknown as {
        getFields(): Record<string, { subscribe?: unknown; resolve?: unknown }>;
      }
    ).getFields().events as { subscribe: unknown; resolve: unknown };
    subscription.subscribe = () => source;
    subscription.resolve = (event: TestEvent) => event;
  }

  it('delivers in the same call when the result is known, and in order behind a slow one', async () => {
    const { source, emit } = pushingSource();
    let release!: (n: number) => void;
    const gates = new Map([[2, new Promise<number>((resolve) => (release = resolve))]]);
    wire(source, gates);
    const delivered: unknown[] = [];
    let delivering = () => {};
    const stream = await subscribeShared(
      {
        schema: pushSchema,
        document: parse('subscription { events { slow } }'),
        contextValue: context(viewer('alice')),
      },
      null,
      {
        deliver: (result) => {
          delivered.push(result.data);
          delivering();
        },
      },
    );
    expect(Symbol.asyncIterator in stream).toBe(true);
    emit({ n: 1 });
    expect(delivered).toEqual([{ events: { slow: 1 } }]);
    emit({ n: 2 });
    emit({ n: 3 });
    // 3 is known at once, but 2 is still running: 3 waits its turn.
    expect(delivered).toHaveLength(1);
    const caughtUp = new Promise<void>((resolve) => {
      delivering = () => delivered.length === 3 && resolve();
    });
    release(2);
    await caughtUp;
    const all = new Promise<void>((resolve) => {
      delivering = () => delivered.length === 4 && resolve();
    });
    emit({ n: 4 });
    await all;
    expect(delivered).toEqual([1, 2, 3, 4].map((slow) => ({ events: { slow } })));
  });

  it('stops the source on return, and ends the stream with the source error', async () => {
    const first = pushingSource();
    wire(first.source, new Map());
    const args = {
      schema: pushSchema,
      document: parse('subscription { events { n } }'),
      contextValue: context(viewer('alice')),
    };
    const delivered: unknown[] = [];
    const stream = (await subscribeShared(args, null, {
      deliver: (r) => delivered.push(r),
    })) as AsyncIterableIterator<ExecutionResult>;
    const ended = stream.next();
    await stream.return?.();
    expect(await ended).toEqual({ value: undefined, done: true });
    expect(first.stopped()).toBe(1);
    first.emit({ n: 1 });
    expect(delivered).toEqual([]);

    const second = pushingSource();
    wire(second.source, new Map());
    const failing = (await subscribeShared(args, null, {
      deliver: () => {},
    })) as AsyncIterableIterator<ExecutionResult>;
    second.fail(new Error('log unreachable'));
    await expect(failing.next()).rejects.toThrow('log unreachable');
    expect(second.stopped()).toBe(1);
  });
});
