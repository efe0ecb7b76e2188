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
 *
 * Given a result target and a source stream that can push (see domain/events/push.ts),
 * results skip async iteration altogether: each event goes from the bus to the target in the
 * same call when its shared result is known, and in order behind any result still running.
 */
import {
  createSourceEventStream,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  execute,
  type GraphQLError,
} from 'graphql';
import { isAsyncIterable, isPromise, mapAsyncIterator, type Plugin } from 'graphql-yoga';
import { isPushable, PUSH, type Pushable } from '../../domain/events/push.js';
import type { Context } from '../context.js';
import { endingAt } from './subscription-expiry.js';

type Results = Map<string, Promise<ExecutionResult> | ExecutionResult>;

/** Where pushed results go (a graphql-ws operation's frames, say). */
export interface ResultTarget {
  deliver(result: ExecutionResult): void;
  /** Null when the target takes more now; otherwise settles once it does (see Sink). */
  whenReady?(): Promise<void> | null;
  /** Told when the source fails, before the operation ends with its error. */
  failed?(error: Error): void;
}
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
      setSubscribeFn((async (args: ExecutionArgs) => {
        const results = await subscribeShared(args, null);
        // Over HTTP nothing else ends a stream when its token expires (graphql-ws does).
        const expiresAtMs = (args.contextValue as Context).expiresAtMs;
        return expiresAtMs == null || !isAsyncIterable(results)
          ? results
          : endingAt(results, expiresAtMs);
      }) as typeof import('graphql').subscribe);
    },
  };
}

/**
 * graphql-js's subscribe with shared execution; `mask`, when given, applies to every result.
 * With a target, a pushing source's results go there, and the returned iterator yields
 * nothing: it ends when the source does, and its `return` stops the source.
 */
export async function subscribeShared(
  args: ExecutionArgs,
  mask: ErrorMask | null,
  target: ResultTarget | null = null,
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!isAsyncIterable(source)) return mask ? masked(source, mask) : source;
  const context = args.contextValue as Context;
  const variant = `${mask ? 'masked' : 'raw'}\u0000${context.viewer.id}\u0000${context.viewer.roles.join(',')}\u0000${
    args.operationName ?? ''
  }\u0000${JSON.stringify(args.variableValues ?? {})}`;
  const resultFor = (payload: unknown) => sharedResult(args, mask, context, variant, payload);
  if (target && isPushable(source)) return pushed(source, resultFor, target);
  return mapAsyncIterator(source, resultFor);
}

type MaybePromise<T> = T | Promise<T>;

function sharedResult(
  args: ExecutionArgs,
  mask: ErrorMask | null,
  context: Context,
  variant: string,
  payload: unknown,
): MaybePromise<ExecutionResult> {
  const run = (): MaybePromise<ExecutionResult> => {
    // Each event gets a fresh context: per-request loaders must not cache across events.
    const result = execute({ ...args, rootValue: payload, contextValue: { ...context } });
    if (!mask) return result;
    return isPromise(result) ? result.then((r) => masked(r, mask)) : masked(result, mask);
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
  const outcome = run();
  results.set(variant, outcome);
  if (isPromise(outcome)) {
    // Later subscribers get the plain result: no promise to await, one microtask less each.
    const settled = results;
    void outcome.then(
      (result) => settled.set(variant, result),
      () => {},
    );
  }
  return outcome;
}

/**
 * Pushes each source value's result to the target: at once when the result is known and nothing
 * is ahead of it, otherwise in order behind the results still running.
 */
function pushed(
  source: Pushable<unknown>,
  resultFor: (payload: unknown) => MaybePromise<ExecutionResult>,
  target: ResultTarget,
): AsyncIterableIterator<ExecutionResult> {
  let closed = false;
  // The source may push (or fail) before PUSH returns its stop function.
  let stop: (() => void) | null = null;
  let backlog: Promise<void> | null = null;
  let end!: (outcome: IteratorResult<ExecutionResult> | Error) => void;
  const ended = new Promise<IteratorResult<ExecutionResult>>((resolve, reject) => {
    end = (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome));
  });
  const finish = (outcome: IteratorResult<ExecutionResult> | Error) => {
    if (closed) return;
    closed = true;
    stop?.();
    end(outcome);
  };
  const fail = (error: unknown) =>
    finish(error instanceof Error ? error : new Error(String(error)));
  stop = source[PUSH]({
    next(payload) {
      if (closed) return;
      const result = resultFor(payload);
      if (backlog === null && !isPromise(result)) return target.deliver(result);
      const ahead = backlog;
      const turn: Promise<void> = (async () => {
        if (ahead) await ahead;
        const value = await result;
        if (!closed) target.deliver(value);
      })()
        .catch(fail)
        .then(() => {
          if (backlog === turn) backlog = null;
        });
      backlog = turn;
    },
    error(error) {
      if (closed) return;
      target.failed?.(error);
      fail(error);
    },
    // Results still running come first; then whatever the target says.
    whenReady: () => backlog ?? target.whenReady?.() ?? null,
    complete: () => {
      const done = { value: undefined, done: true } as const;
      if (backlog) void backlog.then(() => finish(done));
      else finish(done);
    },
  });
  if (closed) stop();
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    next: () => ended,
    return: async () => {
      finish({ value: undefined, done: true });
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

function masked(result: ExecutionResult, mask: ErrorMask): ExecutionResult {
  return result.errors ? { ...result, errors: result.errors.map(mask) } : result;
}
