// Follow-up questions: a short question that leaves its subject unsaid inherits it from the answer
// before, in the same conversation only, and a question that says what it is about stands alone.
import { describe, expect, it } from 'vitest';
import { Bot, type Reply } from '../../src/bot.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { LowStore } from '../../src/store/lowdb.js';

const kb = loadKnowledge();
const bot = new Bot(kb, LowStore.inMemory());
let n = 0;

/** A new conversation: each call asks the next turn in it. */
function conversation() {
  const id = `ctx-${++n}`;
  return async (text: string, language?: 'fr' | 'de' | 'it' | 'en') => {
    const [reply] = await bot.handle({ conversationId: id, text, ...(language ? { language } : {}) });
    return reply as Extract<Reply, { kind: 'answer' }>;
  };
}

/** The text of the second answer of a new two-turn conversation. */
async function secondText(first: string, then: string): Promise<string> {
  const ask = conversation();
  await ask(first);
  return (await ask(then)).answer.text;
}

/** Two-turn conversations, each second answer opening with the heading given. */
async function expectSecondHeadings(cases: readonly (readonly [string, string, string])[]): Promise<void> {
  for (const [first, then, heading] of cases) expect(await secondText(first, then), then).toMatch(new RegExp(`^\\*\\*${heading}\\*\\*`));
}

describe('follow-up questions', () => {
  it('"et à Zurich ?" after Geneva\'s criteria gives Zurich\'s criteria, not its whole profile', async () => {
    const ask = conversation();
    expect((await ask('critères cas CII Genève')).answer.text).toMatch(/^\*\*Genève — Critères d'un cas CII\*\*/);
    const zurich = await ask('et à Zurich ?');
    expect(zurich.answer.text).toMatch(/^\*\*Zurich — Critères d'un cas CII\*\*/);
    expect(zurich.answer.text).not.toMatch(/Ancrage politique/);
  });

  it('"und die nächste?" after indication 12 gives indication 13; "e la 20?" moves to that one', async () => {
    const ask = conversation();
    await ask('Hinweis 12 im USBI-Leitfaden');
    expect((await ask('und die nächste?')).answer.text).toMatch(/^\*\*13\./);
    expect((await ask('e la 20?', 'it')).answer.text).toMatch(/^\*\*20\./);
  });

  it('a count of the guide\'s indications after a canton\'s answer is a new subject, whatever article it uses ("le guide")', async () => {
    const ask = conversation();
    await ask('qui pilote la CII à Zurich ?');
    expect((await ask("combien d'indications compte le guide EISP ?")).answer.text).toMatch(/compte 44 indications/);
  });

  it('"the one after?", "und der danach?", "e quella dopo?" after an indication give the one that follows; "the one before?" the one before', async () => {
    for (const [first, then, language, next] of [
      ['indication 20 of the EISP guide', 'and the one after?', 'en', 21],
      ['Hinweis 7 im USBI-Leitfaden', 'und der danach?', 'de', 8],
      ['indicazione 30 della guida', 'e quella dopo?', 'it', 31],
      // Any inflection of the word: "im nächsten", "les suivantes".
      ['Hinweis 11 im USBI-Leitfaden', 'und beim nächsten?', 'de', 12],
      ['Hinweis 15 im USBI-Leitfaden', 'und im vorigen?', 'de', 14],
      // "The one before", as each language says it.
      ['indication 33 of the EISP guide', 'and the one before?', 'en', 32],
      ['Hinweis 9 im USBI-Leitfaden', 'und der davor?', 'de', 8],
      ["indication 27 du guide EISP", "et celle d'avant ?", 'fr', 26],
      ['indicazione 40 della guida', 'fammi vedere quella di prima', 'it', 39],
    ] as const) {
      const ask = conversation();
      await ask(first, language);
      expect((await ask(then, language)).answer.text).toMatch(new RegExp(`^\\*\\*${next}\\.`));
    }
  });

  it('"und was gilt bei der Invalidenversicherung?" after one rule of the ALV for agreements with EISP gives the IV\'s rule on the same', async () => {
    for (const [first, then, language, said] of [
      ['ALV: Dauer und Kündigung von Leistungsvereinbarungen mit USBI in der Praxis?', 'und was gilt bei der Invalidenversicherung?', 'de', /IV – Dauer und Kündigung.*31\. Juli/],
      ['AC, durée et résiliation des conventions EISP en pratique ?', "et pour l'AI ?", 'fr', /AI – durée et résiliation.*31 juillet/],
    ] as const) {
      const ask = conversation();
      await ask(first, language);
      const { answer } = await ask(then, language);
      expect(answer.about).toEqual({ kind: 'organisme', id: 'ai' });
      expect(answer.text).toMatch(said);
    }
  });

  it('the same institution named again with words of its own asks within its rules, not for the like of the last one', async () => {
    for (const [first, then, language, said] of [
      ["Conventions de l'AI avec les prestataires: que fixent les conditions générales ?", "et d'après elles, que doit transmettre le prestataire à l'office AI ?", 'fr', /^• AI, rapports.*rapport annuel/m],
      ['IV: Leistungsvereinbarungen mit Anbietern, was regeln die CG?', 'und was muss der Anbieter laut ihnen der IV-Stelle einreichen?', 'de', /^• IV, Berichterstattung.*Jahresbericht/m],
      // Named by a term that is one of its names ("IV-Stelle"), the institution is still the subject.
      ['IV-Stelle: was muss ein Anbieter für das Reporting einreichen?', 'und wie beurteilt die IV-Stelle das?', 'de', /^• IV, Berichterstattung.*Jahresbericht/m],
    ] as const) {
      const ask = conversation();
      await ask(first, language);
      const { answer } = await ask(then, language);
      expect(answer.about).toEqual({ kind: 'organisme', id: 'ai' });
      expect(answer.text.split('\n')[1], then).toMatch(said);
    }
  });

  it('a verb asked finds the noun its rule writes ("interrompt": "interruption")', async () => {
    expect((await secondText("Selon les CG de l'AI, comment les EISP sont-elles payées ?", 'et quand le participant interrompt sa mesure ?')).split('\n')[1]).toMatch(/^• AI – financement.*interruption/);
  });

  it("another institution after one institution's rule gives its rule most alike, not a long one sharing common words", async () => {
    expect((await secondText("Comment l'AI finance-t-elle les EISP ?", "et l'AC ?")).split('\n')[1]).toMatch(/^• AC – prix et utilisation des excédents/);
  });

  it('reads "wie siehts damit aus?" as asking about the noun alone, within the last answer', async () => {
    expect(await secondText('Welche Laufzeit empfiehlt der Leitfaden für Leistungsvereinbarungen?', 'und die Verlängerung, wie siehts damit aus?')).toMatch(/^\*\*39\. Weiterführung bewährter Regelungen\*\*/);
  });

  it('counts the list of cantons before when asked how many they are, in any language', async () => {
    expect(await secondText('Quali cantoni hanno un comitato di pilotaggio?', 'e quanti sono?')).toMatch(/^\*\*Cantoni \(22\): ✓ comitato di pilotaggio\*\*/);
    expect(await secondText('Quels cantons ont des projets de coordination avec la migration ?', 'et ça représente combien de cantons ?')).toMatch(/^\*\*Cantons \(\d+\): ✓ projets de coordination signalés/);
  });

  it('reads "anfangs" as the "zunächst" the report writes (at first, initially)', async () => {
    expect((await secondText('Was war NE-ESO?', 'und anfangs für welches Alter?')).split('\n')[1]).toMatch(/^• Alter: NE-ESO richtete sich zunächst/);
  });

  it('after a term\'s definition, a question the definition does not answer goes to what the base says of that term elsewhere', async () => {
    await expectSecondHeadings([['what does DSAS stand for?', 'what concept did it develop?', 'Social enterprises: NE-ESO project']]);
  });

  it('a follow-up may be about what the answer before showed beside its first passage, as close to its question', async () => {
    const answer = await secondText('Schutzstatus S: was hat der Bund im Mai 2024 beschlossen?', 'ab wann gilt das geänderte Gesetz?');
    expect(answer).toMatch(/^\*\*Schnittstelle ALV – Migration \(3\.4\)\*\*/);
    expect(answer).toMatch(/Ende 2025/);
  });

  it('after what an abbreviation means, "and <another>?" asks what that one means', async () => {
    await expectSecondHeadings([['que veut dire CDAS ?', 'et CSIAS ?', "CSIAS: Conférence suisse des institutions d'action sociale"]]);
  });

  it('after an indication, a follow-up that the next indication answers goes on to it (the indicators, then their target values)', async () => {
    await expectSecondHeadings([
      ['indicatori della indicazione 10?', 'e i valori obiettivo per la soddisfazione?', '11\\. Raggiungimento atteso degli obiettivi con valori obiettivo adeguati'],
      ['which indicators does the guide list under indication 10?', 'and typical target values for satisfaction?', '11\\. Expected goal attainment with appropriate target values'],
    ]);
  });

  it('asked in which canton a project is, gives that project again, its heading naming the canton', async () => {
    expect(await secondText('Tell me about the project called Kooperation Arbeitsmarkt.', 'which canton is that in?')).toMatch(/^\*\*Aargau — Coordination projects: Coopération sur le marché du travail\*\*/);
  });

  it('after a count of cantons, counts cantons again by what the next question names, without "cantons"', async () => {
    expect(await secondText('Wie viele Kantone haben einen Steuerungsausschuss?', 'und wie viele haben eine Fallplattform?')).toMatch(/^\*\*Kantone \(5\): ✓ elektronische Fallführungsplattform\*\*/);
  });

  it('after a list of cantons, "and which have …?" lists cantons again by what it names', async () => {
    expect(await secondText('Welche Kantone haben ein IIZ-Büro?', 'und welche haben eine Fallplattform?')).toMatch(/^\*\*Kantone \(5\): ✓ elektronische Fallführungsplattform\*\*/);
    expect(await secondText('Which cantons have a CII bureau?', 'and which ones have no steering committee?')).toMatch(/^\*\*Cantons \(3\): ✗ steering committee\*\*/);
  });

  it('after a list of cantons, "which of them have …?" lists those of them that have it too', async () => {
    expect(await secondText('Which cantons have a CII bureau?', 'which of them have a case platform?')).toMatch(/^\*\*Cantons \(3\): ✓ CII bureau and ✓ electronic case-management platform\*\*/);
  });

  it('reads English possessive pronouns ("theirs") as pointing back, not as words to find', async () => {
    expect(await secondText("What is Geneva's case-management platform?", 'and in Zug, how is theirs named?')).toMatch(/^\*\*Zug — Case-management platform\*\*/);
  });

  it('an institution named after an indication whose examples are each an institution\'s practice gives that institution\'s example', async () => {
    const ask = conversation();
    expect((await ask('Hinweis 38 im USBI-Leitfaden')).answer.text).toMatch(/^\*\*38\./);
    const { answer } = await ask('und für die Invalidenversicherung?');
    expect(answer.about).toEqual({ kind: 'indication', number: 38 });
    expect(answer.text.split('\n')[1]).toMatch(/^• IV: .*unbefristet/);
  });

  it('a topic asked in everyday words after a canton\'s answer stays in that canton ("chi si occupa della strategia?")', async () => {
    await expectSecondHeadings([['Lucerna: come funziona la collaborazione CII?', 'chi si occupa della strategia?', 'Lucerna — .*']]);
  });

  it('a follow-up in everyday words only, however many, stays with the document of the answer before', async () => {
    const ask = conversation();
    await ask('Rapport neuchâtelois 2013 : en quoi consistait le projet NE-ESO ?');
    const then = await ask('combien de personnes ont trouvé du travail au final ?');
    expect(then.answer.sources.map((s) => s.document)).toContain('003_041baf53ccf6f6bd.txt');
  });

  it('a follow-up after a canton\'s answer is not answered from another canton\'s report (Neuchâtel\'s), unless it names it', async () => {
    await expectSecondHeadings([['Welche Koordinationsprojekte gibt es im Aargau?', 'für welche Altersgruppe?', 'Aargau — .*']]);
    const named = await secondText('Welche Koordinationsprojekte gibt es im Aargau?', 'und im Neuenburger IIZ-Bericht, für welche Altersgruppe war NE-ESO?');
    expect(named).not.toMatch(/^\*\*Aargau/);
  });

  it('asked how often a canton\'s steering body meets, does not take criteria to be "réunis" for a meeting', async () => {
    const text = await secondText('Wer ist im Luzerner IIZ-Steuerungsgremium?', 'und wie oft trifft es sich?');
    expect(text).not.toMatch(/^\*\*Luzern — Kriterien/);
  });

  it('a follow-up stays with the subject of the answer before where nothing in it names another', async () => {
    for (const [first, then, about, said] of [
      // The canton a report is about, named after one of its sections: the report still.
      ["rapport neuchâtelois 2013 : l'expérience MAMAC, c'était quoi ?", "et à Neuchâtel, qu'est-ce qui a pris le relais ?", { kind: 'document', doc: 'neuchatel', section: 'reseau-cii' }, /Réseau CII/],
      // Words of its own after an indication: looked for in that indication first.
      ['indication 13 of the EISP guide', 'any examples for the IT sector?', { kind: 'indication', number: 13 }, /IT sector/],
      // Pointing back in everyday words after a report's section: that report.
      ['OIAS Bern : quels défauts a la rémunération actuelle des partenaires ?', 'et le projet, il change quoi ?', { kind: 'document', doc: 'oias', section: 'project' }, /POIAS/],
    ] as const) {
      const ask = conversation();
      await ask(first);
      const { answer } = await ask(then);
      expect(answer.about, then).toEqual(about);
      expect(answer.text, then).toMatch(said);
    }
  });

  it('"und zwischen IV und Sozialhilfe?" after a count of projects between two institutions counts those between the two named', async () => {
    const ask = conversation();
    const first = await ask('wie viele Koordinationsprojekte zwischen ALV und Sozialhilfe?');
    const then = await ask('und zwischen IV und Sozialhilfe?');
    const count = (text: string) => Number(/Koordinationsprojekte: (\d+)/.exec(text)?.[1]);
    const aiAs = [...kb.cantons.values()].flatMap((c) => (c.inventory.projects.status === 'reported' ? c.inventory.projects.items : [])).filter((p) => p.table === 8).length + kb.inventory.unattributedProjects.filter((p) => p.table === 8).length;
    expect(count(first.answer.text)).toBeGreaterThan(0);
    expect(count(then.answer.text)).toBe(aiAs);
    expect(then.answer.text).toMatch(/Basel-Stadt/);
  });

  it('"anything similar in Fribourg?" after one project of another canton gives that canton\'s projects', async () => {
    const ask = conversation();
    expect((await ask("what does Jura's IncORPore do?")).answer.text).toMatch(/^\*\*Jura — Coordination projects: IncORP/);
    expect((await ask('anything similar in Fribourg?')).answer.text).toMatch(/^\*\*Fribourg — Coordination projects\*\*/);
  });

  it('"und Waadt?" after projects found for a question whose words named another part gives Vaud\'s projects', async () => {
    const ask = conversation();
    expect((await ask('wie läuft es in Bern zwischen RAV und Sozialhilfe?')).answer.text).toMatch(/^\*\*Bern — Koordinationsprojekte/);
    expect((await ask('und Waadt?')).answer.text).toMatch(/^\*\*Waadt — Koordinationsprojekte/);
  });

  it('after a short list of cantons, a question naming none asks about those cantons; one asking which canton asks among all', async () => {
    const ask = conversation();
    expect((await ask('Kantone mit einer gemeinsamen Charta?')).answer.text).toMatch(/Thurgau \(TG\)/);
    const them = (await ask('und wer koordiniert?')).answer.text;
    for (const name of ['Thurgau', 'Wallis']) expect(them).toMatch(new RegExp(`\\*\\*${name} — `));
    const again = conversation();
    await again('Kantone mit einer gemeinsamen Charta?');
    expect((await again('und welcher Kanton hat eine Plattform?')).answer.text).not.toMatch(/^\*\*Aargau/);
  });

  it('"und der nächste Block?" after a block of the model agreement gives the next block; a German "Indikation" is an indication', async () => {
    const ask = conversation();
    expect((await ask('Block E im USBI-Leitfaden')).answer.text).toMatch(/^\*\*Block E:/);
    expect((await ask('und der nächste Block?')).answer.text).toMatch(/^\*\*Block F-1:/);
    expect((await ask('Indikation 3')).answer.text).toMatch(/^\*\*3\./);
  });

  it('"und der nächste Grundsatz?", "e quello dopo?" after one of the guide\'s principles give the one after it in its chapter', async () => {
    await expectSecondHeadings([
      ['Was bedeutet der Grundsatz zur Beschränkung auf das Wesentliche?', 'und der nächste Grundsatz?', 'Berücksichtigung der Vielfalt'],
      ["cosa dice il principio sull'approccio globale?", 'e quello dopo?', 'Orientamento agli obiettivi e ai risultati'],
    ]);
  });

  it('a part of the canton the follow-up names wins against the last answer when both hold its words', async () => {
    await expectSecondHeadings([
      ['Valais, nombre de cas CII pour 2022 ?', 'et avec quelle plateforme de gestion des cas ?', 'Valais — Plateforme de gestion des cas'],
      ['Quanti casi CII a Zurigo nel 2022?', 'e quale piattaforma di gestione dei casi usano?', 'Zurigo — Piattaforma di gestione dei casi'],
    ]);
  });

  it('a follow-up in everyday words only points back as a pronoun would: Italian drops it ("come si chiama?")', async () => {
    await expectSecondHeadings([['Il Canton Zugo ha una piattaforma elettronica per i casi CII?', 'come si chiama?', 'Zugo — Piattaforma di gestione dei casi']]);
  });

  it('"and its case numbers?" keeps the canton of the answer before', async () => {
    const ask = conversation();
    await ask('who steers the CII in Valais?');
    const numbers = await ask('and its case numbers?');
    expect(numbers.answer.text).toMatch(/^\*\*Valais — Case numbers in 2022\*\*/);
  });

  it('"qui le préside ?" looks in the answer before first', async () => {
    const ask = conversation();
    await ask('qui pilote la CII à Genève ?');
    const chair = await ask('qui le préside ?');
    expect(chair.answer.text).toMatch(/présidé par l'adjoint de direction de l'office de l'action, de l'insertion et de l'intégration sociales/);
  });

  it('a question pointing back with a pronoun stays on the answer before even when it names none of its words', async () => {
    const ask = conversation();
    await ask('who steers CII in Uri?');
    const since = await ask('and when did it start?');
    expect(since.answer.text).toMatch(/^\*\*Uri — Steering\*\*/);
    expect(since.answer.text).toMatch(/2023/);
  });

  it('a body named after a canton\'s answer and pointing back is that canton\'s, not the glossary\'s', async () => {
    const ask = conversation();
    await ask('who steers CII in Solothurn?');
    const committee = await ask('and what is the development and coordination committee doing there?');
    expect(committee.answer.text).toMatch(/Solothurn/);
    expect(committee.answer.about).toMatchObject({ kind: 'canton', code: 'SO' });
  });

  it('after a list of cantons, one of them named asks for the part they were listed by', async () => {
    const ask = conversation();
    expect((await ask('welche Kantone haben eine elektronische Fallführungsplattform?')).answer.text).toMatch(/^\*\*Kantone \(5\)/);
    const zug = await ask('und welche nutzt Zug?');
    expect(zug.answer.text).toMatch(/^\*\*Zug — Fallführungsplattform\*\*/);
    expect(zug.answer.about).toMatchObject({ kind: 'canton', code: 'ZG', part: 'platform' });
  });

  it('after a list of cantons, one of them named with how it organises its CII gets its profile, not the part they were listed by', async () => {
    const ask = conversation();
    await ask('quali cantoni hanno un ufficio CII?');
    const profile = await ask('e Berna, come si organizza?');
    expect(profile.answer.text.match(/\*\*Berna — /g)!.length).toBeGreaterThanOrEqual(3);
  });

  it('after whether a canton has something, "and which other cantons lack it?" lists the cantons without it', async () => {
    const ask = conversation();
    expect((await ask('Hat Vaud ein IIZ-Steuergremium?')).answer.text).toMatch(/Steuergremium: nein/);
    const others = await ask('und welche anderen Kantone haben keins?');
    expect(others.answer.text).toMatch(/^\*\*Kantone \(3\): ✗ Steuergremium\*\*\n• Appenzell Ausserrhoden \(AR\)\n• Tessin \(TI\)\n• Waadt \(VD\)/);
  });

  it('a follow-up in two parts is answered whole, in the context: each part alone would lack it', async () => {
    const ask = conversation();
    await ask('who sits on the CII steering group in Uri?');
    expect((await ask('and since when does it exist and who chairs it?')).answer.text).toMatch(/^\*\*Uri — /);
  });

  it('a longer question opening with "and" still continues the answer before', async () => {
    const ask = conversation();
    await ask('wer steuert die IIZ im Kanton Genf?');
    // More words that matter than a follow-up has: one only because it opens with "und".
    const often = await ask('und wie oft trifft sich dieses Gremium der Amtsleitungen eigentlich pro Jahr?');
    expect(often.answer.text).toMatch(/^\*\*Genf — Steuerung\*\*/);
    // "So…", "donc…" open a continuation too.
    for (const [first, then, heading] of [
      ['who steers CII in Geneva?', 'so how often does that body of office heads actually meet each year?', 'Geneva — Steering'],
      ['Qui dirige le pilotage de la CII à Genève ?', "donc ce comité des chefs d'office se réunit combien de fois par an en fait ?", 'Genève — Pilotage'],
    ] as const) expect(await secondText(first, then), then).toMatch(new RegExp(`^\\*\\*${heading}\\*\\*`));
  });

  it('a short question with words of its own, not pointing back, is not held inside the canton before', async () => {
    const ask = conversation();
    await ask('qui pilote la CII à Genève ?');
    const reserves = await ask('constitution de réserves EISP ?');
    expect(reserves.answer.text).not.toMatch(/Genève/);
    expect(reserves.answer.sources.map((s) => s.document)).toContain('000_d12930a7fe8d9108.txt');
  });

  it('pointing back at a canton\'s part, a question holding none of its words gets the part of that canton that holds them', async () => {
    const ask = conversation();
    expect((await ask('Regierungsratsbeschluss IIZ Solothurn?')).answer.text).toMatch(/^\*\*Solothurn — Politische und rechtliche Verankerung\*\*/);
    expect((await ask('und wer vertritt wen in deren Steuergruppe?')).answer.text).toMatch(/^\*\*Solothurn — Steuerung\*\*[\s\S]*Regierungsrat/);
  });

  it('after a question about one canton that the base cannot answer, the next one is still about that canton', async () => {
    const ask = conversation();
    expect((await ask('combien coûte une place en crèche en Valais ?')).answer.confidence).toBeLessThan(0.5);
    expect((await ask('et la base légale de la CII ?')).answer.text).toMatch(/^\*\*Valais — Ancrage politique et normatif\*\*/);
    // One naming the canton with words of its own is read on its own, its words kept.
    const again = conversation();
    await again('combien coûte une place en crèche en Valais ?');
    expect((await again('que fait un zorglubeur en Valais ?')).answer.confidence).toBeLessThan(0.5);
  });

  it('a short follow-up that nothing else answers is about the answer before, even holding none of its words', async () => {
    const ask = conversation();
    expect((await ask('Viadukt im Baselbiet, was ist das?')).answer.text).toMatch(/^\*\*Basel-Landschaft — Koordinationsprojekte: Viadukt\*\*/);
    const then = await ask('Welche Altersklasse genau?');
    expect(then.answer.confidence).toBeGreaterThanOrEqual(0.5);
    expect(then.answer.text).toMatch(/^\*\*Basel-Landschaft — Koordinationsprojekte: Viadukt\*\*[\s\S]*50/);
  });

  it('"is it the same in …?", "something different in …?", "how does that look in …?" after a canton\'s part ask for that part of the other canton, in each language', async () => {
    await expectSecondHeadings([
      ['critères CII à Fribourg', 'et à Genève, c\'est pareil ?', 'Genève — Critères d\'un cas CII'],
      ['criteri CII a Friburgo', 'e a Ginevra è uguale?', 'Ginevra — Criteri per un caso CII'],
      ['IIZ-Kriterien Freiburg', 'und in Genf gleich?', 'Genf — Kriterien für einen IIZ-Fall'],
      ['CII criteria in Fribourg', 'the same in Geneva?', 'Geneva — Criteria for a CII case'],
      // "Something different?" asks to compare; the indefinite pronoun names nothing.
      ['CII case criteria in Bern', 'what about Zug, something else there?', 'Zug — Criteria for a CII case'],
      ["critères d'un cas CII à Berne", 'et à Zoug, quelque chose de différent ?', "Zoug — Critères d'un cas CII"],
      ['criteri per un caso CII a Berna', 'e a Zugo, qualcosa di diverso?', 'Zugo — Criteri per un caso CII'],
      ['Kriterien IIZ-Fall Bern', 'und in Zug, irgendwas anders?', 'Zug — Kriterien für einen IIZ-Fall'],
      // Everyday words ask for the same part: "how does that look?".
      ['CII case criteria in Bern', 'and in Geneva, how does that look?', 'Geneva — Criteria for a CII case'],
      ["critères d'un cas CII à Berne", 'et à Genève, ça donne quoi ?', "Genève — Critères d'un cas CII"],
    ]);
  });

  it('"und der dritte?", "le deuxième ?", "and the last one?" take the item at that place in the list the answer before gave', async () => {
    await expectSecondHeadings([
      // A list of cantons: the third canton listed, for the part they were listed by.
      ['welche Kantone haben eine Fallplattform?', 'und der dritte?', 'Wallis — Fallführungsplattform'],
      // A canton's projects, in the order the answer showed them.
      ['projets de coordination à Fribourg', 'le deuxième ?', 'Fribourg — Projets de coordination: Délégués à la santé dans les ORP'],
      // Numbered points: the one with that number, the last being the highest.
      ['the design principles of a performance agreement', 'and the last one?', 'The four design principles of the performance agreement'],
      // An item of a sentence that enumerates them ("1) …; 2) …"): the section its title names, which tells more of it.
      ['gli assi prioritari di Neuchâtel 2009-2013', 'e il terzo?', 'Esperienza pilota MAMAC — Réseau CII Neuchâtelois: storia'],
      // The guide's chapter 5, which an answer gives whole: its third principle.
      ['les principes du chapitre 5 du guide EISP', 'et le troisième principe ?', 'Approche globale en matière de pilotage'],
    ]);
    // The last of the numbered points is the fourth, alone.
    expect(await secondText('the design principles of a performance agreement', 'and the last one?')).toMatch(/^\*\*[^\n]+\*\*\n• 4\. Clarifying implicit provisions[^\n]*\n*$/);
  });

  it('"and instead?" after a section of a document gives another of its sections: the alternative it describes', async () => {
    expect(await secondText('OIAS: what is wrong with how POIAS partners are paid today?', 'and what should replace it instead?')).toMatch(/^\*\*The project: success-coupled remuneration\*\*/);
  });

  it('"und welche nicht?", "e quali no?", "and which have none of them?" after a list of cantons by what they have list the cantons that lack it', async () => {
    await expectSecondHeadings([
      ['Welche Kantone haben eine Steuergruppe?', 'und welche nicht?', 'Kantone \\(3\\): ✗ Steuergremium'],
      ['quali cantoni hanno gruppi di lavoro?', 'e quali no?', 'Cantoni \\(13\\): ✗ gruppi di lavoro o specialistici'],
      ['dans quels cantons y a-t-il un bureau CII ?', "et lesquels n'en ont pas ?", 'Cantons \\(16\\): ✗ bureau CII'],
      // Several properties asked together: the cantons with none of them.
      ['which cantons have both a steering committee and working groups?', 'and which have none of them?', 'Cantons \\(\\d+\\): ✗ steering committee and ✗ working or specialist groups'],
    ]);
    // Denied, a property named anew is listed alone; the canton list is no comparison of the cantons listed before.
    const text = await secondText('which cantons have all four: a steering committee, a development committee, a bureau and working groups?', "and which don't have a bureau?");
    expect(text).toMatch(/^\*\*Cantons \(16\): ✗ CII bureau\*\*/);
  });

  it('a canton named after the projects of an interface asks for that canton\'s projects', async () => {
    await expectSecondHeadings([
      ['Projekte an der Schnittstelle zwischen IV und ALV?', 'und was macht Luzern da?', 'Luzern — Koordinationsprojekte'],
      ["projets à l'interface entre l'AC et l'AI ?", 'et le Tessin, il prévoit quoi ?', 'Tessin — Projets de coordination'],
    ]);
  });

  it('a follow-up naming no canton stays in the canton of the answer before, even when another canton holds its words', async () => {
    const ask = conversation();
    const first = (await ask('Was ist der Auftrag der IIZ in Neuenburg?')).answer.text;
    // Neuchâtel's part of the inventory and its 2013 report hold the question alike: either comes first, with the
    // coordination group's mandate among the sections shown.
    expect(first).toMatch(/^\*\*(Neuenburg — |Réseau CII Neuchâtelois)/);
    expect(first).toMatch(/\*\*Auftrag der Koordinationsgruppe/);
    // Jura's reference persons meet "every six weeks"; Neuchâtel's own report says how often the coordination group
    // the answer before showed meets: of the report's sections that hold the words as fully, the one shown goes first.
    const often = (await ask('wie oft trifft man sich?')).answer.text;
    expect(often).toMatch(/^\*\*Auftrag der Koordinationsgruppe/);
    expect(often).toMatch(/vierteljährlich/);
    expect(often).not.toMatch(/Jura/);
  });

  it('after a list of cantons, words of its own that another of their parts holds are answered from each canton\'s own passage', async () => {
    const ask = conversation();
    await ask('In welchen Kantonen gibt es zwei IIZ-Koordinatoren?');
    const text = (await ask('und bei wem sind sie angestellt?')).answer.text;
    // Listed by their steering, they say where their coordinators work under other parts: every one of them.
    for (const name of ['Aargau', 'Schwyz', 'Thurgau', 'Waadt']) expect(text).toMatch(new RegExp(`\\*\\*${name} — `));
    expect(text).not.toMatch(/— Steuerung\*\*/);
    expect(text).toMatch(/RAV/);
  });

  it('"in einem anderen Kanton?" after a project gives the other canton\'s project that holds its name; "macht Luzern etwas Ähnliches?" after one project, Lucerne\'s projects, its like first', async () => {
    const ask = conversation();
    await ask("Was ist die Chaîne d'offre CII in Bern?");
    const elsewhere = (await ask('gibt es sowas auch in einem anderen Kanton?')).answer.text;
    expect(elsewhere).toMatch(/^\*\*Neuenburg — Koordinationsprojekte: Vue d'ensemble des mesures\*\*/);
    const like = conversation();
    await like('Wie funktioniert die Kooperation Arbeitsmarkt im Aargau?');
    expect((await like('macht Luzern etwas Ähnliches?')).answer.text).toMatch(/^\*\*Luzern — Koordinationsprojekte\*\*\n• Kooperation Arbeitsmarkt light — /);
  });

  it('"und der nächste Kanton?" after a canton\'s part gives the same part of the canton after it in the inventory\'s tables', async () => {
    const ask = conversation();
    await ask('Verankerung der IIZ im Kanton Glarus');
    expect((await ask('und der nächste Kanton in der Tabelle?')).answer.text).toMatch(/^\*\*Graubünden — Politische und rechtliche Verankerung\*\*/);
    expect((await ask('und der Kanton davor?')).answer.text).toMatch(/^\*\*Glarus — Politische und rechtliche Verankerung\*\*/);
  });

  it('"and the year before?" after a question about a year asks the same of the year before it', async () => {
    const ask = conversation();
    await ask('PSET places in Neuchâtel at the end of 2012?');
    const before = await ask('and the year before?');
    expect(before.answer.text).toMatch(/^\*\*Optimisation of the specific temporary employment programmes \(PSET\)\*\*/);
    expect(before.answer.text).toMatch(/end 2011/);
  });

  it('"and the year before?" takes the year asked, not the years of a report\'s period named with it ("2009-2013")', async () => {
    const before = await secondText('the Neuchâtel 2009-2013 report: PSET places at the end of 2012?', 'and the year before?');
    expect(before).toMatch(/^\*\*Optimisation of the specific temporary employment programmes \(PSET\)\*\*/);
  });

  it('"how many of those…?", "welche davon…?" ask among the last answer\'s passages, even where other passages hold their words', async () => {
    for (const [first, then, answer] of [
      ["Neuchâtel's vocational case management: how many files has it handled since 2009?", 'and how many of those did not fit its criteria?', /^\*\*Vocational-training case management[^]*99 situations/],
      // The passage says "Aufnahmekriterien": a compound's head is its word too.
      ['Case Management Berufsbildung Neuenburg: wie viele Fälle seit 2009?', 'und wie viele davon entsprachen den Kriterien nicht?', /^\*\*Case Management Berufsbildung[^]*99 Situationen/],
      ['Indikation 6 im USBI-Leitfaden: welche Zielebenen?', 'und welche davon ist das Zentrum der Vereinbarung?', /^\*\*6\. Differenzierte Ziele\*\*[^]*Kern der Vereinbarung/],
    ] as const) expect(await secondText(first, then), then).toMatch(answer);
  });

  it('"such a system", "ein solches System", "un tale sistema" point back to the indication before', async () => {
    for (const [first, then, heading] of [
      ['Hinweis 28 im USBI-Leitfaden?', 'wie sähe ein solches System konkret aus?', '28. Verankerung von Anreizsystemen'],
      ['che dice la guida EISP all\'indicazione 28?', 'un esempio di un tale sistema?', '28. Inserimento di sistemi d’incentivazione'],
    ] as const) expect(await secondText(first, then), then).toMatch(new RegExp(`^\\*\\*${heading}`));
  });

  it('a subject pronoun ("il", "elle") points back to the canton part before', async () => {
    for (const [first, then, heading] of [
      ['Comment la CII est-elle pilotée à Zoug ?', 'elle comprend qui ?', 'Zoug — Pilotage'],
      ['Qui pilote la CII à Schaffhouse ?', 'il regroupe qui ?', 'Schaffhouse — Pilotage'],
    ] as const) expect(await secondText(first, then), then).toMatch(new RegExp(`^\\*\\*${heading}`));
  });

  it('a period the question states to check it ("jedes Jahr") asks how often: the part that says how often answers', async () => {
    const text = await secondText('Wer steuert die IIZ in Bern?', 'und die Steuergruppe legt die gemeinsame Strategie jedes Jahr fest?');
    expect(text).toMatch(/^\*\*Bern — Weiterentwicklung\*\*\n• Die Steuergruppe legt alle vier Jahre eine gemeinsame Strategie fest\./);
  });

  it('a continuation naming a new subject and no kind of fact asks the kind asked before ("wie häufig…?", "und bei der Koordinationsgruppe?")', async () => {
    const text = await secondText('Wie häufig trifft sich die GP CII laut dem Neuenburger Bericht?', 'und bei der Koordinationsgruppe?');
    expect(text).toMatch(/^\*\*Auftrag der Koordinationsgruppe[^]*mindestens aber vierteljährlich/);
  });

  it("after one project, what another part of its canton says of it by its quoted name answers the follow-up (the project's people in 2022)", async () => {
    for (const [first, then, answer] of [
      ['Argovia: in cosa consiste la Kooperation Arbeitsmarkt?', 'e quante persone ha accompagnato nel 2022?', /^\*\*Argovia — Numero di casi nel 2022\*\*\n• Nel 2022 la « cooperazione sul mercato del lavoro » ha accompagnato 400 persone/],
      ["Argovie : la Kooperation Arbeitsmarkt, c'est quoi ?", 'combien de personnes a-t-elle suivies en 2022 ?', /^\*\*Argovie — Nombre de cas en 2022\*\*[^]*400 personnes/],
    ] as const) expect(await secondText(first, then), then).toMatch(answer);
  });

  it('a question that says what it is about stands alone, and another conversation inherits nothing', async () => {
    const ask = conversation();
    await ask('critères cas CII Genève');
    expect((await ask('quels cantons ont une plateforme de gestion des cas ?')).answer.text).not.toMatch(/^\*\*Genève/);
    const other = conversation();
    expect((await other('et à Zurich ?')).answer.text).toMatch(/^\*\*Zurich — Ancrage politique/);
  });

  it('after a question about one canton that found nothing, a question naming a document of its own is about that document', async () => {
    await expectSecondHeadings([
      ["Quel est le nom du chef de l'office AI du Jura ?", "qui a rédigé l'inventaire ?", 'Auteur, adresse et contact'],
      ['Wie heisst der Leiter des Sozialamts im Kanton Bern?', 'Wer hat das Inventar herausgegeben?', 'Herausgeber, Adresse und Kontakt'],
    ]);
  });

  it('a follow-up that finds nothing with what it took from the answer before is answered as a question of its own', async () => {
    await expectSecondHeadings([['Who put together the IIC inventory?', 'and their postal address?', 'Author, address and contact']]);
  });

  it('"in this canton" after a canton\'s own report is that canton; "instead" with an institution stays in the section; another document named leaves the last one', async () => {
    await expectSecondHeadings([
      ['Wie viele Partner zählt das POIAS heute?', 'und wer steuert die IIZ in diesem Kanton?', 'Bern — Steuerung'],
      ['salari ai partecipanti nelle EISP: sono permessi?', "e con l'AD invece?", 'Utili, divieto di concorrenza e salari delle EISP'],
      ['OIAS: can the POIAS partners keep reserves today?', 'and what does the EISP guide say on reserves?', '19\\. Possibilities to build reserves'],
    ]);
  });

  it('asking for an example, in words that only ask ("zeig mir", "montrez-moi", "give me"), gives the example of the indication before', async () => {
    for (const [then, example] of [
      ['zeig mir ein Beispiel', /Beispiele für Zielgruppen/],
      ['montrez-moi un exemple', /Exemples de groupes cibles/],
      ['mi dia un esempio', /Esempi di gruppi target/],
      ['give me an example', /Example target groups/],
    ] as const) expect(await secondText('Hinweis 13 im USBI-Leitfaden', then), then).toMatch(example);
  });

  it('"which cantons…?" after a section of a canton\'s report is answered from that section when it names them', async () => {
    for (const [first, then, named] of [
      ["Que s'est-il passé en 2012 pour le réseau CII neuchâtelois ?", 'quels cantons ont-ils visités ?', /Valais, de Fribourg et de Vaud/],
      ['Rete CII neocastellana: che cosa si è fatto nel 2012?', 'quali cantoni hanno visitato?', /Vallese, Friburgo e Vaud/],
    ] as const) expect(await secondText(first, then), then).toMatch(named);
  });

  it("a canton's part asked of the inventory after the canton's own report is that canton's", async () => {
    await expectSecondHeadings([
      ['Que dit le rapport neuchâtelois de 2013 sur le réseau CII ?', "Et d'après l'inventaire, leur pilotage ?", 'Neuchâtel — Pilotage'],
      ['OIAS-Bericht: welche Mängel hat die heutige Vergütung?', 'und laut Inventar, wer steuert die IIZ dort?', 'Bern — Steuerung'],
    ]);
  });

  it('"lequel à part Bâle-Ville ?" after a list of two cantons is the other one; "à partir de" leaves no canton out', async () => {
    await expectSecondHeadings([['quels cantons ont des projets de coordination entre l\'AC et la migration ?', 'lequel à part Bâle-Ville ?', 'Valais — Projets de coordination']]);
    expect(bot.assistant.understanding.read('à partir de quand Vaud a-t-il une plateforme ?').cantons).toEqual(['VD']);
  });

  it('"who holds its chair?" after the Neuchâtel coordination group gives its rotating presidency; "which are they?" after Bern\'s partners names them', async () => {
    for (const [then, chair] of [
      ['who holds its chair then?', /presidency rotates/],
      ['la presiede chi, di preciso?', /presidenza, della durata di un anno, è assunta a turno/],
    ] as const) expect(await secondText('Neuchâtel 2013: what does the coordination group of the integration system do?', then), then).toMatch(chair);
    expect(await secondText('Bern: how many partner institutions belong to its CII?', 'which are those ones?'), 'which are those ones?').toMatch(/^\*\*Bern — Partner systems\*\*[^]*OPUC/);
  });

  it('"when?" alone after an answer is answered from that answer, or from its document\'s overview, in every language', async () => {
    for (const [first, then] of [
      ['who is the author of the guide on EISP agreements?', 'when?'],
      ['qui a rédigé le guide EISP ?', 'en quelle année ?'],
      ['Wer hat den USBI-Leitfaden verfasst?', 'in welchem Jahr?'],
      ['chi ha redatto la guida EISP?', 'quando?'],
    ] as const) expect(await secondText(first, then), then).toMatch(/^\*\*[^*]*\(2017\)/);
  });

  it('"apart from the IV, the RAV and social services, who else?" after one project stays on it: institutions set aside are not its subject', async () => {
    await expectSecondHeadings([
      ["Tell me about Fribourg's Triple A project", 'apart from the IV, the RAV and social services, who else takes part in it?', 'Fribourg — Coordination projects: Triple A'],
      ['Friburgo, progetto Triple A: cos\'è?', 'tranne AI, URC e servizi sociali, chi altro vi partecipa?', 'Friburgo — Progetti di coordinamento: Triple A'],
    ]);
  });

  it('institutions named after a principle of the guide are looked for in it first: the shares it cites, not an institution\'s rules', async () => {
    await expectSecondHeadings([
      ['guide principle: coordination of social insurances?', 'and how many EISP have mandates from the IV and social assistance together?', 'Coordination of social insurances'],
      ['Grundsatz Koordination der Sozialversicherungen im USBI-Leitfaden?', 'und wie viele USBI arbeiten für IV und Sozialhilfe zusammen?', 'Koordination der Sozialversicherungen'],
      ["principe de coordination des assurances sociales dans le guide EISP ?", "et combien d'EISP ont à la fois des mandats AI et aide sociale ?", 'Coordination des assurances sociales'],
    ]);
  });

  it('"and when was it wrapped up?" after a report\'s section dates the report, its unknown words aside', async () => {
    for (const [first, then] of [
      ['what are the implementation steps in the OIAS report on remuneration?', 'and when was it wrapped up?'],
      ['les étapes de mise en œuvre du rapport OIAS sur la rémunération ?', 'et il a été bouclé quand ?'],
    ] as const) expect(await secondText(first, then), then).toMatch(/(August|août) 2023/);
  });

  it('"which other canton has one?" after whether one canton has something: the cantons that have it', async () => {
    expect(await secondText('Hat Zug eine Fallplattform?', 'welcher andere Kanton hat auch eine?')).toMatch(/^\*\*Kantone \(5\): ✓ elektronische Fallführungsplattform\*\*/);
    expect(await secondText('does Thurgau have a common charter?', 'any other canton with one?')).toMatch(/^\*\*Cantons \(2\): ✓ common charter/);
  });

  it('"c\'est quoi le COFIL ?" after a canton\'s steering defines the term: an article before a term named is no pronoun', async () => {
    expect(await secondText('qui pilote la CII en Valais ?', "c'est quoi le COFIL ?")).toMatch(/^\*\*COFIL: /);
    expect(await secondText('Wer steuert die IIZ im Wallis?', 'was ist das COFIL?')).toMatch(/^\*\*COFIL: /);
  });

  it('"the second", "the last one" after a range of indications is that indication of the range', async () => {
    expect(await secondText('indications 10 à 14 du guide EISP', 'et la deuxième ?')).toMatch(/^\*\*11\. /);
    expect(await secondText('Hinweise 40 bis 44 im USBI-Leitfaden', 'und die letzte?')).toMatch(/^\*\*44\. /);
  });

  it('a follow-up with no words of its own is not answered alone when its context finds nothing', async () => {
    // Read alone, "genau"-like words would be searched as they are, and any passage holding them would do.
    const second = await secondText('Neuenburger IIZ-Bericht: ab welchem Jahr gab es konkrete Ergebnisse?', 'welche denn?');
    expect(second).not.toMatch(/^\*\*[^\n]*(Kriterien|Uri)/);
  });

  it('a question announced as another one ("andere Frage:", "autre question :") follows nothing asked before', async () => {
    // Short, it would be read as asking who runs the project.
    expect(await secondText('Was ist das Projekt Triple A in Freiburg?', 'Andere Frage: wer führt das nationale IIZ-Büro?')).not.toMatch(/Triple A/);
  });

  it('"why?", "warum nicht?" alone after an answer is answered from its passages that give a reason', async () => {
    for (const [first, then] of [
      ['Hat Neuenburg 2009-2013 einen einzigen Pol für die berufliche Eingliederung geschaffen?', 'warum nicht?'],
      ['Did Neuchâtel set up a single hub for socio-professional integration in 2009-2013?', 'why?'],
    ] as const) {
      expect(await secondText(first, then), then).toMatch(/^\*\*(Errungenschaften|Achievements)[^\n]*\*\*\n• [^\n]*(gesetzlicher Rahmen|legislative frameworks|legal frameworks)/);
    }
  });

  it('"di che anno è?", "de quelle année ?" after a document\'s section asks the document\'s date', async () => {
    expect(await secondText('chi ha scritto la guida sulle convenzioni con le EISP?', 'e di che anno è?')).toMatch(/^\*\*Guida EISP \(2017\)/);
    expect(await secondText("qui a écrit le guide sur les conventions avec les EISP ?", 'et il est de quelle année ?')).toMatch(/^\*\*Guide EISP \(2017\)/);
  });

  it('"und wer zahlt dafür?" after a project asks who bears its cost, which the project says ("kostenpflichtig")', async () => {
    expect(await secondText('Worum geht es bei AmiPlus im Aargau?', 'und wer zahlt dafür?')).toMatch(/^\*\*Aargau — Koordinationsprojekte: AmiPlus[^]*kostenpflichtig/);
  });

  it('"ça sert à quoi ?", "a cosa serve?", "wozu dient das?" after a project ask its purpose, which the project says', async () => {
    expect(await secondText('Le projet Viadukt en Bâle-Campagne, tu connais ?', 'ça sert à quoi ?')).toMatch(/^\*\*Bâle-Campagne — Projets de coordination: Viadukt\*\*/);
    expect(await secondText("C'è un progetto chiamato Viadukt a Basilea Campagna?", 'a cosa serve?')).toMatch(/^\*\*Basilea Campagna — Progetti di coordinamento: Viadukt\*\*/);
    expect(await secondText('Gibt es in Basel-Landschaft ein Projekt namens Viadukt?', 'und wozu dient das?')).toMatch(/^\*\*Basel-Landschaft — Koordinationsprojekte: Viadukt\*\*/);
  });

  it('"et pour l\'AI ?" after an indication gives the AI\'s rule on what the indication is titled (surpluses), not the meaning of "AI"', async () => {
    expect(await secondText('Que recommande le guide sur le traitement des excédents des EISP ?', "et pour l'AI ?")).toMatch(/^\*\*assurance-invalidité\*\*\n• AI – compte de report du bénéfice/);
    expect(await secondText('Was empfiehlt der Leitfaden zum Umgang mit Überschüssen?', 'und bei der IV?')).toMatch(/^\*\*Invalidenversicherung\*\*\n• IV – Gewinnvortragskonto/);
    expect(await secondText('What does the guide recommend about surpluses of social firms?', 'and the IV office?')).toMatch(/^\*\*disability insurance\*\*/);
  });
});
