// The answer when no structured look-up fits: the best passages of the full-text search, or an
// honest "I don't know" with the closest topics when the match is weak.
import { MESSAGES, t } from '../i18n.js';
import type { KnowledgeBase } from '../knowledge/loader.js';
import type { Passage } from '../knowledge/passages.js';
import type { FullTextIndex } from '../search/fulltext.js';
import type { Query } from '../understanding/query.js';
import { AnswerBuilder, type Answer } from './builder.js';

/** Below this, the assistant says it does not know rather than quote a weak match. */
export const CONFIDENCE_THRESHOLD = 0.5;

function sameRef(a: Passage, b: Passage): boolean {
  return JSON.stringify(a.ref) === JSON.stringify(b.ref);
}

export function searchAnswer(
  kb: KnowledgeBase,
  index: FullTextIndex,
  query: Query,
  filter?: (p: Passage) => boolean,
): Answer {
  const lang = query.language;
  const hits = index.search(query.text, 8, filter);
  const top = hits[0];
  const coverage = top ? index.coverage(query.text, top.passage) : 0;
  const confidence = top ? Math.min(0.85, 0.2 + 0.7 * coverage) : 0;
  const b = new AnswerBuilder(kb, lang);
  if (!top || confidence < CONFIDENCE_THRESHOLD) {
    b.line(t(MESSAGES.dontKnow, lang));
    const suggestions = [...new Map(hits.map((h) => [h.passage.heading[lang], h.passage])).keys()].slice(0, 3);
    if (suggestions.length > 0) b.line(`${t(MESSAGES.didYouMean, lang)}: ${suggestions.map((s) => `« ${s} »`).join(', ')} ?`);
    return b.build(confidence, suggestions);
  }
  b.heading(top.passage.heading[lang]);
  const related = hits.filter((h) => h === top || (sameRef(h.passage, top.passage) && h.score >= 0.6 * top.score)).slice(0, 3);
  for (const h of related) b.fact(h.passage.text, h.passage.source, h.passage.errata, h.passage.asOf);
  const others = [...new Map(hits.filter((h) => !sameRef(h.passage, top.passage)).map((h) => [h.passage.heading[lang], h])).keys()];
  return b.build(confidence, others.slice(0, 2));
}
