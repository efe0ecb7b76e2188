import { builder } from '../builder.js';

// Every root field needs an authenticated caller (introspection does not go through these).
builder.queryType({ authScopes: { authenticated: true } });
builder.mutationType({ authScopes: { authenticated: true } });
builder.subscriptionType({ authScopes: { authenticated: true } });
