import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { deserialize, serialize } from 'node:v8';
import { StemMatches, type TermMatches } from '../../src/search/stem-matches.js';

// A few passages as the index holds them: stems by field.
const DOCS = [
  { id: 'a', heading: 'coordin cantonal', body: 'coordin plateform cas coordinatric ai orp', questions: 'qui coordonn' },
  { id: 'b', heading: 'plateform', body: 'plateform echang orp as coordinatric coordinatric', questions: '' },
  { id: 'c', heading: 'financ', body: 'financ projet coordin budget', questions: 'combien cout' },
  { id: 'd', heading: 'comit', body: 'comit pilotag coordinationsstell', questions: 'qui pilot' },
];
const FIELDS = ['heading', 'body', 'questions'];

function miniSearch(): MiniSearch<{ id: string }> {
  const index = new MiniSearch<{ id: string }>({
    fields: FIELDS,
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term,
    searchOptions: { boost: { heading: 2, questions: 1 }, tokenize: (text) => [text] },
  });
  index.addAll(DOCS);
  return index;
}

const stemsOf = () => new Set(DOCS.flatMap((d) => FIELDS.flatMap((f) => (d as Record<string, string>)[f]!.split(' ').filter(Boolean))));

/** Scores by passage id, as MiniSearch gives them. */
function byId(matches: TermMatches | Map<number, number>): Record<string, number> {
  const pairs = matches instanceof Map ? [...matches] : [...matches.places].map((p, i) => [p, matches.scores[i]!] as const);
  return Object.fromEntries(pairs.map(([place, score]) => [DOCS[place]!.id, score]));
}

function searched(index: MiniSearch<{ id: string }>, term: string, prefix: boolean): Record<string, number> {
  return Object.fromEntries(index.search(term, { prefix, fuzzy: false }).map((r) => [r.id as string, r.score]));
}

describe('each stem scored once by MiniSearch', () => {
  const index = miniSearch();
  const told = new Set(DOCS.flatMap((d) => `${d.heading} ${d.body}`.split(' ')));
  const matches = StemMatches.scored(index, stemsOf(), DOCS.map((d) => d.id), told);
  const reloaded = StemMatches.decode(deserialize(serialize(matches.encode())));

  it('gives a stem the passages and scores of MiniSearch searching it alone, read back from the cache alike', () => {
    for (const stem of stemsOf()) {
      expect(byId(matches.exact(stem))).toEqual(searched(index, stem, false));
      expect(byId(reloaded.exact(stem))).toEqual(searched(index, stem, false));
    }
    expect(matches.exact('unknown').places).toHaveLength(0);
    expect(reloaded.count('plateform')).toBe(2);
  });

  it('scores a stem the base lacks by the longer stems it begins, as MiniSearch prefix search does', () => {
    for (const prefix of ['coordi', 'plate', 'finan', 'comi']) {
      const sums = new Map<number, number>();
      reloaded.prefixed(prefix, sums);
      const expected = searched(index, prefix, true);
      expect(Object.keys(byId(sums)).sort()).toEqual(Object.keys(expected).sort());
      for (const [id, score] of Object.entries(byId(sums))) expect(score).toBeCloseTo(expected[id]!, 12);
    }
  });

  it('tells which stems each passage holds', () => {
    expect(reloaded.holds(1, 'echang')).toBe(true);
    expect(reloaded.holds(0, 'echang')).toBe(false);
    expect(reloaded.holds(0, 'unknown')).toBe(false);
    expect(reloaded.told('pilotag')).toBe(true);
    expect(reloaded.told('pilot')).toBe(false);
    expect(reloaded.stems.filter((stem) => reloaded.holds(3, stem)).sort()).toEqual(['comit', 'coordinationsstell', 'pilot', 'pilotag', 'qui']);
  });
});
