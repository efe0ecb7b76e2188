import { selectEdges } from '../domain/graph/expand.js';
import { ValidationError } from '../domain/shared/errors.js';
import { decodeCursor, encodeCursor, pageSize } from '../domain/shared/pagination.js';
import { builder } from '../schema/builder.js';
import {
  DirectionEnum,
  EntityRef,
  RelationshipConnectionRef,
  RelationshipTypeEnum,
} from '../schema/types/graph.js';
import { loadAdjacency, loadDegree } from './graph-loaders.js';

const typeSet = (types: readonly (typeof RelationshipTypeEnum.$inferType)[] | null | undefined) =>
  types && types.length > 0 ? new Set(types) : null;

builder.objectFields(EntityRef, (t) => ({
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
      const edges = (await loadAdjacency(ctx, entity.id, args.direction))
        .filter((edge) => typeSet(args.types)?.has(edge.type) ?? true)
        .sort((a, b) => (a.relationshipId < b.relationshipId ? -1 : 1));
      const first = pageSize(args.first);
      const after = args.after ? afterId(args.after) : null;
      const start = after === null ? 0 : edges.findIndex((edge) => edge.relationshipId > after);
      const from = start === -1 ? edges.length : start;
      const page = edges.slice(from, from + first).map((edge) => ({
        // An id as node: the Relationship loader reads the page in one batch.
        node: edge.relationshipId,
        cursor: encodeCursor([edge.relationshipId]),
      }));
      return {
        edges: page,
        pageInfo: {
          hasNextPage: from + first < edges.length,
          hasPreviousPage: from > 0,
          startCursor: page[0]?.cursor ?? null,
          endCursor: page.at(-1)?.cursor ?? null,
        },
        totalCount: edges.length,
      };
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
}));

function afterId(cursor: string): string {
  const [id, ...rest] = decodeCursor(cursor);
  if (typeof id !== 'string' || rest.length > 0) {
    throw ValidationError.single(['after'], 'is not a valid cursor');
  }
  return id;
}
