// The words users write for each topic and institution, in French, German, Italian and English.
// Entries are folded word prefixes (a crude stemmer: "pilot" covers pilotage, pilotaggio) or
// whole phrases in quotes-free form; matching is in intent.ts.
import type { InventoryPart, Language } from '../knowledge/schema.js';

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

/** Prefixes of folded words that point to a topic. */
export const TOPIC_STEMS: Record<Topic, string[]> = {
  steering: ['pilot', 'steuer', 'steur', 'lenk', 'steer', 'direction', 'leitung', 'dirige', 'governance', 'guida', 'comite', 'ausschuss', 'comitato', 'committee'],
  coordinator: ['coordinat', 'koordinat', 'coordina', 'referent', 'ansprechp', 'contact', 'kontakt', 'interlocut', 'repondant'],
  composition: ['bureau', 'buro', 'buero', 'fachstelle', 'geschaftsstelle', 'ufficio', 'office', 'gremi', 'structure', 'struktur', 'struttur', 'organigram'],
  anchoring: ['ancrag', 'verank', 'ancorag', 'anchor', 'accord', 'repose', 'beruht', 'basiert', 'based on', 'rests on', 'si basa', 'fondement', 'fondament', 'rahmenvereinbar', 'kooperationsvereinbar', 'zusammenarbeitsvereinbar', 'framework agreement', 'cooperation agreement', 'base legal', 'bases legal', 'basi legal', 'legal basis', 'rechtsgrundl', 'rechtlich', 'grundlage', 'gesetz', 'loi', 'legge', 'law', 'legal', 'juridi', 'giuridic', 'arrete', 'rrb', 'regierungsrat'],
  objectives: ['objecti', 'ziel', 'obiettiv', 'goal', 'aim', 'strateg'],
  development: ['developpe', 'entwickl', 'svilupp', 'develop', 'reform', 'riform', 'reorgan', 'geandert', 'anderung', 'change', 'cambiament', 'neuorgan', 'riorganiz', 'restructur', 'umstruktur', 'ristruttur', 'evolution', 'perspective', 'zukunft', 'futur'],
  partners: ['partenaire', 'partner', 'institution', 'beteilig', 'membri', 'member', 'membre', 'participent', 'impliqu'],
  operational: ['operationn', 'operativ', 'operation', 'fonctionn', 'funktion', 'funzion', 'work', 'travail', 'arbeitet'],
  collaboration: ['collabor', 'zusammenarb', 'cooper', 'kooper', 'coopera'],
  processes: ['process', 'prozess', 'ablauf', 'lauft', 'laeuft', 'deroul', 'funziona', 'procedur', 'verfahren', 'demarche', 'etape', 'schritt', 'step', 'signal', 'annonce', 'anmeld', 'referral', 'refer'],
  criteria: ['criter', 'kriter', 'kritier', 'condition', 'bedingung', 'voraussetz', 'eligib', 'requis', 'require', 'anforder', 'requisit', 'cas cii', 'iiz fall', 'caso cii', 'cii case', 'acces', 'zugang', 'access', 'consent', 'einwillig', 'zustimm', 'consenso', 'domicil', 'wohnsitz', 'motiv'],
  caseNumbers2022: ['nombre de cas', 'combien de cas', 'fallzahl', 'falzahl', 'anzahl fall', 'wie viele fall', 'wieviele fall', 'numero di casi', 'quanti casi', 'case number', 'number of case', 'how many case', 'statisti', '2022'],
  platform: ['plateform', 'plattform', 'piattaform', 'platform', 'logiciel', 'software', 'outil', 'tool', 'strumento', 'werkzeug', 'electroni', 'elektron', 'elettron'],
  projects: ['projet', 'projekt', 'progett', 'project', 'initiative', 'pilote', 'mesure', 'massnahm', 'misur', 'measure'],
};

export type Institution = 'AC' | 'AI' | 'AS' | 'PC' | 'formation' | 'migration';

/** Whole folded phrases naming an institution. "ai" in capitals is the insurance (see cantons.ts). */
export const INSTITUTION_PHRASES: Record<Institution, string[]> = {
  AC: ['ac', 'alv', 'ad', 'assurance chomage', 'assurance-chomage', 'chomage', 'arbeitslosenversicherung', 'arbeitslosigkeit', 'assicurazione contro la disoccupazione', 'disoccupazione', 'unemployment insurance', 'unemployment', 'orp', 'rav', 'urc', 'office regional de placement', 'regionales arbeitsvermittlungszentrum', 'arbeitsamt', 'job centre'],
  AI: ['ai', 'iv', 'assurance invalidite', 'invalidite', 'invalidenversicherung', 'assicurazione invalidita', 'assicurazione per l invalidita', 'invalidita', 'disability insurance', 'disability', 'oai', 'office ai', 'iv stelle', 'ivstelle'],
  AS: ['as', 'aide sociale', 'services sociaux', 'service social', 'sozialhilfe', 'sozialdienst', 'sozialdienste', 'sozialamt', 'assistenza sociale', 'aiuto sociale', 'servizi sociali', 'servizio sociale', 'social assistance', 'social services', 'welfare', 'sh'],
  PC: ['pc', 'el', 'prestations complementaires', 'erganzungsleistungen', 'prestazioni complementari', 'supplementary benefits'],
  formation: ['formation', 'formation professionnelle', 'bildung', 'berufsbildung', 'ausbildung', 'formazione', 'formazione professionale', 'education', 'training', 'vocational training', 'orientation professionnelle', 'berufsberatung', 'biz', 'opuc'],
  migration: ['migration', 'migrants', 'migrant', 'migranti', 'migrazione', 'asile', 'asyl', 'asilo', 'asylum', 'refugies', 'fluchtlinge', 'rifugiati', 'refugees', 'integration des etrangers', 'integration'],
};

/** The plural of canton: with no canton named, the question asks for a list across cantons. */
export const PLURAL_CANTON_WORDS = ['cantons', 'kantone', 'kantonen', 'cantoni'];

/** "Cantons without …". */
export const NEGATION_WORDS = ['sans', 'ohne', 'senza', 'without', 'non hanno', 'n ont pas', 'haben keine', 'kein', 'keine', 'pas de', 'no', 'not'];

/** Phrases that ask for a number. */
export const COUNT_CUES = ['combien', 'wie viele', 'wieviele', 'wie viel', 'quanti', 'quante', 'how many', 'how much', 'nombre de', 'anzahl', 'numero di', 'number of'];

/**
 * Phrases that ask for a date. "Since" stays a word to match ("seit 2011"): only the question word
 * is a cue.
 */
export const DATE_CUES = ['quand', 'wann', 'when', 'quando', 'en quelle annee', 'in welchem jahr', 'what year', 'which year', 'in che anno', 'in quale anno'];

/** The word canton itself: never what a question is about once a canton is named ("canton de Fribourg"). */
export const CANTON_NOUNS = ['canton', 'cantons', 'kanton', 'kantone', 'kantons', 'kantonen', 'cantone', 'cantoni'];

/** Words that name a case, for "how many cases". */
export const CASE_WORDS = ['cas', 'fall', 'falle', 'faelle', 'caso', 'casi', 'case', 'cases'];

/** Case words that can only be plural: "CII cases" counts cases, where "a CII case" asks what one is. */
export const PLURAL_CASE_WORDS = ['falle', 'faelle', 'casi', 'cases'];

/** Phrases that ask how often: a passage that gives a frequency answers them. */
export const FREQUENCY_CUES = ['tous les combien', 'toutes les combien', 'how often', 'how frequently', 'wie oft', 'wie haufig', 'combien de fois', 'a quelle frequence', 'quelle frequence', 'quante volte', 'ogni quanto', 'con quale frequenza'];

/** Words that give a frequency in a text ("every four years", "dreimal pro Jahr", "tous les deux mois"). */
export const FREQUENCY_WORDS = /\b(every|each|times|per|annually|yearly|monthly|weekly|fois|tous les|toutes les|chaque|par an|par mois|par semaine|mal|pro|jahrlich|monatlich|wochentlich|alle|volte|ogni|all anno)\b/;

/** Phrases that ask for a share: a passage with a percentage answers them. */
export const SHARE_CUES = ['pourcentage', 'pour cent', 'proportion', 'prozent', 'anteil', 'percentuale', 'per cento', 'quota', 'percentage', 'per cent', 'percent', 'share of'];

/** Words that ask to compare. */
export const COMPARE_STEMS = ['compar', 'vergleich', 'confront', 'versus', 'unterschied', 'differen'];

/** Words that ask what a term means. */
export const DEFINITION_CUES = ['c est quoi', 'c quoi', 'cose', 'qu est ce', 'ca veut dire', 'whats', 'what s', 'qu est ce que', 'qu est ce qu', 'que signifie', 'que veut dire', 'definition', 'signification', 'was ist', 'was sind', 'was bedeutet', 'was heisst', 'bedeutung', 'cos e', 'cosa e', 'cosa significa', 'che cos e', 'significato', 'what is', 'what are', 'what does', 'meaning', 'stands for', 'abbreviation', 'abreviation', 'abkurzung', 'abbreviazione', 'sigle', 'acronyme'];

/** Phrases that start a triage ("triage ZH", "est-ce un cas CII à Genève ?"). */
export const TRIAGE_CUES = ['triage', 'trier', 'triagieren', 'est ce un cas cii', 'est ce que c est un cas cii', 'c est un cas cii', 'est il un cas cii', 'est elle un cas cii', 'ist das ein iiz fall', 'ist es ein iiz fall', 'ist das ein iizfall', 'ist das ein fall fur die iiz', 'e un caso cii', 'si tratta di un caso cii', 'is this a cii case', 'is it a cii case', 'is this person a cii case', 'cii case check'];

/**
 * Words that say the same in the base's texts, searched for one another ("trifft sich" finds
 * "tagt", "überarbeitet" finds "überprüft"). Folded forms, one group per meaning.
 */
export const SYNONYM_GROUPS: string[][] = [
  ['tagt', 'tagen', 'trifft', 'treffen', 'sitzung', 'sitzungen', 'reunit', 'reunissent', 'reunion', 'reunions', 'seance', 'seances', 'meets', 'meet', 'meeting', 'meetings', 'riunisce', 'riuniscono', 'riunione', 'riunioni'],
  ['geandert', 'andern', 'anderung', 'uberarbeitet', 'uberarbeiten', 'uberpruft', 'uberprufen', 'angepasst', 'anpassen', 'neuausrichtung', 'modifie', 'modifier', 'revoir', 'revu', 'revise', 'reviser', 'adapter', 'changed', 'revised', 'reviewed', 'adapted', 'cambiato', 'modificato', 'rivisto', 'rivedere', 'adattato'],
];

/** "The next one", "the previous one", as folded words per language: a follow-up moves along a numbered list. */
export const SEQUENCE_CUES: Record<'next' | 'previous', Record<Language, string[]>> = {
  next: { fr: ['suivante', 'suivant', 'prochaine', 'prochain'], de: ['nachste', 'nachster', 'nachstes', 'naechste', 'folgende', 'folgender'], it: ['prossima', 'prossimo', 'successiva', 'successivo', 'seguente'], en: ['next', 'following'] },
  previous: { fr: ['precedente', 'precedent'], de: ['vorherige', 'vorheriger', 'vorige', 'voriger'], it: ['precedente'], en: ['previous', 'preceding'] },
};

/** Words that tie a short question to the one before ("et à Zurich ?", "und dort?", "and its…"), as folded words per language. */
export const CONTINUATION_WORDS: Record<Language, string[]> = {
  fr: ['et', 'y', 'le', 'la', 'les', 'lui', 'son', 'sa', 'ses', 'leur', 'leurs', 'en', 'ca', 'cela', 'celui', 'celle'],
  de: ['und', 'dort', 'da', 'ihr', 'ihre', 'ihren', 'sein', 'seine', 'dessen', 'deren', 'davon', 'dafur', 'dabei', 'diese', 'dieser', 'dieses', 'das'],
  it: ['e', 'ne', 'lo', 'la', 'gli', 'suo', 'sua', 'suoi', 'sue', 'loro', 'ci', 'li', 'questo', 'questa'],
  en: ['and', 'its', 'it', 'there', 'their', 'them', 'that', 'this', 'they', 'those'],
};
