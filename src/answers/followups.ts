// Two or three next questions that fit an answer, phrased so the assistant understands them back.
import type { KnowledgeBase } from '../knowledge/loader.js';
import type { CantonCode, InventoryPart, Language } from '../knowledge/schema.js';

type Template = Record<Language, (a: string, b?: string) => string>;

export const FOLLOW_UPS = {
  criteria: { fr: (c) => `critères cas CII ${c}`, de: (c) => `Kriterien IIZ-Fall ${c}`, it: (c) => `criteri caso CII ${c}`, en: (c) => `CII case criteria ${c}` },
  platform: { fr: (c) => `plateforme de cas ${c}`, de: (c) => `Fallplattform ${c}`, it: (c) => `piattaforma casi ${c}`, en: (c) => `case platform ${c}` },
  steering: { fr: (c) => `qui pilote la CII ${c}`, de: (c) => `wer steuert die IIZ ${c}`, it: (c) => `chi guida la CII ${c}`, en: (c) => `who steers the CII in ${c}` },
  projects: { fr: (c) => `projets de coordination ${c}`, de: (c) => `Koordinationsprojekte ${c}`, it: (c) => `progetti di coordinamento ${c}`, en: (c) => `coordination projects ${c}` },
  compare: { fr: (a, b) => `comparer ${a} et ${b}`, de: (a, b) => `${a} und ${b} vergleichen`, it: (a, b) => `confronta ${a} e ${b}`, en: (a, b) => `compare ${a} and ${b}` },
  indication: { fr: (n) => `indication ${n}`, de: (n) => `Hinweis ${n}`, it: (n) => `indicazione ${n}`, en: (n) => `indication ${n}` },
  block: { fr: (x) => `indications du bloc ${x}`, de: (x) => `Hinweise Block ${x}`, it: (x) => `indicazioni blocco ${x}`, en: (x) => `indications of block ${x}` },
} satisfies Record<string, Template>;

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
  if (!shown.includes('criteria')) out.push(FOLLOW_UPS.criteria[lang](code));
  if (!shown.includes('platform')) out.push(FOLLOW_UPS.platform[lang](code));
  if (!shown.includes('steering') && out.length < 2) out.push(FOLLOW_UPS.steering[lang](code));
  if (!shown.includes('projects') && out.length < 2) out.push(FOLLOW_UPS.projects[lang](code));
  const other = neighbour(kb, code, shown[0] ?? 'criteria');
  if (other) out.push(FOLLOW_UPS.compare[lang](code, other));
  return out.slice(0, 3);
}
