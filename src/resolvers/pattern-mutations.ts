import { builder } from '../schema/builder.js';
import { CreatePatternInput, PatternRef, UpdatePatternInput } from '../schema/types/pattern.js';

builder.mutationFields((t) => ({
  createPattern: t.field({
    type: PatternRef,
    description:
      'Creates version 1 of a pattern and returns it (with its warnings). Errors: BAD_USER_INPUT (`extensions.issues` lists every problem with its path; nothing is written), CONFLICT (an explicit id that is taken), FORBIDDEN (origin SYSTEM without the admin role).',
    args: {
      input: t.arg({
        type: CreatePatternInput,
        required: true,
        description: 'The pattern to create.',
      }),
    },
    resolve: (_, args, ctx) =>
      ctx.services.patterns.create(
        ctx.viewer,
        ctx.services.patterns.input.parseCreate(args.input, ['input']),
      ),
  }),
  updatePattern: t.field({
    type: PatternRef,
    description:
      'Writes version n+1 and keeps n. Errors: NOT_FOUND (no such pattern the caller may read), FORBIDDEN (one the caller may read but not change, e.g. a SYSTEM pattern for a non-admin), BAD_USER_INPUT (invalid or no change), CONFLICT (expectedVersion is no longer current).',
    args: {
      id: t.arg.id({ required: true, description: 'The pattern to change.' }),
      input: t.arg({
        type: UpdatePatternInput,
        required: true,
        description: 'The fields to change; the others keep their value.',
      }),
      expectedVersion: t.arg.int({
        description:
          'The version the change was made against: CONFLICT when the pattern has moved on (optimistic locking). Omitted: write on top of whatever is current.',
      }),
    },
    resolve: (_, args, ctx) =>
      ctx.services.patterns.update(
        ctx.viewer,
        String(args.id),
        ctx.services.patterns.input.parseUpdate(args.input, ['input']),
        args.expectedVersion,
      ),
  }),
  restorePatternVersion: t.field({
    type: PatternRef,
    description:
      'Writes version n+1 with the content of an earlier version, as updatePattern would (permissions, validation, expectedVersion). Restoring the current content writes nothing and returns the current version.',
    args: {
      id: t.arg.id({ required: true, description: 'The pattern to restore.' }),
      version: t.arg.int({
        required: true,
        description: 'The version whose content to restore (NOT_FOUND when it does not exist).',
      }),
      expectedVersion: t.arg.int({
        description: 'CONFLICT unless the pattern is at this version.',
      }),
    },
    resolve: (_, args, ctx) =>
      ctx.services.patterns.restore(
        ctx.viewer,
        String(args.id),
        args.version,
        args.expectedVersion,
      ),
  }),
  deletePattern: t.field({
    type: 'Boolean',
    description:
      'Removes the pattern with every version and statistic; true when it did. Errors: NOT_FOUND, FORBIDDEN (as updatePattern).',
    args: { id: t.arg.id({ required: true, description: 'The pattern to delete.' }) },
    resolve: (_, args, ctx) => ctx.services.patterns.delete(ctx.viewer, String(args.id)),
  }),
}));
