// Slack end to end over HTTP: requests signed with a test secret sent to the running server; the
// Web API pointed at a local stand-in through slackApiUrl, which records every call.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { createLogger } from '../../src/logger.js';
import { createApp } from '../../src/server.js';
import { LowStore } from '../../src/store/lowdb.js';
import type { Store } from '../../src/store/store.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SECRET = 'test-signing-secret';
const kb = loadKnowledge();
const calls: { method: string; body: Record<string, any> }[] = [];
let webApi: Server;
let apiUrl: string;
let ts = 1000;

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

beforeAll(async () => {
  webApi = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0]!;
      const type = req.headers['content-type'] ?? '';
      const body = type.includes('json') ? JSON.parse(raw || '{}') : Object.fromEntries(new URLSearchParams(raw));
      for (const key of ['blocks', 'view']) if (typeof body[key] === 'string') body[key] = JSON.parse(body[key]);
      calls.push({ method, body });
      res.writeHead(200, { 'content-type': 'application/json' });
      const reply: Record<string, unknown> = { ok: true };
      if (method === 'chat.postMessage') Object.assign(reply, { ts: `${++ts}.000100`, channel: body.channel });
      if (method === 'users.info') reply.user = { id: body.user, locale: body.user === 'U_DE' ? 'de-CH' : 'fr-CH' };
      if (method === 'views.open' || method === 'views.update') reply.view = { id: 'V1', hash: 'h1' };
      res.end(JSON.stringify(reply));
    });
  });
  apiUrl = `${await listen(webApi)}/api/`;
});
afterAll(() => new Promise<void>((r) => webApi.close(() => r())));
beforeEach(() => {
  calls.length = 0;
});

async function startApp(allowedTeams: string[] = [], store: Store = LowStore.inMemory()) {
  const app = createApp(kb, store, createLogger('silent'), { slack: { botToken: 'xoxb-test', signingSecret: SECRET, apiUrl, allowedTeams } });
  const server = createServer(app);
  const base = await listen(server);
  return { base, close: () => new Promise<void>((r) => server.close(() => r())) };
}

function signed(body: string, when = Math.floor(Date.now() / 1000), secret = SECRET): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${when}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(when), 'x-slack-signature': signature };
}

async function send(base: string, body: string, type: 'form' | 'json', headers: Record<string, string> = {}) {
  return fetch(`${base}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': type === 'json' ? 'application/json' : 'application/x-www-form-urlencoded', ...signed(body), ...headers },
    body,
  });
}

const command = (text: string, extra: Record<string, string> = {}) =>
  new URLSearchParams({ command: '/cii', text, team_id: 'T1', channel_id: 'C1', user_id: 'U_FR', user_name: 'ana', trigger_id: 'trigger-1', response_url: `${apiUrl}response`, ...extra }).toString();
const interaction = (payload: unknown) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

async function waitFor(method: string, count = 1) {
  for (let i = 0; i < 150; i++) {
    const found = calls.filter((c) => c.method === method);
    if (found.length >= count) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
  return calls.filter((c) => c.method === method);
}

describe('Slack over HTTP', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app.close());

  it('answers /cii <question> in the channel with Block Kit, within the 3-second ack', async () => {
    const started = Date.now();
    const response = await send(app.base, command('critères cas CII Vaud'), 'form');
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    const [post] = await waitFor('chat.postMessage');
    expect(post!.body.channel).toBe('C1');
    expect(JSON.stringify(post!.body.blocks)).toMatch(/trois institutions/);
  });

  it('opens the triage modal with the canton\'s questions, and posts the verdict on submission', async () => {
    await send(app.base, command('triage Genève'), 'form');
    const [open] = await waitFor('views.open');
    expect(open!.body.trigger_id).toBe('trigger-1');
    const view = open!.body.view;
    expect(view.callback_id).toBe('triage.form');
    expect(view.blocks.map((b: any) => b.block_id)).toEqual(expect.arrayContaining(['fact:institutions', 'fact:problems']));
    const submission = {
      type: 'view_submission',
      team: { id: 'T1' },
      user: { id: 'U_FR', name: 'ana' },
      view: {
        id: 'V1', callback_id: 'triage.form', private_metadata: view.private_metadata, hash: 'h1',
        state: { values: { 'fact:institutions': { value: { type: 'checkboxes', selected_options: [{ value: 'AC' }, { value: 'AS' }] } }, 'fact:problems': { value: { type: 'checkboxes', selected_options: [{ value: 'health' }, { value: 'social' }] } } } },
      },
    };
    expect((await send(app.base, interaction(submission), 'form')).status).toBe(200);
    const [post] = await waitFor('chat.postMessage');
    expect(post!.body.channel).toBe('C1');
    expect(JSON.stringify(post!.body.blocks)).toMatch(/Cas CII — GE/);
  });

  it('answers a follow-up button in the language of the answer that offered it', async () => {
    await send(app.base, command('indicazione 38'), 'form');
    const [post] = await waitFor('chat.postMessage');
    const buttons = post!.body.blocks.find((b: any) => b.type === 'actions' && b.elements[0].action_id === 'ask.0');
    expect(JSON.parse(buttons.elements[0].value)).toMatchObject({ language: 'it' });
    calls.length = 0;
    const click = {
      type: 'block_actions', team: { id: 'T1' }, user: { id: 'U_DE', name: 'jo' }, channel: { id: 'C1' }, trigger_id: 't3',
      actions: [{ type: 'button', action_id: 'ask.0', block_id: buttons.block_id, value: JSON.stringify({ text: 'Systèmes partenaires impliqués (2.1)', language: 'it' }) }],
    };
    expect((await send(app.base, interaction(click), 'form')).status).toBe(200);
    const [answer] = await waitFor('chat.postMessage');
    expect(JSON.stringify(answer!.body.blocks)).toMatch(/Sistemi partner coinvolti/);
  });

  it('updates a checklist message for everyone when someone ticks', async () => {
    await send(app.base, command('checklist referral VS'), 'form');
    const [post] = await waitFor('chat.postMessage');
    const blocks = post!.body.blocks;
    const tickable = blocks.find((b: any) => b.type === 'actions');
    const first = tickable.elements[0].options[0];
    const action = {
      type: 'block_actions', team: { id: 'T1' }, user: { id: 'U_DE', name: 'jo' }, channel: { id: 'C1' }, trigger_id: 't2',
      message: { ts: `${ts}.000100`, blocks },
      actions: [{ type: 'checkboxes', action_id: 'checklist.tick', block_id: tickable.block_id, selected_options: [first] }],
    };
    expect((await send(app.base, interaction(action), 'form')).status).toBe(200);
    const [update] = await waitFor('chat.update');
    expect(update!.body.channel).toBe('C1');
    expect(update!.body.ts).toBe(`${ts}.000100`);
    expect(JSON.stringify(update!.body.blocks)).toMatch(/"initial_options":\[\{"text"/);
    expect(JSON.stringify(update!.body.blocks)).toMatch(/1\/\d+/);
  });

  it('answers a mention in the user\'s language, and a retried event only once', async () => {
    const event = JSON.stringify({
      type: 'event_callback', team_id: 'T1', event_id: 'Ev1', event_time: 1,
      event: { type: 'app_mention', user: 'U_DE', text: '<@UBOT> wer steuert die IIZ im Kanton Genf?', channel: 'C2', ts: '1700000000.000200' },
    });
    expect((await send(app.base, event, 'json')).status).toBe(200);
    await waitFor('chat.postMessage');
    expect((await send(app.base, event, 'json', { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    const posts = calls.filter((c) => c.method === 'chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0]!.body.blocks)).toMatch(/Genf — Steuerung/);
  });

  it('runs a Geneva triage in a channel with checkboxes, updates each answered question, and shares the result in a thread', async () => {
    const event = JSON.stringify({
      type: 'event_callback', team_id: 'T1', event_id: 'Ev-triage', event_time: 1,
      event: { type: 'app_mention', user: 'U_FR', text: '<@UBOT> est-ce un cas CII à Genève ?', channel: 'C3', ts: '1700000000.000300' },
    });
    await send(app.base, event, 'json');
    const [, first] = await waitFor('chat.postMessage', 2);
    const list = first!.body.blocks.find((b: any) => b.block_id?.startsWith('triage-list:'));
    expect(list.elements[0]).toMatchObject({ type: 'checkboxes', action_id: 'triage.select' });
    const confirmButton = (blocks: any[]) => blocks.find((b: any) => b.block_id?.startsWith('triage-buttons:')).elements.find((e: any) => e.action_id === 'triage.confirm');
    const confirm = async (blocks: any[], ts: string, values: string[]) => {
      const block = blocks.find((b: any) => b.block_id?.startsWith('triage-list:'));
      const button = confirmButton(blocks);
      const click = {
        type: 'block_actions', team: { id: 'T1' }, user: { id: 'U_FR', name: 'ana' }, channel: { id: 'C3' }, trigger_id: 't4',
        message: { ts, blocks },
        state: { values: { [block.block_id]: { 'triage.select': { type: 'checkboxes', selected_options: values.map((value) => ({ value })) } } } },
        actions: [{ type: 'button', action_id: 'triage.confirm', block_id: 'triage-buttons', value: button.value }],
      };
      expect((await send(app.base, interaction(click), 'form')).status).toBe(200);
    };
    calls.length = 0;
    await confirm(first!.body.blocks, '1700000001.000100', ['AC', 'AS']);
    const [update] = await waitFor('chat.update');
    expect(update!.body).toMatchObject({ channel: 'C3', ts: '1700000001.000100' });
    expect(JSON.stringify(update!.body.blocks)).toContain('✓ *AC / ORP, aide sociale*');
    const [problems] = await waitFor('chat.postMessage');
    expect(problems!.body.text).toMatch(/Quels problèmes/);
    calls.length = 0;
    await confirm(problems!.body.blocks, '1700000002.000100', ['health', 'no-sufficient-income']);
    const [result] = await waitFor('chat.postMessage');
    expect(result!.body.text).toBe('Cas CII');
    const share = result!.body.blocks.flatMap((b: any) => b.elements ?? []).find((e: any) => e.action_id === 'triage.export');
    calls.length = 0;
    const click = {
      type: 'block_actions', team: { id: 'T1' }, user: { id: 'U_FR', name: 'ana' }, channel: { id: 'C3' }, trigger_id: 't5',
      message: { ts: '1700000003.000100', blocks: result!.body.blocks },
      actions: [{ type: 'button', action_id: 'triage.export', block_id: 'b', value: share.value }],
    };
    await send(app.base, interaction(click), 'form');
    const [thread] = await waitFor('chat.postMessage');
    expect(thread!.body.thread_ts).toBe('1700000003.000100');
    expect(thread!.body.text).toMatch(/Canton : Genève \(GE\)/);
    expect(thread!.body.text).toMatch(/Problèmes présents : santé, pas de revenu suffisant/);
  });

  it('answers a follow-up mention with what the channel\'s conversation was about', async () => {
    const mention = (id: string, text: string, ts: string) =>
      JSON.stringify({ type: 'event_callback', team_id: 'T1', event_id: id, event_time: 1, event: { type: 'app_mention', user: 'U_DE', text: `<@UBOT> ${text}`, channel: 'C4', ts } });
    await send(app.base, mention('Ev-f1', 'wer steuert die IIZ im Kanton Wallis?', '1700000010.000100'), 'json');
    await waitFor('chat.postMessage');
    calls.length = 0;
    await send(app.base, mention('Ev-f2', 'und die Fallzahlen?', '1700000011.000100'), 'json');
    const [post] = await waitFor('chat.postMessage');
    expect(post!.body.text).toMatch(/Wallis — Fallzahlen 2022/);
  });

  it('answers a mention and its immediate retry exactly once, with the store on disk as the server runs it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cii-slack-race-'));
    const onDisk = await startApp([], await LowStore.open(dataDir));
    const event = JSON.stringify({
      type: 'event_callback', team_id: 'T1', event_id: 'Ev-race', event_time: 1,
      event: { type: 'app_mention', user: 'U_FR', text: '<@UBOT> indication 12', channel: 'C5', ts: '1700000020.000100', client_msg_id: 'msg-race' },
    });
    calls.length = 0;
    const [first, retry] = await Promise.all([send(onDisk.base, event, 'json'), send(onDisk.base, event, 'json', { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })]);
    expect([first.status, retry.status]).toEqual([200, 200]);
    await waitFor('chat.postMessage');
    await new Promise((r) => setTimeout(r, 300));
    expect(calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === 'C5')).toHaveLength(1);
    await onDisk.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('publishes the App Home with the user\'s open checklists', async () => {
    await send(app.base, command('checklist eisp ac', { user_id: 'U_HOME' }), 'form');
    await waitFor('chat.postMessage');
    const event = JSON.stringify({ type: 'event_callback', team_id: 'T1', event_id: 'Ev-home', event: { type: 'app_home_opened', user: 'U_HOME', tab: 'home', channel: 'D1' } });
    await send(app.base, event, 'json');
    const [publish] = await waitFor('views.publish');
    expect(publish!.body.user_id).toBe('U_HOME');
    expect(JSON.stringify(publish!.body.view)).toMatch(/0\/62/);
  });

  it('answers payloads of an unexpected shape with 200 or 400, never a 5xx Slack would retry', async () => {
    const bodies: [string, 'json' | 'form'][] = [
      [JSON.stringify({ type: 'event_callback', team_id: 'T1', event_id: 'Ev-null', event: null }), 'json'],
      [JSON.stringify({ type: 'no_such_type', team_id: 'T1' }), 'json'],
      [JSON.stringify({ type: 'event_callback', team_id: 'T1', event_id: 'Ev-str', event: 'text' }), 'json'],
      [interaction({ type: 'view_submission', team: { id: 'T1' }, user: { id: 'U_FR' }, view: null }), 'form'],
      [interaction({ type: 'block_actions', team: { id: 'T1' }, user: { id: 'U_FR' }, actions: null }), 'form'],
      [interaction({ type: 'block_actions', team: { id: 'T1' }, user: { id: 'U_FR' }, channel: { id: 'C1' }, actions: [{ action_id: 'triage.answer.0', value: '{not json' }] }), 'form'],
      ['payload=%7Bnot-json', 'form'],
    ];
    for (const [body, type] of bodies) {
      const response = await send(app.base, body, type);
      expect(response.status, body).toBeLessThan(500);
    }
  }, 30_000);

  it('refuses a bad or stale signature with 401 and posts nothing', async () => {
    const body = command('indication 38');
    const bad = await fetch(`${app.base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...signed(body, undefined, 'wrong-secret') }, body });
    expect(bad.status).toBe(401);
    const stale = await fetch(`${app.base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...signed(body, Math.floor(Date.now() / 1000) - 6 * 60) }, body });
    expect(stale.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(0);
  });
});

describe('Slack workspace allowlist', () => {
  it('serves only the allowed workspaces', async () => {
    const app = await startApp(['T-ALLOWED']);
    expect((await send(app.base, command('indication 1'), 'form')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(0);
    await send(app.base, command('indication 2', { team_id: 'T-ALLOWED' }), 'form');
    expect(await waitFor('chat.postMessage')).toHaveLength(1);
    await app.close();
  });
});
