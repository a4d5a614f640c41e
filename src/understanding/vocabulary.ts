// The words users write for each topic and institution, in French, German, Italian and English.
// Entries are folded word prefixes (a crude stemmer: "pilot" covers pilotage, pilotaggio) or
// whole phrases in quotes-free form; matching is in intent.ts.
import type { InventoryPart } from '../knowledge/schema.js';

export type Topic = InventoryPart | 'coordinator';

/** Prefixes of folded words that point to a topic. */
export const TOPIC_STEMS: Record<Topic, string[]> = {
  steering: ['pilot', 'steuer', 'lenk', 'steer', 'comite de pilot', 'direction', 'leitung', 'dirige', 'governance', 'guida'],
  coordinator: ['coordinat', 'koordinat', 'coordina', 'referent', 'ansprechp', 'contact', 'kontakt', 'interlocut', 'repondant'],
  composition: ['bureau', 'buro', 'fachstelle', 'ufficio', 'office', 'organe', 'gremi', 'organ', 'structure', 'struktur', 'struttur', 'comite', 'ausschuss', 'comitato', 'committee', 'gruppe', 'groupe'],
  anchoring: ['ancrag', 'verank', 'ancorag', 'anchor', 'base legal', 'bases legal', 'rechtsgrundl', 'gesetz', 'loi', 'legge', 'law', 'legal', 'juridi', 'giuridic', 'arrete', 'rrb', 'regierungsrat'],
  objectives: ['objecti', 'ziel', 'obiettiv', 'goal', 'but', 'strateg'],
  development: ['developpe', 'entwickl', 'svilupp', 'develop', 'reform', 'evolution', 'perspective', 'zukunft', 'futur'],
  partners: ['partenaire', 'partner', 'institution', 'beteilig', 'membri', 'member', 'membre', 'participent', 'impliqu'],
  operational: ['operationn', 'operativ', 'operation', 'fonctionn', 'funktion', 'funzion', 'work', 'travail', 'arbeitet'],
  collaboration: ['collabor', 'zusammenarb', 'cooper', 'kooper', 'coopera'],
  processes: ['process', 'prozess', 'ablauf', 'procedur', 'verfahren', 'demarche', 'etape', 'schritt', 'step', 'signal', 'annonce', 'anmeld', 'referral', 'refer'],
  criteria: ['criter', 'kriter', 'condition', 'bedingung', 'voraussetz', 'eligib', 'requis', 'require', 'anforder', 'requisit', 'cas cii', 'iiz fall', 'caso cii', 'cii case', 'acces', 'zugang', 'access', 'consent', 'einwillig', 'zustimm', 'consenso', 'accord', 'domicil', 'wohnsitz', 'motiv'],
  caseNumbers2022: ['nombre de cas', 'combien de cas', 'fallzahl', 'anzahl fall', 'wie viele fall', 'wieviele fall', 'numero di casi', 'quanti casi', 'case number', 'number of case', 'how many case', 'statisti', 'cas en 2022', '2022'],
  platform: ['plateform', 'plattform', 'piattaform', 'platform', 'logiciel', 'software', 'casenet', 'mx cii', 'outil', 'tool', 'strumento', 'werkzeug', 'electroni', 'elektron', 'elettron'],
  projects: ['projet', 'projekt', 'progett', 'project', 'initiative', 'pilote', 'mesure', 'massnahm', 'misur', 'measure'],
};

export type Institution = 'AC' | 'AI' | 'AS' | 'PC' | 'formation' | 'migration';

/** Whole folded phrases naming an institution. "ai" in capitals is the insurance (see cantons.ts). */
export const INSTITUTION_PHRASES: Record<Institution, string[]> = {
  AC: ['ac', 'alv', 'ad', 'assurance chomage', 'assurance-chomage', 'chomage', 'arbeitslosenversicherung', 'arbeitslosigkeit', 'assicurazione contro la disoccupazione', 'disoccupazione', 'unemployment insurance', 'unemployment', 'orp', 'rav', 'urc', 'office regional de placement', 'regionales arbeitsvermittlungszentrum', 'arbeitsamt', 'job centre'],
  AI: ['ai', 'iv', 'assurance invalidite', 'invalidite', 'invalidenversicherung', 'assicurazione invalidita', 'assicurazione per l invalidita', 'invalidita', 'disability insurance', 'disability', 'oai', 'office ai', 'iv stelle', 'ivstelle'],
  AS: ['as', 'aide sociale', 'services sociaux', 'service social', 'sozialhilfe', 'sozialdienst', 'sozialdienste', 'sozialamt', 'assistenza sociale', 'servizi sociali', 'social assistance', 'social services', 'welfare', 'sh'],
  PC: ['pc', 'el', 'prestations complementaires', 'erganzungsleistungen', 'prestazioni complementari', 'supplementary benefits'],
  formation: ['formation', 'formation professionnelle', 'bildung', 'berufsbildung', 'ausbildung', 'formazione', 'formazione professionale', 'education', 'training', 'vocational training', 'orientation professionnelle', 'berufsberatung', 'biz', 'opuc'],
  migration: ['migration', 'migrants', 'migrant', 'migranti', 'migrazione', 'asile', 'asyl', 'asilo', 'asylum', 'refugies', 'fluchtlinge', 'rifugiati', 'refugees', 'integration des etrangers', 'integration'],
};

/** Phrases that ask for a list across cantons. */
export const LIST_CUES = ['quels cantons', 'quel canton', 'quels sont les cantons', 'dans quels cantons', 'welche kantone', 'welcher kanton', 'in welchen kantonen', 'quali cantoni', 'quale cantone', 'in quali cantoni', 'which cantons', 'which canton', 'what cantons', 'cantons qui', 'kantone die', 'cantoni che', 'cantons that', 'cantons with', 'kantone mit', 'cantoni con', 'cantons avec', 'liste des cantons', 'list of cantons', 'alle kantone', 'tous les cantons', 'tutti i cantoni', 'all cantons'];

/** Words that ask to compare. */
export const COMPARE_STEMS = ['compar', 'vergleich', 'confront', 'versus', 'vs', 'unterschied', 'difference', 'differenz', 'differen'];

/** Words that ask what a term means. */
export const DEFINITION_CUES = ['c est quoi', 'qu est ce que', 'qu est ce qu', 'que signifie', 'que veut dire', 'definition', 'signification', 'was ist', 'was sind', 'was bedeutet', 'was heisst', 'bedeutung', 'cos e', 'cosa e', 'cosa significa', 'che cos e', 'significato', 'what is', 'what are', 'what does', 'meaning', 'stands for', 'abbreviation', 'abreviation', 'abkurzung', 'abbreviazione', 'sigle', 'acronyme'];
