// The gap report, opt-in: under an answer the assistant could not give (under the confidence
// threshold, with or without "did you mean"), a button offers to report the question. Nothing is
// kept until it is pressed; then the question is kept redacted, with its language, the day and
// the closest units of the base, for 90 days, and never who asked. Coordinators (COORDINATORS)
// list the gaps with `gaps` and can have them posted weekly to a coordination channel.
import { DateTime } from 'luxon';
import type { Answer } from '../answers/builder.js';
import { CONFIDENCE_THRESHOLD } from '../answers/search.js';
import { MAX_QUESTION_LENGTH } from '../answers/ask.js';
import { isLanguage, type Language } from '../knowledge/schema.js';
import { ZONE, type Schedule } from '../reminders/parse.js';
import { whenText, type Reminder, type Reminders } from '../reminders/service.js';
import type { Store } from '../store/store.js';
import { CHAT_LIMITS, gapListing } from './listing.js';
import { GAP_VERB, type GapOffer } from './offer.js';
import { redact } from './redact.js';
import { GapStore } from './store.js';
import type { BaseUnits } from './units.js';
import { GAP_TEXT, type GapsCommand } from './words.js';

/** A reply in words, as the bot sends them. */
export interface GapReply {
  kind: 'help';
  text: string;
  language: Language;
}

/** The weekly digest: Mondays at 9:00, Zurich time, when a coordination team plans its week. */
const WEEKLY: Schedule = { kind: 'recurring', rule: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0' };

const reply = (text: string, language: Language): GapReply => ({ kind: 'help', text, language });

export class Gaps {
  private readonly gaps: GapStore;
  private readonly coordinators: ReadonlySet<string>;

  constructor(
    private readonly store: Store,
    private readonly units: BaseUnits,
    private readonly reminders: Reminders,
    /** Teams and Slack user ids (COORDINATORS). */
    coordinators: readonly string[],
  ) {
    this.gaps = new GapStore(store);
    this.coordinators = new Set(coordinators);
  }

  /** The button under an answer the assistant could not give; undefined under one it gave. */
  offer(question: string, answer: Answer): GapOffer | undefined {
    if (answer.confidence >= CONFIDENCE_THRESHOLD || answer.settled) return undefined;
    const kept = redact(question);
    if (!kept) return undefined;
    const language = answer.language;
    return { verb: GAP_VERB, label: GAP_TEXT.button[language], note: GAP_TEXT.note[language], data: { question: kept, language, units: this.units.closest(answer) } };
  }

  /**
   * The button pressed: the question is kept. Its data is redacted and checked again, since a
   * button's data can be forged: an absent, empty or over-long question gets a reply, not an error.
   */
  async report(data: Record<string, unknown>, fallback: Language): Promise<GapReply> {
    const language = isLanguage(data.language) ? data.language : fallback;
    const question = typeof data.question === 'string' && data.question.length <= MAX_QUESTION_LENGTH ? redact(data.question) : '';
    if (!question) return reply(GAP_TEXT.unreportable[language], language);
    await this.gaps.add({ question, language, date: DateTime.now().setZone(ZONE).toISODate()!, units: this.units.resolve(data.units) });
    return reply(GAP_TEXT.reported[language], language);
  }

  /** `gaps` and `gaps weekly`, for coordinators; anyone else is told who may, and their own id to be added. */
  async command(command: GapsCommand, user: { id: string } | undefined, conversationId: string, language: Language): Promise<GapReply> {
    if (!user || !this.coordinators.has(user.id)) {
      return reply(`${GAP_TEXT.coordinatorsOnly[language]}${user ? ` ${GAP_TEXT.yourId[language]} ${user.id}` : ''}`, language);
    }
    if (command === 'list') return reply(await gapListing(this.store, language, CHAT_LIMITS), language);
    const created = await this.reminders.create({ conversationId, creator: { id: user.id }, language, what: GAP_TEXT.digestTitle[language], schedule: WEEKLY, digest: 'gaps' });
    // A weekly rule always has a next occurrence.
    const text = GAP_TEXT.weekly[language].replaceAll('{id}', created!.id).replace('{when}', whenText(created!.nextAt!, language));
    return reply(text, language);
  }

  /**
   * What a weekly digest posts: the gaps, while the coordinator who scheduled it still is one. As
   * plain text without heading marks: channels post reminders as they are written.
   */
  async digest(reminder: Pick<Reminder, 'id' | 'creator' | 'language'>): Promise<string> {
    const language = reminder.language;
    if (!this.coordinators.has(reminder.creator.id)) return GAP_TEXT.notCoordinatorAnymore[language].replaceAll('{id}', reminder.id);
    return (await gapListing(this.store, language, CHAT_LIMITS)).replace(/^\*\*(.*)\*\*$/gm, '$1');
  }
}
