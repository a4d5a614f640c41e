// The triage dialog's own words in each language: what it says and its buttons (from the locale
// files), and the commands it understands (typed without accents, as folded words: the lists
// triage.<command> of locales/<language>/commands.yaml). The dialog holds none.
import { LANGUAGES, type Language } from '../knowledge/schema.js';
import { catalog, cues } from '../locales.js';

export const TRIAGE_TEXT = catalog('triage', ['privacy', 'whichCanton', 'unknownCanton', 'notUnderstood', 'pickSome', 'listHint', 'cancelled', 'nothingToUndo', 'ended', 'alreadyAnswered', 'noResult'] as const);

/** The labels of the dialog's buttons. */
export const TRIAGE_BUTTONS = catalog('triage', ['confirm', 'none', 'back', 'restart', 'export', 'share', 'change'] as const);

export type TriageCommand = 'cancel' | 'back' | 'restart' | 'export';

const COMMANDS: TriageCommand[] = ['cancel', 'back', 'restart', 'export'];

/** Commands as folded words, per language; a message of a few words holding one is that command. */
export const TRIAGE_COMMANDS: Record<Language, Record<TriageCommand, string[]>> = Object.fromEntries(
  LANGUAGES.map((language) => [language, Object.fromEntries(COMMANDS.map((command) => [command, cues(`triage.${command}`)[language]]))]),
) as Record<Language, Record<TriageCommand, string[]>>;
