/**
 * Assembles the schema. The layout has one rule:
 *
 * - types/<area>.ts defines each type of that area with ALL its fields, computed ones included
 *   (they reach services through ctx); nothing adds fields to a type from another file.
 * - ../resolvers/<area>-<queries|mutations>.ts and subscriptions.ts hold root fields only.
 * - loaders/ holds per-request DataLoaders that fields share (a type's own load-by-id stays on
 *   its loadableObjectRef); connection.ts turns a domain page into a Relay connection.
 *
 * Types of different areas import each other's refs (Pattern.executions, Execution.pattern).
 * That cycle is safe because a file uses another file's refs only inside `fields: (t) => …`,
 * which Pothos calls in toSchema() below, after every module has loaded; keep it that way.
 */
import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
import './scalars.js';
import './types/root.js';
import './types/pattern.js';
import './types/pattern-diff.js';
import './types/pattern-portability.js';
import './types/graph.js';
import './types/execution.js';
import './types/event.js';
import './types/audit.js';
import './types/schedule.js';
import '../resolvers/pattern-queries.js';
import '../resolvers/pattern-mutations.js';
import '../resolvers/pattern-portability-queries.js';
import '../resolvers/pattern-portability-mutations.js';
import '../resolvers/graph-queries.js';
import '../resolvers/graph-mutations.js';
import '../resolvers/execution-queries.js';
import '../resolvers/execution-mutations.js';
import '../resolvers/subscriptions.js';
import '../resolvers/event-queries.js';
import '../resolvers/audit-queries.js';
import '../resolvers/step-type-queries.js';
import '../resolvers/schedule-queries.js';
import '../resolvers/schedule-mutations.js';

export const schema = lexicographicSortSchema(builder.toSchema());
