// The knowledge base's shape: its single files with their schemas, the cantons, and the problems a
// file can have. Shared by the loader and the cross-reference checks.
import type { z } from 'zod';
import { derivationsDocument } from '../triage/derivations.js';
import { cantonPropertiesDocument } from './canton-properties.js';
import {
  errataDocument,
  glossaryDocument,
  indicationsDocument,
  inventoryDocument,
  organismesDocument,
  sourcesDocument,
  topicDocument,
  type Canton,
  type CantonCode,
} from './schema.js';

export interface Problem {
  /** The file, relative to its knowledge folder: "cantons/GE.yaml". */
  file: string;
  field: string;
  message: string;
  /** The 1-based line of the field, where the file has it. */
  line?: number;
  /** The edition folder the file is in, as a coordinator finds it; none for the base's own files. */
  folder?: string;
}

/** The single files of the base, each with its schema. */
export const SINGLE_FILES = {
  sources: ['sources.yaml', sourcesDocument],
  inventory: ['inventory.yaml', inventoryDocument],
  indications: ['indications.yaml', indicationsDocument],
  organismes: ['organismes.yaml', organismesDocument],
  neuchatel: ['neuchatel.yaml', topicDocument],
  oias: ['oias.yaml', topicDocument],
  nationalProgramme: ['national-programme.yaml', topicDocument],
  guide: ['guide.yaml', topicDocument],
  glossary: ['glossary.yaml', glossaryDocument],
  derivations: ['triage-derivations.yaml', derivationsDocument],
  errata: ['errata.yaml', errataDocument],
  cantonProperties: ['canton-properties.yaml', cantonPropertiesDocument],
} as const;

type Single = typeof SINGLE_FILES;
export type KnowledgeBase = { [K in keyof Single]: z.infer<Single[K][1]> } & {
  cantons: Map<CantonCode, Canton>;
};
