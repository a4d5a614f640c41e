// `npm run cards:render`: every kind of card the assistant sends, rendered by the official renderer
// in headless Chromium, saved as PNG files in out/cards/ to look at.
import { mkdirSync } from 'node:fs';
import { Assistant } from '../src/answers/ask.js';
import { answerCard, checklistCard, triageFormCard, triageQuestionCard, triageResultCard } from '../src/cards/adaptive.js';
import { TriageDialog } from '../src/triage/dialog.js';
import { Checklists } from '../src/checklists/service.js';
import { loadKnowledge } from '../src/knowledge/loader.js';
import { LowStore } from '../src/store/lowdb.js';
import { FORM_TITLE, PRIVACY, formQuestions } from '../src/triage/form.js';
import { triageResult } from '../src/triage/result.js';
import { launch, renderCard } from './card-browser.js';

const OUT = 'out/cards';
const kb = loadKnowledge();
const assistant = new Assistant(kb);
const checklists = new Checklists(kb, LowStore.inMemory());

const eisp = (await checklists.open('eisp:ac', 'render', 'fr'))!;
const ticked = (await checklists.apply(eisp.id, { id: 'u', name: 'Marie' }, [{ itemId: 'i1', checked: true }, { itemId: 'i2', checked: true }]))!;
const facts = { institutions: ['AC', 'AS'], problems: ['health'] };
/** The first question of a triage in a canton, as the dialog asks it. */
async function firstQuestion(canton: 'GE' | 'BL' | 'SG', language: 'fr' | 'de' | 'it' | 'en') {
  const replies = await new TriageDialog(kb, LowStore.inMemory(), () => undefined).start('render', language, canton);
  const question = replies.find((r) => r.kind === 'triage-question');
  if (question?.kind !== 'triage-question') throw new Error(`no question for ${canton}`);
  return question;
}
const cards: [string, unknown][] = [
  ['answer-de', answerCard(assistant.ask('wer steuert die IIZ im Kanton Genf?'))],
  ['answer-it', answerCard(assistant.ask("cos'è l'MMT"))],
  ['checklist-eisp-ac-fr', checklistCard(ticked)],
  ['checklist-referral-zh-de', checklistCard((await checklists.open('referral:ZH', 'render', 'de'))!)],
  ['triage-result-ge-fr', triageResultCard(triageResult(kb, 'GE', facts, 'fr'), facts, 'fr', ['institutions', 'problems'])],
  ['triage-result-vs-en', triageResultCard(triageResult(kb, 'VS', { riskFactorsSeveral: true }, 'en'), { riskFactorsSeveral: true }, 'en', ['riskFactorsSeveral'])],
  ['triage-question-list-fr', triageQuestionCard(await firstQuestion('GE', 'fr'))],
  ['triage-question-yes-no-it', triageQuestionCard(await firstQuestion('SG', 'it'))],
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
