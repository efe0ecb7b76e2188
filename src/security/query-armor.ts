import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { Plugin } from 'graphql-yoga';
import type { SecurityConfig } from '../config.js';

/**
 * Limits on the shape of an operation (depth, aliases, tokens, directives, cost), checked while
 * validating, before anything runs; introspection and field suggestions only when enabled;
 * CSRF prevention for requests a browser would send without a preflight.
 */
// biome-ignore lint/suspicious/noExplicitAny: envelop plugins are generic in the context
export function queryArmor(security: SecurityConfig): Array<Plugin<any>> {
  return [
    EnvelopArmorPlugin({
      maxDepth: { n: security.maxQueryDepth, ignoreIntrospection: true, flattenFragments: true },
      maxAliases: { n: security.maxAliases },
      maxTokens: { n: security.maxTokens },
      maxDirectives: { n: security.maxDirectives },
      costLimit: { maxCost: security.maxQueryCost, ignoreIntrospection: true },
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
