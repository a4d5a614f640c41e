// The local web chat in headless Chromium, as a caseworker uses it: a question, a triage, a
// checklist tick, a reload: what was done is still there.
import { mkdtempSync, rmSync } from 'node:fs';
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
let page: Page;
let base: string;
const dataDir = mkdtempSync(join(tmpdir(), 'cii-web-'));

beforeAll(async () => {
  if (!BROWSER_TESTS) return;
  const store = await LowStore.open(dataDir);
  const app = createApp(loadKnowledge(), store, createLogger('silent'));
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launch();
  page = await browser.newPage();
  await page.goto(base);
}, 30_000);

afterAll(async () => {
  await browser?.close();
  if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dataDir, { recursive: true, force: true });
});

async function ask(text: string): Promise<void> {
  const before = await page.locator('#log > li.bot').count();
  await page.fill('#text', text);
  await page.press('#text', 'Enter');
  await page.locator('#log > li.bot').nth(before).waitFor();
}

describe.runIf(BROWSER_TESTS)('the web chat', () => {
  it('answers a question with a card, its sources and follow-ups', async () => {
    await ask('wer steuert die IIZ im Kanton Genf?');
    const answer = page.locator('#log > li.bot').last();
    await expect(answer.textContent()).resolves.toMatch(/Genf — Steuerung/);
    await expect(answer.textContent()).resolves.toMatch(/Quellen/);
    expect(await answer.locator('button').count()).toBeGreaterThan(0);
  }, 30_000);

  it('runs a triage with buttons and free answers to a verdict', async () => {
    await ask('triage TG');
    await page.waitForSelector('#log > li.triage-question');
    await ask('AC et aide sociale');
    await page.locator('#log > li.triage-question').last().locator('button', { hasText: 'oui' }).click();
    await page.waitForSelector('#log > li.triage-result');
    await expect(page.locator('#log > li.triage-result').last().textContent()).resolves.toMatch(/Cas CII/);
  }, 30_000);

  it('keeps a ticked checklist item after a reload', async () => {
    await ask('checklist signalement VD');
    const card = page.locator('#log > li.checklist').last();
    await expect(card.textContent()).resolves.toMatch(/0\/\d+/);
    await card.locator('input[type=checkbox]').first().check();
    await card.locator('button', { hasText: 'Enregistrer' }).click();
    await expect.poll(() => card.textContent()).toMatch(/1\/\d+/);
    await page.reload();
    const again = page.locator('#log > li.checklist').last();
    await expect.poll(() => again.textContent()).toMatch(/1\/\d+/);
    expect(await again.locator('input[type=checkbox]').first().isChecked()).toBe(true);
    // The earlier answer is still on the page too.
    await expect(page.locator('#log').textContent()).resolves.toMatch(/Genf — Steuerung/);
  }, 30_000);
});
