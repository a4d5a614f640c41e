// Reminders in Teams v1: the shared delivery through stored conversation references, posted with
// botbuilder's continueConversation.
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { ConversationReference } from 'botbuilder';
import type { Logger } from '../../src/logger.js';
import type { Store } from '../../src/store/store.js';
import { ReferenceDeliverer } from '../teams-shared/references.js';

export { REFERENCES } from '../teams-shared/references.js';

export class TeamsDeliverer extends ReferenceDeliverer {
  constructor(adapter: TeamsAdapter, appId: string, store: Store, logger: Logger) {
    super(
      store,
      logger,
      (reference, message) =>
        adapter.continueConversationAsync(appId, reference as Partial<ConversationReference>, async (context) => {
          await context.sendActivity(message);
        }),
      (error) => (error as { statusCode?: number }).statusCode,
    );
  }
}
