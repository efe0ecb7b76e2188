/** The Pothos builder: plugins and their settings only. ./index.ts says where types and fields live. */
import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { ForbiddenError, UnauthenticatedError } from '../domain/shared/errors.js';
import { isAdmin, isAuthenticated } from '../domain/shared/viewer.js';
import type { Context } from '../server/context.js';

export interface SchemaTypes {
  Context: Context;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
  };
  DefaultFieldNullability: false;
  /** Every connection reports how many items match, wherever the cursor is. */
  Connection: { totalCount: number };
  /**
   * Who may reach a field at all. Finer rules (whose pattern, whose execution) depend on the
   * record and live in src/domain/shared/access.ts, applied by the services.
   */
  AuthScopes: { authenticated: boolean; admin: boolean };
}

export const builder = new SchemaBuilder<SchemaTypes>({
  // Scope checks run before any other plugin wraps a resolver.
  plugins: [ScopeAuthPlugin, RelayPlugin, DataloaderPlugin],
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (context) => ({
      authenticated: isAuthenticated(context.viewer),
      admin: isAdmin(context.viewer),
    }),
    unauthorizedError: (_parent, context) =>
      isAuthenticated(context.viewer)
        ? new ForbiddenError('you are not allowed to do this')
        : new UnauthenticatedError('sign in: send Authorization: Bearer <token>'),
  },
  relay: {
    // Ids here are application ids (pattern slugs, entity ids), not Relay global ids.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    clientMutationId: 'omit',
    cursorType: 'String',
    // The descriptions of what the plugin generates, shared by every connection.
    pageInfoTypeOptions: {
      description:
        'Where a page of a connection sits in the whole list. Cursors are opaque keyset positions: pass endCursor as `after` to read the next page.',
    },
    pageInfoFieldOptions: { description: 'Where this page sits in the whole list.' },
    hasNextPageFieldOptions: {
      description: 'Whether items follow this page: pass endCursor as `after` to read them.',
    },
    hasPreviousPageFieldOptions: {
      description: 'Whether items come before this page (true on every page read with `after`).',
    },
    startCursorFieldOptions: {
      description: 'The cursor of the first edge of this page; null when the page is empty.',
    },
    endCursorFieldOptions: {
      description:
        'The cursor of the last edge of this page, to pass as `after`; null when the page is empty.',
    },
    cursorFieldOptions: {
      description:
        'An opaque position of this item in the list: pass it as `after` to read what follows it. Do not parse it.',
    },
    nodeFieldOptions: { description: 'The item at this position.' },
    edgesFieldOptions: {
      description: 'The items of this page, in list order, with their cursors.',
    },
  },
  defaultFieldNullability: false,
});
