// The guided triage: asks, one at a time and in the conversation's language, only the questions
// that can still change the verdict in the chosen canton. Free answers and buttons; every button
// names the fact it answers, so a stale button changes its own fact and never another one. After
// the verdict the session stays (24 hours) so that any answer can still be changed, undone, or the
// result exported. State is per conversation and holds facts only.
import type { KnowledgeBase } from '../knowledge/loader.js';
import type { CantonCode, Language } from '../knowledge/schema.js';
import type { Store } from '../store/store.js';
import { words } from '../understanding/normalize.js';
import { choicesFor, parseAnswer, parseValue, type Choice, type Parsed } from './answers.js';
import { valueText } from './describe.js';
import { exportText } from './export.js';
import { FACT_NAMES, definitionOf, type FactName, type PersonFacts } from './facts.js';
import { formatTriage } from './format.js';
import { triageResult, type TriageResult } from './result.js';
import { TRIAGE_COMMANDS, TRIAGE_TEXT, type TriageCommand } from './words.js';

export const TRIAGE_TTL_MS = 24 * 60 * 60 * 1000;
const COLLECTION = 'triage';

export interface TriageSession {
  canton?: CantonCode;
  facts: PersonFacts;
  /** Facts answered, in order, for "back". */
  answered: FactName[];
  /** Facts the user could not answer: not asked again. */
  skipped: FactName[];
  /** The question open now; none once the verdict is given. */
  current?: FactName;
  /** Counts the questions and results shown: a button names the step of the card it is on. */
  step: number;
  /** The first step of this triage: a button from before it belongs to an earlier triage. */
  firstStep?: number;
  language: Language;
  expiresAt: number;
}

export type InputKind = 'boolean' | 'enum' | 'list' | 'number' | 'canton';

export type TriageReply =
  | {
      kind: 'triage-question';
      /** The question and its hint, for channels that show text. */
      text: string;
      question: string;
      hint?: string;
      language: Language;
      fact: FactName | 'canton';
      input: InputKind;
      choices: Choice[];
      canton?: CantonCode;
      step: number;
      canGoBack: boolean;
      min?: number;
      max?: number;
    }
  /** An earlier question card, answered: channels that can update that card show it this way. */
  | { kind: 'triage-answered'; language: Language; step: number; fact: FactName; question: string; answer: string }
  | { kind: 'triage-result'; text: string; language: Language; result: TriageResult; facts: PersonFacts; answered: FactName[]; step: number }
  | { kind: 'triage-export'; text: string; language: Language; canton: CantonCode }
  | { kind: 'notice'; text: string; language: Language };

/** A button's answer: the fact it is about, its value as the card sends it, the card's step. */
export interface ButtonAnswer {
  fact: FactName;
  value: unknown;
  step?: number;
}

function command(text: string, language: Language): TriageCommand | undefined {
  const ws = words(text);
  if (ws.length === 0 || ws.length > 6) return undefined;
  const folded = ` ${ws.join(' ')} `;
  const languages = [language, ...(Object.keys(TRIAGE_COMMANDS) as Language[]).filter((l) => l !== language)];
  for (const l of languages) {
    for (const [name, phrases] of Object.entries(TRIAGE_COMMANDS[l]) as [TriageCommand, string[]][]) {
      // Only export may come as a short sentence ("exporter le résultat du triage").
      if (name !== 'export' && ws.length > 3) continue;
      if (phrases.some((p) => folded.includes(` ${p} `))) return name;
    }
  }
  return undefined;
}

/** A message of this many words that is no answer is not meant for the triage. */
const OTHER_MESSAGE_WORDS = 4;

const notice = (text: string, language: Language): TriageReply => ({ kind: 'notice', text, language });

export class TriageDialog {
  constructor(
    private readonly kb: KnowledgeBase,
    private readonly store: Store,
    private readonly findCanton: (text: string) => CantonCode | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  async active(conversationId: string): Promise<TriageSession | undefined> {
    return this.store.get<TriageSession>(COLLECTION, conversationId);
  }

  /** Starts a triage, optionally with facts already known (a result card's "answer the missing questions"). */
  async start(conversationId: string, language: Language, canton?: CantonCode, facts: PersonFacts = {}): Promise<TriageReply[]> {
    const previous = await this.active(conversationId);
    const step = previous?.step ?? 0;
    const session: TriageSession = { facts, answered: [], skipped: [], step, firstStep: step + 1, language, expiresAt: this.now() + TRIAGE_TTL_MS, ...(canton ? { canton } : {}) };
    return [notice(TRIAGE_TEXT.privacy[language], language), ...(await this.next(conversationId, session))];
  }

  /**
   * The session a result card stands for: its canton and facts, the answers in the order given
   * (those the card does not order last), stepping on from the conversation's triage.
   */
  shown(canton: CantonCode, facts: PersonFacts, order: FactName[], stored: TriageSession | undefined, language: Language): TriageSession {
    const answered = [...order, ...FACT_NAMES.filter((f) => f in facts && !order.includes(f))];
    const step = stored?.step ?? 0;
    return { canton, facts, answered, skipped: [], step, firstStep: step + 1, language: stored?.language ?? language, expiresAt: this.now() + TRIAGE_TTL_MS };
  }

  /**
   * A typed message while a triage is open or just decided: an answer or a command. Undefined when
   * the triage has nothing to do with it (after the verdict, a new question goes to the assistant).
   */
  async reply(conversationId: string, session: TriageSession, text: string): Promise<TriageReply[] | undefined> {
    const cmd = command(text, session.language);
    if (cmd) return this.command(conversationId, session, cmd);
    if (!session.canton) {
      const canton = this.findCanton(text);
      if (!canton) return [notice(TRIAGE_TEXT.unknownCanton[session.language], session.language), ...(await this.next(conversationId, session))];
      return this.next(conversationId, { ...session, canton });
    }
    if (!session.current) return undefined;
    const parsed = parseAnswer(session.current, text);
    // A longer message that answers nothing is something else (a question, a checklist): it goes to
    // the assistant and the question stays open.
    if (!parsed.ok && words(text).length >= OTHER_MESSAGE_WORDS) return undefined;
    return this.apply(conversationId, session, session.current, parsed, session.step);
  }

  async command(conversationId: string, session: TriageSession, cmd: TriageCommand): Promise<TriageReply[]> {
    const language = session.language;
    switch (cmd) {
      case 'cancel':
        await this.store.delete(COLLECTION, conversationId);
        return [notice(TRIAGE_TEXT.cancelled[language], language)];
      case 'restart':
        return this.next(conversationId, { ...session, facts: {}, answered: [], skipped: [] });
      case 'back': {
        const last = session.answered.at(-1);
        if (!last) return [notice(TRIAGE_TEXT.nothingToUndo[language], language), ...(await this.next(conversationId, session))];
        return this.change(conversationId, { ...session, answered: session.answered.slice(0, -1) }, last);
      }
      case 'export': {
        if (session.canton && !session.current) return [this.export(session.canton, session.facts, language)];
        const open = session.current ? [this.question(session, session.current)] : await this.next(conversationId, session);
        return [notice(TRIAGE_TEXT.noResult[language], language), ...open];
      }
    }
  }

  /** A button: its fact gets its value, whichever question is open now; the dialog then goes on from there. */
  async answer(conversationId: string, session: TriageSession, answer: ButtonAnswer): Promise<TriageReply[]> {
    if (answer.step !== undefined && answer.step < (session.firstStep ?? 0)) return [notice(TRIAGE_TEXT.ended[session.language], session.language)];
    const parsed = parseValue(answer.fact, answer.value);
    const current = session.facts[answer.fact];
    const unchanged = parsed.ok && ('skip' in parsed ? session.skipped.includes(answer.fact) && current === undefined : JSON.stringify(current) === JSON.stringify(parsed.value));
    if (unchanged && answer.fact !== session.current) return [notice(TRIAGE_TEXT.alreadyAnswered[session.language], session.language)];
    return this.apply(conversationId, session, answer.fact, parsed, answer.step ?? session.step);
  }

  /** Asks a fact again ("change this answer"): what it said is forgotten until answered anew. */
  async change(conversationId: string, session: TriageSession, fact: FactName): Promise<TriageReply[]> {
    const { [fact]: _forgotten, ...facts } = session.facts;
    const cleared: TriageSession = { ...session, facts, answered: session.answered.filter((f) => f !== fact), skipped: session.skipped.filter((f) => f !== fact) };
    return this.next(conversationId, cleared, fact);
  }

  /** The text to keep in a case file, without names: canton, date, verdict, facts, criteria, sources. */
  export(canton: CantonCode, facts: PersonFacts, language: Language): TriageReply {
    const result = triageResult(this.kb, canton, facts, language);
    return { kind: 'triage-export', text: exportText(this.kb, result, language, new Date(this.now())), language, canton };
  }

  private async apply(conversationId: string, session: TriageSession, fact: FactName, parsed: Parsed, step: number): Promise<TriageReply[]> {
    const language = session.language;
    if (!parsed.ok) {
      const why = parsed.empty ? TRIAGE_TEXT.pickSome : TRIAGE_TEXT.notUnderstood;
      return [notice(why[language], language), ...(session.current ? [this.question(session, session.current)] : [])];
    }
    const answered = [...session.answered.filter((f) => f !== fact), fact];
    const skipped = session.skipped.filter((f) => f !== fact);
    const { [fact]: _old, ...others } = session.facts;
    const next: TriageSession =
      'skip' in parsed ? { ...session, answered, skipped: [...skipped, fact], facts: others } : { ...session, answered, skipped, facts: { ...others, [fact]: parsed.value } };
    const answerText = 'skip' in parsed ? choicesFor(fact, language).at(-1)!.label : valueText(fact, parsed.value, language);
    const update: TriageReply = { kind: 'triage-answered', language, step, fact, question: definitionOf(fact).question[language], answer: answerText };
    return [update, ...(await this.next(conversationId, next))];
  }

  /** The next question that can still change the verdict, or the result when none is left. */
  private async next(conversationId: string, session: TriageSession, prefer?: FactName): Promise<TriageReply[]> {
    const language = session.language;
    const ttlMs = Math.max(1, session.expiresAt - this.now());
    const step = session.step + 1;
    if (!session.canton) {
      await this.store.put<TriageSession>(COLLECTION, conversationId, { ...session, step, current: undefined }, { ttlMs });
      const text = TRIAGE_TEXT.whichCanton[language];
      return [{ kind: 'triage-question', text, question: text, language, fact: 'canton', input: 'canton', choices: [], step, canGoBack: false }];
    }
    const result = triageResult(this.kb, session.canton, session.facts, language);
    const open = result.missing.filter((f) => !session.skipped.includes(f));
    const fact = prefer && (open.includes(prefer) || session.facts[prefer] === undefined) ? prefer : open[0];
    if (fact && (result.verdict === 'insufficient-information' || prefer === fact)) {
      const asking: TriageSession = { ...session, step, current: fact };
      await this.store.put(COLLECTION, conversationId, asking, { ttlMs });
      return [this.question(asking, fact)];
    }
    const { current: _none, ...decided } = session;
    await this.store.put<TriageSession>(COLLECTION, conversationId, { ...decided, step }, { ttlMs });
    return [{ kind: 'triage-result', text: formatTriage(result, language), language, result, facts: session.facts, answered: session.answered, step }];
  }

  private question(session: TriageSession, fact: FactName): TriageReply {
    const language = session.language;
    const definition = definitionOf(fact);
    const choices = choicesFor(fact, language);
    const question = definition.question[language];
    const hint = definition.type === 'list' ? TRIAGE_TEXT.listHint[language].replace('{example}', choices.slice(0, 2).map((c) => c.label).join(', ')) : undefined;
    return {
      kind: 'triage-question',
      text: hint ? `${question} ${hint}` : question,
      question,
      ...(hint ? { hint } : {}),
      language,
      fact,
      input: definition.type,
      choices,
      canton: session.canton!,
      step: session.step,
      canGoBack: session.answered.length > 0,
      ...(definition.type === 'number' ? { min: definition.min, max: definition.max } : {}),
    };
  }
}
