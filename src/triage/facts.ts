// The facts a triage may know about a person: the fixed vocabulary of the cantons' rules. Each
// fact is optional (absent means unknown). Facts only: never a name or an identifier.
import type { Localized } from '../knowledge/primitives.js';
import { z } from 'zod';

export const INSTITUTIONS = ['AC', 'AI', 'AS', 'PC', 'formation', 'migration'] as const;
export const PROBLEMS = ['health', 'no-sufficient-income', 'no-work', 'social'] as const;
export const WORK_CAPACITIES = ['full', 'partial', 'none'] as const;
export const INTEGRATION_CHANCES = ['realistic', 'needs-assessment', 'none'] as const;


interface FactBase {
  /** A short name, for the facts listed under a verdict and the buttons that change them. */
  label: Localized;
  question: Localized;
}
export type FactDefinition =
  | (FactBase & { type: 'boolean' })
  | (FactBase & { type: 'enum'; values: readonly string[]; labels: Record<string, Localized> })
  | (FactBase & { type: 'list'; values: readonly string[]; labels: Record<string, Localized> })
  | (FactBase & { type: 'number'; min: number; max: number });

const yesNo = (label: Localized, question: Localized): FactDefinition => ({ type: 'boolean', label, question });

const INSTITUTION_LABELS: Record<(typeof INSTITUTIONS)[number], Localized> = {
  AC: { fr: 'AC / ORP', de: 'ALV / RAV', it: 'AD / URC', en: 'unemployment insurance (AC/ORP)' },
  AI: { fr: 'AI', de: 'IV', it: 'AI', en: 'disability insurance (AI)' },
  AS: { fr: 'aide sociale', de: 'Sozialhilfe', it: 'assistenza sociale', en: 'social assistance' },
  PC: { fr: 'PC', de: 'EL', it: 'PC', en: 'supplementary benefits (PC)' },
  formation: { fr: 'formation', de: 'Bildung', it: 'formazione', en: 'education' },
  migration: { fr: 'migration', de: 'Migration', it: 'migrazione', en: 'migration' },
};

export const FACTS = {
  domiciledInCanton: yesNo({ fr: 'Domicile dans le canton', de: 'Wohnsitz im Kanton', it: 'Domicilio nel cantone', en: 'Lives in the canton' }, { fr: 'La personne est-elle domiciliée dans le canton ?', de: 'Wohnt die Person im Kanton?', it: 'La persona è domiciliata nel cantone?', en: 'Does the person live in the canton?' }),
  workCapacity: {
    type: 'enum',
    label: { fr: 'Capacité de travail', de: 'Arbeitsfähigkeit', it: 'Capacità lavorativa', en: 'Work capacity' },
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
    label: { fr: 'Institutions qui suivent la personne', de: 'Begleitende Institutionen', it: 'Istituzioni che seguono la persona', en: 'Institutions following the person' },
    values: INSTITUTIONS,
    question: { fr: 'Quelles institutions suivent la personne actuellement ?', de: 'Welche Institutionen begleiten die Person heute?', it: 'Quali istituzioni seguono attualmente la persona?', en: 'Which institutions currently follow the person?' },
    labels: INSTITUTION_LABELS,
  },
  institutionAboutToFollow: yesNo({ fr: 'Autre institution sur le point de suivre', de: 'Weitere Institution begleitet demnächst', it: 'Altra istituzione sta per seguire', en: 'Another institution about to follow' }, { fr: 'Une (autre) institution est-elle sur le point de la suivre ?', de: 'Wird eine (weitere) Institution die Person demnächst begleiten?', it: 'Un\'(altra) istituzione sta per seguirla?', en: 'Is another institution about to follow the person?' }),
  entitledToBenefits: yesNo({ fr: 'Droit aux prestations d\'un partenaire CII', de: 'Anspruch auf Leistungen eines IIZ-Partners', it: 'Diritto a prestazioni di un partner CII', en: 'Entitled to benefits of a CII partner' }, { fr: 'A-t-elle droit à des prestations d\'au moins une institution partenaire de la CII ?', de: 'Hat sie Anspruch auf Leistungen mindestens einer IIZ-Partnerinstitution?', it: 'Ha diritto a prestazioni di almeno un\'istituzione partner della CII?', en: 'Is the person entitled to benefits from at least one CII partner?' }),
  entitledToACAndAIMeasures: yesNo({ fr: 'Droit à l\'AC et aux mesures de l\'AI', de: 'Anspruch auf ALV und IV-Massnahmen', it: 'Diritto all\'AD e ai provvedimenti AI', en: 'Entitled to AC and AI measures' }, { fr: 'A-t-elle droit à la fois à l\'AC et à des mesures d\'intégration de l\'AI ?', de: 'Hat sie sowohl Anspruch auf ALV-Leistungen als auch auf Integrationsmassnahmen der IV?', it: 'Ha diritto sia all\'AD sia a provvedimenti d\'integrazione dell\'AI?', en: 'Is the person entitled both to unemployment insurance and to AI integration measures?' }),
  problems: {
    type: 'list',
    label: { fr: 'Problèmes présents', de: 'Vorliegende Probleme', it: 'Problemi presenti', en: 'Problems present' },
    values: PROBLEMS,
    question: { fr: 'Quels problèmes sont présents ?', de: 'Welche Probleme liegen vor?', it: 'Quali problemi sono presenti?', en: 'Which problems are present?' },
    labels: {
      health: { fr: 'santé', de: 'Gesundheit', it: 'salute', en: 'health' },
      'no-sufficient-income': { fr: 'pas de revenu suffisant', de: 'kein ausreichendes Einkommen', it: 'reddito insufficiente', en: 'no sufficient income' },
      'no-work': { fr: 'pas de travail', de: 'keine Arbeit', it: 'nessun lavoro', en: 'no work' },
      social: { fr: 'problèmes sociaux', de: 'soziale Probleme', it: 'problemi sociali', en: 'social problems' },
    },
  },
  multipleProblems: yesNo({ fr: 'Problématique multiple', de: 'Mehrfachproblematik', it: 'Problematica multipla', en: 'Multiple problems' }, { fr: 'La personne présente-t-elle une problématique multiple ?', de: 'Liegt eine Mehrfachproblematik vor?', it: 'La persona presenta una problematica multipla?', en: 'Does the person have multiple problems?' }),
  integrationChance: {
    type: 'enum',
    label: { fr: "Chances d'insertion sur le marché primaire", de: 'Chancen auf dem ersten Arbeitsmarkt', it: 'Possibilità nel mercato del lavoro primario', en: 'Chance on the primary labour market' },
    values: INTEGRATION_CHANCES,
    question: { fr: 'A-t-elle des chances réalistes d\'insertion sur le marché primaire du travail ?', de: 'Hat sie realistische Chancen auf Eingliederung in den ersten Arbeitsmarkt?', it: 'Ha possibilità realistiche d\'inserimento nel mercato del lavoro primario?', en: 'Does the person have a realistic chance of (re)entering the primary labour market?' },
    labels: {
      realistic: { fr: 'oui, réalistes', de: 'ja, realistisch', it: 'sì, realistiche', en: 'yes, realistic' },
      'needs-assessment': { fr: 'à évaluer en profondeur', de: 'vertiefte Abklärung nötig', it: 'da valutare a fondo', en: 'needs an in-depth assessment' },
      none: { fr: 'non', de: 'nein', it: 'no', en: 'no' },
    },
  },
  motivated: yesNo({ fr: 'Motivée, prête à coopérer', de: 'Motiviert, zur Mitwirkung bereit', it: 'Motivata, pronta a collaborare', en: 'Motivated, ready to cooperate' }, { fr: 'La personne est-elle motivée et prête à coopérer ?', de: 'Ist die Person motiviert und zur Mitwirkung bereit?', it: 'La persona è motivata e pronta a collaborare?', en: 'Is the person motivated and ready to cooperate?' }),
  consentDataExchange: yesNo({ fr: 'Accord à l\'échange de données', de: 'Zustimmung zum Datenaustausch', it: 'Consenso allo scambio di dati', en: 'Consent to data exchange' }, { fr: 'A-t-elle donné son accord à l\'échange de données ?', de: 'Hat sie dem Datenaustausch zugestimmt?', it: 'Ha dato il consenso allo scambio di dati?', en: 'Has the person consented to data exchange?' }),
  needsSpecialisedJobSearchSupport: yesNo({ fr: 'Soutien spécialisé à la recherche d\'emploi', de: 'Spezialisierte Unterstützung bei der Stellensuche', it: 'Sostegno specializzato nella ricerca di lavoro', en: 'Specialised job-search support' }, { fr: 'A-t-elle besoin d\'un soutien spécialisé pour chercher un emploi ou une formation ?', de: 'Braucht sie spezialisierte Unterstützung bei der Stellen- oder Ausbildungssuche?', it: 'Ha bisogno di un sostegno specializzato per cercare lavoro o una formazione?', en: 'Does the person need specialised support to find a job or training?' }),
  needsCoordinationSupport: yesNo({ fr: 'Coordination de plusieurs acteurs nécessaire', de: 'Koordination mehrerer Akteure nötig', it: 'Coordinamento di più attori necessario', en: 'Several actors to coordinate' }, { fr: 'Faut-il coordonner plusieurs acteurs pour elle ?', de: 'Braucht es eine Koordination mehrerer Akteure?', it: 'Occorre coordinare più attori?', en: 'Does the person need several actors to be coordinated?' }),
  receivesOrUnderReviewAIPension: yesNo({ fr: 'Rente AI perçue ou en révision', de: 'IV-Rente bezogen oder in Revision', it: 'Rendita AI percepita o in revisione', en: 'AI pension received or under review' }, { fr: 'Perçoit-elle une rente AI (même partielle), ou sa rente est-elle en révision ?', de: 'Bezieht sie eine (Teil-)Rente der IV, oder wird ihre Rente revidiert?', it: 'Percepisce una rendita AI (anche parziale), o la sua rendita è in revisione?', en: 'Does the person receive an AI pension (even partial), or is it under review?' }),
  completedAIRetrainingOrFirstTraining: yesNo({ fr: 'Reconversion AI ou première formation achevée', de: 'IV-Umschulung oder erstmalige Ausbildung abgeschlossen', it: 'Riqualifica AI o prima formazione conclusa', en: 'AI retraining or first training completed' }, { fr: 'A-t-elle achevé une reconversion de l\'AI ou une première formation ?', de: 'Hat sie eine Umschulung der IV oder eine erstmalige Ausbildung abgeschlossen?', it: 'Ha concluso una riqualifica dell\'AI o una prima formazione?', en: 'Has the person completed an AI retraining or a first training?' }),
  longTermUnemployed: yesNo({ fr: 'Chômage de longue durée', de: 'Langzeitarbeitslos', it: 'Disoccupazione di lunga durata', en: 'Long-term unemployed' }, { fr: 'Est-elle au chômage de longue durée ?', de: 'Ist sie langzeitarbeitslos?', it: 'È disoccupata di lunga durata?', en: 'Is the person long-term unemployed?' }),
  unemploymentBenefitsExhausted: yesNo({ fr: 'Plus de droit aux allocations de chômage', de: 'Kein Anspruch (mehr) auf Arbeitslosentaggelder', it: 'Nessun diritto (più) alle indennità di disoccupazione', en: 'No (more) right to unemployment benefits' }, { fr: 'N\'a-t-elle pas (ou plus) droit aux allocations de chômage ?', de: 'Hat sie keinen Anspruch (mehr) auf Arbeitslosentaggelder?', it: 'Non ha (più) diritto alle indennità di disoccupazione?', en: 'Does the person have no (or no longer any) right to unemployment benefits?' }),
  socialAidInLast12Months: yesNo({ fr: 'Aide sociale au cours des 12 derniers mois', de: 'Sozialhilfe in den letzten 12 Monaten', it: 'Assistenza sociale negli ultimi 12 mesi', en: 'Social assistance in the last 12 months' }, { fr: 'Perçoit-elle ou a-t-elle perçu l\'aide sociale au cours des 12 derniers mois ?', de: 'Bezieht sie Sozialhilfe oder hat sie in den letzten 12 Monaten Sozialhilfe bezogen?', it: 'Riceve o ha ricevuto l\'assistenza sociale negli ultimi 12 mesi?', en: 'Does the person receive, or did they receive, social assistance in the last 12 months?' }),
  age: {
    type: 'number',
    label: { fr: 'Âge', de: 'Alter', it: 'Età', en: 'Age' },
    min: 0,
    max: 120,
    question: { fr: 'Quel âge a la personne ?', de: 'Wie alt ist die Person?', it: 'Quanti anni ha la persona?', en: 'How old is the person?' },
  },
  employabilityRecognised: yesNo({ fr: 'Employabilité reconnue', de: 'Arbeitsmarktfähigkeit anerkannt', it: 'Occupabilità riconosciuta', en: 'Employability recognised' }, { fr: 'Son employabilité est-elle reconnue ?', de: 'Ist ihre Arbeitsmarktfähigkeit anerkannt?', it: 'La sua occupabilità è riconosciuta?', en: 'Is the person\'s employability recognised?' }),
  socialAidRecipient: yesNo({ fr: 'Bénéficiaire de l\'aide sociale', de: 'Bezieht Sozialhilfe', it: 'Beneficiaria dell\'assistenza sociale', en: 'Receives social assistance' }, { fr: 'Bénéficie-t-elle de l\'aide sociale ?', de: 'Bezieht sie Sozialhilfe?', it: 'Beneficia dell\'assistenza sociale?', en: 'Does the person receive social assistance?' }),
  riskFactorsSeveral: yesNo({ fr: 'Plusieurs facteurs de risque, grandes difficultés d\'intégration', de: 'Mehrere Risikofaktoren, grosse Integrationsschwierigkeiten', it: 'Più fattori di rischio, grandi difficoltà d\'integrazione', en: 'Several risk factors, great integration difficulties' }, { fr: 'Présente-t-elle plusieurs facteurs de risque et de grandes difficultés d\'intégration ?', de: 'Liegen mehrere Risikofaktoren und grosse Integrationsschwierigkeiten vor?', it: 'Presenta più fattori di rischio e grandi difficoltà d\'integrazione?', en: 'Does the person have several risk factors and great integration difficulties?' }),
  // Extensions for cantons whose criteria need them.
  atRiskOfLongTermUnemployment: yesNo({ fr: 'Menacée de chômage de longue durée', de: 'Von Langzeitarbeitslosigkeit bedroht', it: 'A rischio di disoccupazione di lunga durata', en: 'At risk of long-term unemployment' }, { fr: 'Est-elle menacée de chômage de longue durée ?', de: 'Droht ihr Langzeitarbeitslosigkeit?', it: 'È a rischio di disoccupazione di lunga durata?', en: 'Is the person at risk of long-term unemployment?' }),
  insertableByPrognosis1: yesNo({ fr: 'Insérable selon le pronostic 1', de: 'Gemäss Prognose 1 eingliederbar', it: 'Inseribile secondo la prognosi 1', en: 'Employable according to prognosis 1' }, { fr: 'Selon le pronostic 1, peut-elle être insérée professionnellement ?', de: 'Ist sie gemäss Prognose 1 beruflich eingliederbar?', it: 'Secondo la prognosi 1, può essere inserita professionalmente?', en: 'According to prognosis 1, can the person be integrated into work?' }),
  migrant: yesNo({ fr: 'Personne migrante', de: 'Migrierte Person', it: 'Persona migrante', en: 'Migrant' }, { fr: 'Est-ce une personne migrante (quel que soit son statut de séjour) ?', de: 'Ist die Person migriert (unabhängig vom Aufenthaltsstatus)?', it: 'È una persona migrante (qualunque sia lo statuto di soggiorno)?', en: 'Is the person a migrant (whatever their residence status)?' }),
  youngPersonNeedingHighSupport: yesNo({ fr: 'Jeune ayant besoin d\'un soutien élevé', de: 'Junge Person mit hohem Unterstützungsbedarf', it: 'Giovane con elevato bisogno di sostegno', en: 'Young person needing high support' }, { fr: 'Est-ce un adolescent ou un jeune adulte qui a besoin d\'un soutien spécifique élevé ?', de: 'Ist es eine jugendliche oder junge erwachsene Person mit hohem spezifischem Unterstützungsbedarf?', it: 'È un adolescente o giovane adulto che ha bisogno di un sostegno specifico elevato?', en: 'Is this an adolescent or young adult who needs high specific support?' }),
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
