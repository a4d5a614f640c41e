// The answerable units of the base: a canton's part, a coordination project, a report's section, an
// indication, an institution's rules, a principle, a glossary entry, a source document. Each may carry `questions:`,
// how people ask for it; kb:check prints how many units have them in each language.
import type { KnowledgeBase } from './base.js';
import { LANGUAGES, type Fact, type Language, type Questions } from './schema.js';

export interface Unit {
  /** Where the unit is, in words a coordinator finds it by: "cantons/GE.yaml inventory.steering". */
  where: string;
  questions?: Questions;
}

export function unitsOf(kb: KnowledgeBase): Unit[] {
  const units: Unit[] = [];
  for (const [code, canton] of kb.cantons) {
    for (const [part, value] of Object.entries(canton.inventory)) {
      units.push({ where: `cantons/${code}.yaml inventory.${part}`, ...('questions' in value && value.questions ? { questions: value.questions } : {}) });
      if ('items' in value) for (const p of value.items) units.push({ where: `cantons/${code}.yaml project ${p.id}`, ...(p.questions ? { questions: p.questions } : {}) });
    }
  }
  const documents = [['inventory.yaml', kb.inventory], ['neuchatel.yaml', kb.neuchatel], ['oias.yaml', kb.oias], ['national-programme.yaml', kb.nationalProgramme], ['guide.yaml', kb.guide]] as const;
  for (const [file, doc] of documents) for (const s of doc.sections) units.push({ where: `${file} section ${s.id}`, ...(s.questions ? { questions: s.questions } : {}) });
  for (const p of kb.inventory.unattributedProjects) units.push({ where: `inventory.yaml project ${p.id}`, ...(p.questions ? { questions: p.questions } : {}) });
  for (const i of kb.indications.indications) units.push({ where: `indications.yaml indication ${i.number}`, ...(i.questions ? { questions: i.questions } : {}) });
  for (const o of kb.organismes.organismes) units.push({ where: `organismes.yaml ${o.id}`, ...(o.questions ? { questions: o.questions } : {}) });
  kb.organismes.principles.forEach((p, i) => units.push({ where: `organismes.yaml principle ${i + 1}`, ...(p.questions ? { questions: p.questions } : {}) }));
  for (const e of kb.glossary.entries) units.push({ where: `glossary.yaml ${e.term}`, ...(e.questions ? { questions: e.questions } : {}) });
  for (const d of kb.sources.documents) units.push({ where: `sources.yaml ${d.file}`, ...(d.questions ? { questions: d.questions } : {}) });
  return units;
}

/** Per language: how many units have their questions, out of all. */
export function questionCoverage(kb: KnowledgeBase): Record<Language, { with: number; of: number; questions: number }> {
  const units = unitsOf(kb);
  return Object.fromEntries(
    LANGUAGES.map((l) => [l, { with: units.filter((u) => (u.questions?.[l].length ?? 0) >= 3).length, of: units.length, questions: units.reduce((n, u) => n + (u.questions?.[l].length ?? 0), 0) }]),
  ) as Record<Language, { with: number; of: number; questions: number }>;
}

/** Per language: the facts that carry ways of asking of their own (one fact of a unit holding several), and how many. */
export function factQuestionCoverage(kb: KnowledgeBase): Record<Language, { facts: number; questions: number }> {
  const facts: Fact[] = [
    ...[...kb.cantons.values()].flatMap((c) => Object.values(c.inventory).flatMap((v) => ('facts' in v ? (v.facts ?? []) : []))),
    ...[kb.inventory, kb.neuchatel, kb.oias, kb.nationalProgramme, kb.guide].flatMap((d) => d.sections.flatMap((s) => s.facts)),
    ...kb.organismes.organismes.flatMap((o) => o.rules),
    ...kb.indications.indications.flatMap((i) => i.examples ?? []),
  ];
  return Object.fromEntries(
    LANGUAGES.map((l) => [l, { facts: facts.filter((f) => (f.questions?.[l]?.length ?? 0) > 0).length, questions: facts.reduce((n, f) => n + (f.questions?.[l]?.length ?? 0), 0) }]),
  ) as Record<Language, { facts: number; questions: number }>;
}
