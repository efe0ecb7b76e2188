import { z } from 'zod';
import type { EventPublisher } from '../../events/event.js';
import type { JsonValue } from '../../shared/json.js';
import type { StepRunner } from '../step-runner.js';
import { parseParams } from './params.js';

const schema = z.object({
  event_type: z.string().min(1).max(200),
  payload: z.unknown().optional(),
});

/** EVENT publish: a CUSTOM event named `event_type`. Published events cannot be recalled. */
export function eventRunner(events: EventPublisher): StepRunner {
  return {
    async run(step, params, context) {
      const { event_type: name, payload } = parseParams(schema, params, step.id);
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
