// The Adaptive Card for each kind of reply, where one exists: Teams and the web chat send the same.
import type { Reply } from '../bot.js';
import { answerCard, checklistCard, triageAnsweredCard, triageFormCard, triageQuestionCard, triageResultCard, type AdaptiveCard } from './adaptive.js';

/** Answers are cached and reused by the bot; so are their cards (not those with a gap button: it carries the question). */
const answerCards = new WeakMap<object, AdaptiveCard>();

export function cardFor(reply: Reply): AdaptiveCard | undefined {
  switch (reply.kind) {
    case 'answer': {
      if (reply.gap) return answerCard(reply.answer, reply.gap);
      let card = answerCards.get(reply.answer);
      if (!card) answerCards.set(reply.answer, (card = answerCard(reply.answer)));
      return card;
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
