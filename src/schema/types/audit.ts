import type { AuditEntry } from '../../domain/audit/audit-log.js';
import { builder } from '../builder.js';
import {
  connectionDescriptions,
  edgeDescriptions,
  TOTAL_COUNT_DESCRIPTION,
} from '../connection.js';

export const AuditEntryRef = builder.objectRef<AuditEntry>('AuditEntry').implement({
  description: 'One mutation field as it ran: who, what, on which ids, and how it ended.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Ordered: newer entries have greater ids.' }),
    at: t.expose('at', {
      type: 'DateTime',
      description: 'When the operation holding the mutation field ended.',
    }),
    actor: t.exposeString('actor', {
      description: 'The user id (token `sub`) that sent it.',
    }),
    roles: t.exposeStringList('roles', {
      description: 'The roles the caller’s token carried (e.g. ["admin"]).',
    }),
    action: t.exposeString('action', { description: 'The mutation field, e.g. createPattern.' }),
    targets: t.exposeStringList('targets', {
      description: 'Ids the mutation named or produced. Inputs are never recorded.',
    }),
    outcome: t.exposeString('outcome', {
      description: '"ok", or the error code it ended with (FORBIDDEN, BAD_USER_INPUT, ...).',
    }),
  }),
});

export const AuditEntryEdgeRef = builder.edgeObject({
  name: 'AuditEntryEdge',
  type: AuditEntryRef,
  ...edgeDescriptions('audit entry'),
});

export const AuditEntryConnectionRef = builder.connectionObject(
  {
    name: 'AuditEntryConnection',
    type: AuditEntryRef,
    ...connectionDescriptions('audit entries', 'newest first'),
    fields: (t) => ({
      totalCount: t.exposeInt('totalCount', { description: TOTAL_COUNT_DESCRIPTION }),
    }),
  },
  AuditEntryEdgeRef,
);
