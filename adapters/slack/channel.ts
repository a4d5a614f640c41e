// Slack as a channel plug-in: on only when configured, loaded in the background from the start so
// that a server without Slack never pays for Bolt. /slack/events reaches Bolt's router with the raw
// body (Bolt verifies the signature over it); in Socket Mode there is no route and start() connects.
import { deferredDeliverer, type ChannelPlugin } from '../../src/channels/channel.js';
import type { SlackChannel, SlackConfig } from './index.js';

export const slack: ChannelPlugin<SlackConfig> = {
  name: 'slack',
  allowlist: (settings) => settings?.allowedTeams ?? [],
  create(context, config) {
    if (!config) return undefined;
    const channel: Promise<SlackChannel> = import('./index.js').then((m) => new m.SlackChannel(context, config));
    channel.catch((error: Error) => context.logger.error({ event: 'slack-load-failed', error: error.name }, 'Slack could not be loaded'));
    return {
      name: 'slack',
      mount(app) {
        if (config.appToken) return;
        app.post('/slack/events', (req, res, next) => {
          channel.then((c) => c.router()!(req, res, next)).catch(next);
        });
      },
      deliverer: deferredDeliverer(async () => (await channel).deliverer()),
      start: async () => (await channel).startSocketMode(),
    };
  },
};
