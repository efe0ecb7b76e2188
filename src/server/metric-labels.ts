/**
 * Label values of the GraphQL metrics that come from the client. Every distinct value of a
 * label is a time series the process keeps and every scrape carries (a histogram: some twenty
 * lines each), and a client names its operations as it likes: `query A1`, `query A2`, … or an
 * `operationName` of a megabyte. So only GraphQL names are labels, the first
 * MAX_OPERATION_NAMES of them; any other name, and any name after those, is OTHER_OPERATIONS.
 * (The URL and an error's path, unbounded too, are no labels at all.)
 */
import { isOperationName, OTHER_OPERATIONS } from './operation-name.js';

export { OTHER_OPERATIONS };
export const MAX_OPERATION_NAMES = 200;

/** Maps a client's operation name to a label value, keeping at most `max` distinct names. */
export function operationNameLabels(max = MAX_OPERATION_NAMES): (name: unknown) => string {
  const seen = new Set<string>();
  return (name) => {
    if (!isOperationName(name)) return OTHER_OPERATIONS;
    if (seen.has(name)) return name;
    if (seen.size >= max) return OTHER_OPERATIONS;
    seen.add(name);
    return name;
  };
}
