import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { RateLimiter } from '../../domain/security/rate-limiter.js';
import type { Context } from '../context.js';
import { mutationRootFields } from './mutation-fields.js';

/**
 * Per-user budget of mutation fields per window (each root field of a mutation costs one; an
 * import one per version it would write, see mutation-fields.ts), in a store every instance
 * shares. Past it, the whole operation is refused with LIMIT_EXCEEDED and nothing runs.
 */
export function useMutationRateLimit(limiter: RateLimiter): Plugin<Context> {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const fields = mutationRootFields(args);
      if (fields === null || fields.length === 0) return;
      const cost = fields.reduce((sum, field) => sum + field.cost, 0);
      const decision = await limiter.consume(args.contextValue.viewer.id, cost);
      if (decision.allowed) return;
      const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
      setResultAndStopExecution({
        errors: [
          new GraphQLError(`too many mutations; try again in ${seconds} s`, {
            extensions: { code: 'LIMIT_EXCEEDED', retryAfterSeconds: seconds },
          }),
        ],
      });
    },
  };
}
