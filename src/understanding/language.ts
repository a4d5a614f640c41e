// Language of a short question (French, German, Italian, English), without accents and with typos.
// Statistical detectors (trigram models) guess poorly on five-word questions full of acronyms, so
// this scores function words, question words and domain words of each language, then word endings.
import type { Language } from '../knowledge/schema.js';
import { words } from './normalize.js';

const LEXICON: Record<Language, string> = {
  fr: `le la les l un une des du de d au aux et ou est sont qui que quoi quel quelle quels quelles qu comment
    combien pourquoi ou dans pour par sur avec sans ce cette ces son sa ses leur leurs je j tu il elle nous vous
    on ne pas plus y a en chez entre selon quand peut doit faut c cest s mon ma mes notre votre
    canton cas criteres critere comite pilotage bureau projets projet chomage assurance invalidite aide sociale
    sociaux service services personne personnes convention prestations entreprise entreprises fiche combien
    nombre donne dit parle coordinateur coordinatrice plateforme ancrage legal juridique loi lois suivi
    rappel rappelle demain prochain chaque semaine mois lundi mardi oui non merci bonjour aide trier
    compare comparer comparaison regles indication indications organisme formation migration echange donnees
    consentement exigent exige ont quels utilisent excedents benefices`,
  de: `der die das den dem des ein eine einen einem einer und oder ist sind wer was wie wo wann warum welche
    welcher welches welchen wieviel wieviele viele gibt es im in am zum zur mit ohne fur von bei nach uber
    auf aus ich du er sie wir ihr nicht kein keine auch noch nur schon ja nein bitte danke hallo
    kanton kantons kantonen fall falle faelle kriterien kriterium steuert steuerung steuerungsgruppe
    ausschuss buro fachstelle projekte projekt arbeitslosenversicherung invalidenversicherung sozialhilfe
    person personen leistungsvereinbarung leistungsvereinbarungen unternehmen hinweis hinweise zahl
    anzahl koordinator koordinatorin plattform verankerung gesetz rechtliche erinnerung erinnere morgen
    nachsten jeden woche monat montag dienstag vergleich vergleiche vergleichen regeln bildung migration
    datenaustausch einwilligung zustimmung verlangen brauchen haben welche uberschusse gewinne bedeutet
    heisst zustandig ablauf prozess`,
  it: `il lo la i gli le un uno una di del della dei degli delle da dal dalla in nel nella nei con su per tra
    fra e ed o che chi cosa cos come quanto quanti quante quale quali dove quando perche non si sono e
    mi ti ci vi ne questo questa questi quelle suo sua loro mio mia anche ancora gia grazie ciao
    cantone cantoni caso casi criteri criterio comitato pilotaggio ufficio progetti progetto disoccupazione
    assicurazione invalidita assistenza sociale persona persone convenzione prestazioni impresa imprese
    indicazione indicazioni numero coordinatore coordinatrice piattaforma ancoraggio legge giuridico
    promemoria ricorda domani prossimo ogni settimana mese lunedi martedi confronta confronto regole
    formazione migrazione scambio dati consenso richiedono hanno quali utili eccedenze significa`,
  en: `the a an of and or is are was who what which how where when why many much does do did there in on at
    to for with without by from about this that these those it its their my your our i you he she we they
    not no yes please thanks hello hi can should must
    canton cantons case cases criteria criterion steering committee office bureau projects project
    unemployment insurance disability social assistance welfare person people agreement agreements
    performance enterprise enterprises indication indications number coordinator platform legal law
    anchoring reminder remind tomorrow next every week month monday tuesday compare comparison rules
    training migration data exchange consent require requires have has surpluses profits mean means`,
};

/** Word endings typical of one language, for words outside the lexicon ("Zusammenarbeit", "integrazione"). */
const ENDINGS: Record<Language, RegExp> = {
  fr: /(tion|tions|eux|euse|ement|ites?|aire|eau|oir|ee|ees|aux|ique|iques)$/,
  de: /(ung|ungen|heit|keit|lich|isch|schaft|chen|tz|sch|ssen|st)$|^(ge|ver|be|zu)/,
  it: /(zione|zioni|mente|ita|ato|ata|ati|ate|ino|ina|elli|gli|cc[io])$/,
  en: /(ing|ness|ship|ed|ly|ful|ies)$/,
};

const LEXICON_SETS = Object.fromEntries(
  Object.entries(LEXICON).map(([lang, list]) => [lang, new Set(list.split(/\s+/).filter(Boolean))]),
) as Record<Language, Set<string>>;

export interface LanguageGuess {
  language: Language;
  /** Share of the winning score over all scores, 0 when nothing was recognised. */
  certainty: number;
}

export function detectLanguage(text: string, fallback: Language = 'fr'): LanguageGuess {
  const scores: Record<Language, number> = { fr: 0, de: 0, it: 0, en: 0 };
  for (const word of words(text)) {
    if (/^\d+$/.test(word) || word.length < 1) continue;
    let inLexicon = false;
    for (const lang of Object.keys(scores) as Language[]) {
      if (LEXICON_SETS[lang].has(word)) {
        scores[lang] += 1;
        inLexicon = true;
      }
    }
    if (!inLexicon && word.length > 4) {
      for (const lang of Object.keys(scores) as Language[]) if (ENDINGS[lang].test(word)) scores[lang] += 0.5;
    }
  }
  const total = Object.values(scores).reduce((a, b) => a + b, 0);
  if (total === 0) return { language: fallback, certainty: 0 };
  const ranked = (Object.entries(scores) as [Language, number][]).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  // A tie goes to the fallback (the user's last language) when it is among the leaders.
  if (best![1] === second![1] && (scores[fallback] === best![1])) return { language: fallback, certainty: best![1] / total };
  return { language: best![0], certainty: best![1] / total };
}
