/**
 * Subscriptions that share work. graphql-js executes a subscription's selection once per event
 * per subscriber; with a thousand dashboards watching the same stream, that is a thousand
 * identical executions of every event. Here each subscriber keeps its own source stream (its
 * filters, `since` replay and permissions run as before), but the selection is executed once
 * per (event, operation, variables, viewer) and the result is handed to every subscriber that
 * asked exactly the same thing of the same event.
 *
 * Two entrances: a yoga plugin (SSE subscriptions go through yoga's whole envelop pipeline,
 * which masks errors per result), and `subscribeShared` for graphql-ws, which masks each shared
 * result once instead of wrapping every subscriber's stream in the pipeline's layers.
 */
import {
  createSourceEventStream,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  execute,
  type GraphQLError,
} from 'graphql';
import { isAsyncIterable, mapAsyncIterator, type Plugin } from 'graphql-yoga';
import type { Context } from './context.js';

type Results = Map<string, Promise<ExecutionResult> | ExecutionResult>;
export type ErrorMask = (error: GraphQLError) => GraphQLError;

/**
 * Results by source event object (events fanned out by the bus are one object for every
 * subscriber), then by document, then by variables, viewer and masking. Weak on both objects:
 * an event nobody holds any more takes its results with it.
 */
const shared = new WeakMap<object, WeakMap<DocumentNode, Results>>();

export function useSharedSubscriptionExecution(): Plugin<Context> {
  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(((args: ExecutionArgs) =>
        subscribeShared(args, null)) as typeof import('graphql').subscribe);
    },
  };
}

/** graphql-js's subscribe with shared execution; `mask`, when given, applies to every result. */
export async function subscribeShared(
  args: ExecutionArgs,
  mask: ErrorMask | null,
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!isAsyncIterable(source)) return mask ? masked(source, mask) : source;
  const context = args.contextValue as Context;
  const variant = `${mask ? 'masked' : 'raw'}\u0000${context.viewer.id}\u0000${context.viewer.roles.join(',')}\u0000${
    args.operationName ?? ''
  }\u0000${JSON.stringify(args.variableValues ?? {})}`;
  return mapAsyncIterator(source, (payload: unknown) => {
    const run = async () => {
      // Each event gets a fresh context: per-request loaders must not cache across events.
      const result = await execute({ ...args, rootValue: payload, contextValue: { ...context } });
      return mask ? masked(result, mask) : result;
    };
    if (typeof payload !== 'object' || payload === null) return run();
    let byDocument = shared.get(payload);
    if (!byDocument) {
      byDocument = new WeakMap();
      shared.set(payload, byDocument);
    }
    let results = byDocument.get(args.document);
    if (!results) {
      results = new Map();
      byDocument.set(args.document, results);
    }
    const known = results.get(variant);
    if (known !== undefined) return known;
    const pending = run();
    results.set(variant, pending);
    // Later subscribers get the plain result: no promise to await, one microtask less each.
    void pending.then(
      (result) => results.set(variant, result),
      () => {},
    );
    return pending;
  });
}

function masked(result: ExecutionResult, mask: ErrorMask): ExecutionResult {
  return result.errors ? { ...result, errors: result.errors.map(mask) } : result;
}
