// A telephone number or an e-mail address asked for: the base holds only those its sources print
// (the national CII office's). An answer without one says so, offering what it found and the
// passages that do hold a contact, rather than pass a canton's steering off as the contact asked for.
import { MESSAGES, t } from '../i18n.js';
import type { KnowledgeBase } from '../knowledge/loader.js';
import type { FullTextIndex } from '../search/fulltext.js';
import type { Query } from '../understanding/query.js';
import { AnswerBuilder, type Answer } from './builder.js';
import { offerTitles } from './search.js';

/** A telephone number or an e-mail address, as the sources print them. */
const CONTACT = /@|\+41 ?\d/;

export function contactAnswer(kb: KnowledgeBase, index: FullTextIndex, q: Query, found: Answer): Answer | undefined {
  if (!q.wantsContact || CONTACT.test(found.text)) return undefined;
  const lang = q.language;
  const heading = /^\*\*(.+)\*\*$/m.exec(found.text)?.[1];
  const holding = [...new Set(index.passagesWhere((p) => CONTACT.test(p.text[lang])).map((p) => p.heading[lang]))];
  const offered = [...new Set([...(heading && found.confidence > 0 ? [heading] : []), ...holding])].slice(0, 3);
  const b = new AnswerBuilder(kb, lang);
  b.line(t(MESSAGES.noContact, lang));
  if (offered.length > 0) offerTitles(b, lang, offered);
  return { ...b.build(0, offered), settled: true };
}
