// The one-shot triage form: every question of a canton's rule at once (an Adaptive Card form, a
// Slack modal), and the facts a submitted form gives.
import type { KnowledgeBase } from '../knowledge/loader.js';
import type { CantonCode, Language } from '../knowledge/schema.js';
import { catalog } from '../locales.js';
import { choicesFor, parseValue, type Choice } from './answers.js';
import { FACTS, definitionOf, type FactName, type PersonFacts } from './facts.js';
import { triageResult } from './result.js';

export interface FormQuestion {
  fact: FactName;
  text: string;
  choices: Choice[];
  multi: boolean;
  number: boolean;
}

export function formQuestions(kb: KnowledgeBase, canton: CantonCode, language: Language): FormQuestion[] {
  const result = triageResult(kb, canton, {}, language);
  return result.missing.map((fact) => {
    const type = definitionOf(fact).type;
    // In a form an unticked list means "unknown" already: no "don't know" box among the items.
    const choices = type === 'list' ? choicesFor(fact, language).slice(0, -1) : choicesFor(fact, language);
    return { fact, text: FACTS[fact].question[language], choices, multi: type === 'list', number: type === 'number' };
  });
}

/** The facts a submitted form gives: each field read as its fact's value; empty fields stay unknown. */
export function factsFromForm(fields: Record<string, unknown>): PersonFacts {
  const facts: PersonFacts = {};
  for (const [name, raw] of Object.entries(fields)) {
    const fact = name.replace(/^fact:/, '') as FactName;
    if (!(fact in FACTS) || raw === undefined || raw === null || String(raw).trim() === '') continue;
    const parsed = parseValue(fact, raw);
    if (parsed.ok && !('skip' in parsed)) facts[fact] = parsed.value;
  }
  return facts;
}

const TEXT = catalog('triage-form', ['title', 'privacy'] as const);
export const FORM_TITLE = TEXT.title;
/** The form's line on privacy: facts only. */
export const PRIVACY = TEXT.privacy;
