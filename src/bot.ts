// One message in, replies out: the channel-neutral core every adapter (web, Teams, Slack) calls.
import { LRUCache } from 'lru-cache';
import { DateTime } from 'luxon';
import { reminderCommand, type ReminderCommand } from './reminders/commands.js';
import { parseReminder } from './reminders/parse.js';
import { Reminders, whenText } from './reminders/service.js';
import { REMINDER_TEXT, reminderLine } from './reminders/text.js';
import { Assistant } from './answers/ask.js';
import type { Answer } from './answers/builder.js';
import { CONFIDENCE_THRESHOLD } from './answers/search.js';
import type { KnowledgeBase } from './knowledge/loader.js';
import { isLanguage, type Language } from './knowledge/schema.js';
import { allCues, alternatives, catalog, cues } from './locales.js';
import { checklistRequest } from './checklists/commands.js';
import { Checklists, changesFrom, type ChecklistView, type Ticker } from './checklists/service.js';
import type { CantonCode } from './knowledge/schema.js';
import type { Store } from './store/store.js';
import { ConversationContexts, followUp } from './conversation/context.js';
import { ConversationLanguages } from './conversation/language.js';
import { TriageDialog, type TriageReply, type TriageSession } from './triage/dialog.js';
import { FACT_NAMES, personFacts, type FactName, type PersonFacts } from './triage/facts.js';
import { FORM_TITLE, PRIVACY, factsFromForm, formQuestions, type FormQuestion } from './triage/form.js';
import { formatTriage } from './triage/format.js';
import { triageResult } from './triage/result.js';
import { TRIAGE_TEXT, type TriageCommand } from './triage/words.js';
import { words } from './understanding/normalize.js';
import { ActionRouter, Router } from './router.js';
import { Gaps } from './gaps/gaps.js';
import { GAP_VERB, type GapOffer } from './gaps/offer.js';
import { BaseUnits } from './gaps/units.js';
import { gapsCommand, type GapsCommand } from './gaps/words.js';
import type { Query } from './understanding/query.js';
import type { LanguageGuess } from './understanding/language.js';
import { statedFacts } from './understanding/facts.js';

/** The fields a follow-up took from the context (those followUp set anew), as JSON. */
function inherited(query: Query, followed: Query): string {
  const taken = (Object.keys(followed) as (keyof Query)[]).filter((k) => followed[k] !== query[k]);
  return JSON.stringify(taken.map((k) => [k, followed[k]]));
}

/** Whether a message states facts about the person it asks about. */
function statesFacts(q: Query): boolean {
  return Object.keys(statedFacts(q).facts).length > 0;
}

export interface IncomingMessage {
  /** The conversation the message belongs to: a triage in one never leaks into another. */
  conversationId: string;
  text: string;
  /** The language the user picked or last wrote in, for short messages that do not tell. */
  language?: Language;
  /**
   * The language to answer in whatever the words say: a follow-up the assistant offered under an
   * answer in that language (a section title may exist only in French).
   */
  answerIn?: Language;
  /** Who wrote, where the channel tells (for reminders and ticks). */
  user?: Ticker;
}

export type Reply =
  /** `gap`: the "report this gap" button, under an answer the assistant could not give. */
  | { kind: 'answer'; answer: Answer; gap?: GapOffer }
  | { kind: 'help'; text: string; language: Language }
  | { kind: 'checklist'; view: ChecklistView }
  | { kind: 'triage-form'; canton: CantonCode; language: Language; title: string; privacy: string; questions: FormQuestion[] }
  | TriageReply;

/** A message read once: what every feature decides from. */
interface Turn {
  /** The message, with the conversation's language. */
  message: IncomingMessage;
  /** The language to reply in. */
  language: Language;
  /** What the reading found (absent for a refused message), in the language asked for. */
  query?: Query;
  /** An empty or over-long message's answer. */
  refusal?: Answer;
  /** The conversation's triage under way. */
  session?: TriageSession;
  /** A lone help word: the language to explain in. */
  help?: Language;
  reminder?: ReminderCommand;
  gaps?: GapsCommand;
  checklist?: ReturnType<typeof checklistRequest>;
  /** The message asks for the triage as a form. */
  form: boolean;
}

export interface BotOptions {
  /** Teams and Slack user ids of the coordinators (COORDINATORS): they list the reported gaps. */
  coordinators?: readonly string[];
}

/** A button or form submitted from a card: its verb, its data and the card's inputs. */
export interface IncomingAction {
  conversationId: string;
  verb: string;
  data: Record<string, unknown>;
  user: Ticker;
  language?: Language;
}

const TEXT = catalog('bot', ['notFound', 'whichCanton', 'help'] as const);

/** A message of one help word (locales/<language>/commands.yaml, help) → the language of the word. */
const HELP_WORDS = new Map<string, Language>(Object.entries(cues('help')).flatMap(([language, ws]) => ws.map((w) => [w, language as Language] as const)));

/** A triage request with one of these words opens the triage as a form (commands.yaml, triage.form). */
const FORM_WORDS = new RegExp(`\\b(${alternatives(allCues('triage.form'))})\\b`, 'i');

/** What the assistant does, with examples: the answer to a help word. */
export const HELP: Record<Language, string> = TEXT.help;

/**
 * Readings and answers are deterministic: the same question in the same language gets the same.
 * The caches are bounded by size (characters of answer text), so memory stays flat under any load.
 */
const CACHE_ENTRIES = 2000;
const ANSWER_CACHE_CHARS = 4_000_000;

export class Bot {
  readonly assistant: Assistant;
  private readonly answers = new LRUCache<string, Answer>({ max: CACHE_ENTRIES, maxSize: ANSWER_CACHE_CHARS, sizeCalculation: (a) => a.text.length + 1 });
  private readonly readings = new LRUCache<string, Query>({ max: CACHE_ENTRIES });
  /** Language guesses by fallback and text, as deterministic as the readings (bounded by characters: a text may be long). */
  private readonly guesses = new LRUCache<string, LanguageGuess>({ max: CACHE_ENTRIES, maxSize: ANSWER_CACHE_CHARS, sizeCalculation: (_g, key) => key.length + 1 });
  readonly triage: TriageDialog;
  readonly checklists: Checklists;
  readonly reminders: Reminders;
  readonly gaps: Gaps;
  private readonly languages: ConversationLanguages;
  private readonly contexts: ConversationContexts;
  private readonly turns = new Router<Turn, Reply[]>();
  private readonly actions = new ActionRouter<IncomingAction, Reply[]>();

  constructor(private readonly kb: KnowledgeBase, store: Store, options: BotOptions = {}) {
    this.reminders = new Reminders(store);
    this.assistant = new Assistant(kb);
    this.gaps = new Gaps(store, new BaseUnits(kb, this.assistant.index.passagesWhere(() => true)), this.reminders, options.coordinators ?? []);
    this.triage = new TriageDialog(kb, store, (text) => this.findCanton(text));
    this.checklists = new Checklists(kb, store);
    this.contexts = new ConversationContexts(store);
    this.languages = new ConversationLanguages(store, (text, fallback) => {
      const key = `${fallback ?? ''}\u0000${text}`;
      let guess = this.guesses.get(key);
      if (!guess) this.guesses.set(key, (guess = this.assistant.understanding.languages.detect(text, fallback)));
      return guess;
    });
    this.registerTurns();
    this.registerActions();
  }

  private findCanton(text: string): CantonCode | undefined {
    return this.assistant.understanding.read(text).cantons[0];
  }

  /** Reads a message once into a turn and routes it to the feature that registered for it. */
  async handle(incoming: IncomingMessage): Promise<Reply[]> {
    return (await this.turns.route(await this.turn(incoming))) ?? [];
  }

  /** What a message is, read once: the features decide from this and never read the text again. */
  private async turn(incoming: IncomingMessage): Promise<Turn> {
    const conversationLanguage = await this.languages.resolve(incoming.conversationId, incoming.text, incoming.language);
    const message = conversationLanguage ? { ...incoming, language: conversationLanguage } : incoming;
    // An empty or over-long message is not read: it gets its refusal.
    const refusal = this.assistant.refusal(message.text, { language: message.language });
    const read = refusal ? undefined : this.read(message.text.trim(), message.answerIn ?? message.language);
    const ws = words(message.text);
    const helpLanguage = ws.length === 1 ? HELP_WORDS.get(ws[0]!) : undefined;
    const query = read && message.answerIn ? { ...read, language: message.answerIn } : read;
    return {
      message,
      ...(refusal ? { refusal } : {}),
      ...(query ? { query } : {}),
      language: message.answerIn ?? message.language ?? query?.language ?? helpLanguage ?? refusal?.language ?? 'fr',
      session: await this.triage.active(message.conversationId),
      ...(helpLanguage ? { help: message.language ?? helpLanguage } : {}),
      reminder: read ? reminderCommand(message.text) : undefined,
      gaps: read ? gapsCommand(message.text) : undefined,
      checklist: read ? checklistRequest(message.text, (text) => this.findCanton(text)) : undefined,
      form: FORM_WORDS.test(message.text),
    };
  }

  /** The features, in the order they are tried. */
  private registerTurns(): void {
    this.turns
      // A triage under way takes its answers; a new triage request ("triage ZH") starts over instead.
      .on({ name: 'triage-dialog', matches: (t) => t.session !== undefined && !(t.query?.wantsTriage && t.query.cantons.length > 0), reply: (t) => this.triage.reply(t.message.conversationId, t.session!, t.message.text) })
      .on({ name: 'help', matches: (t) => t.help !== undefined, reply: async (t) => [{ kind: 'help', text: HELP[t.help!], language: t.help! }] })
      .on({ name: 'refusal', matches: (t) => t.refusal !== undefined, reply: async (t) => [{ kind: 'answer', answer: t.refusal! }] })
      .on({ name: 'gaps', matches: (t) => t.gaps !== undefined, reply: async (t) => [await this.gaps.command(t.gaps!, t.message.user, t.message.conversationId, t.language)] })
      .on({ name: 'reminders', matches: (t) => t.reminder !== undefined, reply: async (t) => [{ kind: 'help', text: await this.reminder(t.reminder!, t.message, t.language), language: t.language }] })
      .on({ name: 'checklists', matches: (t) => t.checklist !== undefined, reply: (t) => this.openChecklist(t) })
      .on({ name: 'triage-form', matches: (t) => Boolean(t.query?.wantsTriage && t.form && t.query.cantons[0]), reply: async (t) => [this.form(t.query!.cantons[0]!, t.language)] })
      // "Est-ce un cas CII à Genève, inscrit à l'ORP et à l'aide sociale ?": the canton's verdict on
      // the facts stated, at once (its answer offers the full triage); a bare request starts the dialog.
      .on({ name: 'eligibility', matches: (t) => Boolean(t.query?.wantsTriage && t.query.cantons.length === 1 && statesFacts(t.query)), reply: (t) => this.ask(t) })
      .on({ name: 'triage', matches: (t) => Boolean(t.query?.wantsTriage), reply: (t) => this.triage.start(t.message.conversationId, t.language, t.query!.cantons[0]) })
      .on({ name: 'ask', matches: (t) => t.query !== undefined, reply: (t) => this.ask(t) });
  }

  private async openChecklist(t: Turn): Promise<Reply[]> {
    const request = t.checklist!;
    if ('missingCanton' in request) return [{ kind: 'help', text: TEXT.whichCanton[t.language], language: t.language }];
    const view = await this.checklists.open(request.key, t.message.conversationId, t.language);
    return view ? [{ kind: 'checklist', view }] : [{ kind: 'help', text: TEXT.notFound[t.language], language: t.language }];
  }

  /** A question: a short follow-up inherits what the last answer was about ("et à Zurich ?"). */
  private async ask(t: Turn): Promise<Reply[]> {
    const { message } = t;
    const query = t.query!;
    const context = await this.contexts.get(message.conversationId);
    const followed = followUp(query, context, this.kb);
    // A follow-up's answer follows from the question and what it took from the context: cached
    // under both (many contexts give a question the same canton or scope).
    const key = (read: Query) => `${message.answerIn ?? ''}\u0000${message.language ?? ''}\u0000${query.text}${read === query ? '' : `\u0000${inherited(query, read)}`}`;
    const answerOf = (read: Query): Answer => {
      let found = this.answers.get(key(read));
      if (!found) this.answers.set(key(read), (found = this.assistant.answer(read)));
      return found;
    };
    // A reading with the context that finds nothing gives way to the question alone, which may not
    // follow at all; not a question with no words of its own ("which ones then?") or a place in the
    // last answer's list ("and the last one?"), which alone mean nothing.
    let answered = followed;
    let answer = answerOf(followed);
    const ownSubject = query.meaningfulWords.length + query.cantons.length + query.indications.length + query.glossaryTerms.length > 0;
    const standsAlone = ownSubject && followed.item === undefined;
    if (followed !== query && standsAlone && answer.confidence < CONFIDENCE_THRESHOLD) {
      const alone = answerOf(query);
      if (alone.confidence >= CONFIDENCE_THRESHOLD) [answered, answer] = [query, alone];
    }
    await this.contexts.remember(message.conversationId, context, answered, answer);
    const gap = this.gaps.offer(message.text, answer);
    return [{ kind: 'answer', answer, ...(gap ? { gap } : {}) }];
  }

  private read(text: string, language: Language | undefined): Query {
    const key = `${language ?? ''}\u0000${text}`;
    let query = this.readings.get(key);
    if (!query) this.readings.set(key, (query = this.assistant.understanding.read(text, language)));
    return query;
  }

  /** Creates, lists, cancels or snoozes a reminder of this conversation; returns what to say. */
  private async reminder(command: ReminderCommand, message: IncomingMessage, language: Language, checklistId?: string): Promise<string> {
    const t = (key: keyof typeof REMINDER_TEXT) => REMINDER_TEXT[key][language];
    const conversationId = message.conversationId;
    switch (command.kind) {
      case 'list': {
        const all = await this.reminders.list(conversationId);
        return all.length ? all.map((r) => `• ${reminderLine(r, language)}`).join('\n') : t('none');
      }
      case 'cancel':
        return (await this.reminders.cancel(conversationId, command.id)) ? t('cancelled') : t('unknown');
      case 'snooze': {
        const parsed = parseReminder(`in ${command.rest}`, language) ?? parseReminder(command.rest, language);
        const until = parsed?.schedule.kind === 'once' ? DateTime.fromISO(parsed.schedule.at) : DateTime.now().plus({ hours: 1 });
        const snoozed = await this.reminders.snooze(conversationId, command.id, until);
        return snoozed?.nextAt ? `${t('snoozed')} ${whenText(snoozed.nextAt, language)}.` : t('unknown');
      }
      case 'create': {
        const parsed = parseReminder(command.rest, language);
        if (!parsed || !parsed.what) return t('notUnderstood');
        const created = await this.reminders.create({ conversationId, creator: message.user ?? { id: conversationId }, language, what: parsed.what, schedule: parsed.schedule, ...(checklistId ? { checklistId } : {}) });
        return created?.nextAt ? `${t('created')} (#${created.id}) — ${t('next')}: ${whenText(created.nextAt, language)} — ${created.what}` : t('notUnderstood');
      }
    }
  }

  private form(canton: CantonCode, language: Language): Reply {
    return { kind: 'triage-form', canton, language, title: `${FORM_TITLE[language]} — ${canton}`, privacy: PRIVACY[language], questions: formQuestions(this.kb, canton, language) };
  }

  /** A card's button or form, routed by its verb to the feature that registered for it. */
  async action(action: IncomingAction): Promise<Reply[]> {
    return (await this.actions.route(action)) ?? [];
  }

  private registerActions(): void {
    const languageOf = (action: IncomingAction) => action.language ?? 'fr';
    this.actions
      .on('ask', async (action) => {
        const { data } = action;
        // A follow-up button carries the language of the answer that offered it.
        const answerIn = isLanguage(data.language) ? data.language : undefined;
        if (typeof data.text !== 'string') return [];
        return this.handle({ conversationId: action.conversationId, text: data.text, ...(action.language ? { language: action.language } : {}), ...(answerIn ? { answerIn } : {}) });
      })
      .on(['triage.answer', 'triage.change', 'triage.back', 'triage.restart', 'triage.cancel', 'triage.export'], (action) => this.triageAction(action))
      .on('checklist.open', async (action) => {
        const language = languageOf(action);
        // `key` on cards sent before it was renamed (the Adaptive Cards renderer refuses that field name).
        const key = action.data.checklist ?? action.data.key;
        const view = typeof key === 'string' ? await this.checklists.open(key, action.conversationId, language) : undefined;
        return view ? [{ kind: 'checklist', view }] : [{ kind: 'help', text: TEXT.notFound[language], language }];
      })
      .on(['checklist.refresh', 'checklist.save'], async (action) => {
        const { data } = action;
        const language = languageOf(action);
        const id = typeof data.checklistId === 'string' ? data.checklistId : '';
        const seen = Array.isArray(data.seen) ? data.seen.filter((x): x is string => typeof x === 'string') : [];
        const submitted = Object.fromEntries(
          Object.entries(data).filter(([k]) => k.startsWith('item:')).map(([k, v]) => [k.slice(5), v === true || v === 'true']),
        );
        const view =
          action.verb === 'checklist.save'
            ? await this.checklists.apply(id, action.user, changesFrom(seen, submitted), action.language)
            : await this.checklists.view(id, action.language);
        return view ? [{ kind: 'checklist', view }] : [{ kind: 'help', text: TEXT.notFound[language], language }];
      })
      .on('reminder.create', async (action) => {
        const { data } = action;
        const language = languageOf(action);
        const command = reminderCommand(`remind ${String(data.when ?? '')} ${String(data.what ?? '')}`);
        if (!command) return [];
        const checklistId = typeof data.checklistId === 'string' ? data.checklistId : undefined;
        const text = await this.reminder(command, { conversationId: action.conversationId, text: '', user: action.user }, language, checklistId);
        return [{ kind: 'help', text, language }];
      })
      .on(GAP_VERB, async (action) => [await this.gaps.report(action.data, languageOf(action))])
      .on('language.set', async (action) => {
        // The user's pick: the conversation speaks it from now on, starting with what the assistant does.
        const language = action.data.language;
        if (!isLanguage(language)) return [];
        await this.languages.choose(action.conversationId, language);
        return [{ kind: 'help', text: HELP[language], language }];
      })
      .on('triage.resume', async (action) => {
        const canton = this.findCanton(String(action.data.canton ?? ''));
        const facts = personFacts.safeParse(action.data.facts ?? {});
        return this.triage.start(action.conversationId, languageOf(action), canton, facts.success ? (facts.data as PersonFacts) : {});
      })
      .on('triage.form', async (action) => {
        const language = languageOf(action);
        const canton = this.findCanton(String(action.data.canton ?? ''));
        if (!canton) return [];
        const facts = factsFromForm(action.data);
        const result = triageResult(this.kb, canton, facts, language);
        return [{ kind: 'triage-result', text: formatTriage(result, language), language, result, facts, answered: FACT_NAMES.filter((f) => f in facts), step: 0 }];
      });
  }

  /**
   * A triage card's button. Question buttons act on the conversation's triage; a result card's
   * buttons carry the canton and the facts it shows, so they work on that result even after the
   * triage expired or another one started.
   */
  private async triageAction(action: IncomingAction): Promise<Reply[]> {
    const { conversationId, data } = action;
    const stored = await this.triage.active(conversationId);
    const language = stored?.language ?? (await this.languages.remembered(conversationId)) ?? action.language ?? 'fr';
    const fact = FACT_NAMES.includes(data.fact as FactName) ? (data.fact as FactName) : undefined;
    const shown = this.resultShown(data, stored, language);
    const session = shown ?? stored;
    if (action.verb === 'triage.export') {
      return session?.canton ? [this.triage.export(session.canton, session.facts, session.language)] : [{ kind: 'notice', text: TRIAGE_TEXT.noResult[language], language }];
    }
    if (!session) {
      // A card sent before buttons named their fact: its text is a typed answer.
      if (action.verb === 'triage.answer' && !fact && typeof data.text === 'string') return this.handle({ conversationId, text: data.text, ...(action.language ? { language: action.language } : {}) });
      return [{ kind: 'notice', text: TRIAGE_TEXT.ended[language], language }];
    }
    if (action.verb === 'triage.answer' && fact) {
      const step = typeof data.step === 'number' ? data.step : undefined;
      return this.triage.answer(conversationId, session, { fact, value: data.value ?? data.answer, ...(step !== undefined ? { step } : {}) });
    }
    if (action.verb === 'triage.answer' && typeof data.text === 'string') return (await this.triage.reply(conversationId, session, data.text)) ?? [];
    if (action.verb === 'triage.change' && fact) return this.triage.change(conversationId, session, fact);
    const command = action.verb.slice('triage.'.length) as TriageCommand;
    return ['back', 'restart', 'cancel'].includes(command) ? this.triage.command(conversationId, session, command) : [];
  }

  /** The triage a result card shows, from the canton, facts and order of answers its buttons carry (undefined for other cards). */
  private resultShown(data: Record<string, unknown>, stored: TriageSession | undefined, language: Language): TriageSession | undefined {
    const canton = typeof data.canton === 'string' && this.kb.cantons.has(data.canton as CantonCode) ? (data.canton as CantonCode) : undefined;
    const facts = personFacts.safeParse(data.facts);
    if (!canton || !facts.success) return undefined;
    const given = facts.data as PersonFacts;
    const order = Array.isArray(data.answered) ? data.answered.filter((f): f is FactName => typeof f === 'string' && f in given) : [];
    return this.triage.shown(canton, given, order, stored, language);
  }
}
