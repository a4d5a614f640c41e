// Microsoft Teams on teams-ai v1: an Application on botbuilder's CloudAdapter. Thin: it hands
// activities to the shared turns (adapters/teams-shared) and sends what they return.
// From their own modules: the package's index also loads every model, planner, tokenizer and data
// source of its AI features, which this bot does not use (11 MB of heap, half a second at start).
import { Application } from '@microsoft/teams-ai/lib/Application.js';
import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter.js';
import type { AdaptiveCard as TeamsCard } from '@microsoft/teams-ai';
import { ActivityTypes, ConfigurationServiceClientCredentialFactory, type TurnContext } from 'botbuilder';
import type { Request, Response } from 'express';
import type { ChannelContext } from '../../src/channels/channel.js';
import type { Logger } from '../../src/logger.js';
import type { Store } from '../../src/store/store.js';
import { cardMessage } from '../teams-shared/activity.js';
import type { TeamsConfig, TeamsSdkChannel } from '../teams-shared/plugin.js';
import { TeamsTurns, type TeamsTurn } from '../teams-shared/turns.js';
import { reuseConnectorClients } from './connector-clients.js';
import { TeamsDeliverer } from './reminders.js';

export class TeamsChannel implements TeamsSdkChannel {
  private readonly adapter: TeamsAdapter;
  private readonly app: Application;
  private readonly turns: TeamsTurns;
  private readonly store: Store;
  private readonly logger: Logger;

  constructor(context: ChannelContext, private readonly config: TeamsConfig) {
    ({ store: this.store, logger: this.logger } = context);
    this.turns = new TeamsTurns(context);
    const { MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId, MicrosoftAppType } = config;
    const settings = MicrosoftAppId ? { MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId, MicrosoftAppType } : {};
    this.adapter = new TeamsAdapter(settings, new ConfigurationServiceClientCredentialFactory(settings));
    reuseConnectorClients(this.adapter);
    this.app = new Application({ adapter: this.adapter, ...(MicrosoftAppId ? { botAppId: MicrosoftAppId } : {}), removeRecipientMention: true, startTypingTimer: false });
    this.app.error(async (_context, error) => {
      this.logger.error({ event: 'teams-turn-failed', error: error.name }, 'a Teams turn failed');
    });
    this.app.conversationUpdate('membersAdded', async (context) => this.turns.welcome(turn(context)));
    this.app.activity('message', async (context) => this.turns.message(turn(context)));
    this.app.adaptiveCards.actionExecute(/.*/, async (context) => {
      const result = await this.turns.execute(turn(context));
      // teams-ai replaces a card that has a refresh (the checklist) for everyone itself; the others here.
      const replyToId = context.activity.replyToId;
      if (typeof result !== 'string' && !result.refresh && replyToId) await context.updateActivity({ ...cardMessage(result), id: replyToId });
      return result as TeamsCard | string;
    });
    // Invokes the routes above do not take reach this one (botbuilder would answer 501).
    this.app.activity(ActivityTypes.Invoke, async (context) => {
      this.turns.ignore(context.activity);
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200 } });
    });
  }

  /** Posts reminders to the conversations that spoke to the bot. */
  deliverer(): TeamsDeliverer {
    return new TeamsDeliverer(this.adapter, this.config.MicrosoftAppId ?? '', this.store, this.logger);
  }

  /** botbuilder validates the token (inside process); only then is the activity claimed and answered. */
  async handle(req: Request, res: Response): Promise<void> {
    await this.adapter.process(req, res, async (context) => {
      await this.turns.once(context.activity, () => this.app.run(context));
    });
  }
}

/** The turn as the shared code takes it; botbuilder makes every send a reply to the activity. */
function turn(context: TurnContext): TeamsTurn {
  return {
    activity: context.activity,
    send: async (message) => {
      await context.sendActivity(message);
    },
  };
}
