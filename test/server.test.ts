import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../src/knowledge/loader.js';
import { createLogger } from '../src/logger.js';
import { createApp } from '../src/server.js';

let server: Server;
let base: string;

beforeAll(async () => {
  const app = createApp(loadKnowledge(), createLogger('silent'));
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const chat = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${base}/api/chat`, { method: 'POST', headers, body });

describe('the web chat server', () => {
  it('serves the chat page at /', async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/<form id="ask">/);
  });

  it('answers a question with sources', async () => {
    const response = await chat(JSON.stringify({ text: 'critères cas CII Genève' }));
    expect(response.status).toBe(200);
    const { replies } = await response.json();
    expect(replies[0].kind).toBe('answer');
    expect(replies[0].answer.language).toBe('fr');
    expect(replies[0].answer.sources.length).toBeGreaterThan(0);
  });

  it('answers help in the language of the word', async () => {
    const { replies } = await (await chat(JSON.stringify({ text: 'hilfe' }))).json();
    expect(replies[0]).toMatchObject({ kind: 'help', language: 'de' });
  });

  it('says 400 to malformed JSON and keeps serving', async () => {
    const bad = await chat('{"text": ');
    expect(bad.status).toBe(400);
    expect(await bad.text()).not.toMatch(/at .*\.ts/);
    expect((await chat(JSON.stringify({ text: 'ZH' }))).status).toBe(200);
  });

  it('says 400 to a body of the wrong shape', async () => {
    expect((await chat(JSON.stringify({ text: 42 }))).status).toBe(400);
    expect((await chat(JSON.stringify({ text: 'x', language: 'es' }))).status).toBe(400);
  });

  it('says 413 to a body over 1 MB', async () => {
    const response = await chat(JSON.stringify({ text: 'x'.repeat(1_100_000) }));
    expect(response.status).toBe(413);
  });

  it('answers /healthz', async () => {
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
  });
});
