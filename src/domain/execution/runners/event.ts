import type { EventPublisher } from '../../events/event.js';
import { EVENT_PARAMETERS } from '../../pattern/step-parameters/index.js';
import type { JsonValue } from '../../shared/json.js';
import type { StepRunner } from '../step-runner.js';
import { parseParams } from './params.js';

/** EVENT publish: a CUSTOM event named `event_type`. Published events cannot be recalled. */
export function eventRunner(events: EventPublisher): StepRunner {
  return {
    async run(step, params, context) {
      const { event_type: name, payload } = parseParams(EVENT_PARAMETERS, params, step);
      await events.publish({
        type: 'CUSTOM',
        name,
        patternId: context.patternId,
        executionId: context.executionId,
        payload: (payload ?? null) as JsonValue,
        audience: context.viewer.id,
      });
      return { output: { published: name } };
    },
  };
}
