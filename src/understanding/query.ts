// A question read into what the answers need: language, cantons, institutions, topics, indication
// numbers and blocks, glossary terms, and whether it asks for a list, a comparison or a definition.
import type { KnowledgeBase } from '../knowledge/loader.js';
import { BLOCK_IDS, type CantonCode, type Language } from '../knowledge/schema.js';
import { CantonRecognizer } from './cantons.js';
import { detectLanguage } from './language.js';
import { fold } from './normalize.js';
import { PhraseMatcher, questionWords } from './phrases.js';
import {
  COMPARE_STEMS,
  DEFINITION_CUES,
  INSTITUTION_PHRASES,
  LIST_CUES,
  TOPIC_STEMS,
  type Institution,
  type Topic,
} from './vocabulary.js';

export type BlockId = (typeof BLOCK_IDS)[number];

export interface Query {
  text: string;
  language: Language;
  words: string[];
  cantons: CantonCode[];
  institutions: Institution[];
  /** Topics by decreasing weight. */
  topics: Topic[];
  indications: number[];
  blocks: BlockId[];
  glossaryTerms: string[];
  wantsList: boolean;
  wantsComparison: boolean;
  wantsDefinition: boolean;
}

/** Short abbreviations that are also common words ("as", "el"): institutions only in capitals. */
const CAPITALS_ONLY = new Set(['as', 'ad', 'el', 'sh', 'ai', 'pc', 'iv', 'ac']);

const NUMBER = String.raw`\d{1,2}(?!\d)`;
const INDICATION_CUE = new RegExp(
  String.raw`\b(?:indications?|hinweise?|indicazion[ei]|indicaz|ind|nr|no|n|num|numero|nummer|number)\.?\s*[°º]?\s*` +
    `(${NUMBER}(?:\\s*(?:,|et|und|e|and|a|bis|to|-|–)\\s*${NUMBER})*)`,
  'g',
);
const BLOCK_CUE = /\b(?:bloc|block|blocco|partie|teil|parte|part)\s+([a-h](?:\s*-\s*[12])?)\b/gi;

function containsPhrase(joined: string, phrase: string): boolean {
  return ` ${joined} `.includes(` ${phrase} `);
}

export class Understanding {
  private readonly cantons: CantonRecognizer;
  private readonly institutions: PhraseMatcher<Institution>;
  private readonly glossary: PhraseMatcher<string>;

  constructor(kb: KnowledgeBase) {
    this.cantons = new CantonRecognizer(kb.cantons.values());
    this.institutions = new PhraseMatcher(
      Object.entries(INSTITUTION_PHRASES).flatMap(([inst, phrases]) => phrases.map((p) => [p, inst as Institution] as [string, Institution])),
      false,
    );
    const glossaryEntries: [string, string][] = [];
    for (const e of kb.glossary.entries) {
      glossaryEntries.push([e.term, e.term]);
      for (const abbr of Object.values(e.abbreviations ?? {})) glossaryEntries.push([abbr, e.term]);
      for (const long of Object.values(e.long)) if (long.length > 6) glossaryEntries.push([long, e.term]);
    }
    this.glossary = new PhraseMatcher(glossaryEntries, false);
  }

  read(text: string, fallbackLanguage: Language = 'fr'): Query {
    const ws = questionWords(text);
    const joined = ws.join(' ');
    const raw = text.replace(/-/g, ' ').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const cantonMentions = this.cantons.find(text);
    const cantonWordIndexes = new Set(cantonMentions.map((m) => m.at));

    const institutions = this.institutions
      .find(ws)
      .filter((h) => !cantonWordIndexes.has(h.at))
      .filter((h) => h.length > 1 || !CAPITALS_ONLY.has(ws[h.at]!) || raw[h.at] === raw[h.at]!.toUpperCase())
      .map((h) => h.value);

    const glossaryTerms = this.glossary
      .find(ws)
      .filter((h) => !cantonWordIndexes.has(h.at))
      .filter((h) => h.length > 1 || ws[h.at]!.length > 3 || raw[h.at] === raw[h.at]!.toUpperCase() || ws.length <= 3)
      .map((h) => h.value);

    return {
      text,
      language: detectLanguage(text, fallbackLanguage).language,
      words: ws,
      cantons: cantonMentions.map((m) => m.code),
      institutions: [...new Set(institutions)],
      topics: this.topics(ws, joined),
      indications: this.indicationNumbers(text),
      blocks: this.blocks(text),
      glossaryTerms: [...new Set(glossaryTerms)],
      wantsList: LIST_CUES.some((cue) => containsPhrase(joined, cue)),
      wantsComparison: ws.some((w) => COMPARE_STEMS.some((s) => w.startsWith(s))),
      wantsDefinition: DEFINITION_CUES.some((cue) => containsPhrase(joined, cue)),
    };
  }

  private topics(ws: string[], joined: string): Topic[] {
    const scores = new Map<Topic, number>();
    for (const [topic, stems] of Object.entries(TOPIC_STEMS) as [Topic, string[]][]) {
      let score = 0;
      for (const stem of stems) {
        if (stem.includes(' ')) {
          if (` ${joined}`.includes(` ${stem}`)) score += 2;
        } else if (ws.some((w) => w.startsWith(stem))) {
          score += 1;
        }
      }
      if (score > 0) scores.set(topic, score);
    }
    return [...scores].sort((a, b) => b[1] - a[1]).map(([topic]) => topic);
  }

  private indicationNumbers(text: string): number[] {
    const numbers: number[] = [];
    for (const match of fold(text).matchAll(INDICATION_CUE)) {
      const list = match[1]!;
      const range = list.match(/^(\d{1,2})\s*(?:-|–|a|bis|to)\s*(\d{1,2})$/);
      if (range) {
        for (let n = Number(range[1]); n <= Number(range[2]); n++) numbers.push(n);
      } else {
        for (const n of list.match(/\d{1,2}/g) ?? []) numbers.push(Number(n));
      }
    }
    return [...new Set(numbers)].filter((n) => n >= 1 && n <= 44);
  }

  private blocks(text: string): BlockId[] {
    const found: BlockId[] = [];
    for (const match of text.matchAll(BLOCK_CUE)) {
      const id = match[1]!.toUpperCase().replace(/\s+/g, '') as BlockId;
      if ((BLOCK_IDS as readonly string[]).includes(id)) found.push(id);
    }
    return found;
  }
}
