import { NEXUS_EVENT_TYPES, type NexusEvent } from '../../domain/events/event.js';
import { builder } from '../builder.js';
import { ExecutionRef, ProgressRef } from './execution.js';
import { RelationshipRef } from './graph.js';

export const NexusEventTypeEnum = builder.enumType('NexusEventType', { values: NEXUS_EVENT_TYPES });

export const NexusEventRef = builder.objectRef<NexusEvent>('NexusEvent').implement({
  description:
    'Something that happened. `id` orders events; pass it as `since` to resume after it.',
  fields: (t) => ({
    id: t.exposeID('id'),
    type: t.expose('type', { type: NexusEventTypeEnum }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime' }),
    name: t.exposeString('name', { nullable: true }),
    patternId: t.exposeID('patternId', { nullable: true }),
    executionId: t.exposeID('executionId', { nullable: true }),
    entityId: t.exposeID('entityId', { nullable: true }),
    relationship: t.field({
      type: RelationshipRef,
      nullable: true,
      description: 'For RELATIONSHIP_CREATED and RELATIONSHIP_DELETED: the relationship as it was.',
      resolve: (event) =>
        event.type === 'RELATIONSHIP_CREATED' || event.type === 'RELATIONSHIP_DELETED'
          ? event.payload
          : null,
    }),
    execution: t.field({
      type: ExecutionRef,
      nullable: true,
      resolve: (event) => event.executionId ?? null,
    }),
    progress: t.field({
      type: ProgressRef,
      nullable: true,
      description: "For PROGRESS: the execution's progress when read.",
      resolve: (event, _, ctx) =>
        event.type === 'PROGRESS' && event.executionId
          ? ctx.services.executions.progress(ctx.viewer, event.executionId)
          : null,
    }),
    error: t.exposeString('error', { nullable: true }),
    payload: t.expose('payload', { type: 'JSON', nullable: true }),
  }),
});
