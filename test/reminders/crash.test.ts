// Crash test: a scheduler process killed with SIGKILL at random moments while posting, restarted
// each time. Every occurrence must reach the Slack stand-in, and reach it once: a post repeated
// after a crash carries the same idempotency key, which the stand-in (like an idempotent API)
// accepts once.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { ZONE } from '../../src/reminders/parse.js';
import { REMINDERS, type Reminder } from '../../src/reminders/service.js';
import { LowStore } from '../../src/store/lowdb.js';

const OCCURRENCES = 30;
const dataDir = mkdtempSync(join(tmpdir(), 'cii-crash-'));
/** Occurrences the stand-in accepted: an idempotent API takes a key once. */
const accepted = new Set<string>();
let attempts = 0;
let standIn: Server;

afterAll(() => {
  standIn?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function startChild(apiUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/reminders/crash-child.ts'], { env: { ...process.env, DATA_DIR: dataDir, SLACK_API_URL: apiUrl }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => child.stdout!.once('data', () => resolve(child)));
}

describe('reminders through crashes', () => {
  it('posts every occurrence exactly once although the process is killed while posting', async () => {
    standIn = createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        const body = Object.fromEntries(new URLSearchParams(raw));
        const key = JSON.parse(String(body.metadata ?? '{}')).event_payload?.occurrence as string;
        attempts++;
        // Answer after a while, so that kills land between the post and its record.
        setTimeout(() => {
          if (key) accepted.add(key);
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, ts: '1.1', channel: 'C1' }));
        }, 5 + Math.random() * 25);
      });
    });
    await new Promise<void>((r) => standIn.listen(0, '127.0.0.1', r));
    const apiUrl = `http://127.0.0.1:${(standIn.address() as AddressInfo).port}/api/`;

    const store = await LowStore.open(dataDir);
    const due = DateTime.now().setZone(ZONE).minus({ minutes: 1 }).toUTC().toISO()!;
    for (let i = 0; i < OCCURRENCES; i++) {
      const reminder: Reminder = { id: `r${String(i).padStart(7, '0')}`, conversationId: 'slack:C1', creator: { id: 'U1' }, language: 'en', what: `check ${i}`, schedule: { kind: 'once', at: due }, nextAt: due, status: 'active', createdAt: due, failures: 0 };
      await store.put(REMINDERS, reminder.id, reminder);
    }
    await store.close();

    let kills = 0;
    for (let round = 0; round < 60 && accepted.size < OCCURRENCES; round++) {
      const child = await startChild(apiUrl);
      await new Promise((r) => setTimeout(r, 40 + Math.random() * 200));
      child.kill('SIGKILL');
      kills++;
      await new Promise((r) => child.once('exit', r));
    }
    // A last run without a kill lets leases run out and everything finish.
    const last = await startChild(apiUrl);
    for (let i = 0; i < 200 && accepted.size < OCCURRENCES; i++) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 1000));
    last.kill('SIGKILL');

    expect(kills).toBeGreaterThan(3);
    // None lost: every occurrence's key reached the stand-in.
    expect([...accepted].sort()).toEqual(Array.from({ length: OCCURRENCES }, (_, i) => `r${String(i).padStart(7, '0')}@${due}`).sort());
    // Repeats are only the posts a kill interrupted, each with its occurrence's own key.
    expect(attempts - OCCURRENCES).toBeLessThanOrEqual(kills);
  }, 120_000);
});
