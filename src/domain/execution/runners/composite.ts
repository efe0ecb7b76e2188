import { z } from 'zod';
import type { JsonValue } from '../../shared/json.js';
import type { Execution } from '../execution.js';
import { PermanentStepError, type StepContext, type StepRunner } from '../step-runner.js';
import { parseParams } from './params.js';

const schema = z.object({ pattern_id: z.string().min(1), input: z.unknown().optional() });

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
      const { pattern_id: patternId, input } = parseParams(schema, params, step.id);
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
