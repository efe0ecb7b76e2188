/**
 * The dashboard in a real browser (Debian's Chromium) against a real server on Redis: runs
 * appear and finish, failures show their error, the feed is the log (in order, no gap, no
 * duplicate) through a server-side socket close and a pause, and with JWTs on a user's page
 * shows only that user's runs.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard } from '../../scripts/build-dashboard.js';
import type { App } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { RedisKeys } from '../../src/infra/redis/keys.js';
import { signToken } from '../../src/server/authenticate.js';
import { createDashboardRoute } from '../../src/server/http/dashboard-route.js';
import { listen } from '../../src/server/http/http-server.js';
import { createTestApp } from '../helpers/app.js';
import {
  type BrowserSession,
  collectPageErrors,
  launchChromium,
  trackUpgradedSockets,
} from '../helpers/browser.js';
import { uniquePrefix } from '../helpers/prefix.js';
import { useRedisApps } from '../helpers/redis-app.js';

const redis = useRedisApps('dashboard');
const SECRET = 'dashboard-test-secret-of-at-least-32-chars';

let browser: BrowserSession | undefined;

beforeAll(async () => {
  await buildDashboard();
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

function baseUrl(app: App): string {
  return `http://localhost:${(app.server.address() as AddressInfo).port}`;
}

async function post<T>(
  app: App,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response = await fetch(`${baseUrl(app)}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length || !body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** A user pattern of DELAY steps in a chain; `failing` ends with a step that times out. */
async function createPattern(app: App, id: string, failing = false, token?: string, ms = 250) {
  const steps = [
    { id: 'first', type: 'DELAY', action: 'wait', parameters: { ms } },
    { id: 'second', type: 'DELAY', action: 'wait', parameters: { ms }, dependsOn: ['first'] },
    failing
      ? {
          id: 'stuck',
          type: 'DELAY',
          action: 'wait',
          parameters: { ms: 60_000 },
          timeoutMs: 30,
          dependsOn: ['second'],
        }
      : {
          id: 'third',
          type: 'DELAY',
          action: 'wait',
          parameters: { ms },
          dependsOn: ['second'],
        },
  ];
  await post(
    app,
    'mutation($input: CreatePatternInput!) { createPattern(input: $input) { id } }',
    { input: { id, name: `Dashboard ${id}`, category: 'NOTIFICATION', steps } },
    token,
  );
}

async function run(app: App, id: string, mode: 'SYNC' | 'ASYNC', token?: string) {
  const data = await post<{ executePattern: { id: string; status: string; error: string | null } }>(
    app,
    'mutation($id: ID!, $mode: ExecutionMode!) { executePattern(id: $id, mode: $mode) { id status error } }',
    { id, mode },
    token,
  );
  return data.executePattern;
}

/** Records, in the page, every value each execution's bar shows and where (running / recent). */
async function recordBars(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: Record<string, Array<{ value: number; where: string }>> = {};
    (window as unknown as { bars: typeof seen }).bars = seen;
    const look = () => {
      for (const bar of document.querySelectorAll<HTMLElement>('.bar[data-execution-id]')) {
        const id = bar.dataset.executionId ?? '';
        const where = bar.closest('#running') ? 'running' : 'recent';
        const value = Number(bar.getAttribute('aria-valuenow'));
        const list = seen[id] ?? [];
        seen[id] = list;
        const last = list[list.length - 1];
        if (!last || last.value !== value || last.where !== where) list.push({ value, where });
      }
    };
    new MutationObserver(look).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
    });
    look();
  });
}

async function barsOf(page: Page, id: string) {
  return page.evaluate(
    (execution) =>
      (window as unknown as { bars: Record<string, Array<{ value: number; where: string }>> }).bars[
        execution
      ] ?? [],
    id,
  );
}

/** Records every state the connection indicator passes through. */
async function recordStates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const states: string[] = [];
    (window as unknown as { states: string[] }).states = states;
    const element = document.getElementById('connection');
    if (!element) throw new Error('no connection indicator');
    new MutationObserver(() => states.push(element.dataset.state ?? '')).observe(element, {
      attributes: true,
      attributeFilter: ['data-state'],
    });
  });
}

/** The feed's event ids, oldest first. */
function feedIds(page: Page): Promise<string[]> {
  return page.$$eval('#events li[data-event-id]', (items) =>
    items.map((item) => (item as HTMLElement).dataset.eventId ?? '').reverse(),
  );
}

async function logIds(keyPrefix: string): Promise<string[]> {
  const entries = await redis.admin.xrange(new RedisKeys(keyPrefix).eventLog(), '-', '+');
  return entries.map(([id]) => id);
}

/** Waits until the page has shown the newest event of the log. */
async function caughtUp(page: Page, keyPrefix: string): Promise<void> {
  const ids = await logIds(keyPrefix);
  const newest = ids[ids.length - 1];
  await page.waitForFunction((id) => document.body.dataset.lastEvent === id, newest);
}

/** The feed is the log from its first event on: same ids, same order, nothing missing or twice. */
async function expectFeedIsLog(page: Page, keyPrefix: string): Promise<string[]> {
  const shown = await feedIds(page);
  const log = await logIds(keyPrefix);
  const first = shown[0];
  expect(first).toBeDefined();
  expect(shown).toEqual(log.slice(log.indexOf(first ?? '')));
  return shown;
}

async function openDashboard(app: App): Promise<{ page: Page; errors: string[] }> {
  if (!browser) throw new Error('no browser');
  const page = await browser.context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${baseUrl(app)}/dashboard`);
  return { page, errors };
}

describe('the dashboard', () => {
  it('shows runs live, their errors, and the event log through a socket close and a pause', async () => {
    const keyPrefix = uniquePrefix('dashboard');
    const app = await redis.app({ keyPrefix });
    const sockets = trackUpgradedSockets(app.server);
    await createPattern(app, 'delays');
    await createPattern(app, 'delays_failing', true);
    await post(
      app,
      `mutation { a: createRelationship(input: { from: "user:1", to: "wallet:7", type: OWNER }) { id }
         b: createRelationship(input: { from: "org:1", to: "user:1", type: PARENT }) { id }
         c: createRelationship(input: { from: "wallet:7", to: "bank:2", type: LINKED }) { id } }`,
    );

    const { page, errors } = await openDashboard(app);
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('#connection[data-state="live"]');
    await recordBars(page);

    // A run: seen running part-way, then 100 % in the recent list as SUCCEEDED.
    const started = await run(app, 'delays', 'ASYNC');
    const done = page.locator(`#recent-rows tr[data-execution-id="${started.id}"]`);
    await page.waitForSelector(
      `#recent-rows tr[data-execution-id="${started.id}"][data-status="SUCCEEDED"] .bar[aria-valuenow="100"]`,
    );
    const bars = await barsOf(page, started.id);
    expect(bars.some((bar) => bar.where === 'running' && bar.value > 0 && bar.value < 100)).toBe(
      true,
    );
    const values = bars.map((bar) => bar.value);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(bars[bars.length - 1]).toEqual({ value: 100, where: 'recent' });
    expect(await page.locator(`#running li[data-execution-id="${started.id}"]`).count()).toBe(0);
    expect(await done.locator('td').nth(3).textContent()).toBe('Dashboard delays');

    // A failing run: its error in the list and in its detail.
    const failed = await run(app, 'delays_failing', 'SYNC');
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toBeTruthy();
    const failedRow = `#recent-rows tr[data-execution-id="${failed.id}"][data-status="FAILED"]`;
    await page.waitForSelector(failedRow);
    expect(await page.locator(`${failedRow} .error-cell`).textContent()).toBe(failed.error);
    await page.locator(`${failedRow} button`).click();
    await page.waitForSelector('#detail [data-detail-error]');
    expect(await page.locator('#detail [data-detail-error]').textContent()).toBe(failed.error);
    expect(await page.locator('#detail tr[data-step="stuck"]').textContent()).toContain('FAILED');

    // Filters: only the failed run under FAILED.
    await page.selectOption('#recent-status', 'FAILED');
    expect(
      await page.$$eval('#recent-rows tr[data-execution-id]', (rows) =>
        rows.map((row) => (row as HTMLElement).dataset.executionId),
      ),
    ).toEqual([failed.id]);
    await page.selectOption('#recent-status', '');

    await caughtUp(page, keyPrefix);
    const before = await expectFeedIsLog(page, keyPrefix);

    // The server drops the socket: the page reconnects from the last id it saw.
    await recordStates(page);
    expect(sockets.destroyAll()).toBeGreaterThan(0);
    await page.waitForFunction(() =>
      (window as unknown as { states: string[] }).states.includes('reconnecting'),
    );
    const during = await run(app, 'delays', 'SYNC');
    await page.waitForSelector('#connection[data-state="live"]');
    await page.waitForSelector(
      `#recent-rows tr[data-execution-id="${during.id}"][data-status="SUCCEEDED"]`,
    );
    await caughtUp(page, keyPrefix);
    const after = await expectFeedIsLog(page, keyPrefix);
    expect(after.length).toBeGreaterThan(before.length);
    expect(await page.evaluate(() => document.body.dataset.duplicates)).toBe('0');

    // Pause: nothing arrives; resume: what happened meanwhile arrives, once, in order.
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.waitForSelector('#connection[data-state="closed"]');
    const paused = await feedIds(page);
    const whilePaused = await run(app, 'delays', 'SYNC');
    const logWhilePaused = await logIds(keyPrefix);
    expect(logWhilePaused.indexOf(paused[paused.length - 1] ?? '')).toBeLessThan(
      logWhilePaused.length - 1,
    );
    expect(await feedIds(page)).toEqual(paused);
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.waitForSelector('#connection[data-state="live"]');
    await page.waitForSelector(
      `#recent-rows tr[data-execution-id="${whilePaused.id}"][data-status="SUCCEEDED"]`,
    );
    await caughtUp(page, keyPrefix);
    await expectFeedIsLog(page, keyPrefix);
    expect(await page.evaluate(() => document.body.dataset.duplicates)).toBe('0');

    // Patterns: the statistics, and a chart for a pattern that ran.
    await page.waitForSelector('tr[data-pattern-id="delays"] td[data-usage="3"]');
    await page.waitForSelector('tr[data-pattern-id="delays"] .chart-cell canvas');

    // Graph: the neighbourhood, re-centred from the list of entities around it.
    await page.fill('#graph-entity', 'user:1');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForSelector('#graph-list button:text-is("bank:2")');
    await page.waitForSelector('#graph-canvas canvas');
    await page.locator('#graph-list button:text-is("wallet:7")').click();
    await page.waitForSelector('#graph-status:has-text("around wallet:7")');

    // For the picture: a run going on, and the failed run opened.
    await createPattern(app, 'delays_slow', false, undefined, 2_000);
    const slow = await run(app, 'delays_slow', 'ASYNC');
    await page.waitForSelector(`#running li[data-execution-id="${slow.id}"] .stage-PROCESSING`);
    await page.locator(`#recent-rows tr[data-execution-id="${failed.id}"] button`).click();
    await page.waitForSelector('#detail [data-detail-error]');
    const screenshot =
      process.env.NEXUS_SCREENSHOT === '1'
        ? 'docs/dashboard.png'
        : join(tmpdir(), `nexus-dashboard-${process.pid}.png`);
    await page.screenshot({ path: screenshot, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('asks for a token when JWTs are on, and shows a user only their own runs', async () => {
    const keyPrefix = uniquePrefix('dashboard-jwt');
    const app = await redis.app({ keyPrefix, jwtSecret: SECRET });
    const alice = await signToken(SECRET, { sub: 'alice' });
    const bob = await signToken(SECRET, { sub: 'bob' });
    await createPattern(app, 'alice_delays', false, alice);
    await createPattern(app, 'bob_delays', false, bob);
    const bobsEarlier = await run(app, 'bob_delays', 'SYNC', bob);

    const { page } = await openDashboard(app);
    await page.waitForSelector('#message:has-text("requires a token")');
    expect(await page.locator('#panels').isHidden()).toBe(true);

    // A token that is not valid: said so, nothing shown.
    await page.fill('#token', 'not.a.jwt');
    await page.getByRole('button', { name: 'Use token' }).click();
    await page.waitForSelector('#message:has-text("refused the token")');
    expect(await page.locator('#panels').isHidden()).toBe(true);

    await page.fill('#token', `Bearer ${alice}`);
    await page.getByRole('button', { name: 'Use token' }).click();
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('#connection[data-state="live"]');
    expect(await page.evaluate(() => sessionStorage.getItem('nexus.dashboard.token'))).toBe(alice);

    // Bob's run, then Alice's: once Alice's is shown, Bob's events (earlier in the log) were
    // passed over, not merely late.
    const bobsLive = await run(app, 'bob_delays', 'SYNC', bob);
    const alices = await run(app, 'alice_delays', 'ASYNC', alice);
    await page.waitForSelector(
      `#recent-rows tr[data-execution-id="${alices.id}"][data-status="SUCCEEDED"]`,
    );
    const log = await redis.admin.xrange(new RedisKeys(keyPrefix).eventLog(), '-', '+');
    const lastOfAlice = log.filter(([, fields]) => fields.join(' ').includes(alices.id)).pop();
    await page.waitForFunction((id) => document.body.dataset.lastEvent === id, lastOfAlice?.[0]);
    const html = await page.content();
    for (const id of [bobsEarlier.id, bobsLive.id]) expect(html).not.toContain(id);
    const summaries = await page.$$eval('#events li', (items) => items.map((i) => i.textContent));
    expect(summaries.some((text) => text?.includes(alices.id))).toBe(true);
    expect(summaries.some((text) => text?.includes('bob_delays'))).toBe(false);

    // Reloading keeps the token for the tab; forgetting it asks again.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.getByRole('button', { name: 'Forget' }).click();
    await page.waitForSelector('#message:has-text("requires a token")');
    expect(await page.evaluate(() => sessionStorage.getItem('nexus.dashboard.token'))).toBeNull();
    await page.close();
  });
});

describe('the dashboard route', () => {
  it('serves only the built files, with their types and cache headers', async () => {
    const app = await redis.app();
    const base = baseUrl(app);
    const page = await fetch(`${base}/dashboard`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self' ws: wss:");
    const html = await page.text();
    const script = /src="(\/dashboard\/assets\/main-[A-Z0-9]+\.js)"/.exec(html)?.[1];
    const style = /href="(\/dashboard\/assets\/main-[A-Z0-9]+\.css)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const js = await fetch(`${base}${script}`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${base}${style}`)).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
    expect((await fetch(`${base}${script}.map`)).status).toBe(200);
    for (const path of [
      '/dashboard/assets/manifest.json',
      '/dashboard/assets/..%2Findex.html',
      '/dashboard/index.html',
      '/dashboard/assets/',
      '/dashboard/other',
    ]) {
      expect((await fetch(`${base}${path}`)).status, path).toBe(404);
    }
    expect((await fetch(`${base}/dashboard`, { method: 'POST' })).status).toBe(405);
  });

  it('is served in embedded mode too', async () => {
    const app = createTestApp();
    try {
      const { port } = await app.start(0);
      const response = await fetch(`http://localhost:${port}/dashboard`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('data-auth="development"');
    } finally {
      await app.stop();
    }
  });

  it('is off with the setting', async () => {
    const app = await redis.app({ security: { dashboard: false } as Config['security'] });
    expect((await fetch(`${baseUrl(app)}/dashboard`)).status).toBe(404);
  });

  it('answers 503 with what to do while the bundle is not built', async () => {
    const route = createDashboardRoute({ authRequired: false, directory: '/nonexistent/nexus/' });
    const server = createServer((request, response) => {
      if (!route(request, response)) response.writeHead(418).end();
    });
    const port = await listen(server, 0);
    try {
      const response = await fetch(`http://localhost:${port}/dashboard`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('npm run build:dashboard');
      expect((await fetch(`http://localhost:${port}/graphql`)).status).toBe(418);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
