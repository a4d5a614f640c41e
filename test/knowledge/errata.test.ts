// Every known error of the sources reaches the person who asks, whichever fact answers: the walk
// over every erratum of the base, and the cases found by the outside audit, in French and German.
import { describe, expect, it } from 'vitest';
import { Assistant } from '../../src/answers/ask.js';
import { errataReach } from '../../src/answers/errata-reach.js';
import { Bot } from '../../src/bot.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { fold } from '../../src/understanding/normalize.js';
import { LowStore } from '../../src/store/lowdb.js';

const kb = loadKnowledge();
const assistant = new Assistant(kb);
const ask = (q: string) => fold(assistant.ask(q).text);
const holds = (text: string, ...parts: string[]) => parts.every((p) => text.includes(fold(p)));

describe('errata', () => {
  it('each one, of every topic, is stated by the answer to a question of its topic', () => {
    const reach = errataReach(kb, assistant);
    expect(reach.length).toBeGreaterThan(150);
    expect(reach.filter((r) => !r.reachedBy).map((r) => `${r.topic}: ${r.erratum.note.fr.slice(0, 80)}`)).toEqual([]);
  }, 60_000);

  it('the national CII beginnings: 2010 and 2011 side by side, and a follow-up "2010 or 2011?" answered', async () => {
    expect(holds(ask('depuis quand existe la CII nationale ?'), '2010', '2011', 'datent différemment')).toBe(true);
    expect(holds(ask('seit wann gibt es die nationale IIZ?'), '2010', '2011', 'unterschiedlich')).toBe(true);
    const bot = new Bot(kb, LowStore.inMemory());
    await bot.handle({ conversationId: 'dates', text: 'depuis quand existe la CII nationale ?' });
    const [reply] = await bot.handle({ conversationId: 'dates', text: '2010 ou 2011 ?' });
    expect(reply?.kind === 'answer' && holds(fold(reply.answer.text), 'décembre 2010', 'depuis 2011')).toBe(true);
  });

  it('a project asked by its other spelling is found, with the spelling difference', () => {
    expect(holds(ask("c'est quoi le Pool Insertion+ ?"), 'Pôle Insertion +', 'Pool Insertion+')).toBe(true);
    expect(holds(ask('was ist der Pool Insertion+ in Freiburg?'), 'Pôle Insertion +', 'Pool Insertion+')).toBe(true);
    expect(holds(ask('IncORPore Jura'), 'IncORP Coaching PPI', 'IncORPore')).toBe(true);
    expect(holds(ask('Projekt IncORPore im Jura'), 'IncORP Coaching PPI', 'IncORPore')).toBe(true);
  });

  it("Aargau without formalised structures: the AR row's translation error is said", () => {
    expect(holds(ask("l'Argovie n'a pas de structures CII formalisées ?"), 'Appenzell', "erreur de traduction")).toBe(true);
    expect(holds(ask('hat der Aargau keine formalisierten IIZ-Strukturen?'), 'Appenzell', 'Übersetzungsfehler')).toBe(true);
  });

  it('answers leaning on Figure 2 say it is empty', () => {
    expect(holds(ask("quels cantons ont un arrêté du Conseil d'État sur la CII ?"), 'figure 2', 'vide')).toBe(true);
    expect(holds(ask('welche Kantone haben einen Regierungsratsbeschluss zur IIZ?'), 'Abbildung 2', 'leer')).toBe(true);
  });

  it("Aargau's criteria: no classic definition against the condition of section 2.4.1", () => {
    expect(holds(ask('critères cas CII Argovie'), 'classique', '2.4.1', "ne dit pas")).toBe(true);
    expect(holds(ask('Kriterien IIZ-Fall Aargau'), 'klassische', '2.4.1', 'sagt das Inventar nicht')).toBe(true);
  });

  it("Basel-Landschaft's assessment centre is a plan, not a fact", () => {
    const fr = ask("centre d'évaluation Bâle-Campagne");
    expect(holds(fr, "d'ici 2024", 'doit offrir', 'décrit un projet')).toBe(true);
    expect(fr).not.toMatch(/institution offre au groupe cible/);
    expect(holds(ask('Abklärungszentrum Basel-Landschaft'), 'bis 2024', 'Vorhaben')).toBe(true);
  });

  it('section 3.3 asked directly says its title differs from Tableau 6', () => {
    expect(holds(ask('interface avec les prestations complémentaires section 3.3'), "entre l'AI et les PC", "entre l'AC et les PC")).toBe(true);
    expect(holds(ask('Schnittstelle Ergänzungsleistungen Abschnitt 3.3'), 'zwischen IV und EL', 'zwischen ALV und EL')).toBe(true);
  });
});
