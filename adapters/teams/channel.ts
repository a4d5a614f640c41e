// Teams loads on first use: botbuilder and teams-ai take most of the start-up time and a third of
// the memory, and a server used only through the web chat or Slack never needs them.
import type { RequestHandler } from 'express';
import type { Bot } from '../../src/bot.js';
import type { Logger } from '../../src/logger.js';
import type { Deliverer } from '../../src/reminders/scheduler.js';
import type { Store } from '../../src/store/store.js';
import type { TeamsChannel, TeamsConfig } from './index.js';

export function lazyTeams(bot: Bot, store: Store, config: TeamsConfig, logger: Logger): { handler: RequestHandler; deliverer: Deliverer } {
  let channel: Promise<TeamsChannel> | undefined;
  const load = () => (channel ??= import('./index.js').then((m) => new m.TeamsChannel(bot, store, config, logger)));
  let handler: RequestHandler | undefined;
  return {
    handler: (req, res, next) => {
      load()
        .then((c) => (handler ??= c.handler())(req, res, next))
        .catch(next);
    },
    deliverer: {
      deliver: async (delivery) => (await load()).deliverer().deliver(delivery),
      tellCreator: async (reminder, reason) => (await load()).deliverer().tellCreator(reminder, reason),
    },
  };
}
