// The web chat shows every reply as an Adaptive Card where one exists, rendered in the browser by
// the official renderer; the text stays alongside for screen readers and copying.
import type { Reply } from '../../src/bot.js';
import { answerCard, checklistCard, triageFormCard, triageQuestionCard, triageResultCard, type AdaptiveCard } from '../../src/cards/adaptive.js';

export function cardFor(reply: Reply): AdaptiveCard | undefined {
  switch (reply.kind) {
    case 'answer':
      return answerCard(reply.answer);
    case 'checklist':
      return checklistCard(reply.view);
    case 'triage-question':
      return reply.choices.length > 0 ? triageQuestionCard(reply.text, reply.choices) : undefined;
    case 'triage-result':
      return triageResultCard(reply.result, reply.facts, reply.language);
    case 'triage-form':
      return triageFormCard(reply.canton, reply.title, reply.privacy, reply.questions, reply.language);
    default:
      return undefined;
  }
}
