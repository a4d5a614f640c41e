// The triage as a coordinator clicks it: answers that carry their fact and step, lists ticked and
// confirmed, stale buttons, changes after the verdict, a result to keep, one language throughout.
import { describe, expect, it } from 'vitest';
import { Bot, type Reply } from '../../src/bot.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import type { Language } from '../../src/knowledge/schema.js';
import { LowStore } from '../../src/store/lowdb.js';
import type { FactName } from '../../src/triage/facts.js';

const kb = loadKnowledge();

function setup() {
  const bot = new Bot(kb, LowStore.inMemory());
  const conversationId = 'c1';
  const say = (text: string, language?: Language) => bot.handle({ conversationId, text, ...(language ? { language } : {}) });
  const act = (verb: string, data: Record<string, unknown>, language?: Language) => bot.action({ conversationId, verb, data, user: { id: 'u1' }, ...(language ? { language } : {}) });
  return { bot, say, act };
}

const last = (replies: Reply[]) => replies[replies.length - 1]!;
const question = (replies: Reply[]) => {
  const q = replies.find((r) => r.kind === 'triage-question');
  if (q?.kind !== 'triage-question') throw new Error(`no question in ${replies.map((r) => r.kind).join(', ')}`);
  return q;
};
const result = (replies: Reply[]) => {
  const r = replies.find((x) => x.kind === 'triage-result');
  if (r?.kind !== 'triage-result') throw new Error(`no result in ${replies.map((x) => x.kind).join(', ')}`);
  return r;
};
/** A button of the question card as a channel sends it back. */
const click = (q: ReturnType<typeof question>, value: unknown) => ({ fact: q.fact, step: q.step, value });

describe('triage by buttons', () => {
  it('Geneva: the problems question takes several problems at once, and gives the verdict on them', async () => {
    const { say, act } = setup();
    const institutions = question(await say('est-ce un cas CII à Genève ?'));
    expect(institutions).toMatchObject({ fact: 'institutions', input: 'list' });
    const problems = question(await act('triage.answer', click(institutions, 'AC,AS')));
    expect(problems).toMatchObject({ fact: 'problems', input: 'list' });
    // The list hint names problems, not institutions.
    expect(problems.text).toMatch(/santé/);
    expect(problems.text).not.toMatch(/aide sociale/);
    const verdict = result(await act('triage.answer', click(problems, ['health', 'no-work'])));
    expect(verdict.result.verdict).toBe('cii-case');
    expect(verdict.text).toMatch(/Problèmes présents : santé, pas de travail/);
  });

  it('a list confirmed with nothing ticked is asked again, not read as "none"', async () => {
    const { say, act } = setup();
    const institutions = question(await say('triage GE', 'fr'));
    const replies = await act('triage.answer', click(institutions, ''));
    expect(replies[0]).toMatchObject({ kind: 'notice' });
    expect(question(replies).fact).toBe('institutions');
    // "None" is an answer: no institution follows the person, so Geneva's first criterion is unmet.
    expect(result(await act('triage.answer', click(institutions, 'none'))).result.verdict).toBe('not-cii-case');
  });

  it('Lucerne: a stale button answers its own question, never the one open now', async () => {
    const { say, act, bot } = setup();
    const domicile = question(await say('triage LU', 'fr'));
    const work = question(await act('triage.answer', click(domicile, 'true')));
    expect(work.fact).toBe('workCapacity');
    // "non" on the old domicile card: the domicile changes; work capacity stays unknown.
    const replies = await act('triage.answer', click(domicile, 'false'));
    expect(replies[0]).toMatchObject({ kind: 'triage-answered', fact: 'domiciledInCanton', step: domicile.step, answer: 'non' });
    const verdict = result(replies);
    expect(verdict.result.verdict).toBe('not-cii-case');
    expect(verdict.facts).toEqual({ domiciledInCanton: false });
    expect(verdict.result.unmet.map((c) => c.criterion)).toEqual(['Domicile dans le canton']);
    // The same stale answer again changes nothing.
    expect(last(await act('triage.answer', click(domicile, 'false')))).toMatchObject({ kind: 'notice' });
    expect((await bot.triage.active('c1'))?.facts).toEqual({ domiciledInCanton: false });
  });

  it('Lucerne asks for full work capacity: partial capacity is not enough there (Tableau 3 l.544), as it is in Graubünden (l.542)', async () => {
    const { say, act } = setup();
    const domicile = question(await say('triage LU', 'fr'));
    const work = question(await act('triage.answer', click(domicile, 'true')));
    expect(result(await act('triage.answer', click(work, 'partial'))).result.verdict).toBe('not-cii-case');
    const gr = question(await say('triage GR', 'fr'));
    const grWork = question(await act('triage.answer', click(gr, 'true')));
    expect(question(await act('triage.answer', click(grWork, 'partial'))).fact).not.toBe('workCapacity');
  });

  it('after the verdict, every answer can be changed, undone, or the triage restarted, by button or by word', async () => {
    const { say, act } = setup();
    const institutions = question(await say('triage TG', 'fr'));
    const multiple = question(await act('triage.answer', click(institutions, ['AC', 'AS'])));
    const verdict = result(await act('triage.answer', click(multiple, 'true')));
    expect(verdict.result.verdict).toBe('cii-case');
    expect(verdict.answered).toEqual(['institutions', 'multipleProblems']);
    // A button per answer given changes it.
    const again = question(await act('triage.change', { fact: 'institutions', canton: 'TG', facts: verdict.facts, answered: verdict.answered }));
    expect(again.fact).toBe('institutions');
    expect(result(await act('triage.answer', click(again, ['AC']))).result.verdict).toBe('not-cii-case');
    // "retour" after the verdict asks the last answer again; "recommencer" starts over.
    expect(question(await say('retour')).fact).toBe('institutions');
    expect(result(await say('AC, AI')).result.verdict).toBe('cii-case');
    expect(question(await say('recommencer')).fact).toBe('institutions');
  });

  it('after the verdict a new question goes to the assistant, not to the triage', async () => {
    const { say, act } = setup();
    const institutions = question(await say('triage NW', 'fr'));
    result(await act('triage.answer', click(institutions, ['AC', 'AS'])));
    expect(last(await say('qui pilote la CII à Genève ?')).kind).toBe('answer');
  });

  it('exports the result for a case file: canton, date, verdict, facts, criteria with sources, no names', async () => {
    const { say, act } = setup();
    const first = question(await say('ist das ein IIZ-Fall im Kanton Solothurn?'));
    expect(first).toMatchObject({ fact: 'socialAidRecipient', language: 'de' });
    const verdict = result(await act('triage.answer', click(first, 'true')));
    expect(verdict.result.verdict).toBe('cii-case');
    const [exported] = await say('exportieren');
    expect(exported).toMatchObject({ kind: 'triage-export', language: 'de' });
    const text = exported!.kind === 'triage-export' ? exported!.text : '';
    expect(text).toMatch(/Kanton: Solothurn \(SO\)/);
    expect(text).toMatch(/Datum: \d{1,2}\. \p{L}+ \d{4}/u);
    expect(text).toMatch(/Ergebnis: IIZ-Fall/);
    expect(text).toMatch(/Bezieht Sozialhilfe: ja/);
    expect(text).toMatch(/002_8cd2fce77ca12853\.txt/);
    expect(text).toMatch(/Tabelle 3, Z\. 549/);
    // The same from the result card's button, without the session.
    const [fromCard] = await act('triage.export', { canton: 'SO', facts: verdict.facts });
    expect(fromCard).toMatchObject({ kind: 'triage-export', canton: 'SO' });
  });

  it('derives a migrant from the migration service, and says so', async () => {
    const { act } = setup();
    // A triage resumed from facts already known (a result card's "answer the missing questions").
    const verdict = result(await act('triage.resume', { canton: 'SO', facts: { institutions: ['migration'] } }, 'fr'));
    expect(verdict.result.verdict).toBe('cii-case');
    expect(verdict.text).toMatch(/Personne migrante : oui \(déduit : la personne est suivie par le service de la migration\)/);
  });

  it('says when answers contradict each other', async () => {
    const { act } = setup();
    const verdict = result(await act('triage.resume', { canton: 'SG', facts: { problems: ['health', 'social'], multipleProblems: false } }, 'en'));
    expect(verdict.result.notes.join(' ')).toMatch(/Contradictory answers: "Multiple problems: no" although two or more problems are present/);
  });

  it('a button of a triage that has ended says so, and starts nothing', async () => {
    const { say, act } = setup();
    const domicile = question(await say('triage ZH', 'en'));
    await say('cancel');
    const [reply] = await act('triage.answer', click(domicile, 'true'), 'en');
    expect(reply).toMatchObject({ kind: 'notice', language: 'en' });
    expect(reply!.kind === 'notice' && reply!.text).toMatch(/ended or expired/);
  });

  it('a question button of an earlier triage in the conversation answers nothing in the new one', async () => {
    const { say, act, bot } = setup();
    const geneva = question(await say('triage GE', 'fr'));
    await say('triage JU', 'fr');
    const [reply] = await act('triage.answer', click(geneva, ['AC', 'AS']));
    expect(reply).toMatchObject({ kind: 'notice' });
    expect((await bot.triage.active('c1'))?.facts).toEqual({});
  });

  it('speaks the conversation\'s language from start to end: "triage TI" after an Italian question', async () => {
    const { say, act } = setup();
    await say('quali sono i criteri per un caso CII in Ticino?');
    const replies = await say('triage TI');
    expect(replies.every((r) => !('language' in r) || r.language === 'it')).toBe(true);
    expect(result(replies).text).toMatch(/Nessun criterio formale/);
    const zh = question(await say('triage ZH'));
    expect(zh.language).toBe('it');
    const answered = await act('triage.answer', click(zh, 'true'), 'en');
    expect(answered.map((r) => ('language' in r ? r.language : 'it'))).toEqual(['it', 'it']);
  });

  it('an answer typed with a number reaches a number question, and its card offers a number field', async () => {
    const { say, act } = setup();
    const problems = question(await say('triage BL', 'en'));
    const age = question(await act('triage.answer', click(problems, ['social'])));
    expect(age).toMatchObject({ fact: 'age' as FactName, input: 'number', min: 0, max: 120 });
    const next = question(await act('triage.answer', click(age, '57')));
    expect(next.fact).toBe('atRiskOfLongTermUnemployment');
    expect(last(await act('triage.answer', click(age, '200')))).toMatchObject({ kind: 'triage-question', fact: 'atRiskOfLongTermUnemployment' });
  });
});
