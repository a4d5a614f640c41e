// Cue phrases for what the base knows about every canton as a yes or a no (Figure 3's bodies, a case
// platform, formal criteria, 2022 case numbers), as folded words per language: "quels cantons ont un
// bureau et une plateforme", "Kantone ohne Steuergremium", "how many cantons have a case platform".
import type { Language } from '../knowledge/schema.js';

export const CANTON_PROPERTIES = ['steeringCommittee', 'developmentCommittee', 'bureau', 'workingGroups', 'platform', 'formalCriteria', 'caseNumbers'] as const;
export type CantonProperty = (typeof CANTON_PROPERTIES)[number];

export const PROPERTY_CUES: Record<CantonProperty, Record<Language, string[]>> = {
  steeringCommittee: {
    fr: ['comite de pilotage', 'comites de pilotage', 'copil'],
    de: ['steuergremium', 'steuergremien', 'steuerungsgremium', 'steuergruppe', 'steuerungsausschuss', 'lenkungsausschuss', 'steuerungsgruppe'],
    it: ['comitato di pilotaggio', 'comitati di pilotaggio', 'comitato direttivo'],
    en: ['steering committee', 'steering committees', 'steering group'],
  },
  developmentCommittee: {
    fr: ['comite de developpement', 'comites de developpement'],
    de: ['entwicklungsgremium', 'entwicklungs und koordinationsgremium', 'koordinationsgremium', 'entwicklungsgremien'],
    it: ['comitato di sviluppo', 'comitati di sviluppo'],
    en: ['development committee', 'development and coordination committee', 'development committees'],
  },
  bureau: {
    fr: ['bureau', 'bureaux', 'office autonome'],
    de: ['fachstelle', 'fachstellen', 'geschaftsstelle', 'buro', 'iiz buro'],
    it: ['ufficio', 'uffici'],
    en: ['bureau', 'bureaus', 'bureaux', 'office'],
  },
  workingGroups: {
    fr: ['groupe de travail', 'groupes de travail'],
    de: ['arbeitsgruppe', 'arbeitsgruppen'],
    it: ['gruppo di lavoro', 'gruppi di lavoro'],
    en: ['working group', 'working groups'],
  },
  platform: {
    fr: ['plateforme', 'plateformes', 'plate forme'],
    de: ['plattform', 'plattformen', 'fallplattform', 'fallfuhrungsplattform', 'fallfuehrungsplattform'],
    it: ['piattaforma', 'piattaforme'],
    en: ['platform', 'platforms'],
  },
  formalCriteria: {
    fr: ['criteres formels', 'criteres d acces', 'criteres pour un cas', 'definition des cas'],
    de: ['formale kriterien', 'formalen kriterien', 'kriterien fur einen iiz fall', 'fallkriterien'],
    it: ['criteri formali', 'criteri per un caso', 'criteri di accesso'],
    en: ['formal criteria', 'criteria for a cii case', 'case criteria'],
  },
  caseNumbers: {
    fr: ['nombre de cas', 'nombres de cas', 'chiffres des cas'],
    de: ['fallzahlen', 'fallzahl', 'anzahl falle'],
    it: ['numero di casi', 'numeri dei casi', 'numero dei casi'],
    en: ['case numbers', 'number of cases', 'case figures'],
  },
};

/** The connective that makes a list of properties "either": otherwise all must hold. */
export const EITHER_WORDS: Record<Language, string[]> = { fr: ['ou'], de: ['oder'], it: ['o', 'oppure'], en: ['or'] };
