// Checklists a team ticks together: each opened checklist is stored with who ticked what and
// when. Ticks are applied as changes to what the user saw, inside one atomic store update, so two
// people ticking at the same moment never undo each other.
import { randomUUID } from 'node:crypto';
import type { KnowledgeBase } from '../knowledge/loader.js';
import type { Language } from '../knowledge/schema.js';
import type { Store } from '../store/store.js';
import { definitionFor, itemText, type ChecklistDefinition } from './definitions.js';

const COLLECTION = 'checklists';

export interface Ticker {
  id: string;
  /** The display name the channel gives for the colleague who ticked. */
  name?: string;
}

export interface Tick {
  by: Ticker;
  at: string;
}

export interface ChecklistState {
  id: string;
  key: string;
  conversationId: string;
  language: Language;
  createdAt: string;
  ticks: Record<string, Tick>;
  version: number;
}

export interface ItemChange {
  itemId: string;
  checked: boolean;
}

export interface ChecklistView {
  id: string;
  key: string;
  title: string;
  language: Language;
  done: number;
  total: number;
  version: number;
  groups: { id: string; title: string; items: { id: string; text: string; checked: boolean; tick?: Tick }[] }[];
}

/** What a user changed: their submitted toggles against the ticks their card showed. */
export function changesFrom(seen: readonly string[], submitted: Record<string, boolean>): ItemChange[] {
  return Object.entries(submitted)
    .filter(([itemId, checked]) => checked !== seen.includes(itemId))
    .map(([itemId, checked]) => ({ itemId, checked }));
}

export function viewOf(definition: ChecklistDefinition, state: ChecklistState, language: Language = state.language): ChecklistView {
  return {
    id: state.id,
    key: state.key,
    title: definition.title[language],
    language,
    done: definition.items.filter((i) => state.ticks[i.id]).length,
    total: definition.items.length,
    version: state.version,
    groups: definition.groups.map((g) => ({
      id: g.id,
      title: g.title[language],
      items: definition.items
        .filter((i) => i.group === g.id)
        .map((i) => ({ id: i.id, text: itemText(i, language), checked: Boolean(state.ticks[i.id]), ...(state.ticks[i.id] ? { tick: state.ticks[i.id] } : {}) })),
    })),
  };
}

export class Checklists {
  constructor(
    private readonly kb: KnowledgeBase,
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async open(key: string, conversationId: string, language: Language): Promise<ChecklistView | undefined> {
    const definition = definitionFor(this.kb, key);
    if (!definition) return undefined;
    const state: ChecklistState = { id: randomUUID(), key, conversationId, language, createdAt: this.now().toISOString(), ticks: {}, version: 0 };
    await this.store.put(COLLECTION, state.id, state);
    return viewOf(definition, state);
  }

  async view(id: string, language?: Language): Promise<ChecklistView | undefined> {
    const state = await this.store.get<ChecklistState>(COLLECTION, id);
    const definition = state && definitionFor(this.kb, state.key);
    return state && definition ? viewOf(definition, state, language) : undefined;
  }

  /** Applies one user's ticks and unticks; unknown items are ignored. */
  async apply(id: string, by: Ticker, changes: ItemChange[], language?: Language): Promise<ChecklistView | undefined> {
    const at = this.now().toISOString();
    let definition: ChecklistDefinition | undefined;
    const state = await this.store.update<ChecklistState>(COLLECTION, id, (current) => {
      if (!current) return undefined;
      definition = definitionFor(this.kb, current.key);
      if (!definition) return current;
      const ids = new Set(definition.items.map((i) => i.id));
      const ticks = { ...current.ticks };
      for (const change of changes) {
        if (!ids.has(change.itemId)) continue;
        if (change.checked && !ticks[change.itemId]) ticks[change.itemId] = { by, at };
        if (!change.checked) delete ticks[change.itemId];
      }
      return { ...current, ticks, version: current.version + 1 };
    });
    return state && definition ? viewOf(definition, state, language) : undefined;
  }
}
