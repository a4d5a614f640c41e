// A triage result as the user reads it: the verdict, the criteria met and unmet with their source
// texts, the facts still needed, and the next steps in that canton from the knowledge base.
import { sourceOf, type AnswerSource } from '../answers/citations.js';
import type { KnowledgeBase } from '../knowledge/loader.js';
import type { CantonCode, Language, Source } from '../knowledge/schema.js';
import { catalog } from '../locales.js';
import { derive, type DerivedFact } from './derivations.js';
import { factLines, valueText, type FactLine } from './describe.js';
import { triageOf, type CriterionResult, type Evaluation, type Verdict } from './evaluate.js';
import { definitionOf, type FactName, type PersonFacts } from './facts.js';

export interface CriterionLine {
  criterion: string;
  source?: AnswerSource;
}

export interface TriageResult {
  verdict: Verdict;
  tier?: string;
  canton: CantonCode;
  met: CriterionLine[];
  unmet: CriterionLine[];
  missing: FactName[];
  nextSteps: string[];
  sources: AnswerSource[];
  /** Criteria still open (shown in chat; not part of the command line's JSON). */
  unknown: CriterionLine[];
  /** What the source says instead of criteria, and its caveats (truncated row, ambiguity). */
  notes: string[];
  /** The facts the verdict rests on, in words: those given, then those deduced from them. */
  facts: FactLine[];
}

/** Who to turn to and how cases go in the canton, as the inventory describes it. */
function nextSteps(kb: KnowledgeBase, code: CantonCode, language: Language): { steps: string[]; sources: Source[] } {
  const inventory = kb.cantons.get(code)!.inventory;
  const steps: string[] = [];
  const sources: Source[] = [];
  for (const part of [inventory.processes, inventory.operational, inventory.platform]) {
    if (part.status !== 'reported') continue;
    for (const f of part.facts.slice(0, 2)) {
      steps.push(f.text[language]);
      sources.push(f.source);
    }
  }
  return { steps, sources };
}

const TEXT = catalog('triage-result', ['conflict'] as const);

function conflictNote(conflict: DerivedFact, facts: PersonFacts, language: Language): string {
  const given = valueText(conflict.fact, facts[conflict.fact]!, language);
  return TEXT.conflict[language]
    .replace('{fact}', definitionOf(conflict.fact).label[language])
    .replace('{value}', given)
    .replace('{because}', conflict.derivation.because[language]);
}

export function triageResult(kb: KnowledgeBase, code: CantonCode, facts: PersonFacts, language: Language): TriageResult {
  const canton = kb.cantons.get(code)!;
  const { facts: known, derived, conflicts } = derive(facts, kb.derivations.derivations);
  const evaluation: Evaluation = triageOf(canton, known);
  const line = (c: CriterionResult): CriterionLine => ({
    criterion: c.label[language],
    ...(c.source ? { source: sourceOf(kb, c.source, language) } : {}),
  });
  const triage = canton.triage;
  const notes: string[] = conflicts.map((c) => conflictNote(c, facts, language));
  if (triage.status === 'no-formal-criteria') notes.push(triage.reason[language]);
  else for (const e of triage.errata ?? []) notes.push(e.note[language]);
  const steps = nextSteps(kb, code, language);
  const all: Source[] = [triage.source, ...steps.sources];
  const sources = [...new Map(all.map((s) => [`${s.document}|${s.where}`, sourceOf(kb, s, language)])).values()];
  return {
    verdict: evaluation.verdict,
    ...(evaluation.tier ? { tier: evaluation.tier } : {}),
    canton: code,
    met: evaluation.met.map(line),
    unmet: evaluation.unmet.map(line),
    missing: evaluation.missing,
    nextSteps: steps.steps,
    sources,
    unknown: evaluation.unknown.map(line),
    notes,
    facts: factLines(facts, derived, language),
  };
}
