// Reminders in Slack: chat.postMessage to the channel, with the occurrence's idempotency key in the
// message metadata. A channel that is gone or a revoked token pauses the reminder; its creator
// hears of it in a direct message.
import type { WebClient } from '@slack/web-api';
import type { Delivery, DeliveryResult, Deliverer } from '../../src/reminders/scheduler.js';
import { channelOf, type Reminder } from '../../src/reminders/service.js';
import { REMINDER_TEXT } from '../../src/reminders/text.js';

/** Slack errors after which posting again cannot help. */
const GONE = new Set(['channel_not_found', 'is_archived', 'not_in_channel', 'invalid_auth', 'token_revoked', 'account_inactive', 'team_access_not_granted', 'missing_scope']);

export class SlackDeliverer implements Deliverer {
  constructor(private readonly client: WebClient) {}

  async deliver(delivery: Delivery): Promise<DeliveryResult> {
    try {
      await this.client.chat.postMessage({
        channel: channelOf(delivery.reminder.conversationId)!.target,
        text: delivery.text,
        metadata: { event_type: 'cii_reminder', event_payload: { occurrence: delivery.key } },
      });
      return { ok: true };
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error ?? (error as Error).name;
      return { ok: false, gone: GONE.has(code), reason: code };
    }
  }

  async tellCreator(reminder: Reminder, reason: string): Promise<void> {
    await this.client.chat.postMessage({ channel: reminder.creator.id, text: `${REMINDER_TEXT.pausedNotice[reminder.language]} (${reason}): ${reminder.what}` });
  }
}
