// Microsoft Teams: a teams-ai Application on botbuilder's CloudAdapter at POST /api/messages.
// Thin: every reply comes from the core; this file translates activities, cards and invokes.
import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import type { AdaptiveCard as TeamsCard } from '@microsoft/teams-ai';
import { CardFactory, ConfigurationServiceClientCredentialFactory, MessageFactory, TurnContext, type Activity } from 'botbuilder';
import type { Request, RequestHandler, Response } from 'express';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import type { Bot, Reply } from '../../src/bot.js';
import { checklistCard, languageChoiceCard, triageAnsweredCard } from '../../src/cards/adaptive.js';
import { cardFor } from '../../src/cards/replies.js';
import type { Language } from '../../src/knowledge/schema.js';
import { LANGUAGES } from '../../src/knowledge/schema.js';
import { catalog } from '../../src/locales.js';
import { fromThisMachine } from '../../src/http/loopback.js';
import type { Logger } from '../../src/logger.js';
import type { Store } from '../../src/store/store.js';
import { REFERENCES, TeamsDeliverer } from './reminders.js';
import type { ChannelContext } from '../../src/channels/channel.js';
import { localeLanguage } from '../../src/channels/locale.js';
import type { Inbound } from '../../src/channels/inbound.js';

/** The channel's name: the prefix of its conversation ids. */
const NAME = 'teams';

export interface TeamsConfig {
  MicrosoftAppId?: string;
  MicrosoftAppPassword?: string;
  MicrosoftAppTenantId?: string;
  MicrosoftAppType?: string;
  /** Tenants whose activities are served; empty means all. */
  allowedTenants: string[];
}

/** The least an activity must carry before botbuilder sees it (it answers 500 to less). */
const activityShape = z.object({
  type: z.string().min(1),
  id: z.string().optional(),
  serviceUrl: z.string().url(),
  channelId: z.string().min(1),
  from: z.object({ id: z.string().min(1) }).passthrough(),
  conversation: z.object({ id: z.string().min(1) }).passthrough(),
  recipient: z.object({ id: z.string().min(1) }).passthrough(),
}).passthrough();

const WORDS = catalog('teams', ['welcome', 'chooseLanguage', 'languageName'] as const);

/**
 * Whether the Authorization header holds a signed JWT as the Bot Framework sends them (RS256):
 * botbuilder answers 500 to some it cannot read (alg "none"), which must be a 401.
 */
function signedToken(header: string | undefined): boolean {
  const [scheme, token] = (header ?? '').split(' ');
  const parts = token?.split('.') ?? [];
  if (scheme !== 'Bearer' || parts.length !== 3 || !parts[2]) return false;
  try {
    const { alg } = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as { alg?: unknown };
    return alg === 'RS256';
  } catch {
    return false;
  }
}

function languageOf(activity: Partial<Activity>): Language | undefined {
  return localeLanguage(activity.locale);
}

function tenantOf(activity: Partial<Activity>): string | undefined {
  return activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
}

function toActivity(reply: Reply): Partial<Activity> {
  const card = cardFor(reply);
  if (card) {
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
    activity.summary = 'text' in reply ? reply.text.split('\n')[0] : undefined;
    return activity;
  }
  return MessageFactory.text('text' in reply ? reply.text : '');
}

export class TeamsChannel {
  readonly credentials: boolean;
  private readonly adapter: TeamsAdapter;
  private readonly app: Application;

  private readonly bot: Bot;
  private readonly store: Store;
  private readonly logger: Logger;
  private readonly inbound: Inbound;
  /** The references last stored, so that an unchanged one is not written again. */
  private readonly references = new LRUCache<string, string>({ max: 10_000 });

  constructor(context: ChannelContext, private readonly config: TeamsConfig) {
    ({ bot: this.bot, store: this.store, logger: this.logger, inbound: this.inbound } = context);
    const { MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId, MicrosoftAppType } = config;
    this.credentials = Boolean(MicrosoftAppId);
    const settings = this.credentials ? { MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId, MicrosoftAppType } : {};
    this.adapter = new TeamsAdapter(settings, new ConfigurationServiceClientCredentialFactory(settings));
    this.app = new Application({ adapter: this.adapter, ...(MicrosoftAppId ? { botAppId: MicrosoftAppId } : {}), removeRecipientMention: true, startTypingTimer: false });
    this.app.error(async (_context, error) => {
      this.logger.error({ event: 'teams-turn-failed', error: error.name }, 'a Teams turn failed');
    });
    this.app.conversationUpdate('membersAdded', async (context) => this.welcome(context));
    this.app.activity('message', async (context) => this.message(context));
    this.app.adaptiveCards.actionExecute(/.*/, async (context, _state, data: Record<string, unknown>) => (await this.execute(context, data)) as TeamsCard | string);
  }

  /** Posts reminders to the conversations that spoke to the bot. */
  deliverer(): TeamsDeliverer {
    return new TeamsDeliverer(this.adapter, this.config.MicrosoftAppId ?? '', this.store, this.logger);
  }

  /** The express handler for POST /api/messages. */
  handler(): RequestHandler {
    return async (req: Request, res: Response) => {
      if (!this.credentials && !fromThisMachine(req)) {
        res.status(401).json({ error: 'Teams requests are accepted only from this machine until MicrosoftAppId is set.' });
        return;
      }
      const parsed = activityShape.safeParse(req.body);
      if (!parsed.success) {
        res.status(400).json({ error: 'Not a Bot Framework activity.' });
        return;
      }
      const tenant = tenantOf(req.body);
      if (!this.inbound.allows(NAME, tenant)) {
        res.status(403).json({ error: 'This tenant is not allowed.' });
        return;
      }
      if (this.credentials && !signedToken(req.headers.authorization)) {
        res.status(401).json({ error: 'The request is not authenticated.' });
        return;
      }
      // The token is checked first (inside process); only an authenticated activity is claimed, so a
      // forged request cannot make the genuine one be skipped. Invokes wait for their answer: not deduplicated.
      await this.adapter.process(req, res, async (context) => {
        const activity = context.activity;
        const keys = activity.type !== 'invoke' && activity.id ? [`${activity.conversation.id}|${activity.id}`] : [];
        const admission = await this.inbound.admit({ channel: NAME, keys, ...(tenant ? { workspace: tenant } : {}) });
        if (!admission.admitted) return;
        let answered = false;
        try {
          await this.remember(context);
          await this.app.run(context);
          answered = true;
        } finally {
          await admission.finish(answered);
        }
      });
    };
  }

  /** The conversation's reference for reminders, written when it changed (not on every turn). */
  private async remember(context: TurnContext): Promise<void> {
    // Without the activity's id, which changes every turn and is not needed to post later.
    const { activityId: _, ...reference } = TurnContext.getConversationReference(context.activity);
    const id = reference.conversation?.id;
    if (!id) return;
    const serialised = JSON.stringify(reference);
    if (this.references.get(id) === serialised) return;
    const stored = await this.store.get(REFERENCES, id);
    if (JSON.stringify(stored) !== serialised) await this.store.put(REFERENCES, id, reference);
    this.references.set(id, serialised);
  }

  private conversationId(context: TurnContext): string {
    return `${NAME}:${context.activity.conversation.id}`;
  }

  private async welcome(context: TurnContext): Promise<void> {
    const added = context.activity.membersAdded ?? [];
    if (!added.some((m) => m.id === context.activity.recipient.id)) return;
    const language = languageOf(context.activity);
    if (language) {
      await context.sendActivity(WORDS.welcome[language]);
      return;
    }
    // The install event usually carries no locale: greet in every language and let the user pick.
    const card = languageChoiceCard(LANGUAGES.map((l) => WORDS.chooseLanguage[l]), LANGUAGES.map((l) => ({ language: l, name: WORDS.languageName[l] })));
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  }

  private async message(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const language = languageOf(activity);
    const value = activity.value as Record<string, unknown> | undefined;
    // A card's Action.Submit fallback arrives as a message with the action's data as its value.
    const replies =
      value && typeof value.verb === 'string'
        ? await this.bot.action({ conversationId: this.conversationId(context), verb: value.verb, data: value, user: { id: activity.from.id, name: activity.from.name }, ...(language ? { language } : {}) })
        : await this.bot.handle({ conversationId: this.conversationId(context), text: activity.text ?? '', user: { id: activity.from.id, name: activity.from.name }, ...(language ? { language } : {}) });
    // An answered question card can only be replaced from its own Action.Execute.
    for (const reply of replies) if (reply.kind !== 'triage-answered') await context.sendActivity(toActivity(reply));
  }

  /** Action.Execute: a checklist comes back as the updated card; anything else as new messages. */
  private async execute(context: TurnContext, data: Record<string, unknown>): Promise<Record<string, unknown> | string> {
    const activity = context.activity;
    const language = languageOf(activity);
    const verb = String((activity.value as { action?: { verb?: string } } | undefined)?.action?.verb ?? data.verb ?? '');
    const replies = await this.bot.action({ conversationId: this.conversationId(context), verb, data, user: { id: activity.from.id, name: activity.from.name }, ...(language ? { language } : {}) });
    const checklist = replies.find((r): r is Extract<Reply, { kind: 'checklist' }> => r.kind === 'checklist');
    // The triage question the button was on comes back answered, in place of the card clicked.
    const answered = replies.find((r): r is Extract<Reply, { kind: 'triage-answered' }> => r.kind === 'triage-answered');
    const others = replies.filter((r) => r !== checklist && r !== answered);
    for (const reply of others) await context.sendActivity(toActivity(reply));
    if (answered) {
      // Replaced for everyone in the conversation, not only for who clicked (teams-ai does that only for cards with a refresh).
      const card = triageAnsweredCard(answered);
      if (activity.replyToId) await context.updateActivity({ ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), id: activity.replyToId });
      return card;
    }
    if (checklist && verb !== 'checklist.open') return checklistCard(checklist.view, [activity.from.id]);
    if (checklist) await context.sendActivity(toActivity(checklist));
    return '✓';
  }
}
