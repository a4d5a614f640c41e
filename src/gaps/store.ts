// The reported gaps in the store: one entry per report, under a random key (nothing that leads back
// to who reported or where), gone after 90 days by the store's own expiry.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { LANGUAGES } from '../knowledge/schema.js';
import type { Store } from '../store/store.js';

export const GAPS = 'gaps';
const GAP_TTL_DAYS = 90;
export const GAP_TTL_MS = GAP_TTL_DAYS * 24 * 60 * 60 * 1000;

const localized = z.object(Object.fromEntries(LANGUAGES.map((l) => [l, z.string()])) as Record<(typeof LANGUAGES)[number], z.ZodString>);

/** What a gap keeps; read back through this schema, so an entry of another shape is skipped, not shown half. */
const gapSchema = z.object({
  /** Already redacted. */
  question: z.string().min(1),
  language: z.enum(LANGUAGES),
  /** The day it was reported (Europe/Zurich), not the time: a time could be matched to a message. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  units: z.array(z.object({ id: z.string(), where: z.string(), title: localized })),
});

export type Gap = z.infer<typeof gapSchema>;

export class GapStore {
  constructor(private readonly store: Store) {}

  async add(gap: Gap): Promise<void> {
    await this.store.put<Gap>(GAPS, randomUUID(), gap, { ttlMs: GAP_TTL_MS });
  }

  /** Every gap reported in the last 90 days. */
  async list(): Promise<Gap[]> {
    return (await this.store.list<unknown>(GAPS)).flatMap(([, value]) => {
      const parsed = gapSchema.safeParse(value);
      return parsed.success ? [parsed.data] : [];
    });
  }
}
