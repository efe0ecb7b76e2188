/**
 * GraphiQL as Nexus serves it: a welcome that says what Nexus is and how to authenticate, and
 * three tabs of example operations that run as they are (a query, a mutation, and a
 * subscription that shows the events the mutation causes). Subscriptions go over graphql-ws
 * on the GraphQL path; GraphiQL sends the Headers tab's Authorization with each subscribe
 * (extensions.headers), which websocket.ts accepts for that operation.
 */
import type { GraphiQLOptions } from 'graphql-yoga';

export const WELCOME = `# Welcome to Nexus
#
# Nexus is a GraphQL API server for:
# - patterns: named, versioned DAGs of steps
#   (cache, pipeline, transaction, relationship,
#   graph, event, composite pattern, delay);
# - the relationship graph between entities
#   (user:42 OWNER wallet:7);
# - executions of patterns, with live progress;
# - live events, as subscriptions.
# Queries and mutations go over HTTP,
# subscriptions over a WebSocket on this URL.
#
# The tabs above hold examples that run as they
# are: this query, a mutation that creates a
# pattern, and a subscription to the events your
# patterns and runs cause (start it, then run the
# mutation in its tab). The Docs panel (the book
# icon) describes every type and field.
#
# When the server has NEXUS_JWT_SECRET set, enter
# your token in the Headers tab below
# (\`npm run token -- --sub alice\` prints one):
#
#   { "Authorization": "Bearer <token>" }
#
# It goes with every query, mutation and
# subscription. Each tab has headers of its own:
# enter it in every tab you run.
#
# Run: Ctrl-Enter  Complete: Ctrl-Space
# Prettify: Shift-Ctrl-P
`;

/** The patterns you may see (system ones and your own) and the size of the graph. */
export const EXAMPLE_QUERY = `query Overview {
  patterns(first: 5) {
    totalCount
    edges {
      node {
        id
        name
        version
        origin
        steps {
          id
          type
          action
          dependsOn
        }
      }
    }
  }
  graphStats {
    entityCount
    relationshipCount
  }
}
`;

/** Creates a pattern; run again, it creates another (the generated id gets _2, _3, ...). */
export const EXAMPLE_MUTATION = `# A user pattern of two steps: a cache write,
# then an event. Run again, it makes another.
mutation CreateExamplePattern {
  createPattern(
    input: {
      name: "GraphiQL example"
      category: NOTIFICATION
      steps: [
        {
          id: "store"
          type: CACHE
          action: "set"
          parameters: { key: "greeting", value: "hello", ttl: 3600 }
        }
        {
          id: "announce"
          type: EVENT
          action: "publish"
          dependsOn: ["store"]
          parameters: { event_type: "greeted" }
        }
      ]
    }
  ) {
    id
    version
    createdBy
    createdAt
  }
}
`;

/** Shows PATTERN_CHANGED when the mutation runs, and what executions of yours do. */
export const EXAMPLE_SUBSCRIPTION = `# Live events you may see: run it, then the
# mutation in its tab.
subscription MyEvents {
  nexusEvents(types: [PATTERN_CHANGED, PATTERN_EXECUTED, CUSTOM]) {
    id
    type
    occurredAt
    patternId
    executionId
  }
}
`;

export const EXAMPLE_OPERATIONS = [EXAMPLE_QUERY, EXAMPLE_MUTATION, EXAMPLE_SUBSCRIPTION] as const;

/** yoga's `graphiql` options. With tokens required, the Headers tab is open from the start. */
export function graphiqlOptions(tokensRequired: boolean): GraphiQLOptions {
  return {
    title: 'Nexus',
    subscriptionsProtocol: 'WS',
    defaultQuery: `${WELCOME}\n${EXAMPLE_QUERY}`,
    defaultTabs: [
      { query: `${WELCOME}\n${EXAMPLE_QUERY}` },
      { query: EXAMPLE_MUTATION },
      { query: EXAMPLE_SUBSCRIPTION },
    ],
    defaultEditorToolsVisibility: tokensRequired ? 'headers' : true,
  };
}
