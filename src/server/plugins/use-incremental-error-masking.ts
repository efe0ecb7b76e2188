/**
 * Errors inside @defer / @stream payloads, masked like every other. Envelop's masking maps a
 * result's `errors` only; a deferred fragment's errors travel in `incremental[i].errors`, and
 * would otherwise reach the client raw: no `extensions.code` for a domain error, and the
 * message of an unexpected one (which may name internals) instead of the masked message.
 */
import type { GraphQLError } from 'graphql';
import { handleStreamOrSingleExecutionResult, type Plugin } from 'graphql-yoga';
import { incrementsOf } from '../request-id-errors.js';

type MaskError = (error: unknown, message: string) => GraphQLError;

// biome-ignore lint/suspicious/noExplicitAny: envelop plugins are generic in the context
export function useIncrementalErrorMasking(maskError: MaskError, message: string): Plugin<any> {
  return {
    onExecute() {
      return {
        onExecuteDone(payload) {
          return handleStreamOrSingleExecutionResult(payload, ({ result, setResult }) => {
            const incremental = incrementsOf(result);
            if (!incremental?.some((increment) => increment.errors?.length)) return;
            setResult({
              ...result,
              incremental: incremental.map((increment) =>
                increment.errors
                  ? { ...increment, errors: increment.errors.map((e) => maskError(e, message)) }
                  : increment,
              ),
            } as typeof result);
          });
        },
      };
    },
  };
}
