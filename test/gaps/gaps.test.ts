// The gap report in the core: the button under an answer the assistant could not give, what a
// press keeps (and that nothing is kept without one), the coordinators' list and its weekly digest.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answerMessage } from '../../adapters/slack/blocks.js';
import { Bot, type Reply } from '../../src/bot.js';
import { answerCard } from '../../src/cards/adaptive.js';
import { cardFor } from '../../src/cards/replies.js';
import { loadConfig } from '../../src/config.js';
import { GAP_VERB, type GapOffer } from '../../src/gaps/offer.js';
import { GAPS, GAP_TTL_MS, GapStore } from '../../src/gaps/store.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import type { Language } from '../../src/knowledge/schema.js';
import { REMINDERS, type Reminder } from '../../src/reminders/service.js';
import { LowStore, STORE_FILE } from '../../src/store/lowdb.js';
import { officialProblems } from '../cards/official.js';

const kb = loadKnowledge();
const COORDINATOR = { id: 'U_COORD', name: 'Coordination' };
const ana = { id: '29:user-ana', name: 'Ana Muster' };
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A question the base cannot answer, with a phone number, an e-mail address and a name in it. */
const MISS = 'Combien gagne un conseiller ORP à Genève ? Appelez M. Dupont au 079 123 45 67 ou dupont@example.ch';
const MISSES: Record<Language, string> = {
  fr: MISS,
  de: 'Wie lange dauert die Wartezeit für Taggelder bei der ALV für Herrn Müller (AHV 756.1234.5678.97)?',
  it: 'quanto costa un corso di tedesco per migranti a Lugano?',
  en: 'What is the budget for interpreters in Zurich? write to ana@example.org',
};
const LABELS: Record<Language, string> = { fr: 'Signaler cette lacune', de: 'Lücke melden', it: 'Segnala questa lacuna', en: 'Report this gap' };

function setup(now: () => number = Date.now, store = LowStore.inMemory(now)) {
  const bot = new Bot(kb, store, { coordinators: [COORDINATOR.id] });
  const ask = async (text: string, conversationId = 'teams:c1', language?: Language) => {
    const [reply] = await bot.handle({ conversationId, text, user: ana, ...(language ? { language } : {}) });
    return reply as Extract<Reply, { kind: 'answer' }>;
  };
  const press = async (gap: GapOffer | Record<string, unknown>, user = ana) => {
    const data = 'verb' in gap && 'data' in gap ? { verb: gap.verb, ...(gap.data as object) } : gap;
    const [reply] = await bot.action({ conversationId: 'teams:c1', verb: GAP_VERB, data, user, language: 'fr' });
    return reply as Extract<Reply, { kind: 'help' }>;
  };
  const say = async (text: string, user: { id: string } | undefined, language: Language = 'fr', conversationId = 'slack:C1') => {
    const [reply] = await bot.handle({ conversationId, text, language, ...(user ? { user } : {}) });
    return reply && 'text' in reply ? reply.text : '';
  };
  return { bot, store, ask, press, say, gaps: () => new GapStore(store).list() };
}

describe('the "report this gap" button', () => {
  it('comes under an answer the assistant could not give, in its language, with the question redacted and the closest units', async () => {
    const { ask } = setup();
    for (const [language, question] of Object.entries(MISSES) as [Language, string][]) {
      const reply = await ask(question, `teams:${language}`);
      expect(reply.answer.language, question).toBe(language);
      expect(reply.gap, question).toMatchObject({ verb: GAP_VERB, label: LABELS[language], data: { language } });
      expect(reply.gap!.note, question).toMatch(/90/);
      expect(reply.gap!.data.question, question).not.toMatch(/\d|@/);
      // The suggestions it offered ("did you mean") are the units it keeps, closest first.
      expect(reply.gap!.data.units.length, question).toBe(reply.answer.followUps.length);
    }
    const fr = await ask(MISS);
    expect(fr.gap!.data.question).toBe('Combien gagne un conseiller ORP à Genève ? Appelez M. […] au # ou […]');
    expect(fr.gap!.data.units).toEqual([expect.stringMatching(/^canton:GE:/), expect.stringMatching(/^canton:GE:/), expect.stringMatching(/^canton:GE:/)]);
  });

  it('comes under "I don\'t know" without suggestions too, and never under an answer given or a refusal', async () => {
    const { ask, bot } = setup();
    const outside = await ask('weather tomorrow');
    expect(outside.answer.followUps).toEqual([]);
    expect(outside.gap).toMatchObject({ label: 'Report this gap', data: { question: 'weather tomorrow', units: [] } });
    expect((await ask('critères cas CII Vaud')).gap).toBeUndefined();
    expect((await ask('indication 38')).gap).toBeUndefined();
    const [empty] = await bot.handle({ conversationId: 'c', text: '   ' });
    expect(empty!.kind === 'answer' && empty!.gap).toBeUndefined();
  });

  it('never comes under an answer that settles what the base lacks: no indication 99, no canton Zorg', async () => {
    const { ask } = setup();
    const none = await ask('indication 99');
    expect(none.answer.text).toMatch(/il n'y a pas d'indication 99/);
    expect(none.gap).toBeUndefined();
    expect((await ask('critères CII canton de Zorg')).gap).toBeUndefined();
  });

  it('is an Execute action with a Submit fallback on a valid Adaptive Card, and a Block Kit button within Slack limits', async () => {
    const { ask } = setup();
    for (const question of Object.values(MISSES)) {
      const reply = await ask(question);
      const card = cardFor(reply)!;
      expect(officialProblems(card), question).toEqual([]);
      const set = (card.body as Record<string, any>[]).find((e) => e.type === 'ActionSet');
      expect(set!.actions).toEqual([
        expect.objectContaining({ type: 'Action.Execute', verb: GAP_VERB, title: reply.gap!.label, data: { verb: GAP_VERB, ...reply.gap!.data }, fallback: expect.objectContaining({ type: 'Action.Submit', data: { verb: GAP_VERB, ...reply.gap!.data } }) }),
      ]);
      // The same answer without the button (as cached for other conversations) keeps its card.
      expect(JSON.stringify(answerCard(reply.answer))).not.toContain(GAP_VERB);
      const message = answerMessage(reply.answer, reply.gap);
      const button = message.blocks.flatMap((b: any) => b.elements ?? []).find((e: any) => e.action_id === GAP_VERB);
      expect(button.text.text).toBe(reply.gap!.label);
      expect(button.value.length).toBeLessThanOrEqual(2000);
      expect(JSON.parse(button.value)).toEqual(reply.gap!.data);
    }
  });
});

describe('a reported gap', () => {
  it('is kept only once the button is pressed: nothing of a miss nobody reported is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cii-gaps-'));
    dirs.push(dir);
    const { ask, press, gaps, store } = setup(Date.now, await LowStore.open(dir));
    const reply = await ask(MISS);
    expect(await gaps()).toEqual([]);
    // The turn's context and language are written after the reply (lazily): a put that waits for
    // the disk has them on it too.
    await store.put('test', 'written', true);
    const file = () => readFileSync(join(dir, STORE_FILE), 'utf8');
    expect(file()).not.toMatch(/conseiller|Dupont|079 123|example\.ch/);
    await press(reply.gap!);
    expect(file()).toMatch(/conseiller/);
    expect(file()).not.toMatch(/Dupont|079 123|example\.ch|Ana|29:user-ana/);
    await store.close();
  });

  it('keeps the redacted question, its language, the day and the closest units, never who asked', async () => {
    const { ask, press, gaps } = setup();
    const reply = await ask(MISS);
    const confirmation = await press(reply.gap!);
    expect(confirmation).toMatchObject({ kind: 'help', language: 'fr', text: expect.stringMatching(/^Merci/) });
    const [gap] = await gaps();
    expect(gap).toMatchObject({
      question: 'Combien gagne un conseiller ORP à Genève ? Appelez M. […] au # ou […]',
      language: 'fr',
      date: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Zurich' }).format(new Date()),
    });
    // The units are the topics it offered instead ("did you mean"), in order, with their place in knowledge/.
    expect(gap!.units.map((u) => u.title.fr)).toEqual(reply.answer.followUps);
    for (const unit of gap!.units) {
      expect(unit.where).toBe(`cantons/GE.yaml inventory.${unit.id.split(':')[2]}`);
      expect(unit.title.de).toMatch(/^Genf — /);
    }
    expect(JSON.stringify(gap)).not.toMatch(/Ana|user-ana|Muster/);
  });

  it('is gone after 90 days', async () => {
    let now = Date.now();
    const { ask, press, gaps, say } = setup(() => now);
    await press((await ask(MISS)).gap!);
    now += GAP_TTL_MS - 60_000;
    expect(await gaps()).toHaveLength(1);
    now += 120_000;
    expect(await gaps()).toEqual([]);
    expect(await say('gaps', COORDINATOR, 'en')).toBe('No gaps reported in the last 90 days.');
  });

  it('answers a forged or broken button with a clear reply, keeping nothing but a checked question and known units', async () => {
    const { press, gaps } = setup();
    for (const data of [{}, { question: 5 }, { question: '   ' }, { question: 'x'.repeat(100_000) }, { question: null, units: 'all' }]) {
      expect(await press(data), JSON.stringify(data).slice(0, 40)).toMatchObject({ kind: 'help', language: 'fr', text: 'Cette question ne peut pas être signalée : elle est vide ou trop longue.' });
    }
    expect(await gaps()).toEqual([]);
    const reply = await press({ question: 'Qui paie les interprètes à Genève ? mon n° 0791234567', language: 'xx', units: ['canton:GE:steering', '__proto__', 'canton:ZZ:steering', 'x'.repeat(10_000), 42, 'canton:GE:steering'] });
    expect(reply.text).toMatch(/^Merci/);
    const [gap] = await gaps();
    expect(gap).toMatchObject({ question: 'Qui paie les interprètes à Genève ? mon n° #', language: 'fr' });
    expect(gap!.units.map((u) => u.id)).toEqual(['canton:GE:steering']);
  });
});

describe('the coordinators\' list', () => {
  it('groups the gaps by closest unit, in the coordinator\'s language, the most reported first', async () => {
    const { ask, press, say, gaps } = setup();
    await press((await ask(MISS)).gap!);
    const [geneva] = (await gaps())[0]!.units;
    await press((await ask(MISS, 'teams:c2')).gap!);
    await press((await ask(MISSES.de, 'teams:c3')).gap!);
    const german = (await gaps()).find((g) => g.language === 'de')!.units[0]!;
    await press((await ask('weather tomorrow', 'teams:c4')).gap!);
    const list = await say('Lücken', COORDINATOR, 'de');
    const lines = list.split('\n');
    expect(lines[0]).toBe('**Gemeldete Lücken (letzte 90 Tage): 4**');
    const headings = lines.filter((l) => l.startsWith('**')).slice(1);
    expect(headings).toEqual([
      `**${geneva!.title.de} · ${geneva!.where} (2)**`,
      `**${german.title.de} · ${german.where} (1)**`,
      '**Ohne nahe Einheit in der Wissensbasis (1)**',
    ]);
    expect(list).toMatch(/^• \d{4}-\d{2}-\d{2}, fr \(×2\): Combien gagne un conseiller ORP à Genève \? Appelez M\. \[…\] au # ou \[…\]$/m);
    expect(list).toMatch(/^• \d{4}-\d{2}-\d{2}, en: weather tomorrow$/m);
    expect(list).not.toMatch(/Ana|user-ana|Müller|756|079/);
  });

  it('is refused to anyone not in COORDINATORS, in their language, telling them their id', async () => {
    const { ask, press, say } = setup();
    await press((await ask(MISS)).gap!);
    expect(await say('gaps', ana, 'en')).toBe('Only coordinators see the reported gaps (COORDINATORS setting). Your id: 29:user-ana');
    expect(await say('lacunes', { id: 'U_OTHER' }, 'fr')).toBe('Seuls les coordinateurs et coordinatrices voient les lacunes signalées (variable COORDINATORS). Votre identifiant : U_OTHER');
    expect(await say('lacune', undefined, 'it')).toBe('Solo i coordinatori e le coordinatrici vedono le lacune segnalate (variabile COORDINATORS).');
    expect(await say('gaps weekly', ana, 'de')).toMatch(/^Nur die Koordinatorinnen/);
  });

  it('takes only the command word alone: a question about gaps is a question', async () => {
    const { bot } = setup();
    const [reply] = await bot.handle({ conversationId: 'c', text: 'quelles lacunes de la collaboration à Genève ?', user: COORDINATOR });
    expect(reply!.kind).toBe('answer');
  });

  it('can be posted to the conversation every Monday as a reminder, while its creator is a coordinator', async () => {
    const { ask, press, say, bot, store } = setup();
    await press((await ask(MISS)).gap!);
    const scheduled = await say('gaps weekly', COORDINATOR, 'en', 'slack:C-coord');
    expect(scheduled).toMatch(/^The reported gaps will be posted here every Monday at 9:00 \(#([0-9a-f]{8})\), for everyone in this conversation to see; next time: Monday .* 09:00\. "cancel #\1" stops it\.$/);
    const reminders = (await store.list<Reminder>(REMINDERS)).map(([, r]) => r);
    expect(reminders).toEqual([expect.objectContaining({ conversationId: 'slack:C-coord', digest: 'gaps', schedule: { kind: 'recurring', rule: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0' }, creator: { id: COORDINATOR.id } })]);
    expect(await bot.gaps.digest(reminders[0]!)).toBe((await say('gaps', COORDINATOR, 'en')).replaceAll('**', ''));
    expect(await bot.gaps.digest({ ...reminders[0]!, creator: { id: 'U_FORMER' } })).toMatch(/^Gap report not shown: whoever scheduled it is no longer a coordinator\. "cancel #[0-9a-f]{8}" stops it\.$/);
    // It is a reminder of the conversation like any other: listed there and cancelled with its id.
    const id = /#([0-9a-f]{8})/.exec(scheduled)![1]!;
    expect(await say('reminders', COORDINATOR, 'en', 'slack:C-coord')).toContain(`#${id}`);
    expect(await say(`cancel #${id}`, COORDINATOR, 'en', 'slack:C-coord')).toBe('Reminder cancelled.');
    expect(await store.list(REMINDERS)).toEqual([]);
  });

  it('are the ids COORDINATORS lists, comma-separated, as .env.example says', () => {
    expect(loadConfig({ COORDINATORS: ' 29:1a2b-coord , U024BE7LH,, ' }).COORDINATORS).toEqual(['29:1a2b-coord', 'U024BE7LH']);
    expect(loadConfig({}).COORDINATORS).toEqual([]);
    expect(readFileSync('.env.example', 'utf8')).toMatch(/^COORDINATORS=$/m);
  });

  it('keeps its entries in the store collection "gaps" with the 90-day expiry', async () => {
    let now = 0;
    const store = LowStore.inMemory(() => now);
    await new GapStore(store).add({ question: 'q', language: 'fr', date: '2026-01-01', units: [] });
    expect(await store.list(GAPS)).toHaveLength(1);
    now = GAP_TTL_MS;
    expect(await store.list(GAPS)).toEqual([]);
  });
});
