import { selectEdges } from '../../domain/graph/expand.js';
import {
  type AdjacentEdge,
  DIRECTIONS,
  inverseType,
  RELATIONSHIP_TYPES,
  type Relationship,
  type RelationshipType,
} from '../../domain/graph/relationship.js';
import { NotFoundError, ValidationError } from '../../domain/shared/errors.js';
import { decodeCursor, encodeCursor, type Page, pageSize } from '../../domain/shared/pagination.js';
import { builder } from '../builder.js';
import { toConnection } from '../connection.js';
import { loadAdjacency, loadDegree } from '../loaders/graph-adjacency.js';

export const RelationshipTypeEnum = builder.enumType('RelationshipType', {
  values: RELATIONSHIP_TYPES,
});
export const DirectionEnum = builder.enumType('Direction', { values: DIRECTIONS });

/** An entity is just an id; what it has is its relationships. */
export interface EntityShape {
  id: string;
}

const typeSet = (types: readonly RelationshipType[] | null | undefined) =>
  types && types.length > 0 ? new Set(types) : null;

export const EntityRef = builder.objectRef<EntityShape>('Entity');

EntityRef.implement({
  description: 'Anything with an id (user:42, wallet:7) that relationships connect.',
  fields: (t) => ({
    id: t.exposeID('id'),
    degree: t.int({
      description: 'Relationships touching this entity, in the given direction.',
      args: { direction: t.arg({ type: DirectionEnum, defaultValue: 'BOTH', required: true }) },
      resolve: (entity, args, ctx) => loadDegree(ctx, entity.id, args.direction),
    }),
    relationships: t.field({
      type: RelationshipConnectionRef,
      description: 'Relationships at this entity, oldest first.',
      args: {
        direction: t.arg({ type: DirectionEnum, defaultValue: 'BOTH', required: true }),
        types: t.arg({ type: [RelationshipTypeEnum] }),
        first: t.arg.int({ description: '0–100; default 20.' }),
        after: t.arg.string(),
      },
      resolve: async (entity, args, ctx) => {
        const edges = (await loadAdjacency(ctx, entity.id, args.direction)).filter(
          (edge) => typeSet(args.types)?.has(edge.type) ?? true,
        );
        return toConnection(
          relationshipPage(edges, pageSize(args.first), args.after ? afterId(args.after) : null),
        );
      },
    }),
    neighbors: t.field({
      type: [EntityRef],
      description: 'Distinct entities one relationship away, sorted by id.',
      args: {
        direction: t.arg({ type: DirectionEnum, defaultValue: 'OUT', required: true }),
        types: t.arg({ type: [RelationshipTypeEnum] }),
      },
      resolve: async (entity, args, ctx) => {
        const edges = selectEdges(
          await loadAdjacency(ctx, entity.id, args.direction),
          typeSet(args.types),
        );
        return [...new Set(edges.map((edge) => edge.neighbor))].map((id) => ({ id }));
      },
    }),
  }),
});

/**
 * One page of an entity's relationships in id order. The items are ids: the Relationship loader
 * reads the page in one batch.
 */
function relationshipPage(
  edges: readonly AdjacentEdge[],
  first: number,
  after: string | null,
): Page<string, string> {
  const ordered = [...edges].sort((a, b) => (a.relationshipId < b.relationshipId ? -1 : 1));
  const start = after === null ? 0 : ordered.findIndex((edge) => edge.relationshipId > after);
  const from = start === -1 ? ordered.length : start;
  return {
    items: ordered.slice(from, from + first).map((edge) => ({
      item: edge.relationshipId,
      cursor: encodeCursor([edge.relationshipId]),
    })),
    totalCount: ordered.length,
    hasNextPage: from + first < ordered.length,
    hasPreviousPage: from > 0,
  };
}

function afterId(cursor: string): string {
  const [id, ...rest] = decodeCursor(cursor);
  if (typeof id !== 'string' || rest.length > 0) {
    throw ValidationError.single(['after'], 'is not a valid cursor');
  }
  return id;
}

/** Resolving a Relationship field to an id loads it, batched per request (one HMGET). */
export const RelationshipRef = builder.loadableObjectRef<Relationship | Error, string>(
  'Relationship',
  {
    load: async (ids, context) => {
      const found = await context.services.graph.getMany(ids);
      return found.map(
        (relationship, i) => relationship ?? new NotFoundError('Relationship', ids[i] ?? ''),
      );
    },
  },
);

RelationshipRef.implement({
  description: 'A typed, directed relationship between two entities.',
  fields: (t) => ({
    id: t.exposeID('id'),
    type: t.expose('type', { type: RelationshipTypeEnum }),
    inverseType: t.field({
      type: RelationshipTypeEnum,
      nullable: true,
      description: 'The type as read from the other end: PARENT⇄CHILD, LINKED⇄LINKED.',
      resolve: (relationship) => inverseType(relationship.type),
    }),
    from: t.field({ type: EntityRef, resolve: (relationship) => ({ id: relationship.from }) }),
    to: t.field({ type: EntityRef, resolve: (relationship) => ({ id: relationship.to }) }),
    metadata: t.expose('metadata', { type: 'JSON', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    createdBy: t.exposeString('createdBy', { nullable: true }),
  }),
});

export const RelationshipEdgeRef = builder.edgeObject({
  name: 'RelationshipEdge',
  type: RelationshipRef,
});

export const RelationshipConnectionRef = builder.connectionObject(
  {
    name: 'RelationshipConnection',
    type: RelationshipRef,
    fields: (t) => ({ totalCount: t.exposeInt('totalCount') }),
  },
  RelationshipEdgeRef,
);

export interface PathShape {
  entities: string[];
  relationshipIds: string[];
}

export const PathRef = builder.objectRef<PathShape>('Path').implement({
  fields: (t) => ({
    length: t.int({ resolve: (path) => path.relationshipIds.length }),
    entities: t.field({
      type: [EntityRef],
      resolve: (path) => path.entities.map((id) => ({ id })),
    }),
    relationships: t.field({ type: [RelationshipRef], resolve: (path) => path.relationshipIds }),
  }),
});

export const CycleRef = builder.objectRef<PathShape>('Cycle').implement({
  description: 'A directed cycle; the first entity is repeated at the end.',
  fields: (t) => ({
    entities: t.field({
      type: [EntityRef],
      resolve: (cycle) => cycle.entities.map((id) => ({ id })),
    }),
    relationships: t.field({ type: [RelationshipRef], resolve: (cycle) => cycle.relationshipIds }),
  }),
});

export const TraversedEntityRef = builder
  .objectRef<{ id: string; depth: number }>('TraversedEntity')
  .implement({
    fields: (t) => ({
      entity: t.field({ type: EntityRef, resolve: (entry) => ({ id: entry.id }) }),
      depth: t.exposeInt('depth'),
    }),
  });

export const TraversalRef = builder
  .objectRef<{ entities: Array<{ id: string; depth: number }>; relationshipIds: string[] }>(
    'Traversal',
  )
  .implement({
    fields: (t) => ({
      entities: t.field({ type: [TraversedEntityRef], resolve: (traversal) => traversal.entities }),
      relationships: t.field({
        type: [RelationshipRef],
        description: 'Relationships followed between entities of the traversal.',
        resolve: (traversal) => traversal.relationshipIds,
      }),
    }),
  });

export const TypeCountRef = builder
  .objectRef<{ type: RelationshipType; count: number }>('TypeCount')
  .implement({
    fields: (t) => ({
      type: t.expose('type', { type: RelationshipTypeEnum }),
      count: t.exposeInt('count'),
    }),
  });

export const GraphStatsRef = builder
  .objectRef<{
    entityCount: number;
    relationshipCount: number;
    byType: Array<{ type: RelationshipType; count: number }>;
  }>('GraphStats')
  .implement({
    fields: (t) => ({
      entityCount: t.exposeInt('entityCount', {
        description: 'Entities with at least one relationship.',
      }),
      relationshipCount: t.exposeInt('relationshipCount'),
      byType: t.field({ type: [TypeCountRef], resolve: (stats) => stats.byType }),
    }),
  });

export const CreateRelationshipInput = builder.inputType('CreateRelationshipInput', {
  fields: (t) => ({
    from: t.id({ required: true }),
    to: t.id({ required: true }),
    type: t.field({ type: RelationshipTypeEnum, required: true }),
    metadata: t.field({ type: 'JSON', description: 'At most 16 KiB of JSON.' }),
  }),
});
