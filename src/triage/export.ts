// A triage result as plain text for a case file: no names, in the user's language, with the
// canton, the date, the verdict, the facts it rests on, the criteria with their sources.
import { colon, type Localized } from '../i18n.js';
import type { KnowledgeBase } from '../knowledge/loader.js';
import type { Language } from '../knowledge/schema.js';
import { DateTime } from 'luxon';
import { factLineText } from './describe.js';
import { FACTS } from './facts.js';
import { TRIAGE_HEADINGS, verdictLine } from './format.js';
import type { CriterionLine, TriageResult } from './result.js';

const LOCALES: Record<Language, string> = { fr: 'fr-CH', de: 'de-CH', it: 'it-CH', en: 'en-GB' };

const WORDS = {
  title: { fr: 'Triage CII — résultat pour le dossier (sans données personnelles)', de: 'IIZ-Triage — Ergebnis für das Dossier (ohne Personendaten)', it: "Triage CII — risultato per l'incarto (senza dati personali)", en: 'CII triage — result for the case file (no personal data)' },
  date: { fr: 'Date', de: 'Datum', it: 'Data', en: 'Date' },
  verdict: { fr: 'Verdict', de: 'Ergebnis', it: 'Verdetto', en: 'Verdict' },
  facts: { fr: 'Faits retenus', de: 'Berücksichtigte Fakten', it: 'Fatti considerati', en: 'Facts considered' },
  noFacts: { fr: 'aucun', de: 'keine', it: 'nessuno', en: 'none' },
  footer: { fr: 'Établi par cii-assistant à partir des documents sources cités ; à vérifier par la coordination CII du canton.', de: 'Erstellt von cii-assistant aus den zitierten Quelldokumenten; von der IIZ-Koordination des Kantons zu prüfen.', it: 'Redatto da cii-assistant a partire dai documenti fonte citati; da verificare con il coordinamento CII del cantone.', en: 'Prepared by cii-assistant from the source documents cited; to be checked with the canton\'s CII coordination.' },
} satisfies Record<string, Localized>;

export function exportText(kb: KnowledgeBase, result: TriageResult, language: Language, at: Date): string {
  const h = (key: keyof typeof TRIAGE_HEADINGS) => TRIAGE_HEADINGS[key][language];
  const sep = colon(language);
  const date = DateTime.fromJSDate(at, { zone: 'Europe/Zurich' }).setLocale(LOCALES[language]).toLocaleString(DateTime.DATE_FULL);
  const name = kb.cantons.get(result.canton)!.names[language];
  const criterion = (mark: string) => (c: CriterionLine) => `${mark} ${c.criterion}${c.source ? ` [${c.source.title}, ${c.source.where}]` : ''}`;
  const lines = [
    WORDS.title[language],
    `${h('canton')}${sep}${name} (${result.canton})`,
    `${WORDS.date[language]}${sep}${date}`,
    `${WORDS.verdict[language]}${sep}${verdictLine(result, language)}`,
  ];
  const section = (title: string, items: string[]) => {
    if (items.length > 0) lines.push('', `${title}${sep.trimEnd()}`, ...items);
  };
  section(WORDS.facts[language], result.facts.length ? result.facts.map((f) => `- ${factLineText(f, language)}`) : [`- ${WORDS.noFacts[language]}`]);
  section(h('notes'), result.notes.map((n) => `⚠ ${n}`));
  section(h('met'), result.met.map(criterion('✓')));
  section(h('unmet'), result.unmet.map(criterion('✗')));
  section(h('unknown'), result.unknown.map(criterion('?')));
  section(h('missing'), result.missing.map((f) => `- ${FACTS[f].question[language]}`));
  section(h('sources'), result.sources.map((s) => `- ${s.title}, ${s.where} (${s.document})`));
  lines.push('', WORDS.footer[language]);
  return lines.join('\n');
}
