// Adaptive Cards (version 1.5, the most Teams renders) from the core's reply models, by expanding
// the templates in cards/ with the official templating engine. Used by Teams and the web chat.
import type { Localized } from '../i18n.js';
import { readFileSync } from 'node:fs';
import { Template } from 'adaptivecards-templating';
import { projectPath } from '../paths.js';
import type { Answer } from '../answers/builder.js';
import type { ChecklistView } from '../checklists/service.js';
import type { Language } from '../knowledge/schema.js';
import type { Choice } from '../triage/answers.js';
import type { PersonFacts } from '../triage/facts.js';
import { TRIAGE_HEADINGS, verdictLine } from '../triage/format.js';
import { FACTS } from '../triage/facts.js';
import type { TriageResult } from '../triage/result.js';
import type { FormQuestion } from '../triage/dialog.js';

export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

const TEMPLATE_DIR = `${projectPath('cards')}/`;
const templates = new Map<string, Template>();

function expand(name: string, data: unknown): AdaptiveCard {
  let template = templates.get(name);
  if (!template) {
    template = new Template(JSON.parse(readFileSync(`${TEMPLATE_DIR}${name}.json`, 'utf8')));
    templates.set(name, template);
  }
  return template.expand({ $root: data }) as AdaptiveCard;
}

const LABELS = {
  progress: { fr: 'Progression', de: 'Fortschritt', it: 'Avanzamento', en: 'Progress' },
  save: { fr: 'Enregistrer', de: 'Speichern', it: 'Salva', en: 'Save' },
  sources: { fr: 'Sources', de: 'Quellen', it: 'Fonti', en: 'Sources' },
  answerMissing: { fr: 'Répondre aux questions manquantes', de: 'Fehlende Fragen beantworten', it: 'Rispondere alle domande mancanti', en: 'Answer the missing questions' },
  openReferral: { fr: 'Ouvrir la checklist de signalement', de: 'Anmelde-Checkliste öffnen', it: 'Aprire la lista di controllo della segnalazione', en: 'Open the referral checklist' },
  submit: { fr: 'Évaluer', de: 'Auswerten', it: 'Valutare', en: 'Evaluate' },
  canton: { fr: 'Canton', de: 'Kanton', it: 'Cantone', en: 'Canton' },
  remind: { fr: 'Rappel dans 14 jours', de: 'Erinnerung in 14 Tagen', it: 'Promemoria tra 14 giorni', en: 'Remind in 14 days' },
  remindWhen: { fr: 'dans 14 jours', de: 'in 14 Tagen', it: 'tra 14 giorni', en: 'in 14 days' },
  remindChecklist: { fr: 'Rappel dans 7 jours', de: 'Erinnerung in 7 Tagen', it: 'Promemoria tra 7 giorni', en: 'Remind in 7 days' },
  remindChecklistWhen: { fr: 'dans 7 jours', de: 'in 7 Tagen', it: 'tra 7 giorni', en: 'in 7 days' },
  reviewReferral: { fr: 'revoir le signalement (triage', de: 'Anmeldung überprüfen (Triage', it: 'rivedere la segnalazione (triage', en: 'review the referral (triage' },
} satisfies Record<string, Localized>;

function labels(language: Language): Record<keyof typeof LABELS, string> {
  return Object.fromEntries(Object.entries(LABELS).map(([k, v]) => [k, v[language]])) as Record<keyof typeof LABELS, string>;
}

const TIME = new Intl.DateTimeFormat('de-CH', { timeZone: 'Europe/Zurich', dateStyle: 'short', timeStyle: 'short' });

/**
 * A checklist with a toggle per item, progress as "12/44", who ticked what and when, a Save action
 * (Action.Execute with an Action.Submit fallback), and a refresh so every member sees the current
 * state (Teams refreshes automatically for the users listed, at most 60).
 */
export function checklistCard(view: ChecklistView, refreshUserIds: string[] = []): AdaptiveCard {
  const seen = view.groups.flatMap((g) => g.items.filter((i) => i.checked).map((i) => i.id));
  return expand('checklist', {
    ...view,
    groups: view.groups.map((g) => ({
      ...g,
      // Who ticked and when goes in the toggle's own title: a line per item would outgrow Teams' 28 KB.
      items: g.items.map((i) => ({ ...i, title: i.tick ? `${i.text} (✓ ${i.tick.by.name ?? '—'}, ${TIME.format(new Date(i.tick.at))})` : i.text })),
    })),
    seen,
    refreshUserIds: refreshUserIds.slice(0, 60),
    labels: labels(view.language),
  });
}

/** Answer text (headings bold), its sources, and follow-up buttons. */
export function answerCard(answer: Answer): AdaptiveCard {
  const blocks = answer.text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const heading = /^\*\*(.*)\*\*$/.exec(line);
      return { text: heading ? heading[1] : line, heading: Boolean(heading) };
    });
  return expand('answer', { blocks, sources: answer.sources, followUps: answer.followUps, language: answer.language, labels: labels(answer.language) });
}

const VERDICT_COLOR = { 'cii-case': 'Good', 'not-cii-case': 'Attention', 'insufficient-information': 'Warning', 'no-formal-criteria': 'Accent' } as const;

export function triageResultCard(result: TriageResult, facts: PersonFacts, language: Language): AdaptiveCard {
  const h = (key: keyof typeof TRIAGE_HEADINGS) => TRIAGE_HEADINGS[key][language];
  const sections = [
    { title: h('met'), lines: result.met.map((c) => `✓ ${c.criterion}`) },
    { title: h('unmet'), lines: result.unmet.map((c) => `✗ ${c.criterion}`) },
    { title: h('unknown'), lines: result.unknown.map((c) => `? ${c.criterion}`) },
    { title: h('missing'), lines: result.missing.map((f) => FACTS[f].question[language]) },
    { title: h('nextSteps'), lines: result.nextSteps },
  ].filter((s) => s.lines.length > 0);
  return expand('triage-result', {
    verdictText: verdictLine(result, language),
    verdictColor: VERDICT_COLOR[result.verdict],
    cantonText: `${LABELS.canton[language]} ${result.canton}`,
    canton: result.canton,
    notes: result.notes,
    sections,
    sources: result.sources,
    missing: result.missing,
    facts,
    remindWhat: `${LABELS.reviewReferral[language]} ${result.canton})`,
    labels: labels(language),
  });
}

export function triageQuestionCard(text: string, choices: Choice[]): AdaptiveCard {
  return expand('triage-question', { text, choices });
}

/** A one-shot form with all of a canton's questions at once. */
export function triageFormCard(canton: string, title: string, privacy: string, questions: FormQuestion[], language: Language): AdaptiveCard {
  return expand('triage-form', {
    canton,
    title,
    privacy,
    questions: questions.filter((q) => !q.number),
    numbers: questions.filter((q) => q.number),
    labels: labels(language),
  });
}
