// Microsoft Teams on the Teams SDK v2 (@microsoft/teams.apps). The App runs on the server's own
// Express route: it is given an HTTP adapter that only keeps the handler it registers, and it is
// initialised, never started, so it opens no port of its own. Thin: it hands activities to the
// shared turns (adapters/teams-shared) and sends what they return.
import { Client, MessageActivityInput, stripMentionsText, type AdaptiveCardActionCardResponse } from '@microsoft/teams.api';
import { App, type HttpRouteHandler, type IActivityContext, type IHttpServerAdapter } from '@microsoft/teams.apps';
import type { Request, Response } from 'express';
import type { ChannelContext } from '../../src/channels/channel.js';
import type { Logger } from '../../src/logger.js';
import type { Deliverer } from '../../src/reminders/scheduler.js';
import type { Store } from '../../src/store/store.js';
import { ADAPTIVE_CARD, cardMessage, type TeamsActivity } from '../teams-shared/activity.js';
import type { TeamsConfig, TeamsSdkChannel } from '../teams-shared/plugin.js';
import { ReferenceDeliverer } from '../teams-shared/references.js';
import { TeamsTurns, type TeamsTurn } from '../teams-shared/turns.js';
import { sdkLogger } from './logger.js';

/** The App's HTTP seam: it registers its messaging handler here, and our route calls it. */
class Route implements IHttpServerAdapter {
  handler?: HttpRouteHandler;

  registerRoute(_method: 'POST', _path: string, handler: HttpRouteHandler): void {
    this.handler = handler;
  }
}

export class TeamsV2Channel implements TeamsSdkChannel {
  private readonly app: App;
  private readonly route = new Route();
  private readonly turns: TeamsTurns;
  private readonly store: Store;
  private readonly logger: Logger;

  /** A channel whose App is initialised (its token validation ready, its handler registered). */
  static async open(context: ChannelContext, config: TeamsConfig): Promise<TeamsV2Channel> {
    const channel = new TeamsV2Channel(context, config);
    await channel.app.initialize();
    return channel;
  }

  private constructor(context: ChannelContext, config: TeamsConfig) {
    ({ store: this.store, logger: this.logger } = context);
    this.turns = new TeamsTurns(context);
    const { MicrosoftAppId = '', MicrosoftAppPassword = '', MicrosoftAppTenantId = '', MicrosoftAppType } = config;
    this.app = new App({
      // Every value is given, empty when unset: the SDK would otherwise read CLIENT_ID, CLIENT_SECRET,
      // TENANT_ID and MANAGED_IDENTITY_CLIENT_ID from the environment, beside our own variables.
      clientId: MicrosoftAppId,
      clientSecret: MicrosoftAppType === 'UserAssignedMSI' ? '' : MicrosoftAppPassword,
      // A multi-tenant registration names no tenant (botbuilder ignores it the same way).
      tenantId: MicrosoftAppType === 'MultiTenant' ? '' : MicrosoftAppTenantId,
      // Without a secret, the app's own id as the managed identity (UserAssignedMSI).
      managedIdentityClientId: MicrosoftAppId,
      // Without credentials, the shared checks accept requests from this machine only.
      dangerouslyAllowUnauthenticatedRequests: !MicrosoftAppId,
      httpServerAdapter: this.route,
      logger: sdkLogger(this.logger),
    });
    // Runs after the SDK validated the token: only an authenticated activity is claimed.
    this.app.use(async (ctx) => {
      try {
        return await this.turns.once(ctx.activity as TeamsActivity, async () => ctx.next());
      } catch (error) {
        // As teams-ai's error handler: logged, answered 200; the claim was released, so a redelivery is answered.
        this.logger.error({ event: 'teams-turn-failed', error: (error as Error).name }, 'a Teams turn failed');
        return undefined;
      }
    });
    this.app.on('conversationUpdate', async (ctx) => this.turns.welcome(turn(ctx)));
    this.app.on('message', async (ctx) => {
      // What teams-ai's removeRecipientMention does: the bot's own mention out of the text.
      ctx.activity.text = stripMentionsText(ctx.activity, { accountId: ctx.activity.recipient.id }) ?? '';
      await this.turns.message(turn(ctx));
    });
    this.app.on('card.action', async (ctx) => {
      const result = await this.turns.execute(turn(ctx));
      if (typeof result === 'string') return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: result };
      // Replaced in the conversation for everyone, not only in the reply to who clicked.
      const replyToId = ctx.activity.replyToId;
      if (replyToId) await ctx.send({ ...cardMessage(result), id: replyToId });
      // The SDK types cards with its own builder's interface; ours are the same Adaptive Card JSON.
      return { statusCode: 200, type: ADAPTIVE_CARD, value: result as unknown as AdaptiveCardActionCardResponse['value'] };
    });
    // Invokes the routes above do not take reach this one, and are answered 200 without a body.
    this.app.on('invoke', async (ctx) => this.turns.ignore(ctx.activity as TeamsActivity));
  }

  async handle(req: Request, res: Response): Promise<void> {
    const response = await this.route.handler!({ body: req.body, headers: req.headers as Record<string, string | string[]> });
    res.status(response.status).send(response.body);
  }

  /** Posts reminders to the conversations that spoke to the bot, with the App's credentials. */
  deliverer(): Deliverer {
    return new ReferenceDeliverer(
      this.store,
      this.logger,
      async (reference, message) => {
        // At the conversation's own service URL, which the SDK joins to its paths with a slash.
        const api = new Client(reference.serviceUrl.replace(/\/+$/, ''), this.app.api.http);
        // From the bot, into the conversation, as the SDK's own sends are (its extension fields carry them).
        const { type: _type, text, ...fields } = message;
        await api.conversations.activities(reference.conversation.id).create(new MessageActivityInput(text, { ...fields, from: reference.bot, conversation: reference.conversation }));
      },
      (error) => (error as { response?: { status?: number } }).response?.status,
    );
  }
}

/** The turn as the shared code takes it; replies name the activity they answer, as botbuilder's do. */
function turn(ctx: IActivityContext): TeamsTurn {
  const activity = ctx.activity as TeamsActivity;
  return {
    activity,
    send: async (message) => {
      await ctx.send({ ...message, ...(activity.id ? { replyToId: activity.id } : {}) });
    },
  };
}
