// Two server processes on one PostgreSQL database, as behind a load balancer: reminders falling due
// while one instance is killed with SIGKILL reach the Slack stand-in once each; a thousand ticks
// spread over both instances are all kept; a Teams redelivery on the other instance is answered once.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REMINDERS, type Reminder } from '../../src/reminders/service.js';
import { PgStore } from '../../src/store/postgres.js';

const DATABASE_URL = process.env.DATABASE_URL;
const accepted = new Set<string>();
const teamsReplies: string[] = [];
/** The channels of the Slack messages posted. */
const slackPosts: string[] = [];
let attempts = 0;
let standIn: Server;
let standInUrl: string;
const instances: ChildProcess[] = [];
const ports = [38_100 + Math.floor(Math.random() * 500), 38_700 + Math.floor(Math.random() * 500)];

function start(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: {
      ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL, LOG_LEVEL: 'info', REMINDER_TICK_MS: '100', REMINDER_LEASE_MS: '1500',
      SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: `${standInUrl}/api/`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  instances.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d;
      if (out.includes('listening')) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`instance exited with ${code}: ${out}`)));
  });
}

async function post(port: number, path: string, body: unknown): Promise<any> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return response.status === 200 && response.headers.get('content-type')?.includes('json') ? response.json() : { status: response.status };
}

beforeAll(async () => {
  if (!DATABASE_URL) return;
  standIn = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      if (req.url?.startsWith('/api/chat.postMessage')) {
        attempts++;
        slackPosts.push(String(new URLSearchParams(raw).get('channel')));
        const key = JSON.parse(String(new URLSearchParams(raw).get('metadata') ?? '{}')).event_payload?.occurrence;
        if (key) accepted.add(key);
      } else if (req.url?.startsWith('/v3/')) {
        teamsReplies.push(req.url);
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, ts: '1.1', id: 'x' }));
    });
  });
  await new Promise<void>((r) => standIn.listen(0, '127.0.0.1', r));
  standInUrl = `http://127.0.0.1:${(standIn.address() as AddressInfo).port}`;
  await Promise.all(ports.map(start));
}, 60_000);

afterAll(async () => {
  for (const i of instances) i.kill('SIGKILL');
  standIn?.close();
});

describe.runIf(Boolean(DATABASE_URL))('two instances on PostgreSQL', () => {
  it('keeps every one of a thousand ticks spread over both instances', async () => {
    const checklists: string[] = [];
    for (let i = 0; i < 23; i++) {
      const { replies } = await post(ports[i % 2]!, '/api/chat', { conversationId: `multi-tick-${i}`, text: 'checklist eisp' });
      checklists.push(replies[0].view.id);
    }
    const ticks = Array.from({ length: 1000 }, (_, n) => ({ checklistId: checklists[n % 23]!, item: `i${Math.floor(n / 23) + 1}` }));
    for (let start = 0; start < ticks.length; start += 100) {
      await Promise.all(
        ticks.slice(start, start + 100).map((t, k) =>
          post(ports[(start + k) % 2]!, '/api/action', { conversationId: 'multi-ticker', verb: 'checklist.save', data: { checklistId: t.checklistId, seen: [], [`item:${t.item}`]: true } }),
        ),
      );
    }
    let done = 0;
    for (const [i, id] of checklists.entries()) {
      const { replies } = await post(ports[i % 2]!, '/api/action', { conversationId: 'multi-ticker', verb: 'checklist.refresh', data: { checklistId: id } });
      done += replies[0].view.done;
    }
    expect(done).toBe(1000);
  }, 120_000);

  it('answers a Teams activity redelivered to the other instance once', async () => {
    const activity = {
      type: 'message', id: `redelivered-${Date.now()}`, serviceUrl: `${standInUrl}/`, channelId: 'msteams', text: 'indication 1',
      from: { id: '29:u' }, conversation: { id: `a:multi-${Date.now()}`, conversationType: 'personal' }, recipient: { id: '28:bot' },
    };
    await post(ports[0]!, '/api/messages', activity);
    await post(ports[1]!, '/api/messages', activity);
    await new Promise((r) => setTimeout(r, 500));
    expect(teamsReplies.filter((u) => decodeURIComponent(u).includes(activity.conversation.id))).toHaveLength(1);
  }, 60_000);

  it('answers a Slack mention and its retries once, delivered to both instances at the same moment', async () => {
    const channel = `C-retry-${Date.now()}`;
    const body = JSON.stringify({ type: 'event_callback', team_id: 'T1', event_id: `Ev-${channel}`, event_time: 1, event: { type: 'app_mention', user: 'U1', text: '<@UBOT> indication 2', channel, ts: '1.000100' } });
    const signed = (retry: number) => {
      const ts = String(Math.floor(Date.now() / 1000));
      const signature = `v0=${createHmac('sha256', 'secret').update(`v0:${ts}:${body}`).digest('hex')}`;
      return { 'content-type': 'application/json', 'x-slack-request-timestamp': ts, 'x-slack-signature': signature, ...(retry ? { 'x-slack-retry-num': String(retry), 'x-slack-retry-reason': 'http_timeout' } : {}) };
    };
    const deliveries = [0, 1, 1, 2].map((retry, i) => fetch(`http://127.0.0.1:${ports[i % 2]}/slack/events`, { method: 'POST', headers: signed(retry), body }));
    expect((await Promise.all(deliveries)).map((r) => r.status)).toEqual([200, 200, 200, 200]);
    for (let i = 0; i < 50 && !slackPosts.includes(channel); i++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));
    expect(slackPosts.filter((c) => c === channel)).toHaveLength(1);
  }, 60_000);

  it('posts each reminder occurrence once while one instance is killed', async () => {
    const store = await PgStore.open(DATABASE_URL!);
    const due = (s: number) => DateTime.now().plus({ seconds: s }).toUTC().startOf('second').toISO()!;
    const keys: string[] = [];
    for (let i = 0; i < 20; i++) {
      const at = due(1 + (i % 4));
      const id = `m${Date.now().toString(16).slice(-5)}${String(i).padStart(2, '0')}`;
      const reminder: Reminder = { id, conversationId: 'slack:C-multi', creator: { id: 'U1' }, language: 'en', what: `check ${i}`, schedule: { kind: 'once', at }, nextAt: at, status: 'active', createdAt: at, failures: 0 };
      await store.put(REMINDERS, id, reminder);
      keys.push(`${id}@${at}`);
    }
    await store.close();
    await new Promise((r) => setTimeout(r, 1800));
    instances[0]!.kill('SIGKILL');
    for (let i = 0; i < 100 && keys.some((k) => !accepted.has(k)); i++) await new Promise((r) => setTimeout(r, 100));
    expect(keys.filter((k) => !accepted.has(k))).toEqual([]);
    // At most the occurrences the killed instance was posting are repeated, with their own keys.
    expect(attempts - keys.length).toBeLessThanOrEqual(2);
  }, 60_000);
});
