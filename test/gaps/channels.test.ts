// A gap reported in each channel, end to end over HTTP on one server and one store file: the web
// chat's JSON endpoints, Teams activities (replies caught by a stand-in for the Bot Connector) and
// Slack requests (signed; the Web API a stand-in). Each appears in `npm run kb:gaps` without name,
// user id or digits; a coordinator lists them with `gaps` and gets them weekly; after 90 days they
// are gone; a miss nobody reported leaves nothing. The steps run in order on the one store.
import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Express } from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GAP_VERB } from '../../src/gaps/offer.js';
import { gapListing } from '../../src/gaps/listing.js';
import { GAP_TTL_MS } from '../../src/gaps/store.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { createLogger } from '../../src/logger.js';
import type { Reminder } from '../../src/reminders/service.js';
import { REMINDERS } from '../../src/reminders/service.js';
import type { Scheduler } from '../../src/reminders/scheduler.js';
import { createApp } from '../../src/server.js';
import { LowStore, STORE_FILE } from '../../src/store/lowdb.js';

const SECRET = 'test-signing-secret';
const COORDINATOR = 'U_COORD';
/** Misses with a person's contact details in them, one a channel, each in another language. */
const WEB = 'Combien gagne un conseiller ORP à Genève ? Appelez M. Dupont au 079 123 45 67 ou dupont@example.ch';
const TEAMS = 'Wie lange dauert die Wartezeit für Taggelder bei der ALV für Herrn Müller (AHV 756.1234.5678.97)?';
const SLACK = 'What is the budget for interpreters in Zurich? write to ana.muster@example.org or call +41 44 555 66 77';
const KEPT = {
  web: 'Combien gagne un conseiller ORP à Genève ? Appelez M. […] au # ou […]',
  teams: 'Wie lange dauert die Wartezeit für Taggelder bei der ALV für Herrn […] (AHV #)?',
  slack: 'What is the budget for interpreters in Zurich? write to […] or call #',
};
const IDENTIFYING = /Dupont|Müller|Ana|Muster|ana\.muster|29:user-ana|U_FR|web:gapsweb|079|756|555|example\./;

const kb = loadKnowledge();
const dir = mkdtempSync(join(tmpdir(), 'cii-gaps-e2e-'));
let now = Date.now();
let store: LowStore;
let app: Express;
let server: Server;
let base: string;
const stubs: Server[] = [];
/** Bot Connector calls (Teams replies) and Slack Web API calls. */
const connector: { path: string; body: any }[] = [];
const slack: { method: string; body: Record<string, any> }[] = [];
let serviceUrl: string;
let apiUrl: string;
let ts = 1000;

function listen(s: Server): Promise<string> {
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)));
}

/** A stand-in HTTP service that records each call and answers what `reply` says. */
async function stub(record: (url: string, body: any, type: string) => Record<string, unknown>): Promise<string> {
  const s = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const reply = record(req.url ?? '', raw, req.headers['content-type'] ?? '');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply));
    });
  });
  stubs.push(s);
  return listen(s);
}

beforeAll(async () => {
  serviceUrl = `${await stub((path, raw) => {
    connector.push({ path, body: raw ? JSON.parse(raw) : undefined });
    return { id: `reply-${connector.length}` };
  })}/`;
  apiUrl = `${await stub((url, raw, type) => {
    const method = url.replace(/^\/api\//, '').split('?')[0]!;
    const body = type.includes('json') ? JSON.parse(raw || '{}') : Object.fromEntries(new URLSearchParams(raw));
    if (typeof body.blocks === 'string') body.blocks = JSON.parse(body.blocks);
    slack.push({ method, body });
    if (method === 'chat.postMessage') return { ok: true, ts: `${++ts}.000100`, channel: body.channel };
    if (method === 'users.info') return { ok: true, user: { id: body.user, locale: 'en-US' } };
    return { ok: true };
  })}/api/`;
  store = await LowStore.open(dir, () => now);
  app = createApp(kb, store, createLogger('silent'), { slack: { botToken: 'xoxb-test', signingSecret: SECRET, apiUrl, allowedTeams: [] }, coordinators: [COORDINATOR] });
  server = createServer(app);
  base = await listen(server);
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  for (const s of stubs) await new Promise<void>((r) => s.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  slack.length = 0;
});

/** Waits for a condition on what the stand-ins recorded. */
async function until<T>(find: () => T | undefined): Promise<T> {
  for (let i = 0; i < 150; i++) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('nothing arrived');
}

const web = (path: string, body: unknown) => fetch(`${base}/api/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

let activities = 0;
function activity(fields: Record<string, unknown>) {
  activities++;
  return {
    type: 'message',
    id: `activity-${activities}`,
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: '29:user-ana', name: 'Ana Muster' },
    conversation: { id: 'a:gaps-conversation', conversationType: 'personal', tenantId: 'tenant-1' },
    recipient: { id: '28:cii-bot', name: 'cii-assistant' },
    locale: 'de-CH',
    ...fields,
  };
}
const teams = (body: unknown) => fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

function signed(body: string): Record<string, string> {
  const when = Math.floor(Date.now() / 1000);
  return { 'x-slack-request-timestamp': String(when), 'x-slack-signature': `v0=${createHmac('sha256', SECRET).update(`v0:${when}:${body}`).digest('hex')}` };
}
const slackPost = (body: string) => fetch(`${base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...signed(body) }, body });
const command = (text: string, user = 'U_FR', channel = 'C1') =>
  slackPost(new URLSearchParams({ command: '/cii', text, team_id: 'T1', channel_id: channel, user_id: user, user_name: 'ana', trigger_id: 'trigger-1', response_url: `${apiUrl}response` }).toString());
const posted = (channel: string, pattern: RegExp) => until(() => slack.find((c) => c.method === 'chat.postMessage' && c.body.channel === channel && pattern.test(JSON.stringify(c.body))));

/** The card's gap action, wherever the card puts it. */
function gapAction(card: any): { verb: string; data: Record<string, unknown> } {
  return card.body.find((e: any) => e.type === 'ActionSet').actions.find((a: any) => a.verb === GAP_VERB);
}

async function kbGaps(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/kb-gaps.ts', ...args], { encoding: 'utf8', env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' } });
  return stdout;
}

describe('a gap reported in each channel', () => {
  it('web chat: the answer card carries the button; pressing it keeps the question', async () => {
    const asked = await (await web('chat', { conversationId: 'gapsweb-0001', text: WEB })).json();
    const action = gapAction(asked.replies[0].card);
    expect(action.data).toMatchObject({ question: KEPT.web, language: 'fr' });
    const pressed = await web('action', { conversationId: 'gapsweb-0001', verb: action.verb, data: action.data, name: 'Ana Muster' });
    expect(pressed.status).toBe(200);
    expect((await pressed.json()).replies).toEqual([expect.objectContaining({ kind: 'help', language: 'fr', text: expect.stringMatching(/^Merci/) })]);
  });

  it('web chat: a forged action gets a clear reply, never a 5xx', async () => {
    for (const data of [{}, { question: 'x'.repeat(300_000) }, { question: ['a'] }]) {
      const response = await web('action', { conversationId: 'gapsweb-0002', verb: GAP_VERB, data });
      expect(response.status).toBe(200);
      expect((await response.json()).replies[0].text).toMatch(/^Cette question ne peut pas être signalée/);
    }
  });

  it('Teams: the Adaptive Card carries the button; its Action.Execute keeps the question', async () => {
    const message = activity({ text: TEAMS });
    expect((await teams(message)).status).toBe(200);
    const reply = await until(() => connector.find((c) => c.body?.replyToId === message.id));
    const action = gapAction(reply.body.attachments[0].content);
    expect(action.data).toMatchObject({ question: KEPT.teams, language: 'de' });
    const invoke = activity({ type: 'invoke', name: 'adaptiveCard/action', replyToId: 'card-1', value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data }, trigger: 'manual' } });
    expect((await teams(invoke)).status).toBe(200);
    await until(() => connector.find((c) => /^Danke/.test(c.body?.text ?? '')));
  });

  it('Slack: the Block Kit message carries the button; pressing it keeps the question', async () => {
    await command(SLACK);
    const answer = await posted('C1', /gap\.report/);
    const button = answer.body.blocks.flatMap((b: any) => b.elements ?? []).find((e: any) => e.action_id === GAP_VERB);
    expect(button.text.text).toBe('Report this gap');
    expect(JSON.parse(button.value)).toMatchObject({ question: KEPT.slack, language: 'en' });
    const click = { type: 'block_actions', team: { id: 'T1' }, user: { id: 'U_FR', name: 'ana' }, channel: { id: 'C1' }, trigger_id: 't2', actions: [{ type: 'button', action_id: GAP_VERB, block_id: 'b1', value: button.value }] };
    expect((await slackPost(new URLSearchParams({ payload: JSON.stringify(click) }).toString())).status).toBe(200);
    await posted('C1', /Thank you: the question has been passed on/);
  });

  it('Slack: a button whose value is not JSON gets a clear reply', async () => {
    const click = { type: 'block_actions', team: { id: 'T1' }, user: { id: 'U_FR', name: 'ana' }, channel: { id: 'C1' }, trigger_id: 't3', actions: [{ type: 'button', action_id: GAP_VERB, block_id: 'b1', value: '{not json' }] };
    expect((await slackPost(new URLSearchParams({ payload: JSON.stringify(click) }).toString())).status).toBe(200);
    await posted('C1', /This question cannot be reported/);
  });

  it('appears in npm run kb:gaps, grouped by closest unit, without name, user id or digits', async () => {
    const listing = await kbGaps('--lang', 'en');
    expect(listing.split('\n')[0]).toBe('**Reported gaps (last 90 days): 3**');
    const questions = listing.split('\n').filter((l) => l.startsWith('• ')).map((l) => l.replace(/^• \d{4}-\d{2}-\d{2}, (fr|de|it|en): /, ''));
    expect(questions.sort()).toEqual(Object.values(KEPT).sort());
    for (const q of questions) expect(q).not.toMatch(/\d/);
    expect(listing).not.toMatch(IDENTIFYING);
    // Each group names a unit of the base and where it is in knowledge/.
    expect(listing).toMatch(/^\*\*Geneva — .* · cantons\/GE\.yaml inventory\.\w+ \(1\)\*\*$/m);
    const kept = JSON.parse(readFileSync(join(dir, STORE_FILE), 'utf8')).collections.gaps;
    expect(Object.keys(kept)).toHaveLength(3);
    // What is kept of each gap (its id and expiry are the store's, and may hold any digits).
    expect(JSON.stringify(Object.values(kept).map((entry: any) => entry.value))).not.toMatch(IDENTIFYING);
  }, 60_000);

  it('is listed by a coordinator with `gaps`; anyone else is refused', async () => {
    await command('gaps');
    await posted('C1', /Only coordinators see the reported gaps \(COORDINATORS setting\)\. Your id: U_FR/);
    await command('gaps', COORDINATOR);
    const list = await posted('C1', /Reported gaps \(last 90 days\): 3/);
    for (const q of Object.values(KEPT)) expect(JSON.stringify(list.body)).toContain(JSON.stringify(q).slice(1, -1));
    const teamsRefusal = activity({ text: 'Lücken' });
    await teams(teamsRefusal);
    await until(() => connector.find((c) => c.body?.replyToId === teamsRefusal.id && /^Nur die Koordinatorinnen/.test(c.body.text)));
  });

  it('is posted weekly to the coordination channel a coordinator chose', async () => {
    await command('gaps weekly', COORDINATOR, 'C_COORD');
    await posted('C_COORD', /every Monday at 9:00/);
    const [id] = (await store.list<Reminder>(REMINDERS)).find(([, r]) => r.digest === 'gaps')!;
    // Monday 9:00 has come.
    await store.update<Reminder>(REMINDERS, id, (r) => r && { ...r, nextAt: new Date(Date.now() - 60_000).toISOString() });
    slack.length = 0;
    await (app.locals.scheduler as Scheduler).tick();
    const digest = await posted('C_COORD', /Reported gaps \(last 90 days\): 3/);
    expect(digest.body.text).toMatch(/^⏰ Reminder: Reported gaps \(last 90 days\): 3\n/);
    expect(digest.body.text).not.toContain('**');
    // What users read (the message's ids and timestamps may hold any digits).
    expect(digest.body.text).not.toMatch(IDENTIFYING);
    expect(JSON.stringify(digest.body.blocks ?? [])).not.toMatch(/Dupont|Müller|Ana|Muster|29:user-ana|U_FR|example\./);
  });

  it('leaves nothing of a miss nobody reported', async () => {
    const asked = await (await web('chat', { conversationId: 'gapsweb-0003', text: 'Combien gagne un zorglubeur à Genève ? dupont@example.ch' })).json();
    expect(gapAction(asked.replies[0].card)).toBeDefined();
    await command('What does a zorglubeur earn in Zurich?');
    await posted('C1', /gap\.report/);
    expect(readFileSync(join(dir, STORE_FILE), 'utf8')).not.toMatch(/zorglub/i);
    expect(await gapListing(store, 'en')).toMatch(/: 3\*\*/);
  });

  it('is gone after 90 days', async () => {
    now += GAP_TTL_MS + 60_000;
    expect(await gapListing(store, 'en')).toBe('No gaps reported in the last 90 days.');
    await command('gaps', COORDINATOR);
    await posted('C1', /No gaps reported in the last 90 days/);
    // The next write drops expired entries from the file too.
    await store.put('gaps-e2e', 'write', true);
    expect(readFileSync(join(dir, STORE_FILE), 'utf8')).not.toMatch(/conseiller|Wartezeit|interpreters/);
  });
});

describe('npm run kb:gaps', () => {
  it('says so for an empty or expired store and refuses an unknown language', async () => {
    expect(await kbGaps('--lang', 'de')).toBe('In den letzten 90 Tagen wurden keine Lücken gemeldet.\n');
    await expect(kbGaps('--lang', 'xx')).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/--lang must be one of fr, de, it, en; got "xx"/) });
  }, 60_000);
});
