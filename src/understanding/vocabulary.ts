// The words users write for each topic and institution, and the cue phrases of what a question
// asks, in French, German, Italian and English: read from locales/<language>/cues.yaml, each list
// under its name there. Entries are folded word prefixes (a crude stemmer: "pilot" covers pilotage,
// pilotaggio) or whole phrases in quotes-free form; matching is in query.ts.
import { LANGUAGES, type InventoryPart, type Language, type Organisme } from '../knowledge/schema.js';
import { isCommonWord } from '../search/everyday.js';
import { allCues, alternatives, cueNames, cues } from '../locales.js';

export type Topic = InventoryPart | 'coordinator';

/** Which parts of the inventory answer a topic. */
export const TOPIC_PARTS: Record<Topic, InventoryPart[]> = {
  steering: ['steering'],
  coordinator: ['steering', 'operational', 'collaboration'],
  composition: ['composition'],
  anchoring: ['anchoring'],
  objectives: ['objectives'],
  development: ['development'],
  partners: ['partners'],
  operational: ['operational', 'collaboration'],
  collaboration: ['collaboration'],
  processes: ['processes'],
  criteria: ['criteria'],
  caseNumbers2022: ['caseNumbers2022'],
  platform: ['platform'],
  projects: ['projects'],
};

/** Prefixes of folded words that place an institution's question in the EISP guide (cues guide). */
export const GUIDE_STEMS = allCues('guide');

/** Prefixes of folded words that point to a topic (cues topic.<topic>). */
export const TOPIC_STEMS = Object.fromEntries((Object.keys(TOPIC_PARTS) as Topic[]).map((topic) => [topic, allCues(`topic.${topic}`)])) as Record<Topic, string[]>;
/** Words a topic's prefix covers that name no topic ("collaborateurs" are staff, not collaboration). */
export const NOT_TOPIC_WORDS: ReadonlySet<string> = new Set(allCues('topic.not'));

const INSTITUTIONS = ['AC', 'AI', 'AS', 'PC', 'formation', 'migration'] as const;
export type Institution = (typeof INSTITUTIONS)[number];

/** The institutions whose rules for agreements with EISP the guide sets out, as its organismes. */
export const ORGANISME_OF = { AS: 'aide-sociale', AC: 'ac', AI: 'ai' } as const satisfies Partial<Record<Institution, Organisme>>;

/** Whole folded phrases naming an institution (cues institution.<institution>). "ai" in capitals is the insurance (see cantons.ts). */
export const INSTITUTION_PHRASES = Object.fromEntries(INSTITUTIONS.map((institution) => [institution, allCues(`institution.${institution}`)])) as Record<Institution, string[]>;

/** The plural of canton: with no canton named, the question asks for a list across cantons. */
export const PLURAL_CANTON_WORDS = allCues('cantons.plural');
/** Every canton at once ("tous les cantons", "jeder Kanton"). */
export const ALL_CANTONS_CUES = allCues('cantons.all');

/** The kinds of place in a document, as the sources' places name them ("Ch. 5", "Tableau 3"), and the words for each. */
export const LOCATOR_KINDS = ['ch', 'section', 'tableau', 'figure', 'annexe'].map((kind) => ({ kind, words: allCues(`locator.${kind}`) }));

/** "Cantons without …". */
export const NEGATION_WORDS = allCues('negation');

/**
 * Words that deny a canton property, for a question in each language: the general negations and
 * those of property questions ("ni", "weder", "nessun"), of every language, but for another
 * language's that is a common word of this one (English chat "dont" is French "dont", "of which").
 */
export const DENIAL_WORDS: Record<Language, string[]> = Object.fromEntries(
  LANGUAGES.map((language) => {
    const lists = [cues('negation'), cues('property.negation')];
    return [language, [...new Set(LANGUAGES.flatMap((l) => lists.flatMap((list) => list[l]).filter((w) => l === language || !isCommonWord(w, language))))]];
  }),
) as Record<Language, string[]>;

/** Phrases that ask for a number. */
export const COUNT_CUES = allCues('count');

/**
 * Phrases that ask for a date. "Since" stays a word to match ("seit 2011"): only the question word
 * is a cue.
 */
export const DATE_CUES = allCues('date');

/** The word canton itself: never what a question is about once a canton is named ("canton de Fribourg"). */
export const CANTON_NOUNS = allCues('canton.noun');

/** "Cantonal" with no canton named: the cantons in general, not one of them. */
export const CANTONAL_WORDS = allCues('canton.adjective');

/** Words that name a case, for "how many cases". */
export const CASE_WORDS = allCues('case');

/** Case words that can only be plural: "CII cases" counts cases, where "a CII case" asks what one is. */
export const PLURAL_CASE_WORDS = allCues('case.plural');

/** Words that ask for a telephone number or an e-mail address. */
export const CONTACT_CUES = allCues('contact');

/** Phrases that ask for a postal address ("l'adresse de", "Anschrift"), not "s'adresse à". */
export const ADDRESS_CUES = allCues('contact.address');

/** Phrases that ask for an example ("als Beispiel", "for instance"). */
export const EXAMPLE_CUES = allCues('example');

/** Phrases that ask whom something is for ("für wen", "pour qui", "written for"): a passage naming its addressees answers them. */
export const AUDIENCE_CUES = allCues('audience');

/** Words that name whom something is for in a text ("richtet sich an", "destinée aux", "target group"). */
export const AUDIENCE_WORDS = new RegExp(`\\b(${alternatives(allCues('audience.text'))})\\b`);

/** Words that ask for a name and words for a person: together, a person's name is asked for ("wie heisst die Koordinatorin?"). */
export const PERSON_NAME_CUES = allCues('person.name');
/** Verbs of naming ("heisst", "s'appelle", "si chiama", "called"): with a person beside them, a name is asked for. */
export const PERSON_CALLED_CUES = allCues('person.called');
export const PERSON_NOUNS = allCues('person.noun');
/** "Who" with an adverb of now ("qui dirige actuellement"): the person holding a post today is asked for. */
export const PERSON_WHO = allCues('person.who');
export const PERSON_NOW = allCues('person.now');
/** "Who is", "chi è": with a person noun right after, a question for a person ("who is the coordinator?"). */
export const PERSON_WHO_IS = allCues('person.who.is');
/** Words that only qualify the person asked for ("who is the current head"). */
export const PERSON_QUALIFIERS = allCues('person.qualifier');

/** Phrases that ask how often: a passage that gives a frequency answers them. */
export const FREQUENCY_CUES = allCues('frequency');
/** A period a question states to check it ("… chaque année, c'est ça ?"): it asks how often too. */
export const STATED_FREQUENCY_CUES = allCues('frequency.stated');

/** Words that give a frequency in a text ("every four years", "dreimal pro Jahr", "tous les deux mois"). */
export const FREQUENCY_WORDS = new RegExp(`\\b(${alternatives(allCues('frequency.text'))})\\b`);

/** Phrases that only say how often something holds, how sure the asker is or whose word they ask for ("secondo la"): they name nothing. */
export const FILLER_CUES = allCues('filler');
/** How adverbs end in each language (cues adverb.endings). */
export const ADVERB_ENDINGS = allCues('adverb.endings');
/** How askers introduce themselves at the start of a question ("Ich bin Fallführerin beim Sozialdienst Zug, …"). */
export const INTRO_CUES = allCues('asker.intro');

/** Phrases that ask why: a passage that gives a reason or a purpose answers them. */
export const REASON_CUES = allCues('reason');

/** Words that give a reason or a purpose in a text ("en raison de", "weil", "in order to"). */
export const REASON_WORDS = new RegExp(`\\b(${alternatives(allCues('reason.text'))})\\b`);

/** Phrases that ask how long something lasts: a passage that gives a duration answers them. */
export const DURATION_CUES = allCues('duration');

/** Words that give a duration in a text ("limitée à une année civile", "unbefristet"). */
export const DURATION_WORDS = new RegExp(`\\b(${alternatives(allCues('duration.text'))})\\b`);

/** The words that mark an example in a text ("Beispiele vorzuschreibender Normen"). */
export const EXAMPLE_WORDS = new RegExp(`\\b(${alternatives(allCues('example.text'))})\\b`);

/** The names of interinstitutional collaboration itself ("CII", "IIZ", "IIC"): in most questions, they tell nothing apart. */
export const COLLABORATION_NAMES = new Set(allCues('collaboration.names'));

/** Phrases that ask for a deadline ("dans quel délai", "innert wie vielen Tagen"). */
export const DEADLINE_CUES = allCues('deadline');
/** A time limit as a text gives it: a span after the words that make it one ("within 3 working days", "dans un délai de trois jours ouvrés"). */
export const TIME_SPAN = new RegExp(
  `\\b(${alternatives(allCues('deadline.before'))})\\s+(?:\\w+\\s+){0,3}?(\\d+|${alternatives(allCues('deadline.numbers'))})\\s+(?:\\w+\\s+)?\\w*(${alternatives(allCues('deadline.units'))})\\b`,
);

/** Phrases that ask for a share: a passage with a percentage answers them. */
export const SHARE_CUES = allCues('share');

/** Phrases that ask for an amount of money (an allowance, a price, a wage). */
export const AMOUNT_CUES = allCues('amount');

/** The words before a law article's number ("art. 68bis", "Artikel 15"). */
export const ARTICLE_WORDS: ReadonlySet<string> = new Set(allCues('article'));

/** A new question announced ("andere Frage: …", "autre question :"): it follows nothing asked before. */
export const NEW_QUESTION_CUES = allCues('question.new');

/** Another country named ("in Italia", "in Deutschland"): the base covers Switzerland only. */
export const ABROAD_CUES = allCues('abroad');

/** Words that ask for a law's own wording ("Wortlaut", "verbatim"). */
export const LAW_WORDING_CUES = allCues('article.wording');

/** Subjects of the insurances' own rules and of residence permits, which the sources do not set out ("gain assuré"). */
export const OUTSIDE_SUBJECTS = allCues('outside');

/** The words that give an amount in a text ("francs", "half"). */
export const AMOUNT_WORDS = new RegExp(`\\b(${alternatives(allCues('amount.text'))})\\b`);
/** The currency named ("Franken", "CHF"): in a question, an amount of money is asked; in a text, one is given. */
export const CURRENCY_WORDS = new RegExp(`\\b(${alternatives(allCues('amount.currency'))})\\b`);

/** Words that ask to compare. */
export const COMPARE_STEMS = allCues('compare');

/** Words that ask what a term means. */
export const DEFINITION_CUES = allCues('definition');

/** Phrases that start a triage ("triage ZH", "est-ce un cas CII à Genève ?"). */
export const TRIAGE_CUES = allCues('triage');
/** Question words ("which", "wie", "quand"): a question holding one asks something of its own. */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(allCues('question.wh'));
/** The triage's one-word cues ("triage"), which also name a kind of case ("Triagefälle"). */
export const TRIAGE_WORDS = TRIAGE_CUES.filter((cue) => !cue.includes(' '));

/** Words that ask how a named canton organises its CII as a whole ("wie ist die IIZ in Zug organisiert?"). */
export const PROFILE_CUES = allCues('canton.profile');

/** The meanings that have synonym groups: every cue list named synonyms.<meaning>. */
const SYNONYM_MEANINGS = cueNames('fr').filter((name) => name.startsWith('synonyms.')).map((name) => name.slice('synonyms.'.length));

/**
 * The order of the languages in a group: the one the groups were written in before they were data.
 * A word's synonyms become search terms in this order, and ties between passages fall by it.
 */
const SYNONYM_ORDER: Language[] = ['de', 'fr', 'en', 'it'];

/**
 * Words that say the same in the base's texts, searched for one another ("trifft sich" finds
 * "tagt", "überarbeitet" finds "überprüft"). Folded forms, one group per meaning.
 */
export const SYNONYM_GROUPS: string[][] = SYNONYM_MEANINGS.map((meaning) => {
  const lists = cues(`synonyms.${meaning}`);
  return [...new Set(SYNONYM_ORDER.flatMap((l) => lists[l]))];
});

/**
 * Word endings that say the same at the end of a compound, searched for one another: the Swiss
 * "Sozialhilfebezüger" finds the base's "Sozialhilfebeziehende". One group per meaning, every cue list named endings.<meaning>.
 */
export const ENDING_GROUPS: string[][] = cueNames('fr')
  .filter((name) => name.startsWith('endings.'))
  .map((name) => [...new Set(LANGUAGES.flatMap((l) => cues(name)[l]))]);

/** "The next one", "the previous one", as folded words per language: a follow-up moves along a numbered list. */
export const SEQUENCE_CUES: Record<'next' | 'previous', Record<Language, string[]>> = {
  next: cues('sequence.next'),
  previous: cues('sequence.previous'),
};

/** Phrases that ask for the like of the last answer in another canton ("anything similar in another canton?"). */
export const ELSEWHERE_CUES = allCues('elsewhere');
/** Words that leave out the canton named right after them ("ausser Basel-Stadt"). */
export const EXCEPT_CUES = allCues('except');

/** Words that ask for the like of the last answer ("does Geneva have something similar?"). */
export const SIMILAR_CUES = allCues('similar');

/** Words that ask for the alternative to what the last answer described ("what do they propose instead?"). */
export const INSTEAD_CUES = allCues('instead');
/** Words that ask what took the place of what the last answer described ("what took over?"); they are what it is about too. */
export const SUCCESSOR_CUES = allCues('instead.successor');

/** Particles of separable verbs, last in a German question ("ab wann setzt … ein?"). */
export const VERB_PARTICLES = allCues('verb.particle');

/** Words that ask among what the last answer gave ("which of them…?", "welche davon…?"). */
export const PARTITIVE_CUES = allCues('partitive');

/** Pronouns that ask which ones without a noun ("und welche haben …?"): after a list of cantons, cantons again. */
export const WHICH_ONES_CUES = allCues('cantons.which');

/** Phrases that move the year the last question asked about ("and a year later?"). */
export const YEAR_STEP_CUES: { step: number; phrases: string[] }[] = [
  { step: 1, phrases: allCues('year.later') },
  { step: -1, phrases: allCues('year.earlier') },
];

/** "The third one", "the last": a place in the list the last answer gave (-1 the last), with the phrases that say it, whole words. */
export const ORDINAL_CUES: { place: number; phrases: string[] }[] = [
  ...[1, 2, 3, 4, 5, 6].map((place) => ({ place, phrases: allCues(`ordinal.${place}`) })),
  { place: -1, phrases: allCues('ordinal.last') },
];

/** Words that only name an item of a list or the list ("the last point of the list"), said with a place. */
export const ORDINAL_NOUNS = new Set(allCues('ordinal.noun'));

/** Words that tie a short question to the one before ("et à Zurich ?", "und dort?", "and its…"), as folded words per language. */
export const CONTINUATION_WORDS: Record<Language, string[]> = cues('continuation');
/** Words that point back to the very thing named before ("such a system"), not to its neighbour. */
export const SAME_THING_WORDS: ReadonlySet<string> = new Set(allCues('continuation.same'));
/** Words that open a question continuing the one before, however long the question ("and the bureau, which…"). */
export const OPENING_CONTINUATIONS: Record<Language, string[]> = cues('continuation.opening');
