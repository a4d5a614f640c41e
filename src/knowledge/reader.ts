// Reads the YAML files of one knowledge folder (knowledge/ or an edition folder) against their
// schemas. Every problem names the folder, the file, the line and the field, in words a
// coordinator editing the file can act on: "knowledge/cantons/GE.yaml, line 42,
// inventory.steering.facts[0].text.it: missing Italian text".
import { readdirSync, readFileSync } from 'node:fs';
import { basename, isAbsolute, join, relative } from 'node:path';
import type { z } from 'zod';
import type { Problem } from './base.js';
import { describeIssue } from './problems.js';
import { parseLocated, type LocatedYaml } from './yaml-lines.js';

/** A folder as a coordinator finds it: relative to where the command runs, unless it lies elsewhere. */
export function folderName(dir: string): string {
  const rel = relative(process.cwd(), dir);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : dir;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('').replace(/^\./, '');
}

/** "inventory.projects.items[0]" back into its keys. */
function parsePath(field: string): PropertyKey[] {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const key of path) node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  return node;
}

/** One line per problem: "folder/file, line n, field: message"; the folder is the base's unless the problem names another. */
export function formatProblem(p: Problem, baseFolder: string): string {
  const where = [`${p.folder ?? baseFolder}/${p.file}`, ...(p.line ? [`line ${p.line}`] : []), ...(p.field ? [p.field] : [])];
  return `${where.join(', ')}: ${p.message}`;
}

export class FolderReader {
  readonly problems: Problem[] = [];
  private readonly parsed = new Map<string, LocatedYaml>();

  /** `folder`: the name problems carry, for a folder other than the base (an edition folder). */
  constructor(
    readonly dir: string,
    readonly folder?: string,
  ) {}

  /** A file validated by its schema; undefined with its problems noted. An optional file may be absent. */
  read<S extends z.ZodType>(file: string, schema: S, optional = false): z.infer<S> | undefined {
    let text: string;
    try {
      text = readFileSync(join(this.dir, file), 'utf8');
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      if (!(missing && optional)) this.add({ file, field: '', message: missing ? 'file is missing' : `cannot be read: ${(error as Error).message}` });
      return undefined;
    }
    let located: LocatedYaml;
    try {
      located = parseLocated(text);
    } catch (error) {
      const { reason, mark } = error as { reason?: string; mark?: { line: number } };
      this.add({ file, field: '', message: `not readable YAML: ${reason ?? (error as Error).message}`, ...(mark ? { line: mark.line + 1 } : {}) });
      return undefined;
    }
    this.parsed.set(file, located);
    const result = schema.safeParse(located.data);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      // An unknown field is pointed at on its own line.
      const at = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
      const line = located.lineOf(at);
      this.problems.push({ ...this.named, file, field: formatPath(issue.path), message: describeIssue(issue, valueAt(located.data, issue.path)), ...(line ? { line } : {}) });
    }
    return undefined;
  }

  /** The YAML files of a subfolder, sorted; undefined when it is absent. */
  list(subfolder: string): string[] | undefined {
    try {
      return readdirSync(join(this.dir, subfolder)).filter((f) => f.endsWith('.yaml')).sort();
    } catch {
      return undefined;
    }
  }

  /** Problems found across files: with this folder, and the line of the field where the file has it. */
  add(...problems: Problem[]): void {
    for (const p of problems) {
      const line = p.line ?? (p.field ? this.parsed.get(p.file)?.lineOf(parsePath(p.field)) : undefined);
      this.problems.push({ ...p, ...this.named, ...(line ? { line } : {}) });
    }
  }

  private get named(): { folder?: string } {
    return this.folder ? { folder: this.folder } : {};
  }
}

/** The canton files of a folder's cantons/, each validated and named by its code. */
export function readCantonFolder<S extends z.ZodType<{ code: string }>>(reader: FolderReader, schema: S, files: readonly string[]): Map<string, z.infer<S>> {
  const cantons = new Map<string, z.infer<S>>();
  for (const file of files) {
    const path = join('cantons', file);
    const data = reader.read(path, schema);
    if (!data) continue;
    if (basename(file, '.yaml') !== data.code) {
      reader.add({ file: path, field: 'code', message: `code ${data.code} does not match the file name` });
      continue;
    }
    cantons.set(data.code, data);
  }
  return cantons;
}
