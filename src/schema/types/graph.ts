import { selectEdges } from '../../domain/graph/expand.js';
import {
  type AdjacentEdge,
  type DIRECTIONS,
  inverseType,
  type RELATIONSHIP_TYPES,
  type Relationship,
  type RelationshipType,
} from '../../domain/graph/relationship.js';
import { NotFoundError, ValidationError } from '../../domain/shared/errors.js';
import { decodeCursor, encodeCursor, type Page, pageSize } from '../../domain/shared/pagination.js';
import { builder } from '../builder.js';
import {
  connectionDescriptions,
  edgeDescriptions,
  TOTAL_COUNT_DESCRIPTION,
  toConnection,
} from '../connection.js';
import { loadAdjacency, loadDegree } from '../loaders/graph-adjacency.js';

export const RelationshipTypeEnum = builder.enumType('RelationshipType', {
  description:
    'What a relationship says about its two ends. PARENT/CHILD (one hierarchy) and OWNER must stay acyclic: an edge that would close a cycle is BAD_USER_INPUT.',
  values: {
    OWNER: { description: '`from` owns `to` (a user owns a wallet); acyclic.' },
    MEMBER: { description: '`from` is a member of `to` (a user of a team); cycles allowed.' },
    LINKED: {
      description: 'A symmetric link (its inverseType is LINKED); stored in one direction.',
    },
    PARENT: {
      description:
        '`from` is the parent of `to`; a CHILD edge to→from says the same. Together acyclic.',
    },
    CHILD: {
      description:
        '`from` is the child of `to`; a PARENT edge to→from says the same. Together acyclic.',
    },
  } satisfies Record<(typeof RELATIONSHIP_TYPES)[number], { description: string }>,
});

export const DirectionEnum = builder.enumType('Direction', {
  description: 'Which relationships of an entity to follow, relative to it.',
  values: {
    OUT: { description: 'Relationships whose `from` is the entity.' },
    IN: { description: 'Relationships whose `to` is the entity.' },
    BOTH: { description: 'Both, each relationship once.' },
  } satisfies Record<(typeof DIRECTIONS)[number], { description: string }>,
});

const DIRECTION_ARG = 'Which relationships to follow: OUT (from this entity), IN (to it), BOTH.';
const TYPES_ARG = 'Only relationships of these types; all types when omitted or empty.';

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
    id: t.exposeID('id', {
      description:
        'The entity id as given, matching ^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,255}$ (e.g. user:42).',
    }),
    degree: t.int({
      description: 'Relationships touching this entity, in the given direction.',
      args: {
        direction: t.arg({
          type: DirectionEnum,
          defaultValue: 'BOTH',
          required: true,
          description: DIRECTION_ARG,
        }),
      },
      resolve: (entity, args, ctx) => loadDegree(ctx, entity.id, args.direction),
    }),
    relationships: t.field({
      type: RelationshipConnectionRef,
      description: 'Relationships at this entity, oldest first.',
      args: {
        direction: t.arg({
          type: DirectionEnum,
          defaultValue: 'BOTH',
          required: true,
          description: DIRECTION_ARG,
        }),
        types: t.arg({ type: [RelationshipTypeEnum], description: TYPES_ARG }),
        first: t.arg.int({ description: 'Page size, 0–100; default 20.' }),
        after: t.arg.string({
          description: 'An endCursor of an earlier page (BAD_USER_INPUT when malformed).',
        }),
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
        direction: t.arg({
          type: DirectionEnum,
          defaultValue: 'OUT',
          required: true,
          description: DIRECTION_ARG,
        }),
        types: t.arg({ type: [RelationshipTypeEnum], description: TYPES_ARG }),
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
    id: t.exposeID('id', {
      description:
        'Unique and sorted by creation time; pass it to relationship or deleteRelationship.',
    }),
    type: t.expose('type', {
      type: RelationshipTypeEnum,
      description: 'What it says about `from` and `to`.',
    }),
    inverseType: t.field({
      type: RelationshipTypeEnum,
      nullable: true,
      description:
        'The type as read from the other end: PARENT⇄CHILD, LINKED⇄LINKED; null for OWNER and MEMBER, which have none.',
      resolve: (relationship) => inverseType(relationship.type),
    }),
    from: t.field({
      type: EntityRef,
      description: 'The source entity (never the same as `to`).',
      resolve: (relationship) => ({ id: relationship.from }),
    }),
    to: t.field({
      type: EntityRef,
      description: 'The target entity.',
      resolve: (relationship) => ({ id: relationship.to }),
    }),
    metadata: t.expose('metadata', {
      type: 'JSON',
      nullable: true,
      description: 'The JSON given at creation (at most 16 KiB); null when none. Immutable.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    createdBy: t.exposeString('createdBy', {
      nullable: true,
      description:
        'The user id that created it (who may delete it, besides admins); null when none was recorded.',
    }),
  }),
});

export const RelationshipEdgeRef = builder.edgeObject({
  name: 'RelationshipEdge',
  type: RelationshipRef,
  ...edgeDescriptions('relationship'),
});

export const RelationshipConnectionRef = builder.connectionObject(
  {
    name: 'RelationshipConnection',
    type: RelationshipRef,
    ...connectionDescriptions('relationships', 'oldest first'),
    fields: (t) => ({
      totalCount: t.exposeInt('totalCount', { description: TOTAL_COUNT_DESCRIPTION }),
    }),
  },
  RelationshipEdgeRef,
);

export interface PathShape {
  entities: string[];
  relationshipIds: string[];
}

export const PathRef = builder.objectRef<PathShape>('Path').implement({
  description: 'A shortest path between two entities, as findPath found it.',
  fields: (t) => ({
    length: t.int({
      description: 'Relationships on the path (0 when `from` is `to`).',
      resolve: (path) => path.relationshipIds.length,
    }),
    entities: t.field({
      type: [EntityRef],
      description: 'The entities from start to end, both included (length + 1 of them).',
      resolve: (path) => path.entities.map((id) => ({ id })),
    }),
    relationships: t.field({
      type: [RelationshipRef],
      description: 'The relationships followed, in path order (the i-th joins entities i and i+1).',
      resolve: (path) => path.relationshipIds,
    }),
  }),
});

export const CycleRef = builder.objectRef<PathShape>('Cycle').implement({
  description: 'A directed cycle; the first entity is repeated at the end.',
  fields: (t) => ({
    entities: t.field({
      type: [EntityRef],
      description:
        'The entities around the cycle, the first repeated at the end (length = relationships + 1).',
      resolve: (cycle) => cycle.entities.map((id) => ({ id })),
    }),
    relationships: t.field({
      type: [RelationshipRef],
      description: 'The relationships around the cycle, in order (one per step of `entities`).',
      resolve: (cycle) => cycle.relationshipIds,
    }),
  }),
});

export const TraversedEntityRef = builder
  .objectRef<{ id: string; depth: number }>('TraversedEntity')
  .implement({
    description: 'An entity a traversal reached, with how far from the start.',
    fields: (t) => ({
      entity: t.field({
        type: EntityRef,
        description: 'The entity reached.',
        resolve: (entry) => ({ id: entry.id }),
      }),
      depth: t.exposeInt('depth', {
        description: 'Its shortest distance from the start in relationships (the start is 0).',
      }),
    }),
  });

export const TraversalRef = builder
  .objectRef<{ entities: Array<{ id: string; depth: number }>; relationshipIds: string[] }>(
    'Traversal',
  )
  .implement({
    description: 'What a breadth-first traversal reached.',
    fields: (t) => ({
      entities: t.field({
        type: [TraversedEntityRef],
        description: 'Each entity reached once, by increasing depth, the start first.',
        resolve: (traversal) => traversal.entities,
      }),
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
    description: 'How many relationships of one type the graph holds.',
    fields: (t) => ({
      type: t.expose('type', { type: RelationshipTypeEnum, description: 'The type counted.' }),
      count: t.exposeInt('count', { description: 'Relationships of that type.' }),
    }),
  });

export const GraphStatsRef = builder
  .objectRef<{
    entityCount: number;
    relationshipCount: number;
    byType: Array<{ type: RelationshipType; count: number }>;
  }>('GraphStats')
  .implement({
    description: 'Counts over the whole graph (every user’s relationships).',
    fields: (t) => ({
      entityCount: t.exposeInt('entityCount', {
        description: 'Entities with at least one relationship.',
      }),
      relationshipCount: t.exposeInt('relationshipCount', {
        description: 'Relationships in all.',
      }),
      byType: t.field({
        type: [TypeCountRef],
        description: 'Relationships per type.',
        resolve: (stats) => stats.byType,
      }),
    }),
  });

export const CreateRelationshipInput = builder.inputType('CreateRelationshipInput', {
  description: 'A new relationship: one per (from, type, to).',
  fields: (t) => ({
    from: t.id({
      required: true,
      description: 'The source entity id: ^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,255}$.',
    }),
    to: t.id({
      required: true,
      description: 'The target entity id, same form; not `from` (no self-loops).',
    }),
    type: t.field({
      type: RelationshipTypeEnum,
      required: true,
      description: 'What it says; PARENT, CHILD and OWNER may not close a cycle.',
    }),
    metadata: t.field({ type: 'JSON', description: 'At most 16 KiB of JSON.' }),
  }),
});
