/** DELAY wait: a timer, ended early by the step's timeout or a cancel. */
import { z } from 'zod';
import { boundedInt, params, type StepActionSpec } from './fields.js';

export const MAX_DELAY_MS = 300_000;

export const DELAY_PARAMETERS = params(
  {
    ms: boundedInt(0, MAX_DELAY_MS)
      .default(0)
      .describe(`Milliseconds to wait, 0–${MAX_DELAY_MS}; default 0.`),
  },
  'DELAY wait parameters.',
);

export const DELAY_SPECS: readonly StepActionSpec[] = [
  {
    type: 'DELAY',
    action: 'wait',
    description: 'Waits, holding no step slot; a timeout shorter than the wait fails the step.',
    parameters: DELAY_PARAMETERS,
    output: z
      .strictObject({ waitedMs: z.int().describe('Milliseconds waited.') })
      .describe('`{ waitedMs }`: how long the step waited.'),
    example: { ms: 1500 },
  },
];
