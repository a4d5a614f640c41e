// Reminders as users set them in the chat, in four languages, and from card buttons.
import { describe, expect, it } from 'vitest';
import { Bot } from '../../src/bot.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { LowStore } from '../../src/store/lowdb.js';

const kb = loadKnowledge();
const textOf = (replies: Awaited<ReturnType<Bot['handle']>>) => (replies[0] && 'text' in replies[0] ? replies[0].text : '');

describe('reminder commands', () => {
  it('creates, lists, snoozes and cancels in the conversation, in the user language', async () => {
    const bot = new Bot(kb, LowStore.inMemory());
    const say = async (text: string, language?: 'fr' | 'de' | 'it' | 'en') => textOf(await bot.handle({ conversationId: 'web:room-1', text, user: { id: 'u1' }, ...(language ? { language } : {}) }));
    const created = await say('rappel chaque lundi à 9h point CII', 'fr');
    expect(created).toMatch(/^Rappel enregistré \(#([0-9a-f]{8})\) — prochain: lundi .* 09:00 — point CII$/);
    const id = /#([0-9a-f]{8})/.exec(created)![1]!;
    expect(await say('erinnere mich morgen um 9 Uhr Fall prüfen', 'de')).toMatch(/^Erinnerung gespeichert .* 09:00 — Fall prüfen$/);
    expect(await say('ricordami tra 2 settimane bilancio', 'it')).toMatch(/^Promemoria registrato/);
    const list = await say('rappels', 'fr');
    expect(list.split('\n')).toHaveLength(3);
    // A short command keeps the conversation's language: the last full sentence was Italian.
    expect(await say(`snooze #${id} 2 days`, 'en')).toMatch(/^Promemoria rinviato al /);
    expect(await say(`annuler rappel #${id}`, 'fr')).toBe('Promemoria eliminato.');
    expect(await say('remind whenever you like', 'en')).toMatch(/did not understand the date/);
    expect((await say('reminders', 'en')).split('\n')).toHaveLength(2);
  });

  it('keeps reminders to their conversation', async () => {
    const bot = new Bot(kb, LowStore.inMemory());
    await bot.handle({ conversationId: 'slack:C1', text: 'remind tomorrow 9am check', language: 'en' });
    expect(textOf(await bot.handle({ conversationId: 'slack:C2', text: 'reminders', language: 'en' }))).toBe('No reminders in this conversation.');
  });

  it('sets a follow-up from a triage result card and from a checklist card', async () => {
    const bot = new Bot(kb, LowStore.inMemory());
    const [reply] = await bot.action({ conversationId: 'teams:c', verb: 'reminder.create', user: { id: 'u' }, language: 'de', data: { when: 'in 14 Tagen', what: 'Anmeldung überprüfen (Triage GE)' } });
    expect(reply!.kind === 'help' && reply!.text).toMatch(/^Erinnerung gespeichert .* Anmeldung überprüfen \(Triage GE\)$/);
    const [opened] = await bot.handle({ conversationId: 'teams:c', text: 'checklist eisp' });
    const checklistId = opened!.kind === 'checklist' ? opened!.view.id : '';
    await bot.action({ conversationId: 'teams:c', verb: 'reminder.create', user: { id: 'u' }, language: 'en', data: { when: 'in 7 days', what: 'EISP agreement', checklistId } });
    const [stored] = (await bot.reminders.list('teams:c')).filter((r) => r.checklistId);
    expect(stored!.checklistId).toBe(checklistId);
  });
});
