// Two or three next questions that fit an answer, phrased so the assistant understands them back.
import type { Localized } from '../i18n.js';
import type { KnowledgeBase } from '../knowledge/loader.js';
import { LANGUAGES, ORGANISMES, type CantonCode, type InventoryPart, type Language, type Organisme } from '../knowledge/schema.js';
import { catalog } from '../locales.js';
import { TOPIC_PARTS, type Topic } from '../understanding/vocabulary.js';

type Template = Record<Language, (a: string, b?: string) => string>;

const TEXT = catalog('followups', ['criteria', 'platform', 'steering', 'projects', 'compare', 'indication', 'block', 'organismeRules', 'eispChecklist'] as const);
/** Each organisme as users name it in each language, in words the assistant reads back. */
const ORGANISME_WORDS: Record<Organisme, Localized> = catalog('followups', ORGANISMES);

/** A catalog text as a function: its placeholders filled in the order named ("eispChecklist" without an organisme ends at "EISP"). */
function template(key: keyof typeof TEXT, ...placeholders: string[]): Template {
  const fill = (language: Language, values: (string | undefined)[]) => placeholders.reduce((text, p, i) => text.replace(`{${p}}`, values[i] ?? ''), TEXT[key][language]).trim();
  return Object.fromEntries(LANGUAGES.map((l) => [l, (a: string, b?: string) => fill(l, [a, b])])) as Template;
}

export const FOLLOW_UPS = {
  criteria: template('criteria', 'canton'),
  platform: template('platform', 'canton'),
  steering: template('steering', 'canton'),
  projects: template('projects', 'canton'),
  compare: template('compare', 'canton', 'other'),
  indication: template('indication', 'number'),
  block: template('block', 'block'),
  organismeRules: template('organismeRules', 'organisme'),
  eispChecklist: template('eispChecklist', 'organisme'),
} satisfies Record<string, Template>;

/** After an organisme's rules: its checklist, then the other two organismes' rules. */
export function followUpsForOrganisme(lang: Language, id: Organisme): string[] {
  const others = ORGANISMES.filter((o) => o !== id);
  return [FOLLOW_UPS.eispChecklist[lang](ORGANISME_WORDS[id][lang]), ...others.map((o) => FOLLOW_UPS.organismeRules[lang](ORGANISME_WORDS[o][lang]))];
}

/** The per-canton question that goes with a list's topic. */
const CANTON_QUESTION: Partial<Record<Topic, Template>> = {
  criteria: FOLLOW_UPS.criteria,
  platform: FOLLOW_UPS.platform,
  steering: FOLLOW_UPS.steering,
  composition: FOLLOW_UPS.steering,
  coordinator: FOLLOW_UPS.steering,
  projects: FOLLOW_UPS.projects,
};

/** After a list of cantons: the first one's detail on the list's topic, and a comparison of the first two (cantons that report it). */
export function followUpsForList(kb: KnowledgeBase, lang: Language, topic: Topic | undefined, codes: CantonCode[]): string[] {
  // The question offered is about the list's topic where one exists, else about the criteria: the
  // cantons offered must report the part it asks for.
  const asked = topic && CANTON_QUESTION[topic] ? topic : 'criteria';
  const part = TOPIC_PARTS[asked][0]!;
  const [first, second] = codes.filter((code) => kb.cantons.get(code)!.inventory[part].status === 'reported');
  if (!first) return [];
  const out = [(CANTON_QUESTION[asked] ?? FOLLOW_UPS.criteria)[lang](first)];
  if (second) out.push(FOLLOW_UPS.compare[lang](first, second));
  return out;
}

/** The next canton (alphabetically) that reports the same part, to compare with. */
function neighbour(kb: KnowledgeBase, code: CantonCode, part: InventoryPart): CantonCode | undefined {
  const codes = [...kb.cantons.keys()].sort();
  const start = codes.indexOf(code);
  for (let k = 1; k < codes.length; k++) {
    const other = codes[(start + k) % codes.length]!;
    if (kb.cantons.get(other)!.inventory[part].status === 'reported') return other;
  }
  return undefined;
}

export function followUpsForCanton(kb: KnowledgeBase, lang: Language, code: CantonCode, shown: InventoryPart[]): string[] {
  const out: string[] = [];
  // Only parts the inventory reports for the canton: a button that leads to "nothing reported" helps no one.
  const offer = (part: InventoryPart) => !shown.includes(part) && kb.cantons.get(code)!.inventory[part].status === 'reported';
  if (offer('criteria')) out.push(FOLLOW_UPS.criteria[lang](code));
  if (offer('platform')) out.push(FOLLOW_UPS.platform[lang](code));
  if (offer('steering') && out.length < 2) out.push(FOLLOW_UPS.steering[lang](code));
  if (offer('projects') && out.length < 2) out.push(FOLLOW_UPS.projects[lang](code));
  const other = neighbour(kb, code, shown[0] ?? 'criteria');
  if (other) out.push(FOLLOW_UPS.compare[lang](code, other));
  return out.slice(0, 3);
}
