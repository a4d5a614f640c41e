// The server as `npm start` runs it: a clear stop on bad configuration or a corrupt store, and a
// clean stop on SIGTERM that keeps what was stored.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function start(env: Record<string, string>) {
  // These tests are about the embedded store: no DATABASE_URL, even where CI sets one.
  const { DATABASE_URL: _database, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { env: { ...inherited, HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env } });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

const dataDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'cii-proc-'));
  dirs.push(d);
  return d;
};

describe('the server process', () => {
  it('refuses to start with an invalid variable and names it', async () => {
    const s = start({ PORT: 'eighty', DATA_DIR: dataDir() });
    expect(await s.exited).toBe(1);
    expect(s.output()).toMatch(/PORT/);
    expect(s.output()).not.toMatch(/at .*\.ts:\d+/);
  }, 30_000);

  it('starts with the Bot Framework samples\' empty MicrosoftAppId= and MicrosoftAppPassword=, as if unset', async () => {
    const port = String(40_000 + Math.floor(Math.random() * 1000));
    const s = start({ PORT: port, DATA_DIR: dataDir(), MicrosoftAppId: '', MicrosoftAppPassword: '', SLACK_BOT_TOKEN: '' });
    for (let i = 0; i < 200 && !/listening/.test(s.output()); i++) await new Promise((r) => setTimeout(r, 50));
    expect(s.output()).not.toMatch(/Invalid configuration/);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  }, 30_000);

  it('refuses to start on a corrupt store, names the file and leaves it unchanged', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'store.json'), '{ not json');
    const s = start({ PORT: '0', DATA_DIR: dir });
    expect(await s.exited).toBe(1);
    expect(s.output()).toContain(join(dir, 'store.json'));
    expect(readFileSync(join(dir, 'store.json'), 'utf8')).toBe('{ not json');
  }, 30_000);

  it('stops on SIGTERM after writing the store, and logs no message text', async () => {
    const dir = dataDir();
    const port = String(39_000 + Math.floor(Math.random() * 1000));
    const s = start({ PORT: port, DATA_DIR: dir });
    for (let i = 0; i < 200 && !/listening/.test(s.output()); i++) await new Promise((r) => setTimeout(r, 50));
    const response = await fetch(`http://127.0.0.1:${port}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ conversationId: 'process-test-1', text: 'triage Genève secret-words-123' }),
    });
    expect(response.status).toBe(200);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(readFileSync(join(dir, 'store.json'), 'utf8')).toContain('web:process-test-1');
    expect(s.output()).not.toContain('secret-words-123');
  }, 30_000);
});
