/** The Pothos builder: plugins and their settings only. Types live in ./types, fields in ../resolvers. */
import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import type { Context } from '../context.js';

export interface SchemaTypes {
  Context: Context;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
  };
  DefaultFieldNullability: false;
  /** Every connection reports how many items match, wherever the cursor is. */
  Connection: { totalCount: number };
}

export const builder = new SchemaBuilder<SchemaTypes>({
  plugins: [RelayPlugin, DataloaderPlugin],
  relay: {
    // Ids here are application ids (pattern slugs, entity ids), not Relay global ids.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    clientMutationId: 'omit',
    cursorType: 'String',
  },
  defaultFieldNullability: false,
});
