// What of a reported question may be kept: the question without what could point to a person.
// Only what can be told mechanically goes: numbers of any kind (phone, AHV/AVS, case and file
// numbers, dates of birth, addresses), e-mail addresses, links, mentions of people in Teams and
// Slack, and a name after a courtesy title ("Herrn Müller", "Mme Dupont"). A bare name cannot be
// told from a place or a project's name, so the button's note asks for none.
import { allCues } from '../locales.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What stands in for what was taken out: the coordinator sees that something was there. */
const REMOVED = '[…]';
const NUMBER = '#';

/** The longest question kept: enough for what was asked, short enough for a button's value (Slack: 2,000 characters). */
export const GAP_QUESTION_MAX = 500;

/**
 * "herr" → /[Hh]err\.?/: a title as written at the start of a sentence or within it; one of one
 * letter only with its full stop ("M. Dupont", not the "m" of "I'm").
 */
function title(word: string): string {
  const letters = `[${word[0]!.toUpperCase()}${word[0]}]${escape(word.slice(1))}`;
  return word.length === 1 ? `${letters}\\.` : `${letters}\\.?`;
}
const TITLES = allCues('gaps.honorific').sort((a, b) => b.length - a.length).map(title).join('|');

const PATTERNS: [RegExp, string][] = [
  // Mentions: Teams <at>Name</at>; Slack <@U123>, <#C123|name>, <!subteam^S1>, and its links <mailto:…|…>, <https://…|…>.
  [/<at>[^<]*<\/at>/giu, REMOVED],
  [/<[@#!][^>]*>/gu, REMOVED],
  [/<(?:https?|mailto):[^>]*>/giu, REMOVED],
  [/\b(?:https?:\/\/|www\.)\S+/giu, REMOVED],
  [/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu, REMOVED],
  // A courtesy title and the one or two capitalised words after it (a first name and a surname; in
  // German, a noun after a lone surname goes too: a word too many rather than a name kept).
  [new RegExp(`(?<!\\p{L})(${TITLES})\\s+\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*)?`, 'gu'), `$1 ${REMOVED}`],
  // Numbers with what holds their parts together: "+41 79 123 45 67", "756.1234.5678.97", "12/03/1980".
  [/\+?\p{Nd}(?:[\p{Nd}\s./'’-]*\p{Nd})?/gu, NUMBER],
];

/** The question as it may be kept: the same text, whatever could identify someone taken out, at most GAP_QUESTION_MAX characters. */
export function redact(text: string): string {
  let kept = text;
  for (const [pattern, replacement] of PATTERNS) kept = kept.replace(pattern, replacement);
  kept = kept.replace(/\s+/g, ' ').trim();
  return kept.length <= GAP_QUESTION_MAX ? kept : `${kept.slice(0, GAP_QUESTION_MAX - 1)}…`;
}
