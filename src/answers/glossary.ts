// What an abbreviation means, with its forms in the other languages.
import type { KnowledgeBase } from '../knowledge/loader.js';
import { LANGUAGES } from '../knowledge/schema.js';
import type { Query } from '../understanding/query.js';
import { AnswerBuilder, type Answer } from './builder.js';

export function glossaryAnswer(kb: KnowledgeBase, query: Query, terms: string[]): Answer {
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
    if (entry.definition) b.fact(entry.definition, entry.source, entry.errata);
    else {
      b.cite(entry.source);
      for (const e of entry.errata ?? []) b.fact(e.note, e.source);
    }
  }
  return b.build(0.9, []);
}
