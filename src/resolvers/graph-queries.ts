import { parseEntityId } from '../domain/graph/relationship-input.js';
import { builder } from '../schema/builder.js';
import {
  CycleRef,
  DirectionEnum,
  EntityRef,
  GraphStatsRef,
  PathRef,
  RelationshipRef,
  RelationshipTypeEnum,
  TraversalRef,
} from '../schema/types/graph.js';

const DIRECTION_ARG = 'Which relationships to follow: OUT (from each entity), IN (to it), BOTH.';
const TYPES_ARG = 'Only relationships of these types; all types when omitted or empty.';

builder.queryFields((t) => ({
  relationship: t.field({
    type: RelationshipRef,
    nullable: true,
    description: 'One relationship by id; null when there is none (relationships are public).',
    args: { id: t.arg.id({ required: true, description: 'The relationship id.' }) },
    resolve: async (_, args, ctx) =>
      (await ctx.services.graph.getMany([String(args.id)]))[0] ?? null,
  }),
  entity: t.field({
    type: EntityRef,
    description: 'Any entity id; one without relationships has degree 0.',
    args: {
      id: t.arg.id({
        required: true,
        description:
          'An entity id, ^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,255}$ (BAD_USER_INPUT otherwise).',
      }),
    },
    resolve: (_, args) => ({ id: parseEntityId(String(args.id), ['id']) }),
  }),
  findPath: t.field({
    type: PathRef,
    nullable: true,
    description:
      'A shortest path (bidirectional BFS), or null when none is within maxDepth (≤ 10).',
    args: {
      from: t.arg.id({ required: true, description: 'The entity to start from.' }),
      to: t.arg.id({ required: true, description: 'The entity to reach.' }),
      maxDepth: t.arg.int({
        defaultValue: 6,
        required: true,
        description: 'Longest path searched, in relationships: 0–10 (NEXUS_MAX_TRAVERSAL_DEPTH).',
      }),
      direction: t.arg({
        type: DirectionEnum,
        defaultValue: 'OUT',
        required: true,
        description: DIRECTION_ARG,
      }),
      types: t.arg({ type: [RelationshipTypeEnum], description: TYPES_ARG }),
    },
    resolve: (_, args, ctx) =>
      ctx.services.graph.findPath({
        from: parseEntityId(String(args.from), ['from']),
        to: parseEntityId(String(args.to), ['to']),
        maxDepth: args.maxDepth,
        direction: args.direction,
        types: args.types,
      }),
  }),
  traverse: t.field({
    type: TraversalRef,
    description: 'Breadth-first from an entity: each entity once, with its depth (≤ 10).',
    args: {
      from: t.arg.id({ required: true, description: 'The entity to start from (depth 0).' }),
      maxDepth: t.arg.int({
        required: true,
        description: 'Deepest level reached, in relationships: 0–10 (NEXUS_MAX_TRAVERSAL_DEPTH).',
      }),
      direction: t.arg({
        type: DirectionEnum,
        defaultValue: 'OUT',
        required: true,
        description: DIRECTION_ARG,
      }),
      types: t.arg({ type: [RelationshipTypeEnum], description: TYPES_ARG }),
      limit: t.arg.int({
        description: 'Most entities returned, the start included: 1–10000, default 1000.',
      }),
    },
    resolve: (_, args, ctx) =>
      ctx.services.graph.traverse({
        from: parseEntityId(String(args.from), ['from']),
        maxDepth: args.maxDepth,
        direction: args.direction,
        types: args.types,
        limit: args.limit,
      }),
  }),
  detectCycles: t.field({
    type: [CycleRef],
    description:
      'Directed cycles over the given types (all when omitted), each reported once. An empty list always means none: a search past NEXUS_MAX_CYCLE_SEARCH_STEPS edges is LIMIT_EXCEEDED, never a partial answer.',
    args: {
      types: t.arg({ type: [RelationshipTypeEnum], description: TYPES_ARG }),
      from: t.arg.id({ description: 'Only cycles through this entity.' }),
      limit: t.arg.int({ description: '1–100, default 10.' }),
      maxLength: t.arg.int({ description: 'Longest cycle in relationships, 1–20; default 10.' }),
    },
    resolve: (_, args, ctx) =>
      ctx.services.graph.detectCycles({
        types: args.types,
        from: args.from == null ? null : parseEntityId(String(args.from), ['from']),
        limit: args.limit,
        maxLength: args.maxLength,
      }),
  }),
  graphStats: t.field({
    type: GraphStatsRef,
    description: 'Counts of entities and relationships over the whole graph.',
    resolve: (_, __, ctx) => ctx.services.graph.stats(),
  }),
}));
