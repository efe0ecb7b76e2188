import { DELAY_PARAMETERS } from '../../pattern/step-parameters/index.js';
import { type StepRunner, sleep } from '../step-runner.js';
import { parseParams } from './params.js';

/** DELAY wait (`ms`), ended early by a timeout or a cancel. */
export const delayRunner: StepRunner = {
  waitsOnly: true,
  async run(step, params, context) {
    const { ms } = parseParams(DELAY_PARAMETERS, params, step);
    await sleep(ms, context.signal);
    return { output: { waitedMs: ms } };
  },
};
