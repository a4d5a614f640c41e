// Each stem's passages and MiniSearch scores, computed once when the index is built and kept as
// typed arrays. MiniSearch stays the scorer (BM25 over the fields, with their boosts); what it
// scored is read back from the cache in milliseconds, where rebuilding its maps took hundreds,
// and a search reads it without allocating a result object per passage.
import type MiniSearch from 'minisearch';

/** The passages a stem or a whole search matches (their places in the base) and their scores; a whole search's best first. */
export interface TermMatches {
  places: Int32Array;
  scores: Float64Array;
}

export const NO_MATCHES: TermMatches = { places: new Int32Array(0), scores: new Float64Array(0) };

/** MiniSearch's default weight of a prefix match; it lowers it as the longer word grows. */
const PREFIX_WEIGHT = 0.375;
/** How fast a prefix match's weight falls with each letter the longer word adds (MiniSearch's rate). */
const PREFIX_FALL = 0.3;

/** What the cache keeps. */
interface Encoded {
  stems: string[];
  offsets: Int32Array;
  places: Int32Array;
  scores: Float64Array;
  heldFrom: Int32Array;
  held: Int32Array;
  told: Uint8Array;
}

export class StemMatches {
  private readonly placeOfStem: Map<string, number>;

  /**
   * `stems` sorted; stem i's matches are places and scores from offsets[i] to offsets[i + 1];
   * the passage at place p holds the stems numbered held[heldFrom[p]] to held[heldFrom[p + 1] - 1], ascending.
   */
  private constructor(
    readonly stems: string[],
    private readonly offsets: Int32Array,
    private readonly places: Int32Array,
    private readonly scores: Float64Array,
    private readonly heldFrom: Int32Array,
    private readonly held: Int32Array,
    /** Per stem: 1 where some passage's own text holds it, 0 where only the ways passages are asked for do. */
    private readonly toldIn: Uint8Array,
  ) {
    this.placeOfStem = new Map();
    stems.forEach((stem, i) => this.placeOfStem.set(stem, i));
  }

  /**
   * Each stem of the index searched alone, as it is (no prefix, no typo), its passages by their place in `ids`;
   * `told` are the stems the passages' own texts hold (the others are only in how they are asked for).
   */
  static scored(index: MiniSearch<{ id: string }>, stems: Iterable<string>, ids: string[], told: ReadonlySet<string>): StemMatches {
    const placeOf = new Map(ids.map((id, i) => [id, i]));
    const sorted = [...stems].sort();
    const offsets = new Int32Array(sorted.length + 1);
    const places: number[] = [];
    const scores: number[] = [];
    sorted.forEach((stem, i) => {
      for (const r of index.search(stem, { prefix: false, fuzzy: false })) {
        places.push(placeOf.get(r.id as string)!);
        scores.push(r.score);
      }
      offsets[i + 1] = places.length;
    });
    // The matches turned around, by place (a counting sort): what each passage holds.
    const heldFrom = new Int32Array(ids.length + 1);
    for (const place of places) heldFrom[place + 1]!++;
    for (let p = 0; p < ids.length; p++) heldFrom[p + 1]! += heldFrom[p]!;
    const next = heldFrom.slice(0, ids.length);
    const held = new Int32Array(places.length);
    for (let i = 0; i < sorted.length; i++) {
      for (let k = offsets[i]!; k < offsets[i + 1]!; k++) held[next[places[k]!]!++] = i;
    }
    const toldIn = Uint8Array.from(sorted, (stem) => (told.has(stem) ? 1 : 0));
    return new StemMatches(sorted, offsets, Int32Array.from(places), Float64Array.from(scores), heldFrom, held, toldIn);
  }

  encode(): Encoded {
    const { stems, offsets, places, scores, heldFrom, held, toldIn } = this;
    return { stems, offsets, places, scores, heldFrom, held, told: toldIn };
  }

  static decode(data: unknown): StemMatches {
    const { stems, offsets, places, scores, heldFrom, held, told } = data as Encoded;
    return new StemMatches(stems, offsets, places, scores, heldFrom, held, told);
  }

  /** Whether some passage's own text holds the stem, not only a way it is asked for. */
  told(stem: string): boolean {
    const i = this.placeOfStem.get(stem);
    return i !== undefined && this.toldIn[i] === 1;
  }

  has(stem: string): boolean {
    return this.placeOfStem.has(stem);
  }

  /** The stem's passages and scores, as MiniSearch's search for it alone gives them (views, not copies). */
  exact(stem: string): TermMatches {
    const i = this.placeOfStem.get(stem);
    if (i === undefined) return NO_MATCHES;
    return { places: this.places.subarray(this.offsets[i]!, this.offsets[i + 1]!), scores: this.scores.subarray(this.offsets[i]!, this.offsets[i + 1]!) };
  }

  /** In how many passages the stem occurs. */
  count(stem: string): number {
    const i = this.placeOfStem.get(stem);
    return i === undefined ? 0 : this.offsets[i + 1]! - this.offsets[i]!;
  }

  /**
   * MiniSearch's prefix search for a stem the base lacks: each longer stem it begins adds its own
   * scores, weighted down the more letters it adds.
   */
  prefixed(prefix: string, into: Map<number, number>): void {
    let low = 0;
    let high = this.stems.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.stems[middle]! < prefix) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < this.stems.length && this.stems[i]!.startsWith(prefix); i++) {
      const stem = this.stems[i]!;
      const added = stem.length - prefix.length;
      if (added === 0) continue;
      this.addTo(into, i, (PREFIX_WEIGHT * stem.length) / (stem.length + PREFIX_FALL * added));
    }
  }

  /** The stem's scores, times `weight`, added to each of its passages' sums. */
  add(stem: string, weight: number, into: Map<number, number>): void {
    const i = this.placeOfStem.get(stem);
    if (i !== undefined) this.addTo(into, i, weight);
  }

  private addTo(into: Map<number, number>, i: number, weight: number): void {
    for (let k = this.offsets[i]!; k < this.offsets[i + 1]!; k++) into.set(this.places[k]!, (into.get(this.places[k]!) ?? 0) + weight * this.scores[k]!);
  }

  /** Whether the passage at this place holds the stem. */
  holds(place: number, stem: string): boolean {
    const i = this.placeOfStem.get(stem);
    if (i === undefined) return false;
    let low = this.heldFrom[place]!;
    let high = this.heldFrom[place + 1]!;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const found = this.held[middle]!;
      if (found === i) return true;
      if (found < i) low = middle + 1;
      else high = middle;
    }
    return false;
  }
}
