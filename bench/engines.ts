// `npm run bench:engines`: the three full-text libraries the issue names (MiniSearch, FlexSearch,
// Orama), measured on the dev set with the same input: every passage's stems (each language's text
// stemmed in that language) and every question's words stemmed in all four languages. For each:
// how often the first passage (any of the first five, of the first twelve) holds the facts a
// dev-set answer must contain, index build time, and query time. The assistant re-ranks the first
// twelve by how much of the question each holds, so the twelve count most: this is how MiniSearch
// was chosen.
import { create, insertMultiple, search as oramaSearch, type AnyOrama } from '@orama/orama';
import { Index } from 'flexsearch';
import MiniSearch from 'minisearch';
import { loadKnowledge } from '../src/knowledge/loader.js';
import { passagesOf, type Passage } from '../src/knowledge/passages.js';
import { stems, textStems } from '../src/search/fulltext.js';
import { words } from '../src/understanding/normalize.js';
import { comparable, loadDevSet, type DevQuestion } from '../test/answers/devset.js';

interface Engine {
  name: string;
  build(docs: { id: number; text: string }[]): void;
  search(query: string, limit: number): Promise<number[]> | number[];
}

const split = (text: string) => text.split(' ').filter(Boolean);

const engines: Engine[] = [
  (() => {
    let index: MiniSearch<{ id: number; text: string }>;
    return {
      name: 'MiniSearch 7',
      build(docs) {
        index = new MiniSearch({ fields: ['text'], tokenize: split, processTerm: (t) => t, searchOptions: { prefix: (t) => t.length >= 5, fuzzy: (t) => (t.length >= 5 ? 0.2 : false), maxFuzzy: 2, combineWith: 'OR' } });
        index.addAll(docs);
      },
      search: (query, limit) => index.search(query).slice(0, limit).map((r) => r.id as number),
    };
  })(),
  (() => {
    let index: Index;
    return {
      name: 'FlexSearch 0.8',
      build(docs) {
        index = new Index({ tokenize: 'forward', encoder: (content: string) => split(content) });
        for (const d of docs) index.add(d.id, d.text);
      },
      // `suggest` returns passages holding some of the words, as the others do.
      search: (query, limit) => index.search(query, { limit, suggest: true }) as number[],
    };
  })(),
  (() => {
    let db: AnyOrama;
    return {
      name: 'Orama 3',
      build(docs) {
        db = create({ schema: { text: 'string' }, components: { tokenizer: { language: 'english', normalizationCache: new Map(), tokenize: split } } }) as AnyOrama;
        insertMultiple(db, docs.map((d) => ({ id: String(d.id), text: d.text })));
      },
      async search(query, limit) {
        const result = await oramaSearch(db, { term: query, properties: ['text'], tolerance: 1, threshold: 1, limit });
        return result.hits.map((h) => Number(h.document.id));
      },
    };
  })(),
];

/** Whether a passage holds what the question's answer must contain, in the question's language. */
function answers(q: DevQuestion, p: Passage): boolean {
  const text = comparable(`${p.heading[q.lang]} ${p.text[q.lang] ?? p.text.fr}`);
  return (q.mustContain ?? []).every((m) => text.includes(comparable(m))) && (!q.document || p.source.document === q.document);
}

const passages = passagesOf(loadKnowledge());
const docs = passages.map((p, id) => ({ id, text: [...textStems(p.heading), ...textStems(p.text), ...(p.context ? textStems(p.context) : [])].join(' ') }));
const questions = loadDevSet().filter((q) => !q.outOfScope);
const queries = questions.map((q) => [...new Set(words(q.q).flatMap(stems))].join(' '));

const pct = (n: number) => `${((100 * n) / questions.length).toFixed(1)} %`.padEnd(9);
console.log(`${questions.length} in-scope dev-set questions over ${passages.length} passages`);
console.log('engine            first passage  any of five  any of 12   build      query p50   query p99');
for (const engine of engines) {
  const t0 = performance.now();
  engine.build(docs);
  const build = performance.now() - t0;
  let first = 0;
  let five = 0;
  let twelve = 0;
  const times: number[] = [];
  for (const [i, q] of questions.entries()) {
    const s = performance.now();
    const ids = await engine.search(queries[i]!, 12);
    times.push(performance.now() - s);
    if (ids[0] !== undefined && answers(q, passages[ids[0]]!)) first++;
    if (ids.slice(0, 5).some((id) => answers(q, passages[id]!))) five++;
    if (ids.some((id) => answers(q, passages[id]!))) twelve++;
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(2);
  console.log(`${engine.name.padEnd(18)}${pct(first)}      ${pct(five)}    ${pct(twelve)}   ${build.toFixed(0).padStart(4)} ms    ${at(50).padStart(6)} ms   ${at(99).padStart(6)} ms`);
}
