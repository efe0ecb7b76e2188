/** RELATIONSHIP create|delete: one edge of the graph, made or removed as the viewer. */
import { z } from 'zod';
import { DIRECTIONS, RELATIONSHIP_TYPES } from '../../graph/relationship.js';
import { ENTITY_ID_RE, MAX_METADATA_BYTES } from '../../graph/relationship-input.js';
import { jsonByteLength } from '../../shared/json.js';
import { expected, oneOf, params, type StepActionSpec } from './fields.js';

export const entityId = (description: string) =>
  z
    .string({ error: expected('a string') })
    .regex(ENTITY_ID_RE, { error: `must match ${ENTITY_ID_RE.source}` })
    .describe(description);

export const relationshipType = oneOf(RELATIONSHIP_TYPES);
export const direction = oneOf(DIRECTIONS);

export const RELATIONSHIP_PARAMETERS = {
  create: params(
    {
      from: entityId('The entity the relationship leaves.'),
      to: entityId('The entity it reaches; must differ from `from` (no self-loops).'),
      type: relationshipType.describe(`One of ${RELATIONSHIP_TYPES.join(', ')}.`),
      metadata: z
        .unknown()
        .optional()
        .refine((value) => jsonByteLength(value) <= MAX_METADATA_BYTES, {
          error: `must be at most ${MAX_METADATA_BYTES / 1024} KiB of JSON`,
        })
        .describe(`Any JSON kept with the relationship, at most ${MAX_METADATA_BYTES / 1024} KiB.`),
    },
    'RELATIONSHIP create parameters.',
  ).superRefine((input, ctx) => {
    if (input.from === input.to) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'must differ from `from` (no self-loops)',
      });
    }
  }),
  delete: params(
    {
      id: z
        .string({ error: expected('a string') })
        .min(1, { error: 'must not be empty' })
        .describe('The id of the relationship to delete.'),
    },
    'RELATIONSHIP delete parameters.',
  ),
};

const relationshipOutput = z
  .strictObject({
    id: z.string().describe('The relationship id.'),
    type: z.enum(RELATIONSHIP_TYPES).describe('Its type.'),
    from: z.string().describe('The entity it leaves.'),
    to: z.string().describe('The entity it reaches.'),
    metadata: z.unknown().describe('Its metadata, or null.'),
    createdAt: z.string().describe('When it was created (ISO-8601).'),
    createdBy: z.string().nullable().describe('Who created it.'),
  })
  .describe('The relationship created: `{ id, type, from, to, metadata, createdAt, createdBy }`.');

export const RELATIONSHIP_SPECS: readonly StepActionSpec[] = [
  {
    type: 'RELATIONSHIP',
    action: 'create',
    description:
      'Creates a relationship as the viewer (PARENT, CHILD and OWNER stay acyclic); undone by a rollback.',
    parameters: RELATIONSHIP_PARAMETERS.create,
    output: relationshipOutput,
    example: {
      from: 'user:42',
      to: 'wallet:7',
      type: 'OWNER',
      metadata: { primary: true },
    },
  },
  {
    type: 'RELATIONSHIP',
    action: 'delete',
    description: 'Deletes a relationship by id (its creator or an admin); undone by a rollback.',
    parameters: RELATIONSHIP_PARAMETERS.delete,
    output: z
      .strictObject({ deleted: z.string().describe('The id of the relationship deleted.') })
      .describe('`{ deleted }`: the id of the relationship deleted.'),
    example: { id: '01JDX3B7Q8M2V5N9K4T6R1W0YZ' },
  },
];
