// What a conversation was last about, so that a short follow-up inherits it: "et à Zurich ?" after
// Geneva's criteria asks for Zurich's criteria; "and its case numbers?" keeps the canton; "und die
// nächste?" after indication 12 asks for 13. Kept per conversation with the other conversation
// state: facts about the base only (a canton, a part, an indication), never the message, 24 hours.
import type { Answer } from '../answers/builder.js';
import type { KnowledgeBase } from '../knowledge/base.js';
import type { PassageRef } from '../knowledge/passages.js';
import { CANTON_DOCUMENTS, cantonOf, topicKey } from '../knowledge/topics.js';
import { BLOCK_IDS, CANTON_CODES, LANGUAGES, type CantonCode } from '../knowledge/schema.js';
import type { Store } from '../store/store.js';
import { ALTERNATIVE, yearSpans } from '../understanding/normalize.js';
import { questionWords } from '../understanding/phrases.js';
import { holdsCue, onlyTerms, phraseAt, type ListedCondition, type Query } from '../understanding/query.js';
import { EVERYDAY_WORDS } from '../search/everyday.js';
import { STOPWORDS } from '../search/stopwords.js';
import { CANTON_NOUNS, CONTINUATION_WORDS, DENIAL_WORDS, INSTITUTION_PHRASES, OPENING_CONTINUATIONS, ORDINAL_NOUNS, ORGANISME_OF, PLURAL_CANTON_WORDS, SEQUENCE_CUES, TOPIC_PARTS, WHICH_ONES_CUES, type Topic } from '../understanding/vocabulary.js';

const COLLECTION = 'conversation-context';
const TTL_MS = 24 * 60 * 60 * 1000;
/**
 * A follow-up says little: a question with more words that matter says what it is about, unless
 * it opens as a continuation ("and…"), up to twice as many.
 */
export const FOLLOW_UP_WORDS = 4;
/** A short question with no subject of its own and at most this many content words continues the last one. */
const TIED_WORDS = 2;
/** A list of at most this many cantons is one a follow-up can ask about as a whole ("and their offices?"). */
const FOLLOWED_CANTONS = 6;

export interface TopicContext {
  /** What the last answer was about; none after a list of cantons, whose part `topics` holds. */
  about?: PassageRef;
  topics: Topic[];
  /** A project within `about`, when the answer was about one. */
  focus?: string;
  /** The passages the answer showed elsewhere, as close to the question. */
  beside?: string[];
  /** The passages the answer showed under other headings, which a follow-up goes on with before others as close. */
  shown?: string[];
  /** The passage the answer gave first (one rule of an institution's), for "and at the IV?". */
  passage?: string;
  /** The list before was counted ("how many projects…"): the same list for other institutions is too. */
  counted?: boolean;
  /** The indications the answer before gave as a range, for "and the second?". */
  indications?: number[];
  /** The cantons the list before named, or the one canton a question that found nothing named. */
  cantons?: CantonCode[];
  /** The question before found nothing: only its canton carries over, to a question naming none. */
  unanswered?: true;
  /** The year the question before asked about, for "and a year later?". */
  year?: number;
  /** The properties the list before was computed from, for "and which have none of them?". */
  conditions?: ListedCondition[];
  /** The kinds of fact the question before asked for ("how often?"), for "and the working group?". */
  asked?: AskedKind[];
}

/** The kinds of fact a question may ask for, which a follow-up asking none of its own inherits. */
const ASKED_KINDS = ['wantsCount', 'wantsDate', 'wantsShare', 'wantsFrequency', 'wantsDuration', 'wantsDefinition'] as const;
type AskedKind = (typeof ASKED_KINDS)[number];

const CONTINUATIONS = new Set(LANGUAGES.flatMap((l) => CONTINUATION_WORDS[l]));
const NEXT = LANGUAGES.flatMap((l) => SEQUENCE_CUES.next[l]);
const PREVIOUS = LANGUAGES.flatMap((l) => SEQUENCE_CUES.previous[l]);
const OPENINGS = LANGUAGES.flatMap((l) => OPENING_CONTINUATIONS[l]).map((phrase) => phrase.split(' '));

/** Whether the question opens as a continuation of the one before ("und…", "what about…"). */
function opensAsContinuation(q: Query): boolean {
  return OPENINGS.some((phrase) => phrase.every((w, i) => q.words[i] === w));
}

/** "Which ones": the pronoun, before a verb or nothing ("and which have…?"), not the determiner ("which offices…?"). */
function asksWhichOnes(ws: string[]): boolean {
  return WHICH_ONES_CUES.some((cue) => {
    const at = phraseAt(ws, cue);
    if (at.length === 0) return false;
    const next = ws[at.at(-1)! + 1];
    return next === undefined || STOPWORDS.has(next);
  });
}

/**
 * Whether the question turns to something else than the last answer: another canton, indication,
 * block or list, the guide's count of indications, a triage, a definition not pointing back. A term
 * or an institution named is looked for in the last answer ("and the CDC there?", "and what share
 * with the AI?" after a principle citing the shares), unless that answer was an institution's rule
 * or a term's: then it is the new subject.
 */
function retargets(q: Query, about: PassageRef, refersBack: boolean): boolean {
  // The canton a report is about is that report's subject still ("and in Neuchâtel, what came after?" after a section of its report).
  const cantons = q.cantons.filter((code) => !(about.kind === 'document' && CANTON_DOCUMENTS[code] === about.doc));
  // "Which cantons did they visit?" after a report's section may be answered there.
  const listHere = about.kind === 'document' && about.doc !== 'inventory';
  if (cantons.length + q.indications.length + q.unknownIndications.length + q.blocks.length > 0 || q.unknownCanton || (q.wantsList && !listHere) || q.wantsTriage || q.countsIndications) return true;
  const named = q.glossaryTerms.length + q.institutions.length > 0;
  if (about.kind !== 'organisme' && about.kind !== 'glossary') return named && q.wantsDefinition && !refersBack;
  // The institution whose rules the last answer gave, named again, is still its subject ("und wie wertet die IV-Stelle das aus?").
  // A term that is one of its names ("IV-Stelle": OAI) names nothing else.
  const itsName = (term: string) => q.institutions.some((i) => INSTITUTION_PHRASES[i].includes(term.toLowerCase()));
  const sameInstitution = about.kind === 'organisme' && q.institutions.length > 0 && q.institutions.every((i) => ORGANISME_OF[i as keyof typeof ORGANISME_OF] === about.id) && q.glossaryTerms.every(itsName);
  return named && !sameInstitution;
}

/** The topic that names a canton's part, for an answer found by search rather than by topic. */
function topicOf(part: string): Topic[] {
  const topic = (Object.keys(TOPIC_PARTS) as Topic[]).find((t) => TOPIC_PARTS[t][0] === part);
  return topic ? [topic] : [];
}

/**
 * The topics an answer was about: the canton's part it gave first (a question naming a tool and
 * cases got the platform, not the case numbers), and alone when the question's topics name
 * another part ("wie läuft es in Bern zwischen RAV und Sozialhilfe?" found projects).
 */
function topicsAnswered(query: Query, about: PassageRef): Topic[] {
  if (about.kind !== 'canton') return query.topics;
  const given = topicOf(about.part);
  if (given.length === 0) return query.topics;
  const named = query.topics.some((t) => TOPIC_PARTS[t].includes(about.part));
  return named ? [...given, ...query.topics.filter((t) => t !== given[0])] : given;
}

/**
 * A follow-up naming a place in the last answer's list ("the third one", "l'ultimo"): after a list of
 * cantons, that canton, for the part they were listed by; after anything else, the item at that
 * place among the last answer's passages, which the assistant finds (`item`, in its scope).
 */
function ordinalFollowUp(q: Query, context: TopicContext): Query | undefined {
  const { ordinal } = q;
  if (!ordinal || q.cantons.length + q.indications.length > 0) return undefined;
  const said = new Set([...ordinal.at.map((i) => q.words[i]), ...ORDINAL_NOUNS]);
  const rest = { ...q, words: q.words.filter((w) => !said.has(w)), contentWords: q.contentWords.filter((w) => !said.has(w)), meaningfulWords: q.meaningfulWords.filter((w) => !said.has(w.split(ALTERNATIVE)[0])) };
  // A question that says much else names its own subject ("what is the second labour market?").
  if (rest.meaningfulWords.length > FOLLOW_UP_WORDS) return undefined;
  const at = <T>(items: T[]) => (items.length < 2 ? undefined : items[ordinal.place === -1 ? items.length - 1 : ordinal.place - 1]);
  const indication = at(context.indications ?? []);
  if (indication !== undefined) return { ...rest, indications: [indication] };
  if (context.about) return { ...rest, scope: context.about, refersBack: true, item: ordinal.place };
  const code = at(context.cantons ?? []);
  return code ? { ...rest, cantons: [code], topics: q.topics.length > 0 ? q.topics : context.topics } : undefined;
}

/**
 * The question with what it leaves unsaid taken from the context; the question itself when it
 * stands alone. A follow-up is answered whole: its parts, read alone, would lack the context.
 */
export function followUp(q: Query, context: TopicContext | undefined, kb: KnowledgeBase): Query {
  const followed = withKindAsked(withContext(q, context, kb), q, context);
  return followed === q || !followed.parts ? followed : { ...followed, parts: undefined };
}

/**
 * "How often does the steering group meet?", then "and the working group?": a continuation that asks no kind
 * of fact of its own asks the one asked before, of its own subject.
 */
function withKindAsked(followed: Query, q: Query, context: TopicContext | undefined): Query {
  if (!context?.asked || !opensAsContinuation(q) || q.meaningfulWords.length > FOLLOW_UP_WORDS || ASKED_KINDS.some((kind) => q[kind])) return followed;
  // A meaning asked and given before is asked again of a term the continuation names ("und CNP?"), not of anything
  // else it says; after another answer ("what does the guide recommend on surpluses?"), "and the IV?" asks its rule.
  const kinds = context.asked.filter((kind) => kind !== 'wantsDefinition' || (onlyTerms(q) && context.about?.kind === 'glossary'));
  return kinds.length > 0 ? { ...followed, ...Object.fromEntries(kinds.map((kind) => [kind, true])) } : followed;
}

function withContext(q: Query, context: TopicContext | undefined, kb: KnowledgeBase): Query {
  if (!context || q.startsAnew) return q;
  // A place in the last answer's list points back to it, with a few words of its own ("le troisième, il démarre quand ?").
  const item = ordinalFollowUp(q, context);
  if (item) return item;
  // Institutions it sets aside ("apart from the IV and the RAV, who else…?") are not words of its own.
  if (q.meaningfulWords.length - (q.setAside?.length ?? 0) > FOLLOW_UP_WORDS * (opensAsContinuation(q) ? 2 : 1)) return q;
  const { about } = context;
  // "And a year later?": the same answer's subject, the year moved.
  if (q.yearStep && about && context.year !== undefined) {
    const year = String(context.year + q.yearStep);
    return { ...q, words: [...q.words, year], contentWords: [...q.contentWords, year], meaningfulWords: [...q.meaningfulWords, year], years: [Number(year)], scope: about, refersBack: true };
  }
  // After a list computed from properties, naming no canton and denying: the other cantons ("and
  // which don't?", "und welche haben keins davon?"); after whether one canton has something, when
  // asking for cantons ("and which other cantons lack it?").
  if (context.conditions && q.cantons.length === 0 && (!about || q.wantsList) && holdsCue(q.words, DENIAL_WORDS[q.language])) return { ...q, deniedList: context.conditions };
  // "How many is that?", "ça fait combien ?" after such a list: the same list, whose heading counts it;
  // "and how many by agreement?", "und welche haben eine Fallplattform?": cantons again, by what the
  // question names; "welche davon haben …?": those of the list that have it too (below, if it names any).
  const everydayOnly = q.meaningfulWords.every((w) => EVERYDAY_WORDS.has(w.split(ALTERNATIVE)[0]!));
  const again = context.conditions && !about && q.cantons.length === 0 ? { cantonsAgain: { listed: context.conditions, alone: everydayOnly && !q.partitive } } : undefined;
  if (again && !q.partitive && (q.wantsCount || asksWhichOnes(q.words))) return { ...q, ...again };
  // "Which other canton has one?" after whether one canton has a property: the cantons that have it.
  if (context.conditions && about && q.wantsElsewhere && q.cantons.length === 0) return { ...q, cantonsAgain: { listed: context.conditions, alone: true } };
  // "Anything similar in another canton?": the like of the last answer, in the other cantons; "does
  // Geneva have something similar?" after a canton's part, in that canton (after one project, its projects: below).
  if (about?.kind === 'canton') {
    const other = q.wantsSimilar && !context.focus && q.cantons.length === 1 && q.cantons[0] !== about.code ? q.cantons[0] : undefined;
    // "Which other cantons have it?" asks for a list.
    if (other || (q.wantsElsewhere && !q.wantsList && q.cantons.every((code) => code === about.code))) {
      return { ...q, cantons: [], scope: about, elsewhereThan: about.code, ...(other ? { likeIn: other } : {}), ...(context.focus ? { focus: context.focus } : {}) };
    }
  }
  // One canton named with little else: its few other words only ask for the part of it the
  // context names ("and what does Bern have?", "anything like it in Jura?"), unless they ask how it
  // organises its CII as a whole.
  const oneCanton = q.cantons.length === 1 && q.topics.length === 0 && q.contentWords.length <= TIED_WORDS && !q.wantsList && !q.wantsProfile;
  const inCanton = (topics: Topic[]): Query => ({ ...q, topics, contentWords: [], meaningfulWords: [] });
  // After a list of cantons, one of them asks for the part they were listed by.
  if (!about) {
    if (oneCanton && !context.unanswered) return inCanton(context.topics);
    // After a list of projects, institutions named with little else ask for the same list between
    // them ("et entre l'AI et l'AC ?"), counted if it was.
    const otherInstitutions = !context.unanswered && context.topics.includes('projects') && q.cantons.length === 0 && q.topics.length === 0 && q.institutions.length > 0 && q.contentWords.length <= TIED_WORDS;
    if (otherInstitutions) return { ...q, topics: context.topics, wantsList: true, ...(context.counted ? { wantsCount: true } : {}) };
    // After a short list, a question naming no canton and saying little else asks about the cantons
    // listed ("which cantons have two coordinators?", then "in which offices do they work?"); after
    // a question about one canton that found nothing, about that canton.
    const listed = (context.cantons ?? []).filter((code) => !q.exceptCantons?.includes(code));
    // One asking for a canton ("und welcher Kanton…?") asks among all of them.
    const asksCanton = q.wantsList || q.words.some((w) => CANTON_NOUNS.includes(w));
    // "Which one apart from Basel-Stadt?": the others listed, even asked as a canton.
    const besides = q.exceptCantons !== undefined && (listed.length === 1 || asksCanton);
    // A question naming a document of its own ("who wrote the inventory?") is about it, not about the canton that found nothing.
    const ownDocument = context.unanswered === true && (q.documents?.length ?? 0) > 0 && !q.words.some((w) => CONTINUATIONS.has(w));
    const aboutThem = !ownDocument && listed.length >= 1 && listed.length <= FOLLOWED_CANTONS && q.cantons.length === 0 && (besides || (!asksCanton && q.contentWords.length <= TIED_WORDS));
    if (aboutThem) return { ...q, cantons: listed, topics: q.topics.length > 0 ? q.topics : context.topics };
    return again && q.partitive ? { ...q, ...again } : q;
  }
  const step = holdsCue(q.words, NEXT) ? 1 : holdsCue(q.words, PREVIOUS) ? -1 : 0;
  // "In which canton is it?" after one canton's answer: that answer again, whose heading names the canton.
  const asksCantonOnly = q.meaningfulWords.length > 0 && q.meaningfulWords.every((w) => CANTON_NOUNS.includes(w.split(ALTERNATIVE)[0]!));
  if (about.kind === 'canton' && step === 0 && q.cantons.length === 0 && !q.wantsList && !q.wantsCount && asksCantonOnly) {
    return { ...q, contentWords: [], meaningfulWords: [], scope: about, refersBack: true, ...(context.focus ? { focus: context.focus } : {}) };
  }
  // "The next one", or a bare number after an indication: another indication.
  const bare = q.words.filter((w) => /^\d{1,2}$/.test(w)).map(Number);
  const number = step !== 0 ? (about.kind === 'indication' ? about.number + step : undefined) : bare.length === 1 && q.contentWords.length <= 1 ? bare[0] : undefined;
  if (number !== undefined && about.kind === 'indication' && q.indications.length === 0) {
    return number >= 1 && number <= kb.indications.indications.length ? { ...q, indications: [number] } : { ...q, unknownIndications: [number] };
  }
  // "And the next canton?" after a canton's part: the canton after it in the inventory's tables, the same part.
  if (step !== 0 && about.kind === 'canton' && q.cantons.length === 0 && q.words.some((w) => CANTON_NOUNS.includes(w))) {
    const next = CANTON_CODES[CANTON_CODES.indexOf(about.code) + step];
    return next ? { ...q, cantons: [next], topics: context.topics.length > 0 ? context.topics : topicOf(about.part), contentWords: [], meaningfulWords: [] } : q;
  }
  // "Who steers CII in that canton?" after a canton's own report (Neuchâtel's, Bern's OIAS), or a
  // canton's part asked of the inventory ("what does the inventory say of its bodies?"): that canton.
  const reported = about.kind === 'document' ? cantonOf(about) : undefined;
  const oneCantonNamed = q.words.some((w) => CANTON_NOUNS.includes(w) && !PLURAL_CANTON_WORDS.includes(w));
  const cantonsNamed = q.words.some((w) => PLURAL_CANTON_WORDS.includes(w));
  const partInInventory = q.topics.length > 0 && !cantonsNamed && (q.documents?.includes(kb.inventory.document) ?? false);
  if (reported && q.cantons.length === 0 && (oneCantonNamed || partInInventory)) return { ...q, cantons: [reported] };
  // "Et le bloc suivant ?" after a block of the model agreement: the next one, where there is one.
  if (step !== 0 && about.kind === 'block' && q.blocks.length === 0 && q.indications.length === 0) {
    const next = BLOCK_IDS[BLOCK_IDS.indexOf(about.id) + step];
    return next ? { ...q, blocks: [next] } : q;
  }
  // "Et le principe qui suit ?" after one of the guide's principles: the one at the next place of its chapter.
  if (step !== 0 && about.kind === 'principle' && q.indications.length === 0) {
    const place = about.index + 1 + step;
    return place >= 1 && place <= kb.organismes.principles.length ? { ...q, contentWords: [], meaningfulWords: [], scope: about, refersBack: true, item: place } : q;
  }
  // "And what about the IV?" after one institution's rule: the other institution's rule like it;
  // after an indication (whose gist passage its key names), its example for that institution.
  const liked = about.kind === 'organisme' ? context.passage : about.kind === 'indication' ? topicKey(about) : undefined;
  // The same institution again with words of its own ("and what must the provider hand the AI office?"
  // after the AI's rules) asks within its rules, not for the like of the last one.
  const withinSame = about.kind === 'organisme' && q.contentWords.length > 0 && ORGANISME_OF[q.institutions[0] as keyof typeof ORGANISME_OF] === about.id;
  const otherInstitution = liked && q.institutions.length === 1 && !withinSame && q.cantons.length === 0 && q.contentWords.length <= TIED_WORDS;
  if (otherInstitution) return { ...q, like: liked };
  const inherited = context.topics.length > 0 ? context.topics : about.kind === 'canton' ? topicOf(about.part) : [];
  // Everyday words alone point back as a pronoun does: Italian drops it ("come si chiama?").
  // An article before a term the question names ("c'est quoi la GGZ ?", "was ist die GGZ?") is no pronoun.
  const termStarts = new Set(q.glossaryTerms.map((term) => questionWords(term)[0]));
  const pointsBack = (w: string, i: number) => CONTINUATIONS.has(w) && !termStarts.has(q.words[i + 1]);
  const refersBack = q.partitive === true || q.words.some(pointsBack) || (q.meaningfulWords.length > 0 && q.meaningfulWords.every((w) => EVERYDAY_WORDS.has(w.split(ALTERNATIVE)[0]!)));
  if (retargets(q, about, refersBack)) {
    // "Et à Zurich ?": another canton, the same part; "anything like it in Jura?" after one
    // project: that canton's projects; after the projects of an interface (a section of the
    // inventory), that canton's projects.
    const bare = q.topics.length === 0 && q.contentWords.length === 0;
    if (oneCanton && context.focus !== undefined && about.kind === 'canton' && q.cantons[0] !== about.code) return inCanton(inherited);
    if (!(bare || oneCanton) || q.cantons.length === 0 || (about.kind !== 'canton' && inherited.length === 0)) return q;
    // Everyday words ("how does that look?", "ça donne quoi ?") ask for the same part; others are looked for in it.
    return q.contentWords.every((w) => EVERYDAY_WORDS.has(w)) ? inCanton(inherited) : { ...q, topics: inherited };
  }
  // No subject of its own: a follow-up when it points back to the last answer ("y", "dort", "ne",
  // "there") or says little else, everyday words aside ("and how many people found work in the end?").
  if (!refersBack && q.contentWords.filter((w) => !EVERYDAY_WORDS.has(w)).length > TIED_WORDS) return q;
  const scoped = { ...q, scope: about, refersBack, ...(context.focus ? { focus: context.focus } : {}), ...(context.beside ? { scopeBeside: context.beside } : {}), ...(context.shown ? { scopeShown: context.shown } : {}) };
  switch (about.kind) {
    case 'canton':
      // The canton carries over when the question points back or names only a topic, in everyday
      // words if any ("and the criteria?", "chi se ne occupa?"); other words are looked for in the
      // last answer first, then anywhere.
      if (!refersBack && q.contentWords.length > 0 && !(q.topics.length > 0 && q.contentWords.every((w) => EVERYDAY_WORDS.has(w)))) return scoped;
      return { ...scoped, cantons: [about.code], topics: q.topics.length > 0 || q.contentWords.length > 0 ? q.topics : inherited };
    case 'indication':
      return q.topics.length === 0 && q.contentWords.length === 0 ? { ...q, indications: [about.number] } : scoped;
    case 'glossary':
      return { ...scoped, glossaryTerms: [about.term], meaningfulWords: [...q.meaningfulWords, about.term.toLowerCase()] };
    default:
      return scoped;
  }
}

/** The one year the question asks about, which "the year after?" moves: a period's years ("le rapport 2009-2013") are none. */
function askedYear(query: Query): number | undefined {
  const spanned = new Set(yearSpans(query.text).flat());
  const years = query.years.filter((y) => !spanned.has(y));
  return years.length === 1 ? years[0] : undefined;
}

export class ConversationContexts {
  constructor(private readonly store: Store) {}

  get(conversationId: string): Promise<TopicContext | undefined> {
    return this.store.get<TopicContext>(COLLECTION, conversationId);
  }

  /**
   * Remembers what an answer was about (a canton's part even where the inventory reports nothing);
   * an answer that found nothing has no subject and leaves the context as it was.
   */
  async remember(conversationId: string, previous: TopicContext | undefined, query: Query, answer: Answer): Promise<void> {
    let context: TopicContext;
    if (answer.about) {
      const asked = askedYear(query);
      const year = asked !== undefined ? { year: asked } : {};
      const kinds = ASKED_KINDS.filter((kind) => query[kind]);
      context = { about: answer.about, topics: topicsAnswered(query, answer.about), ...(answer.focus ? { focus: answer.focus } : {}), ...(answer.beside ? { beside: answer.beside } : {}), ...(answer.shown ? { shown: answer.shown } : {}), ...(answer.passage ? { passage: answer.passage } : {}), ...(answer.indications ? { indications: answer.indications } : {}), ...(answer.conditions ? { conditions: answer.conditions } : {}), ...year, ...(kinds.length > 0 ? { asked: kinds } : {}) };
    }
    else if (answer.listedBy) context = { topics: topicOf(answer.listedBy), ...(query.wantsCount ? { counted: true } : {}), ...(answer.listed ? { cantons: answer.listed } : {}), ...(answer.conditions ? { conditions: answer.conditions } : {}) };
    // Nothing found for a question about one canton: the canton is still what the conversation is about.
    else if (query.cantons.length === 1) context = { topics: query.topics, cantons: query.cantons, unanswered: true };
    else return;
    // Written only when it changes: each store write costs more the more the store holds.
    if (JSON.stringify(context) === JSON.stringify(previous)) return;
    // The reply does not wait for the disk: the next turn reads the context from the store's memory.
    await this.store.put<TopicContext>(COLLECTION, conversationId, context, { ttlMs: TTL_MS, lazy: true });
  }
}
