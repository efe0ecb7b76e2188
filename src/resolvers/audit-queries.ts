import { pageSize } from '../domain/shared/pagination.js';
import { builder } from '../schema/builder.js';
import { toConnection } from '../schema/connection.js';
import { AuditEntryConnectionRef } from '../schema/types/audit.js';

builder.queryFields((t) => ({
  auditLog: t.field({
    type: AuditEntryConnectionRef,
    description:
      'The audit trail of mutation fields, newest first (the last NEXUS_AUDIT_LOG_LENGTH entries). Admins only: FORBIDDEN for others.',
    authScopes: { admin: true },
    args: {
      first: t.arg.int({ description: 'Page size, 0–100; default 20.' }),
      after: t.arg.string({
        description:
          'An endCursor of an earlier page: read what follows it (BAD_USER_INPUT when malformed).',
      }),
      actor: t.arg.string({ description: 'Only entries of this user id.' }),
      action: t.arg.string({ description: 'Only entries of this mutation, e.g. deletePattern.' }),
    },
    resolve: async (_, args, ctx) =>
      toConnection(
        await ctx.services.audit.list(
          { actor: args.actor ?? null, action: args.action ?? null },
          pageSize(args.first),
          args.after ?? null,
        ),
      ),
  }),
}));
