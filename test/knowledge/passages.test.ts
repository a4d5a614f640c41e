import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { passagesOf } from '../../src/knowledge/passages.js';
import { LANGUAGES, fact } from '../../src/knowledge/schema.js';
import { factQuestionCoverage } from '../../src/knowledge/units.js';

describe('passages and the ways of asking for them', () => {
  const kb = loadKnowledge();
  const passages = passagesOf(kb);

  it("searches a fact's own ways of asking with that fact alone, beside its unit's", () => {
    const organisme = kb.organismes.organismes.find((o) => o.rules.some((r) => r.questions) && o.rules.some((r) => !r.questions))!;
    const asked = organisme.rules.findIndex((r) => r.questions);
    const rule = (i: number) => passages.find((p) => p.id === `organisme:${organisme.id}:${i}`)!;
    const own = LANGUAGES.flatMap((l) => organisme.rules[asked]!.questions![l] ?? []);
    expect(own.length).toBeGreaterThan(0);
    for (const question of own) expect(LANGUAGES.some((l) => rule(asked).questions![l].includes(question))).toBe(true);
    // Its siblings keep their unit's questions only.
    const other = organisme.rules.findIndex((r) => !r.questions);
    expect(rule(other).questions).toEqual(organisme.questions);
    for (const l of LANGUAGES) expect(rule(asked).questions![l]).toEqual(expect.arrayContaining(organisme.questions![l]));
  });

  it('counts, per language, the facts asked for on their own and their questions, as kb:check prints them', () => {
    const counted = factQuestionCoverage(kb);
    const organismes = kb.organismes.organismes.flatMap((o) => o.rules).filter((r) => r.questions?.de?.length);
    for (const l of LANGUAGES) expect(counted[l].questions).toBeGreaterThanOrEqual(counted[l].facts);
    expect(counted.de.facts).toBeGreaterThanOrEqual(organismes.length);
  });

  it("validates a fact's ways of asking at load: any language may be left out, none may be empty", () => {
    const base = { text: { fr: 'a', de: 'a', it: 'a', en: 'a' }, source: { document: kb.sources.documents[0]!.file, where: 'l.1' } };
    expect(fact.safeParse({ ...base, questions: { de: ['wer zahlt das?'] } }).success).toBe(true);
    expect(fact.safeParse({ ...base, questions: { de: [] } }).success).toBe(false);
    expect(fact.safeParse({ ...base, questions: { es: ['¿quién paga?'] } }).success).toBe(false);
  });
});
