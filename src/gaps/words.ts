// The gap report's words: what it says (locales/<language>/ui.yaml, catalog gaps) and the commands
// it understands (locales/<language>/commands.yaml: gaps, gaps.weekly), in every language at once.
import { allCues, catalog } from '../locales.js';
import { words } from '../understanding/normalize.js';

export const GAP_TEXT = catalog('gaps', [
  'button', 'note', 'reported', 'unreportable', 'coordinatorsOnly', 'yourId', 'title', 'hint', 'none', 'noUnit', 'more', 'digestTitle', 'weekly', 'notCoordinatorAnymore',
] as const);

/** `gaps` lists the reported gaps; `gaps weekly` posts that list to this conversation every week. */
export type GapsCommand = 'list' | 'weekly';

const COMMAND = allCues('gaps');
const WEEKLY = new Set(allCues('gaps.weekly'));

/** A message that is the command and nothing else ("lacunes", "Lücken wöchentlich"); undefined for any other. */
export function gapsCommand(text: string): GapsCommand | undefined {
  const said = words(text).join(' ');
  for (const command of COMMAND) {
    if (said === command) return 'list';
    if (said.startsWith(`${command} `) && WEEKLY.has(said.slice(command.length + 1))) return 'weekly';
  }
  return undefined;
}
