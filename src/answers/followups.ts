// Two or three next questions that fit an answer, phrased so the assistant understands them back.
import type { KnowledgeBase } from '../knowledge/loader.js';
import type { CantonCode, InventoryPart, Language, Organisme } from '../knowledge/schema.js';
import { TOPIC_PARTS, type Topic } from '../understanding/vocabulary.js';

type Template = Record<Language, (a: string, b?: string) => string>;

export const FOLLOW_UPS = {
  criteria: { fr: (c) => `critères cas CII ${c}`, de: (c) => `Kriterien IIZ-Fall ${c}`, it: (c) => `criteri caso CII ${c}`, en: (c) => `CII case criteria ${c}` },
  platform: { fr: (c) => `plateforme de cas ${c}`, de: (c) => `Fallplattform ${c}`, it: (c) => `piattaforma casi ${c}`, en: (c) => `case platform ${c}` },
  steering: { fr: (c) => `qui pilote la CII ${c}`, de: (c) => `wer steuert die IIZ ${c}`, it: (c) => `chi guida la CII ${c}`, en: (c) => `who steers the CII in ${c}` },
  projects: { fr: (c) => `projets de coordination ${c}`, de: (c) => `Koordinationsprojekte ${c}`, it: (c) => `progetti di coordinamento ${c}`, en: (c) => `coordination projects ${c}` },
  compare: { fr: (a, b) => `comparer ${a} et ${b}`, de: (a, b) => `${a} und ${b} vergleichen`, it: (a, b) => `confronta ${a} e ${b}`, en: (a, b) => `compare ${a} and ${b}` },
  indication: { fr: (n) => `indication ${n}`, de: (n) => `Hinweis ${n}`, it: (n) => `indicazione ${n}`, en: (n) => `indication ${n}` },
  block: { fr: (x) => `indications du bloc ${x}`, de: (x) => `Hinweise Block ${x}`, it: (x) => `indicazioni blocco ${x}`, en: (x) => `indications of block ${x}` },
  organismeRules: {
    fr: (o) => `règles ${o} pour une convention avec une EISP`,
    de: (o) => `Regeln ${o} für Leistungsvereinbarungen mit EISP`,
    it: (o) => `regole ${o} per una convenzione con un'EISP`,
    en: (o) => `${o} rules for agreements with EISP`,
  },
  eispChecklist: {
    fr: (o) => `liste de contrôle convention EISP${o ? ` ${o}` : ''}`,
    de: (o) => `Checkliste Leistungsvereinbarung EISP${o ? ` ${o}` : ''}`,
    it: (o) => `lista di controllo convenzione EISP${o ? ` ${o}` : ''}`,
    en: (o) => `checklist EISP agreement${o ? ` ${o}` : ''}`,
  },
} satisfies Record<string, Template>;

/** Each organisme as users name it in each language, in words the assistant reads back. */
const ORGANISME_WORDS: Record<Organisme, Record<Language, string>> = {
  'aide-sociale': { fr: 'aide sociale', de: 'Sozialhilfe', it: 'assistenza sociale', en: 'social assistance' },
  ac: { fr: 'AC', de: 'ALV', it: 'AD', en: 'AC' },
  ai: { fr: 'AI', de: 'IV', it: 'AI', en: 'AI' },
};

/** After an organisme's rules: its checklist, then the other two organismes' rules. */
export function followUpsForOrganisme(lang: Language, id: Organisme): string[] {
  const others = (Object.keys(ORGANISME_WORDS) as Organisme[]).filter((o) => o !== id);
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
  const part = TOPIC_PARTS[topic ?? 'criteria'][0]!;
  const [first, second] = codes.filter((code) => kb.cantons.get(code)!.inventory[part].status === 'reported');
  if (!first) return [];
  const out = [(CANTON_QUESTION[topic ?? 'criteria'] ?? FOLLOW_UPS.criteria)[lang](first)];
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
