// Slack loads only when it is configured, in the background from the start, so that a server
// without Slack never pays for Bolt. Its route must see the raw body (for the signature), so this
// middleware sits before the JSON parser and hands /slack/events to Bolt's router once loaded.
import type { RequestHandler } from 'express';
import type { Bot } from '../../src/bot.js';
import type { KnowledgeBase } from '../../src/knowledge/loader.js';
import type { Logger } from '../../src/logger.js';
import type { Deliverer } from '../../src/reminders/scheduler.js';
import type { Store } from '../../src/store/store.js';
import type { SlackChannel, SlackConfig } from './index.js';

export interface LazySlack {
  middleware: RequestHandler;
  deliverer: Deliverer;
  /** Connects in Socket Mode when an app token is configured. */
  start(): Promise<void>;
}

export function lazySlack(bot: Bot, kb: KnowledgeBase, store: Store, config: SlackConfig, logger: Logger): LazySlack {
  const channel: Promise<SlackChannel> = import('./index.js').then((m) => new m.SlackChannel(bot, kb, store, config, logger));
  channel.catch((error: Error) => logger.error({ event: 'slack-load-failed', error: error.name }, 'Slack could not be loaded'));
  return {
    middleware: (req, res, next) => {
      if (req.path !== '/slack/events' || config.appToken) {
        next();
        return;
      }
      channel.then((c) => c.router()!(req, res, next)).catch(next);
    },
    deliverer: {
      deliver: async (delivery) => (await channel).deliverer().deliver(delivery),
      tellCreator: async (reminder, reason) => (await channel).deliverer().tellCreator(reminder, reason),
    },
    start: async () => (await channel).startSocketMode(),
  };
}
