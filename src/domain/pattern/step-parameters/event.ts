/** EVENT publish: a CUSTOM event for subscribers; it cannot be recalled. */
import { z } from 'zod';
import { anyJson, params, type StepActionSpec, text } from './fields.js';

export const MAX_EVENT_TYPE_LENGTH = 200;

export const EVENT_PARAMETERS = params(
  {
    event_type: text(1, MAX_EVENT_TYPE_LENGTH).describe(
      `The event's name (1–${MAX_EVENT_TYPE_LENGTH} characters).`,
    ),
    payload: anyJson('Any JSON carried by the event; null when left out.'),
  },
  'EVENT publish parameters.',
);

export const EVENT_SPECS: readonly StepActionSpec[] = [
  {
    type: 'EVENT',
    action: 'publish',
    description:
      'Publishes a CUSTOM event, seen by the caller’s `nexusEvents` subscriptions; not undone by a rollback.',
    parameters: EVENT_PARAMETERS,
    output: z
      .strictObject({ published: z.string().describe('The name of the event published.') })
      .describe('`{ published }`: the name of the event published.'),
    example: { event_type: 'user_created', payload: { user_id: '{id}' } },
  },
];
