// `ask(text, context)`: a question in, an answer with sources out. Structured look-ups first (an
// indication, a canton's part, a list, a definition), the full-text search behind them.
import { MESSAGES, t } from '../i18n.js';
import type { KnowledgeBase } from '../knowledge/loader.js';
import { passagesOf, type Passage } from '../knowledge/passages.js';
import type { Language, Organisme } from '../knowledge/schema.js';
import { FullTextIndex } from '../search/fulltext.js';
import { detectLanguage } from '../understanding/language.js';
import { Understanding, type Query } from '../understanding/query.js';
import type { Answer } from './builder.js';
import { TOPIC_PARTS, cantonAnswer, comparisonAnswer, listAnswer } from './cantons.js';
import { glossaryAnswer } from './glossary.js';
import { blockAnswer, indicationsAnswer, organismeAnswer } from './guide.js';
import { CONFIDENCE_THRESHOLD, searchAnswer } from './search.js';

export const MAX_QUESTION_LENGTH = 2000;

export interface AskContext {
  /** The language to answer in when the question does not tell (the user's last one). */
  language?: Language;
}

/** Words that place an institution question in the EISP guide rather than in a canton. */
const GUIDE_CUES = /^(eisp|convention|conventions|agreement|agreements|vereinbarung|leistungsvereinbarung|convenzion|prestation|leistung|prestazion|entreprise|unternehm|impres|mandat|contrat|vertrag|contratt|contract)/;

const ORGANISME_OF = { AS: 'aide-sociale', AC: 'ac', AI: 'ai' } as const satisfies Record<string, Organisme>;

export class Assistant {
  readonly understanding: Understanding;
  readonly index: FullTextIndex;

  constructor(readonly kb: KnowledgeBase) {
    this.understanding = new Understanding(kb);
    this.index = new FullTextIndex(passagesOf(kb));
  }

  ask(text: string, context: AskContext = {}): Answer {
    const trimmed = text.trim();
    if (trimmed.length === 0 || trimmed.length > MAX_QUESTION_LENGTH) {
      const language = trimmed ? detectLanguage(trimmed, context.language).language : context.language ?? 'fr';
      const message = trimmed ? MESSAGES.tooLong : MESSAGES.empty;
      return { text: t(message, language), language, sources: [], confidence: 0, followUps: [] };
    }
    return this.route(this.understanding.read(trimmed, context.language));
  }

  private route(q: Query): Answer {
    const kb = this.kb;
    if (q.indications.length > 0) return indicationsAnswer(kb, q, q.indications);
    if (q.blocks.length > 0) return blockAnswer(kb, q, q.blocks[0]!);
    if (q.wantsDefinition && q.glossaryTerms.length > 0 && q.cantons.length === 0) return glossaryAnswer(kb, q, q.glossaryTerms);
    if (q.cantons.length >= 2) return comparisonAnswer(kb, q);
    if (q.cantons.length === 1) return this.cantonRoute(q);
    const organisme = q.institutions.map((i) => ORGANISME_OF[i as keyof typeof ORGANISME_OF]).find(Boolean);
    if (organisme && q.words.some((w) => GUIDE_CUES.test(w))) return organismeAnswer(kb, q, organisme);
    if (q.wantsList || q.topics.length > 0) {
      const list = listAnswer(kb, q);
      if (list) return list;
    }
    if (q.glossaryTerms.length > 0 && q.words.length <= 4) return glossaryAnswer(kb, q, q.glossaryTerms);
    return searchAnswer(kb, this.index, q);
  }

  private cantonRoute(q: Query): Answer {
    const code = q.cantons[0]!;
    // What the base says about that canton: its inventory parts, and for Neuchâtel its 2013 report.
    const inScope = (p: Passage) =>
      (p.ref.kind === 'canton' && p.ref.code === code) || (code === 'NE' && p.ref.kind === 'document' && p.ref.doc === 'neuchatel');
    // A passage that holds every word of the question beats the topic's part ("NE-ESO critères").
    const [top] = this.index.search(q.text, 1, inScope);
    const exact = top && q.words.length > 1 && this.index.coverage(q.text, top.passage) === 1;
    const topicParts = q.topics[0] ? TOPIC_PARTS[q.topics[0]] : [];
    if (exact && !(top.passage.ref.kind === 'canton' && topicParts.includes(top.passage.ref.part))) {
      return searchAnswer(this.kb, this.index, q, inScope);
    }
    if (q.topics.length > 0) return cantonAnswer(this.kb, q, code);
    if (q.words.length >= 3) {
      const found = searchAnswer(this.kb, this.index, q, inScope);
      if (found.confidence >= CONFIDENCE_THRESHOLD) return found;
    }
    return cantonAnswer(this.kb, q, code);
  }
}
