// One message in, replies out: the channel-neutral core every adapter (web, Teams, Slack) calls.
import { Assistant } from './answers/ask.js';
import type { Answer } from './answers/builder.js';
import type { KnowledgeBase } from './knowledge/loader.js';
import type { Language } from './knowledge/schema.js';
import type { Store } from './store/store.js';
import { TriageDialog, type TriageReply } from './triage/dialog.js';
import { words } from './understanding/normalize.js';

export interface IncomingMessage {
  /** The conversation the message belongs to: a triage in one never leaks into another. */
  conversationId: string;
  text: string;
  /** The language the user picked or last wrote in, for short messages that do not tell. */
  language?: Language;
}

export type Reply = { kind: 'answer'; answer: Answer } | { kind: 'help'; text: string; language: Language } | TriageReply;

const HELP_WORDS: Record<string, Language> = { aide: 'fr', hilfe: 'de', aiuto: 'it', help: 'en' };

const HELP: Record<Language, string> = {
  fr: "Je réponds aux questions sur la collaboration interinstitutionnelle (CII) à partir de cinq documents sources, avec leurs références. Exemples : « critères cas CII Vaud », « qui pilote la CII à Genève ? », « indication 38 », « quels cantons ont une plateforme de cas ? », « c'est quoi une EISP ? ». Pour vérifier si une personne est un cas CII : « triage GE ». N'écrivez jamais le nom d'une personne.",
  de: 'Ich beantworte Fragen zur interinstitutionellen Zusammenarbeit (IIZ) aus fünf Quelldokumenten, mit Quellenangaben. Beispiele: «Kriterien IIZ-Fall Zürich», «wer steuert die IIZ im Kanton Genf?», «Hinweis 38», «welche Kantone haben eine Fallplattform?», «was bedeutet ALV?». Ob eine Person ein IIZ-Fall ist: «Triage ZH». Bitte nie den Namen einer Person eingeben.',
  it: "Rispondo a domande sulla collaborazione interistituzionale (CII) a partire da cinque documenti fonte, con i riferimenti. Esempi: «criteri caso CII Ginevra», «chi guida la CII in Vallese?», «indicazione 38», «quali cantoni hanno una piattaforma dei casi?», «cos'è l'MMT?». Per verificare se una persona è un caso CII: «triage TI». Non scriva mai il nome di una persona.",
  en: 'I answer questions about interinstitutional collaboration (CII) from five source documents, with references. Examples: "CII case criteria in Zurich", "who steers the CII in Geneva?", "indication 38", "which cantons have a case platform?", "what is an EISP?". To check whether a person is a CII case: "triage ZH". Never type a person\'s name.',
};

export class Bot {
  readonly assistant: Assistant;
  readonly triage: TriageDialog;

  constructor(kb: KnowledgeBase, store: Store) {
    this.assistant = new Assistant(kb);
    this.triage = new TriageDialog(kb, store, (text) => this.assistant.understanding.read(text).cantons[0]);
  }

  async handle(message: IncomingMessage): Promise<Reply[]> {
    const session = await this.triage.active(message.conversationId);
    if (session) return this.triage.reply(message.conversationId, session, message.text);
    const ws = words(message.text);
    const helpLanguage = ws.length === 1 ? HELP_WORDS[ws[0]!] : undefined;
    if (helpLanguage) {
      const language = message.language ?? helpLanguage;
      return [{ kind: 'help', text: HELP[language], language }];
    }
    const query = this.assistant.understanding.read(message.text, message.language);
    if (query.wantsTriage) return this.triage.start(message.conversationId, message.language ?? query.language, query.cantons[0]);
    return [{ kind: 'answer', answer: this.assistant.ask(message.text, { language: message.language }) }];
  }
}
