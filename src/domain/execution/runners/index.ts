import type { EventPublisher } from '../../events/event.js';
import type { GraphService } from '../../graph/graph-service.js';
import { STEP_ACTIONS, type StepType } from '../../pattern/pattern.js';
import type { StepParameterCatalog } from '../../pattern/step-parameters/index.js';
import type { JsonValue } from '../../shared/json.js';
import type { Execution } from '../execution.js';
import type { KeyValueSpace } from '../key-value-store.js';
import { PermanentStepError, type StepContext, type StepRunner } from '../step-runner.js';
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

/** The runner of every step type; a step whose action its type does not have fails at once. */
export function buildRunners(deps: RunnerDependencies): Record<StepType, StepRunner> {
  const { stepParameters } = deps.patterns.input;
  const checked = (runner: StepRunner): StepRunner => ({
    ...runner,
    run(step, params, context) {
      // Runners pick their work by action, and would take an unknown one for another.
      if (!stepParameters.spec(step.type, step.action)) {
        const actions = STEP_ACTIONS[step.type]?.join(', ') ?? '';
        return Promise.reject(
          new PermanentStepError(
            `${step.type} steps have no action "${step.action}" (expected one of: ${actions})`,
          ),
        );
      }
      return runner.run(step, params, context);
    },
  });
  return {
    CACHE: checked(cacheRunner(deps.kv)),
    PIPELINE: checked(pipelineRunner(deps.kv)),
    TRANSACTION: checked(transactionRunner(deps.kv)),
    RELATIONSHIP: checked(relationshipRunner(deps.graph)),
    GRAPH: checked(graphRunner(deps.graph, stepParameters.graph)),
    EVENT: checked(eventRunner(deps.events)),
    PATTERN: checked(compositeRunner(deps.runChild, deps.maxCompositeDepth)),
    DELAY: checked(delayRunner),
  };
}
