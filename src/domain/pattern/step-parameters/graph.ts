/** GRAPH find_path|traverse|detect_cycles: reads of the relationship graph, nothing to undo. */
import { z } from 'zod';
import { MAX_CYCLES, MAX_TRAVERSE_LIMIT } from '../../graph/graph-service.js';
import { RELATIONSHIP_TYPES } from '../../graph/relationship.js';
import { boundedInt, expected, listOf, params, type StepActionSpec } from './fields.js';
import { direction, relationshipType } from './relationship.js';

const entity = (description: string) =>
  z.string({ error: expected('a string') }).describe(description);
const types = listOf(relationshipType)
  .nullish()
  .describe(
    `Only relationships of these types (${RELATIONSHIP_TYPES.join(', ')}); all when left out.`,
  );
const directionField = direction
  .default('OUT')
  .describe('Which way relationships are followed: OUT (from → to, the default), IN or BOTH.');
const maxDepth = (fallback: number, maxTraversalDepth: number) =>
  boundedInt(0, maxTraversalDepth)
    .default(fallback)
    .describe(
      `How many relationships deep to search, 0–${maxTraversalDepth}; default ${fallback}.`,
    );

const entityList = listOf(z.string()).describe('Entity ids, in order.');
const relationshipIds = listOf(z.string()).describe('Relationship ids, in order.');

/** The GRAPH parameter schemas, whose depth bound is the configured one (NEXUS_MAX_TRAVERSAL_DEPTH). */
export function graphParameters(maxTraversalDepth: number) {
  return {
    find_path: params(
      {
        from: entity('Where the path starts.'),
        to: entity('Where it ends.'),
        max_depth: maxDepth(6, maxTraversalDepth),
        direction: directionField,
        types,
      },
      'GRAPH find_path parameters.',
    ),
    traverse: params(
      {
        from: entity('Where the traversal starts.'),
        max_depth: maxDepth(3, maxTraversalDepth),
        direction: directionField,
        types,
        limit: boundedInt(1, MAX_TRAVERSE_LIMIT)
          .nullish()
          .describe(
            `Most entities returned, the start included: 1–${MAX_TRAVERSE_LIMIT}; default 1000.`,
          ),
      },
      'GRAPH traverse parameters.',
    ),
    detect_cycles: params(
      {
        types,
        from: z
          .string({ error: expected('a string') })
          .nullish()
          .describe('Only cycles through this entity; the whole graph when left out.'),
        limit: boundedInt(1, MAX_CYCLES)
          .nullish()
          .describe(`Most cycles reported: 1–${MAX_CYCLES}; default 10.`),
      },
      'GRAPH detect_cycles parameters.',
    ),
  };
}

export type GraphParameters = ReturnType<typeof graphParameters>;

export function graphSpecs(parameters: GraphParameters): StepActionSpec[] {
  return [
    {
      type: 'GRAPH',
      action: 'find_path',
      description: 'A shortest path between two entities (bidirectional breadth-first search).',
      parameters: parameters.find_path,
      output: z
        .strictObject({
          length: z.int().describe('Relationships on the path.'),
          entities: entityList,
          relationshipIds,
        })
        .nullable()
        .describe(
          '`{ length, entities, relationshipIds }`, or null when no path is within max_depth.',
        ),
      example: { from: 'user:{from}', to: 'user:{to}', max_depth: 3 },
    },
    {
      type: 'GRAPH',
      action: 'traverse',
      description: 'Breadth-first from an entity: each entity reached once, with its depth.',
      parameters: parameters.traverse,
      output: z
        .strictObject({
          entities: listOf(
            z.strictObject({
              id: z.string().describe('The entity id.'),
              depth: z.int().describe('Relationships from the start.'),
            }),
          ).describe('The entities reached, the start (depth 0) first.'),
          relationshipIds: relationshipIds.describe('Relationships followed between them.'),
        })
        .describe('`{ entities: [{ id, depth }], relationshipIds }`: what the traversal reached.'),
      example: { from: 'user:{id}', max_depth: 2, direction: 'OUT', types: ['MEMBER'], limit: 100 },
    },
    {
      type: 'GRAPH',
      action: 'detect_cycles',
      description: 'Directed cycles over the given types, each reported once.',
      parameters: parameters.detect_cycles,
      output: listOf(
        z
          .strictObject({
            entities: entityList.describe(
              'The entities in order; the first is repeated at the end.',
            ),
            relationshipIds,
          })
          .describe('One cycle.'),
      ).describe('A list of `{ entities, relationshipIds }`, one per cycle found.'),
      example: { types: ['PARENT'], from: 'team:{id}', limit: 10 },
    },
  ];
}
