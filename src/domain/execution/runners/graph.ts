import type { GraphService } from '../../graph/graph-service.js';
import {
  type GraphParameters,
  RELATIONSHIP_PARAMETERS,
} from '../../pattern/step-parameters/index.js';
import type { JsonValue } from '../../shared/json.js';
import type { StepRunner } from '../step-runner.js';
import { parseParams } from './params.js';

/** RELATIONSHIP create|delete; a create is undone by deleting what it made. */
export function relationshipRunner(graph: GraphService): StepRunner {
  return {
    async run(step, params, context) {
      if (step.action === 'delete') {
        const { id } = parseParams(RELATIONSHIP_PARAMETERS.delete, params, step);
        const [existing] = await graph.getMany([id]);
        await graph.delete(context.viewer, id);
        return {
          output: { deleted: id },
          undo: existing
            ? async () => {
                await graph.create(context.viewer, { ...existing });
              }
            : undefined,
          undoRecord:
            existing && context.transactional
              ? ({ createRelationship: existing as unknown as JsonValue } as JsonValue)
              : undefined,
        };
      }
      const { metadata, ...ends } = parseParams(RELATIONSHIP_PARAMETERS.create, params, step);
      const created = await graph.create(context.viewer, {
        ...ends,
        metadata: (metadata ?? null) as JsonValue | null,
      });
      return {
        output: created,
        undo: async () => {
          await graph.delete(context.viewer, created.id);
        },
        undoRecord: context.transactional
          ? ({ deleteRelationship: created.id } as JsonValue)
          : undefined,
      };
    },
  };
}

/** GRAPH find_path|traverse|detect_cycles: reads, nothing to undo. */
export function graphRunner(graph: GraphService, schemas: GraphParameters): StepRunner {
  return {
    async run(step, params, context) {
      // Searches take a round trip per level or page: they stop at the next one once the
      // attempt times out or the run is cancelled.
      const { signal } = context;
      if (step.action === 'find_path') {
        const p = parseParams(schemas.find_path, params, step);
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
        const p = parseParams(schemas.traverse, params, step);
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
      const p = parseParams(schemas.detect_cycles, params, step);
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
