import { parseCreateRelationshipInput } from '../domain/graph/relationship-input.js';
import { builder } from '../schema/builder.js';
import { CreateRelationshipInput, RelationshipRef } from '../schema/types/graph.js';

builder.mutationFields((t) => ({
  createRelationship: t.field({
    type: RelationshipRef,
    description:
      'Creates a relationship and publishes RELATIONSHIP_CREATED. Errors: CONFLICT when (from, type, to) exists (also when two requests race); BAD_USER_INPUT for an invalid id, a self-loop, metadata over 16 KiB, or a PARENT, CHILD or OWNER edge that would close a cycle (the message names it); LIMIT_EXCEEDED when the hierarchy below is too large to check.',
    args: {
      input: t.arg({
        type: CreateRelationshipInput,
        required: true,
        description: 'The relationship to create.',
      }),
    },
    resolve: (_, args, ctx) =>
      ctx.services.graph.create(ctx.viewer, parseCreateRelationshipInput(args.input, ['input'])),
  }),
  deleteRelationship: t.field({
    type: 'Boolean',
    description:
      'Deletes a relationship and every trace of it, and publishes RELATIONSHIP_DELETED; true when it did. Errors: NOT_FOUND (no such relationship), FORBIDDEN (neither its creator nor an admin).',
    args: { id: t.arg.id({ required: true, description: 'The relationship to delete.' }) },
    resolve: (_, args, ctx) => ctx.services.graph.delete(ctx.viewer, String(args.id)),
  }),
}));
