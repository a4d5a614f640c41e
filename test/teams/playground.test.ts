// The bot inside Microsoft's local Teams client (the Microsoft 365 Agents Playground) in headless
// Chromium: messages typed in the compose box, Adaptive Card buttons clicked as a Teams user would,
// rendered by the playground's Teams-like renderer, with the page's console errors and exceptions
// watched: every button of every triage card gets a reply, and the renderer throws nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BROWSER_TESTS } from '../../scripts/card-browser.js';
import { startPlayground, type Playground, type Turn } from '../../scripts/playground.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { createLogger } from '../../src/logger.js';
import { createApp } from '../../src/server.js';
import { LowStore } from '../../src/store/lowdb.js';
import type { Store } from '../../src/store/store.js';

const dataDir = mkdtempSync(join(tmpdir(), 'cii-playground-store-'));
let store: Store | undefined;
let server: Server | undefined;
let pg: Playground | undefined;

beforeAll(async () => {
  if (!BROWSER_TESTS) return;
  store = await LowStore.open(dataDir);
  // Without MicrosoftAppId, /api/messages takes the playground's requests from loopback. On teams-ai
  // (v1) unless TEAMS_SDK=v2 is set for the run: `TEAMS_SDK=v2 npx vitest run test/teams/playground.test.ts`.
  const app = createApp(loadKnowledge(), store, createLogger('silent'), { teams: { sdk: process.env.TEAMS_SDK === 'v2' ? 'v2' : 'v1', allowedTenants: [] } });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
  pg = await startPlayground({ endpoint });
}, 60_000);

afterAll(async () => {
  await pg?.stop();
  if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
  await store?.close();
  rmSync(dataDir, { recursive: true, force: true });
}, 20_000);

const RENDERER_EXCEPTION = /Cannot assign to read only property|TypeError|ReferenceError|is not a function|Cannot read propert/;

/** A turn answered, and nothing thrown or logged as an error by the page meanwhile. */
function expectReply(turn: Turn, what: string): void {
  expect(turn.errors.map((e) => `${e.kind}: ${e.text}`), `page errors after ${what}`).toEqual([]);
  expect(turn.timedOut, `no reply to ${what}`).toBe(false);
  expect(turn.messages.length > 0 || turn.updated, `no reply to ${what}`).toBe(true);
}

/** The last of the turn's messages that has card buttons. */
async function lastCardWithButtons(turn: Turn): Promise<Locator | undefined> {
  for (const message of [...turn.messages].reverse()) {
    if ((await pg!.buttons(message)).length > 0) return message;
  }
  return undefined;
}

describe.runIf(BROWSER_TESTS)('the bot in the Teams client (Microsoft 365 Agents Playground)', () => {
  it('welcomed the user when the playground installed the app', async () => {
    expect(await pg!.botMessageCount()).toBeGreaterThan(0);
    expect(await pg!.text(pg!.botMessage(0))).not.toBe('');
  });

  it('answers "help"', async () => {
    const turn = await pg!.ask('help');
    expectReply(turn, '"help"');
    expect(await pg!.text(turn.messages[0]!)).not.toBe('');
  }, 30_000);

  it('answers "indication 38" with a card whose follow-up button gets another reply', async () => {
    const turn = await pg!.ask('indication 38');
    expectReply(turn, '"indication 38"');
    const card = await lastCardWithButtons(turn);
    expect(card, 'an answer card with follow-up buttons').toBeDefined();
    expect(await pg!.cardText(card!)).not.toBe('');
    const [followUp] = await pg!.buttons(card!);
    expectReply(await pg!.click(card!, followUp!), `the follow-up button "${followUp}"`);
  }, 30_000);

  // The referral button once carried a data field named `key`, on which the Adaptive Cards JS
  // renderer (the playground's, like Teams' web client) throws "Cannot assign to read only property
  // 'key'" and sends nothing.
  it('opens the referral checklist from a triage result without a renderer exception', async () => {
    let turn = await pg!.ask('triage TG');
    expectReply(turn, '"triage TG"');
    const answered: string[] = [];
    let card: Locator | undefined;
    let referral: string | undefined;
    // Answer each question (first choice ticked, a number filled, first button) until a result card
    // offers the referral checklist.
    for (let step = 0; step < 12; step++) {
      card = await lastCardWithButtons(turn);
      expect(card, `a card with buttons after ${JSON.stringify(answered)}`).toBeDefined();
      const buttons = await pg!.buttons(card!);
      referral = buttons.find((b) => /referral|signalement|Zuweisung|segnalazione/i.test(b));
      if (referral) break;
      // Fill what the card asks for (the first choice of each choice set, a number), then its first button.
      for (const input of await pg!.inputs(card!)) {
        if ((input.kind === 'checkbox' || input.kind === 'radio') && input.choices.length) await pg!.selectChoices(card!, input.index, [input.choices[0]!]);
        if (input.kind === 'number') await pg!.fillNumber(card!, input.index, 40);
      }
      answered.push(buttons[0]!);
      turn = await pg!.click(card!, buttons[0]!);
      expectReply(turn, `the answer button "${buttons[0]}"`);
    }
    expect(referral, `a result card with the referral checklist button after ${JSON.stringify(answered)}`).toBeDefined();
    const opened = await pg!.click(card!, referral!);
    expect(
      opened.errors.filter((e) => RENDERER_EXCEPTION.test(e.text)).map((e) => e.text),
      `renderer exception when clicking "${referral}"`,
    ).toEqual([]);
    expectReply(opened, `"${referral}"`);
  }, 45_000);

  /** Starts a triage and clicks through its first questions; returns the card of the last turn. */
  async function triage(text: string, clicks: { tick?: string[]; number?: number; button: string }[]): Promise<Locator> {
    let turn = await pg!.ask(text);
    expectReply(turn, `"${text}"`);
    for (const click of clicks) {
      const card = await lastCardWithButtons(turn);
      expect(card, `a card with buttons before "${click.button}"`).toBeDefined();
      if (click.tick) await pg!.selectChoices(card!, 0, click.tick);
      if (click.number !== undefined) await pg!.fillNumber(card!, 0, click.number);
      turn = await pg!.click(card!, click.button);
      expectReply(turn, `"${click.button}" in ${text}`);
    }
    const card = await lastCardWithButtons(turn);
    expect(card, `a card with buttons after ${text}`).toBeDefined();
    return card!;
  }

  /** Each button of the card reached by these clicks, each in a triage of its own (an answered card has no buttons left). */
  async function everyButton(text: string, before: { tick?: string[]; number?: number; button: string }[], expected: string[], fill: { tick?: string[]; number?: number } = {}): Promise<void> {
    const card = await triage(text, before);
    expect(await pg!.buttons(card)).toEqual(expected);
    for (const [i, button] of expected.entries()) {
      const fresh = i === 0 ? card : await triage(text, before);
      if (fill.tick && button === 'Confirm') await pg!.selectChoices(fresh, 0, fill.tick);
      if (fill.number !== undefined && button === 'Confirm') await pg!.fillNumber(fresh, 0, fill.number);
      const turn = await pg!.click(fresh, button);
      expectReply(turn, `"${button}" after ${text}`);
    }
  }

  describe('every button of every triage card', () => {
  beforeEach(async () => {
    await pg!.reload();
  }, 60_000);

  it('every button of a yes/no question works', async () => {
    await everyButton('triage LU', [], ['yes', 'no', "don't know"]);
  }, 120_000);

  it('every button of a single-choice question works, back included', async () => {
    await everyButton('triage LU', [{ button: 'yes' }], ['full', 'partial', 'none', "don't know", '← Back']);
  }, 180_000);

  it('every button of a multi-select question works: ticked and confirmed, none, don\'t know, back', async () => {
    await everyButton('triage GE', [], ['Confirm', 'None', "don't know"], { tick: ['unemployment insurance (AC/ORP)', 'social assistance'] });
    await everyButton('triage GE', [{ tick: ['unemployment insurance (AC/ORP)', 'social assistance'], button: 'Confirm' }], ['Confirm', 'None', "don't know", '← Back'], { tick: ['health', 'no work'] });
  }, 180_000);

  it('every button of a number question works', async () => {
    await everyButton('triage BL', [{ tick: ['social problems'], button: 'Confirm' }], ['Confirm', "don't know", '← Back'], { number: 57 });
  }, 120_000);

  it('every button of a verdict works: change each answer, back, restart, copy, referral checklist, reminder', async () => {
    const result = await triage('triage TG', [{ tick: ['unemployment insurance (AC/ORP)', 'social assistance'], button: 'Confirm' }, { button: 'yes' }]);
    expect(await pg!.cardText(result)).toMatch(/^CII case/);
    const buttons = await pg!.buttons(result);
    expect(buttons).toEqual(['✎ Institutions following the person', '✎ Multiple problems', '← Back', 'Restart', 'Copy for the case file', 'Open the referral checklist', 'Remind in 14 days']);
    for (const button of buttons) expectReply(await pg!.click(result, button), `"${button}" on the verdict`);
    const open = await triage('triage GE', [{ button: "don't know" }, { button: "don't know" }]);
    expect(await pg!.buttons(open)).toContain('Answer the missing questions');
    expectReply(await pg!.click(open, 'Answer the missing questions'), '"Answer the missing questions"');
  }, 180_000);

  it('the one-shot triage form is submitted', async () => {
    const form = await triage('triage form TG', []);
    await pg!.selectChoices(form, 0, ['social assistance']);
    expectReply(await pg!.click(form, 'Evaluate'), '"Evaluate" on the form');
  }, 60_000);

  });

  it('saw no renderer exception and no failed request to the bot in the whole conversation', async () => {
    const failed = await pg!.failedRequests();
    expect(failed, 'requests the bot answered with 4xx/5xx').toEqual([]);
    // Anything the page reported between turns too (page loads, overflow menus).
    expect(pg!.errorsSince(0).map((e) => `${e.kind}: ${e.text}`)).toEqual([]);
  });
});
