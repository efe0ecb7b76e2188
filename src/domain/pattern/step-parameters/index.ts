/**
 * The parameters and output of every step type × action, as zod schemas: patterns are checked
 * against them when written (createPattern / updatePattern), runners check the rendered
 * parameters against the same schemas before a step runs, and `stepTypes` shows them as JSON
 * Schema. One catalog per configuration: the GRAPH depth bound is NEXUS_MAX_TRAVERSAL_DEPTH.
 */
import { z } from 'zod';
import { DEFAULT_MAX_DEPTH } from '../../graph/graph-service.js';
import type { JsonValue } from '../../shared/json.js';
import { STEP_TYPES, type StepType } from '../pattern.js';
import { CACHE_SPECS } from './cache.js';
import { PATTERN_SPECS } from './composite.js';
import { DELAY_SPECS } from './delay.js';
import { EVENT_SPECS } from './event.js';
import type { StepActionSpec } from './fields.js';
import { type GraphParameters, graphParameters, graphSpecs } from './graph.js';
import { PIPELINE_SPECS } from './pipeline.js';
import { RELATIONSHIP_SPECS } from './relationship.js';

export { CACHE_PARAMETERS } from './cache.js';
export { checkParameters, type ParameterCheck, writtenParameterIssues } from './check.js';
export { PATTERN_PARAMETERS } from './composite.js';
export { DELAY_PARAMETERS } from './delay.js';
export { EVENT_PARAMETERS } from './event.js';
export type { StepActionSpec } from './fields.js';
export type { GraphParameters } from './graph.js';
export { PIPELINE_PARAMETERS, TRANSACTION_PARAMETERS } from './pipeline.js';
export { referenceIssues, type StepNode } from './references.js';
export { RELATIONSHIP_PARAMETERS } from './relationship.js';

export interface StepParameterLimits {
  /** NEXUS_MAX_TRAVERSAL_DEPTH: the largest GRAPH max_depth. */
  maxTraversalDepth: number;
}

export const DEFAULT_STEP_PARAMETER_LIMITS: StepParameterLimits = Object.freeze({
  maxTraversalDepth: DEFAULT_MAX_DEPTH,
});

export const STEP_TYPE_DESCRIPTIONS: Readonly<Record<StepType, string>> = {
  CACHE: 'One key of the key space of the pattern’s owner: read, write or delete it.',
  PIPELINE: 'Several key-value ops in one round trip, one result each.',
  TRANSACTION: 'Several key-value ops applied all or nothing, optionally watching keys.',
  RELATIONSHIP: 'Creates or deletes a relationship of the graph, as the caller.',
  GRAPH: 'Reads the relationship graph: shortest paths, traversals, cycles.',
  EVENT: 'Publishes a CUSTOM event to the caller’s subscribers.',
  PATTERN: 'Runs another pattern as a child execution.',
  DELAY: 'Waits for a while.',
};

/** One action as `stepTypes` shows it. */
export interface StepActionDescription {
  action: string;
  description: string;
  parametersSchema: JsonValue;
  outputSchema: JsonValue;
  example: JsonValue;
}

export interface StepTypeDescription {
  type: StepType;
  description: string;
  actions: StepActionDescription[];
}

export class StepParameterCatalog {
  readonly specs: readonly StepActionSpec[];
  /** The GRAPH schemas under these limits (the other types' schemas have no settings). */
  readonly graph: GraphParameters;
  private readonly byKey: ReadonlyMap<string, StepActionSpec>;
  private described: StepTypeDescription[] | undefined;

  constructor(readonly limits: StepParameterLimits = DEFAULT_STEP_PARAMETER_LIMITS) {
    this.graph = graphParameters(limits.maxTraversalDepth);
    this.specs = [
      ...CACHE_SPECS,
      ...PIPELINE_SPECS,
      ...RELATIONSHIP_SPECS,
      ...graphSpecs(this.graph),
      ...EVENT_SPECS,
      ...PATTERN_SPECS,
      ...DELAY_SPECS,
    ];
    this.byKey = new Map(this.specs.map((spec) => [`${spec.type} ${spec.action}`, spec]));
  }

  /** The spec of a type × action; undefined for an action the type does not have. */
  spec(type: StepType, action: string): StepActionSpec | undefined {
    return this.byKey.get(`${type} ${action}`);
  }

  /** Every type with its actions, their JSON Schemas (draft 2020-12) and examples. */
  describe(): StepTypeDescription[] {
    this.described ??= STEP_TYPES.map((type) => ({
      type,
      description: STEP_TYPE_DESCRIPTIONS[type],
      actions: this.specs
        .filter((spec) => spec.type === type)
        .map((spec) => ({
          action: spec.action,
          description: spec.description,
          parametersSchema: z.toJSONSchema(spec.parameters, { io: 'input' }) as JsonValue,
          outputSchema: z.toJSONSchema(spec.output, { io: 'output' }) as JsonValue,
          example: spec.example,
        })),
    }));
    return this.described;
  }
}

/** With the default bounds (tests, built-in patterns). */
export const DEFAULT_STEP_PARAMETERS = new StepParameterCatalog();
