// A Teams turn as both SDKs run it: the activity goes to the core (Bot.handle, Bot.action), the
// core's replies come back as messages and cards. An SDK adapter gives the activity and a way to
// send into its conversation; what to answer is decided here once.
import type { Bot, Reply } from '../../src/bot.js';
import { checklistCard, languageChoiceCard, triageAnsweredCard, type AdaptiveCard } from '../../src/cards/adaptive.js';
import { cardFor } from '../../src/cards/replies.js';
import type { ChannelContext } from '../../src/channels/channel.js';
import type { Inbound } from '../../src/channels/inbound.js';
import { LANGUAGES } from '../../src/knowledge/schema.js';
import { catalog } from '../../src/locales.js';
import type { Logger } from '../../src/logger.js';
import { cardMessage, deliveryOf, languageOf, NAME, type TeamsActivity, type TeamsMessage } from './activity.js';
import { References } from './references.js';

const WORDS = catalog('teams', ['welcome', 'chooseLanguage', 'languageName'] as const);

/** One activity, as an SDK hands it over. */
export interface TeamsTurn {
  /** The activity, with the bot's own mention already taken out of its text. */
  activity: TeamsActivity;
  /** Posts into the activity's conversation. */
  send(message: TeamsMessage): Promise<void>;
}

export function replyMessage(reply: Reply): TeamsMessage {
  const card = cardFor(reply);
  if (card) return cardMessage(card, 'text' in reply ? reply.text.split('\n')[0] : undefined);
  return { type: 'message', text: 'text' in reply ? reply.text : '' };
}

export class TeamsTurns {
  private readonly bot: Bot;
  private readonly inbound: Inbound;
  private readonly references: References;
  private readonly logger: Logger;

  constructor(context: ChannelContext) {
    ({ bot: this.bot, inbound: this.inbound, logger: this.logger } = context);
    this.references = new References(context.store);
  }

  /**
   * Runs an authenticated activity's turn once per delivery (the shared inbound claim), storing its
   * conversation reference for reminders first; a turn that fails lets a redelivery try again.
   * Undefined when the delivery was already answered or its tenant is not served.
   */
  async once<T>(activity: TeamsActivity, turn: () => Promise<T>): Promise<T | undefined> {
    const admission = await this.inbound.admit(deliveryOf(activity));
    if (!admission.admitted) return undefined;
    let answered = false;
    try {
      await this.references.remember(activity);
      const result = await turn();
      answered = true;
      return result;
    } finally {
      await admission.finish(answered);
    }
  }

  /** The bot was added: greeted in the install's language, or asked to pick one. */
  async welcome({ activity, send }: TeamsTurn): Promise<void> {
    if (!(activity.membersAdded ?? []).some((m) => m.id === activity.recipient.id)) return;
    const language = languageOf(activity);
    if (language) {
      await send({ type: 'message', text: WORDS.welcome[language] });
      return;
    }
    // The install event usually carries no locale: greet in every language and let the user pick.
    await send(cardMessage(languageChoiceCard(LANGUAGES.map((l) => WORDS.chooseLanguage[l]), LANGUAGES.map((l) => ({ language: l, name: WORDS.languageName[l] })))));
  }

  async message({ activity, send }: TeamsTurn): Promise<void> {
    const value = activity.value as Record<string, unknown> | undefined;
    // A card's Action.Submit fallback arrives as a message with the action's data as its value.
    const replies =
      value && typeof value.verb === 'string'
        ? await this.bot.action({ ...this.speaker(activity), verb: value.verb, data: value })
        : await this.bot.handle({ ...this.speaker(activity), text: activity.text ?? '' });
    // An answered question card can only be replaced from its own Action.Execute.
    for (const reply of replies) if (reply.kind !== 'triage-answered') await send(replyMessage(reply));
  }

  /**
   * Action.Execute: what replaces the card clicked (an updated checklist, an answered question),
   * or a short text when the answer comes as new messages. The adapter replaces the card for
   * everyone in the conversation, not only for who clicked.
   */
  async execute({ activity, send }: TeamsTurn): Promise<AdaptiveCard | string> {
    const action = (activity.value as { action?: { verb?: string; data?: Record<string, unknown> } } | undefined)?.action;
    const data = action?.data ?? {};
    const verb = String(action?.verb ?? data.verb ?? '');
    const replies = await this.bot.action({ ...this.speaker(activity), verb, data });
    const checklist = replies.find((r): r is Extract<Reply, { kind: 'checklist' }> => r.kind === 'checklist');
    // The triage question the button was on comes back answered, in place of the card clicked.
    const answered = replies.find((r): r is Extract<Reply, { kind: 'triage-answered' }> => r.kind === 'triage-answered');
    for (const reply of replies) if (reply !== checklist && reply !== answered) await send(replyMessage(reply));
    if (answered) return triageAnsweredCard(answered);
    if (checklist && verb !== 'checklist.open') return checklistCard(checklist.view, [activity.from.id]);
    if (checklist) await send(replyMessage(checklist));
    return '✓';
  }

  /** An invoke no feature takes (a kind the app's manifest does not declare): acknowledged (200) and logged. */
  ignore(activity: TeamsActivity): void {
    this.logger.info({ event: 'teams-invoke-ignored', name: activity.name }, 'an invoke of a kind the app does not handle was acknowledged');
  }

  /** The conversation, the user and their language, as the core takes them. */
  private speaker(activity: TeamsActivity) {
    const language = languageOf(activity);
    return { conversationId: `${NAME}:${activity.conversation.id}`, user: { id: activity.from.id, name: activity.from.name }, ...(language ? { language } : {}) };
  }
}
