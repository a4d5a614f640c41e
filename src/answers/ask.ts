// `ask(text, context)`: a question in, an answer with sources out. Structured look-ups first (an
// indication, a canton's part, a list, a definition), the full-text search behind them.
import { MESSAGES, t } from '../i18n.js';
import { editionAsked, editionWords } from '../knowledge/asked-edition.js';
import { cacheOf } from '../knowledge/cache.js';
import { FOLLOW_UP_WORDS, followUp } from '../conversation/context.js';
import type { KnowledgeBase } from '../knowledge/loader.js';
import { passagesOf, type Passage, type PassageRef } from '../knowledge/passages.js';
import { CANTON_DOCUMENTS, cantonOf, type TopicDocumentKey } from '../knowledge/topics.js';
import { LANGUAGES, type CantonCode, type InventoryPart, type Language, type Organisme } from '../knowledge/schema.js';
import { FullTextIndex, NAMED_WEIGHT, type SearchHit } from '../search/fulltext.js';
import { EVERYDAY_WORDS } from '../search/everyday.js';
import { ALTERNATIVE, fold, words } from '../understanding/normalize.js';
import { questionWords } from '../understanding/phrases.js';
import { propertyReader } from '../understanding/properties.js';
import { Understanding, contentOf, onlyTerms, phraseAt, sameWord, type Query } from '../understanding/query.js';
import { joined, type Answer } from './builder.js';
import { cantonAnswer, comparisonAnswer, listAnswer, unknownCantonAnswer } from './cantons.js';
import { CANTONAL_WORDS, INSTITUTION_PHRASES, ORGANISME_OF, SAME_THING_WORDS, TOPIC_PARTS, type Institution, type Topic } from '../understanding/vocabulary.js';
import { eligibilityAnswer } from './eligibility.js';
import { askedKindAnswer } from './asked-kind.js';
import { glossaryAnswer } from './glossary.js';
import { propertyAnswer, propertyYesNoAnswer } from './properties.js';
import { blockAnswer, indicationCountAnswer, indicationsAnswer, noSuchIndicationAnswer, organismeAnswer } from './guide.js';
import { CANDIDATES, CONFIDENCE_THRESHOLD, NOTHING_REPORTED, TITLE_BONUS, asksAKind, closeness, dontKnow, givesAskedKind, givesReason, type RankedHit, isQuestionTitle, rankedSearch, reported, sameRef, searchAnswer, unreportedConfidence, wordsToMatch } from './search.js';

export const MAX_QUESTION_LENGTH = 2000;

export interface AskContext {
  /** The language to answer in when the question does not tell (the channel's locale, the user's pick). */
  language?: Language;
}

/** What the last answer's passages count for in a follow-up: the share of the question they are taken to hold already. */
const CONTEXT_PRIOR = { refersBack: 0.5, tied: 0.25 };
/** What naming a canton's part adds to that part against the last answer's: a tie and a little more. */
const NAMED_PART = 0.1;
/** What an indication's neighbour gives up, in a follow-up, to the indication it is about (as much as a tied context counts). */
const NEIGHBOUR_YIELD = CONTEXT_PRIOR.tied;

/** The year of the inventory's case numbers, as the part holding them is named. */
const CASE_NUMBERS_YEAR = Number(/\d{4}$/.exec('caseNumbers2022' satisfies InventoryPart)![0]);

/** What the canton's part a question's topic names counts for ahead of the canton's other passages ("auf welcher Grundlage steht die IIZ?": its anchoring). */
const TOPIC_PRIOR = 0.08;

/** How much more of the question a passage must hold to overrule a structured look-up. */
const CLEARLY_CLOSER = 0.25;

/** The assistants of older editions' knowledge (src/knowledge/editions.ts), by that knowledge. */
const OLDER_EDITIONS = new WeakMap<KnowledgeBase, Assistant>();

/** A document's sections and the document as a whole, its overview (who wrote it, when). */
function inDocument(kb: KnowledgeBase, p: Passage, doc: TopicDocumentKey): boolean {
  if (p.ref.kind === 'document') return p.ref.doc === doc;
  return p.ref.kind === 'source' && p.ref.document === kb[doc].document;
}

/** A canton's own passages, and its report's ("the Neuchâtel report: from when?"). */
function aboutCanton(kb: KnowledgeBase, p: Passage, code: CantonCode): boolean {
  if (p.ref.kind === 'canton') return p.ref.code === code;
  const report = CANTON_DOCUMENTS[code];
  return report !== undefined && inDocument(kb, p, report);
}

/** The names each passage quotes in guillemets, in any language («Kooperation Arbeitsmarkt»), folded; read once per passage. */
const QUOTED = new WeakMap<Passage, string[]>();

function quotedNames(passages: readonly Passage[]): string[] {
  return passages.flatMap((p) => {
    let names = QUOTED.get(p);
    if (!names) QUOTED.set(p, (names = Object.values(p.text).flatMap((text) => [...text.matchAll(/«\s*([^«»]+?)\s*»/g)].map((m) => fold(m[1]!)))));
    return names;
  });
}

/** Whether the passages quote one of the names. */
function quotesOneOf(passages: readonly Passage[], names: readonly string[]): boolean {
  return names.length > 0 && quotedNames(passages).some((n) => names.includes(n));
}

/** How many passages at one place of a document an answer shows (the guide's chapter 5 has eight principles). */
const LOCATED_SHOWN = 10;
/** How much of a question a chapter's title must hold for the question to ask for the chapter whole. */
const CHAPTER_TITLE_SHARE = 0.6;

/** Whether a passage's source is at the place: its locator's words hold the place's words in a row ("ch 5" in "Ch. 5, l.2325"). */
function locatedAt(p: Passage, place: string[]): boolean {
  return phraseAt(words(p.source.where), place.join(' '), sameWord).length > 0;
}

/** Hits an answer gives as they are, chosen by what they are rather than by how much of the question they hold. */
const asChosen = (hits: SearchHit[]): RankedHit[] => hits.map((hit) => ({ hit, coverage: 1, bonus: 0 }));

/** Passages an answer gives as they are. */
const given = (passages: Passage[]): RankedHit[] => asChosen(passages.map((passage) => ({ passage, score: 1 })));

/** A passage numbered as a point of a list ("3. Pilotage fondé sur des principes : …"). */
const NUMBERED = /^(\d{1,2})[.)]\s/;
/** Where a passage enumerates items in its text ("… : 1) …; 2) …"): split there, the text before first. */
const ENUMERATED = /(?:^|[\s:;,])\d{1,2}\)\s/;

/** How many words a passage opens with that may name whose practice it gives ("ALV (beobachtete Praxis):"). */
const OPENING_WORDS = 3;

/** Whether a passage opens by naming the institution, as an indication's example of one institution's practice does. */
function opensWith(p: Passage, institution: Institution, language: Language): boolean {
  const opening = questionWords(p.text[language]).slice(0, OPENING_WORDS);
  return INSTITUTION_PHRASES[institution].some((phrase) => phraseAt(opening, phrase).length > 0);
}

export class Assistant {
  readonly understanding: Understanding;
  readonly index: FullTextIndex;
  /** A report's sections (and what it lacks) and the glossary's entries by their title in each language, as folded words: a title asks for its passage. */
  private readonly sectionTitles = new Map<string, Passage>();
  /** The guide's chapter 5, its principles in order; the first word of its title in each language ("Principes", "Grundsätze"). */
  private readonly principles: Passage[];
  private readonly principlesHead: Record<Language, string[]>;

  constructor(readonly kb: KnowledgeBase) {
    this.understanding = new Understanding(kb);
    this.index = new FullTextIndex(passagesOf(kb), cacheOf(kb));
    this.principles = this.index.passagesWhere((p) => p.ref.kind === 'principle');
    const title = kb.organismes.principlesTitle.text;
    this.principlesHead = Object.fromEntries(LANGUAGES.map((l) => [l, contentOf(questionWords(title[l])).slice(0, 1)])) as Record<Language, string[]>;
    // A glossary entry's title is offered under answers too ("OAIS: Amt für soziale Aktion… (Genf)").
    for (const p of this.index.passagesWhere((x) => x.ref.kind === 'document' || x.ref.kind === 'glossary')) {
      for (const heading of Object.values(p.heading)) this.sectionTitles.set(questionWords(heading).join(' '), p);
    }
  }

  ask(text: string, context: AskContext = {}): Answer {
    return this.refusal(text, context) ?? this.answer(this.understanding.read(text.trim(), context.language));
  }

  /** The reply to an empty question or one over MAX_QUESTION_LENGTH; undefined for any other. */
  refusal(text: string, context: AskContext = {}): Answer | undefined {
    const trimmed = text.trim();
    if (trimmed.length > 0 && trimmed.length <= MAX_QUESTION_LENGTH) return undefined;
    const language = trimmed ? this.understanding.languages.detect(trimmed.slice(0, 200), context.language).language : context.language ?? 'fr';
    const message = trimmed ? MESSAGES.tooLong : MESSAGES.empty;
    return { text: t(message, language), language, sources: [], confidence: 0, followUps: [] };
  }

  /** A question whose own words the base has never seen ("train timetable Geneva Bern"). */
  private offTopic(q: Query): boolean {
    const recognised = q.topics.length + q.glossaryTerms.length + q.institutions.length;
    // Everyday words the base never writes ("sag mal…") say how the question is put, not what about.
    const telling = q.contentWords.filter((w) => this.index.weight(w) > 0);
    return telling.length > 0 && recognised === 0 && !telling.some((w) => this.index.knows(w));
  }

  /**
   * The answer to a question already read (the bot reads each message once). A question in two
   * parts that ask for different things gets both answers, the second read as a follow-up of the
   * first ("BE: Fallzahlen 2022 und wer leitet die Steuergruppe?": the canton carries over);
   * when both ask for the same or the first is not understood, the question is answered whole; when
   * the second part is not understood, the first part's answer says so (unless the whole question
   * finds a passage of its own).
   */
  answer(q: Query): Answer {
    const found = this.answerParts(q);
    return askedKindAnswer(this.kb, this.index, q, found) ?? found;
  }

  private answerParts(q: Query): Answer {
    const whole = this.answerWhole(q);
    if (!q.parts) return whole;
    const [first, second] = q.parts;
    const one = this.answerWhole(first);
    if (one.confidence < CONFIDENCE_THRESHOLD || !one.about) return whole;
    // The canton carries over, unless the second part asks which cantons ("…, right? Which other cantons…?").
    const inCanton = second.cantons.length === 0 && !propertyReader(this.kb).asksForCantons(second) ? { ...second, cantons: first.cantons } : second;
    const two = this.answerWhole(followUp(inCanton, { about: one.about, topics: first.topics, ...(one.focus ? { focus: one.focus } : {}) }, this.kb));
    if (two.confidence < CONFIDENCE_THRESHOLD) {
      // Rather than nothing, the first part's answer, saying the second found none.
      const wholeElsewhere = whole.confidence >= CONFIDENCE_THRESHOLD && !(whole.about && sameRef(whole.about, one.about));
      return wholeElsewhere ? whole : { ...one, text: `${one.text}\n\n${t(MESSAGES.partUnknown, q.language)}` };
    }
    // A second answer about nothing in particular is no answer to a part, unless it lists cantons.
    if (!two.about) return two.listedBy ? joined(one, two) : whole;
    // Both parts found the same answer: it answers the question, unless the whole question finds one of its own.
    if (sameRef(one.about, two.about) && one.text === two.text) return whole.confidence >= CONFIDENCE_THRESHOLD ? whole : two;
    return joined(one, two);
  }

  /**
   * A follow-up with no subject of its own that nothing answers better is about the answer before,
   * as if it pointed back to it ("und welche Altersklasse?" after a project).
   */
  private answerWhole(q: Query): Answer {
    const found = this.sameCanton(q, this.answerAnew(q));
    if (found.confidence >= CONFIDENCE_THRESHOLD || found.settled || !q.scope) return found;
    return this.scopeRoute({ ...q, refersBack: true }, q.scope, true) ?? found;
  }

  /**
   * A follow-up that names no canton is not about another canton's part: after a canton's answer,
   * words found in another canton or its report are looked for in that canton, or said not found there
   * ("how often do they meet?" is not answered by Jura's meetings).
   */
  private sameCanton(q: Query, found: Answer): Answer {
    const { scope } = q;
    const other = found.about && cantonOf(found.about);
    if (scope?.kind !== 'canton' || q.cantons.length > 0 || q.documents || !other || other === scope.code) return found;
    return this.answerAnew({ ...q, cantons: [scope.code] });
  }

  /**
   * The answer the routes give, unless two words or more of the question, and none of its words,
   * are ones the base has ever written ("horaires du guichet", "Parkplätze"): what is asked is outside
   * it, whatever canton or office the question names, and the passage found is only offered. One
   * such word may be a misspelling or jargon the rest of the question explains.
   */
  private answerAnew(q: Query): Answer {
    const found = this.routed(q);
    // Numbers aside: a section's number ("2.3.2") names no subject.
    const words = q.contentWords.filter((w) => /\p{L}/u.test(w));
    const unknown = !q.scope && words.length >= 2 && !words.some((w) => this.index.knows(w));
    if (!unknown || found.confidence < CONFIDENCE_THRESHOLD || !found.about) return found;
    const about = found.about;
    return dontKnow(this.kb, q, this.index.passagesWhere((p) => sameRef(p.ref, about)).map((passage) => ({ passage, score: 0 })));
  }

  private routed(q: Query): Answer {
    // A question asking for an older edition ("en 2025 ?") is answered from the knowledge of then,
    // by an assistant built for it when first asked for.
    const older = editionAsked(this.kb, q);
    if (older) {
      if (!OLDER_EDITIONS.has(older.kb)) OLDER_EDITIONS.set(older.kb, new Assistant(older.kb));
      return OLDER_EDITIONS.get(older.kb)!.answer(older.query);
    }
    const kb = this.kb;
    // A title asks for its section (a button offering it), unless it is itself a question and follows
    // an answer about something else ("what is it about?").
    const section = this.sectionTitles.get(q.words.join(' '));
    // The same document: the last answer was one of its sections, or the document as a whole.
    const scope = q.scope;
    const sameDocument =
      !scope ||
      (section?.ref.kind === 'document' &&
        ((scope.kind === 'document' && scope.doc === section.ref.doc) || (scope.kind === 'source' && scope.document === section.source.document)));
    if (section && (sameDocument || !Object.values(section.heading).some(isQuestionTitle))) return this.sectionAnswer(q, section);
    if (scope && q.elsewhereThan) return this.elsewhereRoute(q, scope, q.elsewhereThan);
    const item = scope && q.item !== undefined ? this.itemRoute(q, scope, q.item) : undefined;
    if (item) return item;
    const scoped = scope ? this.scopeRoute(q, scope) : undefined;
    if (scoped) return scoped;
    if (q.indications.length > 0) return indicationsAnswer(kb, q, q.indications);
    if (q.countsIndications) return indicationCountAnswer(kb, q);
    if (q.unknownIndications.length > 0) return noSuchIndicationAnswer(kb, q, q.unknownIndications);
    if (q.blocks.length > 0) return blockAnswer(kb, q, q.blocks[0]!);
    if (q.unknownCanton) return unknownCantonAnswer(kb, q, q.unknownCanton);
    if (q.wantsDefinition && q.glossaryTerms.length > 0 && q.cantons.length === 0) return this.definitionRoute(q);
    if (q.cantons.length >= 2) {
      const inCantons = (p: Passage) => p.ref.kind === 'canton' && q.cantons.includes(p.ref.code);
      if (q.wantsComparison || (q.topics.length > 0 && !this.heldBeyondTopics(q, inCantons))) return comparisonAnswer(kb, q);
      // Each canton's own passage that holds the words, one after the other.
      const each = q.cantons.map((code) => searchAnswer(kb, this.index, q, (p) => p.ref.kind === 'canton' && p.ref.code === code)).filter((a) => a.confidence >= CONFIDENCE_THRESHOLD);
      return each.length > 0 ? each.reduce(joined) : searchAnswer(kb, this.index, q, inCantons);
    }
    if (q.cantons.length === 1) return this.cantonRoute(q, q.cantons[0]!);
    // One institution's rules; a question naming two or more is about what they share.
    const organismes = q.institutions.flatMap((i) => ORGANISME_OF[i as keyof typeof ORGANISME_OF] ?? []);
    const liked = q.like ? this.index.passage(q.like) : undefined;
    if (liked && organismes.length === 1) return this.likeRoute(q, liked, organismes[0]!);
    if (organismes.length === 1 && q.inGuide) return this.organismeRoute(q, organismes[0]!);
    const computed = propertyAnswer(kb, q);
    if (computed) return computed;
    const located = q.locators.length > 0 ? this.locatorRoute(q) : this.principlesRoute(q);
    if (located) return located;
    // "How many projects between AC and AS": counted over every canton's rows of the table, unless the
    // question names another document (the OIAS project's "number of measures" counts no projects).
    const projectsCounted = q.wantsCount && q.topics.includes('projects') && (q.documents?.includes(kb.inventory.document) ?? true);
    if ((q.wantsList && !q.wantsCount) || projectsCounted) {
      const list = listAnswer(kb, this.index, projectsCounted ? { ...q, topics: ['projects'] } : q);
      if (list) return list;
    }
    // Glossary entries only answer "what is"; elsewhere they would crowd out the facts. A canton's
    // part the inventory does not report has nothing to say to a question naming no canton.
    const notGlossary = (p: Passage) => (q.wantsDefinition || p.ref.kind !== 'glossary') && reported(kb, p);
    // "The cantonal coordinators", no canton named: what holds for the cantons in general before one canton's part.
    if (q.cantons.length === 0 && q.words.some((w) => CANTONAL_WORDS.includes(w))) {
      const general = searchAnswer(kb, this.index, q, (p) => notGlossary(p) && p.ref.kind !== 'canton');
      if (general.confidence >= CONFIDENCE_THRESHOLD) return general;
    }
    const found = searchAnswer(kb, this.index, q, notGlossary);
    // A term alone that no fact uses ("CNP?") is asked for what it means: its entry.
    return found.confidence < CONFIDENCE_THRESHOLD && onlyTerms(q) ? glossaryAnswer(kb, this.index, q, q.glossaryTerms) : found;
  }

  /**
   * The passages at the place of a document a question names ("Kapitel 5", "tableau 3",
   * "section 3.2"), all of them, of the document whose passages there hold the question's other
   * words; undefined when they do not hold enough of them.
   */
  private locatorRoute(q: Query): Answer | undefined {
    const at = this.index.passagesWhere((p) => q.locators.some((l) => locatedAt(p, l)));
    const [top] = rankedSearch(this.index, q, 1, (p) => at.includes(p));
    const shown = top ? at.filter((p) => p.source.document === top.hit.passage.source.document) : [];
    // A place too wide to show whole (the guide's chapter 4, its 34 indications) is left to the search.
    const held = shown.length > 0 && shown.length <= LOCATED_SHOWN ? this.index.coverageOf(wordsToMatch(q), shown) : 0;
    if (held < CONFIDENCE_THRESHOLD) return undefined;
    return searchAnswer(this.kb, this.index, q, undefined, given(shown).map((h) => ({ ...h, coverage: held })), true);
  }

  /**
   * The guide's chapter 5 asked for by its title rather than its number ("Grundsätze für
   * Leistungsvereinbarungen mit EISP"): all its principles, as "chapitre 5" gives them; undefined
   * when the title holds too little of the question.
   */
  private principlesRoute(q: Query): Answer | undefined {
    const { principles } = this;
    // The title's head ("Principes", "Grundsätze") must be asked for: its other words name much else.
    if (this.index.textCoverage(this.principlesHead[q.language], { [q.language]: q.text }) < 1) return undefined;
    // The title, with the guide's names, as each principle holds it.
    const held = principles[0]?.context ? this.index.textCoverage(wordsToMatch(q), principles[0].context) : 0;
    if (held < CHAPTER_TITLE_SHARE) return undefined;
    // Another passage whose title holds more of the question is what it asks for ("the four design principles").
    const [other] = rankedSearch(this.index, q, 1, (p) => p.ref.kind !== 'principle');
    if (other && this.index.textCoverage(wordsToMatch(q), other.hit.passage.heading) > held) return undefined;
    return searchAnswer(this.kb, this.index, q, undefined, given(principles).map((h) => ({ ...h, coverage: held })), true);
  }

  /** A report's section asked for by its title (a follow-up button offers them): all of its facts; what the report lacks, alone. */
  private sectionAnswer(q: Query, section: Passage): Answer {
    const lacking = section.ref.kind === 'document' && section.ref.section === 'unavailable';
    const passages = lacking ? [section] : this.index.passagesWhere((p) => sameRef(p.ref, section.ref));
    return searchAnswer(this.kb, this.index, q, undefined, given(passages));
  }

  /**
   * A follow-up answered from the passages of the answer before ("qui le préside ?" after
   * Fribourg's steering), unless a passage elsewhere (in the same canton, when the canton carried
   * over) holds clearly more of it. The last answer counts as evidence: more when the question points
   * back to it ("y", "dort", "ne"), when it may hold none of the new words ("and since when?").
   * `nothingElse`: no passage elsewhere answered it, so none is a rival.
   */
  private scopeRoute(q: Query, scope: PassageRef, nothingElse = false): Answer | undefined {
    // Only a kind of fact asked for ("und seit welchem Jahr?", "and how many of them?"), its other words
    // none the base knows ("and when was it wrapped up?"): the last answer's passages that give one, or its
    // document's overview (which dates it).
    if (q.meaningfulWords.length === 0 || (asksAKind(q) && this.offTopic(q))) {
      const overview = (p: Passage) => scope.kind === 'document' && p.ref.kind === 'source' && inDocument(this.kb, p, scope.doc);
      // No kind asked either, after one project ("in which canton is it?"): that project again.
      const again = q.focus !== undefined && !asksAKind(q);
      // "Why?": the last answer's passages that give a reason.
      const gives = (p: Passage) => givesAskedKind(q, p) || (q.wantsReason && givesReason(p));
      const own = this.index.passagesWhere((p) => sameRef(p.ref, scope) && (!q.focus || p.topic === q.focus) && (again || gives(p)));
      const giving = own.length > 0 ? own : this.index.passagesWhere((p) => overview(p) && gives(p));
      return giving.length > 0 ? searchAnswer(this.kb, this.index, q, undefined, given(giving)) : undefined;
    }
    // Words the base has never seen are not made an answer by the context either.
    if (this.offTopic(q)) return undefined;
    // Naming another document ("and what does the EISP guide say?") leaves the last answer's.
    if (q.documents && !this.index.passagesWhere((p) => this.inScope(p, scope)).some((p) => q.documents!.includes(p.source.document))) return undefined;
    // "And instead?" after a document's section: another of its sections; "and the AC, what does
    // it do instead?" the same section's rule for that institution, where there is one.
    const other = (p: Passage) => !q.wantsInstead || q.institutions.length > 0 || scope.kind !== 'document' || !sameRef(p.ref, scope);
    // A project is also what another part of its canton says of it by its quoted name ("« Kooperation Arbeitsmarkt » supported 400 people").
    const focusCanton = q.focus && scope.kind === 'canton' ? scope.code : undefined;
    const names = focusCanton ? quotedNames(this.index.passagesWhere((p) => p.topic === q.focus)) : [];
    const namesFocus = (p: Passage) => focusCanton !== undefined && aboutCanton(this.kb, p, focusCanton) && quotesOneOf([p], names);
    // A term defined is also what the passages naming it say of it ("and who ran its pilot phase?" after a definition).
    const term = scope.kind === 'glossary' ? questionWords(scope.term) : [];
    // Only the passages the search finds for the term are weighed: the others cannot hold it.
    const naming = new Set(term.length > 0 ? this.index.search(term, Infinity, undefined, true).map((h) => h.passage.id) : []);
    const namesTerm = (p: Passage) => naming.has(p.id) && this.index.coverage(term, p, false) === 1;
    // So are the other passages of what the last answer showed beside its first, as close to its question: the follow-up may go on with them.
    const shownBeside = (q.scopeBeside ?? []).flatMap((id) => this.index.passage(id) ?? []);
    const beside = (p: Passage) => shownBeside.some((shown) => shown.id !== p.id && sameRef(shown.ref, p.ref));
    // An indication's neighbours go on with it (the indicators, then their target values).
    const pointsAtIt = q.words.some((w) => SAME_THING_WORDS.has(w));
    const neighbour = (p: Passage) => !pointsAtIt && scope.kind === 'indication' && p.ref.kind === 'indication' && Math.abs(p.ref.number - scope.number) === 1;
    const within = (p: Passage) => ((this.inScope(p, scope) && (!q.focus || p.topic === q.focus)) || namesFocus(p) || namesTerm(p) || beside(p) || neighbour(p)) && other(p);
    const inCanton = scope.kind === 'canton' && q.cantons.includes(scope.code);
    const elsewhere = (p: Passage) => !within(p) && p.ref.kind !== 'glossary' && (!inCanton || aboutCanton(this.kb, p, scope.code));
    // Every passage of the scope, those that hold none of the words last (a question of pronouns may hold none).
    const found = rankedSearch(this.index, q, CANDIDATES, within);
    const rest = this.index.passagesWhere((p) => within(p) && !found.some((h) => h.hit.passage.id === p.id));
    const hits = [...found, ...rest.map((passage) => ({ hit: { passage, score: 0 }, coverage: 0, bonus: 0 }))];
    // Across a document's sections, the one the last answer came from first among those as close ("and in 2011?");
    // first of all when the question asks among what it gave in a few words ("which of them…?").
    const among = q.partitive && q.meaningfulWords.length <= FOLLOW_UP_WORDS;
    const own = (h: RankedHit) => Number(sameRef(h.hit.passage.ref, scope));
    // One project is a narrower subject than a whole part: a question after it is about it as if it pointed back.
    const prior = q.refersBack || q.focus ? CONTEXT_PRIOR.refersBack : CONTEXT_PRIOR.tied;
    // A neighbouring indication must hold clearly more of the question than the scope's own.
    const ranking = (h: RankedHit) => closeness(h) - (neighbour(h.hit.passage) ? NEIGHBOUR_YIELD : 0);
    // Of passages as close, one the last answer showed is what the follow-up goes on with.
    const shown = (h: RankedHit) => Number(q.scopeShown?.includes(h.hit.passage.id) ?? false);
    hits.sort((a, b) => (among ? own(b) - own(a) : 0) || ranking(b) - ranking(a) || own(b) - own(a) || shown(b) - shown(a) || b.hit.score - a.hit.score);
    const top = hits[0];
    if (!top || (closeness(top) === 0 && !q.refersBack)) return undefined;
    // Pointing back at one project, the question is about it whatever part its words name ("who takes part in it?"),
    // unless the project holds none of them ("and who leads those teams?": the canton's office does).
    // Nor is there a rival to a question that points back in everyday words only ("and what does the project propose instead?"): it names nothing else.
    const everyday = !inCanton && q.refersBack && q.meaningfulWords.every((w) => EVERYDAY_WORDS.has(w.split(ALTERNATIVE)[0]!));
    // Nor to one asking among what the last answer gave.
    const rival = nothingElse || everyday || among || (q.refersBack && q.focus && closeness(top) > 0) ? undefined : rankedSearch(this.index, q, CANDIDATES, elsewhere)[0];
    // Within the canton carried over, another of its parts needs less to win: the canton is the context too;
    // less still the part the question names ("and which platform does it use?").
    const rivalRef = rival?.hit.passage.ref;
    const named = rivalRef?.kind === 'canton' && q.topics.some((t) => TOPIC_PARTS[t].includes(rivalRef.part)) ? NAMED_PART : 0;
    if (rival && closeness(rival) + named > closeness(top) + (inCanton ? CONTEXT_PRIOR.tied : prior)) return undefined;
    // Nor does the last answer keep a question asking a kind of fact it does not give ("… every year?"), where a rival holding as much gives it;
    // a count or a share aside, which a text may write in words ("five partners", "half the cost").
    if (rival && asksAKind(q) && !q.wantsCount && !q.wantsShare && !givesAskedKind(q, top.hit.passage) && givesAskedKind(q, rival.hit.passage) && rival.coverage >= top.coverage) return undefined;
    return searchAnswer(this.kb, this.index, q, undefined, hits.map((h) => ({ ...h, coverage: Math.min(1, h.coverage + prior) })));
  }

  /** A short document (Neuchâtel 2013, OIAS, the programme sheet) is one scope across its sections, with its overview. */
  private inScope(p: Passage, scope: PassageRef): boolean {
    return scope.kind === 'document' ? inDocument(this.kb, p, scope.doc) : sameRef(p.ref, scope);
  }

  /**
   * The item at a place of the last answer's list ("le troisième ?", "und das letzte?"): a passage
   * numbered so ("3. Pilotage…"); an item of a passage that enumerates them ("1) …; 2) …"), which a
   * passage elsewhere may tell more of; one of a part's projects or a section's points, in order.
   */
  private itemRoute(q: Query, scope: PassageRef, place: number): Answer | undefined {
    // A principle is one of its chapter's, which an answer gives whole ("and the third?").
    const passages = scope.kind === 'principle' ? this.principles : this.index.passagesWhere((p) => sameRef(p.ref, scope));
    const at = <T>(items: T[]) => (place === -1 ? items.at(-1) : items[place - 1]);
    const shownAlone = (ps: Passage[]) => searchAnswer(this.kb, this.index, q, undefined, given(ps));
    // The question's other words are the item's ("le troisième, il dure combien ?"), or it names another list ("the first recommendation").
    const holds = (ps: Passage[]) => q.meaningfulWords.length === 0 || this.index.coverageOf(wordsToMatch(q), ps) >= CONFIDENCE_THRESHOLD;
    const numbered = passages.map((p) => ({ p, n: Number(NUMBERED.exec(p.text[q.language])?.[1] ?? NaN) })).filter((x) => x.n > 0).sort((a, b) => a.n - b.n);
    if (numbered.length >= 2) {
      const found = place === -1 ? numbered.at(-1) : numbered.find((x) => x.n === place);
      return found && holds([found.p]) ? shownAlone([found.p]) : undefined;
    }
    for (const passage of passages) {
      const items = passage.text[q.language].split(ENUMERATED).slice(1);
      if (items.length < 2) continue;
      const item = at(items);
      if (!item) return undefined;
      const said = questionWords(item);
      const itemWords = contentOf(said);
      const asked = { ...q, words: [...q.words, ...said], contentWords: [...q.contentWords, ...itemWords], meaningfulWords: [...q.meaningfulWords, ...itemWords] };
      const hits = rankedSearch(this.index, asked, CANDIDATES, (p) => p !== passage && p.ref.kind !== 'glossary');
      // Elsewhere only a passage the item names by its title tells more of it ("l'expérience-pilote MAMAC").
      const told = hits[0] && hits[0].coverage >= CONFIDENCE_THRESHOLD && hits[0].bonus >= TITLE_BONUS;
      return told ? searchAnswer(this.kb, this.index, asked, undefined, hits) : shownAlone([passage]);
    }
    const projects = [...new Set(passages.flatMap((p) => (p.topic ? [p.topic] : [])))];
    if (projects.length >= 2) {
      const project = at(projects);
      const shown = passages.filter((p) => p.topic === project);
      return shown.length > 0 && holds(shown) ? shownAlone(shown) : undefined;
    }
    // A section's points, in their source's order.
    const point = passages.length >= 2 ? at(passages) : undefined;
    return point && holds([point]) ? shownAlone([point]) : undefined;
  }

  /**
   * The like of the last answer in the other cantons ("Prüft ein anderer Kanton, das zu
   * übernehmen?") or in the one named (`likeIn`): the passage that holds the project's name, or
   * else that shares most of the last answer's words (rare ones count most) and the question's.
   */
  private elsewhereRoute(q: Query, scope: PassageRef, code: CantonCode): Answer {
    const shown = this.index.passagesWhere((p) => sameRef(p.ref, scope) && (!q.focus || p.topic === q.focus));
    const others = (p: Passage) => p.ref.kind === 'canton' && (q.likeIn ? p.ref.code === q.likeIn : p.ref.code !== code) && reported(this.kb, p);
    // A project's name, found in another canton's passage, tells most ("Chaîne d'offre CII").
    const name = q.focus && shown[0] ? contentOf(questionWords(shown[0].heading[q.language].split(': ').at(-1)!)) : [];
    const named = name.length > 0 ? rankedSearch(this.index, { ...q, words: [...q.words, ...name], meaningfulWords: [...q.meaningfulWords, ...name] }, CANDIDATES, others) : [];
    if ((named[0]?.coverage ?? 0) >= CONFIDENCE_THRESHOLD) return searchAnswer(this.kb, this.index, q, undefined, named.slice(0, 1));
    const liked = [...q.contentWords, ...shown.flatMap((p) => contentOf(questionWords(p.text[q.language])))];
    const [most] = this.index.search(liked, 1, others);
    return searchAnswer(this.kb, this.index, q, undefined, asChosen(most ? [most] : []));
  }

  /**
   * "What is X": the glossary, unless the question says more than the term and a passage holds it
   * (a "what is" naming a term and an indication's topic is about the indication).
   */
  private definitionRoute(q: Query): Answer {
    if (onlyTerms(q)) return glossaryAnswer(this.kb, this.index, q, q.glossaryTerms);
    const hits = rankedSearch(this.index, q, CANDIDATES, (p) => p.ref.kind !== 'glossary');
    // The term's entry, when it (with the ways it is asked for) holds the question as well as any
    // passage ("the CEFEC definition of a social enterprise"); otherwise the passage that holds
    // more; and when nothing holds it, the question asks what the base does not say ("AHV
    // contribution rate"): the entry is offered, not claimed.
    const entries = rankedSearch(this.index, q, 3, (p) => p.ref.kind === 'glossary' && q.glossaryTerms.includes(p.ref.term));
    const entry = entries[0]?.coverage ?? 0;
    if (entry >= CONFIDENCE_THRESHOLD && entry >= (hits[0]?.coverage ?? 0)) return glossaryAnswer(this.kb, this.index, q, q.glossaryTerms);
    if ((hits[0]?.coverage ?? 0) >= CONFIDENCE_THRESHOLD) return searchAnswer(this.kb, this.index, q, undefined, hits);
    return dontKnow(this.kb, q, entries.map((h) => h.hit), hits[0]?.coverage ?? 0);
  }

  /** The institution's rule most like the passage a follow-up points to ("und was gilt bei der Invalidenversicherung?" after the ALV's durations). */
  private likeRoute(q: Query, liked: Passage, organisme: Organisme): Answer {
    // An indication's examples are each an institution's practice ("IV: …", "ALV (observed practice): …"): the one of the institution asked.
    const examples = liked.ref.kind === 'indication' ? this.index.passagesWhere((p) => sameRef(p.ref, liked.ref) && p !== liked && opensWith(p, q.institutions[0]!, q.language)) : [];
    if (examples.length > 0) return searchAnswer(this.kb, this.index, q, undefined, given(examples));
    const rules = this.index.passagesWhere((p) => p.ref.kind === 'organisme' && p.ref.id === organisme);
    // The rule that holds most of what the indication is titled ("surpluses"), when one clearly does; else the one sharing most of its words.
    const title = liked.ref.kind === 'indication' ? contentOf(questionWords(liked.heading[q.language])).filter((w) => !/^\d+$/.test(w)) : [];
    const [first, second] = rules.map((p) => ({ p, held: this.index.coverage(title, p, false) })).sort((a, b) => b.held - a.held);
    const most = first && first.held > 0 && first.held > (second?.held ?? 0) ? first.p : this.index.mostAlike(liked, rules);
    return organismeAnswer(this.kb, q, organisme, given(most ? [most] : []));
  }

  /**
   * An institution's rules for agreements with EISP, unless another passage of the guide holds more
   * of the question (a threshold of beneficiaries asked about one institution is a
   * general principle).
   */
  private organismeRoute(q: Query, organisme: Organisme): Answer {
    const own = rankedSearch(this.index, q, 8, (p) => p.ref.kind === 'organisme' && p.ref.id === organisme);
    const all = rankedSearch(this.index, q, CANDIDATES, (p) => p.ref.kind !== 'glossary');
    const top = all[0];
    // The structured look-up stays unless another passage is clearly closer: a shared stem or two
    // ("personnes" in "personnel") must not take the question away from the institution's rules.
    if (top && top.hit.passage.ref.kind !== 'organisme' && top.coverage >= (own[0]?.coverage ?? 0) + CLEARLY_CLOSER) return searchAnswer(this.kb, this.index, q, undefined, all);
    // Nor when it asks for an example that none of the institution's closest rules gives and a passage as close does (the guide's).
    const giving = q.wantsExample ? all.find((h) => h.hit.passage.ref.kind !== 'organisme' && givesAskedKind(q, h.hit.passage)) : undefined;
    if (giving && !own.slice(0, 3).some((h) => givesAskedKind(q, h.hit.passage)) && giving.coverage >= (own[0]?.coverage ?? 0)) return searchAnswer(this.kb, this.index, q, undefined, [giving, ...all.filter((h) => h !== giving)]);
    // Rules the question tells apart are shown alone; when all hold it alike (the institution's
    // questions ask for its rules as a whole), all of them.
    const tellsApart = own.length > 1 && own[0]!.coverage > own.at(-1)!.coverage;
    const answer = organismeAnswer(this.kb, q, organisme, q.contentWords.length > 0 && tellsApart ? own.slice(0, 4) : []);
    // Shown whole, the rules are in the guide's order; a follow-up ("and at the IV?") asks the like of the closest.
    return own[0] && !answer.passage ? { ...answer, passage: own[0].hit.passage.id } : answer;
  }

  /**
   * Of the topics a question names as often ("case numbers… coordination cases"), first the one
   * whose part of the canton holds most of the question.
   */
  private closestTopicFirst(q: Query, code: CantonCode): Query {
    // Counting cases asks the case numbers, whatever else the question's words touch (the reading put them first).
    if (q.topics.length < 2 || (q.wantsCount && q.topics[0] === 'caseNumbers2022')) return q;
    const wanted = wordsToMatch(q);
    const held = (topic: Topic) =>
      Math.max(0, ...this.index.passagesWhere((p) => p.ref.kind === 'canton' && p.ref.code === code && TOPIC_PARTS[topic].includes(p.ref.part)).map((p) => this.index.coverage(wanted, p, false)));
    const scores = new Map(q.topics.map((t) => [t, held(t)]));
    // A stable sort: topics the parts hold alike keep the reading's order.
    return { ...q, topics: [...q.topics].sort((a, b) => scores.get(b)! - scores.get(a)!) };
  }

  /**
   * The share of the question a topic's passages answer: the words that named the topic (and the
   * institutions, glossary terms and edition the reading recognised) count as held, the other words
   * as the passages hold them.
   */
  private topicCoverage(q: Query, passages: Passage[]): number {
    // Words asking for this edition ("(edition inventory-2025)") are answered by it.
    const asking = editionWords(this.kb, q);
    // A term the glossary knows ("ACE") names what the canton's part speaks of, maybe in full words.
    const terms = new Set(q.glossaryTerms.map((term) => fold(term)));
    const content = new Set(q.contentWords.filter((w) => !asking.has(w) && !terms.has(w)));
    const wanted = wordsToMatch(q);
    const isOwn = (w: string) => content.has(w.split(ALTERNATIVE)[0]!);
    const own = wanted.filter(isOwn);
    const named = wanted.filter((w) => !isOwn(w));
    const weigh = (ws: string[]) => ws.reduce((sum, w) => sum + this.index.weight(w), 0);
    const held = weigh(named) * NAMED_WEIGHT;
    const total = held + weigh(own);
    return total > 0 ? (held + weigh(own) * this.index.coverageOf(own, passages)) / total : 1;
  }

  /**
   * Whether another part of the cantons holds the question's own words clearly better than the
   * parts its topics name ("and where are they employed?" after cantons listed by their steering).
   */
  private heldBeyondTopics(q: Query, inCantons: (p: Passage) => boolean): boolean {
    if (q.contentWords.length === 0) return false;
    const parts = new Set(q.topics.flatMap((t) => TOPIC_PARTS[t]));
    const inTopics = this.topicCoverage(q, this.index.passagesWhere((p) => inCantons(p) && p.ref.kind === 'canton' && parts.has(p.ref.part)));
    return this.clearlyBetter(q, inCantons, inTopics);
  }

  /** Whether a passage the filter keeps holds the question surely and clearly better than `held`. */
  private clearlyBetter(q: Query, filter: (p: Passage) => boolean, held: number): boolean {
    const top = rankedSearch(this.index, q, CANDIDATES, filter)[0];
    return !!top && top.coverage >= CONFIDENCE_THRESHOLD && top.coverage >= held + CLEARLY_CLOSER;
  }

  /** Whether the closest passage the filter keeps, outside the canton's part, is one whose title the question writes out. */
  private titledElsewhere(q: Query, filter: (p: Passage) => boolean, part: InventoryPart): boolean {
    const top = rankedSearch(this.index, q, CANDIDATES, filter)[0];
    if (!top || top.bonus < TITLE_BONUS) return false;
    const { ref } = top.hit.passage;
    if (ref.kind !== 'canton') return true;
    if (ref.part === part) return false;
    return !this.namedByPart(top.hit.passage, ref.code, part);
  }

  /** Whether a canton's part names the passage's project by its quoted name (Aargau's criteria: who « Kooperation Arbeitsmarkt » takes): it is not elsewhere. */
  private namedByPart(passage: Passage, code: CantonCode, part: InventoryPart): boolean {
    return quotesOneOf(this.index.passagesWhere((p) => p.ref.kind === 'canton' && p.ref.code === code && p.ref.part === part), quotedNames([passage]));
  }

  /**
   * Whether a passage about the canton outside the part a computed answer comes from holds clearly
   * more of the question: an agreement for young people on social assistance names a
   * project, not whether the canton's CII rests on agreements.
   */
  private heldElsewhere(q: Query, computed: Answer, inScope: (p: Passage) => boolean): boolean {
    const about = computed.about;
    if (about?.kind !== 'canton') return false;
    const inPart = (p: Passage) => p.ref.kind === 'canton' && p.ref.part === about.part;
    const elsewhere = (p: Passage) => inScope(p) && !inPart(p) && !this.namedByPart(p, about.code, about.part);
    // The words that named the topic or property are the computed answer's; the others it must hold.
    const content = new Set(q.contentWords);
    const wanted = wordsToMatch(q).filter((w) => content.has(w.split(ALTERNATIVE)[0]!));
    if (wanted.length === 0) return false;
    const said = this.index.textCoverage(wanted, { [computed.language]: computed.text });
    return this.clearlyBetter(q, elsewhere, said);
  }

  /**
   * One canton: the part its topic names, unless a passage about the canton holds more of the
   * question's other words (a project's or a report's name with the canton's).
   */
  private cantonRoute(asked: Query, code: CantonCode): Answer {
    const q = this.closestTopicFirst(asked, code);
    const inScope = (p: Passage) => aboutCanton(this.kb, p, code);
    // The inventory, the latest source, counts cases for one year, which its part's name gives: it has no figure for a later year.
    if (asked.topics[0] === 'caseNumbers2022' && q.years.length > 0 && q.years.every((y) => y > CASE_NUMBERS_YEAR)) {
      const counted = this.index.passagesWhere((p) => p.ref.kind === 'canton' && p.ref.code === code && p.ref.part === 'caseNumbers2022');
      return dontKnow(this.kb, q, counted.map((passage) => ({ passage, score: 0 })), NOTHING_REPORTED);
    }
    // Who is a CII case, unless the question names something else a person may enter (a project by its title: "NE-ESO").
    const eligible = eligibilityAnswer(this.kb, q, code, (criteria) => (this.heldElsewhere(q, criteria, inScope) ? undefined : criteria));
    if (eligible && !this.titledElsewhere(q, inScope, 'criteria')) return eligible;
    // "Does Thurgau have a common charter?": computed from the canton properties, with their notes.
    const yesNo = propertyYesNoAnswer(this.kb, q, code);
    if (yesNo && !this.heldElsewhere(q, yesNo, inScope)) return yesNo;
    const topicParts = q.topics[0] ? TOPIC_PARTS[q.topics[0]] : [];
    const inTopic = (p: Passage) => p.ref.kind === 'canton' && topicParts.includes(p.ref.part);
    if (q.meaningfulWords.length === 0 || q.wantsProfile) return this.cantonPart(q, code);
    // With nothing but topic words, the topic's part answers unless it holds none of them
    // ("IIZ-Strukturen in Appenzell Ausserrhoden": the inventory says so under another part).
    const wanted = wordsToMatch(q);
    // A part the inventory does not report holds nothing, whatever the ways of asking for it say.
    const topicHolds = () => this.index.passagesWhere((p) => inScope(p) && inTopic(p) && reported(this.kb, p)).some((p) => this.index.coverage(wanted, p, false) > 0);
    if (q.contentWords.length === 0 && (q.topics.length === 0 || topicHolds())) return this.cantonPart(q, code);
    const candidates = rankedSearch(this.index, q, 30, inScope);
    // The canton's report as a whole (its summary holds many words) answers a question about the
    // report itself, whose words its title holds ("le rapport neuchâtelois date de quand ?").
    const overview = candidates.find((h) => h.hit.passage.ref.kind === 'source');
    const sections = candidates.filter((h) => h !== overview);
    const hits = overview && this.index.inHeading(wordsToMatch(q), overview.hit.passage) ? candidates : sections;
    const top = hits[0];
    const topicHit = hits.find((h) => inTopic(h.hit.passage));
    const found = top?.coverage ?? 0;
    // A passage whose title the question writes out ("Réseau CII neuchâtelois") beats the topic's part.
    // The topic's part counts ahead only where it gives the kind of fact asked ("how often…": a frequency).
    const topicGives = !asksAKind(q) || this.index.passagesWhere((p) => inScope(p) && inTopic(p)).some((p) => givesAskedKind(q, p));
    const beaten = q.contentWords.length > 0 ? !!top && closeness(top) > (topicHit ? closeness(topicHit) + (topicGives ? TOPIC_PRIOR : 0) : 0) : found >= CONFIDENCE_THRESHOLD;
    if (top && !inTopic(top.hit.passage) && beaten) return searchAnswer(this.kb, this.index, q, inScope, hits);
    // One project of the part named by its words ("Enter" among Basel-Stadt's projects): that project.
    const nextProject = hits.find((h) => h.hit.passage.topic && h.hit.passage.topic !== top?.hit.passage.topic)?.coverage ?? 0;
    const oneProject = top?.hit.passage.topic && found >= CONFIDENCE_THRESHOLD && found >= nextProject + CLEARLY_CLOSER;
    if (oneProject && q.topics.every((t) => t === 'projects') && !q.wantsCount) return searchAnswer(this.kb, this.index, q, inScope, hits);
    // Words about the canton that the base cannot place (the weather, a train timetable).
    if (q.topics.length === 0 && found < CONFIDENCE_THRESHOLD) return dontKnow(this.kb, q, top ? [top.hit] : [], found);
    // The topic's part answers the words that named it; the question's other words it must hold
    // like any passage ("renewing a driving licence" is not in a canton's steering).
    const partHolds = this.topicCoverage(q, this.index.passagesWhere((p) => inScope(p) && inTopic(p)));
    if (partHolds < CONFIDENCE_THRESHOLD) return dontKnow(this.kb, q, hits.filter((h) => inTopic(h.hit.passage)).map((h) => h.hit), partHolds);
    return this.cantonPart(q, code);
  }

  /** A canton's part, as sure as what it says holds the question when the inventory reports nothing there. */
  private cantonPart(q: Query, code: CantonCode): Answer {
    const answer = cantonAnswer(this.kb, q, code);
    const part = answer.about?.kind === 'canton' ? this.kb.cantons.get(code)!.inventory[answer.about.part] : undefined;
    if (answer.confidence !== NOTHING_REPORTED || part?.status !== 'not-reported') return answer;
    return { ...answer, confidence: unreportedConfidence(this.index, q, part.reason[q.language]) };
  }
}
