// The channel-neutral core: messages and card actions in, replies out.
import { describe, expect, it } from 'vitest';
import { Bot } from '../src/bot.js';
import { loadKnowledge } from '../src/knowledge/loader.js';
import { LowStore } from '../src/store/lowdb.js';

const kb = loadKnowledge();
const bot = () => new Bot(kb, LowStore.inMemory());
const user = { id: 'u1', name: 'Ana' };

describe('the bot', () => {
  it('opens checklists from commands in four languages', async () => {
    const b = bot();
    const cases: [string, string][] = [
      ['checklist eisp ac', 'eisp:ac'],
      ['liste de contrôle convention EISP aide sociale', 'eisp:aide-sociale'],
      ['Checkliste Anmeldung Zürich', 'referral:ZH'],
      ['lista di controllo segnalazione Ticino', 'referral:TI'],
      ['checklist referral VS', 'referral:VS'],
    ];
    for (const [text, key] of cases) {
      const [reply] = await b.handle({ conversationId: 'c', text });
      expect(reply!.kind === 'checklist' && reply!.view.key, text).toBe(key);
    }
    const [ask] = await b.handle({ conversationId: 'c-de', text: 'checklist referral', language: 'de' });
    expect(ask).toMatchObject({ kind: 'help', language: 'de' });
  });

  it('saves ticks from a card action and refreshes the checklist for the next viewer', async () => {
    const b = bot();
    const [opened] = await b.handle({ conversationId: 'c', text: 'checklist eisp' });
    const id = opened!.kind === 'checklist' ? opened!.view.id : '';
    const [saved] = await b.action({ conversationId: 'c', verb: 'checklist.save', user, data: { checklistId: id, seen: [], 'item:i3': 'true', 'item:i4': 'false' } });
    expect(saved!.kind === 'checklist' && saved!.view.done).toBe(1);
    const [refreshed] = await b.action({ conversationId: 'c', verb: 'checklist.refresh', user: { id: 'u2' }, data: { checklistId: id } });
    expect(refreshed!.kind === 'checklist' && refreshed!.view.done).toBe(1);
    const [gone] = await b.action({ conversationId: 'c', verb: 'checklist.save', user, data: { checklistId: 'nope' } });
    expect(gone!.kind).toBe('help');
  });

  it('evaluates the one-shot triage form like the dialog and the command line', async () => {
    const b = bot();
    const [form] = await b.handle({ conversationId: 'c', text: 'triage formulaire GE' });
    expect(form!.kind === 'triage-form' && form!.questions.map((q) => q.fact)).toEqual(['institutions', 'problems']);
    const [result] = await b.action({ conversationId: 'c', verb: 'triage.form', user, data: { canton: 'GE', 'fact:institutions': 'AC,AS', 'fact:problems': 'health,social' } });
    expect(result!.kind === 'triage-result' && result!.result.verdict).toBe('cii-case');
  });

  it('gives the canton\'s verdict at once when a triage request states facts, and starts the dialog when it states none', async () => {
    const b = bot();
    const [verdict] = await b.handle({ conversationId: 'stated', text: 'ist das ein IIZ-Fall im Thurgau? nur beim RAV, Mehrfachproblematik' });
    if (verdict?.kind !== 'answer') throw new Error(`expected an answer, got ${verdict?.kind}`);
    expect(verdict.answer.text).toMatch(/Kein IIZ-Fall/);
    expect(verdict.answer.followUps).toContain('triage TG');
    const bare = await b.handle({ conversationId: 'bare', text: 'ist das ein IIZ-Fall im Thurgau?' });
    expect(bare.map((r) => r.kind)).toContain('triage-question');
  });

  it('starts a triage asked in French in French, after a German question in the same conversation', async () => {
    const b = bot();
    await b.handle({ conversationId: 'switch', text: 'Wer leitet die IIZ im Kanton Bern?' });
    const replies = await b.handle({ conversationId: 'switch', text: 'est-ce un cas CII à Genève ?' });
    const question = replies.find((r) => r.kind === 'triage-question');
    expect(question && 'text' in question && question.text).toMatch(/^Quelles institutions/);
  });

  it('answers a question about triage cases or about when someone is a case, rather than starting a triage', async () => {
    const b = bot();
    const cases: [string, RegExp][] = [
      ['Zurich 2022 : combien de cas de triage ?', /1000/],
      ['Zürich: wie viele Triagefälle gab es 2022?', /1000/],
      ['in Ticino quando si può dire che è un caso CII?', /Ticino/],
    ];
    for (const [text, fact] of cases) {
      const [reply] = await b.handle({ conversationId: `q:${text}`, text });
      expect(reply?.kind === 'answer' && reply.answer.text, text).toMatch(fact);
    }
    await b.handle({ conversationId: 'followed', text: 'IIZ-Fälle im Kanton Zürich 2022?' });
    const [more] = await b.handle({ conversationId: 'followed', text: 'und die Triage-Fälle?' });
    expect(more?.kind === 'answer' && more.answer.text).toMatch(/1000/);
    const [triage] = await b.handle({ conversationId: 'request', text: 'triage Tessin' });
    expect(triage?.kind).toBe('notice');
  });

  it('resumes a triage from a result card with the facts already known', async () => {
    const b = bot();
    const replies = await b.action({ conversationId: 'c', verb: 'triage.resume', user, data: { canton: 'GE', facts: { institutions: ['AC', 'AS'] } } });
    expect(replies.at(-1)).toMatchObject({ kind: 'triage-question', fact: 'problems' });
  });

  it('answers a follow-up button like a typed question, and ignores unknown verbs', async () => {
    const b = bot();
    const [reply] = await b.action({ conversationId: 'c', verb: 'ask', user, data: { text: 'indication 38' } });
    expect(reply!.kind === 'answer' && reply!.answer.text).toMatch(/^\*\*38\./);
    expect(await b.action({ conversationId: 'c', verb: 'format-disk', user, data: {} })).toEqual([]);
  });

  it("answers a follow-up in its answer's language even when its words are French", async () => {
    const b = bot();
    const data = { text: 'Contexte national', language: 'de' };
    const [reply] = await b.action({ conversationId: 'c', verb: 'ask', user, data, language: 'fr' });
    expect(reply!.kind === 'answer' && reply!.answer.language).toBe('de');
    const [typed] = await b.handle({ conversationId: 'c', text: 'Contexte national', language: 'de' });
    expect(typed!.kind === 'answer' && typed!.answer.language).toBe('fr');
  });
});

describe('help', () => {
  it('takes only the help words as help: a word that names an object property is a question like any other', async () => {
    const bot = new Bot(loadKnowledge(), LowStore.inMemory());
    const [reply] = await bot.handle({ conversationId: 'help-words', text: 'constructor' });
    expect(reply?.kind).toBe('answer');
  });

  it('lists every capability in each language, and each example it gives is understood', async () => {
    const { HELP } = await import('../src/bot.js');
    const { CONFIDENCE_THRESHOLD } = await import('../src/answers/search.js');
    for (const [language, text] of Object.entries(HELP)) {
      expect(text.split('\n').length, language).toBeGreaterThanOrEqual(7);
      const examples = [...text.matchAll(/[«"]\s*([^«»"]+?)\s*[»"]/g)].map((m) => m[1]!);
      expect(examples.length, language).toBeGreaterThan(15);
      for (const [i, example] of examples.entries()) {
        // "#id" stands for a reminder's id: one that exists nowhere is still a command understood.
        const [reply] = await bot().handle({ conversationId: `help-${language}-${i}`, text: example.replace('#id', '#00000000'), language: language as 'fr' });
        const understood = reply!.kind !== 'answer' || reply!.answer.confidence >= CONFIDENCE_THRESHOLD;
        expect(understood, `${language}: ${example}`).toBe(true);
      }
    }
  }, 60_000);
});
