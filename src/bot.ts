// One message in, replies out: the channel-neutral core every adapter (web, Teams, Slack) calls.
import { LRUCache } from 'lru-cache';
import { DateTime } from 'luxon';
import { reminderCommand, type ReminderCommand } from './reminders/commands.js';
import { parseReminder } from './reminders/parse.js';
import { Reminders, whenText } from './reminders/service.js';
import { REMINDER_TEXT, reminderLine } from './reminders/text.js';
import { Assistant } from './answers/ask.js';
import type { Answer } from './answers/builder.js';
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
import type { Query } from './understanding/query.js';

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
  | { kind: 'answer'; answer: Answer }
  | { kind: 'help'; text: string; language: Language }
  | { kind: 'checklist'; view: ChecklistView }
  | { kind: 'triage-form'; canton: CantonCode; language: Language; title: string; privacy: string; questions: FormQuestion[] }
  | TriageReply;

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
const HELP_WORDS: Record<string, Language> = Object.fromEntries(Object.entries(cues('help')).flatMap(([language, ws]) => ws.map((w) => [w, language as Language])));

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
  readonly triage: TriageDialog;
  readonly checklists: Checklists;
  readonly reminders: Reminders;
  private readonly languages: ConversationLanguages;
  private readonly contexts: ConversationContexts;

  constructor(private readonly kb: KnowledgeBase, store: Store) {
    this.reminders = new Reminders(store);
    this.assistant = new Assistant(kb);
    this.triage = new TriageDialog(kb, store, (text) => this.findCanton(text));
    this.checklists = new Checklists(kb, store);
    this.contexts = new ConversationContexts(store);
    this.languages = new ConversationLanguages(store, (text, fallback) => this.assistant.understanding.languages.detect(text, fallback));
  }

  private findCanton(text: string): CantonCode | undefined {
    return this.assistant.understanding.read(text).cantons[0];
  }

  async handle(incoming: IncomingMessage): Promise<Reply[]> {
    const conversationLanguage = await this.languages.resolve(incoming.conversationId, incoming.text, incoming.language);
    const message = conversationLanguage ? { ...incoming, language: conversationLanguage } : incoming;
    // The message is read once (an empty or over-long one is not read: it gets its refusal).
    const refusal = this.assistant.refusal(message.text, { language: message.language });
    const read = refusal ? undefined : this.read(message.text.trim(), message.answerIn ?? message.language);
    const session = await this.triage.active(message.conversationId);
    // A new triage request ("triage ZH", "est-ce un cas CII à Genève ?") starts over even mid-triage.
    const newTriage = read !== undefined && read.wantsTriage && read.cantons.length > 0;
    const triageReplies = session && !newTriage ? await this.triage.reply(message.conversationId, session, message.text) : undefined;
    if (triageReplies) return triageReplies;
    const ws = words(message.text);
    const helpLanguage = ws.length === 1 ? HELP_WORDS[ws[0]!] : undefined;
    if (helpLanguage) {
      const language = message.language ?? helpLanguage;
      return [{ kind: 'help', text: HELP[language], language }];
    }
    if (!read) return [{ kind: 'answer', answer: refusal! }];
    const query = message.answerIn ? { ...read, language: message.answerIn } : read;
    const language = message.answerIn ?? message.language ?? query.language;
    const reminder = reminderCommand(message.text);
    if (reminder) return [{ kind: 'help', text: await this.reminder(reminder, message, language), language }];
    const checklist = checklistRequest(message.text, (text) => this.findCanton(text));
    if (checklist && 'missingCanton' in checklist) return [{ kind: 'help', text: TEXT.whichCanton[language], language }];
    if (checklist) {
      const view = await this.checklists.open(checklist.key, message.conversationId, language);
      return view ? [{ kind: 'checklist', view }] : [{ kind: 'help', text: TEXT.notFound[language], language }];
    }
    if (query.wantsTriage && FORM_WORDS.test(message.text) && query.cantons[0]) {
      return [this.form(query.cantons[0], language)];
    }
    if (query.wantsTriage) return this.triage.start(message.conversationId, language, query.cantons[0]);
    // A short follow-up inherits what the last answer was about ("et à Zurich ?").
    const context = await this.contexts.get(message.conversationId);
    const followed = followUp(query, context, this.kb.indications.indications.length);
    const key = `${message.answerIn ?? ''}\u0000${message.language ?? ''}\u0000${query.text}`;
    let answer = followed === query ? this.answers.get(key) : undefined;
    if (!answer) {
      answer = this.assistant.answer(followed);
      if (followed === query) this.answers.set(key, answer);
    }
    await this.contexts.remember(message.conversationId, context, followed, answer);
    return [{ kind: 'answer', answer }];
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

  /** A card's button or form: ticks, checklist refresh and opening, triage answers and forms. */
  async action(action: IncomingAction): Promise<Reply[]> {
    const language = action.language ?? 'fr';
    const data = action.data;
    const text = typeof data.text === 'string' ? data.text : undefined;
    switch (action.verb) {
      case 'ask': {
        // A follow-up button carries the language of the answer that offered it.
        const answerIn = isLanguage(data.language) ? data.language : undefined;
        return text ? this.handle({ conversationId: action.conversationId, text, ...(action.language ? { language: action.language } : {}), ...(answerIn ? { answerIn } : {}) }) : [];
      }
      case 'triage.answer':
      case 'triage.change':
      case 'triage.back':
      case 'triage.restart':
      case 'triage.cancel':
      case 'triage.export':
        return this.triageAction(action);
      case 'checklist.open': {
        // `key` on cards sent before it was renamed (the Adaptive Cards renderer refuses that field name).
        const key = data.checklist ?? data.key;
        const view = typeof key === 'string' ? await this.checklists.open(key, action.conversationId, language) : undefined;
        return view ? [{ kind: 'checklist', view }] : [{ kind: 'help', text: TEXT.notFound[language], language }];
      }
      case 'checklist.refresh':
      case 'checklist.save': {
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
      }
      case 'reminder.create': {
        const command = reminderCommand(`remind ${String(data.when ?? '')} ${String(data.what ?? '')}`);
        if (!command) return [];
        const checklistId = typeof data.checklistId === 'string' ? data.checklistId : undefined;
        const text = await this.reminder(command, { conversationId: action.conversationId, text: '', user: action.user }, language, checklistId);
        return [{ kind: 'help', text, language }];
      }
      case 'language.set': {
        // The user's pick: the conversation speaks it from now on, starting with what the assistant does.
        if (!isLanguage(data.language)) return [];
        await this.languages.choose(action.conversationId, data.language);
        return [{ kind: 'help', text: HELP[data.language], language: data.language }];
      }
      case 'triage.resume': {
        const canton = this.findCanton(String(data.canton ?? ''));
        const facts = personFacts.safeParse(data.facts ?? {});
        return this.triage.start(action.conversationId, language, canton, facts.success ? (facts.data as PersonFacts) : {});
      }
      case 'triage.form': {
        const canton = this.findCanton(String(data.canton ?? ''));
        if (!canton) return [];
        const facts = factsFromForm(data);
        const result = triageResult(this.kb, canton, facts, language);
        return [{ kind: 'triage-result', text: formatTriage(result, language), language, result, facts, answered: FACT_NAMES.filter((f) => f in facts), step: 0 }];
      }
      default:
        return [];
    }
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
