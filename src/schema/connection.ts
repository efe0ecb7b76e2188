import type { Page } from '../domain/shared/pagination.js';

/** A domain page in the shape Relay connections resolve from. */
export function toConnection<Item>(page: Page<Item, string>) {
  const first = page.items[0];
  const last = page.items[page.items.length - 1];
  return {
    edges: page.items.map(({ item, cursor }) => ({ node: item, cursor })),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: first?.cursor ?? null,
      endCursor: last?.cursor ?? null,
    },
    totalCount: page.totalCount,
  };
}

/**
 * The descriptions of a connection type and of its edge type, for `builder.connectionObject`
 * and `builder.edgeObject`; `items` names what it lists, in the plural ("patterns").
 */
export function connectionDescriptions(items: string, order: string) {
  return {
    description: `A page of ${items}, ${order}, with the total count (see PageInfo for the next page).`,
    edgesField: { description: `The ${items} of this page, ${order}, each with its cursor.` },
  };
}

export function edgeDescriptions(item: string) {
  return {
    description: `One ${item} of a page, with its cursor (pass it as \`after\` to read on from it).`,
    nodeField: { description: `The ${item} at this position.` },
  };
}

/** The description of every connection's totalCount field. */
export const TOTAL_COUNT_DESCRIPTION =
  'How many items match in all, on every page (not only this one).';
