// A schema's complaint in words a coordinator editing the YAML can act on: "missing Italian text"
// rather than "Invalid input: expected string, received undefined".
import type { z } from 'zod';
import { isLanguage } from './primitives.js';

const LANGUAGE_NAMES = { fr: 'French', de: 'German', it: 'Italian', en: 'English' } as const;

/** What the fields that every file has hold, said once for every message about them. */
const FIELD_MEANINGS: Record<string, string> = {
  source: 'the document and the place the fact was read',
  document: "the source document's file name",
  where: 'the place in the document: table or section, and lines',
  text: 'the text in French, German, Italian and English',
  status: "'reported', or 'not-reported' with the reason",
  reason: 'why the source says nothing',
  facts: 'the list of facts',
  edition: "the document's edition: id, series, date and label",
  code: 'the canton code, as in the file name',
};

const KINDS: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields, one per line',
};

function kindOf(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  return KINDS[typeof value] ?? typeof value;
}

function field(key: PropertyKey | undefined): string {
  const name = String(key);
  const meaning = FIELD_MEANINGS[name];
  return `field «${name}»${meaning ? ` (${meaning})` : ''}`;
}

/**
 * One issue of a schema, told from the value the file has at its path. The field path and the
 * line are said beside it (reader.ts).
 */
export function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  const key = issue.path.at(-1);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return isLanguage(key) ? `missing ${LANGUAGE_NAMES[key]} text` : `missing ${field(key)}`;
      return `should be ${KINDS[issue.expected] ?? issue.expected}, not ${kindOf(value)}`;
    case 'too_small':
      if (issue.origin === 'string') return isLanguage(key) ? `empty ${LANGUAGE_NAMES[key]} text` : 'is empty';
      if (issue.origin === 'array') return `needs at least ${issue.minimum} ${issue.minimum === 1 ? 'entry' : 'entries'}`;
      return `must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array') return `has more than ${issue.maximum} entries`;
      return `must be at most ${issue.maximum}`;
    case 'invalid_value':
      return `«${String(value)}» is not one of: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length === 1 ? 'field' : 'fields'} ${issue.keys.map((k) => `«${k}»`).join(', ')}: misspelt, or not a field here`;
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (options) return `«${String(value)}» is not one of: ${options.map(String).join(', ')}`;
      return 'matches none of the forms this field may take';
    }
    case 'invalid_format':
      // Our patterns carry an example ("an id like T4-AG-1"); zod's own say "must match pattern".
      return `«${String(value)}» is not in the expected form: ${issue.message}`;
    default:
      return issue.message;
  }
}
