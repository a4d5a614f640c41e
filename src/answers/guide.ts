// Answers from the EISP guide: indications by number or block, and the organisme-specific rules.
import { ANSWER_WORDS, fill } from '../i18n.js';
import type { KnowledgeBase } from '../knowledge/loader.js';
import type { BlockId, Indication, Language, Organisme } from '../knowledge/schema.js';
import type { Query } from '../understanding/query.js';
import { AnswerBuilder, type Answer } from './builder.js';
import { FOLLOW_UPS, followUpsForOrganisme } from './followups.js';
import type { RankedHit } from './search.js';
import { topicKey } from '../knowledge/topics.js';

const { citedBy: CITED_BY, block: BLOCK } = ANSWER_WORDS;

function renderIndication(kb: KnowledgeBase, b: AnswerBuilder, ind: Indication, detailed: boolean): void {
  const lang = b.language;
  b.heading(`${ind.number}. ${ind.title[lang]} (${BLOCK[lang]} ${ind.block})`);
  b.fact(ind.gist, ind.source, [...(ind.errata ?? []), ...b.errataOf(topicKey({ kind: 'indication', number: ind.number }))]);
  if (!detailed) return;
  for (const ex of ind.examples ?? []) b.fact(ex.text, ex.source, ex.errata);
  if (ind.citedBy.length > 0) {
    const names = ind.citedBy.map((id) => kb.organismes.organismes.find((o) => o.id === id)!.names[lang]);
    b.line(`${CITED_BY[lang]}: ${names.join(', ')}`);
  }
}

export function indicationsAnswer(kb: KnowledgeBase, query: Query, numbers: number[]): Answer {
  const b = new AnswerBuilder(kb, query.language);
  const byNumber = new Map(kb.indications.indications.map((i) => [i.number, i]));
  for (const n of numbers) renderIndication(kb, b, byNumber.get(n)!, numbers.length <= 3);
  const last = numbers[numbers.length - 1]!;
  const first = byNumber.get(numbers[0]!)!;
  const followUps = [
    ...(last < kb.indications.indications.length ? [FOLLOW_UPS.indication[query.language](String(last + 1))] : []),
    FOLLOW_UPS.block[query.language](first.block),
  ];
  const built = b.build(0.95, followUps, { kind: 'indication', number: last });
  return numbers.length > 1 ? { ...built, indications: numbers } : built;
}

/** "How many indications": counted from the guide's blocks, each with the indications it groups. */
export function indicationCountAnswer(kb: KnowledgeBase, query: Query): Answer {
  const lang = query.language;
  const { blocks, indications } = kb.indications;
  const b = new AnswerBuilder(kb, lang);
  b.line(fill(ANSWER_WORDS.indicationCount[lang], { n: indications.length, blocks: blocks.length }));
  for (const block of blocks) {
    const numbers = indications.filter((i) => i.block === block.id).map((i) => i.number);
    const range = numbers.length === 1 ? `${numbers[0]}` : `${numbers[0]}–${numbers.at(-1)}`;
    b.line(`• ${blockHeading(block, lang)} → ${range}`).cite(block.source);
  }
  // About the guide itself: "and who wrote it?" asks the guide.
  return b.build(0.95, [FOLLOW_UPS.indication[lang]('1'), FOLLOW_UPS.block[lang](blocks[0]!.id)], { kind: 'source', document: blocks[0]!.source.document });
}

/** "Indication 99": the guide's range instead, with where to start. */
export function noSuchIndicationAnswer(kb: KnowledgeBase, query: Query, numbers: number[]): Answer {
  const lang = query.language;
  const count = kb.indications.indications.length;
  const b = new AnswerBuilder(kb, lang);
  b.line(fill(ANSWER_WORDS.noSuchIndication[lang], { n: numbers.join(', '), count }));
  return { ...b.build(0, [FOLLOW_UPS.indication[lang](String(count)), FOLLOW_UPS.block[lang](kb.indications.blocks[0]!.id)]), settled: true };
}

/** How answers name a block of the guide ("Bloc D-1: …"); asked back, it gives the block. */
export function blockHeading(block: { id: string; title: Record<Language, string> }, lang: Language): string {
  return `${BLOCK[lang]} ${block.id}: ${block.title[lang]}`;
}

export function blockAnswer(kb: KnowledgeBase, query: Query, blockId: BlockId): Answer {
  const lang = query.language;
  const b = new AnswerBuilder(kb, lang);
  const block = kb.indications.blocks.find((x) => x.id === blockId)!;
  b.heading(blockHeading(block, lang));
  for (const item of block.items) b.line(`• ${item.label[lang]} → ${item.indications.join(', ')}`);
  b.cite(block.source).errata(block.errata ?? []);
  for (const ind of kb.indications.indications.filter((i) => i.block === blockId)) renderIndication(kb, b, ind, false);
  const next = kb.indications.blocks[kb.indications.blocks.indexOf(block) + 1];
  const followUps = [
    ...(block.items[0] ? [FOLLOW_UPS.indication[lang](String(block.items[0].indications[0]))] : []),
    ...(next ? [FOLLOW_UPS.block[lang](next.id)] : []),
    FOLLOW_UPS.eispChecklist[lang](''),
  ];
  return b.build(0.95, followUps, { kind: 'block', id: blockId });
}

/** The organisme's rules that hold the question's other words (`hits`), or all of them. */
export function organismeAnswer(kb: KnowledgeBase, query: Query, id: Organisme, hits: RankedHit[]): Answer {
  const b = new AnswerBuilder(kb, query.language);
  const organisme = kb.organismes.organismes.find((o) => o.id === id)!;
  b.heading(organisme.names[query.language]);
  if (hits.length > 0) for (const { hit } of hits) b.fact(hit.passage.text, hit.passage.source, hit.passage.errata);
  else for (const rule of organisme.rules) b.fact(rule.text, rule.source, rule.errata);
  const answer = b.build(0.9, followUpsForOrganisme(query.language, id), { kind: 'organisme', id });
  return hits[0] ? { ...answer, passage: hits[0].hit.passage.id } : answer;
}
