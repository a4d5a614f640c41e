// The search a user could do without the assistant: plain BM25 over the raw source paragraphs.
import { readFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import { DOCUMENT_FILES, type DocumentFile } from '../src/knowledge/schema.js';

export interface Paragraph {
  id: number;
  document: DocumentFile;
  text: string;
}

export function rawParagraphs(seedsDir: string): Paragraph[] {
  const out: Paragraph[] = [];
  for (const document of DOCUMENT_FILES) {
    const text = readFileSync(`${seedsDir}/${document}`, 'utf8');
    for (const chunk of text.split(/\n\s*\n/)) {
      if (chunk.trim().length > 20) out.push({ id: out.length, document, text: chunk.trim() });
    }
  }
  return out;
}

export function bm25(paragraphs: Paragraph[]): (query: string) => Paragraph | undefined {
  const index = new MiniSearch<Paragraph>({ fields: ['text'], storeFields: [] });
  index.addAll(paragraphs);
  return (query) => {
    const [top] = index.search(query);
    return top ? paragraphs[top.id as number] : undefined;
  };
}
