// Which canton properties a question names (each property's cue phrases are data, in
// knowledge/canton-properties.yaml), whether each is asked for or denied ("without", "ni…ni",
// "weder…noch"), whether several are joined by "or", and whether a question about one canton asks
// yes or no. The words of the language itself (negations, "or", how a yes-or-no question opens)
// are in locales/<language>/cues.yaml.
import type { CantonProperty } from '../knowledge/canton-properties.js';
import type { KnowledgeBase } from '../knowledge/loader.js';
import { LANGUAGES, type Language } from '../knowledge/schema.js';
import { allCues } from '../locales.js';
import { STOPWORDS } from '../search/stopwords.js';
import { CantonRecognizer } from './cantons.js';
import { PhraseMatcher, questionWords, separators } from './phrases.js';
import { holdsCue, phraseAt, type Query } from './query.js';
import { CANTON_NOUNS, COLLABORATION_NAMES, COUNT_CUES, DENIAL_WORDS, INSTITUTION_PHRASES, PLURAL_CANTON_WORDS, QUESTION_WORDS } from './vocabulary.js';

/** The connective that makes a list of properties "either": otherwise all must hold. */
const OR = allCues('either');
const EITHER = new Set(OR);
/** Words that deny only once an earlier property was denied: "noch" after "weder", "né" after "non hanno". */
const CONTINUED = allCues('property.negation.continued');
/** A negation that limits a property rather than denies it ("nicht nur per RRB"): it asks for no condition. */
const LIMITED = allCues('property.negation.limited');
/** "And" alone between two properties carries a denial on ("ohne Büro und Arbeitsgruppen"); "with" ends it. */
const AND = allCues('property.negation.and');
const WITH = allCues('property.negation.with');
/** What may stand before the opening of a yes-or-no question besides the canton's name ("Le canton de Vaud a-t-il…"). */
const LEAD = new Set([...allCues('property.yesno.lead'), ...allCues('canton.before'), ...allCues('canton.named.preposition'), ...CANTON_NOUNS]);

export interface Condition {
  property: CantonProperty;
  /** "Without it": the cantons that lack it are asked for. */
  negated: boolean;
}

/** The positions a hit of `length` words at `at` covers. */
function span(at: number, length: number): number[] {
  return Array.from({ length }, (_, k) => at + k);
}

/** The words of a question (or a cue) that may name a property. */
function kept(words: string[]): string[] {
  // "CII" written inside a name ("composition CII complète", "IIZ-Büro") would split its cue.
  return words.filter((w) => !COLLABORATION_NAMES.has(w));
}

export class PropertyReader {
  private readonly matcher: PhraseMatcher<number>;
  /** For each cue phrase (the matcher's value), the properties it names. */
  private readonly owners: CantonProperty[][] = [];
  /** For each cue phrase, the languages whose cues hold it ("office" is English, not French). */
  private readonly cueLanguages: Set<Language>[] = [];
  /** How a yes-or-no question opens, matched word for word ("do" is not "dove"). */
  private readonly yesNo = new PhraseMatcher(allCues('property.yesno').map((cue) => [cue, cue] as [string, string]), false);
  private readonly cantons: CantonRecognizer;
  /** The names of institutions, whose words are not also a property's ("office" in "office AI"). */
  private readonly institutions = new PhraseMatcher(Object.values(INSTITUTION_PHRASES).flat().map((phrase) => [phrase, phrase] as [string, string]), false);

  /** The words of each property's cues, in every language. */
  private readonly cueWords = new Map<string, Set<string>>();

  constructor(kb: KnowledgeBase) {
    const index = new Map<string, number>();
    for (const property of kb.cantonProperties.properties) {
      this.cueWords.set(property.id, new Set(LANGUAGES.flatMap((l) => property.cues[l].flatMap((cue) => questionWords(cue)))));
      for (const language of LANGUAGES) {
        for (const cue of property.cues[language]) {
          const key = kept(questionWords(cue)).join(' ');
          if (!key) continue;
          if (!index.has(key)) index.set(key, this.owners.push([]) - 1);
          (this.cueLanguages[index.get(key)!] ??= new Set()).add(language);
          const owners = this.owners[index.get(key)!]!;
          if (!owners.includes(property)) owners.push(property);
        }
      }
    }
    // Typos allowed in longer words ("ofice", "Buero"), as for every other name the base knows.
    this.matcher = new PhraseMatcher(index, true);
    this.cantons = new CantonRecognizer(kb.cantons.values());
  }

  /**
   * The cue phrases of properties a question holds (in the words kept), in its language, but for an
   * institution's own name; after a situation told first ("… for a working group in Lucerne. Which
   * cantons have it in law?"), those of the asking sentence, where it holds any.
   */
  private cueHits(q: Query) {
    const ws = kept(q.words);
    const institutionWords = new Set(this.institutions.find(ws).flatMap((h) => span(h.at, h.length)));
    const named = this.matcher.find(ws).filter((hit) => !span(hit.at, hit.length).every((i) => institutionWords.has(i)) && this.cueLanguages[hit.value]!.has(q.language));
    const askedFrom = q.askedFrom === undefined ? 0 : kept(q.words.slice(0, q.askedFrom)).length;
    return named.some((hit) => hit.at >= askedFrom) ? named.filter((hit) => hit.at >= askedFrom) : named;
  }

  /** The properties a question names, in order, each denied when a negation stands between it and the one before. */
  conditions(q: Query): Condition[] {
    const ws = kept(q.words);
    const hits = this.cueHits(q)
      .map((hit) => ({
        at: hit.at,
        end: hit.at + hit.length,
        owners: this.owners[hit.value]!.filter((p) => (p.institutions ?? []).every((i) => q.institutions.includes(i))),
      }));
    const cued = new Set(hits.flatMap((h) => h.owners.map((p) => p.id)));
    // Of the properties a phrase names, the one the question narrows most: "projects" with AC and
    // AS named is Tableau 4's, "coordinator" beside a steering committee is the coordinator's seat there.
    const narrowed = (p: CantonProperty) => p.narrows !== undefined && cued.has(p.narrows);
    const specificity = (p: CantonProperty) => (p.institutions?.length ?? 0) + (narrowed(p) ? 1 : 0);
    // Where the question names a property's institution, in the words kept ("CII" left out).
    const keptAt = (i: number) => kept(q.words.slice(0, i)).length;
    const placedAt = (property: CantonProperty) => {
      const m = q.institutionMentions.find((x) => x.institution === property.institutions![0])!;
      return { property, at: keptAt(m.at), end: keptAt(m.at + m.length) };
    };
    const found: { property: CantonProperty; at: number; end: number }[] = [];
    for (const { at, end, owners } of hits) {
      const candidates = owners.filter((p) => p.alone !== false || narrowed(p));
      const best = candidates.reduce<CantonProperty | undefined>((a, p) => (!a || specificity(p) > specificity(a) ? p : a), undefined);
      // A cue the properties of several institutions share ("include" for migration and for
      // education) names each institution's, where the question names that institution ("…la
      // migrazione ma non la formazione": the second denied).
      const shared = candidates.filter((p) => p.institutions?.length === 1 && best && specificity(p) === specificity(best));
      const placed = shared.length > 1 ? shared.map(placedAt) : best ? [{ property: best, at, end }] : [];
      for (const f of placed) if (!found.some((o) => o.property.id === f.property.id)) found.push(f);
    }
    // An institution named only by a word of another property's cues ("training" beside
    // "job shadowing": the staff's training) names that property, not the institution's own.
    const cueOfOther = (p: CantonProperty, at: number) => found.some((o) => o.property !== p && this.cueWords.get(o.property.id)!.has(q.words[at]!));
    const namedElsewhere = (p: CantonProperty) =>
      (p.institutions ?? []).some((i) => {
        const mentions = q.institutionMentions.filter((m) => m.institution === i);
        return mentions.length > 0 && mentions.every((m) => span(m.at, m.length).every((k) => cueOfOther(p, k)));
      });
    const replaced = new Set(found.flatMap((f) => (narrowed(f.property) ? [f.property.narrows!] : namedElsewhere(f.property) ? [f.property.id] : [])));
    // A negation reaches back to the property before ("n'ont pas la formation parmi les partenaires",
    // "ohne Büro und ohne Plattform"), not past it ("sans bureau mais avec une plateforme").
    // A property a slash joins to the one before shares its negation ("sans bureau/plateforme").
    const between = separators(q.text);
    const keptPlaces = q.words.flatMap((w, i) => (COLLABORATION_NAMES.has(w) ? [] : [i]));
    const joinedToLast = (at: number) => at > 0 && between[keptPlaces[at]!] === '/' && keptPlaces[at - 1] === keptPlaces[at]! - 1;
    let denied = false;
    let last = false;
    let from = 0;
    return found
      .filter((f) => !replaced.has(f.property.id))
      .sort((a, b) => a.at - b.at)
      .flatMap(({ property, at, end }) => {
        const before = ws.slice(from, at);
        const joined = at === from && joinedToLast(at);
        from = end;
        const says = (list: string[]) => holdsCue(before, list);
        if (says(LIMITED)) return [];
        // "Or" or "and" alone after a denied property denies the next too ("without a bureau or a platform", "weder … noch … oder …").
        const carried = (joined || says(OR) || (says(AND) && !says(WITH) && before.every((w) => STOPWORDS.has(w)))) && last;
        const negated = says(DENIAL_WORDS[q.language]) || (denied && says(CONTINUED)) || carried;
        denied ||= negated;
        last = negated;
        return [{ property, negated }];
      });
  }

  /**
   * Whether the question asks for cantons: "which cantons…", whether every canton has something
   * ("jeder Kanton"), or how many cantons ("dans combien de cantons") — not how many of something
   * else the cantons have ("combien de projets les cantons ont-ils signalés ?"), nor which of
   * something else is found in the cantons.
   */
  asksForCantons(q: Query): boolean {
    if (q.allCantons) return true;
    if (q.wantsCount) {
      return COUNT_CUES.some((cue) => {
        const at = phraseAt(q.words, cue);
        return at.length > 0 && q.words.slice(at.at(-1)! + 1, at.at(-1)! + 3).some((w) => CANTON_NOUNS.includes(w));
      });
    }
    if (!q.wantsList) return false;
    // "Welche Konferenzen haben die Koordinationsstellen in den Kantonen empfohlen?" lists
    // conferences: a list of cantons names them before what they have.
    const ws = kept(q.words);
    const firstCue = this.cueHits(q)[0]?.at ?? ws.length;
    return ws.slice(0, firstCue).some((w) => PLURAL_CANTON_WORDS.includes(w));
  }

  /**
   * Whether several properties are asked for as alternatives ("a bureau or working groups"); denied
   * all, they are denied together ("no bureau or platform" has neither).
   */
  either(q: Query, conditions: Condition[]): boolean {
    return conditions.length > 1 && !conditions.every((c) => c.negated) && kept(q.words).some((w) => EITHER.has(w));
  }

  /**
   * Whether a question about one canton asks yes or no: it opens with "does", "hat", "est-ce que",
   * "c'è"…, with nothing before but the canton's name and the words that introduce it, and holds
   * no question word beside the properties' own ("come quella nazionale").
   */
  asksYesNo(q: Query): boolean {
    const ws = kept(q.words);
    const cueWords = new Set(this.matcher.find(ws).flatMap((hit) => ws.slice(hit.at, hit.at + hit.length)));
    // A question word ("… und wer leitet sie?") asks for more than yes or no.
    if (q.words.some((w) => QUESTION_WORDS.has(w) && !cueWords.has(w))) return false;
    const named = new Set(this.cantons.find(q.text).flatMap((m) => span(m.at, m.length)));
    return this.yesNo.find(q.words).some((hit) => q.words.slice(0, hit.at).every((w, i) => named.has(i) || LEAD.has(w)));
  }
}

const readers = new WeakMap<KnowledgeBase, PropertyReader>();

/** The reader of a base's properties, built once per base. */
export function propertyReader(kb: KnowledgeBase): PropertyReader {
  let reader = readers.get(kb);
  if (!reader) readers.set(kb, (reader = new PropertyReader(kb)));
  return reader;
}
