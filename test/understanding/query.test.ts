import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { Understanding } from '../../src/understanding/query.js';

const understanding = new Understanding(loadKnowledge());

describe('the words a question asks the answer to hold', () => {
  it('keeps the short word of a glossary term ("GP" of "GP CII"), which the passages about the term hold', () => {
    expect(understanding.read('il GP CII di Neuchâtel si trovava spesso?').meaningfulWords).toContain('gp');
    // A two-letter word outside a term stays out: "le", "in".
    expect(understanding.read('le GP CII in Neuchâtel').meaningfulWords).not.toContain('le');
  });

  it('reads two plain words a slash joins as either ("Sitzungen/Besuche"), and names a slash joins as what they name', () => {
    expect(understanding.read('EISP: wie oft Sitzungen/Besuche?').meaningfulWords).toContain('sitzungen|besuche');
    expect(understanding.read('EISP: wie oft Sitzungen und Besuche?').meaningfulWords).toEqual(expect.arrayContaining(['sitzungen', 'besuche']));
  });

  it('reads a name joined by underscores as a name: "MX_CII" is not the glossary term CII, and "MX" counts', () => {
    const q = understanding.read('le logiciel MX_CII sert à quoi ?');
    expect(q.glossaryTerms).not.toContain('CII');
    expect(q.meaningfulWords).toContain('mx');
  });

  it('drops what only says how sure the asker is, and a preposition fused with its article', () => {
    expect(understanding.read('le bureau CII du Jura existe encore je crois ?').meaningfulWords).not.toContain('crois');
    expect(understanding.read('was braucht es fürs Netzwerk in Neuenburg?').meaningfulWords).not.toContain('furs');
  });

  it('reads the documents a question names by one of their names, a year or not ("Faktenblatt 5", "rapport OIAS", "guide EISP")', () => {
    expect(understanding.read('was rät das Faktenblatt 5 den Stellen der IV?').documents).toEqual(['001_baac1f68b654dee4.txt']);
    expect(understanding.read('le rapport OIAS parle de quel budget ?').documents).toEqual(['004_838e575a30b3e445.txt']);
    // The office and its partners are named in that report alone: naming them names it.
    expect(understanding.read('les partenaires POIAS, on les rémunère sur quelle base ?').documents).toEqual(['004_838e575a30b3e445.txt']);
    expect(understanding.read('guide EISP : durée des conventions ?').documents).toEqual(['000_d12930a7fe8d9108.txt']);
    expect(understanding.read('qui dirige le bureau CII à Berne ?').documents).toBeUndefined();
    // The inventory calls itself an "état des lieux".
    expect(understanding.read("que dit l'état des lieux 2023 sur les bureaux CII ?").documents).toEqual(['002_8cd2fce77ca12853.txt']);
  });

  it('reads a code that is also an institution\'s abbreviation as the institution at the head of a compound ("SH-Klienten"), as a canton alone', () => {
    const compound = understanding.read('was gilt für SH-Klienten in Bern?');
    expect(compound.cantons).toEqual(['BE']);
    expect(compound.institutions).toContain('AS');
    expect(understanding.read('hat SH ein IIZ-Büro?').cantons).toEqual(['SH']);
  });

  it('counts an institution named twice ("EL/PC") once', () => {
    const words = understanding.read('Bern EL/PC Projekte').meaningfulWords;
    expect(words.filter((w) => w.split('|').includes('el')).length).toBe(1);
  });
});

describe('cue words', () => {
  it('reads a place of a document with its number as the sources write places ("Kapitel 5" as ch. 5), not as words to find', () => {
    const de = understanding.read('Was sagt Kapitel 5 des Leitfadens zur Partnerschaft?');
    expect(de.locators).toEqual([['ch', '5']]);
    expect(de.meaningfulWords).not.toContain('5');
    expect(de.meaningfulWords).not.toContain('kapitel');
    expect(understanding.read("que dit la section 3.2 de l'inventaire ?").locators).toEqual([['section', '3', '2']]);
    expect(understanding.read('tabella 6, quali progetti?').locators).toEqual([['tableau', '6']]);
    // A kind of place without a number is a word like any other.
    expect(understanding.read('which chapter covers reporting?').locators).toEqual([]);
  });

  it('reads a short cue as a whole word only: "no" is no negation in "norme", "not" none in "notes"', () => {
    const q = understanding.read('quelle norme pour les comptes des EISP ?');
    expect(q.meaningfulWords).toContain('norme');
    expect(q.negated).toBe(false);
    expect(understanding.read('cantons with no steering committee').negated).toBe(true);
  });

  it('reads "how long" as asking for a duration, not a count, and drops words that only say how often something holds', () => {
    for (const text of ['combien de temps dure en principe une convention AI ?', 'wie lange gilt normalerweise eine IV-Vereinbarung?', 'quanto tempo vale di solito una convenzione AI?', 'how long does an IV agreement usually run?']) {
      const q = understanding.read(text);
      expect(q.wantsDuration, text).toBe(true);
      expect(q.wantsCount, text).toBe(false);
      expect(q.meaningfulWords.some((w) => ['normalerweise', 'solito', 'usually'].includes(w)), text).toBe(false);
    }
    expect(understanding.read('combien de cantons ont un bureau CII ?').wantsCount).toBe(true);
  });

  it('reads "à quel rythme", "in welchem Rhythmus", "con che ritmo", "at what interval" as asking how often', () => {
    for (const text of ['les bilans ORP, à quel rythme ?', 'Gespräche beim RAV: in welchem Rhythmus?', 'colloqui URC: con che ritmo?', 'RAV interviews: at what interval?']) {
      expect(understanding.read(text).wantsFrequency, text).toBe(true);
    }
  });

  it('reads "alle wie viele Jahre", "ogni quanti anni", "every how many years" as asking how often', () => {
    for (const text of ['alle wie viele Jahre trifft sich die Gruppe?', 'la strategia, ogni quanti anni?', 'every how many years is the plan renewed?']) {
      expect(understanding.read(text).wantsFrequency, text).toBe(true);
    }
  });

  it('reads a definition cue before the cantons as asking for the cantons ("c\'est quoi les cantons qui…")', () => {
    const q = understanding.read("c'est quoi les cantons qui ont un bureau CII ?");
    expect(q.wantsDefinition).toBe(false);
    expect(q.wantsList).toBe(true);
    expect(understanding.read("c'est quoi un bureau CII ?").wantsDefinition).toBe(true);
  });

  it('reads "who is the (CII) coordinator" as asking for a person, "who is responsible" not', () => {
    for (const text of ['qui est la coordinatrice CII de Lucerne ?', 'wer ist der IIZ-Koordinator im Thurgau?', 'chi è il coordinatore nel Ticino?', 'who is the CII coordinator in Zug?']) {
      expect(understanding.read(text).wantsPerson, text).toBe(true);
    }
    expect(understanding.read('chi è responsabile della CII nel Ticino?').wantsPerson).toBe(false);
  });

  it('reads coordination projects as projects first, not as the coordinator, in every language', () => {
    for (const text of ['projets de coordination à Berne', 'Koordinationsprojekte in Bern', 'progetti di coordinamento a Berna', 'coordination projects in Bern']) {
      expect(understanding.read(text).topics[0], text).toBe('projects');
    }
    expect(understanding.read('qui est le coordinateur CII à Berne ?').topics[0]).toBe('coordinator');
  });

  it('reads a period stated to check it as asking how often, unless the question asks another kind of fact', () => {
    expect(understanding.read("le groupe de pilotage se réunit chaque année, c'est ça ?").wantsFrequency).toBe(true);
    const share = understanding.read("quelle part des bénéficiaires de l'aide sociale s'inscrit chaque année à l'AI ?");
    expect([share.wantsShare, share.wantsFrequency]).toEqual([true, false]);
    expect(understanding.read('how many people register each year with the RAV?').wantsFrequency).toBe(false);
  });

  it('reads the conditions for a case as the criteria in every language', () => {
    for (const text of ['quelles sont les conditions à Zoug ?', 'welche Bedingungen gelten in Zug?', 'quali sono le condizioni a Zugo?', 'what are the conditions in Zug?']) {
      expect(understanding.read(text).topics, text).toContain('criteria');
    }
  });

  it('takes no word the base knows for a misspelt topic cue: "comptes" is not "comité", "guide" not "guida"', () => {
    expect(understanding.read('le guide et la présentation des comptes', 'fr').topics).toEqual([]);
    // A word the base does not know still may be one: "comitte".
    expect(understanding.read('qui est dans le comitte de Genève ?', 'fr').topics).toContain('steering');
  });

  it('reads the German verb forms of developing as the development topic ("entwickelt", "weiterentwickeln")', () => {
    for (const text of ['Wie entwickelt der Kanton Uri seine IIZ?', 'Wie will Genf die IIZ weiterentwickeln?']) {
      expect(understanding.read(text, 'de').topics, text).toContain('development');
    }
  });

  it('reads a pilot (a trial) as no steering in English and Italian, where the word never names it', () => {
    expect(understanding.read('is that project still a pilot?', 'en').topics).not.toContain('steering');
    expect(understanding.read('è ancora un progetto pilota?', 'it').topics).not.toContain('steering');
    expect(understanding.read('chi guida il pilotaggio?', 'it').topics).toContain('steering');
    expect(understanding.read('who is on the steering committee?', 'en').topics).toContain('steering');
  });

  it('reads an indication\'s number after its word misspelt once ("Hinwais 7", "indicazoine 7"), not after another word', () => {
    expect(understanding.read('Was sagt Hinwais 7 genau?').indications).toEqual([7]);
    expect(understanding.read("cosa dice l'indicazoine 7?").indications).toEqual([7]);
    expect(understanding.read('and indcation 7, what does it say?').indications).toEqual([7]);
    expect(understanding.read('Was steht in Kapitel 7?').indications).toEqual([]);
    expect(understanding.read('was sagt Hinweisung 7?').indications).toEqual([]);
  });

  it('places a question about an institution\'s agreements in the EISP guide, its words misspelt or not', () => {
    expect(understanding.read('IV: was muss im Vertarg stehen?').inGuide).toBe(true);
    expect(understanding.read('AI : que doit prévoir la convention ?').inGuide).toBe(true);
    expect(understanding.read("Which social enterprise rules apply to the IV?").inGuide).toBe(true);
    expect(understanding.read('Wer leitet die IV im Kanton Bern?').inGuide).toBe(false);
    // Benefits ("prestazioni", "Leistungen") are not the guide's agreements; its service providers are.
    expect(understanding.read("ogni anno quante persone senza diritto a prestazioni si iscrivono all'URC?").inGuide).toBe(false);
    expect(understanding.read('Wie viele Leistungsbezüger hat die IV?').inGuide).toBe(false);
    expect(understanding.read('Was muss ein Leistungserbringer der IV liefern?').inGuide).toBe(true);
    expect(understanding.read('IV: Was gehört in die Leistungsvereinbarung?').inGuide).toBe(true);
  });

  it('reads the percent sign as asking for a share, and a cue said twice as a cue both times', () => {
    const q = understanding.read('wieviel % der Koordinatoren beim RAV und wieviel bei der IV?');
    expect(q.wantsShare).toBe(true);
    expect(q.contentWords).not.toContain('wieviel');
    expect(understanding.read('quel % des EISP travaillent avec deux organismes ?').wantsShare).toBe(true);
  });

  it("keeps an Italian question's alternatives asked (\"oppure qualcos'altro\") out of what it is about", () => {
    const q = understanding.read("Il Ticino ha un comitato di pilotaggio CII oppure qualcos'altro?");
    expect(q.contentWords).not.toContain('oppure');
    expect(q.contentWords).not.toContain('qualcos');
  });
});

describe('cantons told in a situation before a question asking for cantons', () => {
  it("leaves out the asker's canton, named as a place, and keeps one named by its adjective, which is what is spoken of", () => {
    expect(understanding.read('Bei uns in Zug gibt es Arbeitsgruppen. Welche Kantone haben eine IIZ-Fachstelle?').cantons).toEqual([]);
    expect(understanding.read('Ich schreibe eine Seminararbeit über das Neuenburger Réseau CII. Welche Kantone hat man 2012 besucht?').cantons).toEqual(['NE']);
  });
});

describe('an example asked for', () => {
  // Asked by "as an example", "ein Beispiel", "des exemples"; not by "zum Beispiel" or "for instance", which give one.
  it.each([
    ['welche Norm nennt der Leitfaden als Beispiel?', true],
    ['donne-moi des exemples de groupes cibles', true],
    ['which standard is given as an example?', true],
    ['wer leitet zum Beispiel die IIZ in Bern?', false],
    ['for instance, who steers CII in Bern?', false],
  ])('%s → %s', (question, asked) => {
    expect(understanding.read(question).wantsExample).toBe(asked);
  });
});

describe('modal verbs in every person and tense', () => {
  it('are how a question is asked, not what it asks: no word the search weighs', () => {
    const modals = ['dovevano', 'potranno', 'possiamo', 'devaient', 'pourront', 'devons'];
    for (const text of ['Le persone in assistenza dovevano lavorare al 60 %?', 'Quali cantoni potranno aderire e cosa possiamo fare?', 'Les cantons devaient-ils annoncer leurs cas ? Pourront-ils le faire ? Que devons-nous savoir ?']) {
      const q = understanding.read(text);
      expect(q.contentWords.filter((w) => modals.includes(w)), text).toEqual([]);
    }
  });
});
