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

builder.queryFields((t) => ({
  relationship: t.field({
    type: RelationshipRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_, args, ctx) =>
      (await ctx.services.graph.getMany([String(args.id)]))[0] ?? null,
  }),
  entity: t.field({
    type: EntityRef,
    description: 'Any entity id; one without relationships has degree 0.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_, args) => ({ id: parseEntityId(String(args.id), ['id']) }),
  }),
  findPath: t.field({
    type: PathRef,
    nullable: true,
    description:
      'A shortest path (bidirectional BFS), or null when none is within maxDepth (≤ 10).',
    args: {
      from: t.arg.id({ required: true }),
      to: t.arg.id({ required: true }),
      maxDepth: t.arg.int({ defaultValue: 6, required: true }),
      direction: t.arg({ type: DirectionEnum, defaultValue: 'OUT', required: true }),
      types: t.arg({ type: [RelationshipTypeEnum] }),
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
      from: t.arg.id({ required: true }),
      maxDepth: t.arg.int({ required: true }),
      direction: t.arg({ type: DirectionEnum, defaultValue: 'OUT', required: true }),
      types: t.arg({ type: [RelationshipTypeEnum] }),
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
    description: 'Directed cycles over the given types (all when omitted), each reported once.',
    args: {
      types: t.arg({ type: [RelationshipTypeEnum] }),
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
  graphStats: t.field({ type: GraphStatsRef, resolve: (_, __, ctx) => ctx.services.graph.stats() }),
}));
