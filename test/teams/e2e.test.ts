// Teams end to end over HTTP: Bot Framework activities POSTed as the Emulator sends them, the
// replies caught by a local stand-in for the Bot Connector service at the activity's serviceUrl.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamsConfig } from '../../adapters/teams/index.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { createLogger } from '../../src/logger.js';
import { createApp } from '../../src/server.js';
import { LowStore } from '../../src/store/lowdb.js';

const kb = loadKnowledge();
const captured: { path: string; body: any }[] = [];
let connector: Server;
let serviceUrl: string;

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

async function startApp(teams?: TeamsConfig) {
  const store = LowStore.inMemory();
  const app = createApp(kb, store, createLogger('silent'), teams ? { teams } : {});
  const server = createServer(app);
  const base = await listen(server);
  return { base, store, close: () => new Promise<void>((r) => server.close(() => r())) };
}

beforeAll(async () => {
  connector = createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      captured.push({ path: req.url ?? '', body: data ? JSON.parse(data) : undefined });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${captured.length}` }));
    });
  });
  serviceUrl = `${await listen(connector)}/`;
});
afterAll(() => new Promise<void>((r) => connector.close(() => r())));

let n = 0;
function activity(fields: Record<string, unknown>) {
  n++;
  return {
    type: 'message',
    id: `activity-${n}`,
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: '29:user-ana', name: 'Ana' },
    conversation: { id: `a:conversation-${n}`, conversationType: 'personal', tenantId: 'tenant-1' },
    recipient: { id: '28:cii-bot', name: 'cii-assistant' },
    locale: 'fr-CH',
    ...fields,
  };
}

async function post(base: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** Replies sent to one conversation, waiting briefly for them to arrive. */
async function repliesTo(conversationId: string, count = 1) {
  for (let i = 0; i < 100; i++) {
    const found = captured.filter((c) => decodeURIComponent(c.path).includes(`/v3/conversations/${conversationId}/activities`));
    if (found.length >= count) return found.map((c) => c.body);
    await new Promise((r) => setTimeout(r, 20));
  }
  return captured.filter((c) => decodeURIComponent(c.path).includes(`/v3/conversations/${conversationId}/activities`)).map((c) => c.body);
}

describe('Teams over HTTP, without credentials (loopback)', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app.close());

  it('answers a personal-chat question with an Adaptive Card, in the user language', async () => {
    const a = activity({ text: 'critères cas CII Vaud' });
    expect((await post(app.base, a)).status).toBe(200);
    const [reply] = await repliesTo(a.conversation.id);
    expect(reply.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(reply.attachments[0].content)).toMatch(/trois institutions/);
    expect(reply.replyToId).toBe(a.id);
  });

  it('answers a channel message that mentions it, with the mention stripped', async () => {
    const a = activity({
      text: '<at>cii-assistant</at> wer steuert die IIZ im Kanton Genf?',
      locale: 'de-CH',
      conversation: { id: '19:channel@thread.tacv2;messageid=1', conversationType: 'channel', tenantId: 'tenant-1' },
      entities: [{ type: 'mention', text: '<at>cii-assistant</at>', mentioned: { id: '28:cii-bot', name: 'cii-assistant' } }],
    });
    expect((await post(app.base, a)).status).toBe(200);
    const [reply] = await repliesTo(a.conversation.id);
    expect(JSON.stringify(reply.attachments[0].content)).toMatch(/Genf — Steuerung/);
  });

  it('answers a follow-up with what the conversation was about', async () => {
    const first = activity({ text: 'critères cas CII Genève' });
    await post(app.base, first);
    await repliesTo(first.conversation.id);
    await post(app.base, activity({ text: 'et à Zurich ?', conversation: first.conversation }));
    const [, reply] = await repliesTo(first.conversation.id, 2);
    expect(JSON.stringify(reply.attachments[0].content)).toContain('Zurich — Critères d');
  });

  it('processes a redelivered activity once', async () => {
    const a = activity({ text: 'indication 38' });
    await post(app.base, a);
    await repliesTo(a.conversation.id);
    expect((await post(app.base, a)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(await repliesTo(a.conversation.id)).toHaveLength(1);
  });

  it('returns the updated checklist card to an adaptiveCard/action invoke', async () => {
    const open = activity({ text: 'checklist eisp' });
    await post(app.base, open);
    const [reply] = await repliesTo(open.conversation.id);
    const card = reply.attachments[0].content;
    const save = card.actions.find((x: any) => x.verb === 'checklist.save');
    const invoke = activity({
      type: 'invoke',
      name: 'adaptiveCard/action',
      conversation: open.conversation,
      // Teams names the message that holds the card, so that the card can be replaced for everyone.
      replyToId: 'card-message-1',
      value: { action: { type: 'Action.Execute', verb: 'checklist.save', data: { ...save.data, 'item:i1': 'true', 'item:i2': 'false' } }, trigger: 'manual' },
    });
    const response = await post(app.base, invoke);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(body.value)).toContain('1/44');
    expect(body.value.refresh.userIds).toEqual(['29:user-ana']);
    // The card is replaced in the conversation for everyone, not only for the one who ticked.
    const update = captured.find((c) => c.path.endsWith('/activities/card-message-1'));
    expect(JSON.stringify(update?.body)).toContain('1/44');
  });

  it('runs a Geneva triage with multi-select lists through Action.Execute, each answered card replaced', async () => {
    const start = activity({ text: 'est-ce un cas CII à Genève ?' });
    await post(app.base, start);
    const [, first] = await repliesTo(start.conversation.id, 2);
    const card = first.attachments[0].content;
    expect(JSON.stringify(card)).toMatch(/"isMultiSelect":true/);
    const confirm = card.actions.find((x: any) => x.title === 'Valider');
    const execute = async (data: Record<string, unknown>, message: string) => {
      const invoke = activity({ type: 'invoke', name: 'adaptiveCard/action', conversation: start.conversation, replyToId: message, value: { action: { type: 'Action.Execute', verb: data.verb, data }, trigger: 'manual' } });
      const response = await post(app.base, invoke);
      expect(response.status).toBe(200);
      return (await response.json()).value;
    };
    // The ticked boxes arrive as the ChoiceSet's comma-separated value, merged into the button's data.
    const answered = await execute({ ...confirm.data, answer: 'AC,AS' }, 'question-1');
    expect(JSON.stringify(answered)).toContain('✓ AC / ORP, aide sociale');
    expect(JSON.stringify(answered)).not.toContain('Action.Execute');
    expect(JSON.stringify(captured.find((c) => c.path.endsWith('/activities/question-1'))?.body)).toContain('✓ AC / ORP, aide sociale');
    const cards = async (count: number) => (await repliesTo(start.conversation.id, count)).map((r) => r.attachments?.[0]?.content).filter(Boolean);
    const problems = (await cards(4)).find((c) => /Quels problèmes/.test(JSON.stringify(c)));
    const confirmProblems = problems.actions.find((x: any) => x.title === 'Valider');
    await execute({ ...confirmProblems.data, answer: 'health,social' }, 'question-2');
    const result = (await cards(6)).find((c) => c.body[0].text === 'Cas CII');
    expect(result.body[0].text).toBe('Cas CII');
    expect(JSON.stringify(result)).toContain('Problèmes présents : santé, problèmes sociaux');
  });

  it('welcomes in the user language and stores the full conversation reference', async () => {
    const a = activity({ type: 'conversationUpdate', locale: 'it-CH', membersAdded: [{ id: '28:cii-bot' }] });
    expect((await post(app.base, a)).status).toBe(200);
    const [reply] = await repliesTo(a.conversation.id);
    expect(reply.text).toMatch(/^Buongiorno/);
    const reference = await app.store.get<any>('teams-references', a.conversation.id);
    expect(reference).toMatchObject({ serviceUrl, conversation: { id: a.conversation.id, tenantId: 'tenant-1' }, bot: { id: '28:cii-bot' } });
  });

  it('asks the language when the install event has none, and speaks the one picked from then on', async () => {
    const installed = activity({ type: 'conversationUpdate', locale: undefined, membersAdded: [{ id: '28:cii-bot' }] });
    expect((await post(app.base, installed)).status).toBe(200);
    const [greeting] = await repliesTo(installed.conversation.id);
    const card = greeting.attachments[0].content;
    expect(card.body.map((b: { text: string }) => b.text)).toEqual([expect.stringMatching(/^Bonjour/), expect.stringMatching(/^Grüezi/), expect.stringMatching(/^Buongiorno/), expect.stringMatching(/^Hello/)]);
    const german = card.actions.find((a: { title: string }) => a.title === 'Deutsch');
    const pick = activity({ type: 'invoke', name: 'adaptiveCard/action', locale: undefined, conversation: installed.conversation, value: { action: { type: 'Action.Execute', verb: german.verb, data: german.data }, trigger: 'manual' } });
    expect((await post(app.base, pick)).status).toBe(200);
    const [, help] = await repliesTo(installed.conversation.id, 2);
    expect(help.text).toMatch(/^Ich antworte zur interinstitutionellen Zusammenarbeit/);
    // A short command says no language: the one picked holds.
    expect((await post(app.base, activity({ text: 'triage ZH', locale: undefined, conversation: installed.conversation }))).status).toBe(200);
    const [, , question] = await repliesTo(installed.conversation.id, 3);
    expect(question.text).toMatch(/^IIZ-Triage: Ich stelle einige Fragen/);
  });

  it('says 400 to a body that is not an activity', async () => {
    expect((await post(app.base, { hello: 'world' })).status).toBe(400);
  });
});

describe('Teams with credentials and a tenant allowlist', () => {
  it('refuses a request without a valid token with 401 and sends nothing', async () => {
    const app = await startApp({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret', allowedTenants: [] });
    const a = activity({ text: 'critères cas CII Vaud' });
    const response = await post(app.base, a);
    expect(response.status).toBe(401);
    const forged = await post(app.base, activity({ text: 'indication 1' }), { authorization: 'Bearer not.a.token' });
    expect(forged.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(await repliesTo(a.conversation.id, 0)).toHaveLength(0);
    await app.close();
  });

  it('refuses a token with alg "none" with 401, and marks nothing seen for an unauthenticated request', async () => {
    const app = await startApp({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret', allowedTenants: [] });
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ aud: '00000000-0000-0000-0000-000000000001', iss: 'https://api.botframework.com' })}.`;
    const a = activity({ text: 'indication 5' });
    expect((await post(app.base, a, { authorization: `Bearer ${none}` })).status).toBe(401);
    expect((await post(app.base, a, { authorization: 'Bearer not.a.token' })).status).toBe(401);
    expect((await post(app.base, a, { authorization: 'Bearer not.a.token' })).status).toBe(401);
    // Nothing was claimed for it: the genuine delivery of this activity would still be answered.
    expect(await app.store.claim('deliveries', [`teams:${a.conversation.id}|${a.id}`], 1000)).toBe(true);
    await app.close();
  });

  it('serves only the tenants on the allowlist', async () => {
    const app = await startApp({ allowedTenants: ['tenant-allowed'] });
    const refused = activity({ text: 'indication 2' });
    expect((await post(app.base, refused)).status).toBe(403);
    const allowed = activity({ text: 'indication 3', conversation: { id: 'a:allowed', conversationType: 'personal', tenantId: 'tenant-allowed' } });
    expect((await post(app.base, allowed)).status).toBe(200);
    expect(await repliesTo('a:allowed')).toHaveLength(1);
    await app.close();
  });
});
