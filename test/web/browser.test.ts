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

  it('Geneva: several institutions and problems ticked and confirmed give the verdict on all of them', async () => {
    await ask('est-ce un cas CII à Genève ?');
    const institutions = page.locator('#log > li.triage-question').last();
    await institutions.getByText('AC / ORP', { exact: true }).click();
    await institutions.getByText('aide sociale', { exact: true }).click();
    await institutions.locator('button', { hasText: 'Valider' }).click();
    // The answer shows in the user's words, and the question card no longer takes answers.
    await expect.poll(() => page.locator('#log > li.user').last().textContent()).toBe('AC / ORP, aide sociale');
    const problems = page.locator('#log > li.triage-question').last();
    await expect(problems.textContent()).resolves.toMatch(/Quels problèmes/);
    await problems.getByText('santé', { exact: true }).click();
    await problems.getByText('pas de travail', { exact: true }).click();
    await problems.locator('button', { hasText: 'Valider' }).click();
    const result = page.locator('#log > li.triage-result').last();
    await result.waitFor();
    await expect(result.textContent()).resolves.toMatch(/^Cas CII/);
    await expect(result.textContent()).resolves.toMatch(/Problèmes présents : santé, pas de travail/);
    await expect(page.locator('#log > li.triage-answered button').count()).resolves.toBe(0);
  }, 30_000);

  it('Lucerne: an answered question cannot answer the next one; typed answers work too', async () => {
    await ask('ist das ein IIZ-Fall im Kanton Luzern?');
    const domicile = page.locator('#log > li.triage-question').last();
    await domicile.locator('button', { hasText: 'ja' }).click();
    await page.locator('#log > li.triage-question').filter({ hasText: 'Arbeitsfähigkeit' }).waitFor();
    // The domicile card shows its answer and has no buttons left: its "nein" cannot be taken as work capacity.
    const answered = page.locator('#log > li.triage-answered').filter({ hasText: 'Wohnt die Person im Kanton?' });
    await expect(answered.textContent()).resolves.toMatch(/✓ ja/);
    await expect(answered.locator('button').count()).resolves.toBe(0);
    await page.locator('#log > li.triage-question').last().locator('button', { hasText: 'voll' }).click();
    await page.locator('#log > li.triage-question').filter({ hasText: 'Anspruch auf Leistungen' }).waitFor();
    await ask('ja');
    await ask('ja');
    await ask('ja, realistisch');
    await ask('ja');
    const result = page.locator('#log > li.triage-result').last();
    await result.waitFor();
    await expect(result.textContent()).resolves.toMatch(/^IIZ-Fall/);
    await expect(result.textContent()).resolves.toMatch(/Arbeitsfähigkeit: voll/);
  }, 30_000);

  it('after the verdict: changes an answer from the result, goes back, and copies the result for the case file', async () => {
    const before = await page.locator('#log > li.triage-result').count();
    await ask('est-ce un cas CII en Thurgovie ?');
    await ask('AC et aide sociale');
    await page.locator('#log > li.triage-question').last().locator('button', { hasText: 'oui' }).click();
    await expect.poll(() => page.locator('#log > li.triage-result').count()).toBe(before + 1);
    let result = page.locator('#log > li.triage-result').last();
    await expect(result.textContent()).resolves.toMatch(/^Cas CII/);
    const results = before + 1;
    await result.locator('button', { hasText: '✎ Problématique multiple' }).click();
    const again = page.locator('#log > li.triage-question').last();
    await expect(again.textContent()).resolves.toMatch(/problématique multiple/);
    await again.locator('button', { hasText: 'non' }).click();
    await expect.poll(() => page.locator('#log > li.triage-result').count()).toBe(results + 1);
    result = page.locator('#log > li.triage-result').last();
    await expect(result.textContent()).resolves.toMatch(/^Pas un cas CII/);
    await result.locator('button', { hasText: 'Copier pour le dossier' }).click();
    const exported = page.locator('#log > li.triage-export').last();
    await exported.waitFor();
    await expect(exported.textContent()).resolves.toMatch(/Canton : Thurgovie \(TG\)/);
    await expect(exported.textContent()).resolves.toMatch(/Problématique multiple : non/);
    await result.locator('button', { hasText: 'Retour' }).click();
    await expect.poll(() => page.locator('#log > li.triage-question').last().textContent()).toMatch(/problématique multiple/);
  }, 30_000);

  it('saves a checklist tick as it is made, and keeps it after a reload', async () => {
    await ask('ouvre la liste de contrôle signalement VD');
    const card = page.locator('#log > li.checklist').last();
    await expect(card.textContent()).resolves.toMatch(/0\/\d+/);
    // No Save pressed: the tick alone is saved.
    await card.locator('input[type=checkbox]').first().check();
    await expect.poll(() => card.textContent()).toMatch(/1\/\d+/);
    await page.reload();
    const again = page.locator('#log > li.checklist').last();
    await expect.poll(() => again.textContent()).toMatch(/1\/\d+/);
    expect(await again.locator('input[type=checkbox]').first().isChecked()).toBe(true);
    // The earlier answer is still on the page too.
    await expect(page.locator('#log').textContent()).resolves.toMatch(/Genf — Steuerung/);
  }, 30_000);
});
