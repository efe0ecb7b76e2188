/** Assembles the schema: scalars, types, then the resolver modules that add fields. */
import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
import './scalars.js';
import './types/root.js';
import './types/pattern.js';
import './types/graph.js';
import './types/execution.js';
import './types/event.js';
import './types/audit.js';
import '../resolvers/pattern-queries.js';
import '../resolvers/pattern-mutations.js';
import '../resolvers/graph-queries.js';
import '../resolvers/graph-mutations.js';
import '../resolvers/execution-queries.js';
import '../resolvers/subscriptions.js';
import '../resolvers/audit-queries.js';

export const schema = lexicographicSortSchema(builder.toSchema());
