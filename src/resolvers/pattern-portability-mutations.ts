import { builder } from '../schema/builder.js';
import { ImportModeEnum, ImportReportRef } from '../schema/types/pattern-portability.js';

builder.mutationFields((t) => ({
  importPatterns: t.field({
    type: ImportReportRef,
    description:
      'Creates or updates the patterns of an exportPatterns document. The whole document is validated and every pattern planned before the first write: an invalid one is BAD_USER_INPUT and writes nothing.',
    args: {
      document: t.arg({
        type: 'JSON',
        required: true,
        description: 'A "nexus.patterns" document, formatVersion 1.',
      }),
      mode: t.arg({
        type: ImportModeEnum,
        required: true,
        defaultValue: 'CREATE_ONLY',
        description: 'What to do with ids that exist.',
      }),
      dryRun: t.arg.boolean({
        defaultValue: false,
        description: 'Report what would happen, write nothing.',
      }),
    },
    resolve: (_, args, ctx) =>
      ctx.services.patterns.importDocument(
        ctx.viewer,
        args.document,
        args.mode,
        args.dryRun ?? false,
      ),
  }),
}));
