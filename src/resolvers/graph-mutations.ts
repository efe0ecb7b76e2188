import { parseCreateRelationshipInput } from '../domain/graph/relationship-input.js';
import { builder } from '../schema/builder.js';
import { CreateRelationshipInput, RelationshipRef } from '../schema/types/graph.js';

builder.mutationFields((t) => ({
  createRelationship: t.field({
    type: RelationshipRef,
    description:
      'CONFLICT when (from, type, to) exists; BAD_USER_INPUT when a PARENT, CHILD or OWNER edge would close a cycle.',
    args: { input: t.arg({ type: CreateRelationshipInput, required: true }) },
    resolve: (_, args, ctx) =>
      ctx.services.graph.create(ctx.viewer, parseCreateRelationshipInput(args.input, ['input'])),
  }),
  deleteRelationship: t.field({
    type: 'Boolean',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_, args, ctx) => ctx.services.graph.delete(ctx.viewer, String(args.id)),
  }),
}));
