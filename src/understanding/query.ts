// A question read into what the answers need: language, cantons, institutions, topics, indication
// numbers and blocks, glossary terms, what kind of answer it asks for, and the words left over
// once all of that is recognised (the content words the search must match).
import type { KnowledgeBase } from '../knowledge/loader.js';
import type { PassageRef } from '../knowledge/passages.js';
import { BLOCK_IDS, LANGUAGES, type BlockId, type CantonCode, type Language } from '../knowledge/schema.js';
import { allCues, alternatives } from '../locales.js';
import { STOPWORDS } from '../search/stopwords.js';
import { CantonRecognizer, type CantonMention } from './cantons.js';
import { LanguageDetector } from './language.js';
import { ALTERNATIVE, COMPOUND_PART, YEAR, fold, words } from './normalize.js';
import { inStandardForm, type IsWord } from './dialect.js';
import { inDocumentsWords } from './paraphrases.js';
import { isCommonWord } from '../search/everyday.js';
import { remember } from '../memo.js';
import { PhraseMatcher, questionWords, separators, typoDistance } from './phrases.js';
import { askedAfterTelling, questionParts } from './parts.js';
import {
  COMPARE_STEMS,
  AMOUNT_CUES,
  CURRENCY_WORDS,
  ABROAD_CUES,
  DEADLINE_CUES,
  LAW_WORDING_CUES,
  OUTSIDE_SUBJECTS,
  ARTICLE_WORDS,
  COLLABORATION_NAMES,
  ADDRESS_CUES,
  CONTACT_CUES,
  PERSON_NAME_CUES,
  PERSON_CALLED_CUES,
  PERSON_NOW,
  PERSON_WHO_IS,
  PERSON_QUALIFIERS,
  PERSON_WHO,
  PERSON_NOUNS,
  COUNT_CUES,
  DATE_CUES,
  DURATION_CUES,
  ADVERB_ENDINGS,
  FILLER_CUES,
  REASON_CUES,
  NEW_QUESTION_CUES,
  INTRO_CUES,
  FREQUENCY_CUES,
  EXAMPLE_CUES,
  AUDIENCE_CUES,
  STATED_FREQUENCY_CUES,
  PLURAL_CASE_WORDS,
  SHARE_CUES,
  DEFINITION_CUES,
  INSTITUTION_PHRASES,
  CANTON_NOUNS,
  CASE_WORDS,
  NEGATION_WORDS,
  ELSEWHERE_CUES,
  EXCEPT_CUES,
  INSTEAD_CUES,
  PARTITIVE_CUES,
  NOT_TOPIC_WORDS,
  VERB_PARTICLES,
  SUCCESSOR_CUES,
  SIMILAR_CUES,
  YEAR_STEP_CUES,
  LOCATOR_KINDS,
  ORDINAL_CUES,
  PLURAL_CANTON_WORDS,
  ALL_CANTONS_CUES,
  PROFILE_CUES,
  GUIDE_STEMS,
  TOPIC_STEMS,
  TRIAGE_CUES,
  TRIAGE_WORDS,
  type Institution,
  type Topic,
} from './vocabulary.js';

/** A law article's number as written after "art." ("68bis", "81d", "15"). */
const ARTICLE_NUMBER = /^\d+[a-z]{0,6}$/;

/** The law articles words name by their number ("art. 68bis", "Artikel 15"). */
export function articlesIn(ws: string[]): string[] {
  return ws.flatMap((w, i) => (ARTICLE_WORDS.has(w) && ARTICLE_NUMBER.test(ws[i + 1] ?? '') ? [ws[i + 1]!] : []));
}

export interface Query {
  text: string;
  language: Language;
  words: string[];
  cantons: CantonCode[];
  /** Cantons named right after "except", "ausser", "sauf": left out of those asked about, and not in `cantons`. */
  exceptCantons?: CantonCode[];
  /** Meaningful words of the institutions named after an exception word ("apart from the IV and the RAV, who…?"): not what the question is about. */
  setAside?: string[];
  institutions: Institution[];
  /** Where each institution is named: its first word in `words` and how many words (a fact's phrase may include them). */
  institutionMentions: { institution: Institution; at: number; length: number }[];
  /** Topics by decreasing weight. */
  topics: Topic[];
  /** Words that place a question about an institution in the EISP guide ("convention", "Leistungsvereinbarung"). */
  inGuide: boolean;
  indications: number[];
  /** Indication numbers asked for that the guide does not have ("indication 99"). */
  unknownIndications: number[];
  /** A name written as a canton that is none ("canton de Zorg"), when no canton was found. */
  unknownCanton?: string;
  blocks: BlockId[];
  /** The source documents the question names by one of their names ("Faktenblatt 5", "rapport OIAS"), as files. */
  documents?: string[];
  /** The words that name them: they say where to look, not what to look for. */
  documentWords?: string[];
  /** Places of a document the question names, as the sources' places write them in words: ["ch", "5"], ["section", "3", "2"]. */
  locators: string[][];
  glossaryTerms: string[];
  wantsList: boolean;
  wantsComparison: boolean;
  wantsDefinition: boolean;
  wantsCount: boolean;
  /** How many indications the guide has: a count naming indications and no number. */
  countsIndications?: true;
  /** "Since when", "in which year": passages with a year answer it. */
  wantsDate: boolean;
  /** The years the question names ("en 2022"): a document published before them cannot tell. */
  years: number[];
  /** "What percentage": passages with a percentage answer it. */
  wantsShare: boolean;
  /** "How often": passages that give a frequency answer it. */
  wantsFrequency: boolean;
  /** "How long": passages that give a duration answer it. */
  wantsDuration: boolean;
  /** "Why": passages that give a reason or a purpose answer it. */
  wantsReason: boolean;
  wantsTriage: boolean;
  /** When the question tells a situation before it asks, the words it asks with (its last sentence's own): the telling sentences hold words no answer need hold. */
  askedAfterTelling?: string[];
  /** Where that last sentence begins among `words`. */
  askedFrom?: number;
  /** A telephone number or an e-mail address is asked for. */
  wantsContact: boolean;
  /** An example is asked for ("welchen Standard nennt der Leitfaden als Beispiel?"): the guide's examples answer it. */
  wantsExample: boolean;
  /** Whom something is for is asked ("für wen ist der Leitfaden?"): passages naming addressees or target groups answer it. */
  wantsAudience: boolean;
  /** A person's name is asked for ("wie heisst die Koordinatorin?"). */
  wantsPerson: boolean;
  /** A deadline is asked for ("within how many days must…"). */
  wantsDeadline: boolean;
  /** An amount of money is asked for ("how much is the allowance"). */
  wantsAmount: boolean;
  /** The subjects of an insurance's own rules the question names ("gain assure"), which the sources hardly touch. */
  outsideSubjects: string[];
  /** Law articles asked for by their number ("art. 68bis LAI": "68bis"). */
  articles: string[];
  /** Another country is asked about ("in Italia"), which the base does not cover. */
  abroad: boolean;
  /** The question says it is a new one ("andere Frage: …"): it follows nothing asked before. */
  startsAnew?: true;
  /** A law's own wording is asked for ("le texte de l'art. 68bis"), which the base never quotes. */
  wantsLawText: boolean;
  /** A named canton's CII as a whole ("how is it organised in Zug?"): its profile. */
  wantsProfile: boolean;
  /** "Do all cantons have…?", "every canton": whether all have it, so which do not. */
  allCantons: boolean;
  /** "Without"/"ohne"/"senza" before what is listed: the list is of those that lack it. */
  negated: boolean;
  /** Words that name no canton, institution, topic or cue and are not function words. */
  contentWords: string[];
  /**
   * Every word but function words, canton names and cues: what an answer's passage should hold.
   * A word with a glossary synonym carries both, joined by ALTERNATIVE ("oadi|oaci").
   */
  meaningfulWords: string[];
  /** For a follow-up: the passages of the last answer, where its words are looked for first. */
  scope?: PassageRef;
  /** The passages the last answer showed outside its scope, as close to its question: the follow-up may go on with them. */
  scopeBeside?: string[];
  /** The passages the last answer showed under other headings than its first: before others as close. */
  scopeShown?: string[];
  /** The follow-up points back to the last answer ("y", "dort", "ne", "there"): its passages weigh more. */
  refersBack?: boolean;
  /** The one thing within the scope the last answer was about (a project): the scope narrows to it. */
  focus?: string;
  /** A follow-up naming another institution ("und was gilt bei der Invalidenversicherung?"): the passage it asks the like of. */
  like?: string;
  /** "In another canton", "anderswo": the like of the last answer is asked for elsewhere. */
  wantsElsewhere?: true;
  /** "A year later" (1), "the year before" (-1): the year the last question asked about, moved. */
  yearStep?: number;
  /** "Similar", "ähnlich": the like of the last answer is asked for. */
  wantsSimilar?: true;
  /** The alternative to what the last answer described ("and instead?"). */
  wantsInstead?: true;
  /** It asks among what the last answer gave ("which of them…?", "wie viele davon…?"). */
  partitive?: true;
  /** For a follow-up: the canton whose like is asked for in the others, or in the one `likeIn` names. */
  elsewhereThan?: CantonCode;
  likeIn?: CantonCode;
  /** A place in a list ("the third one", "l'ultimo"): its place (-1 the last) and the words that say it. */
  ordinal?: { place: number; at: readonly number[] };
  /** For a follow-up: the place of the item of the last answer's list it asks about. */
  item?: number;
  /** For a follow-up denying the properties a list of cantons was computed from ("and which have none of them?"): those properties. */
  deniedList?: ListedCondition[];
  /**
   * For a follow-up asking for cantons again after a list of them ("how many is that?", "and which
   * have a platform?", "which of them…?"): the properties that list was computed from, and whether
   * they stand for the question's own (it says nothing but everyday words).
   */
  cantonsAgain?: { listed: ListedCondition[]; alone: boolean };
  /** A question in two parts ("… und seit wann?"): each read on its own, in the question's language. */
  parts?: [Query, Query];
}

/** A property a list of cantons was computed from (its id), and whether it was denied. */
export interface ListedCondition {
  property: string;
  negated: boolean;
}

/** Short abbreviations that are also common words ("as", "el"): institutions only in capitals. */
const CAPITALS_ONLY = new Set(allCues('institution.capitalsOnly'));

/** How deep a place's number goes ("3.2.1"). */
const LOCATOR_DEPTH = 3;

/** How many words from a verb of naming the person it names may stand. */
const PERSON_REACH = 5;
/** How far after an exception word the canton it leaves out may stand ("ausser dem Kanton Bern"). */
const EXCEPT_REACH = 2;

const NUMBER = String.raw`\d{1,2}(?!\d)`;
/** The words of a range of indications ("3 à 6", "1 bis 4", "5 to 8"); a dash is one in every language. */
const RANGE_WORDS = alternatives(allCues('indication.range'));
/** What may stand between two numbers besides a comma or a dash: "and", or a range word. */
const NUMBER_JOINS = alternatives([...allCues('indication.and'), ...allCues('indication.range')]);
/** A word, then numbers: indications when the word is one of theirs (cues indication.word). */
const NUMBERED_WORD = new RegExp(String.raw`\b(\p{L}+)\.?\s*[°º]?\s*` + `(${NUMBER}(?:\\s*(?:,|${NUMBER_JOINS}|-|–)\\s*${NUMBER})*)`, 'gu');
const INDICATION_WORDS = allCues('indication.word');
/** "Indication", "Hinweis", "no": as written, or with one typo from five letters ("hinwies 12"). */
const namesIndication = (word: string) =>
  INDICATION_WORDS.includes(word) || (word.length >= 5 && INDICATION_WORDS.some((cue) => cue.length >= 5 && cue[0] === word[0] && typoDistance(word, cue) <= 1));
/** The words that name the guide's indications themselves ("Hinweise"), not a number ("no", "Nr."). */
const INDICATION_NAMES = new Set(allCues('indication.name'));
/** A range of indications: its first and last numbers. */
const INDICATION_RANGE = new RegExp(String.raw`^(\d{1,2})\s*(?:-|–|${RANGE_WORDS})\s*(\d{1,2})$`);
/** The word canton with its first letter in either case ("[Cc]anton"). */
const eitherCase = (word: string) => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}`;
/** A word between canton and its name: spaces after it, or for an elided one ("d'") either apostrophe and spaces or none. */
const preposition = (word: string) => (word.endsWith("'") ? String.raw`${word.slice(0, -1)}['’]\s*` : String.raw`${word}\s+`);
/** "canton de X", "Kanton X", "cantone di X", "canton of X" with X capitalised: X is meant as a canton ("canton de domicile" is not). */
const CANTON_NAMED = new RegExp(
  String.raw`\b(?:${allCues('canton.named').map(eitherCase).join('|')})\s+(?:${allCues('canton.named.preposition').map(preposition).join('|')})?(\p{Lu}[\p{L}'’-]+)`,
  'u',
);

const BLOCK_CUE = new RegExp(String.raw`\b(?:${alternatives(allCues('block'))})\s+([a-h](?:\s*-\s*[12])?)\b`, 'gi');

const TOPIC_ENTRIES = Object.entries(TOPIC_STEMS) as [Topic, string[]][];
/** The topics' one-word stems, which a word carries by `hasStem`, and their phrases. */
const TOPIC_WORD_STEMS = TOPIC_ENTRIES.flatMap(([, stems]) => stems.filter((stem) => !stem.includes(' ')));
const TOPIC_PHRASES = TOPIC_ENTRIES.flatMap(([, stems]) => stems.filter((stem) => stem.includes(' ')));
/** No stems: one shared empty answer, since most words carry none. */
const NO_STEMS: ReadonlySet<string> = new Set();

/** Each institution's one-word names in every language. */
const INSTITUTION_WORDS = Object.fromEntries(
  Object.entries(INSTITUTION_PHRASES).map(([institution, phrases]) => [institution, phrases.filter((p) => !p.includes(' '))]),
) as Record<Institution, string[]>;

/** Criteria words proper, not the "CII case" phrases: "criteria for CII cases" still asks for criteria. */
const CRITERIA_WORDS = TOPIC_STEMS.criteria.filter((stem) => !stem.includes(' '));

/** A word's first letters, by which a title's word is recognised in another form ("constitution" in "constituer"), if it has enough. */
const headOf = (word: string) => (word.length >= 5 ? word.slice(0, 5) : undefined);

/** The places in the question's words that a phrase found in it takes. */
const positions = (hit: { at: number; length: number }) => Array.from({ length: hit.length }, (_, k) => hit.at + k);

/** The words of a text that are not function words, in order. */
export function contentOf(ws: string[]): string[] {
  return ws.filter((w) => !STOPWORDS.has(w) && w.length > 1);
}

/** How much longer or shorter than a stem a word's start is read for a typo. */
const SHIFTS = [0, -1, 1];

/** Whether a word carries a topic stem: as its start, inside a compound, or with one typo. */
function hasStem(word: string, stem: string, typos = true): boolean {
  if (word.startsWith(stem)) return true;
  if (stem.length >= 6 && word.includes(stem)) return true;
  if (!typos) return false;
  // One typo, not on the first letter: checking that first keeps this cheap for every word and stem.
  // The word's start is read one letter shorter or longer too: a missing letter ("acordo") shifts it.
  if (stem.length < 5 || word[0] !== stem[0] || word.length < stem.length - 1) return false;
  for (const shift of SHIFTS) if (typoDistance(word.slice(0, stem.length + shift), stem) <= 1) return true;
  return false;
}

const splitCache = new Map<string, string[]>();

/** What ends a clause between two words: a punctuation mark, or a dash with spaces. */
const CLAUSE_END = /[.,;:!?–—]|\s-\s/;

/** A cue's last word read as a prefix ("case" in "cases"), unless too short to say anything as one ("no" is not "norme"). */
const endsAs = (word: string, cue: string) => (cue.length >= 4 ? word.startsWith(cue) : word === cue);

/** No words: one shared empty answer, since most cues are not in most questions. */
const NOWHERE: readonly number[] = Object.freeze([]);

/** The same word, whole. */
export const sameWord = (word: string, cue: string) => word === cue;

/** Indexes of the words a multi-word cue covers (its last word as a prefix: "case" in "cases", unless `lastAs` says otherwise), or none. */
export function phraseAt(ws: string[], phrase: string, lastAs = endsAs, from = 0): readonly number[] {
  let parts = splitCache.get(phrase);
  if (!parts) splitCache.set(phrase, (parts = phrase.split(' ')));
  const first = parts[0]!;
  const last = parts.length - 1;
  for (let i = from; i + parts.length <= ws.length; i++) {
    // Most positions fail on the first word; checking it alone first keeps this cheap.
    if (last === 0 ? !lastAs(ws[i]!, first) : ws[i] !== first) continue;
    let ok = true;
    for (let k = 1; k <= last && ok; k++) ok = k === last ? lastAs(ws[i + k]!, parts[k]!) : ws[i + k] === parts[k];
    // Not a closure over `i`: one would make every turn of the loop allocate its own `i`.
    if (ok) return positions({ at: i, length: parts.length });
  }
  return NOWHERE;
}

/** A list of phrases read once for `phraseAt`: their places by the word a question must hold for them to be there, those read as a prefix aside. */
interface PhraseIndex {
  byFirstWord: Map<string, number[]>;
  prefixes: number[];
}

/** Each list's index, by how its last words are read: hundreds of phrases are looked for in every question, most beginning with a word it lacks. */
const PHRASE_INDEXES = new Map<typeof endsAs, WeakMap<readonly string[], PhraseIndex>>();

function phraseIndex(phrases: readonly string[], lastAs: typeof endsAs): PhraseIndex {
  let indexes = PHRASE_INDEXES.get(lastAs);
  if (!indexes) PHRASE_INDEXES.set(lastAs, (indexes = new WeakMap()));
  let index = indexes.get(phrases);
  if (index) return index;
  index = { byFirstWord: new Map(), prefixes: [] };
  phrases.forEach((phrase, k) => {
    const first = phrase.split(' ')[0]!;
    // A one-word cue that is a prefix to `lastAs` (as "case" is to "cases") may begin any word.
    if (first === phrase && lastAs(`${phrase}+`, phrase)) index.prefixes.push(k);
    else index.byFirstWord.set(first, [...(index.byFirstWord.get(first) ?? []), k]);
  });
  indexes.set(phrases, index);
  return index;
}

/** No phrases: one shared empty answer, since most lists have none in most questions. */
const NO_PHRASES: readonly string[] = Object.freeze([]);

/**
 * The phrases of a list that the words may hold (in the list's order), for `phraseAt` to find: those
 * whose first word they hold, and the one-word prefixes some word begins with.
 */
export function phrasesIn(ws: readonly string[], phrases: readonly string[], lastAs = endsAs): readonly string[] {
  const { byFirstWord, prefixes } = phraseIndex(phrases, lastAs);
  let found: number[] | undefined;
  for (const w of ws) {
    const at = byFirstWord.get(w);
    if (at) (found ??= []).push(...at);
  }
  for (const k of prefixes) {
    for (const w of ws) {
      if (!lastAs(w, phrases[k]!)) continue;
      (found ??= []).push(k);
      break;
    }
  }
  if (!found) return NO_PHRASES;
  return (found.length === 1 ? found : [...new Set(found)].sort((a, b) => a - b)).map((k) => phrases[k]!);
}

/** The place in a list the words name ("der dritte", "the last one"), by whole words. */
function ordinalIn(ws: string[]): Query['ordinal'] {
  for (const { place, phrases } of ORDINAL_CUES) {
    for (const phrase of phrasesIn(ws, phrases, sameWord)) {
      const at = phraseAt(ws, phrase, sameWord);
      if (at.length > 0) return { place, at };
    }
  }
  return undefined;
}

/** Whether the question says nothing but glossary terms ("CNP?", "und CNP?"): it asks what they are. */
export function onlyTerms(q: Query): boolean {
  const termWords = new Set(q.glossaryTerms.flatMap((t) => words(t)));
  return termWords.size > 0 && q.contentWords.every((w) => termWords.has(w));
}

export function holdsCue(ws: string[], cues: readonly string[]): boolean {
  return phrasesIn(ws, cues).some((cue) => phraseAt(ws, cue).length > 0);
}

export class Understanding {
  private readonly cantons: CantonRecognizer;
  private readonly institutions: PhraseMatcher<Institution>;
  private readonly glossary: PhraseMatcher<string>;
  /** Each indication's title as its content words, per language: "constitution de réserves" names indication 19. */
  private readonly indicationTitles: { number: number; words: string[]; heads: (string | undefined)[] }[];
  /** How many indications the guide has (44). */
  private readonly indicationCount: number;
  /** Each document's names as a question's words, years left out ("guide eisp"), with its file. */
  private readonly documentNames: { file: string; phrase: string; bare: string }[];
  /** Those names' phrases and bare phrases, as one list `phrasesIn` reads once. */
  private readonly documentPhrases: string[];
  readonly languages: LanguageDetector;
  /** The topic stems each word of a question carries: the same words come back question after question. */
  private readonly topicStemsByWord = new Map<string, ReadonlySet<string>>();

  constructor(kb: KnowledgeBase) {
    this.languages = new LanguageDetector(kb);
    this.cantons = new CantonRecognizer(kb.cantons.values(), (word) => this.languages.knows(word));
    this.institutions = new PhraseMatcher(
      Object.entries(INSTITUTION_PHRASES).flatMap(([inst, phrases]) => phrases.map((p) => [p, inst as Institution] as [string, Institution])),
      false,
    );
    const glossaryEntries: [string, string][] = [];
    for (const e of kb.glossary.entries) {
      glossaryEntries.push([e.term, e.term]);
      for (const abbr of Object.values(e.abbreviations ?? {})) glossaryEntries.push([abbr, e.term]);
      for (const long of Object.values(e.long)) if (long.length > 6) glossaryEntries.push([long, e.term]);
    }
    this.glossary = new PhraseMatcher(glossaryEntries, false);
    this.indicationCount = kb.indications.indications.length;
    this.documentNames = kb.sources.documents.flatMap((d) =>
      [...Object.values(d.short), ...Object.values(d.names ?? {}).flat()].map((name) => {
        const phrase = questionWords(name).filter((w) => !YEAR.test(w));
        return { file: d.file, phrase: phrase.join(' '), bare: phrase.filter((w) => !STOPWORDS.has(w)).join(' ') };
      }),
    );
    this.documentPhrases = this.documentNames.flatMap((d) => [d.phrase, d.bare]);
    this.indicationTitles = kb.indications.indications.flatMap((ind) =>
      [...new Set(Object.values(ind.title).map((title) => contentOf(questionWords(title)).join(' ')))]
        .map((phrase) => ({ number: ind.number, words: phrase.split(' '), heads: phrase.split(' ').map(headOf) }))
        .filter((t) => t.words.length >= 2),
    );
  }

  /** A word of the language: in the base's texts in it, or one of its common words. */
  private readonly isWord: IsWord = (word, language) => this.languages.writes(word, language) || isCommonWord(word, language);

  read(typed: string, fallbackLanguage: Language = 'fr'): Query {
    // A question in Swiss German is read in Standard German.
    const standard = inStandardForm(typed, this.isWord);
    const language = this.languages.detect(typed, fallbackLanguage).language;
    // Everyday phrases are read in the documents' words ("wer bezahlt das" as "wer finanziert das").
    const text = inDocumentsWords(standard && language === standard.language ? standard.text : typed, language);
    const whole = this.readOne(text, fallbackLanguage);
    const parts = questionParts(text);
    if (!parts) return whole;
    const [first, second] = parts.map((part) => ({ ...this.readOne(part, whole.language), language: whole.language }));
    return { ...whole, parts: [first!, second!] };
  }

  private readOne(text: string, fallbackLanguage: Language): Query {
    const ws = questionWords(text);
    const raw = text.replace(/-/g, ' ').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const inCapitals = (i: number) => raw[i] === raw[i]!.toUpperCase();
    const used = new Set<number>();
    const mark = (at: number, length = 1) => {
      for (let k = 0; k < length; k++) used.add(at + k);
    };

    const named = this.institutions.find(ws).filter((h) => h.length > 1 || !CAPITALS_ONLY.has(ws[h.at]!) || inCapitals(h.at));
    // A code that is also an institution's abbreviation ("SH", Sozialhilfe) is the institution
    // beside another one ("ALV und SH") or at the head of a compound ("SH-Klienten"), unless a canton
    // word precedes it ("Kanton SH").
    const between = separators(text);
    const institutionCode = (m: { at: number; length: number }) =>
      m.length === 1 && ws[m.at]!.length === 2 && named.some((h) => h.at === m.at) && (named.some((h) => h.at !== m.at) || between[m.at + 1] === '-');
    // Likewise a code that is a glossary term's name in another language ("SA / AG", the legal
    // form) is the term when the question names it another way too.
    const terms = this.glossary.find(ws);
    const termCode = (m: { at: number; length: number }) =>
      m.length === 1 && ws[m.at]!.length === 2 && terms.some((h) => h.at === m.at && terms.some((o) => o.at !== m.at && o.value === h.value));
    // A code at the head of a hyphenated glossary term ("NE-ESO") is part of the term.
    const termHead = (m: { at: number; length: number }) => m.length === 1 && between[m.at + 1] === '-' && terms.some((h) => h.at === m.at && h.length > 1);
    const cantonMentions = this.cantons.find(text).filter((m) => !institutionCode(m) && !termCode(m) && !termHead(m));
    cantonMentions.forEach((m) => mark(m.at, m.length));
    const cantonOrCue = new Set(used);
    const cantonWords = new Set(cantonMentions.flatMap(positions));

    const institutionHits = named.filter((h) => !cantonWords.has(h.at));
    institutionHits.forEach((h) => mark(h.at, h.length));

    // A cue's words say how the question asks, not what it asks about.
    const takeCue = (i: number) => {
      used.add(i);
      cantonOrCue.add(i);
    };
    // A kind of place followed by its number ("Kapitel 5", "section 3.2"): where to look, not words to find.
    const locators: string[][] = [];
    ws.forEach((w, i) => {
      const kind = LOCATOR_KINDS.find((k) => k.words.includes(w))?.kind;
      let end = i + 1;
      while (kind && end < ws.length && end - i <= LOCATOR_DEPTH && /^\d{1,2}$/.test(ws[end]!)) end++;
      if (!kind || end === i + 1) return;
      locators.push([kind, ...ws.slice(i + 1, end)]);
      for (let k = i; k < end; k++) takeCue(k);
    });
    // Every time the question says it ("wieviel hier und wieviel dort?"): each phrase the words may hold.
    const said = (phrases: readonly string[]) => {
      let found = false;
      for (const phrase of phrases) {
        for (let at = phraseAt(ws, phrase); at.length > 0; at = phraseAt(ws, phrase, endsAs, at.at(-1)! + 1)) {
          at.forEach(takeCue);
          found = true;
        }
      }
      return found;
    };
    const cue = (phrases: readonly string[]) => said(phrasesIn(ws, phrases));
    cue(FILLER_CUES);
    const startsAnew = cue(NEW_QUESTION_CUES);
    // "Welcher Kanton ausser Basel-Stadt…", "apart from Bern and Geneva": cantons named right after
    // an exception word (whole: "a part" is not "a partir"), and those joined to them, are left out.
    const exceptEnds = phrasesIn(ws, EXCEPT_CUES, sameWord).map((phrase) => phraseAt(ws, phrase, sameWord)).filter((at) => at.length > 0).map((at) => (at.forEach(takeCue), at.at(-1)!));
    const excepted = new Set<CantonMention>();
    let last: CantonMention | undefined;
    for (const m of cantonMentions) {
      const afterCue = exceptEnds.some((end) => end < m.at && m.at - end <= EXCEPT_REACH);
      const joined = last !== undefined && excepted.has(last) && m.at - (last.at + last.length) <= 1;
      if (afterCue || joined) excepted.add(m);
      last = m;
    }
    // Institutions so named ("ausser IV, RAV und Sozialdienst: wer noch?") are what the
    // question sets aside, not its subject; those after them, function words between, are too.
    const setAside = new Set<number>();
    let aside: { at: number; length: number } | undefined;
    for (const h of [...institutionHits].sort((a, b) => a.at - b.at)) {
      const afterCue = exceptEnds.some((end) => end < h.at && h.at - end <= EXCEPT_REACH);
      const joined = aside !== undefined && ws.slice(aside.at + aside.length, h.at).every((w) => STOPWORDS.has(w));
      aside = afterCue || joined ? h : undefined;
      if (aside) positions(h).forEach((i) => setAside.add(i));
    }
    // An adverb the base never writes ("théoriquement", "hopefully") says how the question is put, even
    // when the base has its stem ("théorique"): a cue too.
    ws.forEach((w, i) => ADVERB_ENDINGS.some((e) => w.length > e.length + 3 && w.endsWith(e)) && !this.languages.knows(w) && takeCue(i));
    // The asker introducing themselves ("Ich bin Fallführerin beim Sozialdienst Zug, …"): in that first clause,
    // words the base never writes (their job) say who asks, not what.
    const intro = phrasesIn(ws, INTRO_CUES).map((p) => phraseAt(ws, p)).find((at) => at[0] === 0);
    if (intro) {
      for (let i = intro.length; i < ws.length && !CLAUSE_END.test(between[i]!); i++) {
        if (!LANGUAGES.some((l) => this.languages.writes(ws[i]!, l))) takeCue(i);
      }
    }
    const definitionCue = cue(DEFINITION_CUES);
    // "Combien de temps", "how long": a duration, not a count.
    const wantsDuration = cue(DURATION_CUES);
    const wantsReason = cue(REASON_CUES);
    const wantsCount = said(phrasesIn(ws, COUNT_CUES).filter((p) => !phraseAt(ws, p).every((i) => used.has(i))));
    const wantsDate = cue(DATE_CUES);
    // The percent sign asks for a share in any language ("wieviel % beim RAV?").
    const wantsShare = cue(SHARE_CUES) || text.includes('%');
    // A period stated to check it asks how often ("… chaque année, c'est ça ?"), not beside another kind asked ("how many each year", "what share each year").
    const wantsFrequency = cue(FREQUENCY_CUES) || (!wantsCount && !wantsShare && !wantsDate && !wantsDuration && cue(STATED_FREQUENCY_CUES));
    // Not taken out: the guide's examples are found by these words too ("Beispiele vorzuschreibender Normen"),
    // the impressum by "address" ("Author, address and contact").
    const wantsContact = cue(CONTACT_CUES) || holdsCue(ws, ADDRESS_CUES);
    const wantsExample = holdsCue(ws, EXAMPLE_CUES);
    const wantsAudience = cue(AUDIENCE_CUES);
    // Not a cue taken out: "coordinator" is what the question is about.
    // A German compound is the person its last word is ("Amtschefin", "Projektleiter").
    const isPerson = (w: string) => w.split('-').some((part) => PERSON_NOUNS.some((noun) => part.startsWith(noun) || (part.length >= noun.length + COMPOUND_PART && part.endsWith(noun))));
    // A verb of naming names what stands beside it ("wie heisst die aktuelle Koordinatorin", not "… wie heisst das Projekt?").
    // Not the asker's own post, told first ("Ich bin Arbeitgeberberater … Wie heisst die neue Abteilung?").
    const calls = (i: number) => PERSON_CALLED_CUES.includes(ws[i]!) && ws.some((w, j) => Math.abs(j - i) <= PERSON_REACH && !used.has(j) && isPerson(w));
    // "Who" asked of today asks who holds a post now ("who currently heads…").
    const now = ws.some((w) => PERSON_WHO.includes(w)) && holdsCue(ws, PERSON_NOW);
    // "Who is the (current, CII) coordinator": an article, then a person noun ("who is responsible for…" asks for a body).
    const whoIs = phrasesIn(ws, PERSON_WHO_IS).some((cue) => {
      const end = phraseAt(ws, cue).at(-1);
      if (end === undefined || !STOPWORDS.has(ws[end + 1] ?? '')) return false;
      return isPerson(ws.slice(end + 2).find((w) => !COLLABORATION_NAMES.has(w) && !PERSON_QUALIFIERS.includes(w)) ?? '');
    });
    // A name asked with a word for a person or with "who" ("wer leitet sie (Name)?").
    const wantsPerson = (ws.some((w) => PERSON_NAME_CUES.includes(w)) && ws.some((w) => isPerson(w) || PERSON_WHO.includes(w))) || ws.some((_, i) => calls(i)) || now || whoIs;
    // Neither is a cue taken out of the words: "allowance" or "waiting period" is what such a question is about.
    const wantsAmount = holdsCue(ws, AMOUNT_CUES) || CURRENCY_WORDS.test(ws.join(' '));
    const wantsDeadline = holdsCue(ws, DEADLINE_CUES);
    // An institution named inside the subject only qualifies it ("number of ALV daily allowances").
    const qualifying = new Set(institutionHits.flatMap(positions));
    const unqualified = ws.filter((_, i) => !qualifying.has(i));
    // The words left are the question's: a phrase they hold begins with a word of the question.
    const outsideSubjects = phrasesIn(ws, OUTSIDE_SUBJECTS).filter((p) => phraseAt(ws, p).length > 0 || phraseAt(unqualified, p).length > 0);
    const articles = articlesIn(ws);
    // Whole words: "in Italia", not "in italiano".
    const abroad = phrasesIn(ws, ABROAD_CUES, sameWord).some((cue) => phraseAt(ws, cue, sameWord).length > 0);
    const wantsLawText = articles.length > 0 && holdsCue(ws, LAW_WORDING_CUES);
    const triageCue = cue(TRIAGE_CUES);
    // Read before "other cantons" takes the plural: "which other cantons…" asks for a list.
    const wantsList = said(phrasesIn(ws, PLURAL_CANTON_WORDS).filter((p) => !phraseAt(ws, p).every((i) => used.has(i))));
    const wantsElsewhere = cue(ELSEWHERE_CUES);
    const wantsSimilar = cue(SIMILAR_CUES);
    const wantsInstead = cue(INSTEAD_CUES) || holdsCue(ws, SUCCESSOR_CUES);
    const partitive = cue(PARTITIVE_CUES);
    const yearStep = YEAR_STEP_CUES.find(({ phrases }) => cue(phrases))?.step;
    // "C'est quoi les cantons où…", "was sind die Kantone, die…": the cantons, not what a word means.
    const wantsDefinition = definitionCue && !wantsList;
    const negated = cue(NEGATION_WORDS);
    const wantsComparison = ws.some((w, i) => COMPARE_STEMS.some((s) => w.startsWith(s)) && (takeCue(i), true));

    // After the cues: "was ist" is a question, not the Lucerne office WAS.
    // A term inside a name joined by underscores ("MX_CII", a software) is not the term.
    const underscored = (i: number) => between[i] === '_';
    const glossaryHits = terms
      .filter((h) => !cantonOrCue.has(h.at) && !underscored(h.at) && !underscored(h.at + h.length))
      .filter((h) => h.length > 1 || ws[h.at]!.length > 3 || inCapitals(h.at) || ws.length <= 3);

    const topics = this.topics(ws, used);
    // A word the base knows is no typo: "comptes" is not "comite" misspelt.
    const mayBeTypo = ws.map((w) => !this.languages.knows(w));
    const inGuide = ws.some((w, i) => GUIDE_STEMS.some((stem) => hasStem(w, stem, mayBeTypo[i])));
    // "How many cases", "CII cases": the case numbers, whatever else the question touches.
    // A kind of case beside the plural ("CII cases", "Triage-Fälle", "casi di triage") counts cases.
    const kindOfCase = (n: string | undefined) => n !== undefined && (COLLABORATION_NAMES.has(n) || TRIAGE_WORDS.includes(n));
    const pluralCases = ws.some((w, i) => PLURAL_CASE_WORDS.includes(w) && [ws[i - 1], ws[i + 1], STOPWORDS.has(ws[i + 1] ?? '') ? ws[i + 2] : undefined].some(kindOfCase));
    if ((wantsCount && ws.some((w) => CASE_WORDS.includes(w))) || (pluralCases && !ws.some((w) => CRITERIA_WORDS.some((stem) => hasStem(w, stem))))) {
      topics.splice(0, topics.length, 'caseNumbers2022', ...topics.filter((t) => t !== 'caseNumbers2022'));
    }
    // Asking how many, when or for figures asks the base, not for a person's triage ("how many triage cases?", "since when is one a case?").
    const wantsTriage = triageCue && !wantsCount && !wantsDate && topics[0] !== 'caseNumbers2022';
    const meaningful = (w: string) => !STOPWORDS.has(w) && (w.length > 2 || /\d/.test(w)) && !COLLABORATION_NAMES.has(w);
    // "Canton" and "case" are in most questions and most passages: they say nothing about which.
    const contentWords = ws.filter((w, i) => !used.has(i) && meaningful(w) && !CANTON_NOUNS.includes(w) && !CASE_WORDS.includes(w));
    // The sentence it asks in, after sentences telling a situation: its own words.
    const told = askedAfterTelling(text);
    const askedWords = told === undefined ? undefined : questionWords(told);
    const asking = askedWords === undefined ? undefined : new Set(askedWords);
    // "I work in Zug… Which other cantons…?": the cantons the situation names are the asker's, not those asked about.
    const askedFrom = askedWords === undefined ? 0 : ws.length - askedWords.length;
    const askerCantons = askedWords !== undefined && askedWords.some((w) => PLURAL_CANTON_WORDS.includes(w)) && !cantonMentions.some((m) => m.at >= askedFrom);
    // A synonym also counts as its glossary term ("OADI" or "oaci", "Arbeitsgruppe" or "gt"): texts use either.
    // Each word of a one-word term's full name counts so ("decreto del Consiglio di Stato": "ace"),
    // an institution's name aside (its words count as the institution's).
    const institutionPlaces = new Set(institutionHits.flatMap(positions));
    const fullName = (h: (typeof glossaryHits)[number]) => !h.value.includes(' ') && !positions(h).some((at) => institutionPlaces.has(at));
    const canonical = new Map(glossaryHits.filter((h) => h.length === 1 || fullName(h)).flatMap((h) => positions(h).map((at) => [at, fold(h.value)] as const)));
    // A separable verb's particle last ("ab wann setzt … ein?"): a verb before it is also read joined
    // ("einsetzt"), as a participle ("eingesetzt") and an infinitive ("einsetzen"); forms the texts
    // lack match nothing.
    const particle = ws.length > 2 && VERB_PARTICLES.includes(ws.at(-1)!) ? ws.at(-1)! : undefined;
    const joined = (w: string, i: number) => (particle && i < ws.length - 1 && /\p{L}t$/u.test(w) ? [`${particle}${w}`, `${particle}ge${w}`, `${particle}${w.slice(0, -1)}en`] : []);
    const alternatives = (w: string, i: number) => {
      const term = canonical.get(i);
      return [w, ...(term && term !== w ? [term] : []), ...joined(w, i)].join(ALTERNATIVE);
    };
    // An institution's abbreviation, too short to look for alone ("AI", "IV"), counts as any of the
    // institution's one-word names ("ai|iv|invalidita"): a passage may use any. So does an institution
    // named in words ("assistenza sociale"), as one word: any passage about it holds one of those
    // names in one of its languages ("sozialhilfe").
    const institutionAt = new Map(institutionHits.map((h) => [h.at, h] as const));
    const inPhrase = new Set(institutionHits.flatMap((h) => positions(h).slice(1)));
    // A short word of a glossary term ("GP" of "GP CII") is what a passage about the term holds.
    const inTerm = new Set(glossaryHits.flatMap(positions));
    const termWord = (w: string, i: number) => inTerm.has(i) && w.length === 2 && !STOPWORDS.has(w);
    // So is a short word of a name joined by underscores ("MX" of "MX_CII").
    const inName = (i: number) => underscored(i) || underscored(i + 1);
    // An institution named twice ("EL/PC") counts once.
    const counted = new Set<Institution>();
    const meaningfulAt = (w: string, i: number): string | undefined => {
      const hit = institutionAt.get(i);
      if (hit && counted.has(hit.value)) return undefined;
      if (hit) counted.add(hit.value);
      if (hit && (hit.length > 1 || !meaningful(w))) return [w, ...INSTITUTION_WORDS[hit.value].filter((n) => n !== w)].join(ALTERNATIVE);
      if (inPhrase.has(i)) return undefined;
      return !cantonOrCue.has(i) && (meaningful(w) || termWord(w, i) || inName(i)) ? alternatives(w, i) : undefined;
    };
    // Two plain words a slash joins ("réunions/visites", "Sitzungen/Besuche") are either: one word with
    // both forms. Names joined so ("AI/IV", "ALV/AC") already count as what they name.
    const plain = (v: string) => !v.includes(ALTERNATIVE);
    const meaningfulWords: string[] = [];
    const setAsideWords: string[] = [];
    let lastAt = -1;
    ws.forEach((w, i) => {
      const word = meaningfulAt(w, i);
      if (word === undefined) return;
      if (setAside.has(i)) setAsideWords.push(word);
      if (between[i] === '/' && lastAt === i - 1 && plain(word) && plain(meaningfulWords.at(-1)!)) meaningfulWords.push(`${meaningfulWords.pop()!}${ALTERNATIVE}${word}`);
      else meaningfulWords.push(word);
      lastAt = i;
    });

    // "How is CII organised in Zug?", and nothing else: the canton's profile, whatever its parts call it.
    const profileWords = new Set(phrasesIn(ws, PROFILE_CUES).flatMap((p) => phraseAt(ws, p)));
    const wantsProfile = cantonMentions.length > 0 && topics.length === 0 && profileWords.size > 0 && contentWords.every((w) => profileWords.has(ws.indexOf(w)));
    const asked = this.indicationNumbers(text);
    const ordinal = ordinalIn(ws);
    const unknownCanton = cantonMentions.length === 0 ? CANTON_NAMED.exec(text)?.[1] : undefined;
    // A document's name with function words between its own ("le rapport de l'OIAS"): its words in a row.
    const bare = ws.filter((w) => !STOPWORDS.has(w));
    // The bare words are the question's: a bare name they hold begins with a word of the question.
    const nameable = new Set(phrasesIn(ws, this.documentPhrases));
    const namings = this.documentNames.filter((d) => (nameable.has(d.phrase) && phraseAt(ws, d.phrase).length > 0) || (nameable.has(d.bare) && phraseAt(bare, d.bare).length > 0));
    const documents = [...new Set(namings.map((d) => d.file))];
    return {
      text,
      language: this.languages.detect(text, fallbackLanguage).language,
      words: ws,
      // A canton the situation names by its adjective ("une étude sur le réseau neuchâtelois") is what is spoken of, not where the asker is.
      cantons: cantonMentions.filter((m) => !excepted.has(m) && (!askerCantons || m.adjective)).map((m) => m.code),
      ...(excepted.size > 0 ? { exceptCantons: [...excepted].map((m) => m.code) } : {}),
      institutions: [...new Set(institutionHits.map((h) => h.value))],
      institutionMentions: institutionHits.map((h) => ({ institution: h.value, at: h.at, length: h.length })),
      topics,
      inGuide,
      indications: [...new Set([...asked.filter(this.isIndication), ...(cantonMentions.length === 0 ? this.indicationsByTitle(ws) : [])])],
      unknownIndications: asked.filter((n) => !this.isIndication(n)),
      ...(unknownCanton ? { unknownCanton } : {}),
      ...(documents.length > 0 ? { documents, documentWords: [...new Set(namings.flatMap((d) => d.bare.split(' ')))] } : {}),
      blocks: this.blocks(text),
      ...(asking ? { askedAfterTelling: contentWords.filter((w) => asking.has(w)), askedFrom } : {}),
      locators,
      glossaryTerms: [...new Set(glossaryHits.map((h) => h.value))],
      wantsList,
      ...(wantsElsewhere ? { wantsElsewhere } : {}),
      ...(wantsSimilar ? { wantsSimilar } : {}),
      ...(wantsInstead ? { wantsInstead } : {}),
      ...(partitive ? { partitive } : {}),
      ...(yearStep ? { yearStep } : {}),
      wantsComparison,
      wantsDefinition,
      wantsCount,
      ...(wantsCount && ws.some((w) => INDICATION_NAMES.has(w)) && !ws.some((w) => /\d/.test(w)) ? { countsIndications: true as const } : {}),
      wantsDate,
      years: ws.filter((w) => YEAR.test(w)).map(Number),
      wantsShare,
      wantsFrequency,
      wantsReason,
      wantsDuration,
      wantsTriage,
      wantsProfile,
      allCantons: holdsCue(ws, ALL_CANTONS_CUES),
      wantsContact,
      wantsExample,
      wantsAudience,
      wantsPerson,
      wantsAmount,
      wantsDeadline,
      outsideSubjects,
      articles,
      wantsLawText,
      abroad,
      ...(startsAnew ? { startsAnew } : {}),
      negated,
      contentWords,
      meaningfulWords,
      ...(setAsideWords.length > 0 ? { setAside: setAsideWords } : {}),
      ...(ordinal ? { ordinal } : {}),
    };
  }

  /**
   * Topics by how many of their stems the question carries (a stem within another found, as
   * "coordina" in "coordinat", counts once); the words they use are marked.
   */
  private topics(ws: string[], used: Set<number>): Topic[] {
    const scores = new Map<Topic, number>();
    const topicWords = new Set<number>();
    const carries = ws.map((w, i) => (used.has(i) || NOT_TOPIC_WORDS.has(w) ? NO_STEMS : this.topicStemsOf(w)));
    const phrased = new Set(phrasesIn(ws, TOPIC_PHRASES));
    for (const [topic, stems] of TOPIC_ENTRIES) {
      const carried: string[] = [];
      for (const stem of stems) {
        let found = false;
        if (stem.includes(' ')) {
          const at = phrased.has(stem) ? phraseAt(ws, stem) : NOWHERE;
          at.forEach((i) => topicWords.add(i));
          found = at.length > 0;
        } else {
          for (let i = 0; i < ws.length; i++) {
            if (carries[i]!.has(stem)) {
              topicWords.add(i);
              found = true;
            }
          }
        }
        if (found) carried.push(stem);
      }
      const score = carried.filter((stem) => !carried.some((other) => other !== stem && !other.includes(' ') && other.startsWith(stem))).length;
      if (score > 0) scores.set(topic, score);
    }
    topicWords.forEach((i) => used.add(i));
    return [...scores].sort((a, b) => b[1] - a[1]).map(([topic]) => topic);
  }

  /** The topics' one-word stems the word carries, with a typo unless the base knows the word. */
  private topicStemsOf(word: string): ReadonlySet<string> {
    const cached = this.topicStemsByWord.get(word);
    if (cached) return cached;
    const typos = !this.languages.knows(word);
    const carried = TOPIC_WORD_STEMS.filter((stem) => hasStem(word, stem, typos));
    return remember(this.topicStemsByWord, word, carried.length === 0 ? NO_STEMS : new Set(carried));
  }

  /** Indications whose whole title the question holds, word for word or by the words' first letters. */
  private indicationsByTitle(ws: string[]): number[] {
    const content = contentOf(ws);
    const heads = content.map(headOf);
    const titleAt = (i: number, title: (typeof this.indicationTitles)[number]) => {
      for (let k = 0; k < title.words.length; k++) {
        const word = content[i + k];
        if (word === undefined || (word !== title.words[k] && (heads[i + k] === undefined || heads[i + k] !== title.heads[k]))) return false;
      }
      return true;
    };
    return this.indicationTitles.filter((title) => content.some((_, i) => titleAt(i, title))).map((t) => t.number);
  }

  private indicationNumbers(text: string): number[] {
    const numbers: number[] = [];
    for (const match of fold(text).matchAll(NUMBERED_WORD)) {
      if (!namesIndication(match[1]!)) continue;
      const list = match[2]!;
      const range = list.match(INDICATION_RANGE);
      if (range) {
        for (let n = Number(range[1]); n <= Number(range[2]); n++) numbers.push(n);
      } else {
        for (const n of list.match(/\d{1,2}/g) ?? []) numbers.push(Number(n));
      }
    }
    return [...new Set(numbers)];
  }

  private readonly isIndication = (n: number): boolean => n >= 1 && n <= this.indicationCount;

  private blocks(text: string): BlockId[] {
    const found: BlockId[] = [];
    for (const match of text.matchAll(BLOCK_CUE)) {
      const id = match[1]!.toUpperCase().replace(/\s+/g, '') as BlockId;
      if ((BLOCK_IDS as readonly string[]).includes(id)) found.push(id);
    }
    return found;
  }
}
