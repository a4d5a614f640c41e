// The assistant's replies in Slack's Block Kit: checklists (checkboxes of at most 10 options,
// messages of at most 50 blocks, a long checklist split by part), answers, triage results, the
// triage modal and the App Home.
import type { Answer } from '../../src/answers/builder.js';
import { citations } from '../../src/answers/citations.js';
import type { ChecklistView } from '../../src/checklists/service.js';
import type { GapOffer } from '../../src/gaps/offer.js';
import type { CantonCode, Language } from '../../src/knowledge/schema.js';
import { catalog } from '../../src/locales.js';
import { NONE_VALUE, SKIP_VALUE } from '../../src/triage/answers.js';
import type { TriageReply } from '../../src/triage/dialog.js';
import type { FactName, PersonFacts } from '../../src/triage/facts.js';
import type { FormQuestion } from '../../src/triage/form.js';
import { formatTriage, verdictLine } from '../../src/triage/format.js';
import type { TriageResult } from '../../src/triage/result.js';
import { TRIAGE_BUTTONS } from '../../src/triage/words.js';

export const MAX_BLOCKS = 50;
export const MAX_OPTIONS = 10;
export const MAX_OPTION_TEXT = 150;

type Block = Record<string, unknown>;
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

const TIME = new Intl.DateTimeFormat('de-CH', { timeZone: 'Europe/Zurich', dateStyle: 'short', timeStyle: 'short' });

/** The blocks of one part of a checklist: its title, then its items ten by ten. */
function groupBlocks(view: ChecklistView, group: ChecklistView['groups'][number]): Block[] {
  const blocks: Block[] = [{ type: 'section', text: { type: 'mrkdwn', text: `*${clip(group.title, 2900)}*` } }];
  for (let start = 0; start < group.items.length; start += MAX_OPTIONS) {
    const chunk = group.items.slice(start, start + MAX_OPTIONS);
    const options = chunk.map((item) => ({
      text: { type: 'plain_text', text: clip(item.text, MAX_OPTION_TEXT) },
      value: item.id,
      ...(item.tick ? { description: { type: 'plain_text', text: clip(`✓ ${item.tick.by.name ?? ''} ${TIME.format(new Date(item.tick.at))}`, MAX_OPTION_TEXT) } } : {}),
    }));
    const selected = options.filter((_, i) => chunk[i]!.checked);
    blocks.push({
      type: 'actions',
      block_id: `checklist:${view.id}:${group.id}:${start}`,
      elements: [{ type: 'checkboxes', action_id: 'checklist.tick', options, ...(selected.length > 0 ? { initial_options: selected } : {}) }],
    });
  }
  return blocks;
}

/** A checklist as one or more messages; each repeats the title and the progress. */
export function checklistMessages(view: ChecklistView): SlackMessage[] {
  const header = (part: number, parts: number): Block[] => [
    { type: 'header', text: { type: 'plain_text', text: clip(parts > 1 ? `${view.title} (${part}/${parts})` : view.title, 150) } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: `${view.done}/${view.total}` }] },
  ];
  const pages: Block[][] = [];
  let page: Block[] = [];
  for (const group of view.groups) {
    const blocks = groupBlocks(view, group);
    if (page.length > 0 && page.length + blocks.length + 2 > MAX_BLOCKS) {
      pages.push(page);
      page = [];
    }
    page.push(...blocks);
  }
  if (page.length > 0) pages.push(page);
  return pages.map((blocks, i) => ({ text: `${view.title} ${view.done}/${view.total}`, blocks: [...header(i + 1, pages.length), ...blocks] }));
}

const header = (text: string): Block => ({ type: 'header', text: { type: 'plain_text', text: clip(text, 150) } });
const markdown = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text: clip(text, 3000) } });
const context = (text: string): Block => ({ type: 'context', elements: [{ type: 'mrkdwn', text: clip(text, 3000) }] });

/** The assistant's "**heading**" lines become Slack's bold; the rest stays as written. */
function slackText(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/g, '*$1*');
}

function button(text: string, actionId: string, value: string): Block {
  return { type: 'button', text: { type: 'plain_text', text: clip(text, 75) }, action_id: actionId, value: clip(value, 2000) };
}

/** An answer: its text in sections of at most 3000 characters, its sources, follow-up buttons, the gap button where it could not be given. */
export function answerMessage(answer: Answer, gap?: GapOffer): SlackMessage {
  const blocks: Block[] = [];
  let chunk = '';
  for (const line of slackText(answer.text).split('\n')) {
    if (chunk.length + line.length + 1 > 2900) {
      blocks.push(markdown(chunk));
      chunk = '';
    }
    chunk += `${line}\n`;
  }
  if (chunk.trim()) blocks.push(markdown(chunk));
  if (answer.sources.length > 0) blocks.push(context(citations(answer.sources).map((c) => `*${c.short}* — ${c.places}\n_${c.title}_`).join('\n')));
  if (answer.followUps.length > 0) {
    // The value carries the answer's language: the follow-up is answered in it.
    const value = (text: string) => JSON.stringify({ text, language: answer.language });
    blocks.push({ type: 'actions', elements: answer.followUps.slice(0, 5).map((f, i) => button(f, `ask.${i}`, value(f))) });
  }
  if (gap) blocks.push(context(gap.note), { type: 'actions', elements: [button(gap.label, gap.verb, JSON.stringify(gap.data))] });
  return { text: clip(answer.text.split('\n')[0]!.replace(/\*/g, ''), 3000), blocks: blocks.slice(0, MAX_BLOCKS) };
}

export function textMessage(text: string): SlackMessage {
  return { text: clip(text.replace(/\*/g, ''), 3000), blocks: [markdown(slackText(text))] };
}

const LABELS = catalog('slack-blocks', ['openReferral', 'answerMissing'] as const);

/**
 * A triage result: verdict, reasons, what is missing, next steps, sources; a button per answer to
 * change it, back, restart, share the result in a thread, the referral checklist. Each button's
 * value carries the canton and the facts shown, so it acts on this result.
 */
export function triageResultMessage(result: TriageResult, facts: PersonFacts, language: Language, answered: FactName[] = []): SlackMessage {
  const blocks: Block[] = [header(`${verdictLine(result, language)} — ${result.canton}`), markdown(slackText(formatTriage(result, language).split('\n').slice(1).join('\n').trim() || '—'))];
  const shown = { canton: result.canton, facts, answered };
  const changes = result.facts.filter((f) => !f.deduced).map((f, i) => button(`✎ ${f.label}`, `triage.change.${i}`, JSON.stringify({ ...shown, fact: f.fact })));
  for (let i = 0; i < changes.length; i += 5) blocks.push({ type: 'actions', elements: changes.slice(i, i + 5) });
  const buttons = [
    button(TRIAGE_BUTTONS.share[language], 'triage.export', JSON.stringify({ canton: result.canton, facts })),
    ...(answered.length > 0 ? [button(TRIAGE_BUTTONS.back[language], 'triage.back', JSON.stringify(shown))] : []),
    button(TRIAGE_BUTTONS.restart[language], 'triage.restart', JSON.stringify({ canton: result.canton, facts: {}, answered: [] })),
    button(LABELS.openReferral[language], 'checklist.open', `referral:${result.canton}`),
  ];
  if (result.missing.length > 0) buttons.unshift(button(LABELS.answerMissing[language], 'triage.resume', JSON.stringify({ canton: result.canton, facts })));
  blocks.push({ type: 'actions', elements: buttons });
  return { text: verdictLine(result, language), blocks: blocks.slice(0, MAX_BLOCKS) };
}

type Question = Extract<TriageReply, { kind: 'triage-question' }>;

/**
 * A triage question with the input its fact needs: buttons for yes/no and single choices,
 * checkboxes and a confirm button for lists, a number field (sent on Enter) for numbers. Every
 * value names the fact and the step it answers.
 */
export function triageQuestionMessage(q: Question): SlackMessage {
  const value = (answer?: string) => JSON.stringify({ fact: q.fact, step: q.step, ...(answer !== undefined ? { value: answer } : {}) });
  const blocks: Block[] = [markdown(`*${q.question}*`)];
  if (q.hint) blocks.push(context(q.hint));
  const skip = q.choices.find((c) => c.value === SKIP_VALUE);
  const items = q.choices.filter((c) => c !== skip);
  const language = q.language;
  const buttons: Block[] = [];
  if (q.input === 'list') {
    const options = items.map((c) => ({ text: { type: 'plain_text', text: clip(c.label, 75) }, value: c.value }));
    blocks.push({ type: 'actions', block_id: `triage-list:${q.step}`, elements: [{ type: 'checkboxes', action_id: 'triage.select', options: options.slice(0, MAX_OPTIONS) }] });
    buttons.push(button(TRIAGE_BUTTONS.confirm[language], 'triage.confirm', value()), button(TRIAGE_BUTTONS.none[language], 'triage.answer.none', value(NONE_VALUE)));
  } else if (q.input === 'number') {
    blocks.push({
      type: 'input',
      // The block names the fact: a number typed into an older question still answers that question.
      block_id: `triage-number:${q.step}:${q.fact}`,
      dispatch_action: true,
      label: { type: 'plain_text', text: clip(q.question, 2000) },
      element: { type: 'number_input', action_id: 'triage.number', is_decimal_allowed: false, ...(q.min !== undefined ? { min_value: String(q.min) } : {}), ...(q.max !== undefined ? { max_value: String(q.max) } : {}) },
    });
  } else {
    items.forEach((c, i) => buttons.push(button(c.label, `triage.answer.${i}`, value(c.value))));
  }
  if (skip) buttons.push(button(skip.label, 'triage.answer.skip', value(skip.value)));
  if (q.canGoBack) buttons.push(button(TRIAGE_BUTTONS.back[language], 'triage.back', JSON.stringify({ step: q.step })));
  if (buttons.length > 0) blocks.push({ type: 'actions', block_id: `triage-buttons:${q.step}`, elements: buttons });
  return { text: q.text, blocks };
}

/** A triage question once answered: the question and the answer, without inputs. */
export function triageAnsweredMessage(answered: Extract<TriageReply, { kind: 'triage-answered' }>): SlackMessage {
  return { text: `${answered.question} ✓ ${answered.answer}`, blocks: [context(answered.question), markdown(`✓ *${answered.answer}*`)] };
}

/** A result kept for a case file, as plain text a coordinator can share. */
export function exportMessage(text: string): SlackMessage {
  return { text: clip(text, 3000), blocks: [markdown(`\`\`\`${clip(text, 2990)}\`\`\``)] };
}

export const TRIAGE_CALLBACK = 'triage.form';

/** The triage modal: the canton first, or that canton's questions, all optional. */
export function triageModal(form: { canton?: CantonCode; title: string; privacy: string; questions: FormQuestion[]; cantons: { code: string; name: string }[] }, metadata: string): Block {
  const blocks: Block[] = [context(form.privacy)];
  if (!form.canton) {
    blocks.push({
      type: 'input',
      block_id: 'canton',
      dispatch_action: true,
      label: { type: 'plain_text', text: 'Canton / Kanton / Cantone' },
      element: { type: 'static_select', action_id: 'triage.canton', options: form.cantons.map((c) => ({ text: { type: 'plain_text', text: clip(c.name, 75) }, value: c.code })) },
    });
  }
  for (const q of form.questions) {
    const options = q.choices.map((c) => ({ text: { type: 'plain_text', text: clip(c.label, 75) }, value: clip(c.value, 150) }));
    const element = q.number
      ? { type: 'number_input', is_decimal_allowed: false, action_id: 'value', min_value: '0', max_value: '120' }
      : q.multi
        ? { type: 'checkboxes', action_id: 'value', options: options.slice(0, MAX_OPTIONS) }
        : { type: 'static_select', action_id: 'value', options };
    blocks.push({ type: 'input', block_id: `fact:${q.fact}`, optional: true, label: { type: 'plain_text', text: clip(q.text, 2000) }, element });
  }
  return {
    type: 'modal',
    callback_id: TRIAGE_CALLBACK,
    private_metadata: metadata,
    title: { type: 'plain_text', text: clip(form.title, 24) },
    ...(form.canton ? { submit: { type: 'plain_text', text: 'OK' } } : {}),
    blocks: blocks.slice(0, 100),
  };
}

/** The App Home: what the assistant does, the user's open checklists and their reminders. */
export function homeView(help: string, checklists: { title: string; done: number; total: number }[], noChecklists: string, reminders: string[], remindersHint: string): Block {
  const blocks: Block[] = [header('cii-assistant'), markdown(help), { type: 'divider' }];
  if (checklists.length === 0) blocks.push(context(noChecklists));
  for (const c of checklists.slice(0, 40)) blocks.push(markdown(`${c.title} — ${c.done}/${c.total}`));
  blocks.push({ type: 'divider' });
  if (reminders.length > 0) blocks.push(markdown(reminders.slice(0, 20).map((r) => `• ${r}`).join('\n')));
  blocks.push(context(remindersHint));
  return { type: 'home', blocks: blocks.slice(0, 100) };
}
