// `npm run languages` (run by `npm run build` and `npm test` first): the list of languages the
// compiler checks every text and UI string against, written from the folders under locales/ into
// src/knowledge/languages.generated.ts. Adding a language is its folder (with formats.order, its
// place in lists of languages) and its texts in the base; nothing in the code.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load as parseYaml } from 'js-yaml';
import { z } from 'zod';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const GENERATED = join(ROOT, 'src', 'knowledge', 'languages.generated.ts');

const formatsFile = z.object({ formats: z.object({ order: z.number().int().positive() }).passthrough() }).passthrough();

/** The languages of the folders under `dir`, in their order, as the generated module's text. */
export function languagesModule(dir: string): string {
  const folders = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  const placed = folders.map((name) => {
    if (!/^[a-z]{2}$/.test(name)) throw new Error(`${dir}/${name}: a language folder is named by its two-letter code (fr, de, it, en)`);
    const file = join(dir, name, 'formats.yaml');
    let parsed;
    try {
      parsed = formatsFile.safeParse(parseYaml(readFileSync(file, 'utf8')));
    } catch (error) {
      throw new Error(`${file}: ${(error as Error).message}`);
    }
    if (!parsed.success) throw new Error(`${file}: formats.order is missing or not a positive whole number (the language's place in lists of languages)`);
    return { name, order: parsed.data.formats.order };
  });
  placed.sort((a, b) => a.order - b.order);
  const same = placed.find((p, i) => i > 0 && p.order === placed[i - 1]!.order);
  if (same) throw new Error(`${dir}: two languages have formats.order ${same.order}`);
  return [
    '// Written by scripts/languages.ts from the folders under locales/ (npm run languages; npm run build',
    '// and npm test run it first): do not edit.',
    `export const LANGUAGES = [${placed.map((p) => `'${p.name}'`).join(', ')}] as const;`,
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = languagesModule(join(ROOT, 'locales'));
  let current = '';
  try {
    current = readFileSync(GENERATED, 'utf8');
  } catch {
    // Not written yet.
  }
  if (current !== text) writeFileSync(GENERATED, text);
}
