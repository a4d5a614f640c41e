// Where a field of a YAML file is, so that a problem names the line a coordinator opens. js-yaml's
// parse events give the lines each mapping and list spans (a mapping opens on its key's line); a
// key holding a plain value is found by its name among the lines of the mapping that holds it.
import { load } from 'js-yaml';

interface Span {
  /** 0-based line where the node opens. */
  start: number;
  /** 0-based line where parsing of the node ended (often the next sibling's line). */
  end: number;
}

export interface LocatedYaml {
  data: unknown;
  /** The 1-based line of the field at this path, or of the nearest enclosing field the file has. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Parses like js-yaml's load (throwing its errors) and remembers where each mapping and list is. */
export function parseLocated(source: string): LocatedYaml {
  const spans = new WeakMap<object, Span>();
  const opened: number[] = [];
  const data = load(source, {
    listener(event, state) {
      if (event === 'open') opened.push(state.line);
      else {
        const start = opened.pop() ?? 0;
        if (isObject(state.result) && !spans.has(state.result)) spans.set(state.result, { start, end: state.line });
      }
    },
  });
  const lines = source.split('\n');

  /** The line of a key holding a plain value in a mapping, outside the mappings and lists nested in it. */
  const keyLine = (holder: object, key: string): number | undefined => {
    const span = spans.get(holder);
    if (!span) return undefined;
    const nested = Object.values(holder).flatMap((v) => (isObject(v) && spans.get(v) ? [spans.get(v)!] : []));
    const inNested = (i: number) => nested.some((n) => n.end > n.start && i >= n.start && i < n.end);
    const block = new RegExp(`^\\s*(?:-\\s+)?["']?${escape(key)}["']?\\s*:`);
    const flow = new RegExp(`[{,]\\s*["']?${escape(key)}["']?\\s*:`);
    for (const pattern of [block, flow]) {
      for (let i = span.start; i <= Math.min(span.end, lines.length - 1); i++) {
        if (!inNested(i) && pattern.test(lines[i]!)) return i;
      }
    }
    return span.start;
  };

  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    let node: unknown = data;
    for (const key of path) {
      if (!isObject(node)) break;
      const child = (node as Record<PropertyKey, unknown>)[key];
      if (isObject(child) && spans.has(child)) {
        node = child;
        continue;
      }
      // A plain value (or none): the key's own line where the file has it, else the holder's.
      const line = child !== undefined && !Array.isArray(node) ? keyLine(node, String(key)) : spans.get(node)?.start;
      return line === undefined ? undefined : line + 1;
    }
    const span = isObject(node) ? spans.get(node) : undefined;
    return span ? span.start + 1 : undefined;
  };

  return { data, lineOf };
}
