// A public web chat in headless Chromium, opened from another machine's address: the page asks for
// the access code once, then answers; a wrong code is asked for again.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_TESTS, launch } from '../../scripts/card-browser.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { createLogger } from '../../src/logger.js';
import { createApp } from '../../src/server.js';
import { LowStore } from '../../src/store/lowdb.js';

const TOKEN = 'open-sesame-for-the-test';
const outside = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
let server: Server;
let browser: Browser;
let base: string;

beforeAll(async () => {
  if (!BROWSER_TESTS || !outside) return;
  const app = createApp(loadKnowledge(), LowStore.inMemory(), createLogger('silent'), { web: { public: true, token: TOKEN } });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '0.0.0.0', () => resolve(s));
  });
  base = `http://${outside}:${(server.address() as AddressInfo).port}/`;
  browser = await launch();
}, 30_000);

afterAll(async () => {
  await browser?.close();
  if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe.runIf(BROWSER_TESTS && outside)('the public web chat', () => {
  it('asks for the access code, refuses a wrong one, and answers with the right one', async () => {
    const page = await browser.newPage();
    await page.goto(base);
    await page.fill('#text', 'indication 3');
    await page.press('#text', 'Enter');
    await page.locator('#token-dialog[open]').waitFor();
    await page.fill('#token', 'a-wrong-code-of-some-length');
    await page.click('#token-dialog button');
    await expect.poll(() => page.locator('#log > li.bot').last().textContent()).toMatch(/access token/);
    await page.fill('#text', 'indication 3');
    await page.press('#text', 'Enter');
    await page.locator('#token-dialog[open]').waitFor();
    await page.fill('#token', TOKEN);
    await page.click('#token-dialog button');
    await expect.poll(() => page.locator('#log > li.bot').last().textContent()).toMatch(/3\./);
    // Asked once per tab: the next question goes straight through.
    await page.fill('#text', 'indication 4');
    await page.press('#text', 'Enter');
    await expect.poll(() => page.locator('#log > li.bot').last().textContent()).toMatch(/4\./);
    expect(await page.locator('#token-dialog[open]').count()).toBe(0);
    await page.close();
  }, 60_000);
});
