/**
 * `extensions.requestId` on every error of a result: its `errors`, and those of its @defer /
 * @stream increments (`incremental[i].errors`), which a client reads the same way. The same
 * result when every error names the request already (or there is none).
 */
import { type ExecutionResult, GraphQLError } from 'graphql';

/** A @defer / @stream payload of a result, as far as its errors go. */
interface Increment {
  errors?: readonly GraphQLError[];
}

/** A result's @defer / @stream payloads (graphql-js's ExecutionResult type does not list them). */
export function incrementsOf(result: ExecutionResult): readonly Increment[] | undefined {
  return (result as { incremental?: readonly Increment[] }).incremental;
}

export function withRequestIdInErrors<T extends ExecutionResult>(result: T, requestId: string): T {
  const incremental = incrementsOf(result);
  const errors = named(result.errors, requestId);
  const increments = incremental?.some((increment) => missing(increment.errors, requestId))
    ? incremental.map((increment) =>
        missing(increment.errors, requestId)
          ? { ...increment, errors: named(increment.errors, requestId) }
          : increment,
      )
    : incremental;
  if (errors === result.errors && increments === incremental) return result;
  return {
    ...result,
    ...(errors === undefined ? {} : { errors }),
    ...(increments === undefined ? {} : { incremental: increments }),
  };
}

function missing(errors: readonly GraphQLError[] | undefined, requestId: string): boolean {
  return errors?.some((error) => error.extensions?.requestId !== requestId) ?? false;
}

function named(
  errors: readonly GraphQLError[] | undefined,
  requestId: string,
): readonly GraphQLError[] | undefined {
  if (!missing(errors, requestId)) return errors;
  return errors?.map((error) => withRequestIdIn(error, requestId));
}

/** The same error with `extensions.requestId` (a copy: errors may be shared between results). */
export function withRequestIdIn(error: GraphQLError, requestId: string): GraphQLError {
  if (error.extensions?.requestId === requestId) return error;
  const extensions = { ...error.extensions, requestId };
  if (!(error instanceof GraphQLError))
    return { ...(error as object), extensions } as unknown as GraphQLError;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions,
  });
}
