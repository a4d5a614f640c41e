// Reminders reaching each channel: the web chat's channel view, Slack's chat.postMessage, and
// Teams proactive messages through the stored conversation reference.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebClient } from '@slack/web-api';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackDeliverer } from '../../adapters/slack/reminders.js';
import { REFERENCES } from '../../adapters/teams/reminders.js';
import { TeamsDeliverer } from '../../adapters/teams/reminders.js';
import { WebChannelDeliverer } from '../../adapters/web/reminders.js';
import { createLogger } from '../../src/logger.js';
import type { Delivery } from '../../src/reminders/scheduler.js';
import type { Reminder } from '../../src/reminders/service.js';
import { LowStore } from '../../src/store/lowdb.js';

const calls: { path: string; body: any }[] = [];
let server: Server;
let base: string;
let slackError: string | undefined;

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const json = (req.headers['content-type'] ?? '').includes('json');
      calls.push({ path: req.url ?? '', body: json ? JSON.parse(raw || '{}') : Object.fromEntries(new URLSearchParams(raw)) });
      res.writeHead(200, { 'content-type': 'application/json' });
      if (req.url?.startsWith('/api/')) res.end(JSON.stringify(slackError ? { ok: false, error: slackError } : { ok: true, ts: '1.2' }));
      else res.end(JSON.stringify({ id: 'proactive-1' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const reminder = (conversationId: string): Reminder => ({ id: 'abcd1234', conversationId, creator: { id: 'U9' }, language: 'fr', what: 'revoir le dossier', schedule: { kind: 'once', at: '2027-01-01T08:00:00.000Z' }, nextAt: '2027-01-01T08:00:00.000Z', status: 'active', createdAt: '2026-12-01T08:00:00.000Z', failures: 0 });
const delivery = (r: Reminder): Delivery => ({ reminder: r, key: `${r.id}@${r.nextAt}`, dueAt: r.nextAt!, late: false, text: '⏰ Rappel: revoir le dossier' });

describe('reminder delivery', () => {
  it('posts once into the web chat channel, whatever the number of attempts', async () => {
    const web = new WebChannelDeliverer(LowStore.inMemory());
    const d = delivery(reminder('web:room'));
    await web.deliver(d);
    await web.deliver(d);
    expect((await web.messages('web:room')).map((m) => m.text)).toEqual(['⏰ Rappel: revoir le dossier']);
  });

  it('posts to Slack with the idempotency key, and reports a channel that is gone', async () => {
    const slack = new SlackDeliverer(new WebClient('xoxb-test', { slackApiUrl: `${base}/api/`, retryConfig: { retries: 0 } }));
    slackError = undefined;
    expect(await slack.deliver(delivery(reminder('slack:C7')))).toEqual({ ok: true });
    const post = calls.filter((c) => c.path === '/api/chat.postMessage').at(-1)!;
    expect(post.body.channel).toBe('C7');
    expect(JSON.parse(post.body.metadata).event_payload.occurrence).toBe('abcd1234@2027-01-01T08:00:00.000Z');
    slackError = 'channel_not_found';
    expect(await slack.deliver(delivery(reminder('slack:C7')))).toEqual({ ok: false, gone: true, reason: 'channel_not_found' });
    slackError = 'ratelimited';
    expect(await slack.deliver(delivery(reminder('slack:C7')))).toMatchObject({ ok: false, gone: false });
  });

  it('posts to Teams proactively through the stored conversation reference', async () => {
    const store = LowStore.inMemory();
    const adapter = new TeamsAdapter({}, new ConfigurationServiceClientCredentialFactory({}));
    const teams = new TeamsDeliverer(adapter, '', store, createLogger('silent'));
    expect(await teams.deliver(delivery(reminder('teams:a:unknown')))).toEqual({ ok: false, gone: true, reason: 'no conversation reference' });
    await store.put(REFERENCES, 'a:conv-9', { serviceUrl: `${base}/`, channelId: 'msteams', conversation: { id: 'a:conv-9', tenantId: 't1' }, bot: { id: '28:bot', name: 'cii' }, user: { id: '29:u' } });
    expect(await teams.deliver(delivery(reminder('teams:a:conv-9')))).toEqual({ ok: true });
    const sent = calls.filter((c) => decodeURIComponent(c.path).startsWith('/v3/conversations/a:conv-9/activities')).at(-1)!;
    expect(sent.body).toMatchObject({ type: 'message', text: '⏰ Rappel: revoir le dossier', channelData: { ciiOccurrence: 'abcd1234@2027-01-01T08:00:00.000Z' } });
  });
});
