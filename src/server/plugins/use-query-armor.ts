import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { SecurityConfig } from '../../config.js';

/**
 * Limits on the shape of an operation (depth, aliases, tokens, directives, cost), checked while
 * validating, before anything runs; introspection and field suggestions only when enabled;
 * CSRF prevention for requests a browser would send without a preflight.
 */
// biome-ignore lint/suspicious/noExplicitAny: envelop plugins are generic in the context
export function useQueryArmor(security: SecurityConfig): Array<Plugin<any>> {
  const rejected = { onReject: [withLimitCode] };
  return [
    EnvelopArmorPlugin({
      maxDepth: {
        n: security.maxQueryDepth,
        ignoreIntrospection: true,
        flattenFragments: true,
        ...rejected,
      },
      maxAliases: { n: security.maxAliases, ...rejected },
      maxTokens: { n: security.maxTokens, ...rejected },
      maxDirectives: { n: security.maxDirectives, ...rejected },
      costLimit: { maxCost: security.maxQueryCost, ignoreIntrospection: true, ...rejected },
      // Suggestions ("Did you mean …?") reveal the schema; hidden whenever introspection is.
      blockFieldSuggestion: { enabled: !security.introspection },
    }),
    // A GET (or form post) carrying one of these headers was preflighted by any browser.
    useCSRFPrevention({
      requestHeaders: ['x-graphql-yoga-csrf', 'apollo-require-preflight', 'authorization'],
    }),
    ...(security.introspection ? [] : [useDisableIntrospection()]),
  ];
}

/**
 * Armor's refusals carry no code; this tags each one (before it is thrown) so that clients see
 * LIMIT_EXCEEDED like every other limit.
 */
function withLimitCode(_context: unknown, error: GraphQLError): void {
  Object.assign(error.extensions as Record<string, unknown>, { code: 'LIMIT_EXCEEDED' });
}
