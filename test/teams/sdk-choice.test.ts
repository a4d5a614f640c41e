// TEAMS_SDK picks the SDK behind /api/messages: v1 (teams-ai) unless it says v2, checked in the
// configuration and in the server as `npm start` runs it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { channelSettings } from '../../src/server.js';

describe('TEAMS_SDK', () => {
  it('is v1 unless set, v2 when set so, and names itself when wrong', () => {
    expect(channelSettings(loadConfig({})).teams?.sdk).toBe('v1');
    expect(channelSettings(loadConfig({ TEAMS_SDK: '' })).teams?.sdk).toBe('v1');
    expect(channelSettings(loadConfig({ TEAMS_SDK: 'v2' })).teams?.sdk).toBe('v2');
    expect(() => loadConfig({ TEAMS_SDK: 'v3' })).toThrow(ConfigError);
    expect(() => loadConfig({ TEAMS_SDK: 'v3' })).toThrow(/TEAMS_SDK/);
  });
});

describe('the server process with TEAMS_SDK=v2', () => {
  const posted: { agent: string; body: any }[] = [];
  let connector: Server;
  let serviceUrl: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'cii-teams-v2-'));

  beforeAll(async () => {
    connector = createServer((req, res) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => {
        posted.push({ agent: req.headers['user-agent'] ?? '', body: data ? JSON.parse(data) : undefined });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `reply-${posted.length}` }));
      });
    });
    await new Promise<void>((r) => connector.listen(0, '127.0.0.1', r));
    serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => connector.close(() => r()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers a Teams message through the Teams SDK on the one server, and logs no message text even at trace', async () => {
    const port = String(41_000 + Math.floor(Math.random() * 1000));
    const { DATABASE_URL: _database, ...inherited } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: { ...inherited, HOST: '127.0.0.1', PORT: port, DATA_DIR: dataDir, LOG_LEVEL: 'trace', TEAMS_SDK: 'v2', MicrosoftAppId: '', SLACK_BOT_TOKEN: '' },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    for (let i = 0; i < 300 && !/listening/.test(output); i++) await new Promise((r) => setTimeout(r, 50));
    expect(output).toMatch(/listening/);
    const activity = {
      type: 'message',
      id: 'process-1',
      serviceUrl,
      channelId: 'msteams',
      from: { id: '29:user-ana', name: 'Ana' },
      conversation: { id: 'a:process-v2', conversationType: 'personal', tenantId: 'tenant-1' },
      recipient: { id: '28:cii-bot', name: 'cii-assistant' },
      locale: 'fr-CH',
      text: 'critères cas CII Vaud secret-words-456',
    };
    const response = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(response.status).toBe(200);
    for (let i = 0; i < 100 && posted.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(posted).toHaveLength(1);
    expect(posted[0]!.agent).toMatch(/teams\.ts\[apps\]\//);
    expect(posted[0]!.body).toMatchObject({ type: 'message', replyToId: 'process-1', conversation: { id: 'a:process-v2' } });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toMatch(/teams-sdk/);
    expect(output).not.toContain('secret-words-456');
  }, 30_000);
});
