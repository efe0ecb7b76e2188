import type { EventPublisher } from '../../events/event.js';
import { EVENT_PARAMETERS } from '../../pattern/step-parameters/index.js';
import type { JsonValue } from '../../shared/json.js';
import type { StepRunner } from '../step-runner.js';
import { parseParams } from './params.js';

/**
 * EVENT publish: a CUSTOM event named `event_type`. Published events cannot be recalled. The
 * event carries the id of its run and step, so an attempt made again (after a crash or an
 * outage left the first one's outcome unknown) publishes it at most once; and the attempt
 * fails when the event could not be published, so that no record says it was when it was not.
 */
export function eventRunner(events: EventPublisher): StepRunner {
  return {
    async run(step, params, context) {
      const { event_type: name, payload } = parseParams(EVENT_PARAMETERS, params, step);
      await events.publish(
        {
          type: 'CUSTOM',
          name,
          patternId: context.patternId,
          executionId: context.executionId,
          payload: (payload ?? null) as JsonValue,
          audience: context.viewer.id,
        },
        { dedupeId: `${context.executionId}/${step.id}`, mustLand: true },
      );
      return { output: { published: name } };
    },
  };
}
