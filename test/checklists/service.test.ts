// A checklist ticked together: every tick kept, whoever saves last.
import { describe, expect, it } from 'vitest';
import { Checklists, changesFrom } from '../../src/checklists/service.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { LowStore } from '../../src/store/lowdb.js';

const kb = loadKnowledge();

describe('shared checklists', () => {
  it('keeps both ticks when two people save at the same moment from the same card', async () => {
    const checklists = new Checklists(kb, LowStore.inMemory());
    const view = (await checklists.open('eisp', 'team', 'fr'))!;
    const seen: string[] = [];
    // Both cards showed nothing ticked; each ticks a different item and saves.
    await Promise.all([
      checklists.apply(view.id, { id: 'a', name: 'Ana' }, changesFrom(seen, { i1: true, i2: false })),
      checklists.apply(view.id, { id: 'b', name: 'Ben' }, changesFrom(seen, { i1: false, i2: true })),
    ]);
    const after = (await checklists.view(view.id))!;
    expect(after.done).toBe(2);
    const items = after.groups.flatMap((g) => g.items);
    expect(items.find((i) => i.id === 'i1')!.tick!.by.name).toBe('Ana');
    expect(items.find((i) => i.id === 'i2')!.tick!.by.name).toBe('Ben');
  });

  it('a stale card does not undo what it did not show', async () => {
    const checklists = new Checklists(kb, LowStore.inMemory());
    const view = (await checklists.open('referral:ZH', 'team', 'de'))!;
    await checklists.apply(view.id, { id: 'a' }, [{ itemId: 'c1', checked: true }]);
    // Ben's card was rendered before Ana's tick: c1 shows unticked there, he ticks c2.
    await checklists.apply(view.id, { id: 'b' }, changesFrom([], { c1: false, c2: true }));
    expect((await checklists.view(view.id))!.done).toBe(2);
    // Unticking works from a card that showed the tick.
    await checklists.apply(view.id, { id: 'a' }, changesFrom(['c1', 'c2'], { c1: false, c2: true }));
    expect((await checklists.view(view.id))!.done).toBe(1);
  });

  it('records when an item was ticked and survives a restart of the store', async () => {
    const store = LowStore.inMemory(() => 0);
    const at = new Date('2026-03-29T07:30:00Z');
    const checklists = new Checklists(kb, store, () => at);
    const view = (await checklists.open('eisp:ai', 'team', 'it'))!;
    await checklists.apply(view.id, { id: 'x', name: 'Zoe' }, [{ itemId: 'ai1', checked: true }, { itemId: 'nope', checked: true }]);
    const again = (await new Checklists(kb, store).view(view.id))!;
    const item = again.groups.flatMap((g) => g.items).find((i) => i.id === 'ai1')!;
    expect(item.tick).toEqual({ by: { id: 'x', name: 'Zoe' }, at: at.toISOString() });
    expect(again.done).toBe(1);
  });

  it('answers an unknown checklist with nothing rather than an error', async () => {
    const checklists = new Checklists(kb, LowStore.inMemory());
    expect(await checklists.view('no-such-id')).toBeUndefined();
    expect(await checklists.apply('no-such-id', { id: 'a' }, [])).toBeUndefined();
    expect(await checklists.open('referral:XX', 'c', 'fr')).toBeUndefined();
  });
});
