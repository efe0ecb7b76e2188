import {
  DIRECTIONS,
  inverseType,
  RELATIONSHIP_TYPES,
  type Relationship,
} from '../../domain/graph/relationship.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { builder } from '../builder.js';

export const RelationshipTypeEnum = builder.enumType('RelationshipType', {
  values: RELATIONSHIP_TYPES,
});
export const DirectionEnum = builder.enumType('Direction', { values: DIRECTIONS });

/** An entity is just an id; what it has is its relationships. */
export interface EntityShape {
  id: string;
}

export const EntityRef = builder.objectRef<EntityShape>('Entity').implement({
  description: 'Anything with an id (user:42, wallet:7) that relationships connect.',
  fields: (t) => ({ id: t.exposeID('id') }),
});

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
  .objectRef<{ type: (typeof RELATIONSHIP_TYPES)[number]; count: number }>('TypeCount')
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
    byType: Array<{ type: (typeof RELATIONSHIP_TYPES)[number]; count: number }>;
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
