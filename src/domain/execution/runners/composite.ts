import { PATTERN_PARAMETERS } from '../../pattern/step-parameters/index.js';
import type { JsonValue } from '../../shared/json.js';
import type { Execution } from '../execution.js';
import { PermanentStepError, type StepContext, type StepRunner } from '../step-runner.js';
import { parseParams } from './params.js';

/** PATTERN execute: runs another pattern as a child execution; bounded depth, no recursion. */
export function compositeRunner(
  runChild: (
    patternId: string,
    input: JsonValue | null,
    context: StepContext,
  ) => Promise<Execution>,
  maxDepth: number,
): StepRunner {
  return {
    waitsOnly: true,
    async run(step, params, context) {
      const { pattern_id: patternId, input } = parseParams(PATTERN_PARAMETERS, params, step);
      if (context.callStack.includes(patternId)) {
        throw new PermanentStepError(
          `pattern recursion: ${[...context.callStack, patternId].join(' → ')}`,
        );
      }
      if (context.depth + 1 > maxDepth) {
        throw new PermanentStepError(`composite patterns may nest at most ${maxDepth} deep`);
      }
      const child = await runChild(patternId, (input ?? null) as JsonValue | null, context);
      if (child.status !== 'SUCCEEDED') {
        throw new PermanentStepError(
          `pattern "${patternId}" ended ${child.status}: ${child.error ?? ''} (execution ${child.id})`,
        );
      }
      return { output: { executionId: child.id, output: child.output } };
    },
  };
}
