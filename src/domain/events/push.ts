/**
 * A second way to consume a stream: pushed to a sink, synchronously, as values arrive. An async
 * iterator costs a few promises and microtask hops per value, per consumer; with a thousand
 * dashboards on one event that is most of the server's work. A stream that offers `PUSH` can
 * be consumed either way, never both.
 */
export const PUSH: unique symbol = Symbol('nexus.push');

export interface Sink<T> {
  next(value: T): void;
  error(error: Error): void;
  /** The stream ended by itself (not called after `stop`). */
  complete(): void;
  /**
   * Null when the sink takes more now; otherwise settles once it does. A stream with a backlog
   * (a replay) paces it by this, so a reader that is slow for a while holds the backlog back
   * instead of being flooded; live values are pushed as they come.
   */
  whenReady?(): Promise<void> | null;
}

export interface Pushable<T> {
  /** Starts pushing to `sink` (values already waiting first); the returned function stops it. */
  [PUSH](sink: Sink<T>): () => void;
}

export function isPushable<T>(stream: unknown): stream is Pushable<T> {
  return typeof stream === 'object' && stream !== null && PUSH in stream;
}

/** `stream` with `map` applied to each value, read either way, as the original is. */
export function mapStream<T, U>(
  stream: AsyncIterableIterator<T> & Pushable<T>,
  map: (value: T) => U,
): AsyncIterableIterator<U> & Pushable<U> {
  const mapped: AsyncIterableIterator<U> & Pushable<U> = {
    async next() {
      const result = await stream.next();
      return result.done
        ? { value: undefined, done: true }
        : { value: map(result.value), done: false };
    },
    async return() {
      await stream.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => mapped,
    [PUSH]: (sink) =>
      stream[PUSH]({
        next: (value) => sink.next(map(value)),
        error: (error) => sink.error(error),
        complete: () => sink.complete(),
        whenReady: () => sink.whenReady?.() ?? null,
      }),
  };
  return mapped;
}
