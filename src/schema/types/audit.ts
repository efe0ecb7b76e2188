import type { AuditEntry } from '../../domain/audit/audit-log.js';
import { builder } from '../builder.js';

export const AuditEntryRef = builder.objectRef<AuditEntry>('AuditEntry').implement({
  description: 'One mutation field as it ran: who, what, on which ids, and how it ended.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Ordered: newer entries have greater ids.' }),
    at: t.expose('at', { type: 'DateTime' }),
    actor: t.exposeString('actor'),
    roles: t.exposeStringList('roles'),
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
});

export const AuditEntryConnectionRef = builder.connectionObject(
  {
    name: 'AuditEntryConnection',
    type: AuditEntryRef,
    fields: (t) => ({ totalCount: t.exposeInt('totalCount') }),
  },
  AuditEntryEdgeRef,
);
