// The cards as a person sees them: rendered by the official renderer in headless Chromium, read,
// ticked and clicked; the action the card emits is what the bot expects.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCard, checklistCard, triageFormCard, triageResultCard } from '../../src/cards/adaptive.js';
import { Checklists } from '../../src/checklists/service.js';
import { Assistant } from '../../src/answers/ask.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { LowStore } from '../../src/store/lowdb.js';
import { FORM_TITLE, PRIVACY, formQuestions } from '../../src/triage/form.js';
import { triageResult } from '../../src/triage/result.js';
import { BROWSER_TESTS, clickButton, clickToggle, launch, renderCard } from '../../scripts/card-browser.js';

const kb = loadKnowledge();
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!BROWSER_TESTS) return;
  browser = await launch();
  page = await browser.newPage();
}, 30_000);
afterAll(async () => browser?.close());

describe.runIf(BROWSER_TESTS)('cards in the official renderer', () => {
  it('shows a checklist with its toggles and progress; a tick and Save emit the ticks and what was seen', async () => {
    const checklists = new Checklists(kb, LowStore.inMemory());
    const view = (await checklists.open('eisp', 'c', 'de'))!;
    const ticked = (await checklists.apply(view.id, { id: 'u', name: 'Ana' }, [{ itemId: 'i1', checked: true }]))!;
    const seen = await renderCard(page, checklistCard(ticked));
    expect(seen.toggles).toHaveLength(44);
    expect(seen.toggles[0]!.checked).toBe(true);
    expect(seen.toggles[1]!.checked).toBe(false);
    expect(seen.texts).toContain('Fortschritt 1/44');
    expect(seen.buttons).toEqual(['Speichern', 'Erinnerung in 7 Tagen']);
    await clickToggle(page, 1);
    const action = await clickButton(page, 'Speichern');
    expect(action).toMatchObject({ verb: 'checklist.save', type: 'Action.Execute' });
    expect(action!.data).toMatchObject({ checklistId: view.id, seen: ['i1'], 'item:i1': 'true', 'item:i2': 'true', 'item:i3': 'false' });
  }, 30_000);

  it('shows an answer with its follow-up buttons, which ask the follow-up', async () => {
    const answer = new Assistant(kb).ask('critères cas CII vaud');
    const seen = await renderCard(page, answerCard(answer));
    expect(seen.texts.join(' ')).toMatch(/trois institutions/);
    expect(seen.buttons).toEqual(answer.followUps);
    const action = await clickButton(page, answer.followUps[0]!);
    expect(action).toMatchObject({ verb: 'ask', data: { verb: 'ask', text: answer.followUps[0] } });
  }, 30_000);

  it('shows a triage result with its verdict, the answers it rests on, and buttons that act on them', async () => {
    const facts = { institutions: ['AC', 'AS'] };
    const seen = await renderCard(page, triageResultCard(triageResult(kb, 'GE', facts, 'fr'), facts, 'fr', ['institutions']));
    expect(seen.texts[0]).toBe('Informations insuffisantes');
    expect(seen.texts).toContain('Institutions qui suivent la personne : AC / ORP, aide sociale');
    expect(seen.buttons).toEqual([
      '✎ Institutions qui suivent la personne',
      '← Retour',
      'Recommencer',
      'Répondre aux questions manquantes',
      'Copier pour le dossier',
      'Ouvrir la checklist de signalement',
      'Rappel dans 14 jours',
    ]);
    const change = await clickButton(page, '✎ Institutions qui suivent la personne');
    expect(change!.data).toMatchObject({ verb: 'triage.change', fact: 'institutions', canton: 'GE', facts, answered: ['institutions'] });
    const referral = await clickButton(page, 'Ouvrir la checklist de signalement');
    expect(referral!.data).toEqual({ verb: 'checklist.open', checklist: 'referral:GE' });
    // Zurich's eight answers: every one has its button (the renderer shows five actions a set).
    const zh = { domiciledInCanton: true, needsSpecialisedJobSearchSupport: true, multipleProblems: true, integrationChance: 'realistic', motivated: true, needsCoordinationSupport: true, institutions: ['AC'], consentDataExchange: true };
    const zhSeen = await renderCard(page, triageResultCard(triageResult(kb, 'ZH', zh, 'en'), zh, 'en', Object.keys(zh) as never));
    expect(zhSeen.texts[0]).toBe('CII case');
    expect(zhSeen.buttons.filter((b) => b.startsWith('✎'))).toHaveLength(8);
    await renderCard(page, triageResultCard(triageResult(kb, 'GE', facts, 'fr'), facts, 'fr', ['institutions']));
    const resume = await clickButton(page, 'Répondre aux questions manquantes');
    expect(resume!.data).toMatchObject({ verb: 'triage.resume', canton: 'GE', facts });
    const remind = await clickButton(page, 'Rappel dans 14 jours');
    expect(remind!.data).toMatchObject({ verb: 'reminder.create', when: 'dans 14 jours', what: 'revoir le signalement (triage GE)' });
  }, 30_000);

  it('submits the one-shot triage form with the chosen answers', async () => {
    const seen = await renderCard(page, triageFormCard('TG', FORM_TITLE.en, PRIVACY.en, formQuestions(kb, 'TG', 'en'), 'en'));
    expect(seen.texts[0]).toBe('CII triage — form');
    await page.check('#card input[type=checkbox] >> nth=0');
    const action = await clickButton(page, 'Evaluate');
    expect(action!.data).toMatchObject({ verb: 'triage.form', canton: 'TG', 'fact:institutions': 'AC' });
  }, 30_000);
});
