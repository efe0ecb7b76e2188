/**
 * GraphiQL in a real browser (Debian's Chromium) against a server with JWTs on: the welcome
 * and the example tabs, a token typed into the Headers tab, then the example query, mutation
 * and subscription run as they are, and an event arrives in the subscription's tab.
 */
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { signToken } from '../../src/server/authenticate.js';
import { createTestApp, dataOf, gql } from '../helpers/app.js';
import { type BrowserSession, collectPageErrors, launchChromium } from '../helpers/browser.js';
import { CreatePattern } from './operations.js';

const SECRET = 'graphiql-browser-secret-long-enough-0123456';
const DEADLINE_MS = 20_000;

let browser: BrowserSession | undefined;
let app: App | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  app = createTestApp({ jwtSecret: SECRET });
  await app.start(0);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

function started(): { app: App; browser: BrowserSession; url: string } {
  if (!app || !browser) throw new Error('not started');
  const { port } = app.server.address() as AddressInfo;
  return { app, browser, url: `http://localhost:${port}/graphql` };
}

/** Resolves when the server admits a subscription of `userId`'s (it is live from then on). */
function admitted(target: App, userId: string): Promise<void> {
  const quota = target.services.subscriptions;
  const admit = quota.admit.bind(quota);
  return new Promise((resolve) => {
    quota.admit = (user, connection, replay) => {
      const admission = admit(user, connection, replay);
      if (user === userId) resolve();
      return admission;
    };
  });
}

/** An editor's text as drawn (Monaco writes spaces as no-break spaces). */
async function textOf(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).innerText()).replaceAll('\u00a0', ' ');
}

async function openTab(page: Page, title: string): Promise<void> {
  // From the keyboard: the tab bar is a drag-to-reorder list that takes a quick synthetic click
  // for the start of a drag.
  await page.locator(`.graphiql-tab-button[title="${title}"]`).focus();
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.locator('.graphiql-tab-active .graphiql-tab-button').getAttribute('title'))
    .toBe(title);
}

/** Types the token into the Headers tab of the open tab (each tab has headers of its own). */
async function enterToken(page: Page, token: string): Promise<void> {
  await page.locator('.graphiql-editor-tool .graphiql-editor').last().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${token}` }));
}

/** The response pane's text once it contains `text` (Monaco draws the lines it shows). */
async function responseContaining(page: Page, text: string): Promise<string> {
  await expect
    .poll(() => textOf(page, '.graphiql-response'), { timeout: DEADLINE_MS })
    .toContain(text);
  return textOf(page, '.graphiql-response');
}

describe('GraphiQL with JWTs on', () => {
  it('runs the example query, mutation and subscription with the token from the Headers tab', async () => {
    const { app, browser, url } = started();
    const token = await signToken(SECRET, { sub: 'alice' });
    const page = await browser.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(url);

    // Nexus's welcome, not yoga's, and the three example tabs.
    await page.locator('.graphiql-tab').first().waitFor({ timeout: DEADLINE_MS });
    const titles = await page.locator('.graphiql-tab-button').allInnerTexts();
    expect(titles).toEqual(['Overview', 'CreateExamplePattern', 'MyEvents']);
    await expect
      .poll(() => textOf(page, '.graphiql-query-editor'))
      .toContain('Nexus is a GraphQL API server');
    expect(await textOf(page, '.graphiql-query-editor')).not.toContain('in-browser tool');

    // The Headers tab is open from the start with JWTs on; type the token into it.
    await enterToken(page, token);

    await page.locator('.graphiql-execute-button').click();
    const overview = await responseContaining(page, '"totalCount"');
    expect(overview).not.toContain('"errors"');

    await openTab(page, 'CreateExamplePattern');
    await enterToken(page, token);
    await page.locator('.graphiql-execute-button').click();
    expect(await responseContaining(page, '"createdBy": "alice"')).toContain('graphiql_example');

    // The subscription: over the WebSocket, the token in each subscribe's extensions.headers.
    await openTab(page, 'MyEvents');
    await enterToken(page, token);
    const live = admitted(app, 'alice');
    await page.locator('.graphiql-execute-button').click();
    await live;
    const created = await gql(
      app,
      CreatePattern,
      {
        input: {
          name: 'Seen in GraphiQL',
          category: 'USER',
          steps: [{ id: 'w', type: 'DELAY', action: 'wait', parameters: { ms: 1 } }],
        },
      },
      token,
    );
    const id = dataOf(created).createPattern.id;
    const event = await responseContaining(page, id);
    expect(event).toContain('"PATTERN_CHANGED"');
    expect(event).not.toContain('UNAUTHENTICATED');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
