import { z } from 'zod';
import { type StepRunner, sleep } from '../step-runner.js';
import { parseParams } from './params.js';

const schema = z.object({ ms: z.number().int().min(0).max(300_000).default(0) });

/** DELAY wait (`ms`), ended early by a timeout or a cancel. */
export const delayRunner: StepRunner = {
  waitsOnly: true,
  async run(step, params, context) {
    const { ms } = parseParams(schema, params, step.id);
    await sleep(ms, context.signal);
    return { output: { waitedMs: ms } };
  },
};
