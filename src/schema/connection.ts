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
