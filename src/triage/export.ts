// A triage result as plain text for a case file: no names, in the user's language, with the
// canton, the date, the verdict, the facts it rests on, the criteria with their sources.
import { citations } from '../answers/citations.js';
import { colon } from '../i18n.js';
import type { KnowledgeBase } from '../knowledge/loader.js';
import type { Language } from '../knowledge/schema.js';
import { catalog } from '../locales.js';
import { DateTime } from 'luxon';
import { factLineText } from './describe.js';
import { FACTS } from './facts.js';
import { TRIAGE_HEADINGS, verdictLine } from './format.js';
import type { CriterionLine, TriageResult } from './result.js';
import { dateLocale } from '../locales.js';


const WORDS = catalog('triage-export', ['title', 'date', 'verdict', 'facts', 'noFacts', 'footer'] as const);

export function exportText(kb: KnowledgeBase, result: TriageResult, language: Language, at: Date): string {
  const h = (key: keyof typeof TRIAGE_HEADINGS) => TRIAGE_HEADINGS[key][language];
  const sep = colon(language);
  const date = DateTime.fromJSDate(at, { zone: 'Europe/Zurich' }).setLocale(dateLocale(language)).toLocaleString(DateTime.DATE_FULL);
  const name = kb.cantons.get(result.canton)!.names[language];
  const criterion = (mark: string) => (c: CriterionLine) => `${mark} ${c.criterion}${c.source ? ` [${c.source.short}, ${c.source.where}]` : ''}`;
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
  section(h('sources'), citations(result.sources).map((c) => `- ${c.short} — ${c.places} (${c.title}, ${c.document})`));
  lines.push('', WORDS.footer[language]);
  return lines.join('\n');
}
