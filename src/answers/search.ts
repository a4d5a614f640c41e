// The answer when no structured look-up fits: the best passages of the full-text search, or an
// honest "I don't know" with the closest topics when the match is weak.
import { MESSAGES, t } from '../i18n.js';
import type { KnowledgeBase } from '../knowledge/loader.js';
import type { Language } from '../knowledge/schema.js';
import type { Passage, PassageRef } from '../knowledge/passages.js';
import { stems, type FullTextIndex, type SearchHit } from '../search/fulltext.js';
import { fold, words } from '../understanding/normalize.js';
import { questionWords } from '../understanding/phrases.js';
import type { Query } from '../understanding/query.js';
import { AUDIENCE_WORDS, DURATION_WORDS, EXAMPLE_WORDS, FREQUENCY_WORDS, REASON_WORDS } from '../understanding/vocabulary.js';
import { AnswerBuilder, type Answer } from './builder.js';

/** How many of the full-text search's best passages are re-ranked by the share of the question they hold (more lets loose matches in). */
export const CANDIDATES = 12;

/** Below this, the assistant says it does not know rather than quote a weak match. */
export const CONFIDENCE_THRESHOLD = 0.5;

/**
 * The share of a question that tells a situation before it asks that an answer must hold: the
 * telling sentences hold words no passage need hold, and the question's ask is often a few words
 * pointing back to them ("is there a rule for that?"). Set on the training questions.
 */
const TOLD_FIRST_SHARE = 0.3;

/**
 * A long question (this many words to hold or more) says more than what it asks, in words of its
 * own ("she doesn't know which strategy to choose…"): the share of it an answer must hold. Set on
 * the training questions (shorter or lower answer more questions that are out of scope).
 */
const LONG_QUESTION = 9;
const LONG_SHARE = 0.4;

/**
 * How sure an answer from the passage is, holding that share of the question, on one scale for
 * every question: the threshold is where it holds enough. A question that tells a situation first
 * needs less of it held when the passage holds a word it asks with, or when it asks with no word of
 * its own ("c'est possible ?"); not when it asks of something else ("… What about the weather tomorrow?").
 * A long question needs less of it held too.
 */
export function confidenceOf(index: FullTextIndex, query: Query, passage: Passage, coverage: number): number {
  const asking = query.askedAfterTelling;
  const known = asking?.filter((w) => index.weight(w) > 0 && index.knows(w));
  const told = !!asking && !!known && (asking.length === 0 || known.length > 0) && (known.length === 0 || index.coverage(known, passage) > 0);
  const share = told ? TOLD_FIRST_SHARE : wordsToMatch(query).length >= LONG_QUESTION ? LONG_SHARE : undefined;
  if (share === undefined) return coverage;
  // Linear on each side of the share, which maps to the threshold: 0 and 1 stay where they are.
  return coverage < share ? (coverage * CONFIDENCE_THRESHOLD) / share : CONFIDENCE_THRESHOLD + ((coverage - share) * (1 - CONFIDENCE_THRESHOLD)) / (1 - share);
}

/** The confidence of an answer that can only say the inventory reports nothing: under the threshold. */
export const NOTHING_REPORTED = 0.3;

/** References are flat records: the same kind and the same values. */
export function sameRef(a: PassageRef, b: PassageRef): boolean {
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  for (const k in x) if (x[k] !== y[k]) return false;
  return true;
}

/** Each passage's fellows under its reference (a section's other facts), in the base's order: found once per passage. */
const FELLOWS = new WeakMap<Passage, Passage[]>();

function fellowsOf(index: FullTextIndex, passage: Passage): Passage[] {
  let fellows = FELLOWS.get(passage);
  if (!fellows) FELLOWS.set(passage, (fellows = index.passagesWhere((p) => p.id !== passage.id && sameRef(p.ref, passage.ref))));
  return fellows;
}

/** A short document (Neuchâtel 2013, OIAS, the programme sheet) answers across its sections. */
function sameSource(a: Passage, b: Passage): boolean {
  return (a.ref.kind === 'document' && b.ref.kind === 'document' && a.ref.doc === b.ref.doc && a.ref.doc !== 'inventory') || sameRef(a.ref, b.ref);
}

/** What the search looks for: the question's words and the glossary terms their synonyms stand for. */
export function searchWords(query: Query): string[] {
  return [...query.words, ...query.glossaryTerms.map((t) => t.toLowerCase())];
}

/** The words a passage must hold for the assistant to trust it. */
export function wordsToMatch(query: Query): string[] {
  return query.meaningfulWords.length > 0 ? query.meaningfulWords : query.words;
}

/** Whether the passage has something to say: a canton's part the inventory does not report has not (offering it helps no one). */
export function reported(kb: KnowledgeBase, p: Passage): boolean {
  return p.ref.kind !== 'canton' || kb.cantons.get(p.ref.code)!.inventory[p.ref.part].status === 'reported';
}

/** "Did you mean: « A », « B » ?", offering passages by their titles. */
export function offerTitles(b: AnswerBuilder, lang: Language, titles: string[]): void {
  b.line(`${t(MESSAGES.didYouMean, lang)}: ${titles.map((s) => `« ${s} »`).join(', ')} ?`);
}

export function dontKnow(kb: KnowledgeBase, query: Query, hits: SearchHit[], confidence = 0): Answer {
  const lang = query.language;
  const b = new AnswerBuilder(kb, lang);
  b.line(t(MESSAGES.dontKnow, lang));
  const suggestions = [...new Set(hits.filter((h) => reported(kb, h.passage)).map((h) => h.passage.heading[lang]))].slice(0, 3);
  // Something close: offer it. Nothing close: the question is outside the base; say what it covers.
  if (suggestions.length > 0) offerTitles(b, lang, suggestions);
  else b.line(t(MESSAGES.covers, lang));
  return b.build(confidence, suggestions);
}

/** Whether a title is itself a question ("What is it about?"): said after an answer, it asks about that answer. */
export function isQuestionTitle(heading: string): boolean {
  return heading.trim().endsWith('?');
}

/** A year, or a date written "01.06.24". */
const YEAR = /\b(19|20)\d\d\b|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b/;

/**
 * The search's hits re-ranked by how many of the question's words each holds (a passage that holds
 * them all beats a shorter one that scores higher on a single rare word), then by score; a
 * question asking "how many" prefers passages with figures, "when" those with a year, "what
 * percentage" those with a percentage, "how often" those that give a frequency, "how long" those that give a duration.
 */
export function rankedSearch(
  index: FullTextIndex,
  query: Query,
  limit: number,
  filter?: (p: Passage) => boolean,
): RankedHit[] {
  const asked = searchWords(query);
  const found = index.search(asked, limit, filter);
  // A document the question names has its own best passages among the candidates ("Merkblatt 5:
  // Empfehlungen?"); within it, its own name is no clue ("what does the OIAS report say about reserves?").
  const { documents, documentWords } = query;
  const named = documents
    ? index.search(asked.filter((w) => !documentWords?.includes(w)), limit, (p) => documents.includes(p.source.document) && (!filter || filter(p)))
    : [];
  // So has the kind of fact the question asks for ("how long": passages that give a duration), which
  // a passage scoring lower on the words may hold as well as those that score higher.
  const kinds = kindsAsked(query);
  const giving = kinds.length > 0 ? index.search(asked, limit, (p) => kinds.some((kind) => kindsOf(p)[kind]) && (!filter || filter(p))) : [];
  const seen = new Set(found.map((f) => f.passage.id));
  const hits = [...found, ...[...named, ...giving].filter((n) => !seen.has(n.passage.id) && seen.add(n.passage.id))];
  // Passages holding as much of the question are told apart by how well the search scored them.
  const best = Math.max(...hits.map((h) => h.score));
  const rank = (h: RankedHit) => closeness(h) + (SEARCH_SCORE_SHARE * h.hit.score) / best;
  // A document the question names answers first, where a passage of it holds the question.
  const fromNamed = (h: RankedHit) => (documents?.includes(h.hit.passage.source.document) && h.coverage >= CONFIDENCE_THRESHOLD ? 1 : 0);
  return hits
    .map((hit) => ranked(index, query, hit))
    .sort((a, b) => fromNamed(b) - fromNamed(a) || rank(b) - rank(a) || b.hit.score - a.hit.score);
}

/** A passage found, with the share of the question it holds and what else speaks for it. */
export interface RankedHit {
  hit: SearchHit;
  coverage: number;
  bonus: number;
}

/**
 * What the full-text score adds to a passage's rank, as a share of the best candidate's: a passage
 * that holds the question's words where they count most (its title, its alternate questions) comes
 * first among those that hold as much of it. Set on the training questions (0.1 to 0.5 all gain).
 */
const SEARCH_SCORE_SHARE = 0.2;

/** What holding the kind of fact asked for adds (a figure for "how many"). */
const KIND_BONUS = 0.1;
/** What a document's overview gives up to its sections on a question about something in it. */
const OVERVIEW_YIELD = 0.25;
/** What a passage's title written out in the question adds ("coordination des assurances sociales"). */
export const TITLE_BONUS = 0.25;

/** Each passage's titles as their words in a row, function words aside: the heading whole and each of its parts, its other names; each also spaced as looked for in a question. */
const TITLES = new WeakMap<Passage, { words: string[]; spaced: string }[]>();

/** A question's own words in a row, as titles are looked for in it, once per question read. */
const ASKED = new WeakMap<Query, string>();

/**
 * The least an institution or a glossary term named in a question weighs when passages are ranked
 * (a rare word's weight: it is what the question is about, and a passage on another interface
 * lacks it). The confidence keeps the usual weight, so that naming an institution does not make a
 * question outside the base look answered.
 */
const SUBJECT_FLOOR = 5;

/**
 * A one-word title names its passage only when the word is rare: "Medval" does, "Pilotage" does not;
 * within the document a follow-up is about, any does: its few sections are told apart by their titles ("and the project?").
 */
const RARE_NAME = 4.5;

/**
 * The words of the passage's title that the question writes in a row (function words aside): a
 * heading ("coordination des assurances sociales"), a part of one ("IIZ ZH MOVE"), another name.
 */
function namedTitle(index: FullTextIndex, query: Query, passage: Passage): string[] {
  const own = (ws: string[]) => ws.filter((w) => index.weight(w) > 0);
  let titles = TITLES.get(passage);
  if (!titles) {
    const names = [...Object.values(passage.heading).flatMap((h) => [h, ...h.split(/ — |: /)]), ...(passage.aliases ?? [])];
    const seen = new Set<string>();
    titles = names
      .map((name) => own(questionWords(name)))
      .filter((t) => t.length >= 1 && !seen.has(t.join(' ')) && seen.add(t.join(' ')))
      .map((t) => ({ words: t, spaced: ` ${t.join(' ')} ` }));
    TITLES.set(passage, titles);
  }
  const { scope } = query;
  const inScope = scope?.kind === 'document' && passage.ref.kind === 'document' && passage.ref.doc === scope.doc;
  const named = titles.filter((t) => t.words.length >= 2 || inScope || index.weight(t.words[0]!) >= RARE_NAME);
  if (named.length === 0) return [];
  let asked = ASKED.get(query);
  if (asked === undefined) ASKED.set(query, (asked = ` ${own(query.words).join(' ')} `));
  return named.filter((title) => asked.includes(title.spaced)).sort((a, b) => b.words.length - a.words.length)[0]?.words ?? [];
}

/** A telephone number or an e-mail address, as the sources print them. */
export const CONTACT = /@|\+41 ?\d/;

/** The kinds of fact a passage gives, read once per passage: a figure, a year, a percentage, a frequency, a duration, a contact, an example, addressees. */
const KINDS = new WeakMap<Passage, { figure: boolean; year: boolean; share: boolean; frequency: boolean; duration: boolean; reason: boolean; contact: boolean; example: boolean; audience: boolean }>();

function kindsOf(passage: Passage) {
  let kinds = KINDS.get(passage);
  if (!kinds) {
    const text = Object.values(passage.text).join(' ');
    const folded = fold(text);
    kinds = { figure: /\d/.test(text), year: YEAR.test(text), share: /%/.test(text), frequency: FREQUENCY_WORDS.test(folded), duration: DURATION_WORDS.test(folded), reason: REASON_WORDS.test(folded), contact: CONTACT.test(text), example: EXAMPLE_WORDS.test(folded), audience: AUDIENCE_WORDS.test(folded) };
    KINDS.set(passage, kinds);
  }
  return kinds;
}

/** What a passage's text glosses in brackets, in any language, as folded words: "un bilan de la situation (pronostic 1)". */
const GLOSSED = new WeakMap<Passage, string[][]>();

function glossedIn(passage: Passage): string[][] {
  let glossed = GLOSSED.get(passage);
  if (!glossed) GLOSSED.set(passage, (glossed = Object.values(passage.text).flatMap((text) => [...text.matchAll(/\(([^()]{1,40})\)/g)].map((m) => words(m[1]!)))));
  return glossed;
}

/**
 * Whether the passage glosses the words a definition asks for, each term in brackets of its own (not
 * "(pronostic 1 et pronostic 2)", a mere reference): it says what they are, not only uses them.
 */
function defines(query: Query, passage: Passage): boolean {
  if (query.contentWords.length === 0) return false;
  // A word and its gloss alike in any of the languages' forms ("pronostico" glossed "pronostic").
  const same = (a: string, b: string) => a === b || stems(a).some((s) => stems(b).includes(s));
  const asked = (w: string) => query.contentWords.some((a) => same(a, w));
  const terms = glossedIn(passage).filter((gloss) => gloss.every(asked));
  return query.contentWords.every((w) => terms.some((gloss) => gloss.some((g) => same(w, g))));
}

/** How many years after its publication a document may still tell of (what it planned for then). */
const PLAN_HORIZON = 3;

/** The kinds of fact a question may ask for (a number, a year, a share, a frequency, a duration, a contact, an example), each as a passage gives it. */
const FACT_KINDS: readonly (readonly [(query: Query) => boolean, keyof ReturnType<typeof kindsOf>])[] = [
  // "Wie viel Prozent", "how many per cent": the figure asked is a share.
  [(q) => q.wantsCount && !q.wantsShare, 'figure'],
  [(q) => q.wantsDate, 'year'],
  [(q) => q.wantsShare, 'share'],
  [(q) => q.wantsFrequency, 'frequency'],
  [(q) => q.wantsDuration, 'duration'],
  [(q) => q.wantsContact, 'contact'],
  [(q) => q.wantsExample, 'example'],
  [(q) => q.wantsAudience, 'audience'],
];

/** The kinds of fact the question asks for. */
const kindsAsked = (query: Query) => FACT_KINDS.filter(([asked]) => asked(query)).map(([, kind]) => kind);

/** The kinds of fact the question asks for, each with whether the passage gives one. */
function askedKinds(query: Query, passage: Passage): (readonly [boolean, boolean])[] {
  const kinds = kindsOf(passage);
  return FACT_KINDS.map(([asked, kind]) => [asked(query), kinds[kind]] as const);
}

/**
 * Whether the passage gives a reason or a purpose ("en raison de", "in order to"): what "why?" asks
 * of the last answer. Not a kind that ranks passages: most texts give one.
 */
export const givesReason = (passage: Passage): boolean => kindsOf(passage).reason;

/** Whether the question asks for a kind of fact at all. */
export const asksAKind = (query: Query): boolean => kindsAsked(query).length > 0;

/** Whether the passage gives a kind of fact the question asks for ("when?": a year). */
export function givesAskedKind(query: Query, passage: Passage): boolean {
  return askedKinds(query, passage).some(([asked, given]) => asked && given);
}

/** A hit with the share of the question it holds, and what holding the kind of fact asked for or naming its title adds. */
function ranked(index: FullTextIndex, query: Query, hit: SearchHit): RankedHit {
  // A document cannot tell what happened years after it was published (the 2013 report on 2022's cases), only what it planned.
  const { published } = hit.passage;
  if (published !== undefined && query.years.length > 0 && Math.min(...query.years) > published + PLAN_HORIZON) return { hit, coverage: 0, bonus: 0 };
  const isGap = hit.passage.ref.kind === 'document' && hit.passage.ref.section === 'unavailable';
  const facts = askedKinds(query, hit.passage);
  const answersIt = facts.some(([asked, given]) => asked && given) || (query.wantsDefinition && defines(query, hit.passage));
  const title = namedTitle(index, query, hit.passage);
  // A document's overview sums up all its sections: it answers a question about the document
  // itself (its title holds the question's words), and otherwise yields to the section it sums up.
  const overview = hit.passage.ref.kind === 'source' && !query.wantsDate && !index.inHeading(wordsToMatch(query), hit.passage) ? OVERVIEW_YIELD : 0;
  // A document the question names ("selon la fiche 5") counts as a title of each of its passages written out.
  const inNamed = query.documents?.includes(hit.passage.source.document) ?? false;
  // A title named does not make a passage answer a figure or a date it does not give ("how many did X accompany?").
  const titleCounts = title.length > 0 && (!facts.some(([asked]) => asked) || answersIt);
  const bonus = (!isGap && answersIt ? KIND_BONUS : 0) + (titleCounts ? TITLE_BONUS : 0) + (inNamed ? TITLE_BONUS : 0) - overview;
  const titled = title.length > 0 ? new Set(title) : undefined;
  // What the institutions and terms named add when they weigh as the subject: ranking only, and
  // not in a canton, whose parts all name its institutions (its partners above all).
  const [coverage, asSubject] = index.coverageWithFloor(wordsToMatch(query), hit.passage, titled, query.cantons.length === 0 ? SUBJECT_FLOOR : undefined);
  // Rounded: the float noise of two equal shares must not take a title's bonus away (0.25 read as 0.2499…).
  return { hit, coverage, bonus: bonus + Math.round((asSubject - coverage) * SHARE_PRECISION) / SHARE_PRECISION };
}

/** The precision shares are compared at. */
const SHARE_PRECISION = 1e9;

/** How close a hit is to the question: what ranks it. */
export const closeness = (h: RankedHit) => h.coverage + h.bonus;

/**
 * How sure an answer is that says the inventory reports nothing: it answers nothing, unless what it
 * says instead holds the question's own words (Basel-Landschaft counts no CII cases, but its note
 * gives the one service that counts its own).
 */
export function unreportedConfidence(index: FullTextIndex, query: Query, text: string): number {
  // A question that tells a situation first asks with its last sentence's words.
  const asked = query.askedAfterTelling?.length ? query.askedAfterTelling : query.contentWords;
  if (asked.length === 0) return NOTHING_REPORTED;
  const held = index.textCoverage(asked, { [query.language]: text });
  return held >= CONFIDENCE_THRESHOLD ? held : NOTHING_REPORTED;
}

/** A section of at most this many passages is shown whole. */
const SMALL_SECTION = 3;
/** How many passages elsewhere that hold the question as fully and as closely as the best are shown beside it. */
const TIED_SHOWN = 2;
/** How much less of the question a passage may hold, and how much less closely, and still be as good as the best. */
const TIE = 0.05;

/** The answer from the best passages found (or `found`, ranked already); `whole`: every passage found, in its order (a chapter's principles). */
export function searchAnswer(
  kb: KnowledgeBase,
  index: FullTextIndex,
  query: Query,
  filter?: (p: Passage) => boolean,
  found?: RankedHit[],
  whole = false,
): Answer {
  const lang = query.language;
  const candidates = found ?? rankedSearch(index, query, CANDIDATES, filter);
  // A bonus (a title written out, the subject named) ranks a passage, it does not make it hold the
  // question: when the first holds too little, the next within a title's bonus of it that holds enough answers.
  const first = candidates[0];
  const holding = first && first.coverage < CONFIDENCE_THRESHOLD ? candidates.find((h) => h.coverage >= CONFIDENCE_THRESHOLD && closeness(h) >= closeness(first) - TITLE_BONUS) : undefined;
  const hits = holding ? [holding, ...candidates.filter((h) => h !== holding)] : candidates;
  const top = hits[0];
  const confidence = top ? confidenceOf(index, query, top.hit.passage, top.coverage) : 0;
  if (!top || confidence < CONFIDENCE_THRESHOLD) return dontKnow(kb, query, hits.map((h) => h.hit), confidence);
  const b = new AnswerBuilder(kb, lang);
  b.heading(top.hit.passage.heading[lang]);
  // Close: by the measure the hits are ranked by (a figure asked for counts).
  const close = (h: RankedHit) => closeness(h) >= 0.5 * closeness(top);
  // The top passage's siblings in its section come along even when other passages outscored them;
  // all of a small section's, whose few facts answer together ("what open questions remain?").
  const siblings = () =>
    fellowsOf(index, top.hit.passage)
      .map((passage) => ranked(index, query, { passage, score: 0 }))
      .sort((a, b) => closeness(b) - closeness(a));
  const kin = siblings();
  // Passages elsewhere that hold about as much of the question as closely as the best (the three cantons
  // with the Suva, two indications): any may be the one asked for.
  const tied = hits.filter((h) => h !== top && !sameSource(h.hit.passage, top.hit.passage) && h.coverage >= top.coverage - TIE && closeness(h) >= closeness(top) - TIE).slice(0, TIED_SHOWN);
  const chosen = whole ? hits : [...hits.filter((h) => h === top || (sameSource(h.hit.passage, top.hit.passage) && close(h))), ...tied, ...kin.filter((h) => close(h) || kin.length < SMALL_SECTION)];
  const related = [...new Map(chosen.map((h) => [h.hit.passage.id, h])).values()].slice(0, whole ? hits.length : 6);
  // Facts under one heading stay together: the closest first, the others in the order of their
  // source (a list reads as it was written).
  const headingOrder = [...new Set(related.map((h) => h.hit.passage.heading[lang]))];
  const place = (h: RankedHit) => headingOrder.indexOf(h.hit.passage.heading[lang]);
  related.sort((a, b) => place(a) - place(b) || Number(b === top) - Number(a === top) || index.positionOf(a.hit.passage) - index.positionOf(b.hit.passage));
  let heading = top.hit.passage.heading[lang];
  for (const { hit } of related) {
    if (hit.passage.heading[lang] !== heading) b.heading((heading = hit.passage.heading[lang]));
    b.fact(hit.passage.text, hit.passage.source, hit.passage.errata, hit.passage.asOf);
  }
  const shown = new Set(related.map((h) => h.hit.passage.heading[lang]));
  // A title that is itself a question ("What is it about?") would be read as a follow-up of this
  // answer when clicked: only the top passage's own document offers it.
  const offerable = (p: Passage) => reported(kb, p) && !isQuestionTitle(p.heading[lang]);
  const others = [...new Set(hits.filter((h) => !sameSource(h.hit.passage, top.hit.passage) && offerable(h.hit.passage)).map((h) => h.hit.passage.heading[lang]))];
  // A short document's other sections, when the search offers little else.
  const doc = top.hit.passage.ref.kind === 'document' ? top.hit.passage.ref.doc : undefined;
  const sections = doc
    ? index.passagesWhere((p) => p.ref.kind === 'document' && p.ref.doc === doc && p.ref.section !== 'unavailable').map((p) => p.heading[lang])
    : [];
  const built = b.build(confidence, [...new Set([...others, ...sections])].filter((h) => !shown.has(h)).slice(0, 2), top.hit.passage.ref, top.hit.passage.topic);
  const beside = tied.filter((h) => related.includes(h)).map((h) => h.hit.passage.id);
  if (beside.length > 0) built.beside = beside;
  const under = related.filter((h) => h.hit.passage.heading[lang] !== top.hit.passage.heading[lang]).map((h) => h.hit.passage.id);
  if (under.length > 0) built.shown = under;
  // One institution's rule, as its own route gives it: a follow-up ("and at the IV?") asks the like of it.
  const answer = top.hit.passage.ref.kind === 'organisme' ? { ...built, passage: top.hit.passage.id } : built;
  // A canton's part the inventory does not report says so, but answers nothing, unless its note holds the question's own words.
  return reported(kb, top.hit.passage) ? answer : { ...answer, confidence: unreportedConfidence(index, query, top.hit.passage.text[lang]) };
}
