// Headless Chromium (Debian's, through playwright-core) with the official Adaptive Cards renderer:
// renders a card, reads what a person would see, clicks, and returns the action the card emits.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Whether the browser tests can run. On a developer's machine without Chromium they are skipped
 * (`apt-get install chromium` to run them); in CI, which installs it, they always run.
 */
export const BROWSER_TESTS = existsSync(CHROMIUM) || Boolean(process.env.CI);

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const RENDERER = readFileSync(createRequire(import.meta.url).resolve('adaptivecards/dist/adaptivecards.min.js'), 'utf8');

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface RenderedCard {
  toggles: { label: string; checked: boolean }[];
  texts: string[];
  buttons: string[];
}

export interface EmittedAction {
  verb?: string;
  type: string;
  data: Record<string, unknown>;
}

/** A page showing the card, rendered by the official library; actions are recorded, not sent. */
export async function renderCard(page: Page, card: unknown): Promise<RenderedCard> {
  await page.setContent('<!doctype html><html><body style="width:560px;font-family:sans-serif"><div id="card"></div></body></html>');
  await page.addScriptTag({ content: RENDERER });
  await page.evaluate((c) => {
    const w = window as unknown as { AdaptiveCards: any; __actions: unknown[] };
    w.__actions = [];
    const ac = new w.AdaptiveCards.AdaptiveCard();
    ac.onExecuteAction = (a: any) => w.__actions.push({ verb: a.verb, type: a.getJsonTypeName(), data: a.data });
    ac.parse(c);
    document.getElementById('card')!.appendChild(ac.render());
  }, card);
  return page.evaluate(() => {
    const root = document.getElementById('card')!;
    const toggles = [...root.querySelectorAll('input[type=checkbox]')].map((el) => {
      const input = el as HTMLInputElement;
      return { label: (input.getAttribute('aria-label') ?? input.closest('.ac-input-container')?.textContent ?? '').trim(), checked: input.checked };
    });
    const texts = [...root.querySelectorAll('.ac-textBlock')].map((el) => (el.textContent ?? '').trim());
    const buttons = [...root.querySelectorAll('button')].map((el) => (el.textContent ?? '').trim());
    return { toggles, texts, buttons };
  });
}

export async function clickToggle(page: Page, index: number): Promise<void> {
  await page.click(`#card input[type=checkbox] >> nth=${index}`);
}

export async function clickButton(page: Page, title: string): Promise<EmittedAction | undefined> {
  await page.click(`#card button:has-text("${title}")`);
  return page.evaluate(() => (window as unknown as { __actions: EmittedAction[] }).__actions.at(-1));
}
