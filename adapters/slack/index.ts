// Slack: a Bolt App on the assistant's one HTTP server (/slack/events for events, commands and
// interactivity), or in Socket Mode with an app token. Thin: every reply comes from the core.
import { LRUCache } from 'lru-cache';
import { App, ExpressReceiver, LogLevel } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Router } from 'express';
import { HELP, type Bot, type Reply } from '../../src/bot.js';
import type { KnowledgeBase } from '../../src/knowledge/loader.js';
import { isLanguage, type CantonCode, type Language } from '../../src/knowledge/schema.js';
import { allCues, catalog } from '../../src/locales.js';
import type { Logger } from '../../src/logger.js';
import type { Store } from '../../src/store/store.js';
import { FORM_TITLE, PRIVACY, factsFromForm, formQuestions } from '../../src/triage/form.js';
import { personFacts, type PersonFacts } from '../../src/triage/facts.js';
import { triageResult } from '../../src/triage/result.js';
import { words } from '../../src/understanding/normalize.js';
import { reminderLine } from '../../src/reminders/text.js';
import { SlackDeliverer } from './reminders.js';
import type { ChannelContext } from '../../src/channels/channel.js';
import { localeLanguage } from '../../src/channels/locale.js';
import type { Inbound } from '../../src/channels/inbound.js';
import { GAP_VERB } from '../../src/gaps/offer.js';
import { TRIAGE_CALLBACK, answerMessage, checklistMessages, exportMessage, homeView, textMessage, triageAnsweredMessage, triageModal, triageQuestionMessage, triageResultMessage, type SlackMessage } from './blocks.js';

export interface SlackConfig {
  botToken: string;
  signingSecret: string;
  /** With an app token the app connects in Socket Mode instead of receiving HTTP requests. */
  appToken?: string;
  /** The Web API's base address, for a stand-in in tests and staging. */
  apiUrl?: string;
  /** Workspaces (team ids) served; empty serves all. */
  allowedTeams: string[];
}

/** The channel's name: the prefix of its conversation ids. */
const NAME = 'slack';
/** Where each checklist's messages are, so that a tick updates them for everyone. */
const CHECKLIST_MESSAGES = 'slack-checklist-messages';
/** The checklists each user opened, for the App Home. */
const USER_CHECKLISTS = 'slack-user-checklists';

interface Posted {
  channel: string;
  ts: string[];
}

interface ModalMetadata {
  channel: string;
  canton?: CantonCode;
  language: Language;
  facts?: PersonFacts;
}

const TEXT = catalog('slack', ['remindersHint', 'noChecklists'] as const);

function toMessages(reply: Reply): SlackMessage[] {
  switch (reply.kind) {
    case 'answer':
      return [answerMessage(reply.answer, reply.gap)];
    case 'checklist':
      return checklistMessages(reply.view);
    case 'triage-result':
      return [triageResultMessage(reply.result, reply.facts, reply.language, reply.answered)];
    case 'triage-question':
      return [reply.input === 'canton' ? textMessage(reply.text) : triageQuestionMessage(reply)];
    case 'triage-answered':
      // Shown by updating the question's own message, where the answer came from a click.
      return [];
    case 'triage-export':
      return [exportMessage(reply.text)];
    case 'triage-form':
      return [textMessage(reply.title)];
    default:
      return [textMessage(reply.text)];
  }
}

/** Event id and message ids (client_msg_id, or channel and ts): a retry repeats at least one. */
function deliveryKeys(body: Record<string, any>): string[] {
  const event = body.event as Record<string, string> | undefined;
  return [body.event_id, event?.client_msg_id, event?.ts && `${event.channel}:${event.ts}`].filter(Boolean) as string[];
}

/** A follow-up button's value: the question and the answer's language, or a bare question from an older message. */
function followUp(value: string): { text: string; language?: Language } {
  try {
    const parsed = JSON.parse(value) as { text?: unknown; language?: unknown };
    if (typeof parsed.text === 'string') return { text: parsed.text, ...(isLanguage(parsed.language) ? { language: parsed.language } : {}) };
  } catch {
    // Not JSON: the question itself.
  }
  return { text: value };
}

/** A button's JSON value as the core's action data; {} for one that is not (the core then says what is wrong). */
function actionData(value: string | undefined): Record<string, unknown> {
  try {
    const parsed = JSON.parse(value ?? '{}') as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export class SlackChannel {
  readonly app: App;
  private readonly receiver?: ExpressReceiver;
  /** Each user's language from their Slack locale, asked once (bounded: a workspace may have many users). */
  private readonly languages = new LRUCache<string, Language>({ max: 10_000 });

  private readonly bot: Bot;
  private readonly kb: KnowledgeBase;
  private readonly store: Store;
  private readonly logger: Logger;
  private readonly inbound: Inbound;

  constructor(context: ChannelContext, private readonly config: SlackConfig) {
    ({ bot: this.bot, kb: this.kb, store: this.store, logger: this.logger, inbound: this.inbound } = context);
    const clientOptions = config.apiUrl ? { slackApiUrl: config.apiUrl } : {};
    if (config.appToken) {
      this.app = new App({ token: config.botToken, appToken: config.appToken, socketMode: true, clientOptions, logLevel: LogLevel.WARN });
    } else {
      this.receiver = new ExpressReceiver({
        signingSecret: config.signingSecret,
        endpoints: '/slack/events',
        logLevel: LogLevel.WARN,
        // A signed body Bolt cannot process (no event, an unknown shape) is refused with 400, never a
        // 5xx Slack would retry; what was already acknowledged stays acknowledged.
        processEventErrorHandler: async ({ error, response }) => {
          this.logger.warn({ event: 'slack-payload-refused', error: error.name }, 'a Slack payload could not be processed');
          if (response.headersSent) return false;
          response.writeHead(400);
          response.end();
          return true;
        },
        dispatchErrorHandler: async ({ error, response }) => {
          this.logger.warn({ event: 'slack-request-refused', error: error.name }, 'a Slack request could not be read');
          if (response.headersSent) return;
          response.writeHead(400);
          response.end();
        },
      });
      this.app = new App({ receiver: this.receiver, token: config.botToken, clientOptions, tokenVerificationEnabled: false, logLevel: LogLevel.WARN });
    }
    this.register();
  }

  /** Posts reminders with the app's Web API client. */
  deliverer(): SlackDeliverer {
    return new SlackDeliverer(this.app.client);
  }

  /** The express router for /slack/events; none in Socket Mode. Mount it before any body parser. */
  router(): Router | undefined {
    return this.receiver?.router as Router | undefined;
  }

  async startSocketMode(): Promise<void> {
    if (this.config.appToken) await this.app.start();
  }

  private register(): void {
    const app = this.app;
    // Bolt has verified the signature: the shared allowlist and deduplication, then the listeners.
    app.use(async ({ body, context, next, ...rest }) => {
      const team = (body as { team_id?: string; team?: { id?: string } }).team_id ?? (body as { team?: { id?: string } }).team?.id ?? context.teamId;
      const admission = await this.inbound.admit({ channel: NAME, keys: deliveryKeys(body as Record<string, any>), ...(team ? { workspace: team } : {}) });
      if (!admission.admitted) {
        if ('ack' in rest && typeof rest.ack === 'function') await (rest.ack as () => Promise<void>)();
        return;
      }
      let answered = false;
      try {
        await next();
        answered = true;
      } finally {
        await admission.finish(answered);
      }
    });

    app.command('/cii', async ({ command, ack, client }) => {
      await ack();
      await this.command(client, command.text ?? '', command.channel_id, command.user_id, command.trigger_id);
    });

    app.event('app_mention', async ({ event, client }) => {
      const text = (event.text ?? '').replace(/<@[A-Z0-9]+>/g, ' ').trim();
      await this.converse(client, event.channel, event.user ?? 'unknown', text);
    });

    app.message(async ({ message, client }) => {
      const m = message as { channel_type?: string; bot_id?: string; subtype?: string; text?: string; channel: string; user?: string };
      if (m.channel_type !== 'im' || m.bot_id || m.subtype) return;
      await this.converse(client, m.channel, m.user ?? 'unknown', m.text ?? '');
    });

    app.action('checklist.tick', async ({ ack, body, client }) => {
      await ack();
      await this.tick(client, body as any);
    });

    app.action(/^ask\.\d+$/, async ({ ack, body, action, client }) => {
      await ack();
      const b = body as any;
      const { text, language } = followUp((action as { value?: string }).value ?? '');
      await this.converse(client, b.channel?.id ?? b.user.id, b.user.id, text, language);
    });

    app.action('checklist.open', async ({ ack, body, action, client }) => {
      await ack();
      const b = body as any;
      const replies = await this.bot.action({ conversationId: `${NAME}:${b.channel?.id}`, verb: 'checklist.open', data: { key: (action as { value?: string }).value }, user: { id: b.user.id, name: b.user.name }, language: await this.language(client, b.user.id) });
      await this.post(client, b.channel?.id ?? b.user.id, b.user.id, replies);
    });

    // Only the user's id goes to the core, which keeps neither it nor the name with the gap.
    app.action(GAP_VERB, async ({ ack, body, action, client }) => {
      await ack();
      const b = body as any;
      const channel = b.channel?.id ?? b.user.id;
      const replies = await this.bot.action({ conversationId: `${NAME}:${channel}`, verb: GAP_VERB, data: actionData((action as { value?: string }).value), user: { id: b.user.id }, language: await this.language(client, b.user.id) });
      await this.post(client, channel, b.user.id, replies);
    });

    app.action('triage.resume', async ({ ack, body, action, client }) => {
      await ack();
      const b = body as any;
      const value = JSON.parse((action as { value?: string }).value ?? '{}') as { canton?: string; facts?: unknown };
      const facts = personFacts.safeParse(value.facts ?? {});
      const canton = this.kb.cantons.has(value.canton as CantonCode) ? (value.canton as CantonCode) : undefined;
      await this.openTriage(client, b.trigger_id, b.channel?.id ?? b.user.id, b.user.id, canton, facts.success ? (facts.data as PersonFacts) : {});
    });

    // The conversational triage's buttons, checkboxes and number field.
    app.action('triage.select', async ({ ack }) => {
      await ack();
    });
    app.action(/^triage\.(answer\.\w+|confirm|number|back|restart|change\.\d+|export)$/, async ({ ack, body, action, client }) => {
      await ack();
      await this.triageAction(client, body as any, action as any);
    });

    app.action('triage.canton', async ({ ack, body, action, client }) => {
      await ack();
      const b = body as any;
      const canton = (action as { selected_option?: { value?: string } }).selected_option?.value as CantonCode;
      const metadata = JSON.parse(b.view.private_metadata) as ModalMetadata;
      await client.views.update({ view_id: b.view.id, hash: b.view.hash, view: this.modal({ ...metadata, canton }) as any });
    });

    app.view(TRIAGE_CALLBACK, async ({ ack, view, body, client }) => {
      await ack();
      const metadata = JSON.parse(view.private_metadata) as ModalMetadata;
      if (!metadata.canton) return;
      const fields: Record<string, unknown> = {};
      for (const [blockId, block] of Object.entries(view.state.values)) {
        const value = (block as Record<string, any>).value;
        if (!blockId.startsWith('fact:') || !value) continue;
        fields[blockId] = value.selected_option?.value ?? value.selected_options?.map((o: { value: string }) => o.value).join(',') ?? value.value;
      }
      const facts = { ...(metadata.facts ?? {}), ...factsFromForm(fields) };
      const result = triageResult(this.kb, metadata.canton, facts, metadata.language);
      const message = triageResultMessage(result, facts, metadata.language);
      await client.chat.postMessage({ channel: metadata.channel, text: message.text, blocks: message.blocks as any });
      this.logger.info({ event: 'slack-triage', canton: metadata.canton, verdict: result.verdict, user: body.user.id }, 'triage posted');
    });

    app.event('app_home_opened', async ({ event, client }) => {
      await this.publishHome(client, event.user);
    });

    app.error(async (error) => {
      this.logger.error({ event: 'slack-handler-failed', error: error.name }, 'a Slack handler failed');
    });
  }

  /**
   * A triage button: the core gets the fact, value and step it carries (a list's ticked boxes, the
   * number typed); the question's message is updated to show the answer, the rest is posted; an
   * export goes into the result's thread.
   */
  private async triageAction(client: WebClient, body: { user: { id: string; name?: string }; channel?: { id: string }; message?: { ts: string; thread_ts?: string }; state?: { values: Record<string, Record<string, any>> } }, action: { action_id: string; value?: string; block_id?: string }): Promise<void> {
    const channel = body.channel?.id ?? body.user.id;
    const [, kind] = action.action_id.split('.');
    let data: Record<string, unknown> = {};
    try {
      data = action.value && kind !== 'number' ? (JSON.parse(action.value) as Record<string, unknown>) : {};
    } catch {
      this.logger.warn({ event: 'slack-triage-value-unreadable' }, 'a triage button value could not be read');
      return;
    }
    if (kind === 'confirm') {
      const list = Object.entries(body.state?.values ?? {}).find(([id]) => id === `triage-list:${String(data.step)}`)?.[1]?.['triage.select'];
      data.value = (list?.selected_options ?? []).map((o: { value: string }) => o.value);
    }
    if (kind === 'number') {
      const [, step, fact] = (action.block_id ?? '').split(':');
      data = { fact, step: Number(step), value: action.value };
    }
    const verb = kind === 'confirm' || kind === 'number' ? 'triage.answer' : `triage.${kind}`;
    const language = await this.language(client, body.user.id);
    const replies = await this.bot.action({ conversationId: `${NAME}:${channel}`, verb, data, user: { id: body.user.id, ...(body.user.name ? { name: body.user.name } : {}) }, language });
    const answered = replies.find((r) => r.kind === 'triage-answered');
    if (answered && body.message) {
      const message = triageAnsweredMessage(answered);
      await client.chat.update({ channel, ts: body.message.ts, text: message.text, blocks: message.blocks as any });
    }
    const exported = replies.find((r) => r.kind === 'triage-export');
    if (exported && body.message) {
      const message = exportMessage(exported.text);
      await client.chat.postMessage({ channel, thread_ts: body.message.thread_ts ?? body.message.ts, text: message.text, blocks: message.blocks as any });
    }
    await this.post(client, channel, body.user.id, replies.filter((r) => r !== answered && (r !== exported || !body.message)));
  }

  /** The user's language from their Slack locale, once per user. */
  private async language(client: WebClient, user: string): Promise<Language> {
    const known = this.languages.get(user);
    if (known) return known;
    let language: Language = 'fr';
    try {
      const info = await client.users.info({ user, include_locale: true });
      language = localeLanguage(info.user?.locale) ?? language;
    } catch {
      // No locale: French, the sources' language.
    }
    this.languages.set(user, language);
    return language;
  }

  private async command(client: WebClient, text: string, channel: string, user: string, triggerId: string): Promise<void> {
    const [first, ...rest] = words(text);
    const language = await this.language(client, user);
    if (!first || allCues('help').includes(first)) {
      await this.post(client, channel, user, [{ kind: 'help', text: HELP[language], language }]);
      return;
    }
    if (first === 'triage') {
      const canton = rest.length > 0 ? this.bot.assistant.understanding.read(rest.join(' ')).cantons[0] : undefined;
      await this.openTriage(client, triggerId, channel, user, canton, {});
      return;
    }
    await this.converse(client, channel, user, text);
  }

  private modal(metadata: ModalMetadata) {
    const cantons = [...this.kb.cantons.values()].map((c) => ({ code: c.code, name: `${c.names[metadata.language]} (${c.code})` }));
    const questions = metadata.canton ? formQuestions(this.kb, metadata.canton, metadata.language).filter((q) => !(q.fact in (metadata.facts ?? {}))) : [];
    return triageModal({ ...(metadata.canton ? { canton: metadata.canton } : {}), title: FORM_TITLE[metadata.language], privacy: PRIVACY[metadata.language], questions, cantons }, JSON.stringify(metadata));
  }

  private async openTriage(client: WebClient, triggerId: string, channel: string, user: string, canton: CantonCode | undefined, facts: PersonFacts): Promise<void> {
    const language = await this.language(client, user);
    await client.views.open({ trigger_id: triggerId, view: this.modal({ channel, language, facts, ...(canton ? { canton } : {}) }) as any });
  }

  private async converse(client: WebClient, channel: string, user: string, text: string, answerIn?: Language): Promise<void> {
    const language = await this.language(client, user);
    const replies = await this.bot.handle({ conversationId: `${NAME}:${channel}`, text, language, user: { id: user }, ...(answerIn ? { answerIn } : {}) });
    await this.post(client, channel, user, replies);
  }

  private async post(client: WebClient, channel: string, user: string, replies: Reply[]): Promise<void> {
    for (const reply of replies) {
      const ts: string[] = [];
      for (const message of toMessages(reply)) {
        const posted = await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks as any });
        if (posted.ts) ts.push(posted.ts);
      }
      if (reply.kind === 'checklist') {
        await this.store.put<Posted>(CHECKLIST_MESSAGES, reply.view.id, { channel, ts });
        await this.store.update<string[]>(USER_CHECKLISTS, user, (ids) => [...(ids ?? []).filter((id) => id !== reply.view.id), reply.view.id].slice(-20));
      }
    }
  }

  /** A checkbox changed: apply what this element changed, then update every message of the checklist. */
  private async tick(client: WebClient, body: { user: { id: string; name?: string; username?: string }; actions: { block_id: string; selected_options?: { value: string }[] }[]; message?: { blocks?: { block_id?: string; elements?: { options?: { value: string }[]; initial_options?: { value: string }[] }[] }[] } }): Promise<void> {
    const action = body.actions[0]!;
    const [, checklistId] = action.block_id.split(':');
    const element = body.message?.blocks?.find((b) => b.block_id === action.block_id)?.elements?.[0];
    if (!checklistId || !element) return;
    const selected = new Set((action.selected_options ?? []).map((o) => o.value));
    const seen = (element.initial_options ?? []).map((o) => o.value);
    const data: Record<string, unknown> = { checklistId, seen };
    for (const option of element.options ?? []) data[`item:${option.value}`] = selected.has(option.value);
    const language = await this.language(client, body.user.id);
    const [reply] = await this.bot.action({ conversationId: 'slack', verb: 'checklist.save', data, user: { id: body.user.id, name: body.user.name ?? body.user.username }, language });
    if (reply?.kind !== 'checklist') return;
    await this.update(client, reply.view.id, checklistMessages(reply.view));
  }

  private async update(client: WebClient, checklistId: string, messages: SlackMessage[]): Promise<void> {
    const posted = await this.store.get<Posted>(CHECKLIST_MESSAGES, checklistId);
    if (!posted) return;
    for (const [i, ts] of posted.ts.entries()) {
      const message = messages[i];
      if (message) await client.chat.update({ channel: posted.channel, ts, text: message.text, blocks: message.blocks as any });
    }
  }

  private async publishHome(client: WebClient, user: string): Promise<void> {
    const language = await this.language(client, user);
    const ids = (await this.store.get<string[]>(USER_CHECKLISTS, user)) ?? [];
    const views = (await Promise.all(ids.map((id) => this.bot.checklists.view(id, language)))).filter((v) => v !== undefined);
    const open = views.filter((v) => v.done < v.total).map((v) => ({ title: v.title, done: v.done, total: v.total }));
    const reminders = (await this.bot.reminders.byCreator(user)).map((r) => reminderLine(r, language));
    await client.views.publish({ user_id: user, view: homeView(HELP[language], open, TEXT.noChecklists[language], reminders, TEXT.remindersHint[language]) as any });
  }
}
