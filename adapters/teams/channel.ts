// Teams as a channel plug-in (POST /api/messages). It loads on first use: botbuilder and teams-ai
// take most of the start-up time and a third of the memory, and a server used only through the web
// chat or Slack never needs them.
import express from 'express';
import { deferredDeliverer, type ChannelPlugin } from '../../src/channels/channel.js';
import type { TeamsChannel, TeamsConfig } from './index.js';
import { BODY_LIMIT } from '../../src/http/limits.js';

export const teams: ChannelPlugin<TeamsConfig> = {
  name: 'teams',
  allowlist: (settings) => settings?.allowedTenants ?? [],
  create(context, settings) {
    const config = settings ?? { allowedTenants: [] };
    let channel: Promise<TeamsChannel> | undefined;
    const load = () => (channel ??= import('./index.js').then((m) => new m.TeamsChannel(context, config)));
    return {
      name: 'teams',
      mount(app) {
        let handler: express.RequestHandler | undefined;
        app.post('/api/messages', express.json({ limit: BODY_LIMIT }), (req, res, next) => {
          load()
            .then((c) => (handler ??= c.handler())(req, res, next))
            .catch(next);
        });
      },
      deliverer: deferredDeliverer(async () => (await load()).deliverer()),
    };
  },
};
