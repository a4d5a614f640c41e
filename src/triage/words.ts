// The triage dialog's own words in each language: what it says, and the commands it understands
// (typed without accents, as folded words). Data per language; the dialog holds none.
import type { Localized } from '../i18n.js';
import type { Language } from '../knowledge/schema.js';

export const TRIAGE_TEXT = {
  privacy: { fr: "Triage CII : je pose quelques questions sur la situation. N'écrivez jamais de nom ni d'identifiant (n° AVS, dossier) : seuls des faits sont nécessaires. Commandes : « retour », « recommencer », « annuler », et après le verdict « exporter ».", de: 'IIZ-Triage: Ich stelle einige Fragen zur Situation. Bitte nie einen Namen oder eine Kennung (AHV-Nr., Dossier) eingeben: Es braucht nur Fakten. Befehle: «zurück», «neu starten», «abbrechen», nach dem Ergebnis «exportieren».', it: 'Triage CII: faccio alcune domande sulla situazione. Non scriva mai un nome o un identificativo (n. AVS, incarto): servono solo fatti. Comandi: «indietro», «ricomincia», «annulla», e dopo il verdetto «esporta».', en: 'CII triage: I ask a few questions about the situation. Never type a name or an identifier (AHV number, file): only facts are needed. Commands: "back", "restart", "cancel", and after the verdict "export".' },
  whichCanton: { fr: 'Dans quel canton ? (code ou nom, p. ex. « GE » ou « Genève »)', de: 'In welchem Kanton? (Kürzel oder Name, z. B. «ZH» oder «Zürich»)', it: 'In quale cantone? (sigla o nome, p. es. «TI» o «Ticino»)', en: 'In which canton? (code or name, e.g. "ZH" or "Zurich")' },
  unknownCanton: { fr: 'Je ne reconnais pas ce canton.', de: 'Diesen Kanton erkenne ich nicht.', it: 'Non riconosco questo cantone.', en: "I don't recognise that canton." },
  notUnderstood: { fr: "Je n'ai pas compris la réponse. Répondez avec un des choix, ou « je ne sais pas ».", de: 'Die Antwort habe ich nicht verstanden. Antworten Sie mit einer der Möglichkeiten oder «weiss nicht».', it: 'Non ho capito la risposta. Risponda con una delle scelte o «non so».', en: 'I did not understand the answer. Answer with one of the choices, or "don\'t know".' },
  pickSome: { fr: 'Cochez au moins un choix, ou répondez « aucun » ou « je ne sais pas ».', de: 'Kreuzen Sie mindestens eine Möglichkeit an, oder antworten Sie «keine» oder «weiss nicht».', it: 'Selezioni almeno una scelta, oppure risponda «nessuno» o «non so».', en: 'Tick at least one choice, or answer "none" or "don\'t know".' },
  listHint: { fr: '(plusieurs possibles, p. ex. « {example} », ou « aucun »)', de: '(mehrere möglich, z. B. «{example}», oder «keine»)', it: '(più risposte possibili, p. es. «{example}», o «nessuno»)', en: '(several possible, e.g. "{example}", or "none")' },
  cancelled: { fr: "Triage annulé ; rien n'est conservé.", de: 'Triage abgebrochen; nichts wird aufbewahrt.', it: 'Triage annullato; nulla viene conservato.', en: 'Triage cancelled; nothing is kept.' },
  nothingToUndo: { fr: "Il n'y a pas de réponse précédente.", de: 'Es gibt keine vorherige Antwort.', it: "Non c'è una risposta precedente.", en: 'There is no previous answer.' },
  ended: { fr: 'Ce triage est terminé ou a expiré (24 heures). Recommencez avec « triage » suivi du canton, p. ex. « triage GE ».', de: 'Diese Triage ist beendet oder abgelaufen (24 Stunden). Beginnen Sie neu mit «Triage» und dem Kanton, z. B. «Triage ZH».', it: 'Questo triage è concluso o scaduto (24 ore). Ricominci con «triage» seguito dal cantone, p. es. «triage TI».', en: 'This triage has ended or expired (24 hours). Start again with "triage" and the canton, e.g. "triage ZH".' },
  alreadyAnswered: { fr: 'Cette réponse est déjà enregistrée.', de: 'Diese Antwort ist bereits gespeichert.', it: 'Questa risposta è già registrata.', en: 'This answer is already recorded.' },
  noResult: { fr: "Il n'y a pas encore de verdict à exporter : répondez d'abord aux questions.", de: 'Es gibt noch kein Ergebnis zum Exportieren: Beantworten Sie zuerst die Fragen.', it: 'Non c\'è ancora un verdetto da esportare: risponda prima alle domande.', en: 'There is no verdict to export yet: answer the questions first.' },
} satisfies Record<string, Localized>;

/** The labels of the dialog's buttons. */
export const TRIAGE_BUTTONS = {
  confirm: { fr: 'Valider', de: 'Bestätigen', it: 'Confermare', en: 'Confirm' },
  none: { fr: 'Aucun', de: 'Keine', it: 'Nessuno', en: 'None' },
  back: { fr: '← Retour', de: '← Zurück', it: '← Indietro', en: '← Back' },
  restart: { fr: 'Recommencer', de: 'Neu starten', it: 'Ricominciare', en: 'Restart' },
  export: { fr: 'Copier pour le dossier', de: 'Für das Dossier kopieren', it: "Copiare per l'incarto", en: 'Copy for the case file' },
  share: { fr: 'Partager dans un fil', de: 'In einem Thread teilen', it: 'Condividere in un thread', en: 'Share in a thread' },
  change: { fr: 'Modifier une réponse', de: 'Eine Antwort ändern', it: 'Modificare una risposta', en: 'Change an answer' },
} satisfies Record<string, Localized>;

export type TriageCommand = 'cancel' | 'back' | 'restart' | 'export';

/** Commands as folded words, per language; a message of a few words holding one is that command. */
export const TRIAGE_COMMANDS: Record<Language, Record<TriageCommand, string[]>> = {
  fr: { cancel: ['annuler', 'annule', 'stop', 'arreter'], back: ['retour', 'precedent', 'precedente', 'changer', 'corriger'], restart: ['recommencer', 'reprendre', 'redemarrer', 'reset'], export: ['exporter', 'export', 'copier', 'copie'] },
  de: { cancel: ['abbrechen', 'abbruch', 'stopp', 'stop'], back: ['zuruck', 'zurueck', 'andern', 'aendern', 'korrigieren'], restart: ['neu', 'neustart', 'neustarten', 'reset'], export: ['exportieren', 'export', 'kopieren', 'kopie'] },
  it: { cancel: ['annulla', 'annullare', 'stop'], back: ['indietro', 'precedente', 'cambia', 'correggi'], restart: ['ricomincia', 'ricominciare', 'reset'], export: ['esporta', 'esportare', 'copia', 'copiare'] },
  en: { cancel: ['cancel', 'quit', 'exit', 'stop'], back: ['back', 'undo', 'previous', 'change'], restart: ['restart', 'reset', 'start over'], export: ['export', 'copy'] },
};
