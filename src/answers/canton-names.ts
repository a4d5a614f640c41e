// Lists of canton codes in the sources' style ("FR, GE, GL, VD et ZG", "NW/OW") read with each
// canton's name in the reader's language: not every caseworker knows every code. A code alone is
// left as written: "AI" beside "AC" is disability insurance, not Appenzell Innerrhoden.
import type { KnowledgeBase } from '../knowledge/base.js';
import type { CantonCode, Language } from '../knowledge/schema.js';

/** Between two codes of a list: punctuation, or one short word ("et", "und", "e", "and"). */
const BETWEEN = String.raw`(?:\s*[,/]\s*|\s+\p{Ll}{1,4}\s+)`;

const listsByBase = new WeakMap<KnowledgeBase, RegExp>();

function codeLists(kb: KnowledgeBase): RegExp {
  let lists = listsByBase.get(kb);
  if (!lists) {
    const code = `(?:${[...kb.cantons.keys()].join('|')})`;
    lists = new RegExp(String.raw`\b${code}(?:${BETWEEN}${code}\b)+`, 'gu');
    listsByBase.set(kb, lists);
  }
  return lists;
}

/** The text with each code of a list of two or more canton codes preceded by the canton's name. */
export function withCantonNames(text: string, language: Language, kb: KnowledgeBase): string {
  return text.replace(codeLists(kb), (list) => list.replace(/\b[A-Z]{2}\b/g, (code) => {
    const canton = kb.cantons.get(code as CantonCode);
    return canton ? `${canton.names[language]} (${code})` : code;
  }));
}
