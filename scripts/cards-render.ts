// `npm run cards:render`: every kind of card the assistant sends, rendered by the official renderer
// in headless Chromium, saved as PNG files in out/cards/ to look at.
import { mkdirSync } from 'node:fs';
import { Assistant } from '../src/answers/ask.js';
import { answerCard, checklistCard, triageFormCard, triageQuestionCard, triageResultCard } from '../src/cards/adaptive.js';
import { Checklists } from '../src/checklists/service.js';
import { loadKnowledge } from '../src/knowledge/loader.js';
import { LowStore } from '../src/store/lowdb.js';
import { choicesFor } from '../src/triage/answers.js';
import { FORM_TITLE, PRIVACY, formQuestions } from '../src/triage/dialog.js';
import { FACTS } from '../src/triage/facts.js';
import { triageResult } from '../src/triage/result.js';
import { launch, renderCard } from './card-browser.js';

const OUT = 'out/cards';
const kb = loadKnowledge();
const assistant = new Assistant(kb);
const checklists = new Checklists(kb, LowStore.inMemory());

const eisp = (await checklists.open('eisp:ac', 'render', 'fr'))!;
const ticked = (await checklists.apply(eisp.id, { id: 'u', name: 'Marie' }, [{ itemId: 'i1', checked: true }, { itemId: 'i2', checked: true }]))!;
const facts = { institutions: ['AC', 'AS'], problems: ['health'] };
const cards: [string, unknown][] = [
  ['answer-de', answerCard(assistant.ask('wer steuert die IIZ im Kanton Genf?'))],
  ['answer-it', answerCard(assistant.ask("cos'è l'MMT"))],
  ['checklist-eisp-ac-fr', checklistCard(ticked)],
  ['checklist-referral-zh-de', checklistCard((await checklists.open('referral:ZH', 'render', 'de'))!)],
  ['triage-result-ge-fr', triageResultCard(triageResult(kb, 'GE', facts, 'fr'), facts, 'fr')],
  ['triage-result-vs-en', triageResultCard(triageResult(kb, 'VS', { riskFactorsSeveral: true }, 'en'), { riskFactorsSeveral: true }, 'en')],
  ['triage-question-it', triageQuestionCard(FACTS.motivated.question.it, choicesFor('motivated', 'it'))],
  ['triage-form-lu-de', triageFormCard('LU', FORM_TITLE.de, PRIVACY.de, formQuestions(kb, 'LU', 'de'), 'de')],
];

mkdirSync(OUT, { recursive: true });
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 600, height: 800 } });
for (const [name, card] of cards) {
  const seen = await renderCard(page, card);
  await page.locator('#card').screenshot({ path: `${OUT}/${name}.png` });
  console.log(`${OUT}/${name}.png  ${seen.toggles.length} toggles, ${seen.buttons.length} buttons`);
}
await browser.close();
