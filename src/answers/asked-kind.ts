// Kinds of fact the sources hardly give: a telephone number or an e-mail address (only the national
// CII office's), a person's name (none), an insurance's own rules (insured earnings, waiting periods), an amount
// of money (no allowance, wage or price). An answer asked for one and holding none says so, offering what it found
// and, for contacts, the passages that do hold one, rather than pass a canton's steering off as the
// contact asked for, or a project as the allowance.
import { MESSAGES, t, type Localized } from '../i18n.js';
import type { KnowledgeBase } from '../knowledge/loader.js';
import type { FullTextIndex } from '../search/fulltext.js';
import { fold } from '../understanding/normalize.js';
import type { Query } from '../understanding/query.js';
import { AMOUNT_WORDS } from '../understanding/vocabulary.js';
import { AnswerBuilder, type Answer } from './builder.js';
import { offerTitles } from './search.js';

interface Kind {
  asked: (q: Query) => boolean;
  heldIn: (text: string, q: Query) => boolean;
  missing: Localized;
  /**
   * The base holds a few (the national office's contact): it offers them and the question is settled.
   * Otherwise what is asked is a gap in the sources a user may report (an allowance's amount).
   */
  holdsFew: boolean;
}

/** A subject named in a folded text, each of its words in any inflection ("delai cadre" in "délais-cadres"). */
const named = (subject: string) => new RegExp(`\\b${subject.split(' ').join('\\w*\\W+')}`);

/** A person named with a title ("Mme Borel", "Herr Gagg"): the base holds none, and would say so if it did. */
const PERSON = /\b(?:M\.|Mme|Herr|Frau|Dr\.?|Mr\.?|Ms\.?|Sig\.(?:ra)?)\s+\p{Lu}/u;

/** A telephone number or an e-mail address, as the sources print them. */
const CONTACT = /@|\+41 ?\d/;

const KINDS: Kind[] = [
  { asked: (q) => q.wantsContact, heldIn: (text) => CONTACT.test(text), missing: MESSAGES.noContact, holdsFew: true },
  { asked: (q) => q.wantsPerson, heldIn: (text) => PERSON.test(text), missing: MESSAGES.noNames, holdsFew: false },
  // The insurances' own rules: an answer that does not name the subject asked about does not give it.
  { asked: (q) => q.outsideSubjects.length > 0, heldIn: (text, q) => q.outsideSubjects.some((s) => named(s).test(fold(text))), missing: MESSAGES.noRules, holdsFew: false },
  // A percentage is the amount asked for only by a question asking for a share ("how high is the share").
  { asked: (q) => q.wantsAmount, heldIn: (text, q) => AMOUNT_WORDS.test(fold(text)) || (q.wantsShare && /\d\s*%/.test(text)), missing: MESSAGES.noAmount, holdsFew: false },
];

export function askedKindAnswer(kb: KnowledgeBase, index: FullTextIndex, q: Query, found: Answer): Answer | undefined {
  const kind = KINDS.find((k) => k.asked(q) && !k.heldIn(found.text, q));
  if (!kind) return undefined;
  const lang = q.language;
  // What it found: the answer's title, or the closest titles it offered when it found none.
  const heading = /^\*\*(.+)\*\*$/m.exec(found.text)?.[1];
  const closest = heading && found.confidence > 0 ? [heading] : found.followUps;
  const holding = kind.holdsFew ? index.passagesWhere((p) => kind.heldIn(p.text[lang], q)).map((p) => p.heading[lang]) : [];
  const offered = [...new Set([...closest, ...holding])].slice(0, 3);
  const b = new AnswerBuilder(kb, lang);
  b.line(t(kind.missing, lang));
  if (offered.length > 0) offerTitles(b, lang, offered);
  const answer = b.build(0, offered);
  return kind.holdsFew ? { ...answer, settled: true } : answer;
}
