// The facts a triage may know about a person: the fixed vocabulary of the cantons' rules. Each
// fact is optional (absent means unknown). Facts only: never a name or an identifier.
import type { Localized } from '../i18n.js';
import { z } from 'zod';

export const INSTITUTIONS = ['AC', 'AI', 'AS', 'PC', 'formation', 'migration'] as const;
export const PROBLEMS = ['health', 'no-sufficient-income', 'no-work', 'social'] as const;
export const WORK_CAPACITIES = ['full', 'partial', 'none'] as const;
export const INTEGRATION_CHANCES = ['realistic', 'needs-assessment', 'none'] as const;


interface FactBase {
  question: Localized;
}
export type FactDefinition =
  | (FactBase & { type: 'boolean' })
  | (FactBase & { type: 'enum'; values: readonly string[]; labels: Record<string, Localized> })
  | (FactBase & { type: 'list'; values: readonly string[]; labels: Record<string, Localized> })
  | (FactBase & { type: 'number'; min: number; max: number });

const yesNo = (fr: string, de: string, it: string, en: string): FactDefinition => ({ type: 'boolean', question: { fr, de, it, en } });

const INSTITUTION_LABELS: Record<(typeof INSTITUTIONS)[number], Localized> = {
  AC: { fr: 'AC / ORP', de: 'ALV / RAV', it: 'AD / URC', en: 'unemployment insurance (AC/ORP)' },
  AI: { fr: 'AI', de: 'IV', it: 'AI', en: 'disability insurance (AI)' },
  AS: { fr: 'aide sociale', de: 'Sozialhilfe', it: 'assistenza sociale', en: 'social assistance' },
  PC: { fr: 'PC', de: 'EL', it: 'PC', en: 'supplementary benefits (PC)' },
  formation: { fr: 'formation', de: 'Bildung', it: 'formazione', en: 'education' },
  migration: { fr: 'migration', de: 'Migration', it: 'migrazione', en: 'migration' },
};

export const FACTS = {
  domiciledInCanton: yesNo('La personne est-elle domiciliée dans le canton ?', 'Wohnt die Person im Kanton?', 'La persona è domiciliata nel cantone?', 'Does the person live in the canton?'),
  workCapacity: {
    type: 'enum',
    values: WORK_CAPACITIES,
    question: { fr: 'Quelle est sa capacité de travail ?', de: 'Wie hoch ist ihre Arbeitsfähigkeit?', it: 'Qual è la sua capacità lavorativa?', en: 'What is their capacity to work?' },
    labels: {
      full: { fr: 'entière', de: 'voll', it: 'piena', en: 'full' },
      partial: { fr: 'partielle', de: 'teilweise', it: 'parziale', en: 'partial' },
      none: { fr: 'aucune', de: 'keine', it: 'nessuna', en: 'none' },
    },
  },
  institutions: {
    type: 'list',
    values: INSTITUTIONS,
    question: { fr: 'Quelles institutions suivent la personne actuellement ?', de: 'Welche Institutionen begleiten die Person heute?', it: 'Quali istituzioni seguono attualmente la persona?', en: 'Which institutions currently follow the person?' },
    labels: INSTITUTION_LABELS,
  },
  institutionAboutToFollow: yesNo('Une (autre) institution est-elle sur le point de la suivre ?', 'Wird eine (weitere) Institution die Person demnächst begleiten?', 'Un\'(altra) istituzione sta per seguirla?', 'Is another institution about to follow the person?'),
  entitledToBenefits: yesNo('A-t-elle droit à des prestations d\'au moins une institution partenaire de la CII ?', 'Hat sie Anspruch auf Leistungen mindestens einer IIZ-Partnerinstitution?', 'Ha diritto a prestazioni di almeno un\'istituzione partner della CII?', 'Is the person entitled to benefits from at least one CII partner?'),
  entitledToACAndAIMeasures: yesNo('A-t-elle droit à la fois à l\'AC et à des mesures d\'intégration de l\'AI ?', 'Hat sie sowohl Anspruch auf ALV-Leistungen als auch auf Integrationsmassnahmen der IV?', 'Ha diritto sia all\'AD sia a provvedimenti d\'integrazione dell\'AI?', 'Is the person entitled both to unemployment insurance and to AI integration measures?'),
  problems: {
    type: 'list',
    values: PROBLEMS,
    question: { fr: 'Quels problèmes sont présents ?', de: 'Welche Probleme liegen vor?', it: 'Quali problemi sono presenti?', en: 'Which problems are present?' },
    labels: {
      health: { fr: 'santé', de: 'Gesundheit', it: 'salute', en: 'health' },
      'no-sufficient-income': { fr: 'pas de revenu suffisant', de: 'kein ausreichendes Einkommen', it: 'reddito insufficiente', en: 'no sufficient income' },
      'no-work': { fr: 'pas de travail', de: 'keine Arbeit', it: 'nessun lavoro', en: 'no work' },
      social: { fr: 'problèmes sociaux', de: 'soziale Probleme', it: 'problemi sociali', en: 'social problems' },
    },
  },
  multipleProblems: yesNo('La personne présente-t-elle une problématique multiple ?', 'Liegt eine Mehrfachproblematik vor?', 'La persona presenta una problematica multipla?', 'Does the person have multiple problems?'),
  integrationChance: {
    type: 'enum',
    values: INTEGRATION_CHANCES,
    question: { fr: 'A-t-elle des chances réalistes d\'insertion sur le marché primaire du travail ?', de: 'Hat sie realistische Chancen auf Eingliederung in den ersten Arbeitsmarkt?', it: 'Ha possibilità realistiche d\'inserimento nel mercato del lavoro primario?', en: 'Does the person have a realistic chance of (re)entering the primary labour market?' },
    labels: {
      realistic: { fr: 'oui, réalistes', de: 'ja, realistisch', it: 'sì, realistiche', en: 'yes, realistic' },
      'needs-assessment': { fr: 'à évaluer en profondeur', de: 'vertiefte Abklärung nötig', it: 'da valutare a fondo', en: 'needs an in-depth assessment' },
      none: { fr: 'non', de: 'nein', it: 'no', en: 'no' },
    },
  },
  motivated: yesNo('La personne est-elle motivée et prête à coopérer ?', 'Ist die Person motiviert und zur Mitwirkung bereit?', 'La persona è motivata e pronta a collaborare?', 'Is the person motivated and ready to cooperate?'),
  consentDataExchange: yesNo('A-t-elle donné son accord à l\'échange de données ?', 'Hat sie dem Datenaustausch zugestimmt?', 'Ha dato il consenso allo scambio di dati?', 'Has the person consented to data exchange?'),
  needsSpecialisedJobSearchSupport: yesNo('A-t-elle besoin d\'un soutien spécialisé pour chercher un emploi ou une formation ?', 'Braucht sie spezialisierte Unterstützung bei der Stellen- oder Ausbildungssuche?', 'Ha bisogno di un sostegno specializzato per cercare lavoro o una formazione?', 'Does the person need specialised support to find a job or training?'),
  needsCoordinationSupport: yesNo('Faut-il coordonner plusieurs acteurs pour elle ?', 'Braucht es eine Koordination mehrerer Akteure?', 'Occorre coordinare più attori?', 'Does the person need several actors to be coordinated?'),
  receivesOrUnderReviewAIPension: yesNo('Perçoit-elle une rente AI (même partielle), ou sa rente est-elle en révision ?', 'Bezieht sie eine (Teil-)Rente der IV, oder wird ihre Rente revidiert?', 'Percepisce una rendita AI (anche parziale), o la sua rendita è in revisione?', 'Does the person receive an AI pension (even partial), or is it under review?'),
  completedAIRetrainingOrFirstTraining: yesNo('A-t-elle achevé une reconversion de l\'AI ou une première formation ?', 'Hat sie eine Umschulung der IV oder eine erstmalige Ausbildung abgeschlossen?', 'Ha concluso una riqualifica dell\'AI o una prima formazione?', 'Has the person completed an AI retraining or a first training?'),
  longTermUnemployed: yesNo('Est-elle au chômage de longue durée ?', 'Ist sie langzeitarbeitslos?', 'È disoccupata di lunga durata?', 'Is the person long-term unemployed?'),
  unemploymentBenefitsExhausted: yesNo('N\'a-t-elle pas (ou plus) droit aux allocations de chômage ?', 'Hat sie keinen Anspruch (mehr) auf Arbeitslosentaggelder?', 'Non ha (più) diritto alle indennità di disoccupazione?', 'Does the person have no (or no longer any) right to unemployment benefits?'),
  socialAidInLast12Months: yesNo('Perçoit-elle ou a-t-elle perçu l\'aide sociale au cours des 12 derniers mois ?', 'Bezieht sie Sozialhilfe oder hat sie in den letzten 12 Monaten Sozialhilfe bezogen?', 'Riceve o ha ricevuto l\'assistenza sociale negli ultimi 12 mesi?', 'Does the person receive, or did they receive, social assistance in the last 12 months?'),
  age: {
    type: 'number',
    min: 0,
    max: 120,
    question: { fr: 'Quel âge a la personne ?', de: 'Wie alt ist die Person?', it: 'Quanti anni ha la persona?', en: 'How old is the person?' },
  },
  employabilityRecognised: yesNo('Son employabilité est-elle reconnue ?', 'Ist ihre Arbeitsmarktfähigkeit anerkannt?', 'La sua occupabilità è riconosciuta?', 'Is the person\'s employability recognised?'),
  socialAidRecipient: yesNo('Bénéficie-t-elle de l\'aide sociale ?', 'Bezieht sie Sozialhilfe?', 'Beneficia dell\'assistenza sociale?', 'Does the person receive social assistance?'),
  riskFactorsSeveral: yesNo('Présente-t-elle plusieurs facteurs de risque et de grandes difficultés d\'intégration ?', 'Liegen mehrere Risikofaktoren und grosse Integrationsschwierigkeiten vor?', 'Presenta più fattori di rischio e grandi difficoltà d\'integrazione?', 'Does the person have several risk factors and great integration difficulties?'),
  // Extensions for cantons whose criteria need them.
  atRiskOfLongTermUnemployment: yesNo('Est-elle menacée de chômage de longue durée ?', 'Droht ihr Langzeitarbeitslosigkeit?', 'È a rischio di disoccupazione di lunga durata?', 'Is the person at risk of long-term unemployment?'),
  insertableByPrognosis1: yesNo('Selon le pronostic 1, peut-elle être insérée professionnellement ?', 'Ist sie gemäss Prognose 1 beruflich eingliederbar?', 'Secondo la prognosi 1, può essere inserita professionalmente?', 'According to prognosis 1, can the person be integrated into work?'),
  migrant: yesNo('Est-ce une personne migrante (quel que soit son statut de séjour) ?', 'Ist die Person migriert (unabhängig vom Aufenthaltsstatus)?', 'È una persona migrante (qualunque sia lo statuto di soggiorno)?', 'Is the person a migrant (whatever their residence status)?'),
  youngPersonNeedingHighSupport: yesNo('Est-ce un adolescent ou un jeune adulte qui a besoin d\'un soutien spécifique élevé ?', 'Ist es eine jugendliche oder junge erwachsene Person mit hohem spezifischem Unterstützungsbedarf?', 'È un adolescente o giovane adulto che ha bisogno di un sostegno specifico elevato?', 'Is this an adolescent or young adult who needs high specific support?'),
} satisfies Record<string, FactDefinition>;

export type FactName = keyof typeof FACTS;
export const FACT_NAMES = Object.keys(FACTS) as FactName[];

/** A fact's definition with its general type, for code that handles every kind of fact. */
export function definitionOf(fact: FactName): FactDefinition {
  return FACTS[fact];
}

function valueSchema(definition: FactDefinition): z.ZodType {
  switch (definition.type) {
    case 'boolean':
      return z.boolean();
    case 'enum':
      return z.enum(definition.values as [string, ...string[]]);
    case 'list':
      return z.array(z.enum(definition.values as [string, ...string[]])).refine((l) => new Set(l).size === l.length, 'each value once');
    case 'number':
      return z.number().min(definition.min).max(definition.max);
  }
}

/** What a triage knows about a person. Unknown fact names and wrong types are refused, by name. */
export const personFacts = z.strictObject(
  Object.fromEntries(FACT_NAMES.map((name) => [name, valueSchema(definitionOf(name)).optional()])) as Record<FactName, z.ZodOptional<z.ZodType>>,
);

export type FactValue = boolean | number | string | string[];
export type PersonFacts = Partial<Record<FactName, FactValue>>;

/** Facts from JSON text: the facts, or a message naming what is wrong (the fact, its type). */
export function readFacts(json: string): PersonFacts | string {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return 'The facts are not valid JSON.';
  }
  const parsed = personFacts.safeParse(raw);
  if (parsed.success) return parsed.data as PersonFacts;
  const issue = parsed.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') return `Unknown fact name: ${issue.keys.join(', ')}. Known facts: ${FACT_NAMES.join(', ')}.`;
  if (issue.path.length === 0) return 'The facts must be a JSON object, e.g. {"domiciledInCanton": true}.';
  return `Fact ${String(issue.path[0])}: ${issue.message}.`;
}
