// What a question about one canton's CII cases asks, from cue phrases kept as data per language
// (locales/<language>/facts.yaml, eligibility.*): whether a person with the facts it states is a
// case, whether the canton requires a fact, who is not a case, how many institutions must be
// involved; or, asking whether someone is a case without saying more, the canton's criteria.
import { cuePhrases, phrasesIn, statedFacts, type StatedFacts } from '../understanding/facts.js';
import type { Query } from '../understanding/query.js';

export type EligibilityQuestion =
  | { kind: 'verdict' | 'requirement'; stated: StatedFacts }
  | { kind: 'exclusions' | 'institutionCount' | 'criteria' };

const CUES = {
  ask: cuePhrases('eligibility.ask'),
  require: cuePhrases('eligibility.require'),
  exclusions: cuePhrases('eligibility.exclusions'),
  institutionCount: cuePhrases('eligibility.institutionCount'),
};

export function eligibilityQuestion(q: Query): EligibilityQuestion | undefined {
  const has = (name: keyof typeof CUES) => phrasesIn(q.words, CUES[name]).length > 0;
  // "Is this a CII case?" starts a triage in the chat; asked here, it is the same question.
  const ask = has('ask') || q.wantsTriage;
  // "How often does the group have to meet?" asks what a body does, not what a person must be.
  const require = has('require') && !q.wantsFrequency && !q.wantsDate && !q.wantsDuration;
  const criteria = q.topics.includes('criteria');
  const exclusions = has('exclusions');
  const count = has('institutionCount');
  // "How many CII cases did Zurich have?" counts cases: no question of who is one; "who are not CII cases" asks who.
  if (q.topics.includes('caseNumbers2022') && !count && !(exclusions && !q.wantsCount)) return undefined;
  if (!ask && !require && !criteria && !exclusions && !count) return undefined;
  const stated = statedFacts(q);
  // Criteria words alone describe no person to judge: a project's criteria for a group are asked so too.
  if (Object.keys(stated.facts).length > 0) {
    if (require && !ask) return { kind: 'requirement', stated };
    if (ask) return { kind: 'verdict', stated };
  }
  // "How many institutions" of a case, not of a canton's partners or a project's.
  if (count && (ask || require || criteria)) return { kind: 'institutionCount' };
  if (exclusions) return { kind: 'exclusions' };
  // Another topic first (the steps a CII case goes through) is that topic's question.
  if (ask && (q.topics.length === 0 || q.topics[0] === 'criteria')) return { kind: 'criteria' };
  return undefined;
}
