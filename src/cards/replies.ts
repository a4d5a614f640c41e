// The Adaptive Card for each kind of reply, where one exists: Teams and the web chat send the same.
import type { Reply } from '../bot.js';
import { answerCard, checklistCard, triageAnsweredCard, triageFormCard, triageQuestionCard, triageResultCard, withGap, type AdaptiveCard } from './adaptive.js';

/**
 * Answers are cached and reused by the bot; so are their cards. A gap button carries the question,
 * so it is added to a copy of the cached card (expanding the template again cost ~0.2 ms a card).
 */
const answerCards = new WeakMap<object, AdaptiveCard>();

export function cardFor(reply: Reply): AdaptiveCard | undefined {
  switch (reply.kind) {
    case 'answer': {
      let card = answerCards.get(reply.answer);
      if (!card) answerCards.set(reply.answer, (card = answerCard(reply.answer)));
      return reply.gap ? withGap(card, reply.gap) : card;
    }
    case 'checklist':
      return checklistCard(reply.view);
    case 'triage-question':
      return reply.input === 'canton' ? undefined : triageQuestionCard(reply);
    case 'triage-answered':
      return triageAnsweredCard(reply);
    case 'triage-result':
      return triageResultCard(reply.result, reply.facts, reply.language, reply.answered);
    case 'triage-form':
      return triageFormCard(reply.canton, reply.title, reply.privacy, reply.questions, reply.language);
    default:
      return undefined;
  }
}
