// Reminders in Teams: proactive messages through the conversation reference stored when the
// conversation last spoke to the bot, with the occurrence's idempotency key in channelData. The
// references are stored in one shape whichever SDK wrote them, so that switching TEAMS_SDK keeps
// every reminder going.
import { LRUCache } from 'lru-cache';
import type { Logger } from '../../src/logger.js';
import type { Delivery, DeliveryResult, Deliverer } from '../../src/reminders/scheduler.js';
import { channelOf, type Reminder } from '../../src/reminders/service.js';
import type { Store } from '../../src/store/store.js';
import type { TeamsActivity, TeamsMessage } from './activity.js';

/** Full conversation references, by conversation id, for proactive messages (reminders). */
export const REFERENCES = 'teams-references';

/** What is needed to post into a conversation later (botbuilder's ConversationReference, without the activity id). */
export interface ConversationReference {
  user: TeamsActivity['from'];
  bot: TeamsActivity['recipient'];
  conversation: TeamsActivity['conversation'];
  channelId: string;
  locale?: string;
  serviceUrl: string;
}

export class References {
  /** The references last stored, so that an unchanged one is not written again. */
  private readonly written = new LRUCache<string, string>({ max: 10_000 });

  constructor(private readonly store: Store) {}

  /** Stores the activity's conversation reference when it changed (not on every turn). */
  async remember(activity: TeamsActivity): Promise<void> {
    // The fields and their order are botbuilder's getConversationReference, without the activity's
    // id, which changes every turn and is not needed to post later.
    const reference: ConversationReference = {
      user: { ...activity.from },
      bot: { ...activity.recipient },
      conversation: { ...activity.conversation },
      channelId: activity.channelId,
      locale: activity.locale,
      serviceUrl: activity.serviceUrl ?? '',
    };
    const id = reference.conversation.id;
    const serialised = JSON.stringify(reference);
    if (this.written.get(id) === serialised) return;
    const stored = await this.store.get(REFERENCES, id);
    if (JSON.stringify(stored) !== serialised) await this.store.put(REFERENCES, id, reference);
    this.written.set(id, serialised);
  }

  get(conversationId: string): Promise<ConversationReference | undefined> {
    return this.store.get<ConversationReference>(REFERENCES, conversationId);
  }
}

/** How an SDK posts a message into a stored conversation. */
export type PostToConversation = (reference: ConversationReference, message: TeamsMessage) => Promise<void>;

export class ReferenceDeliverer implements Deliverer {
  private readonly references: References;

  /** statusOf: the HTTP status of a failed post, as the SDK reports it. */
  constructor(
    store: Store,
    private readonly logger: Logger,
    private readonly post: PostToConversation,
    private readonly statusOf: (error: unknown) => number | undefined,
  ) {
    this.references = new References(store);
  }

  async deliver(delivery: Delivery): Promise<DeliveryResult> {
    const reference = await this.references.get(channelOf(delivery.reminder.conversationId)!.target);
    if (!reference) return { ok: false, gone: true, reason: 'no conversation reference' };
    try {
      await this.post(reference, { type: 'message', text: delivery.text, channelData: { ciiOccurrence: delivery.key } });
      return { ok: true };
    } catch (error) {
      const status = this.statusOf(error);
      return { ok: false, gone: status === 403 || status === 404, reason: status ? `HTTP ${status}` : (error as Error).name };
    }
  }

  async tellCreator(reminder: Reminder, reason: string): Promise<void> {
    // The conversation is gone and Teams gives no other way to reach its creator: it is logged.
    this.logger.warn({ event: 'reminder-creator-not-told', reminder: reminder.id, reason }, 'the reminder was paused; its Teams conversation is gone');
  }
}
