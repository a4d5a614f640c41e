// Yes/no questions about one canton's CII cases, answered from the canton's rule
// (knowledge/cantons/XX.yaml `triage:`): the verdict on the facts stated, the criteria that decide,
// the rule's source; exclusions, institution counts and requirements from the same rule.
import { describe, expect, it } from 'vitest';
import { Assistant } from '../../src/answers/ask.js';
import { CONFIDENCE_THRESHOLD } from '../../src/answers/search.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { statedFacts } from '../../src/understanding/facts.js';

const assistant = new Assistant(loadKnowledge());
const ask = (q: string) => assistant.ask(q);
const stated = (q: string) => statedFacts(assistant.understanding.read(q));
/** The line with the verdict, the second of the answer. */
const verdict = (q: string) => ask(q).text.split('\n')[1]!;
const TABLE_3 = '002_8cd2fce77ca12853.txt';

describe('the canton\'s verdict on the facts a question states', () => {
  it('in French: yes, no and what is still needed, with the criteria and the rule cited', () => {
    const geneva = ask('à Genève, une personne suivie par l’ORP et l’aide sociale, avec des problèmes de santé et des dettes, compte comme cas CII ?');
    expect(geneva.text.split('\n')[1]).toBe('Avec ces faits : Cas CII.');
    expect(geneva.text).toMatch(/✓ Au moins deux institutions partenaires sont concernées/);
    expect(geneva.sources[0]).toMatchObject({ document: TABLE_3 });
    expect(geneva.confidence).toBeGreaterThanOrEqual(CONFIDENCE_THRESHOLD);

    const glarus = ask('Glaris : ma cliente a une demi-rente AI, l’ORP et l’aide sociale la suivent ; peut-on la considérer comme un cas CII ?');
    expect(glarus.text.split('\n')[1]).toBe('Avec ces faits : Pas un cas CII.');
    expect(glarus.text).toMatch(/✗ Pas de rente \(même partielle\) perçue ni en cours de révision/);
    expect(glarus.sources.map((s) => s.where)).toContain('Tableau 3, l.541');

    const thurgau = ask('Thurgovie : une personne inscrite à l’ORP et à l’AI compte-t-elle comme cas CII ?');
    expect(thurgau.text.split('\n')[1]).toBe('Avec ce seul fait : Informations insuffisantes.');
    expect(thurgau.text).toMatch(/Il faut encore savoir : La personne présente-t-elle une problématique multiple \?/);
  });

  it('in German', () => {
    expect(verdict('Kanton Bern: eine Person ist beim RAV angemeldet und bezieht Leistungen der IV, gilt sie als IIZ-Fall?')).toBe('Mit dieser Angabe allein: IIZ-Fall.');
    const thurgau = ask('Thurgau: eine Person, die nur von der Sozialhilfe begleitet wird und mehrere Probleme hat – gilt sie als IIZ-Fall?');
    expect(thurgau.text.split('\n')[1]).toBe('Mit diesen Angaben: Kein IIZ-Fall.');
    expect(thurgau.text).toMatch(/✗ Mindestens zwei Partnerinstitutionen sind beteiligt/);
    expect(thurgau.text).toMatch(/✓ Mehrfachproblematik/);
    const zurich = ask('Zürich: eine motivierte Person mit Wohnsitz im Kanton, ist das ein IIZ-Fall?');
    expect(zurich.text.split('\n')[1]).toBe('Mit diesen Angaben: Ungenügende Angaben.');
    expect(zurich.text).toMatch(/Noch zu klären: /);
  });

  it('in Italian', () => {
    expect(verdict('Giura: una persona seguita dall’URC e dall’assistenza sociale è un caso CII?')).toBe('Con questo solo fatto: Caso CII.');
    const vaud = ask('Vaud: un beneficiario dell’assistenza sociale, occupabile, seguito solo dall’URC e dall’assistenza sociale, è un caso CII?');
    expect(vaud.text.split('\n')[1]).toBe('Con questi fatti: Non è un caso CII.');
    expect(vaud.text).toMatch(/✗ Almeno tre istituzioni sono coinvolte/);
    const geneva = ask('Ginevra: una persona seguita dall’AI e dall’assistenza sociale è un caso CII?');
    expect(geneva.text.split('\n')[1]).toBe('Con questo solo fatto: Informazioni insufficienti.');
    expect(geneva.text).toMatch(/Resta da sapere: Quali problemi sono presenti\?/);
  });

  it('in English', () => {
    expect(verdict('Thurgau: does a person registered with the RAV and on social assistance, with multiple problems, count as a CII case?')).toBe('With these facts: CII case.');
    const glarus = ask('Glarus: someone with a partial AI pension, followed by the ORP and social assistance: does that count as a CII case?');
    expect(glarus.text.split('\n')[1]).toBe('With these facts: Not a CII case.');
    expect(glarus.text).toMatch(/✗ No pension \(even partial\) received or under review/);
    // Social assistance and employability are met; whether a third institution is involved is not said.
    const vaud = ask('Vaud: is an employable person on social assistance a CII case?');
    expect(vaud.text.split('\n')[1]).toBe('With these facts: Insufficient information.');
    expect(vaud.text).toMatch(/Still to know: .*Which institutions currently follow the person\?/);
  });
});

describe('what a body has to do is no requirement on a person', () => {
  it('"how often do the ORP and social services have to meet?" is answered from the canton\'s facts, not as its criteria', () => {
    for (const question of ['Jura: how often do the ORP and social services have to meet?', 'Uri: wie oft müssen sich die Sozialversicherungsstelle und das RAV treffen?']) {
      const answer = ask(question);
      expect(answer.about, question).not.toMatchObject({ part: 'criteria' });
      expect(answer.text, question).not.toMatch(/not one of the canton's criteria|kein Kriterium des Kantons/);
    }
  });
});

describe('negation and "only"', () => {
  it('reads a negation shortly before a fact as its opposite, in every language', () => {
    expect(verdict('Valais : l’AC et l’AI suivent mon client, sa situation n’est pas complexe ; est-il un cas CII ?')).toBe('Avec ces faits : Cas CII — situation CII réseau.');
    expect(verdict('Im Wallis begleiten ALV und Sozialhilfe die Klientin, ihre Lage ist nicht komplex. Gilt sie als IIZ-Fall?')).toBe('Mit diesen Angaben: IIZ-Fall — IIZ-Netzwerksituation.');
    expect(verdict('Zurich: does someone who doesn’t live in the canton count as a CII case?')).toBe('With this fact alone: Not a CII case.');
    expect(stated('Glaris : une personne sans rente AI, suivie par l’ORP').facts).toMatchObject({ receivesOrUnderReviewAIPension: false, institutions: ['AC'] });
    // A negated institution is out of the list, the others stay open.
    const without = stated('Berne : une personne à l’ORP mais pas à l’aide sociale, compte comme cas CII ?');
    expect(without.facts.institutions).toEqual(['AC']);
    expect(without.absent.institutions).toEqual(['AS']);
    expect(without.open.institutions).not.toContain('AS');
  });

  it('reads "only" as the other institutions being absent; without it they stay open', () => {
    expect(verdict('Berne : une personne suivie seulement par l’ORP, est-ce un cas CII ?')).toBe('Avec ce seul fait : Pas un cas CII.');
    expect(verdict('Berne : une personne suivie par l’ORP, est-ce un cas CII ?')).toBe('Avec ce seul fait : Informations insuffisantes.');
    expect(stated('Thurgau: die Klientin ist nur beim RAV angemeldet').complete).toEqual(['institutions']);
    expect(stated('Giura: persona seguita solo dall’assistenza sociale').complete).toEqual(['institutions']);
    expect(ask('Berne : une personne suivie seulement par l’ORP, est-ce un cas CII ?').text).toMatch(/AC \/ ORP \(seulement\)/);
  });

  it('reads a fact whose phrase holds an institution as that fact ("rente AI" is a pension, not the AI following)', () => {
    expect(stated('Glaris : la personne perçoit une rente AI depuis 2020').facts).toEqual({ receivesOrUnderReviewAIPension: true });
    expect(stated('Person ist bei der Arbeitslosenversicherung angemeldet').facts).toEqual({ institutions: ['AC'] });
  });
});

describe('eligibility questions the topic words miss', () => {
  it('answers the verdict from the eligibility cue alone', () => {
    const question = 'in Bern, can I refer someone registered with the RAV and the IV?';
    expect(assistant.understanding.read(question).topics).not.toContain('criteria');
    const bern = ask(question);
    expect(bern.text.split('\n')[1]).toBe('With this fact alone: CII case.');
    expect(bern.confidence).toBeGreaterThanOrEqual(CONFIDENCE_THRESHOLD);
  });

  it("leaves a project the question names by its title to the project's own passage (who may join it is not who is a CII case)", () => {
    expect(ask('Basel-Stadt round table on career choice: who is eligible?').text).toMatch(/^\*\*Basel-Stadt — Coordination projects: Table ronde - Détection précoce des élèves\*\*/);
  });

  it('answers who is not a case from the rule\'s exclusions, or the criteria when it has none', () => {
    const glarus = ask('Glaris : qui est exclu des cas CII ?');
    expect(glarus.text).toMatch(/^\*\*Glaris — qui n'est pas un cas CII\*\*/);
    expect(glarus.text).toMatch(/• Rente AI perçue ou en révision/);
    expect(glarus.text).toMatch(/• Reconversion AI ou première formation achevée/);
    expect(ask('Glarus: who is excluded from being a CII case?').text).toMatch(/AI pension received or under review/);
    // Not being considered one, in each language's words.
    for (const [question, said] of [
      ['In Glarus, who is not considered to be a CII case under the rule?', /AI pension received or under review/],
      ['Glaris : quelles personnes ne sont pas considérées comme cas CII ?', /Rente AI perçue ou en révision/],
      ['Glarus: welche Personen gelten laut Regel nicht als IIZ-Fälle?', /IV-Rente bezogen oder in Revision/],
      ['Glarona: quali persone non vengono considerate casi CII dalla regola?', /Rendita AI percepita o in revisione/],
    ] as const) expect(ask(question).text, question).toMatch(said);
    const zurich = ask('Zurich: who is excluded from being a CII case?');
    expect(zurich.text).toMatch(/^\*\*Zurich — Criteria for a CII case\*\*/);
    expect(zurich.confidence).toBeGreaterThanOrEqual(CONFIDENCE_THRESHOLD);
  });

  it('answers how many institutions must be involved from the rule', () => {
    expect(ask('Vaud : combien d’institutions doivent être impliquées pour un cas CII ?').text).toMatch(/• Au moins trois institutions sont concernées/);
    expect(ask('how many institutions must be involved for a CII case in Geneva?').text).toMatch(/• At least two partner institutions are involved/);
    expect(ask('Luzern: wie viele Institutionen braucht es für einen IIZ-Fall?').text).toMatch(/^\*\*Luzern — Kriterien für einen IIZ-Fall\*\*/);
  });

  it('reads no exclusion into a common word a letter or two from its cue ("abgeschlossen" is not "ausgeschlossen")', () => {
    expect(ask('Mit welcher Organisation hat der Kanton Zug eine Leistungsvereinbarung abgeschlossen?').text).not.toMatch(/Kriterien für einen IIZ-Fall|wer kein IIZ-Fall ist/);
    expect(ask('Zug: wer ist als IIZ-Fall ausgeschlossen?').text).toMatch(/^\*\*Zug — /);
  });

  it('gives the rest of the rule beside the institutions asked for: a case must meet it too', () => {
    const vaud = ask('Waadt: wie viele Institutionen müssen für einen IIZ-Fall mitmachen?').text;
    expect(vaud).toMatch(/• Mindestens drei Institutionen sind beteiligt\nDie Kriterien des Kantons:\n• Bezieht Sozialhilfe\n• Anerkannte Arbeitsmarktfähigkeit/);
    // Glarus's exclusions come with what the rule asks of a case.
    expect(ask('Glaris : qui est exclu des cas CII ?').text).toMatch(/Les critères du canton/);
  });

  it('answers whether the canton requires a fact', () => {
    const zurich = ask('Zurich exige-t-il le consentement de la personne ?');
    expect(zurich.text).toMatch(/Accord à l'échange de données : oui, c'est un critère du canton/);
    expect(zurich.text).toMatch(/✓ Accord volontaire au suivi de cas CII et à l'échange de données/);
    const geneva = ask('does Geneva require consent to data exchange?');
    expect(geneva.text).toMatch(/Consent to data exchange: no, not one of the canton's criteria/);
    expect(geneva.text).toMatch(/• At least two of the four problems/);
    expect(ask('Verlangt Luzern einen Wohnsitz im Kanton?').text).toMatch(/Wohnsitz im Kanton: ja, ein Kriterium des Kantons/);
    expect(ask('il Vaud richiede l’assistenza sociale?').text).toMatch(/assistenza sociale: sì, è un criterio del cantone/);
  });

  it('leaves a requirement the rule does not decide to the canton\'s passage that holds the question (a commune paying, not a case\'s criteria)', () => {
    const aargau = ask('Im Aargau: muss eine Gemeinde zahlen, wenn sie eine Person aus der Sozialhilfe dem RAV zur Vermittlung übergibt?');
    expect(aargau.text).toMatch(/AmiPlus/);
    expect(aargau.text).not.toMatch(/Kriterien für einen IIZ-Fall/);
  });

  it('answers a canton without formal criteria with what the inventory says instead', () => {
    const aargau = ask('Argovie : une personne suivie par l’ORP et l’AI compte comme cas CII ?');
    expect(aargau.text).toMatch(/^\*\*Argovie — Critères d'un cas CII\*\*/);
  });
});
