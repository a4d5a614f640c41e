// Who reaches the web chat: this machine only by default; with WEB_CHAT_PUBLIC, whoever gives the
// token; WEB_CHAT=off removes it. Requests from "outside" go to this machine's own network address,
// so the server sees a non-loopback peer as it would from another machine.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { networkInterfaces } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { createLogger } from '../../src/logger.js';
import { createApp, type Settings } from '../../src/server.js';
import { LowStore } from '../../src/store/lowdb.js';

const kb = loadKnowledge();
const outside = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

async function serve(settings: Settings): Promise<number> {
  const app = createApp(kb, LowStore.inMemory(), createLogger('silent'), settings);
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '0.0.0.0', () => resolve(s));
  });
  servers.push(server);
  return (server.address() as AddressInfo).port;
}

const ask = (host: string, port: number, headers: Record<string, string> = {}) =>
  fetch(`http://${host}:${port}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ conversationId: 'access-test-1', text: 'indication 3' }) });

const TOKEN = 'a-token-of-24-characters';

describe.skipIf(!outside)('the web chat from another machine', () => {
  it('answers on this machine and refuses others by default, page and endpoints', async () => {
    const port = await serve({});
    expect((await ask('127.0.0.1', port)).status).toBe(200);
    expect((await ask(outside!, port)).status).toBe(403);
    expect((await fetch(`http://${outside}:${port}/`)).status).toBe(403);
    expect((await fetch(`http://${outside}:${port}/api/channel?conversationId=access-test-1`)).status).toBe(403);
    // Health and the other channels' routes stay reachable.
    // without the memory figures, which are for this machine
    expect(await (await fetch(`http://${outside}:${port}/healthz`)).json()).toEqual({ status: 'ok' });
  });

  it('when public, serves the page to anyone and answers only with the token', async () => {
    const port = await serve({ web: { public: true, token: TOKEN } });
    expect((await fetch(`http://${outside}:${port}/`)).status).toBe(200);
    const without = await ask(outside!, port);
    expect(without.status).toBe(401);
    expect(await without.json()).toMatchObject({ token: 'required' });
    expect((await ask(outside!, port, { authorization: 'Bearer wrong-token-of-24-chars' })).status).toBe(401);
    const withToken = await ask(outside!, port, { authorization: `Bearer ${TOKEN}` });
    expect(withToken.status).toBe(200);
    expect((await withToken.json()).replies[0].kind).toBe('answer');
  });
});

describe('the web chat switched off', () => {
  it('is gone, while health answers', async () => {
    const port = await serve({ web: { off: true, public: false } });
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(404);
    expect((await ask('127.0.0.1', port)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });
});

describe('the web chat settings', () => {
  it('refuses WEB_CHAT_PUBLIC without a token, and a short token', () => {
    expect(() => loadConfig({ WEB_CHAT_PUBLIC: 'true' })).toThrow(/WEB_CHAT_TOKEN: required/);
    expect(() => loadConfig({ WEB_CHAT_PUBLIC: 'true', WEB_CHAT_TOKEN: 'short' })).toThrow(/WEB_CHAT_TOKEN/);
    expect(loadConfig({ WEB_CHAT: 'off', WEB_CHAT_PUBLIC: 'true' }).WEB_CHAT).toBe('off');
    expect(loadConfig({}).WEB_CHAT_PUBLIC).toBe(false);
  });
});
