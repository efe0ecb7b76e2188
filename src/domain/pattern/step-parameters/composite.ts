/** PATTERN execute: another pattern, run as a child execution. */
import { z } from 'zod';
import { anyJson, params, type StepActionSpec, text } from './fields.js';

export const PATTERN_PARAMETERS = params(
  {
    pattern_id: text(1, 128).describe(
      'The id of the pattern to run (the caller must be able to read it).',
    ),
    input: anyJson('The input of the child execution; null when left out.'),
  },
  'PATTERN execute parameters.',
);

export const PATTERN_SPECS: readonly StepActionSpec[] = [
  {
    type: 'PATTERN',
    action: 'execute',
    description:
      'Runs another pattern as a child execution and waits for its end; nesting is bounded and recursion refused.',
    parameters: PATTERN_PARAMETERS,
    output: z
      .strictObject({
        executionId: z.string().describe('The child execution.'),
        output: z.unknown().describe('The child execution’s output.'),
      })
      .describe('`{ executionId, output }` of the child run, which succeeded.'),
    example: { pattern_id: 'send_welcome', input: { user_id: '{id}' } },
  },
];
