// The assistant's one HTTP server: the local web chat at `/`, its API, and `/healthz`.
import express, { type ErrorRequestHandler } from 'express';
import type { Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import type { SlackConfig } from '../adapters/slack/index.js';
import { lazySlack, type LazySlack } from '../adapters/slack/lazy.js';
import type { TeamsConfig } from '../adapters/teams/index.js';
import { lazyTeams } from '../adapters/teams/lazy.js';
import { WebChannelDeliverer } from '../adapters/web/reminders.js';
import { webChatRouter } from '../adapters/web/routes.js';
import { Scheduler } from './reminders/scheduler.js';
import { reminderMessage } from './reminders/text.js';
import { Bot } from './bot.js';
import { ConfigError, dotEnv, loadConfig, type Config } from './config.js';
import { KnowledgeError, loadKnowledge, type KnowledgeBase } from './knowledge/loader.js';
import { createLogger, type Logger } from './logger.js';
import { LowStore } from './store/lowdb.js';
import { PgStore } from './store/postgres.js';
import { StoreError, type Store } from './store/store.js';

/** Request bodies over this size get 413. */
export const BODY_LIMIT = '1mb';

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

export interface Channels {
  teams?: TeamsConfig;
  slack?: SlackConfig;
  /** The reminder claims' lease (ms). */
  reminderLeaseMs?: number;
}

export function createApp(kb: KnowledgeBase, store: Store, logger: Logger, channels: Channels = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  const bot = new Bot(kb, store);
  // One line a request: method, route, status and time; never a body, never message text.
  app.use((req, res, next) => {
    const started = performance.now();
    res.on('finish', () => logger.debug({ event: 'request', method: req.method, path: req.path, status: res.statusCode, ms: Math.round(performance.now() - started) }));
    next();
  });
  // Slack verifies its signature over the raw body: its router comes before the JSON parser.
  const slack = channels.slack ? lazySlack(bot, kb, store, channels.slack, logger) : undefined;
  if (slack) app.use(slack.middleware);
  // In Socket Mode there is no route; start() connects it.
  app.locals.slack = slack;
  app.use(express.json({ limit: BODY_LIMIT }));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  const teams = lazyTeams(bot, store, channels.teams ?? { allowedTenants: [] }, logger);
  app.post('/api/messages', teams.handler);
  const web = new WebChannelDeliverer(store);
  app.use(webChatRouter(bot, web));
  // Reminders go out through each channel; start() runs the scheduler.
  app.locals.scheduler = new Scheduler(store, { web, teams: teams.deliverer, ...(slack ? { slack: slack.deliverer } : {}) }, logger, undefined, async (reminder, dueAt, late) => {
    const view = reminder.checklistId ? await bot.checklists.view(reminder.checklistId) : undefined;
    return reminderMessage(reminder, dueAt, late, view ? view.total - view.done : undefined);
  }, channels.reminderLeaseMs);
  app.use(errorHandler(logger));
  return app;
}

export async function start(config: Config): Promise<{ server: Server; logger: Logger }> {
  const logger = createLogger(config.LOG_LEVEL);
  const started = performance.now();
  const kb = loadKnowledge();
  const store = config.DATABASE_URL ? await PgStore.open(config.DATABASE_URL) : await LowStore.open(config.DATA_DIR);
  const teams: TeamsConfig = {
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
    MicrosoftAppType: config.MicrosoftAppType,
    allowedTenants: config.TEAMS_ALLOWED_TENANTS,
  };
  const slack: SlackConfig | undefined =
    config.SLACK_BOT_TOKEN && (config.SLACK_SIGNING_SECRET || config.SLACK_APP_TOKEN)
      ? {
          botToken: config.SLACK_BOT_TOKEN,
          signingSecret: config.SLACK_SIGNING_SECRET ?? '',
          allowedTeams: config.SLACK_ALLOWED_TEAMS,
          ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
          ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
        }
      : undefined;
  const app = createApp(kb, store, logger, { teams, reminderLeaseMs: config.REMINDER_LEASE_MS, ...(slack ? { slack } : {}) });
  if (!slack) logger.warn({ event: 'slack-off' }, 'SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are not set: the Slack routes are off');
  else logger.info({ event: 'slack-on', mode: slack.appToken ? 'socket' : 'http' }, slack.appToken ? 'Slack in Socket Mode' : 'Slack at /slack/events');
  if (!config.MicrosoftAppId) {
    logger.warn({ event: 'teams-without-credentials' }, 'MicrosoftAppId is not set: /api/messages accepts Teams requests from this machine only, without token validation');
  }
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(config.PORT, config.HOST, () => resolve(s));
  });
  await (app.locals.slack as LazySlack | undefined)?.start();
  const scheduler = app.locals.scheduler as Scheduler;
  scheduler.start(config.REMINDER_TICK_MS);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  logger.info({ event: 'started', port, ms: Math.round(performance.now() - started) }, `cii-assistant listening: web chat at http://localhost:${port}/`);
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
