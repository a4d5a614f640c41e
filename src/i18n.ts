// The assistant's own words (headings, templates) in the four languages. Facts never come from
// here: they come from knowledge/.
import type { InventoryPart, Language, Localized } from './knowledge/schema.js';

export type { Localized };

export const PART_LABELS: Record<InventoryPart, Localized> = {
  anchoring: { fr: 'Ancrage politique et normatif', de: 'Politische und rechtliche Verankerung', it: 'Ancoraggio politico e normativo', en: 'Political and legal anchoring' },
  steering: { fr: 'Pilotage', de: 'Steuerung', it: 'Pilotaggio', en: 'Steering' },
  objectives: { fr: 'Objectifs stratégiques', de: 'Strategische Ziele', it: 'Obiettivi strategici', en: 'Strategic objectives' },
  development: { fr: 'Développement', de: 'Weiterentwicklung', it: 'Sviluppo', en: 'Development' },
  partners: { fr: 'Systèmes partenaires', de: 'Partnersysteme', it: 'Sistemi partner', en: 'Partner systems' },
  composition: { fr: 'Organes (comité de pilotage, comité de développement, bureau, groupes de travail)', de: 'Gremien (Steuergruppe, Entwicklungs- und Koordinationsgremium, Fachstelle, Arbeitsgruppen)', it: 'Organi (comitato di pilotaggio, comitato di sviluppo, ufficio, gruppi di lavoro)', en: 'Bodies (steering committee, development committee, bureau, working groups)' },
  operational: { fr: 'Aspects opérationnels et stratégiques', de: 'Operativ-strategische Aspekte', it: 'Aspetti operativi e strategici', en: 'Operational and strategic aspects' },
  collaboration: { fr: 'Collaboration', de: 'Zusammenarbeit', it: 'Collaborazione', en: 'Collaboration' },
  processes: { fr: 'Processus', de: 'Prozesse', it: 'Processi', en: 'Processes' },
  criteria: { fr: "Critères d'un cas CII", de: 'Kriterien für einen IIZ-Fall', it: 'Criteri per un caso CII', en: 'Criteria for a CII case' },
  caseNumbers2022: { fr: 'Nombre de cas en 2022', de: 'Fallzahlen 2022', it: 'Numero di casi nel 2022', en: 'Case numbers in 2022' },
  platform: { fr: 'Plateforme de gestion des cas', de: 'Fallführungsplattform', it: 'Piattaforma di gestione dei casi', en: 'Case-management platform' },
  projects: { fr: 'Projets de coordination', de: 'Koordinationsprojekte', it: 'Progetti di coordinamento', en: 'Coordination projects' },
};

export const MESSAGES = {
  notReported: { fr: "L'inventaire 2025 ne rapporte rien à ce sujet", de: 'Das Inventar 2025 enthält dazu nichts', it: "L'inventario 2025 non riporta nulla in merito", en: 'The 2025 inventory reports nothing on this' },
  caution: { fr: 'Attention', de: 'Achtung', it: 'Attenzione', en: 'Caution' },
  sources: { fr: 'Sources', de: 'Quellen', it: 'Fonti', en: 'Sources' },
  dontKnow: { fr: 'Je ne trouve pas de réponse sûre dans la base de connaissances.', de: 'Ich finde in der Wissensbasis keine sichere Antwort.', it: 'Non trovo una risposta sicura nella base di conoscenze.', en: "I can't find a reliable answer in the knowledge base." },
  covers: {
    fr: "La base couvre la collaboration interinstitutionnelle (CII) : son organisation dans chaque canton (inventaire 2025), les critères d'un cas CII, les projets de coordination, le guide des conventions de prestations avec les EISP, le rapport neuchâtelois de 2013, la rémunération OIAS bernoise et la fiche du programme national.",
    de: 'Die Wissensbasis deckt die interinstitutionelle Zusammenarbeit (IIZ) ab: ihre Organisation in jedem Kanton (Inventar 2025), die Kriterien eines IIZ-Falls, die Koordinationsprojekte, den Leitfaden zu Leistungsvereinbarungen mit USBI, den Neuenburger Bericht von 2013, die Berner OIAS-Abgeltung und das Faktenblatt des nationalen Programms.',
    it: "La base copre la collaborazione interistituzionale (CII): la sua organizzazione in ogni cantone (inventario 2025), i criteri di un caso CII, i progetti di coordinamento, la guida alle convenzioni di prestazioni con le EISP, il rapporto neocastellano del 2013, la remunerazione OIAS bernese e la scheda del programma nazionale.",
    en: "The base covers interinstitutional collaboration (CII): how each canton organises it (2025 inventory), the criteria for a CII case, coordination projects, the guide to performance agreements with EISP, Neuchâtel's 2013 report, Bern's OIAS remuneration and the national programme's sheet.",
  },
  didYouMean: { fr: 'Vouliez-vous dire', de: 'Meinten Sie', it: 'Intendeva forse', en: 'Did you mean' },
  empty: { fr: 'Posez une question, par exemple « comment Neuchâtel définit un cas CII ».', de: 'Stellen Sie eine Frage, zum Beispiel «Kriterien IIZ-Fall Zürich».', it: 'Faccia una domanda, per esempio «criteri caso CII Ticino».', en: 'Ask a question, for example "CII case criteria in Zurich".' },
  tooLong: { fr: 'La question est trop longue (2000 caractères au plus).', de: 'Die Frage ist zu lang (höchstens 2000 Zeichen).', it: 'La domanda è troppo lunga (al massimo 2000 caratteri).', en: 'The question is too long (2,000 characters at most).' },
  dated2013: { fr: 'Situation en 2013 (rapport neuchâtelois du 14.03.2013), pas forcément actuelle', de: 'Stand 2013 (Neuenburger Bericht vom 14.03.2013), nicht unbedingt aktuell', it: 'Situazione nel 2013 (rapporto neocastellano del 14.03.2013), non necessariamente attuale', en: 'As of 2013 (Neuchâtel report of 14.03.2013), not necessarily current' },
  partners: { fr: 'Partenaires', de: 'Partner', it: 'Partner', en: 'Partners' },
  inventoryNothing: { fr: "L'inventaire 2025 ne dit rien du canton", de: 'Das Inventar 2025 sagt nichts über den Kanton', it: "L'inventario 2025 non dice nulla sul cantone", en: 'The 2025 inventory says nothing about the canton' },
} satisfies Record<string, Localized>;

/** The colon as each language writes it: French typography puts a space before it. */
export function colon(language: Language): string {
  return language === 'fr' ? ' : ' : ': ';
}

export function t(catalog: Localized, language: Language): string {
  return catalog[language];
}
