// The web chat on a phone (390×844) and on a laptop (1280×800), in headless Chromium: a question,
// a triage with buttons, a checklist tick, the channel panel. On a phone the chat takes the width
// and the channel panel is a tab. Empty and too-long input get a message. Screenshots go to out/web/.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_TESTS, launch } from '../../scripts/card-browser.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { createLogger } from '../../src/logger.js';
import { createApp } from '../../src/server.js';
import { LowStore } from '../../src/store/lowdb.js';

let server: Server;
let browser: Browser;
let base: string;
const dataDir = mkdtempSync(join(tmpdir(), 'cii-layout-'));
const OUT = 'out/web';

beforeAll(async () => {
  if (!BROWSER_TESTS) return;
  const app = createApp(loadKnowledge(), await LowStore.open(dataDir), createLogger('silent'));
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launch();
  mkdirSync(OUT, { recursive: true });
}, 30_000);

afterAll(async () => {
  await browser?.close();
  if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dataDir, { recursive: true, force: true });
});

async function ask(page: Page, text: string): Promise<void> {
  const before = await page.locator('#log > li.bot').count();
  await page.fill('#text', text);
  await page.press('#text', 'Enter');
  await page.locator('#log > li.bot').nth(before).waitFor();
}

const width = (page: Page, selector: string) => page.locator(selector).evaluate((e) => e.getBoundingClientRect().width);

async function session(page: Page): Promise<void> {
  await page.goto(base);
  await ask(page, 'wer steuert die IIZ im Kanton Genf?');
  await ask(page, 'est-ce un cas CII en Thurgovie ?');
  const question = page.locator('#log > li.triage-question').last();
  await question.getByText('aide sociale', { exact: true }).click();
  await question.getByText('AC / ORP', { exact: true }).click();
  await question.locator('button', { hasText: 'Valider' }).click();
  await page.locator('#log > li.triage-question').last().locator('button', { hasText: 'oui' }).click();
  await page.locator('#log > li.triage-result').waitFor();
  await ask(page, 'ouvre la liste de contrôle signalement TG');
  const checklist = page.locator('#log > li.checklist').last();
  await checklist.locator('input[type=checkbox]').first().check();
  await checklist.locator('button', { hasText: 'Enregistrer' }).click();
  await expect.poll(() => checklist.textContent()).toMatch(/1\/\d+/);
  await ask(page, 'rappel dans 2 minutes revoir le dossier');
}

describe.runIf(BROWSER_TESTS)('the web chat on a phone and on a laptop', () => {
  it('on a phone (390×844) the chat takes the width and the channel panel is a tab', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await session(page);
    expect(await width(page, 'main')).toBeGreaterThan(360);
    await expect(page.locator('aside#channel').isVisible()).resolves.toBe(false);
    await page.screenshot({ path: `${OUT}/phone-chat.png` });
    await page.click('#tab-channel');
    await expect(page.locator('aside#channel').isVisible()).resolves.toBe(true);
    await expect(page.locator('main').isVisible()).resolves.toBe(false);
    expect(await width(page, 'aside#channel')).toBeGreaterThan(360);
    await page.screenshot({ path: `${OUT}/phone-channel.png` });
    await page.click('#tab-chat');
    await expect(page.locator('main').isVisible()).resolves.toBe(true);
    await page.close();
  }, 60_000);

  it('on a laptop (1280×800) the chat and the channel panel stand side by side', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await session(page);
    await expect(page.locator('#tabs').isVisible()).resolves.toBe(false);
    await expect(page.locator('aside#channel').isVisible()).resolves.toBe(true);
    expect(await width(page, 'main')).toBeGreaterThan(800);
    await page.screenshot({ path: `${OUT}/laptop.png` });
    await page.close();
  }, 60_000);

  it('answers an empty message and a text over 2,000 characters with a message, never in silence', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(base);
    const before = await page.locator('#log > li.bot').count();
    await page.fill('#text', '   ');
    await page.press('#text', 'Enter');
    await expect.poll(() => page.locator('#log > li.bot').nth(before).textContent()).toMatch(/Posez une question|Stellen Sie eine Frage|Faccia una domanda|Ask a question/);
    await page.fill('#text', `critères ${'x'.repeat(2100)}`);
    await page.press('#text', 'Enter');
    await expect.poll(() => page.locator('#log > li.bot').last().textContent()).toMatch(/trop longue|zu lang|troppo lunga|too long/);
    await page.close();
  }, 60_000);
});
