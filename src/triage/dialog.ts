// The guided triage: asks, one at a time and in the user's language, only the questions that can
// still change the verdict in the chosen canton; accepts free answers and buttons; back, restart,
// cancel. Its state is per conversation, holds facts only, and expires after 24 hours.
import type { Localized } from '../i18n.js';
import type { KnowledgeBase } from '../knowledge/loader.js';
import type { CantonCode, Language } from '../knowledge/schema.js';
import type { Store } from '../store/store.js';
import { words } from '../understanding/normalize.js';
import { choicesFor, parseAnswer, type Choice } from './answers.js';
import { FACTS, definitionOf, type FactName, type PersonFacts } from './facts.js';
import { formatTriage } from './format.js';
import { triageResult, type TriageResult } from './result.js';

export const TRIAGE_TTL_MS = 24 * 60 * 60 * 1000;
const COLLECTION = 'triage';

export interface TriageSession {
  canton?: CantonCode;
  facts: PersonFacts;
  /** Facts answered, in order, for "back". */
  answered: FactName[];
  /** Facts the user could not answer: not asked again. */
  skipped: FactName[];
  current?: FactName;
  language: Language;
  expiresAt: number;
}

export type TriageReply =
  | { kind: 'triage-question'; text: string; language: Language; fact: FactName | 'canton'; choices: Choice[]; canton?: CantonCode }
  | { kind: 'triage-result'; text: string; language: Language; result: TriageResult; facts: PersonFacts }
  | { kind: 'notice'; text: string; language: Language };


const TEXT = {
  privacy: { fr: "Triage CII : je pose quelques questions sur la situation. N'écrivez jamais de nom ni d'identifiant (n° AVS, dossier) : seuls des faits sont nécessaires. Commandes : « retour », « recommencer », « annuler ».", de: 'IIZ-Triage: Ich stelle einige Fragen zur Situation. Bitte nie einen Namen oder eine Kennung (AHV-Nr., Dossier) eingeben: Es braucht nur Fakten. Befehle: «zurück», «neu starten», «abbrechen».', it: 'Triage CII: faccio alcune domande sulla situazione. Non scriva mai un nome o un identificativo (n. AVS, incarto): servono solo fatti. Comandi: «indietro», «ricomincia», «annulla».', en: 'CII triage: I ask a few questions about the situation. Never type a name or an identifier (AHV number, file): only facts are needed. Commands: "back", "restart", "cancel".' },
  whichCanton: { fr: 'Dans quel canton ? (code ou nom, p. ex. « GE » ou « Genève »)', de: 'In welchem Kanton? (Kürzel oder Name, z. B. «ZH» oder «Zürich»)', it: 'In quale cantone? (sigla o nome, p. es. «TI» o «Ticino»)', en: 'In which canton? (code or name, e.g. "ZH" or "Zurich")' },
  unknownCanton: { fr: "Je ne reconnais pas ce canton.", de: 'Diesen Kanton erkenne ich nicht.', it: 'Non riconosco questo cantone.', en: "I don't recognise that canton." },
  notUnderstood: { fr: "Je n'ai pas compris la réponse. Répondez avec un des choix, ou « je ne sais pas ».", de: 'Die Antwort habe ich nicht verstanden. Antworten Sie mit einer der Möglichkeiten oder «weiss nicht».', it: 'Non ho capito la risposta. Risponda con una delle scelte o «non so».', en: 'I did not understand the answer. Answer with one of the choices, or "don\'t know".' },
  listHint: { fr: '(plusieurs possibles, p. ex. « AC, aide sociale », ou « aucune »)', de: '(mehrere möglich, z. B. «ALV, Sozialhilfe», oder «keine»)', it: '(più risposte possibili, p. es. «AD, assistenza sociale», o «nessuna»)', en: '(several possible, e.g. "AC, social assistance", or "none")' },
  cancelled: { fr: 'Triage annulé ; rien n\'est conservé.', de: 'Triage abgebrochen; nichts wird aufbewahrt.', it: 'Triage annullato; nulla viene conservato.', en: 'Triage cancelled; nothing is kept.' },
  nothingToUndo: { fr: "Il n'y a pas de réponse précédente.", de: 'Es gibt keine vorherige Antwort.', it: 'Non c\'è una risposta precedente.', en: 'There is no previous answer.' },
} satisfies Record<string, Localized>;

const COMMANDS: Record<'cancel' | 'back' | 'restart', string[]> = {
  cancel: ['annuler', 'annule', 'stop', 'abbrechen', 'abbruch', 'annulla', 'cancel', 'quit', 'exit'],
  back: ['retour', 'precedent', 'zuruck', 'zurueck', 'indietro', 'back', 'undo', 'previous', 'changer', 'andern', 'cambia', 'change'],
  restart: ['recommencer', 'reprendre', 'neu', 'neustart', 'ricomincia', 'restart', 'reset'],
};

function command(text: string): keyof typeof COMMANDS | undefined {
  const ws = words(text);
  if (ws.length === 0 || ws.length > 3) return undefined;
  return (Object.keys(COMMANDS) as (keyof typeof COMMANDS)[]).find((c) => ws.some((w) => COMMANDS[c].includes(w)));
}

export class TriageDialog {
  constructor(
    private readonly kb: KnowledgeBase,
    private readonly store: Store,
    private readonly findCanton: (text: string) => CantonCode | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  async active(conversationId: string): Promise<TriageSession | undefined> {
    return this.store.get<TriageSession>(COLLECTION, conversationId);
  }

  /** Starts a triage, optionally with facts already known (from a result card's "answer the missing questions"). */
  async start(conversationId: string, language: Language, canton?: CantonCode, facts: PersonFacts = {}): Promise<TriageReply[]> {
    const session: TriageSession = { facts, answered: [], skipped: [], language, expiresAt: this.now() + TRIAGE_TTL_MS, ...(canton ? { canton } : {}) };
    const notice: TriageReply = { kind: 'notice', text: TEXT.privacy[language], language };
    return [notice, ...(await this.next(conversationId, session))];
  }

  /** One message while a triage is under way: an answer, or a command. */
  async reply(conversationId: string, session: TriageSession, text: string): Promise<TriageReply[]> {
    const language = session.language;
    const cmd = command(text);
    if (cmd === 'cancel') {
      await this.store.delete(COLLECTION, conversationId);
      return [{ kind: 'notice', text: TEXT.cancelled[language], language }];
    }
    if (cmd === 'restart') return this.next(conversationId, { ...session, facts: {}, answered: [], skipped: [] });
    if (cmd === 'back') {
      const last = session.answered.at(-1);
      if (!last) return [{ kind: 'notice', text: TEXT.nothingToUndo[language], language }, ...(await this.next(conversationId, session))];
      const { [last]: _removed, ...facts } = session.facts;
      return this.next(conversationId, { ...session, facts, answered: session.answered.slice(0, -1), skipped: session.skipped.filter((f) => f !== last) }, last);
    }
    if (!session.canton) {
      const canton = this.findCanton(text);
      if (!canton) return [{ kind: 'notice', text: TEXT.unknownCanton[language], language }, ...(await this.next(conversationId, session))];
      return this.next(conversationId, { ...session, canton });
    }
    const fact = session.current;
    if (!fact) return this.next(conversationId, session);
    const parsed = parseAnswer(fact, text);
    if (!parsed.ok) return [{ kind: 'notice', text: TEXT.notUnderstood[language], language }, this.question(session.canton, fact, language)];
    const answered = [...session.answered.filter((f) => f !== fact), fact];
    if ('skip' in parsed) return this.next(conversationId, { ...session, answered, skipped: [...session.skipped, fact] });
    return this.next(conversationId, { ...session, answered, facts: { ...session.facts, [fact]: parsed.value } });
  }

  /** The next question that can still change the verdict, or the result when none is left. */
  private async next(conversationId: string, session: TriageSession, prefer?: FactName): Promise<TriageReply[]> {
    const language = session.language;
    const ttlMs = Math.max(1, session.expiresAt - this.now());
    if (!session.canton) {
      await this.store.put(COLLECTION, conversationId, { ...session, current: undefined }, { ttlMs });
      return [{ kind: 'triage-question', text: TEXT.whichCanton[language], language, fact: 'canton', choices: [] }];
    }
    const result = triageResult(this.kb, session.canton, session.facts, language);
    const open = result.missing.filter((f) => !session.skipped.includes(f));
    const fact = prefer && open.includes(prefer) ? prefer : open[0];
    if (result.verdict !== 'insufficient-information' || !fact) {
      await this.store.delete(COLLECTION, conversationId);
      return [{ kind: 'triage-result', text: formatTriage(result, language), language, result, facts: session.facts }];
    }
    await this.store.put(COLLECTION, conversationId, { ...session, current: fact }, { ttlMs });
    return [this.question(session.canton, fact, language)];
  }

  private question(canton: CantonCode, fact: FactName, language: Language): TriageReply {
    const definition = definitionOf(fact);
    const hint = definition.type === 'list' ? ` ${TEXT.listHint[language]}` : '';
    return { kind: 'triage-question', text: `${definition.question[language]}${hint}`, language, fact, choices: choicesFor(fact, language), canton };
  }
}

/** A one-shot form: every question of a canton's rule at once. */
export function formQuestions(kb: KnowledgeBase, canton: CantonCode, language: Language): FormQuestion[] {
  const result = triageResult(kb, canton, {}, language);
  return result.missing.map((fact) => {
    const type = definitionOf(fact).type;
    // In a form an unticked list means "unknown" already: no "don't know" box among the items.
    const choices = type === 'list' ? choicesFor(fact, language).slice(0, -1) : choicesFor(fact, language);
    return { fact, text: FACTS[fact].question[language], choices, multi: type === 'list', number: type === 'number' };
  });
}

export interface FormQuestion {
  fact: FactName;
  text: string;
  choices: Choice[];
  multi: boolean;
  number: boolean;
}

/** The facts a submitted form gives: each field read like a free answer; empty fields stay unknown. */
export function factsFromForm(fields: Record<string, unknown>): PersonFacts {
  const facts: PersonFacts = {};
  for (const [name, raw] of Object.entries(fields)) {
    const fact = name.replace(/^fact:/, '') as FactName;
    if (!(fact in FACTS) || raw === undefined || raw === null || String(raw).trim() === '') continue;
    const parsed = parseAnswer(fact, String(raw).replace(/,/g, ', '));
    if (parsed.ok && !('skip' in parsed)) facts[fact] = parsed.value;
  }
  return facts;
}

export const FORM_TITLE: Localized = { fr: 'Triage CII — formulaire', de: 'IIZ-Triage — Formular', it: 'Triage CII — modulo', en: 'CII triage — form' };
/** The form's line on privacy: facts only. */
export const PRIVACY: Localized = {
  fr: "N'indiquez jamais de nom ni d'identifiant (n° AVS, dossier) : seuls des faits sont nécessaires. Les champs laissés vides restent inconnus.",
  de: 'Nie einen Namen oder eine Kennung (AHV-Nr., Dossier) angeben: Es braucht nur Fakten. Leere Felder gelten als unbekannt.',
  it: 'Non indichi mai un nome o un identificativo (n. AVS, incarto): servono solo fatti. I campi lasciati vuoti restano sconosciuti.',
  en: 'Never give a name or an identifier (AHV number, file): only facts are needed. Fields left empty stay unknown.',
};
