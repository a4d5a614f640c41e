// The bot inside Microsoft's local Teams client, the Microsoft 365 Agents Playground (npm
// `@microsoft/m365agentsplayground`, formerly Teams App Test Tool), driven in headless Chromium as a
// Teams user would: type in the compose box, read the bot's messages, click the buttons of its
// Adaptive Cards (rendered by the playground's own Teams-like renderer), tick choices, fill numbers.
//
//   const pg = await startPlayground({ endpoint: 'http://127.0.0.1:3978/api/messages' });
//   const turn = await pg.ask('indication 38');
//   await pg.buttons(turn.messages[0]!);         // ['indication 39', 'indications of block G']
//   await pg.click(turn.messages[0]!, 'indication 39');
//   await pg.stop();
//
// The playground serves its page on a loopback port and posts real activities to the bot; it works
// offline (every request leaving this machine is aborted here, so its telemetry and CDN fonts fail at
// once). Selectors, as version 0.2.28 renders them (hashed class names are not used):
//   message          div:has(> [aria-label="Message header"])  (the bot's carry [aria-label="Message author"])
//   card             .ac-adaptiveCard                            (inside .fai-OutputCard)
//   card button      .ac-adaptiveCard button:has(.ac-pushButton-content), name = the action's title
//   overflow menu    [aria-haspopup="menu"] > button ("More options") → [role=menu] [role=menuitem]
//   input            .ac-input-container (in order); its label: label[for=ID] with #ID inside it
//   choices          input[type=checkbox|radio], named by label[for=the input's id]
//   Input.Number     input[role=spinbutton] (Fluent SpinButton)
//   compose box      [data-lexical-editor="true"] (Enter sends)
//   invoke response  [aria-label="Display Invoked Message"] under the card (the bot's "✓")
//   log panel        the lines "[time] Microsoft 365 Agents Playground -> User Application invoke 200"
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launch } from './card-browser.js';

const CLI = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');

const MESSAGE = 'div:has(> [aria-label="Message header"])';
const CARD = '.ac-adaptiveCard';
const ACTION = `${CARD} button:has(.ac-pushButton-content)`;
const OVERFLOW = '[aria-haspopup="menu"] > button';
const COMPOSE = '[data-lexical-editor="true"]';
const INPUT = `${CARD} .ac-input-container`;
const NOTICE = '[aria-label="Display Invoked Message"]';
/** How long reading the notice bar may wait: a poll reads it again. */
const NOTICE_READ_MS = 1_000;

/** Console lines that only say the page is offline (CDN fonts, an animation worklet, telemetry). */
export const OFFLINE_NOISE = /Failed to load resource|Failed to load worklet module script|net::ERR_/;

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  endpoint: string;
  /** The channel the playground imitates. */
  channel?: 'msteams' | 'webchat' | 'directline' | 'emulator' | 'agents';
  /** The playground's port; a free one by default (it takes a random one itself if that is taken). */
  port?: number;
  /** The bot's display name in the playground's messages. */
  botName?: string;
  /** Wait, on opening, for the bot's first message (its welcome to the installation) and for quiet. */
  welcome?: boolean;
  /** How long starting the process and loading the page may take (ms). */
  startTimeoutMs?: number;
  /** How long to wait for a reply (ms). */
  replyTimeoutMs?: number;
  /** How long nothing must change for a turn to count as finished (ms). */
  quietMs?: number;
}

export interface PageProblem {
  kind: 'console' | 'pageerror' | 'crash';
  text: string;
  /** ms since the page was opened. */
  at: number;
}

export interface CardInput {
  /** Its position among the card's inputs (from 0). */
  index: number;
  /** Its label; empty when the card gives none. */
  label: string;
  kind: 'checkbox' | 'radio' | 'number' | 'text' | 'other';
  /** Choice titles (checkbox and radio inputs). */
  choices: string[];
  /** The choices ticked. */
  checked: string[];
  /** A number or text input's value. */
  value: string;
}

export interface Turn {
  /** The bot's messages that arrived, oldest first. */
  messages: Locator[];
  /** Whether the clicked card changed in place (an Action.Execute answered with a card). */
  updated: boolean;
  /** The message the playground shows under the clicked card (an Action.Execute's invoke response). */
  notice?: string;
  /** Console errors and page errors meanwhile, offline noise left out. */
  errors: PageProblem[];
  /** Whether nothing arrived within the reply timeout. */
  timedOut: boolean;
}

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Playground {
  /** Every console error and page error since the page was opened, offline noise included. */
  readonly problems: PageProblem[] = [];
  private readonly opened = Date.now();
  private readonly replyTimeoutMs: number;
  private readonly quietMs: number;

  constructor(
    readonly url: string,
    readonly page: Page,
    private readonly browser: Browser,
    private readonly child: ChildProcess,
    private readonly workDir: string,
    private readonly botName: string,
    options: PlaygroundOptions,
    /** What the playground process printed. */
    readonly output: string[],
  ) {
    this.replyTimeoutMs = options.replyTimeoutMs ?? 15_000;
    this.quietMs = options.quietMs ?? 800;
    page.on('console', (m) => {
      if (m.type() === 'error') this.problems.push({ kind: 'console', text: m.text(), at: Date.now() - this.opened });
    });
    page.on('pageerror', (e) => this.problems.push({ kind: 'pageerror', text: `${e.name}: ${e.message}`, at: Date.now() - this.opened }));
    page.on('crash', () => this.problems.push({ kind: 'crash', text: 'the page crashed', at: Date.now() - this.opened }));
  }

  /** Problems from index `from` on, offline noise left out. */
  errorsSince(from = 0): PageProblem[] {
    return this.problems.slice(from).filter((p) => !OFFLINE_NOISE.test(p.text));
  }

  /** Every message of the open conversation, the user's and the bot's. */
  messages(): Locator {
    return this.page.locator(MESSAGE);
  }

  /** The bot's messages (the playground's author line names it). */
  botMessages(): Locator {
    return this.messages().filter({ has: this.page.locator('[aria-label="Message author"]', { hasText: this.botName }) });
  }

  botMessage(index: number): Locator {
    return this.botMessages().nth(index);
  }

  lastBotMessage(): Locator {
    return this.botMessages().last();
  }

  botMessageCount(): Promise<number> {
    return this.botMessages().count();
  }

  /** Waits for the bot's message number `index` (from 0) to be shown. */
  async waitForBotMessage(index: number, timeoutMs = this.replyTimeoutMs): Promise<Locator> {
    const message = this.botMessage(index);
    await message.waitFor({ timeout: timeoutMs });
    return message;
  }

  /**
   * What the page shows of the conversation, to notice a change (a new message, a card replaced):
   * the number of messages and the text of the last few. textContent, not innerText: no layout, so
   * polling stays cheap as the conversation grows.
   */
  private signature(): Promise<string> {
    return this.page.evaluate((selector) => {
      const all = document.querySelectorAll(selector);
      const last = [...all].slice(-4).map((m) => (m.textContent ?? '').length);
      return `${all.length}:${last.join(',')}`;
    }, MESSAGE);
  }

  /** Waits until the conversation has not changed for `quietMs`. */
  async settle(quietMs = this.quietMs, timeoutMs = this.replyTimeoutMs): Promise<void> {
    const end = Date.now() + timeoutMs;
    let last = await this.signature();
    let since = Date.now();
    while (Date.now() < end) {
      await sleep(100);
      const now = await this.signature();
      if (now !== last) {
        last = now;
        since = Date.now();
      } else if (Date.now() - since >= quietMs) return;
    }
  }

  /**
   * Reloads the page: the conversation shown starts empty again (the bot's state is kept, and it
   * welcomes again). The page slows down as a conversation grows: tests with many turns reload.
   */
  async reload(timeoutMs = 45_000): Promise<void> {
    await this.page.reload({ waitUntil: 'domcontentloaded', timeout: timeoutMs });
    await this.page.locator(COMPOSE).waitFor({ timeout: timeoutMs });
    await this.waitForBotMessage(0, timeoutMs);
    await this.settle();
  }

  /** Types the text in the compose box and sends it; does not wait for an answer. */
  async send(text: string): Promise<void> {
    const box = this.page.locator(COMPOSE);
    await box.fill(text);
    await box.press('Enter');
  }

  /** Sends the text and waits for the bot's reply: one or more messages, then quiet. */
  async ask(text: string, timeoutMs = this.replyTimeoutMs): Promise<Turn> {
    return this.turn(() => this.send(text), undefined, timeoutMs);
  }

  private async turn(act: () => Promise<void>, clicked: Locator | undefined, timeoutMs: number): Promise<Turn> {
    const before = await this.botMessageCount();
    const problemsBefore = this.problems.length;
    const state = async () => (clicked ? `${await this.cardState(clicked)}\u0000${(await this.notice(clicked)) ?? ''}` : '');
    const stateBefore = await state();
    const cardBefore = clicked ? await this.cardState(clicked) : '';
    await act();
    const end = Date.now() + timeoutMs;
    let arrived = false;
    while (Date.now() < end) {
      if ((await this.botMessageCount()) > before || (clicked && (await state()) !== stateBefore)) {
        arrived = true;
        break;
      }
      await sleep(100);
    }
    if (arrived) await this.settle();
    const after = await this.botMessageCount();
    const messages = Array.from({ length: Math.max(0, after - before) }, (_, i) => this.botMessage(before + i));
    const notice = clicked ? await this.notice(clicked) : undefined;
    return {
      messages,
      updated: clicked ? (await this.cardState(clicked)) !== cardBefore : false,
      ...(notice !== undefined ? { notice } : {}),
      errors: this.errorsSince(problemsBefore),
      timedOut: !arrived,
    };
  }

  /** A card's text with its inputs' values, to notice it replaced. */
  private cardState(message: Locator): Promise<string> {
    return message
      .locator(CARD)
      .evaluateAll((cards) => cards.map((c) => `${(c as HTMLElement).innerText}|${[...c.querySelectorAll('input')].map((i) => (i.type === 'checkbox' || i.type === 'radio' ? i.checked : i.value)).join(',')}`).join('\n'))
      .catch(() => '');
  }

  /**
   * What the playground shows under a card after an Action.Execute: the invoke response's message
   * (Teams shows it the same way), or undefined.
   */
  async notice(message: Locator): Promise<string | undefined> {
    const bar = message.locator(NOTICE);
    if ((await bar.count()) === 0) return undefined;
    // The bar may be redrawn or gone between counting and reading it: read again on the next poll.
    const text = await bar.first().innerText({ timeout: NOTICE_READ_MS }).catch(() => undefined);
    return text?.trim();
  }

  /** The message's cards' action buttons, those in ActionSets and in an overflow ("…") menu too, by title. */
  async buttons(message: Locator): Promise<string[]> {
    const visible = message.locator(ACTION).filter({ visible: true });
    const titles: string[] = [];
    for (const button of await visible.all()) {
      if (await button.evaluate((b, overflow) => b.matches(overflow), OVERFLOW)) {
        titles.push(...(await this.overflowItems(button)));
        continue;
      }
      titles.push(await buttonTitle(button));
    }
    return titles;
  }

  private async overflowItems(button: Locator): Promise<string[]> {
    await button.click();
    const items = this.page.locator('[role=menu] [role=menuitem]');
    await items.first().waitFor({ timeout: 5_000 });
    const titles = (await items.allInnerTexts()).map((t) => t.trim());
    await this.page.keyboard.press('Escape');
    await this.page.locator('[role=menu]').waitFor({ state: 'detached', timeout: 5_000 }).catch(() => undefined);
    return titles;
  }

  /**
   * Clicks the card button with this title (opening the overflow menu if it is there) and waits for
   * the reply: new messages, or the card replaced in place. Never throws for a missing reply: see
   * `timedOut`, and `errors` for what the page reported meanwhile.
   */
  async click(message: Locator, title: string, timeoutMs = this.replyTimeoutMs): Promise<Turn> {
    return this.turn(() => this.press(message, title), message, timeoutMs);
  }

  /** Clicks the button without waiting for a reply. */
  async press(message: Locator, title: string): Promise<void> {
    const direct = message.locator(CARD).getByRole('button', { name: title, exact: true }).filter({ visible: true });
    if ((await direct.count()) > 0) {
      await direct.first().click();
      return;
    }
    for (const overflow of await message.locator(ACTION).filter({ visible: true }).all()) {
      if (!(await overflow.evaluate((b, selector) => b.matches(selector), OVERFLOW))) continue;
      await overflow.click();
      const item = this.page.locator('[role=menu]').getByRole('menuitem', { name: title, exact: true });
      if ((await item.count()) > 0) {
        await item.first().click();
        return;
      }
      await this.page.keyboard.press('Escape');
    }
    throw new Error(`no button "${title}" in the message; its buttons: ${JSON.stringify(await this.buttons(message))}`);
  }

  /** The message as shown, without its author line: a text message's text, a card's text and buttons. */
  text(message: Locator): Promise<string> {
    return message.evaluate((m) =>
      [...m.children]
        .filter((c) => !c.matches('[aria-label="Message header"]'))
        .map((c) => (c as HTMLElement).innerText)
        .join('\n')
        .trim(),
    );
  }

  /** A card's text blocks and input labels, one a line (no buttons, no choices). */
  async cardText(message: Locator): Promise<string> {
    const texts = await message.locator(`${CARD} :is(.ac-textBlock, .ac-richTextBlock)`).allInnerTexts();
    return texts.map((t) => t.trim()).filter(Boolean).join('\n');
  }

  async isCard(message: Locator): Promise<boolean> {
    return (await message.locator(CARD).count()) > 0;
  }

  /**
   * The card's inputs in order: their labels (empty if the card gives none), their kind, and the
   * titles of their choices (an expanded Input.ChoiceSet: checkboxes or radio buttons; an Input.Toggle
   * is one checkbox).
   */
  async inputs(message: Locator): Promise<CardInput[]> {
    return message.locator(INPUT).evaluateAll((containers) =>
      containers.map((container, index) => {
        const labelled = [...container.querySelectorAll('[id]')].map((el) => el.id);
        const label = [...(container.closest('.ac-adaptiveCard')?.querySelectorAll('label[for]') ?? [])].find((l) => !container.contains(l) && labelled.includes(l.getAttribute('for') ?? ''));
        const options = [...container.querySelectorAll('input[type=checkbox], input[type=radio]')] as HTMLInputElement[];
        // (No named functions in here: a bundler's helper such as __name does not exist in the page.)
        const names = options.map((input) =>
          ((input.id ? container.querySelector(`label[for="${CSS.escape(input.id)}"]`)?.textContent : undefined) ?? input.getAttribute('aria-label') ?? input.value).trim(),
        );
        const kind = options.some((o) => o.type === 'radio')
          ? 'radio'
          : options.length
            ? 'checkbox'
            : container.querySelector('[role=spinbutton], input[type=number]')
              ? 'number'
              : container.querySelector('input, textarea')
                ? 'text'
                : 'other';
        const field = container.querySelector('input:not([type=checkbox]):not([type=radio]), textarea') as HTMLInputElement | null;
        return { index, label: (label?.textContent ?? '').trim(), kind, choices: names, checked: names.filter((_, i) => options[i]!.checked), value: field?.value ?? '' } as CardInput;
      }),
    );
  }

  /** The container of the input the card labels with this text (exactly), or of its n-th input (from 0). */
  private async input(message: Locator, which: string | number): Promise<Locator> {
    const all = await this.inputs(message);
    const found = typeof which === 'number' ? all[which] : all.find((i) => i.label === which.trim());
    if (!found) throw new Error(`no input ${JSON.stringify(which)} in the card; its inputs: ${JSON.stringify(all.map((i) => i.label || `#${i.index} (${i.kind})`))}`);
    return message.locator(INPUT).nth(found.index);
  }

  /**
   * Sets an expanded Input.ChoiceSet (or an Input.Toggle): ticks exactly the named choices
   * (checkboxes), or picks the one named (radio buttons). The input is named by its label, or by its
   * index among the card's inputs (see `inputs`).
   */
  async selectChoices(message: Locator, which: string | number, choices: string[]): Promise<void> {
    const box = await this.input(message, which);
    const found = new Set<string>();
    for (const option of await box.locator('input[type=checkbox], input[type=radio]').all()) {
      const name = await option.evaluate((el) => {
        const input = el as HTMLInputElement;
        const label = input.id ? document.querySelector(`label[for="${CSS.escape(input.id)}"]`) : null;
        return (label?.textContent ?? input.getAttribute('aria-label') ?? input.value).trim();
      });
      const wanted = choices.includes(name);
      if (wanted) {
        found.add(name);
        await option.check();
      } else if ((await option.getAttribute('type')) === 'checkbox') await option.uncheck();
    }
    const missing = choices.filter((c) => !found.has(c));
    if (missing.length) throw new Error(`no choice ${JSON.stringify(missing)} in input ${JSON.stringify(which)}`);
  }

  /** Fills an Input.Number (or a text input), named by its label or its index among the card's inputs. */
  async fillNumber(message: Locator, which: string | number, value: number | string): Promise<void> {
    const input = (await this.input(message, which)).locator('input:not([type=checkbox]):not([type=radio]), textarea').first();
    await input.fill(String(value));
    // The Fluent spin button takes its value on blur.
    await input.blur();
  }

  /** The log panel's lines, e.g. "Microsoft 365 Agents Playground -> User Application invoke 200". */
  async logLines(): Promise<string[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('[contenteditable="true"]:not([data-lexical-editor]) > div')]
        .map((d) => (d as HTMLElement).innerText.replace(/\s+/g, ' ').trim())
        .filter(Boolean),
    );
  }

  /** Requests the playground sent the bot that it answered with a 4xx or 5xx status. */
  async failedRequests(): Promise<string[]> {
    return (await this.logLines()).filter((l) => /-> User Application \S+ [45]\d\d\b/.test(l));
  }

  /** Closes the browser, ends the playground process (and its group), removes its working folder. */
  async stop(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await stopChild(this.child);
    rmSync(this.workDir, { recursive: true, force: true });
  }
}

async function buttonTitle(button: Locator): Promise<string> {
  return button.evaluate((b) => (b.getAttribute('title') ?? b.getAttribute('aria-label') ?? b.textContent ?? '').trim());
}

/** Playground processes not stopped yet, with their working folders: ended if this process exits first. */
const running = new Map<ChildProcess, string>();
process.once('exit', () => {
  for (const [child, workDir] of running) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    rmSync(workDir, { recursive: true, force: true });
  }
});

async function stopChild(child: ChildProcess): Promise<void> {
  running.delete(child);
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, s);
    } catch {
      // the group is gone
    }
  };
  signal('SIGTERM');
  const done = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]);
  if (!done) {
    signal('SIGKILL');
    await exited;
  }
}

/** Starts the playground process at a free port, pointed at the bot, and opens it in Chromium. */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const startTimeoutMs = options.startTimeoutMs ?? 45_000;
  const deadline = Date.now() + startTimeoutMs;
  const workDir = mkdtempSync(join(tmpdir(), 'cii-playground-'));
  const port = options.port ?? (await freePort());
  const args = [CLI, '-e', options.endpoint, '-c', options.channel ?? 'msteams', '-p', String(port), '--disable-telemetry'];
  // Its own folder: the playground writes devTools/ logs and reads .m365agentsplayground.yml from its cwd.
  const child = spawn(process.execPath, args, {
    cwd: workDir,
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_LOGFILE: join(workDir, 'playground.log'), M365_AGENTS_PLAYGROUND_CONFIG_PATH: join(workDir, '.m365agentsplayground.yml') },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.set(child, workDir);
  const output: string[] = [];
  let browser: Browser | undefined;
  try {
    const actualPort = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the playground did not start within ${startTimeoutMs} ms:\n${output.join('')}`)), startTimeoutMs);
      const onData = (chunk: Buffer) => {
        output.push(chunk.toString());
        const match = /Listening on (\d+)/.exec(output.join(''));
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the playground exited (${code ?? signal}):\n${output.join('')}`));
      });
      child.once('error', reject);
    });
    const url = `http://localhost:${actualPort}/`;
    while ((await fetch(url).then((r) => r.status, () => 0)) !== 200) {
      if (Date.now() > deadline) throw new Error(`the playground does not serve ${url}:\n${output.join('')}`);
      await sleep(100);
    }
    browser = await launch();
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    // Nothing leaves this machine: telemetry and CDN fonts fail at once instead of waiting on DNS.
    await context.route(/^[a-z]+:\/\/(?!localhost[:/]|127\.0\.0\.1[:/]|\[::1\][:/])/, (route) => route.abort());
    const page = await context.newPage();
    const playground = new Playground(url, page, browser, child, workDir, options.botName ?? 'Test Bot', options, output);
    // The page is one 9 MB script: about 4–6 s to parse in headless Chromium.
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: Math.max(1_000, deadline - Date.now()) });
    await page.locator(COMPOSE).waitFor({ timeout: Math.max(1_000, deadline - Date.now()) });
    if (options.welcome ?? true) {
      // Opening the page installs the app: the bot gets installationUpdate and conversationUpdate.
      await playground.waitForBotMessage(0, Math.max(1_000, deadline - Date.now()));
      await playground.settle();
    }
    return playground;
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await stopChild(child);
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
}
