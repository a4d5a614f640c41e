// Reminders in Teams: proactive messages through the conversation reference stored when the
// conversation last spoke to the bot, with the occurrence's idempotency key in channelData.
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { ConversationReference } from 'botbuilder';
import type { Delivery, DeliveryResult, Deliverer } from '../../src/reminders/scheduler.js';
import { channelOf, type Reminder } from '../../src/reminders/service.js';
import type { Logger } from '../../src/logger.js';
import type { Store } from '../../src/store/store.js';

/** Full conversation references, stored by the Teams channel, for proactive messages (reminders). */
export const REFERENCES = 'teams-references';

export class TeamsDeliverer implements Deliverer {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly appId: string,
    private readonly store: Store,
    private readonly logger: Logger,
  ) {}

  async deliver(delivery: Delivery): Promise<DeliveryResult> {
    const reference = await this.store.get<Partial<ConversationReference>>(REFERENCES, channelOf(delivery.reminder.conversationId)!.target);
    if (!reference) return { ok: false, gone: true, reason: 'no conversation reference' };
    try {
      await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
        await context.sendActivity({ type: 'message', text: delivery.text, channelData: { ciiOccurrence: delivery.key } });
      });
      return { ok: true };
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      return { ok: false, gone: status === 403 || status === 404, reason: status ? `HTTP ${status}` : (error as Error).name };
    }
  }

  async tellCreator(reminder: Reminder, reason: string): Promise<void> {
    // The conversation is gone and Teams gives no other way to reach its creator: it is logged.
    this.logger.warn({ event: 'reminder-creator-not-told', reminder: reminder.id, reason }, 'the reminder was paused; its Teams conversation is gone');
  }
}
