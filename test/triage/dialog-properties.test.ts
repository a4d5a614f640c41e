// The dialog against the command line: for random facts about a person, answered in a random order
// of buttons, typed answers in the conversation's language, stale buttons (the same answer again,
// or a wrong one corrected), "back", "don't know", and changes after the verdict, the dialog ends
// with exactly the facts that were given and the verdict `cli triage` gives on them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bot, type Reply } from '../../src/bot.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { CANTON_CODES, LANGUAGES, type Language } from '../../src/knowledge/schema.js';
import { LowStore } from '../../src/store/lowdb.js';
import { YES_NO_UNKNOWN } from '../../src/triage/answers.js';
import { derive } from '../../src/triage/derivations.js';
import { FACT_NAMES, definitionOf, type FactName, type FactValue, type PersonFacts } from '../../src/triage/facts.js';
import { triageResult } from '../../src/triage/result.js';
import { TRIAGE_COMMANDS } from '../../src/triage/words.js';

const kb = loadKnowledge();

function domain(fact: FactName): FactValue[] {
  const d = definitionOf(fact);
  if (d.type === 'boolean') return [true, false];
  if (d.type === 'enum') return [...d.values];
  if (d.type === 'number') return [17, 35, 50, 63];
  const subsets: string[][] = [[]];
  for (const v of d.values) for (const s of [...subsets]) if (s.length < 3) subsets.push([...s, v]);
  return subsets;
}

/** A whole person, whose facts do not contradict one another (what facts imply is taken as given). */
const person: fc.Arbitrary<PersonFacts> = fc
  .record(Object.fromEntries(FACT_NAMES.map((f) => [f, fc.constantFrom(...domain(f))])) as Record<FactName, fc.Arbitrary<FactValue>>)
  .map((facts) => {
    const consistent: PersonFacts = { ...facts };
    for (const d of kb.derivations.derivations) delete consistent[d.fact];
    return { ...facts, ...derive(consistent, kb.derivations.derivations).facts };
  });

type Move = 'button' | 'text' | 'same-again' | 'wrong-then-right' | 'back' | 'skip' | 'change-after-verdict';
const MOVES: Move[] = ['button', 'text', 'same-again', 'wrong-then-right', 'back', 'skip', 'change-after-verdict'];

/** What a button of the card sends for this value. */
function buttonValue(fact: FactName, value: FactValue): unknown {
  const type = definitionOf(fact).type;
  if (type === 'list') return (value as string[]).length === 0 ? 'none' : (value as string[]).join(',');
  return String(value);
}

/** The value typed, in the user's language: the card's own words. */
function typed(fact: FactName, value: FactValue, language: Language): string {
  const d = definitionOf(fact);
  if (d.type === 'boolean') return YES_NO_UNKNOWN[language][value ? 0 : 1];
  if (d.type === 'number') return String(value);
  if (d.type === 'enum') return d.labels[value as string]![language];
  const items = value as string[];
  return items.length === 0 ? { fr: 'aucune', de: 'keine', it: 'nessuna', en: 'none' }[language] : items.map((v) => d.labels[v]![language]).join(', ');
}

const other = (fact: FactName, value: FactValue) => domain(fact).find((v) => JSON.stringify(v) !== JSON.stringify(value))!;

const bot = new Bot(kb, LowStore.inMemory());
let run = 0;

describe('the triage dialog against the command line', () => {
  it('ends with the facts given and the verdict cli triage gives on them, whatever the order of clicks and words', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CANTON_CODES), fc.constantFrom(...LANGUAGES), person, fc.array(fc.constantFrom(...MOVES), { minLength: 40, maxLength: 40 }), async (canton, language, target, moves) => {
        const conversationId = `p${++run}`;
        const act = (verb: string, data: Record<string, unknown>) => bot.action({ conversationId, verb, data, user: { id: 'u' }, language });
        const say = (text: string) => bot.handle({ conversationId, text, language });
        let replies: Reply[] = await bot.triage.start(conversationId, language, canton);
        const given = new Map<FactName, number>();
        let changes = 0;
        for (const move of moves) {
          const q = replies.find((r) => r.kind === 'triage-question');
          const result = replies.find((r) => r.kind === 'triage-result');
          if (q?.kind === 'triage-question' && q.fact !== 'canton') {
            const fact = q.fact;
            const held = (await bot.triage.active(conversationId))?.facts ?? {};
            const earlier = (Object.keys(held) as FactName[]).filter((f) => f !== fact && given.has(f)).at(-1);
            if (move === 'text') {
              replies = await say(typed(fact, target[fact]!, language));
              expect(replies[0], `typed ${typed(fact, target[fact]!, language)} for ${fact}`).toMatchObject({ kind: 'triage-answered', fact });
            } else if (move === 'skip' && given.size > 0) {
              replies = await act('triage.answer', { fact, step: q.step, value: 'skip' });
            } else if (move === 'back' && given.size > 0) {
              replies = await say(TRIAGE_COMMANDS[language].back[0]!);
              continue;
            } else if (move === 'same-again' && earlier) {
              // A stale button with the answer already given changes nothing: the question stays open.
              const again = await act('triage.answer', { fact: earlier, step: given.get(earlier), value: buttonValue(earlier, target[earlier]!) });
              expect(again.map((r) => r.kind)).toEqual(['notice']);
              continue;
            } else if (move === 'wrong-then-right' && earlier) {
              await act('triage.answer', { fact: earlier, step: given.get(earlier), value: buttonValue(earlier, other(earlier, target[earlier]!)) });
              replies = await act('triage.answer', { fact: earlier, step: given.get(earlier), value: buttonValue(earlier, target[earlier]!) });
              continue;
            } else {
              replies = await act('triage.answer', { fact, step: q.step, value: buttonValue(fact, target[fact]!) });
            }
            given.set(fact, q.step);
            continue;
          }
          if (result?.kind === 'triage-result' && move === 'change-after-verdict' && changes < 2 && result.answered.length > 0) {
            changes++;
            const fact = result.answered[changes % result.answered.length]!;
            replies = await act('triage.change', { fact, canton, facts: result.facts, answered: result.answered });
            continue;
          }
          if (result) break;
        }
        const result = replies.find((r) => r.kind === 'triage-result');
        fc.pre(result?.kind === 'triage-result');
        if (result?.kind !== 'triage-result') return;
        // Every fact the dialog holds is the person's: no answer went to another fact.
        for (const [fact, value] of Object.entries(result.facts)) expect(value, fact).toEqual(target[fact as FactName]);
        const cli = triageResult(kb, canton, result.facts, language);
        expect({ verdict: result.result.verdict, tier: result.result.tier }).toEqual({ verdict: cli.verdict, tier: cli.tier });
        // A decided verdict is the person's whole verdict: more facts would not change it.
        if (cli.verdict === 'cii-case' || cli.verdict === 'not-cii-case') {
          const whole = triageResult(kb, canton, target, language);
          expect({ verdict: whole.verdict, tier: whole.tier }).toEqual({ verdict: cli.verdict, tier: cli.tier });
        }
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
