// The project's own folders (knowledge/, cards/, migrations/, adapters/web/public/), found from the
// project root, so that the same code runs from src/ under tsx and from dist/ once compiled.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  throw new Error(`No package.json above ${start}`);
}

export const ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

export const projectPath = (...parts: string[]): string => join(ROOT, ...parts);
