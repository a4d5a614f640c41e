// The same checklists in Slack's Block Kit, within Slack's limits.
import { describe, expect, it } from 'vitest';
import { MAX_BLOCKS, MAX_OPTIONS, MAX_OPTION_TEXT, checklistMessages, type SlackMessage } from '../../adapters/slack/blocks.js';
import { Checklists } from '../../src/checklists/service.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { CANTON_CODES, LANGUAGES } from '../../src/knowledge/schema.js';
import { LowStore } from '../../src/store/lowdb.js';

const kb = loadKnowledge();
const checklists = new Checklists(kb, LowStore.inMemory());

function limitProblems(message: SlackMessage): string[] {
  const problems: string[] = [];
  if (message.blocks.length > MAX_BLOCKS) problems.push(`${message.blocks.length} blocks`);
  for (const block of message.blocks) {
    if (block.type === 'header' && ((block.text as { text: string }).text.length > 150)) problems.push('header over 150');
    if (block.type === 'section' && ((block.text as { text: string }).text.length > 3000)) problems.push('section over 3000');
    if (typeof block.block_id === 'string' && block.block_id.length > 255) problems.push('block_id over 255');
    for (const element of (block.elements as Record<string, unknown>[] | undefined) ?? []) {
      if (element.type !== 'checkboxes') continue;
      const options = element.options as { text: { text: string }; value: string; description?: { text: string } }[];
      if (options.length > MAX_OPTIONS) problems.push(`${options.length} options`);
      for (const o of options) {
        if (o.text.text.length > MAX_OPTION_TEXT || (o.description?.text.length ?? 0) > MAX_OPTION_TEXT || o.value.length > 150) problems.push('option too long');
      }
    }
  }
  return problems;
}

describe('Block Kit checklists', () => {
  it('respect Slack limits for every checklist in every language, ticked or not', async () => {
    for (const key of ['eisp', 'eisp:aide-sociale', 'eisp:ac', 'eisp:ai', ...CANTON_CODES.map((c) => `referral:${c}`)]) {
      for (const language of LANGUAGES) {
        const view = (await checklists.open(key, 'c', language))!;
        const all = view.groups.flatMap((g) => g.items.map((i) => ({ itemId: i.id, checked: true })));
        const ticked = (await checklists.apply(view.id, { id: 'U1', name: 'A colleague with a rather long display name' }, all))!;
        for (const v of [view, ticked]) {
          const messages = checklistMessages(v);
          for (const m of messages) expect(limitProblems(m), `${key} ${language}`).toEqual([]);
          const options = messages.flatMap((m) => m.blocks).flatMap((b) => (b.elements as { options?: unknown[] }[] | undefined) ?? []).flatMap((e) => e.options ?? []);
          expect(options).toHaveLength(v.total);
        }
      }
    }
  });

  it('splits a checklist longer than 50 blocks by part, with the progress on each message', () => {
    // No checklist of the base is that long yet; a view of 30 parts of 12 items is.
    const groups = Array.from({ length: 30 }, (_, g) => ({
      id: `g${g}`,
      title: `Part ${g}`,
      items: Array.from({ length: 12 }, (_, i) => ({ id: `g${g}i${i}`, text: `Item ${i}`, checked: i === 0 })),
    }));
    const view = { id: 'v', key: 'eisp', title: 'Long', language: 'en' as const, done: 30, total: 360, version: 1, groups };
    const messages = checklistMessages(view);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(limitProblems(m)).toEqual([]);
      expect(JSON.stringify(m.blocks[1])).toContain('30/360');
    }
    // A part is never cut between two messages.
    const partsPerMessage = messages.map((m) => m.blocks.filter((b) => b.type === 'section').length);
    expect(partsPerMessage.reduce((a, b) => a + b, 0)).toBe(30);
  });

  it('marks ticked items as initial options', async () => {
    const view = (await checklists.open('referral:VS', 'c', 'de'))!;
    const ticked = (await checklists.apply(view.id, { id: 'U1', name: 'Jo' }, [{ itemId: 'c1', checked: true }]))!;
    const [message] = checklistMessages(ticked);
    expect(JSON.stringify(message)).toContain('"initial_options":[{"text"');
  });
});
