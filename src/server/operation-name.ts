/**
 * A client's operation name is any string it likes. Where one is written down (a metric label,
 * an access log line) only a GraphQL name, as short as anyone writes one, is kept as it is;
 * anything else is counted under OTHER_OPERATIONS.
 */
export const OTHER_OPERATIONS = '(other)';

const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

export function isOperationName(name: unknown): name is string {
  return typeof name === 'string' && NAME.test(name);
}
