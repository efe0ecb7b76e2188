/** Edge validation of relationship input with zod. */
import { z } from 'zod';
import { type IssuePath, ValidationError } from '../shared/errors.js';
import { type JsonValue, jsonByteLength } from '../shared/json.js';
import { RELATIONSHIP_TYPES, type RelationshipType } from './relationship.js';

export const ENTITY_ID_RE = /^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,255}$/;
export const MAX_METADATA_BYTES = 16 * 1024;

export interface CreateRelationshipCommand {
  from: string;
  to: string;
  type: RelationshipType;
  metadata: JsonValue | null;
}

export const entityIdSchema = z
  .string()
  .regex(ENTITY_ID_RE, { error: `must match ${ENTITY_ID_RE.source}` });

const createSchema = z
  .object({
    from: entityIdSchema,
    to: entityIdSchema,
    type: z.enum(RELATIONSHIP_TYPES),
    metadata: z
      .unknown()
      .optional()
      .superRefine((value, ctx) => {
        if (jsonByteLength(value) > MAX_METADATA_BYTES) {
          ctx.addIssue({ code: 'custom', message: 'must be at most 16 KiB of JSON' });
        }
      })
      .transform((value) => (value ?? null) as JsonValue | null),
  })
  .superRefine((input, ctx) => {
    if (input.from === input.to) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'must differ from `from` (no self-loops)',
      });
    }
  });

export function parseCreateRelationshipInput(
  raw: unknown,
  path: IssuePath = [],
): CreateRelationshipCommand {
  const result = createSchema.safeParse(raw);
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map((issue) => ({
      path: [
        ...path,
        ...issue.path.filter((key): key is string | number => typeof key !== 'symbol'),
      ],
      message: issue.message,
    })),
  );
}

/** Validates an entity id argument; `path` names the argument. */
export function parseEntityId(raw: string, path: IssuePath): string {
  if (!ENTITY_ID_RE.test(raw)) {
    throw ValidationError.single(path, `must match ${ENTITY_ID_RE.source}`);
  }
  return raw;
}
