// A triage result as text, in the user's language: verdict, reasons, what is missing, next steps.
import { citationLines } from '../answers/citations.js';
import type { Localized } from '../i18n.js';
import type { Language } from '../knowledge/schema.js';
import { catalog } from '../locales.js';
import type { Verdict } from './evaluate.js';
import { factLineText } from './describe.js';
import { FACTS } from './facts.js';
import type { TriageResult } from './result.js';


export const VERDICT_LABELS: Record<Verdict, Localized> = catalog('triage-format', ['cii-case', 'not-cii-case', 'insufficient-information', 'no-formal-criteria'] as const);
export const TIER_LABELS: Record<string, Localized> = catalog('triage-format', ['network', 'complex'] as const);
export const TRIAGE_HEADINGS = catalog('triage-format', ['canton', 'met', 'unmet', 'unknown', 'missing', 'nextSteps', 'notes', 'facts', 'sources'] as const);

export function verdictLine(result: Pick<TriageResult, 'verdict' | 'tier'>, language: Language): string {
  const tier = result.tier ? ` — ${TIER_LABELS[result.tier]?.[language] ?? result.tier}` : '';
  return `${VERDICT_LABELS[result.verdict][language]}${tier}`;
}

export function formatTriage(result: TriageResult, language: Language): string {
  const h = (key: keyof typeof TRIAGE_HEADINGS) => TRIAGE_HEADINGS[key][language];
  const lines = [`**${verdictLine(result, language)}** (${h('canton')} ${result.canton})`];
  const section = (key: keyof typeof TRIAGE_HEADINGS, items: string[], mark = '•') => {
    if (items.length === 0) return;
    lines.push('', `**${h(key)}**`, ...items.map((i) => `${mark} ${i}`));
  };
  section('notes', result.notes, '⚠');
  section('facts', result.facts.map((f) => factLineText(f, language)));
  section('met', result.met.map((c) => c.criterion), '✓');
  section('unmet', result.unmet.map((c) => c.criterion), '✗');
  section('unknown', result.unknown.map((c) => c.criterion), '?');
  section('missing', result.missing.map((f) => FACTS[f].question[language]));
  section('nextSteps', result.nextSteps);
  section('sources', citationLines(result.sources));
  return lines.join('\n');
}
