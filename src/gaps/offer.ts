// The "report this gap" button as the core hands it to the channels, which only draw it: a card's
// action (web chat, Teams), a Block Kit button (Slack). Its data comes back as the action's data.
import type { Language } from '../knowledge/schema.js';

/** The verb of the button, and Slack's action id. */
export const GAP_VERB = 'gap.report';

export interface GapPayload {
  /** Already redacted: the button carries no more than would be kept. */
  question: string;
  /** The language of the answer, which the question is kept with. */
  language: Language;
  /** The closest units' ids, closest first. */
  units: string[];
}

export interface GapOffer {
  verb: typeof GAP_VERB;
  label: string;
  /** What reporting keeps, for how long, and to write no name. */
  note: string;
  data: GapPayload;
}
