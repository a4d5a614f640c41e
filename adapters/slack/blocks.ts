// Checklists in Slack's Block Kit: checkboxes of at most 10 options, messages of at most 50
// blocks (a long checklist is split by part), option texts within Slack's 150 characters.
import type { ChecklistView } from '../../src/checklists/service.js';

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
