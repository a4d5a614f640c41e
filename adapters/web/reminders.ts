// Reminders in the web chat: posted into the conversation's "channel" in the store, once per
// occurrence key (the store's atomic update is the idempotency check).
import type { Delivery, DeliveryResult, Deliverer } from '../../src/reminders/scheduler.js';
import type { Reminder } from '../../src/reminders/service.js';
import { REMINDER_TEXT } from '../../src/reminders/text.js';
import type { Store } from '../../src/store/store.js';

export const WEB_CHANNEL = 'web-channel';
const KEEP = 100;

export interface ChannelMessage {
  key: string;
  text: string;
  at: string;
  late: boolean;
}

export class WebChannelDeliverer implements Deliverer {
  constructor(private readonly store: Store) {}

  private async append(conversationId: string, message: ChannelMessage): Promise<void> {
    await this.store.update<ChannelMessage[]>(WEB_CHANNEL, conversationId, (messages = []) =>
      messages.some((m) => m.key === message.key) ? messages : [...messages, message].slice(-KEEP),
    );
  }

  async deliver(delivery: Delivery): Promise<DeliveryResult> {
    await this.append(delivery.reminder.conversationId, { key: delivery.key, text: delivery.text, at: new Date().toISOString(), late: delivery.late });
    return { ok: true };
  }

  async tellCreator(reminder: Reminder, reason: string): Promise<void> {
    await this.append(reminder.conversationId, { key: `paused:${reminder.id}`, text: `${REMINDER_TEXT.pausedNotice[reminder.language]} (${reason}).`, at: new Date().toISOString(), late: false });
  }

  async messages(conversationId: string): Promise<ChannelMessage[]> {
    return (await this.store.get<ChannelMessage[]>(WEB_CHANNEL, conversationId)) ?? [];
  }
}
