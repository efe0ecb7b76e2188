import type { EventFilter } from '../domain/events/event.js';
import { ValidationError } from '../domain/shared/errors.js';
import { builder } from '../schema/builder.js';
import { EventLogPageRef, NexusEventTypeEnum } from '../schema/types/event.js';
import { sinceArg, visibleThrough } from './visible-events.js';

const DEFAULT_LAST = 50;
const DEFAULT_FIRST = 100;
const MAX_EVENTS = 500;

/** A page size argument: absent → the default; else 1…MAX_EVENTS. */
function countArg(name: 'first' | 'last', value: number | null | undefined, fallback: number) {
  if (value == null) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > MAX_EVENTS)
    throw ValidationError.single([name], `must be between 1 and ${MAX_EVENTS}`);
  return value;
}

builder.queryFields((t) => ({
  events: t.field({
    type: EventLogPageRef,
    description:
      'Read the event log: a snapshot to pair with nexusEvents(since: cursor), with no gap or duplicate. Without `since`: the newest `last` matching events; with it: the first `first` after it. Same visibility as nexusEvents; each call examines a bounded number of log entries (see hasMore).',
    args: {
      since: t.arg.id({ description: 'Read forward from just after this event id.' }),
      first: t.arg.int({
        description: `With \`since\`: how many events at most (default ${DEFAULT_FIRST}, max ${MAX_EVENTS}).`,
      }),
      last: t.arg.int({
        description: `Without \`since\`: how many of the newest events (default ${DEFAULT_LAST}, max ${MAX_EVENTS}).`,
      }),
      types: t.arg({ type: [NexusEventTypeEnum], description: 'Only events of these types.' }),
      patternId: t.arg.id({ description: 'Only events about this pattern.' }),
      executionId: t.arg.id({ description: 'Only events about this execution.' }),
      entityId: t.arg.id({
        description: 'Only events about this entity (or a relationship at either end of it).',
      }),
    },
    resolve: (_, args, ctx) => {
      const since = sinceArg(args.since);
      if (since === null && args.first != null)
        throw ValidationError.single(['first'], 'needs `since`; without it, use `last`');
      if (since !== null && args.last != null)
        throw ValidationError.single(['last'], 'cannot go with `since`; use `first`');
      const limit =
        since === null
          ? countArg('last', args.last, DEFAULT_LAST)
          : countArg('first', args.first, DEFAULT_FIRST);
      const filter: EventFilter = {
        types: args.types?.length ? new Set(args.types) : null,
        patternId: args.patternId == null ? null : String(args.patternId),
        executionId: args.executionId == null ? null : String(args.executionId),
        entityId: args.entityId == null ? null : String(args.entityId),
      };
      return ctx.services.events.read({ since, limit, ...visibleThrough(ctx, filter) });
    },
  }),
}));
