// Adaptive Cards (version 1.5, the most Teams renders) from the core's reply models, by expanding
// the templates in cards/ with the official templating engine. Used by Teams and the web chat.
import type { Localized } from '../i18n.js';
import { readFileSync } from 'node:fs';
import { Template } from 'adaptivecards-templating';
import { catalog } from '../locales.js';
import { projectPath } from '../paths.js';
import type { Answer } from '../answers/builder.js';
import { citations } from '../answers/citations.js';
import type { ChecklistView } from '../checklists/service.js';
import type { GapOffer } from '../gaps/offer.js';
import { LANGUAGES, type Language } from '../knowledge/schema.js';
import { NONE_VALUE, SKIP_VALUE } from '../triage/answers.js';
import { factLineText } from '../triage/describe.js';
import type { TriageReply } from '../triage/dialog.js';
import { FACTS, type FactName, type PersonFacts } from '../triage/facts.js';
import { TRIAGE_HEADINGS, verdictLine } from '../triage/format.js';
import type { TriageResult } from '../triage/result.js';
import type { FormQuestion } from '../triage/form.js';
import { TRIAGE_BUTTONS } from '../triage/words.js';

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
  ...catalog('cards', ['progress', 'save', 'sources', 'answerMissing', 'openReferral', 'submit', 'canton', 'remind', 'remindWhen', 'remindChecklist', 'remindChecklistWhen', 'reviewReferral'] as const),
  answersGiven: TRIAGE_HEADINGS.facts,
  export: TRIAGE_BUTTONS.export,
  back: TRIAGE_BUTTONS.back,
  restart: TRIAGE_BUTTONS.restart,
  change: TRIAGE_BUTTONS.change,
} satisfies Record<string, Localized>;

/** Each language's labels, made once: every card of a reply takes them (the templates only read them). */
const LABELS_IN = Object.fromEntries(
  LANGUAGES.map((language) => [language, Object.fromEntries(Object.entries(LABELS).map(([k, v]) => [k, v[language]]))]),
) as Record<Language, Record<keyof typeof LABELS, string>>;

function labels(language: Language): Record<keyof typeof LABELS, string> {
  return LABELS_IN[language];
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

/**
 * The "report this gap" button with what reporting keeps, in the card's body: its own row, so the
 * follow-ups cannot push it past the five actions hosts show.
 */
function gapElements(gap: GapOffer): Record<string, unknown>[] {
  const data = { verb: gap.verb, ...gap.data };
  return [
    { type: 'TextBlock', text: gap.note, wrap: true, isSubtle: true, size: 'Small', separator: true },
    { type: 'ActionSet', actions: [{ type: 'Action.Execute', verb: gap.verb, title: gap.label, data, fallback: { type: 'Action.Submit', title: gap.label, data } }] },
  ];
}

/** Answer text (headings bold), its sources, follow-up buttons, and the gap button where the answer could not be given. */
export function answerCard(answer: Answer, gap?: GapOffer): AdaptiveCard {
  const blocks = answer.text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const heading = /^\*\*(.*)\*\*$/.exec(line);
      return { text: heading ? heading[1] : line, heading: Boolean(heading) };
    });
  const card = expand('answer', { blocks, citations: citations(answer.sources), followUps: answer.followUps, language: answer.language, labels: labels(answer.language) });
  return gap ? withGap(card, gap) : card;
}

/** An answer's card with the gap button added: a new card, the one given left as it is (it may be cached). */
export function withGap(card: AdaptiveCard, gap: GapOffer): AdaptiveCard {
  return { ...card, body: [...(card.body as unknown[]), ...gapElements(gap)] };
}

/** The most actions the renderers show in one set (the Adaptive Cards JS renderer's default host config). */
const MAX_ACTIONS = 5;

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/** Verdict colours readable on a light background (Warning is about 1.5:1 on white: not used). */
const VERDICT_COLOR = { 'cii-case': 'Good', 'not-cii-case': 'Attention', 'insufficient-information': 'Default', 'no-formal-criteria': 'Accent' } as const;

/**
 * A verdict with the facts it rests on (each given one with a button to change it), the criteria
 * met, unmet and open with their sources, and the buttons that act on this result: answer what is
 * missing, copy it for the case file, back, restart, the referral checklist, a reminder.
 */
export function triageResultCard(result: TriageResult, facts: PersonFacts, language: Language, answered: FactName[] = []): AdaptiveCard {
  const h = (key: keyof typeof TRIAGE_HEADINGS) => TRIAGE_HEADINGS[key][language];
  const cite = (c: { criterion: string; source?: { where: string } }) => (c.source ? ` (${c.source.where})` : '');
  const sections = [
    { title: h('met'), lines: result.met.map((c) => `✓ ${c.criterion}${cite(c)}`) },
    { title: h('unmet'), lines: result.unmet.map((c) => `✗ ${c.criterion}${cite(c)}`) },
    { title: h('unknown'), lines: result.unknown.map((c) => `? ${c.criterion}${cite(c)}`) },
    { title: h('missing'), lines: result.missing.map((f) => FACTS[f].question[language]) },
    { title: h('nextSteps'), lines: result.nextSteps },
  ].filter((s) => s.lines.length > 0);
  return expand('triage-result', {
    verdictText: verdictLine(result, language),
    verdictColor: VERDICT_COLOR[result.verdict],
    cantonText: `${LABELS.canton[language]} ${result.canton}`,
    canton: result.canton,
    notes: result.notes,
    factLines: result.facts.map((f) => factLineText(f, language)),
    // Hosts render at most five actions a set (the renderer's default): the changes go in rows.
    changeRows: chunks(result.facts.filter((f) => !f.deduced).map((f) => ({ fact: f.fact, label: f.label })), MAX_ACTIONS),
    sections,
    citations: citations(result.sources),
    missing: result.missing,
    facts,
    answered,
    remindWhat: `${LABELS.reviewReferral[language]} ${result.canton})`,
    labels: labels(language),
  });
}

type Question = Extract<TriageReply, { kind: 'triage-question' }>;

/**
 * A question with the input its fact needs: a button per answer for yes/no and single choices,
 * checkboxes and a confirm button for lists, a number field for numbers; "don't know" and "back".
 * Every button names the fact and the step it answers.
 */
export function triageQuestionCard(question: Question): AdaptiveCard {
  const language = question.language;
  const base = { verb: 'triage.answer', fact: question.fact, step: question.step };
  const button = (label: string, value?: string) => ({ label, data: { ...base, ...(value !== undefined ? { value } : {}) } });
  const skip = question.choices.find((c) => c.value === SKIP_VALUE)!;
  const items = question.choices.filter((c) => c !== skip);
  const buttons =
    question.input === 'list'
      ? [button(TRIAGE_BUTTONS.confirm[language]), button(TRIAGE_BUTTONS.none[language], NONE_VALUE), button(skip.label, skip.value)]
      : question.input === 'number'
        ? [button(TRIAGE_BUTTONS.confirm[language]), button(skip.label, skip.value)]
        : question.choices.map((c) => button(c.label, c.value));
  if (question.canGoBack) buttons.push({ label: TRIAGE_BUTTONS.back[language], data: { verb: 'triage.back', step: question.step } as typeof base });
  return expand('triage-question', {
    text: question.question,
    hint: question.hint ?? '',
    input: question.input,
    items,
    min: question.min,
    max: question.max,
    buttons,
  });
}

/** A question once answered: the question and the answer, without buttons. */
export function triageAnsweredCard(answered: Extract<TriageReply, { kind: 'triage-answered' }>): AdaptiveCard {
  return expand('triage-answered', { question: answered.question, answer: answered.answer });
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

/** For a conversation whose language nothing tells yet (Teams' install event has no locale): a greeting and a button per language. */
export function languageChoiceCard(greetings: string[], choices: { language: Language; name: string }[]): AdaptiveCard {
  return expand('language-choice', { greetings, choices });
}
