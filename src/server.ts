// The assistant's one HTTP server: `/healthz` and the routes of every channel in the registry
// (the web chat at `/`, Teams at /api/messages, Slack at /slack/events).
import express, { type ErrorRequestHandler } from 'express';
import type { Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import { CHANNELS, type ChannelSettings } from '../adapters/registry.js';
import { Inbound } from './channels/inbound.js';
import type { Channel, ChannelContext, ChannelPlugin } from './channels/channel.js';
import { Scheduler } from './reminders/scheduler.js';
import { reminderMessage } from './reminders/text.js';
import { Bot } from './bot.js';
import { ConfigError, dotEnv, loadConfig, type Config } from './config.js';
import { BODY_LIMIT } from './http/limits.js';
import { fromThisMachine } from './http/loopback.js';
import { KnowledgeError, loadKnowledge, type KnowledgeBase } from './knowledge/loader.js';
import { createLogger, type Logger } from './logger.js';
import { LowStore } from './store/lowdb.js';
import { StoreError, type Store } from './store/store.js';

/** Body-parser errors become a clear status; anything else a 500 without details. */
function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const status = (error as { status?: number }).status;
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') res.status(413).json({ error: `Request body larger than ${BODY_LIMIT}.` });
    else if (type === 'entity.parse.failed') res.status(400).json({ error: 'Malformed JSON.' });
    else if (status && status >= 400 && status < 500) res.status(status).json({ error: 'Bad request.' });
    else {
      logger.error({ event: 'request-failed', path: req.path, error: (error as Error).name }, 'request failed');
      res.status(500).json({ error: 'Internal error.' });
    }
  };
}

export interface Settings extends ChannelSettings {
  /** The reminder claims' lease (ms). */
  reminderLeaseMs?: number;
  /** Teams and Slack user ids of the coordinators (COORDINATORS). */
  coordinators?: readonly string[];
}

export function createApp(kb: KnowledgeBase, store: Store, logger: Logger, settings: Settings = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  const bot = new Bot(kb, store, { coordinators: settings.coordinators ?? [] });
  // One line a request: method, route, status and time; never a body, never message text. Only at
  // the debug level it logs at: otherwise every request would pay for a listener it never uses.
  if (logger.isLevelEnabled('debug')) {
    app.use((req, res, next) => {
      const started = performance.now();
      res.on('finish', () => logger.debug({ event: 'request', method: req.method, path: req.path, status: res.statusCode, ms: Math.round(performance.now() - started) }));
      next();
    });
  }
  // Memory only for this machine (the benchmark's soak run reads it).
  app.get('/healthz', (req, res) => {
    res.json(fromThisMachine(req) ? { status: 'ok', heapMb: process.memoryUsage().heapUsed / 2 ** 20 } : { status: 'ok' });
  });
  const plugins = Object.entries(CHANNELS) as [keyof ChannelSettings, ChannelPlugin<unknown>][];
  const inbound = new Inbound(store, Object.fromEntries(plugins.map(([name, plugin]) => [plugin.name, plugin.allowlist?.(settings[name]) ?? []])), logger);
  const context: ChannelContext = { bot, kb, store, logger, inbound };
  const channels: Channel[] = plugins.flatMap(([name, plugin]) => plugin.create(context, settings[name]) ?? []);
  for (const channel of channels) channel.mount(app);
  app.locals.channels = channels;
  // Reminders go out through the channel their conversation belongs to; start() runs the scheduler.
  const deliverers = new Map(channels.map((c) => [c.name, c.deliverer]));
  app.locals.scheduler = new Scheduler(store, deliverers, logger, undefined, async (reminder, dueAt, late) => {
    if (reminder.digest === 'gaps') return reminderMessage({ ...reminder, what: await bot.gaps.digest(reminder) }, dueAt, late);
    const view = reminder.checklistId ? await bot.checklists.view(reminder.checklistId) : undefined;
    return reminderMessage(reminder, dueAt, late, view ? view.total - view.done : undefined);
  }, settings.reminderLeaseMs);
  app.use(errorHandler(logger));
  return app;
}

/** Each channel's settings from the configuration. */
export function channelSettings(config: Config): ChannelSettings {
  return {
    web: { off: config.WEB_CHAT === 'off', public: config.WEB_CHAT_PUBLIC, ...(config.WEB_CHAT_TOKEN ? { token: config.WEB_CHAT_TOKEN } : {}) },
    teams: {
      sdk: config.TEAMS_SDK,
      MicrosoftAppId: config.MicrosoftAppId,
      MicrosoftAppPassword: config.MicrosoftAppPassword,
      MicrosoftAppTenantId: config.MicrosoftAppTenantId,
      MicrosoftAppType: config.MicrosoftAppType,
      allowedTenants: config.TEAMS_ALLOWED_TENANTS,
    },
    ...(config.SLACK_BOT_TOKEN && (config.SLACK_SIGNING_SECRET || config.SLACK_APP_TOKEN)
      ? {
          slack: {
            botToken: config.SLACK_BOT_TOKEN,
            signingSecret: config.SLACK_SIGNING_SECRET ?? '',
            allowedTeams: config.SLACK_ALLOWED_TEAMS,
            ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
            ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
          },
        }
      : {}),
  };
}

export async function start(config: Config): Promise<{ server: Server; logger: Logger }> {
  const logger = createLogger(config.LOG_LEVEL);
  const started = performance.now();
  const kb = loadKnowledge();
  // PostgreSQL's client loads only when configured (3 MB of heap the embedded store never needs).
  const store = config.DATABASE_URL ? await (await import('./store/postgres.js')).PgStore.open(config.DATABASE_URL) : await LowStore.open(config.DATA_DIR);
  const settings = channelSettings(config);
  const app = createApp(kb, store, logger, { ...settings, reminderLeaseMs: config.REMINDER_LEASE_MS, coordinators: config.COORDINATORS });
  if (!settings.slack) logger.warn({ event: 'slack-off' }, 'SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are not set: the Slack routes are off');
  else logger.info({ event: 'slack-on', mode: settings.slack.appToken ? 'socket' : 'http' }, settings.slack.appToken ? 'Slack in Socket Mode' : 'Slack at /slack/events');
  if (!config.MicrosoftAppId) {
    logger.warn({ event: 'teams-without-credentials' }, 'MicrosoftAppId is not set: /api/messages accepts Teams requests from this machine only, without token validation');
  }
  if (config.WEB_CHAT === 'off') logger.info({ event: 'web-chat-off' }, 'WEB_CHAT=off: no web chat');
  else if (!config.WEB_CHAT_PUBLIC) logger.info({ event: 'web-chat-local' }, 'the web chat answers on this machine only (WEB_CHAT_PUBLIC=true with WEB_CHAT_TOKEN opens it)');
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(config.PORT, config.HOST, () => resolve(s));
  });
  for (const channel of app.locals.channels as Channel[]) await channel.start?.();
  const scheduler = app.locals.scheduler as Scheduler;
  scheduler.start(config.REMINDER_TICK_MS);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  logger.info({ event: 'started', port, ms: Math.round(performance.now() - started) }, config.WEB_CHAT === 'off' ? 'cii-assistant listening' : `cii-assistant listening: web chat at http://localhost:${port}/`);
  const stop = () => {
    logger.info({ event: 'stopping' }, 'finishing requests in flight');
    server.close(async () => {
      await scheduler.stop();
      store
        .close()
        .catch((error: Error) => logger.error({ event: 'store-flush-failed', error: error.message }, 'could not write the store'))
        .finally(() => process.exit(0));
    });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  return { server, logger };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    Object.assign(process.env, dotEnv());
    await start(loadConfig());
  } catch (error) {
    if (error instanceof ConfigError || error instanceof KnowledgeError || error instanceof StoreError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
