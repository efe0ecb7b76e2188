/**
 * An async iterator adapter that, unlike an async generator, passes `return()` straight to its
 * source: an async generator waiting inside `for await` only sees `return()` after the source's
 * next value arrives, so an idle subscription would hold its listener until the next event.
 */

/** Each value of `source` through `map`; a failing map closes the source and rethrows. */
export function mapAsyncIterable<T, U>(
  source: AsyncIterable<T>,
  map: (value: T) => Promise<U> | U,
): AsyncGenerator<U> {
  const iterator = source[Symbol.asyncIterator]();
  return wrap(iterator, async () => {
    const step = await iterator.next();
    if (step.done) return { value: undefined, done: true };
    try {
      const mapped = map(step.value);
      return { value: mapped instanceof Promise ? await mapped : mapped, done: false };
    } catch (error) {
      await iterator.return?.().catch(() => {});
      throw error;
    }
  });
}

function wrap<T>(
  source: AsyncIterator<unknown>,
  next: () => Promise<IteratorResult<T, undefined>>,
): AsyncGenerator<T> {
  const close = async () => {
    await source.return?.();
  };
  const wrapped = {
    next,
    async return() {
      await close();
      return { value: undefined, done: true as const };
    },
    async throw(error: unknown): Promise<IteratorResult<T, undefined>> {
      await close();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return wrapped;
    },
  };
  return wrapped as unknown as AsyncGenerator<T>;
}
