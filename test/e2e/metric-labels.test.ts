/**
 * The GraphQL metrics' labels a client chooses (operation names) are bounded: a client naming
 * every query anew, or sending an operationName of any size, cannot grow the series the
 * process keeps and every scrape carries.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { MAX_OPERATION_NAMES, OTHER_OPERATIONS } from '../../src/server/metric-labels.js';
import { createTestApp } from '../helpers/app.js';

const apps: App[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
});

async function send(app: App, body: Record<string, unknown>): Promise<void> {
  const response = await app.yoga.fetch('http://nexus.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
}

/** Every operationName label value in a scrape. */
function operationNames(scrape: string): Set<string> {
  return new Set([...scrape.matchAll(/operationName="([^"]*)"/g)].map((match) => match[1] ?? ''));
}

describe('operation names in /metrics', () => {
  it('are GraphQL names, at most MAX_OPERATION_NAMES of them; the rest are counted together', async () => {
    const app = createTestApp();
    apps.push(app);
    const names = MAX_OPERATION_NAMES + 50;
    for (let n = 0; n < names; n++) await send(app, { query: `query Q${n} { __typename }` });
    // Refused ones count too (their errors are a metric of their own).
    await send(app, { query: 'query Refused { noSuchField }' });
    await send(app, { query: '{ __typename }', operationName: 'x'.repeat(10_000) });
    const scrape = await (await app.yoga.fetch('http://nexus.test/metrics')).text();
    const labels = operationNames(scrape);
    expect(labels.size).toBeLessThanOrEqual(MAX_OPERATION_NAMES + 2);
    expect(labels).toContain('Q0');
    expect(labels).toContain(OTHER_OPERATIONS);
    expect(labels).not.toContain(`Q${names - 1}`);
    for (const label of labels) expect(label.length).toBeLessThanOrEqual(100);
    expect(scrape).not.toContain('url=');
    expect(scrape).toMatch(/graphql_envelop_request\{operationName="Q0",operationType="query"\} 1/);
  });
});
