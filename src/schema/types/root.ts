import { builder } from '../builder.js';

// Every root field needs an authenticated caller (introspection does not go through these).
builder.queryType({
  description:
    'Reads. Every field needs a signed-in caller (`Authorization: Bearer <token>`): UNAUTHENTICATED otherwise. While Redis is unreachable a field fails with SERVICE_UNAVAILABLE and `extensions.retryAfterSeconds`.',
  authScopes: { authenticated: true },
});
builder.mutationType({
  description:
    'Writes. Every field needs a signed-in caller (UNAUTHENTICATED otherwise), spends the caller’s mutation budget (LIMIT_EXCEEDED with `extensions.retryAfterSeconds` past it) and is recorded in the audit log. Invalid input is BAD_USER_INPUT with `extensions.issues` and writes nothing; SERVICE_UNAVAILABLE while Redis is unreachable.',
  authScopes: { authenticated: true },
});
builder.subscriptionType({
  description:
    'Live streams over graphql-ws (the GraphQL path) or Server-Sent Events. Every field needs a signed-in caller; a caller may hold a bounded number of subscriptions at once (LIMIT_EXCEEDED beyond).',
  authScopes: { authenticated: true },
});
