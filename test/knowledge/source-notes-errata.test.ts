// Each error of ../shared/notes/source-notes.md §6 (the map of what a knowledge base of these
// sources would likely get wrong): a question in French and one in German reach an answer that
// states it. Pure typography (shredded text, glyphs, markup) is handled by clean texts.
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Assistant } from '../../src/answers/ask.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { projectPath } from '../../src/paths.js';
import { fold } from '../../src/understanding/normalize.js';

const probe = z.strictObject({ q: z.string().min(3), mustContain: z.array(z.string().min(1)).min(1) });
const items = z
  .strictObject({
    items: z.array(z.union([z.strictObject({ id: z.string(), about: z.string(), handled: z.literal('cleaning') }), z.strictObject({ id: z.string(), about: z.string(), fr: probe, de: probe })])),
  })
  .parse(load(readFileSync(projectPath('test', 'knowledge', 'source-notes-errata.yaml'), 'utf8'))).items;

describe('the errors source-notes §6 lists', () => {
  const assistant = new Assistant(loadKnowledge());

  it('are all there, 55 items', () => {
    expect(items.map((i) => i.id)).toHaveLength(55);
  });

  it('each reach an answer that states them, in French and in German', () => {
    const missed: string[] = [];
    for (const item of items) {
      if ('handled' in item) continue;
      for (const language of ['fr', 'de'] as const) {
        const { q, mustContain } = item[language];
        const answer = assistant.ask(q);
        const text = fold(answer.text);
        const absent = mustContain.filter((m) => !text.includes(fold(m)));
        if (answer.language !== language || absent.length > 0) missed.push(`${item.id} ${language} «${q}»: ${answer.language}, missing ${JSON.stringify(absent)}`);
      }
    }
    expect(missed).toEqual([]);
  }, 60_000);
});
