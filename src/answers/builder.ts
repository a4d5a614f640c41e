// Builds an answer from knowledge texts: each fact in the user's language, its errata said aloud,
// its source cited once.
import { MESSAGES, t } from '../i18n.js';
import type { KnowledgeBase } from '../knowledge/loader.js';
import type { PassageRef } from '../knowledge/passages.js';
import type { CantonCode, Erratum, InventoryPart, Language, Source, Text } from '../knowledge/schema.js';
import { withCantonNames } from './canton-names.js';
import { asOfLine, sourceOf, type AnswerSource } from './citations.js';
import { topicErrata } from '../knowledge/topics.js';
import type { ListedCondition } from '../understanding/query.js';

export type { AnswerSource };

export interface Answer {
  text: string;
  language: Language;
  sources: AnswerSource[];
  /** 0 to 1: how sure the assistant is that the text answers the question. */
  confidence: number;
  followUps: string[];
  /** What the answer is about (a canton's part, an indication, a term…): what a follow-up question inherits. */
  about?: PassageRef;
  /** The one thing within it the answer is about, where narrower (a project of a canton's projects). */
  focus?: string;
  /** The passages the answer shows elsewhere, as close to the question (the same fact elsewhere): a follow-up may go on with them. */
  beside?: string[];
  /** The passages the answer shows under another heading than its first: of passages as close, a follow-up goes on with them. */
  shown?: string[];
  /** The passage the answer gives alone, where it gives one of several (one rule of an institution's). */
  passage?: string;
  /** The base settles the question by what it lacks ("there is no indication 99"): nothing is missing from it to report. */
  settled?: true;
  /** A list of cantons: the part they are listed by, which a follow-up naming one of them asks for ("and Zurich's?"). */
  listedBy?: InventoryPart;
  /** The cantons a list names: a follow-up naming none asks about them ("and which offices are they in?"). */
  listed?: CantonCode[];
  /** The indications a range gives, in order: "and the last one?" asks for one of them. */
  indications?: number[];
  /** The properties a list of cantons was computed from: a follow-up denying them asks for the others. */
  conditions?: ListedCondition[];
  /** The lines closing the text (the edition cited, a dated source), said once when answers are joined. */
  notes?: string[];
}

/** An answer's text without its closing lines (`notes`). */
export function bodyOf(answer: Answer): string {
  return answer.notes ? answer.text.slice(0, answer.text.length - answer.notes.join('\n').length).trim() : answer.text;
}

/**
 * A question's two parts answered as one: both texts, each closing note once, the sources of both,
 * as sure as the less sure part; a follow-up continues from the second.
 */
export function joined(first: Answer, second: Answer): Answer {
  const notes = [...new Set([...(first.notes ?? []), ...(second.notes ?? [])])];
  const sources = [...new Map([...first.sources, ...second.sources].map((s) => [`${s.document}|${s.where}`, s])).values()];
  return {
    ...second,
    text: [bodyOf(first), '', bodyOf(second), ...(notes.length ? ['', ...notes] : [])].join('\n'),
    sources,
    confidence: Math.min(first.confidence, second.confidence),
    followUps: [...new Set([...first.followUps, ...second.followUps])].slice(0, 3),
    ...(notes.length ? { notes } : {}),
  };
}

export class AnswerBuilder {
  private readonly lines: string[] = [];
  private readonly sources = new Map<string, AnswerSource>();
  private dated2013 = false;
  private readonly stated = new Set<string>();

  constructor(private readonly kb: KnowledgeBase, readonly language: Language) {}

  localized(text: Text): string {
    return text[this.language];
  }

  line(value: string): this {
    this.lines.push(value);
    return this;
  }

  heading(value: string): this {
    if (this.lines.length > 0) this.lines.push('');
    this.lines.push(`**${value}**`);
    return this;
  }

  cite(source: Source): this {
    const key = `${source.document}|${source.where}`;
    if (!this.sources.has(key)) this.sources.set(key, sourceOf(this.kb, source, this.language));
    return this;
  }

  /** One fact as a bullet, with its errata and its date where it is not the inventory's. */
  fact(text: Text, source: Source, errata: readonly Erratum[] = [], asOf?: string): this {
    const dated = asOf?.startsWith('2013') ? ' (2013)' : '';
    this.dated2013 ||= dated !== '';
    this.lines.push(`• ${withCantonNames(this.localized(text), this.language, this.kb)}${dated}`);
    return this.errata(errata).cite(source);
  }

  /** Known errors of the sources, said aloud with their source; each once an answer (a topic's go with each of its facts). */
  errata(errata: readonly Erratum[]): this {
    for (const erratum of errata) {
      if (this.stated.has(erratum.note.fr)) continue;
      this.stated.add(erratum.note.fr);
      this.lines.push(`  ⚠ ${t(MESSAGES.caution, this.language)}: ${this.localized(erratum.note)}`);
      for (const source of [erratum.source, ...(erratum.seeAlso ?? [])]) this.cite(source);
    }
    return this;
  }

  /** The errata of a topic as a whole ("canton:AG:anchoring", "project:T4-FR-1"…). */
  errataOf(topic: string): readonly Erratum[] {
    return topicErrata(this.kb).get(topic) ?? [];
  }

  build(confidence: number, followUps: string[] = [], about?: PassageRef, focus?: string): Answer {
    const notes: string[] = [];
    const asOf = asOfLine(this.kb, [...this.sources.values()], this.language);
    if (asOf) notes.push(asOf);
    if (this.dated2013) notes.push(`⚠ ${t(MESSAGES.dated2013, this.language)}.`);
    const text = [...this.lines, ...(notes.length ? ['', ...notes] : [])].join('\n').trim();
    return { text, language: this.language, sources: [...this.sources.values()], confidence, followUps, ...(about ? { about } : {}), ...(focus ? { focus } : {}), ...(notes.length ? { notes } : {}) };
  }
}
