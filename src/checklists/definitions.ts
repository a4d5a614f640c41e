// The checklists, built from the knowledge base: drafting a performance agreement with an EISP
// (the 44 indications by block, plus an organisme's chapter-4 specifics), and a CII referral in a
// canton (its criteria to confirm, then its process steps).
import type { Localized } from '../i18n.js';
import type { KnowledgeBase } from '../knowledge/loader.js';
import { LANGUAGES, type CantonCode, type Language, type Organisme, type Source, type Text } from '../knowledge/schema.js';
import { catalog } from '../locales.js';
import type { Rule } from '../triage/rules.js';


export interface ChecklistItem {
  id: string;
  text: Text;
  source: Source;
  group: string;
}

export interface ChecklistGroup {
  id: string;
  title: Localized;
}

export interface ChecklistDefinition {
  /** Which checklist: "eisp", "eisp:ac", "referral:ZH". */
  key: string;
  title: Localized;
  groups: ChecklistGroup[];
  items: ChecklistItem[];
}

const each = (fn: (l: Language) => string): Localized => Object.fromEntries(LANGUAGES.map((l) => [l, fn(l)])) as Localized;

const TEXT = catalog('checklists', ['eispTitle', 'specifics', 'referralTitle', 'criteriaGroup', 'inventorySays', 'stepsGroup'] as const);

export function eispChecklist(kb: KnowledgeBase, organisme?: Organisme): ChecklistDefinition {
  const groups: ChecklistGroup[] = kb.indications.blocks.map((b) => ({ id: b.id, title: each((l) => `${b.id} — ${b.title[l]}`) }));
  const items: ChecklistItem[] = kb.indications.indications
    .slice()
    .sort((a, b) => a.number - b.number)
    .map((ind) => ({
      id: `i${ind.number}`,
      text: { fr: `${ind.number}. ${ind.title.fr}`, de: `${ind.number}. ${ind.title.de}`, it: `${ind.number}. ${ind.title.it}`, en: `${ind.number}. ${ind.title.en}` },
      source: ind.source,
      group: ind.block,
    }));
  let title = TEXT.eispTitle;
  if (organisme) {
    const o = kb.organismes.organismes.find((x) => x.id === organisme)!;
    groups.push({ id: organisme, title: each((l) => `${TEXT.specifics[l]} — ${o.names[l]}`) });
    o.rules.forEach((r, i) => items.push({ id: `${organisme}${i + 1}`, text: r.text, source: r.source, group: organisme }));
    title = each((l) => `${TEXT.eispTitle[l]} (${o.names[l]})`);
  }
  return { key: organisme ? `eisp:${organisme}` : 'eisp', title, groups, items };
}

/** The labelled criteria of a rule, outermost first (as the triage reports them). */
function criteria(rule: Rule): Rule[] {
  if (rule.label) return [rule];
  const children = 'all' in rule ? rule.all : 'any' in rule ? rule.any : 'of' in rule ? rule.of : 'not' in rule ? [rule.not] : [];
  return children.flatMap(criteria);
}

export function referralChecklist(kb: KnowledgeBase, code: CantonCode): ChecklistDefinition {
  const canton = kb.cantons.get(code)!;
  const items: ChecklistItem[] = [];
  const triage = canton.triage;
  if (triage.status === 'no-formal-criteria') {
    items.push({ id: 'c1', text: triage.reason, source: triage.source, group: 'criteria' });
  } else {
    const rules = triage.status === 'rules' ? [triage.rule] : triage.tiers.map((t) => t.rule);
    const seen = new Set<string>();
    for (const node of rules.flatMap(criteria)) {
      const key = JSON.stringify(node.label);
      if (seen.has(key)) continue;
      seen.add(key);
      items.push({ id: `c${items.length + 1}`, text: node.label!, source: node.source ?? triage.source, group: 'criteria' });
    }
  }
  let step = 0;
  for (const part of ['processes', 'operational', 'collaboration', 'platform'] as const) {
    const value = canton.inventory[part];
    if (value.status !== 'reported') continue;
    for (const f of value.facts) items.push({ id: `s${++step}`, text: f.text, source: f.source, group: 'steps' });
  }
  const criteriaTitle = triage.status === 'no-formal-criteria' ? TEXT.inventorySays : TEXT.criteriaGroup;
  return {
    key: `referral:${code}`,
    title: each((l) => `${TEXT.referralTitle[l]} — ${canton.names[l]}`),
    groups: [
      { id: 'criteria', title: criteriaTitle },
      ...(step > 0 ? [{ id: 'steps', title: TEXT.stepsGroup }] : []),
    ],
    items,
  };
}

export function definitionFor(kb: KnowledgeBase, key: string): ChecklistDefinition | undefined {
  const [kind, arg] = key.split(':');
  if (kind === 'eisp') {
    if (arg && !kb.organismes.organismes.some((o) => o.id === arg)) return undefined;
    return eispChecklist(kb, arg as Organisme | undefined);
  }
  if (kind === 'referral' && arg && kb.cantons.has(arg as CantonCode)) return referralChecklist(kb, arg as CantonCode);
  return undefined;
}

export function itemText(item: ChecklistItem, language: Language): string {
  return item.text[language];
}

