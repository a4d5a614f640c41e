// Whether each known error of the sources reaches the person who asks. For an erratum of a passage,
// the questions of its unit are asked (French, German, Italian, English) until an answer states it;
// for one of a block of the guide, the block as answers name it; for one of a canton's triage rule, the triage
// result of that canton. kb:check fails on an erratum nothing reaches; the tests hold the same.
import type { KnowledgeBase } from '../knowledge/loader.js';
import { passagesOf } from '../knowledge/passages.js';
import { LANGUAGES, type Erratum, type Language } from '../knowledge/schema.js';
import { topicKey } from '../knowledge/topics.js';
import { triageResult } from '../triage/result.js';
import type { Assistant } from './ask.js';
import { blockHeading } from './guide.js';

export interface ErratumReach {
  erratum: Erratum;
  /** Where it belongs, as a topic ("canton:AG:criteria", "block:D-1", "triage:VD"). */
  topic: string;
  /** What reaches it: a question (or a triage) whose answer states it. */
  reachedBy?: { question: string; language: Language };
}

interface Candidate {
  erratum: Erratum;
  topic: string;
  questions: { question: string; language: Language }[];
}

function candidates(kb: KnowledgeBase): Candidate[] {
  const byNote = new Map<string, Candidate>();
  const add = (erratum: Erratum, topic: string, questions: Candidate['questions']) => {
    const entry = byNote.get(erratum.note.fr) ?? { erratum, topic, questions: [] };
    entry.questions.push(...questions);
    byNote.set(erratum.note.fr, entry);
  };
  for (const p of passagesOf(kb)) {
    const questions = LANGUAGES.flatMap((language) => (p.questions?.[language] ?? []).map((question) => ({ question, language })));
    for (const erratum of p.errata) add(erratum, p.topic ?? topicKey(p.ref), questions);
  }
  for (const block of kb.indications.blocks) {
    for (const erratum of block.errata ?? []) add(erratum, `block:${block.id}`, LANGUAGES.map((language) => ({ question: blockHeading(block, language), language })));
  }
  return [...byNote.values()];
}

/** Each erratum of the base, once, with what reaches it (nothing, for one no answer states). */
export function errataReach(kb: KnowledgeBase, assistant: Assistant): ErratumReach[] {
  const asked: ErratumReach[] = candidates(kb).map(({ erratum, topic, questions }) => {
    const reachedBy = questions.find(({ question, language }) => {
      const answer = assistant.ask(question, { language });
      return answer.text.includes(erratum.note[answer.language]);
    });
    return { erratum, topic, ...(reachedBy ? { reachedBy } : {}) };
  });
  const triaged: ErratumReach[] = [...kb.cantons.values()].flatMap((canton) =>
    (canton.triage.status === 'no-formal-criteria' ? [] : (canton.triage.errata ?? [])).map((erratum) => {
      const language = LANGUAGES.find((l) => triageResult(kb, canton.code, {}, l).notes.includes(erratum.note[l]));
      return { erratum, topic: `triage:${canton.code}`, ...(language ? { reachedBy: { question: `triage ${canton.code}`, language } } : {}) };
    }),
  );
  return [...asked, ...triaged];
}
