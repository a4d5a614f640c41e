import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../src/knowledge/loader.js';
import { createLogger } from '../src/logger.js';
import { createApp } from '../src/server.js';
import { LowStore } from '../src/store/lowdb.js';

let server: Server;
let base: string;

beforeAll(async () => {
  const app = createApp(loadKnowledge(), LowStore.inMemory(), createLogger('silent'));
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const chat = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${base}/api/chat`, { method: 'POST', headers, body });
const say = (text: string, conversationId = 'test-conversation-1', language?: string) =>
  chat(JSON.stringify({ conversationId, text, ...(language ? { language } : {}) }));

describe('the web chat server', () => {
  it('serves the chat page at /', async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/<form id="ask">/);
  });

  it('answers a question with sources', async () => {
    const response = await say('critères cas CII Genève');
    expect(response.status).toBe(200);
    const { replies } = await response.json();
    expect(replies[0].kind).toBe('answer');
    expect(replies[0].answer.language).toBe('fr');
    expect(replies[0].answer.sources.length).toBeGreaterThan(0);
  });

  it('answers a follow-up in the language of the answer that offered it', async () => {
    const body = { conversationId: 'test-conversation-2', text: 'Systèmes partenaires impliqués (2.1)', language: 'de', answerIn: 'it' };
    const { replies } = await (await chat(JSON.stringify(body))).json();
    expect(replies[0].answer.language).toBe('it');
    expect(replies[0].answer.text).toMatch(/Sistemi partner coinvolti/);
    expect(replies[0].answer.text).not.toMatch(/solo in francese|institutions/);
  });

  it('answers help in the language of the word', async () => {
    const { replies } = await (await say('hilfe', 'test-conversation-help')).json();
    expect(replies[0]).toMatchObject({ kind: 'help', language: 'de' });
  });

  it('says 400 to malformed JSON and keeps serving', async () => {
    const bad = await chat('{"text": ');
    expect(bad.status).toBe(400);
    expect(await bad.text()).not.toMatch(/at .*\.ts/);
    expect((await say('ZH')).status).toBe(200);
  });

  it('says 400 to a body of the wrong shape', async () => {
    expect((await chat(JSON.stringify({ conversationId: 'test-conversation-1', text: 42 }))).status).toBe(400);
    expect((await say('x', 'test-conversation-1', 'es')).status).toBe(400);
    expect((await chat(JSON.stringify({ text: 'no conversation' }))).status).toBe(400);
  });

  it('says 413 to a body over 1 MB', async () => {
    const response = await say('x'.repeat(1_100_000));
    expect(response.status).toBe(413);
  });

  it('runs a triage as a conversation, separate for each conversation', async () => {
    const start = await (await say('est-ce un cas CII à Genève ?', 'web-triage-a')).json();
    expect(start.replies[0].kind).toBe('notice');
    expect(start.replies[1]).toMatchObject({ kind: 'triage-question', fact: 'institutions', language: 'fr' });
    // Another conversation is not in a triage: the same answer is a question there.
    const other = await (await say('AC et aide sociale', 'web-triage-b')).json();
    expect(other.replies[0].kind).toBe('answer');
    const second = await (await say('AC et aide sociale', 'web-triage-a')).json();
    expect(second.replies[0]).toMatchObject({ kind: 'triage-answered', fact: 'institutions', answer: 'AC / ORP, aide sociale' });
    expect(second.replies[1]).toMatchObject({ kind: 'triage-question', fact: 'problems' });
    const result = await (await say('santé, pas de travail', 'web-triage-a')).json();
    expect(result.replies[1]).toMatchObject({ kind: 'triage-result', result: { verdict: 'cii-case', canton: 'GE' } });
  });

  it('answers a follow-up with what the conversation was about', async () => {
    await say('critères cas CII Genève', 'web-follow-up');
    const { replies } = await (await say('et à Zurich ?', 'web-follow-up')).json();
    expect(replies[0].answer.text).toMatch(/^\*\*Zurich — Critères d'un cas CII\*\*/);
  });

  it('answers /healthz', async () => {
    expect(await (await fetch(`${base}/healthz`)).json()).toMatchObject({ status: 'ok', heapMb: expect.any(Number) });
  });
});
