// What an abbreviation means, with its forms in the other languages.
import type { KnowledgeBase } from '../knowledge/loader.js';
import { LANGUAGES } from '../knowledge/schema.js';
import type { FullTextIndex } from '../search/fulltext.js';
import { words } from '../understanding/normalize.js';
import type { Query } from '../understanding/query.js';
import { AnswerBuilder, type Answer } from './builder.js';
import { topicKey } from '../knowledge/topics.js';

/** After a definition: where the base uses the term (the headings of the passages that hold it most). */
function whereUsed(index: FullTextIndex, query: Query, term: string): string[] {
  const termWords = words(term);
  const hits = index.search(termWords, 12, (p) => p.ref.kind !== 'glossary', true).filter((h) => index.coverage(termWords, h.passage, false) === 1);
  return [...new Set(hits.map((h) => h.passage.heading[query.language]))].slice(0, 2);
}

export function glossaryAnswer(kb: KnowledgeBase, index: FullTextIndex, query: Query, terms: string[]): Answer {
  const lang = query.language;
  const b = new AnswerBuilder(kb, lang);
  for (const term of terms) {
    const entry = kb.glossary.entries.find((e) => e.term === term)!;
    b.heading(`${entry.term}: ${entry.long[lang]}`);
    const others = LANGUAGES.filter((l) => l !== lang).map((l) => {
      const abbr = entry.abbreviations?.[l as 'de' | 'it' | 'en'];
      return `${l}: ${entry.long[l]}${abbr ? ` (${abbr})` : ''}`;
    });
    b.line(others.join(' · '));
    const errata = [...(entry.errata ?? []), ...b.errataOf(topicKey({ kind: 'glossary', term }))];
    if (entry.definition) b.fact(entry.definition, entry.source, errata);
    else b.cite(entry.source).errata(errata);
  }
  return b.build(0.9, whereUsed(index, query, terms[0]!), { kind: 'glossary', term: terms[0]! });
}
