// Kinds of fact the sources hardly give: a telephone number or an e-mail address (only the national
// CII office's), a person's name (none), a law article they do not name, an insurance's own rules (insured earnings, waiting periods), an amount
// of money (no allowance, wage or price). An answer asked for one and holding none says so, offering what it found
// and, for contacts, the passages that do hold one, rather than pass a canton's steering off as the
// contact asked for, or a project as the allowance.
import { MESSAGES, t, type Localized } from '../i18n.js';
import type { KnowledgeBase } from '../knowledge/loader.js';
import { documentContext } from '../knowledge/passages.js';
import type { FullTextIndex } from '../search/fulltext.js';
import { YEAR, fold, words, yearSpans } from '../understanding/normalize.js';
import { articlesIn, type Query } from '../understanding/query.js';
import { AMOUNT_WORDS, CURRENCY_WORDS, TIME_SPAN } from '../understanding/vocabulary.js';
import { AnswerBuilder, bodyOf, type Answer } from './builder.js';
import { CONFIDENCE_THRESHOLD, CONTACT, offerTitles, searchAnswer } from './search.js';

interface Kind {
  asked: (q: Query) => boolean;
  /** Whether the answer's text holds what is asked (`dated`: the dates of the documents it cites, as they write them). */
  heldIn: (text: string, q: Query, dated: string, index: FullTextIndex) => boolean;
  missing: Localized;
  /**
   * The base holds a few (the national office's contact): it offers them and the question is settled.
   * Otherwise what is asked is a gap in the sources a user may report (an allowance's amount).
   */
  holdsFew: boolean;
}

/** A subject named in a folded text, each of its words in any inflection ("delai cadre" in "délais-cadres"). */
/** Whether the question asks for a figure: how many, how long, how much, how often, when. */
const asksFigure = (q: Query) => q.wantsCount || q.wantsDuration || q.wantsAmount || q.wantsShare || q.wantsFrequency || q.wantsDate;

/** Where a clause of an answer ends: a sentence, a bullet, a semicolon. */
const CLAUSE_END = /[.;:\n•]\s/;
/** Where a sentence of an answer ends. */
const SENTENCE_END = /[.\n•]\s/;
const named = (subject: string) => new RegExp(`\\b${subject.split(' ').join('\\w*\\W+')}`);

/** A person named with a title ("Mme Borel", "Herr Gagg"): the base holds none, and would say so if it did. */
const PERSON = /\b(?:M\.|Mme|Herr|Frau|Dr\.?|Mr\.?|Ms\.?|Sig\.(?:ra)?)\s+\p{Lu}/u;

/** Whether a text gives a fact for the year: the year itself, or a period that spans it ("2009-2013"). */
function coversYear(text: string, year: number): boolean {
  if (new RegExp(`\\b${year}\\b`).test(text)) return true;
  return yearSpans(text).some(([first, last]) => first <= year && year <= last);
}

/** How many words from a year a document's name may stand to date it ("l'inventaire CII 2025", "enquête de 2023"). */
const NAME_REACH = 2;

/**
 * The cited document's date, when the question names the document beside a year it asks about
 * ("selon l'inventaire 2025"): that year dates the document, not the facts ("cases in 2025").
 */
function documentDated(kb: KnowledgeBase, file: string, q: Query): string[] {
  const d = kb.sources.documents.find((x) => x.file === file);
  const name = documentContext(kb, file, 'short');
  if (!d || !name) return [];
  // The document's names as its passages hold them, and the words of its date ("enquête de 2023").
  const naming = new Set(words([...Object.values(name), ...Object.values(d.date)].join(' ')).filter((w) => !/^\d+$/.test(w)));
  const named = q.words.some((w, i) => YEAR.test(w) && q.words.slice(Math.max(0, i - NAME_REACH), i + NAME_REACH + 1).some((n) => naming.has(n)));
  return named ? [d.date[q.language]] : [];
}

const KINDS: Kind[] = [
  // A year asked for when the answer dates its facts to others: its figures are another year's
  // (2022's cases for 2024). A year that dates the document cited ("the 2025 inventory", "the 2023
  // survey") is held; an answer that dates nothing tells how things stand ("who steers it in 2027?").
  { asked: (q) => q.years.length > 0, heldIn: (text, q, dated) => !/\b(19|20)\d\d\b/.test(text) || q.years.some((y) => coversYear(`${text} ${dated}`, y)), missing: MESSAGES.noYear, holdsFew: false },
  { asked: (q) => q.wantsContact, heldIn: (text) => CONTACT.test(text), missing: MESSAGES.noContact, holdsFew: true },
  { asked: (q) => q.wantsPerson, heldIn: (text) => PERSON.test(text), missing: MESSAGES.noNames, holdsFew: false },
  // The insurances' own rules: an answer that does not name the subject asked about does not give
  // it; one asked for a figure (a framework period's length, a number of allowances) gives it only
  // where a clause names the subject with a number, not in passing ("several framework periods").
  { asked: (q) => q.outsideSubjects.length > 0, heldIn: (text, q) => fold(text).split(CLAUSE_END).some((clause) => (!asksFigure(q) || /\d/.test(clause)) && q.outsideSubjects.some((s) => named(s).test(clause))), missing: MESSAGES.noRules, holdsFew: false },
  // A deadline is given as a time span ("within 30 days", "innert 3 Arbeitstagen") in a sentence about
  // what is asked: "12 % move to social assistance within six months" is no deadline to register.
  {
    asked: (q) => q.wantsDeadline,
    heldIn: (text, q, _, index) => fold(text).split(SENTENCE_END).some((sentence) => TIME_SPAN.test(sentence) && index.textCoverage(q.meaningfulWords, { [q.language]: sentence }) > 0),
    missing: MESSAGES.noDeadline,
    holdsFew: false,
  },
  // Another country: the base covers Switzerland only; a question naming a canton too is about that
  // canton ("a diploma obtained in Italy: is there help in Basel-Stadt?").
  { asked: (q) => q.abroad && q.cantons.length === 0, heldIn: () => false, missing: MESSAGES.noAbroad, holdsFew: false },
  // A law's own wording: the base quotes none.
  { asked: (q) => q.wantsLawText, heldIn: () => false, missing: MESSAGES.noLawText, holdsFew: false },
  // A law article asked for by its number: only an answer naming that article gives it.
  { asked: (q) => q.articles.length > 0, heldIn: (text, q) => articlesIn(words(text)).some((n) => q.articles.includes(n)), missing: MESSAGES.noArticle, holdsFew: false },
  // A percentage is the amount asked for only by a question asking for a share ("how high is the share").
  // Money named in the question ("in Franken") is given only by a text naming the currency, not by "half" or "free".
  { asked: (q) => q.wantsAmount, heldIn: (text, q) => (CURRENCY_WORDS.test(q.words.join(' ')) ? CURRENCY_WORDS : AMOUNT_WORDS).test(fold(text)) || (q.wantsShare && /\d\s*%/.test(text)), missing: MESSAGES.noAmount, holdsFew: false },
];

export function askedKindAnswer(kb: KnowledgeBase, index: FullTextIndex, q: Query, found: Answer): Answer | undefined {
  // The closing lines (the edition cited) date the answer as a whole, as the documents' own dates do.
  // Only a year asked for needs them.
  const dated = q.years.length > 0 ? [...found.sources.flatMap((s) => documentDated(kb, s.document, q)), ...(found.notes ?? [])].join(' ') : '';
  const lang = q.language;
  // An unsure answer that offers passages holding what is asked does not say the base lacks it.
  const offered = found.confidence < CONFIDENCE_THRESHOLD ? index.passagesWhere((p) => found.followUps.includes(p.heading[lang])) : [];
  const held = (k: Kind) => k.heldIn(bodyOf(found), q, dated, index) || offered.some((p) => k.heldIn(p.text[lang], q, '', index));
  const kind = KINDS.find((k) => k.asked(q) && !held(k));
  if (!kind) return undefined;
  // What few passages give (a contact) is looked for among them: the question may name the one that has it.
  if (kind.holdsFew && q.cantons.length === 0) {
    const among = searchAnswer(kb, index, q, (p) => kind.heldIn(p.text[lang], q, '', index));
    if (among.confidence >= CONFIDENCE_THRESHOLD) return among;
  }
  // What it found: the answer's title (a list's is none to ask for), or the titles it offered.
  const heading = /^\*\*(.+)\*\*$/m.exec(found.text)?.[1];
  const closest = heading && found.confidence > 0 && found.about ? [heading] : found.followUps;
  const holding = kind.holdsFew ? index.passagesWhere((p) => kind.heldIn(p.text[lang], q, '', index)).map((p) => p.heading[lang]) : [];
  // The few passages that give what is asked come first: the offer is cut at three.
  const titles = [...new Set([...holding, ...closest])].slice(0, 3);
  const b = new AnswerBuilder(kb, lang);
  b.line(t(kind.missing, lang));
  if (titles.length > 0) offerTitles(b, lang, titles);
  const answer = b.build(0, titles);
  return kind.holdsFew ? { ...answer, settled: true } : answer;
}
