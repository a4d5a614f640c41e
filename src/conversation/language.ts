// The conversation's language: the language of the user's last clear sentence, else the one the
// channel gives (the user's pick, the Teams or Slack locale). A short command such as "triage TI"
// or "oui" does not switch it; a full sentence in another language does.
import type { Language } from '../knowledge/schema.js';
import type { LanguageGuess } from '../understanding/language.js';
import { words } from '../understanding/normalize.js';
import type { Store } from '../store/store.js';

const COLLECTION = 'conversation-language';
const TTL_MS = 24 * 60 * 60 * 1000;
/** A sentence is clear when it has this many words that are not codes or numbers… */
const CLEAR_WORDS = 3;
/** …and one language holds at least this share of their votes. */
const CLEAR_CERTAINTY = 0.6;

export class ConversationLanguages {
  constructor(
    private readonly store: Store,
    private readonly detect: (text: string, fallback?: Language) => LanguageGuess,
  ) {}

  /** The language of the conversation's last clear sentence, if any (for buttons, which say none). */
  async remembered(conversationId: string): Promise<Language | undefined> {
    return this.store.get<Language>(COLLECTION, conversationId);
  }

  /** The language the user picked (a button): the conversation's until a clear sentence says another. */
  async choose(conversationId: string, language: Language): Promise<void> {
    await this.store.put(COLLECTION, conversationId, language, { ttlMs: TTL_MS });
  }

  /** The language to answer this message in, remembering it when the message says it clearly. */
  async resolve(conversationId: string, text: string, channel?: Language): Promise<Language | undefined> {
    const remembered = await this.remembered(conversationId);
    const fallback = remembered ?? channel;
    // Canton codes, ids ("#3fa2") and numbers are the same in every language.
    const content = words(text.replace(/\b[A-Z]{2}\b|#\S+/g, ' ')).filter((w) => !/\d/.test(w));
    if (content.length < CLEAR_WORDS) return fallback;
    const guess = this.detect(text, fallback);
    if (guess.certainty < CLEAR_CERTAINTY) return fallback;
    // As a context, a language the message told is not waited for on disk (PutOptions.lazy).
    if (guess.language !== remembered) await this.store.put(COLLECTION, conversationId, guess.language, { ttlMs: TTL_MS, lazy: true });
    return guess.language;
  }
}
