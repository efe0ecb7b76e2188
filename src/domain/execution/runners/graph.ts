import type { GraphService } from '../../graph/graph-service.js';
import {
  type GraphParameters,
  RELATIONSHIP_PARAMETERS,
} from '../../pattern/step-parameters/index.js';
import type { JsonValue } from '../../shared/json.js';
import type { StepRunner } from '../step-runner.js';
import { parseParams } from './params.js';

/**
 * RELATIONSHIP create|delete; a create is undone by deleting what it made, a delete by making
 * it again. Attempted again, either recognises what its earlier attempt did (by origin: the
 * relationship made, or the deletion) instead of a CONFLICT or a NOT_FOUND.
 */
export function relationshipRunner(graph: GraphService): StepRunner {
  return {
    async run(step, params, context) {
      // Done with this run and step as its origin: an attempt made again (the first one's
      // outcome unknown after a crash or an outage) finds its own work rather than failing.
      const origin = `${context.executionId}/${step.id}`;
      if (step.action === 'delete') {
        const { id } = parseParams(RELATIONSHIP_PARAMETERS.delete, params, step);
        const deleted = await graph.deleteByStep(context.viewer, id, origin);
        return {
          output: { deleted: id },
          undo: async () => {
            const { origin: _origin, ...command } = deleted;
            await graph.create(context.viewer, command);
          },
          undoRecord: context.transactional
            ? ({ createRelationship: withoutOrigin(deleted) } as JsonValue)
            : undefined,
        };
      }
      const { metadata, ...ends } = parseParams(RELATIONSHIP_PARAMETERS.create, params, step);
      const created = await graph.create(
        context.viewer,
        { ...ends, metadata: (metadata ?? null) as JsonValue | null },
        origin,
      );
      const { origin: _origin, ...output } = created;
      return {
        output,
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

/** A relationship as a create command takes it again (its origin belongs to the first one). */
function withoutOrigin<T extends { origin?: unknown }>(relationship: T): JsonValue {
  const { origin: _origin, ...rest } = relationship;
  return rest as unknown as JsonValue;
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
