// Italian words glossed in French for the full-text search: the base has almost no Italian text,
// so an Italian question finds French passages through these. Built from the base's own French
// vocabulary (its most frequent content words and the domain's terms), with the Italian forms a user
// types: folded (no accents), singular and plural, and the common verb forms. Typos within one letter
// of a key are glossed too (see search/fulltext.ts). The words are in locales/it/lexicon.yaml.
import { lexicon } from '../locales.js';

export const ITALIAN_GLOSSES: Record<string, string> = lexicon('it');
