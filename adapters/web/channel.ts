// The local web chat as a channel plug-in: the page at `/` and its JSON endpoints, on this machine
// only unless made public with a token; WEB_CHAT=off removes it.
import type { ChannelPlugin } from '../../src/channels/channel.js';
import type { WebChatAccess } from './access.js';
import { WebChannelDeliverer } from './reminders.js';
import { webChatRouter } from './routes.js';

export interface WebChatSettings extends WebChatAccess {
  off?: boolean;
}

export const web: ChannelPlugin<WebChatSettings> = {
  name: 'web',
  create(context, settings) {
    if (settings?.off) return undefined;
    const deliverer = new WebChannelDeliverer(context.store);
    return {
      name: 'web',
      mount: (app) => app.use(webChatRouter(context.bot, deliverer, settings ?? { public: false })),
      deliverer,
    };
  },
};
