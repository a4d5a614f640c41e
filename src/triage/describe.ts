// The facts of a triage in words, in the user's language: "Domicile dans le canton : oui",
// "Institutions : AC / ORP, aide sociale", and for a derived fact what it was deduced from.
import { colon } from '../i18n.js';
import type { Language } from '../knowledge/schema.js';
import { catalog } from '../locales.js';
import { YES_NO_UNKNOWN } from './answers.js';
import type { DerivedFact } from './derivations.js';
import { FACT_NAMES, definitionOf, type FactName, type FactValue, type PersonFacts } from './facts.js';

const TEXT = catalog('triage-describe', ['none', 'deduced'] as const);

export function valueText(fact: FactName, value: FactValue, language: Language): string {
  const definition = definitionOf(fact);
  switch (definition.type) {
    case 'boolean':
      return YES_NO_UNKNOWN[language][value === true ? 0 : 1];
    case 'number':
      return String(value);
    case 'enum':
      return definition.labels[String(value)]?.[language] ?? String(value);
    case 'list': {
      const items = value as string[];
      return items.length === 0 ? TEXT.none[language] : items.map((v) => definition.labels[v]?.[language] ?? v).join(', ');
    }
  }
}

export interface FactLine {
  fact: FactName;
  label: string;
  value: string;
  /** For a derived fact: why ("deduced: the person is followed by the migration service"). */
  deduced?: string;
}

/** The facts given, in the vocabulary's order, then the facts derived from them. */
export function factLines(given: PersonFacts, derived: DerivedFact[], language: Language): FactLine[] {
  const line = (fact: FactName, value: FactValue): FactLine => ({ fact, label: definitionOf(fact).label[language], value: valueText(fact, value, language) });
  return [
    ...FACT_NAMES.filter((f) => given[f] !== undefined).map((f) => line(f, given[f]!)),
    ...derived.map((d) => ({ ...line(d.fact, d.value), deduced: `${TEXT.deduced[language]}${colon(language)}${d.derivation.because[language]}` })),
  ];
}

export function factLineText(line: FactLine, language: Language): string {
  return `${line.label}${colon(language)}${line.value}${line.deduced ? ` (${line.deduced})` : ''}`;
}
