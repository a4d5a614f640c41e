// The dev set and how an answer is judged against it; shared by the accuracy test and the benchmark.
import { readFileSync } from 'node:fs';
import { load as parse } from 'js-yaml';
import { z } from 'zod';
import { CONFIDENCE_THRESHOLD } from '../../src/answers/search.js';
import type { Assistant } from '../../src/answers/ask.js';
import type { Bot } from '../../src/bot.js';
import type { Answer } from '../../src/answers/builder.js';
import { DOCUMENT_FILES, LANGUAGES, type Language } from '../../src/knowledge/schema.js';
import { fold } from '../../src/understanding/normalize.js';

export type Split = 'training' | 'validation';

const question = z.strictObject({
  id: z.string(),
  lang: z.enum(LANGUAGES),
  q: z.string().min(1),
  mustContain: z.array(z.string().min(1)).optional(),
  /** Each inner list: at least one of its strings (the same fact in several languages or spellings). */
  mustContainAny: z.array(z.array(z.string().min(1)).min(1)).optional(),
  document: z.enum(DOCUMENT_FILES).optional(),
  /** Where in the document the question's author read the answer (for reviewers). */
  source: z.string().optional(),
  /** Questions written blind join the training part once scored; the others are split by id. */
  split: z.enum(['training', 'validation']).optional(),
  outOfScope: z.boolean().optional(),
  /**
   * The language the channel tells (the Teams or Slack locale, the web chat's picker), for questions
   * whose words alone cannot tell ("indication 38" is French and English). A test checks that
   * only such questions carry one.
   */
  locale: z.enum(LANGUAGES).optional(),
});
export type DevQuestion = z.infer<typeof question>;

/** A conversation: turns asked one after the other; the last turn's answer is judged like a question. */
const conversation = question.omit({ q: true }).extend({
  turns: z.array(z.string().min(1)).min(2),
  /** The language the last turn changes to, as bilingual caseworkers do ("Andere Frage: …"): the answer's, where it is not `lang`. */
  answerLang: z.enum(LANGUAGES).optional(),
});
export type DevConversation = z.infer<typeof conversation>;

const questionSet = z.strictObject({ questions: z.array(question), conversations: z.array(conversation).optional() });
export type QuestionSet = z.infer<typeof questionSet>;

/** A set of questions (and conversations) in the dev set's format. */
export function loadQuestionSet(url: URL): QuestionSet {
  return questionSet.parse(parse(readFileSync(url, 'utf8')));
}

/**
 * How long a test over every dev-set question may run: the set grows by each blind set merged, and a
 * busy machine runs it slower; this bounds a hang, it measures no speed (npm run bench does).
 */
export const WHOLE_SET_TIMEOUT_MS = 300_000;

export function loadDevSet(): DevQuestion[] {
  const set = loadQuestionSet(new URL('./devset.yaml', import.meta.url));
  if (set.questions.length < 200) throw new Error('the dev set has fewer than 200 questions');
  return set.questions;
}

/** The assistant's answer to a dev-set question, with the channel's locale where the question has one. */
export function askDev(assistant: Assistant, q: DevQuestion): Answer {
  return assistant.ask(q.q, q.locale ? { language: q.locale } : {});
}

/**
 * A question as a user meets it: the first message of a new conversation, routed by the bot as every
 * message is (a question read as a triage request gets the triage's first question, not an answer).
 */
export function askAsUser(bot: Bot, q: DevQuestion): ReturnType<typeof askConversation> {
  return askConversation(bot, { id: q.id, lang: q.lang, turns: [q.q], ...(q.locale ? { locale: q.locale } : {}) });
}

/** A conversation asked turn by turn in one conversation of the bot; the last turn's answer. */
export async function askConversation(bot: Bot, c: Pick<DevConversation, 'id' | 'lang' | 'turns' | 'locale'>): Promise<Pick<Answer, 'text' | 'language' | 'sources' | 'confidence'>> {
  let last: Awaited<ReturnType<Bot['handle']>>[number] | undefined;
  for (const turn of c.turns) last = (await bot.handle({ conversationId: `devset:${c.id}`, text: turn, ...(c.locale ? { language: c.locale } : {}) })).at(-1);
  if (last?.kind === 'answer') return last.answer;
  return { text: last && 'text' in last ? last.text : '', language: last && 'language' in last ? last.language : c.lang, sources: [], confidence: 1 };
}

/** Digit groups joined: "4,293" in English, "12 800" and "10'000" are 4293, 12800 and 10000 ("2022 454" stays two numbers). */
export function joinGroups(text: string): string {
  return text.replace(/\b(\d{1,3})(?:[ ,'’\u00a0\u202f](\d{3}))+\b/g, (m) => m.replace(/[^\d]/g, ''));
}

/** Folded, with digit groups joined: what an answer and the facts it must contain are compared as. */
export function comparable(text: string): string {
  return joinGroups(fold(text));
}

/** Why an answer fails its question, or undefined when it passes. */
export function judge(q: Omit<DevQuestion, 'q'> & { answerLang?: Language }, answer: Pick<Answer, 'text' | 'language' | 'sources' | 'confidence'>): string | undefined {
  if (q.outOfScope) return answer.confidence < CONFIDENCE_THRESHOLD ? undefined : `answered with confidence ${answer.confidence}`;
  if (answer.confidence < CONFIDENCE_THRESHOLD) return 'said it does not know';
  if (answer.language !== (q.answerLang ?? q.lang)) return `answered in ${answer.language}`;
  const text = comparable(answer.text);
  const missing = [
    ...(q.mustContain ?? []).filter((m) => !text.includes(comparable(m))).map((m) => JSON.stringify(m)),
    ...(q.mustContainAny ?? []).filter((any) => !any.some((m) => text.includes(comparable(m)))).map((any) => `one of ${JSON.stringify(any)}`),
  ];
  if (missing.length > 0) return `missing ${missing.join(', ')}`;
  if (q.document && !answer.sources.some((s) => s.document === q.document)) return `does not cite ${q.document}`;
  return undefined;
}


/**
 * Which part of the dev set a question belongs to, fixed by its id: about one in five is kept for
 * validation. Only training questions are listed by `npm run devset:failures`, to work from;
 * validation questions measure whether what was learnt from them holds on others.
 */
export function splitOf(q: { id: string; split?: Split }): Split {
  if (q.split) return q.split;
  let hash = 2166136261;
  for (const ch of q.id) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  return hash % 5 === 0 ? 'validation' : 'training';
}

export interface Accuracy {
  language: Language;
  passed: number;
  total: number;
}

export function accuracyByLanguage(questions: DevQuestion[], failures: Set<string>): Accuracy[] {
  return LANGUAGES.map((language) => {
    const mine = questions.filter((q) => q.lang === language);
    return { language, total: mine.length, passed: mine.filter((q) => !failures.has(q.id)).length };
  });
}
