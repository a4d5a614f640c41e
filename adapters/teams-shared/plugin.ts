// Teams as a channel plug-in (POST /api/messages), served by the SDK that TEAMS_SDK picks: teams-ai
// v1 (adapters/teams, the default) or the Teams SDK v2 (adapters/teams-v2). The route, the checks
// before any SDK and the lazy loading are the same for both: the SDK loads on first use (it takes
// most of the start-up time and a third of the memory, and a server used only through the web chat
// or Slack never needs it), and a request refused by the checks never loads it.
import express from 'express';
import { deferredDeliverer, type ChannelContext, type ChannelPlugin } from '../../src/channels/channel.js';
import { BODY_LIMIT } from '../../src/http/limits.js';
import type { Deliverer } from '../../src/reminders/scheduler.js';
import { gate, NAME } from './activity.js';

export type TeamsSdk = 'v1' | 'v2';

export interface TeamsConfig {
  /** Which SDK serves the channel; v1 when absent. */
  sdk?: TeamsSdk;
  MicrosoftAppId?: string;
  MicrosoftAppPassword?: string;
  MicrosoftAppTenantId?: string;
  MicrosoftAppType?: string;
  /** Tenants whose activities are served; empty means all. */
  allowedTenants: string[];
}

/** What an SDK's adapter provides; the rest is shared. */
export interface TeamsSdkChannel {
  /** Answers a request that passed the shared checks: the SDK validates its token (401), then runs the turn. */
  handle(req: express.Request, res: express.Response): Promise<void>;
  /** Posts reminders through the stored conversation references. */
  deliverer(): Deliverer;
}

/** Loads an SDK's adapter (a dynamic import, so that the SDK not chosen is never loaded). */
export type TeamsSdkLoader = (context: ChannelContext, config: TeamsConfig) => Promise<TeamsSdkChannel>;

export function teamsChannel(sdks: Record<TeamsSdk, TeamsSdkLoader>): ChannelPlugin<TeamsConfig> {
  return {
    name: NAME,
    allowlist: (settings) => settings?.allowedTenants ?? [],
    create(context, settings) {
      const config = settings ?? { allowedTenants: [] };
      let channel: Promise<TeamsSdkChannel> | undefined;
      const load = () => (channel ??= sdks[config.sdk ?? 'v1'](context, config));
      return {
        name: NAME,
        mount(app) {
          app.post('/api/messages', express.json({ limit: BODY_LIMIT }), (req, res, next) => {
            if (!gate(req, res, Boolean(config.MicrosoftAppId), context.inbound)) return;
            load()
              .then((c) => c.handle(req, res))
              .catch(next);
          });
        },
        deliverer: deferredDeliverer(async () => (await load()).deliverer()),
      };
    },
  };
}
