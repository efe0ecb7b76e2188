import { z } from 'zod';
import type { GraphService } from '../../graph/graph-service.js';
import { DIRECTIONS, RELATIONSHIP_TYPES } from '../../graph/relationship.js';
import { parseCreateRelationshipInput } from '../../graph/relationship-input.js';
import type { JsonValue } from '../../shared/json.js';
import type { StepRunner } from '../step-runner.js';
import { parseParams } from './params.js';

const types = z.array(z.enum(RELATIONSHIP_TYPES)).nullish();
const direction = z.enum(DIRECTIONS).default('OUT');

/** RELATIONSHIP create|delete; a create is undone by deleting what it made. */
export function relationshipRunner(graph: GraphService): StepRunner {
  return {
    async run(step, params, context) {
      if (step.action === 'delete') {
        const { id } = parseParams(z.object({ id: z.string().min(1) }), params, step.id);
        const [existing] = await graph.getMany([id]);
        await graph.delete(context.viewer, id);
        return {
          output: { deleted: id },
          undo: existing
            ? async () => {
                await graph.create(context.viewer, { ...existing });
              }
            : undefined,
        };
      }
      const command = parseCreateRelationshipInput(params);
      const created = await graph.create(context.viewer, command);
      return {
        output: created,
        undo: async () => {
          await graph.delete(context.viewer, created.id);
        },
      };
    },
  };
}

const findPathSchema = z.object({
  from: z.string(),
  to: z.string(),
  max_depth: z.number().int().default(6),
  direction,
  types,
});
const traverseSchema = z.object({
  from: z.string(),
  max_depth: z.number().int().default(3),
  direction,
  types,
  limit: z.number().int().nullish(),
});
const cyclesSchema = z.object({
  types,
  from: z.string().nullish(),
  limit: z.number().int().nullish(),
});

/** GRAPH find_path|traverse|detect_cycles: reads, nothing to undo. */
export function graphRunner(graph: GraphService): StepRunner {
  return {
    async run(step, params, context) {
      // Searches take a round trip per level or page: they stop at the next one once the
      // attempt times out or the run is cancelled.
      const { signal } = context;
      if (step.action === 'find_path') {
        const p = parseParams(findPathSchema, params, step.id);
        const path = await graph.findPath({
          from: p.from,
          to: p.to,
          maxDepth: p.max_depth,
          direction: p.direction,
          types: p.types,
          signal,
        });
        return { output: path ? { length: path.relationshipIds.length, ...path } : null };
      }
      if (step.action === 'traverse') {
        const p = parseParams(traverseSchema, params, step.id);
        const result = await graph.traverse({
          from: p.from,
          maxDepth: p.max_depth,
          direction: p.direction,
          types: p.types,
          limit: p.limit,
          signal,
        });
        return { output: result as unknown as JsonValue };
      }
      const p = parseParams(cyclesSchema, params, step.id);
      const cycles = await graph.detectCycles({
        types: p.types,
        from: p.from,
        limit: p.limit,
        signal,
      });
      return { output: cycles as unknown as JsonValue };
    },
  };
}
