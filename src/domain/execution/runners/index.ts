import type { EventPublisher } from '../../events/event.js';
import type { GraphService } from '../../graph/graph-service.js';
import type { StepType } from '../../pattern/pattern.js';
import type { StepParameterCatalog } from '../../pattern/step-parameters/index.js';
import type { JsonValue } from '../../shared/json.js';
import type { Execution } from '../execution.js';
import type { KeyValueSpace } from '../key-value-store.js';
import type { StepContext, StepRunner } from '../step-runner.js';
import { cacheRunner } from './cache.js';
import { compositeRunner } from './composite.js';
import { delayRunner } from './delay.js';
import { eventRunner } from './event.js';
import { graphRunner, relationshipRunner } from './graph.js';
import { pipelineRunner, transactionRunner } from './pipeline.js';

export interface RunnerDependencies {
  kv: KeyValueSpace;
  graph: GraphService;
  events: EventPublisher;
  maxCompositeDepth: number;
  /** Where patterns are checked when written: steps are checked against the same schemas. */
  patterns: { readonly input: { readonly stepParameters: StepParameterCatalog } };
  /** PATTERN steps: runs a child execution to its end. */
  runChild: (
    patternId: string,
    input: JsonValue | null,
    context: StepContext,
  ) => Promise<Execution>;
}

/** The runner of every step type. */
export function buildRunners(deps: RunnerDependencies): Record<StepType, StepRunner> {
  return {
    CACHE: cacheRunner(deps.kv),
    PIPELINE: pipelineRunner(deps.kv),
    TRANSACTION: transactionRunner(deps.kv),
    RELATIONSHIP: relationshipRunner(deps.graph),
    GRAPH: graphRunner(deps.graph, deps.patterns.input.stepParameters.graph),
    EVENT: eventRunner(deps.events),
    PATTERN: compositeRunner(deps.runChild, deps.maxCompositeDepth),
    DELAY: delayRunner,
  };
}
