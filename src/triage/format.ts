// A triage result as text, in the user's language: verdict, reasons, what is missing, next steps.
import type { Localized } from '../i18n.js';
import type { Language } from '../knowledge/schema.js';
import type { Verdict } from './evaluate.js';
import { factLineText } from './describe.js';
import { FACTS } from './facts.js';
import type { TriageResult } from './result.js';


export const VERDICT_LABELS: Record<Verdict, Localized> = {
  'cii-case': { fr: 'Cas CII', de: 'IIZ-Fall', it: 'Caso CII', en: 'CII case' },
  'not-cii-case': { fr: "Pas un cas CII", de: 'Kein IIZ-Fall', it: 'Non è un caso CII', en: 'Not a CII case' },
  'insufficient-information': { fr: 'Informations insuffisantes', de: 'Ungenügende Angaben', it: 'Informazioni insufficienti', en: 'Insufficient information' },
  'no-formal-criteria': { fr: 'Pas de critères formels', de: 'Keine formalen Kriterien', it: 'Nessun criterio formale', en: 'No formal criteria' },
};

export const TIER_LABELS: Record<string, Localized> = {
  network: { fr: 'situation CII réseau', de: 'IIZ-Netzwerksituation', it: 'situazione CII di rete', en: 'network CII situation' },
  complex: { fr: 'situation CII complexe', de: 'komplexe IIZ-Situation', it: 'situazione CII complessa', en: 'complex CII situation' },
};

export const TRIAGE_HEADINGS = {
  canton: { fr: 'Canton', de: 'Kanton', it: 'Cantone', en: 'Canton' },
  met: { fr: 'Critères remplis', de: 'Erfüllte Kriterien', it: 'Criteri soddisfatti', en: 'Criteria met' },
  unmet: { fr: 'Critères non remplis', de: 'Nicht erfüllte Kriterien', it: 'Criteri non soddisfatti', en: 'Criteria not met' },
  unknown: { fr: 'Critères encore ouverts', de: 'Noch offene Kriterien', it: 'Criteri ancora aperti', en: 'Criteria still open' },
  missing: { fr: 'Informations manquantes', de: 'Fehlende Angaben', it: 'Informazioni mancanti', en: 'Information still needed' },
  nextSteps: { fr: 'Prochaines étapes dans le canton (selon l\'inventaire)', de: 'Nächste Schritte im Kanton (gemäss Inventar)', it: 'Prossimi passi nel cantone (secondo l\'inventario)', en: 'Next steps in the canton (from the inventory)' },
  notes: { fr: 'À savoir', de: 'Hinweise', it: 'Da sapere', en: 'Note' },
  facts: { fr: 'Réponses données', de: 'Gegebene Antworten', it: 'Risposte date', en: 'Answers given' },
  sources: { fr: 'Sources', de: 'Quellen', it: 'Fonti', en: 'Sources' },
} satisfies Record<string, Localized>;

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
  section('sources', result.sources.map((s) => `${s.title}, ${s.where}`));
  return lines.join('\n');
}
