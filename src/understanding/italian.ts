// Italian words glossed in French for the full-text search: an Italian question also finds the
// French wording of a passage through these. Built from the base's own French
// vocabulary (its most frequent content words and the domain's terms), with the Italian forms a user
// types: folded (no accents), singular and plural, and the common verb forms. Typos within one letter
// of a key are glossed too (see search/fulltext.ts). The words are in locales/it/lexicon.yaml.
import { lexicon } from '../locales.js';

/** A map, not an object: a typed word such as "constructor" must not find an object's own properties. */
export const ITALIAN_GLOSSES: ReadonlyMap<string, string> = new Map(Object.entries(lexicon('it')));
