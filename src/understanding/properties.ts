// Cue phrases for what the base knows about every canton as a yes or a no (Figure 3's bodies, a case
// platform, formal criteria, 2022 case numbers), as folded words per language: "quels cantons ont un
// bureau et une plateforme", "Kantone ohne Steuergremium", "how many cantons have a case platform".
// The words are in locales/<language>/cues.yaml (property.<property>, either).
import type { Language } from '../knowledge/schema.js';
import { cues } from '../locales.js';

export const CANTON_PROPERTIES = ['steeringCommittee', 'developmentCommittee', 'bureau', 'workingGroups', 'platform', 'formalCriteria', 'caseNumbers'] as const;
export type CantonProperty = (typeof CANTON_PROPERTIES)[number];

export const PROPERTY_CUES = Object.fromEntries(CANTON_PROPERTIES.map((property) => [property, cues(`property.${property}`)])) as Record<CantonProperty, Record<Language, string[]>>;

/** The connective that makes a list of properties "either": otherwise all must hold. */
export const EITHER_WORDS: Record<Language, string[]> = cues('either');
