// The middleware every channel shares: a delivery answered once, a failed or abandoned turn
// answered on redelivery, the allowlist, the locale.
import { describe, expect, it } from 'vitest';
import { ANSWERED_MS, Inbound, LEASE_MS } from '../src/channels/inbound.js';
import { localeLanguage } from '../src/channels/locale.js';
import { createLogger } from '../src/logger.js';
import { LowStore } from '../src/store/lowdb.js';

function inbound(allowlists: Record<string, string[]> = {}) {
  let now = 5_000_000;
  const store = LowStore.inMemory(() => now);
  return { inbound: new Inbound(store, allowlists, createLogger('silent')), advance: (ms: number) => (now += ms) };
}

describe('the shared inbound middleware', () => {
  it('skips a redelivery while the first is being answered and after it was answered', async () => {
    const { inbound: i, advance } = inbound();
    const first = await i.admit({ channel: 'slack', keys: ['Ev1', 'C1:1.0'] });
    expect(first.admitted).toBe(true);
    expect(await i.admit({ channel: 'slack', keys: ['Ev1'] })).toEqual({ admitted: false, reason: 'duplicate' });
    if (first.admitted) await first.finish(true);
    advance(LEASE_MS + 1);
    expect((await i.admit({ channel: 'slack', keys: ['Ev1'] })).admitted).toBe(false);
    advance(ANSWERED_MS);
    expect((await i.admit({ channel: 'slack', keys: ['Ev1'] })).admitted).toBe(true);
  });

  it('answers the redelivery of a turn that failed, or whose instance died before answering', async () => {
    const { inbound: i, advance } = inbound();
    const failed = await i.admit({ channel: 'teams', keys: ['a|1'] });
    if (failed.admitted) await failed.finish(false);
    expect((await i.admit({ channel: 'teams', keys: ['a|1'] })).admitted).toBe(true);
    // Claimed, never finished: the lease runs out and the redelivery is answered.
    await i.admit({ channel: 'teams', keys: ['a|2'] });
    advance(LEASE_MS + 1);
    expect((await i.admit({ channel: 'teams', keys: ['a|2'] })).admitted).toBe(true);
  });

  it('keeps the channels apart and serves only the allowed workspaces', async () => {
    const { inbound: i } = inbound({ slack: ['T1'] });
    expect((await i.admit({ channel: 'slack', keys: ['x'], workspace: 'T1' })).admitted).toBe(true);
    expect((await i.admit({ channel: 'teams', keys: ['x'] })).admitted).toBe(true);
    expect(await i.admit({ channel: 'slack', keys: ['y'], workspace: 'T2' })).toEqual({ admitted: false, reason: 'workspace-not-allowed' });
    expect(await i.admit({ channel: 'slack', keys: ['z'] })).toEqual({ admitted: false, reason: 'workspace-not-allowed' });
  });
});

describe('the shared locale step', () => {
  it('reads the language of a channel locale, and nothing for a language the assistant does not speak', () => {
    expect(['de-CH', 'en-US', 'it', 'FR-ch', 'es-ES', undefined].map(localeLanguage)).toEqual(['de', 'en', 'it', 'fr', undefined, undefined]);
  });
});
