// `npm run bench:http`: the one server, started as users start it, under load on loopback with
// autocannon: question turns through the web chat endpoint at 50 concurrent connections.
// Prints requests per second, p50 and p99 latency, errors, start-up to first answer and the
// server's resident memory. Targets are in the issue; this prints figures, it does not judge.
import autocannon from 'autocannon';
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDevSet } from '../test/answers/devset.js';

const PORT = Number(process.env.BENCH_PORT ?? 3990);
const base = `http://127.0.0.1:${PORT}`;
const dataDir = mkdtempSync(join(tmpdir(), 'cii-bench-'));

// The server as `npm start` runs it: compiled first, then node on dist/ with the start script's flags.
execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
const startScript: string = JSON.parse(readFileSync('package.json', 'utf8')).scripts.start;
const startFlags = /node ((?:--\S+ )*)dist\/src\/server\.js/.exec(startScript)?.[1]?.trim().split(' ').filter(Boolean) ?? [];
const started = performance.now();
const server = spawn(process.execPath, [...startFlags, ...(process.env.BENCH_NODE_OPTIONS?.split(' ').filter(Boolean) ?? []), 'dist/src/server.js'], {
  env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'inherit', 'inherit'],
});

const body = (text: string) => JSON.stringify({ conversationId: 'bench-conversation', text });

/** Polls until the server gives its first answer. */
async function firstAnswer(): Promise<number> {
  for (let i = 0; i < 300; i++) {
    try {
      const response = await fetch(`${base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body('critères cas CII Vaud') });
      if (response.ok) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the server did not answer within 6 s');
}

function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

try {
  const startup = await firstAnswer();
  const idle = residentMb(server.pid!);
  const questions = loadDevSet().map((q) => q.q);
  const result = await autocannon({
    url: `${base}/api/chat`,
    connections: 50,
    duration: Number(process.env.BENCH_SECONDS ?? 10),
    requests: questions.map((q) => ({ method: 'POST', path: '/api/chat', headers: { 'content-type': 'application/json' }, body: body(q) })),
  });
  console.log(`start-up to first answer   ${startup.toFixed(0)} ms   (target < 1500 ms), ${idle.toFixed(0)} MB resident then`);
  console.log(`web chat, 50 connections   ${result.requests.average.toFixed(0)} requests/s   (target >= 1000)`);
  console.log(`latency                    p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms   (target p99 < 50 ms)`);
  console.log(`errors                     ${result.errors} errors, ${result.non2xx} non-2xx, ${result.timeouts} timeouts`);
  console.log(`server resident memory     ${residentMb(server.pid!).toFixed(0)} MB after the web chat run   (target < 200 MB)`);
  // Teams: message activities whose replies go to a local stand-in for the Bot Connector.
  const connector = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"r"}'));
  });
  await new Promise<void>((resolve) => connector.listen(PORT + 1, '127.0.0.1', resolve));
  let n = 0;
  const teamsActivity = (text: string) =>
    JSON.stringify({
      type: 'message', id: `bench-${++n}`, serviceUrl: `http://127.0.0.1:${PORT + 1}/`, channelId: 'msteams', text, locale: 'fr-CH',
      from: { id: '29:bench' }, conversation: { id: 'a:bench', conversationType: 'personal' }, recipient: { id: '28:bot' },
    });
  // Teams loads on its first request: that one is not part of the measure.
  await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: teamsActivity('aide') });
  const teams = await autocannon({
    url: `${base}/api/messages`,
    connections: 50,
    duration: Number(process.env.BENCH_SECONDS ?? 10),
    requests: questions.map((q) => ({
      method: 'POST',
      path: '/api/messages',
      headers: { 'content-type': 'application/json' },
      // A new activity id every time: the same id would be skipped as a redelivery.
      setupRequest: (request: autocannon.Request) => ({ ...request, body: teamsActivity(q) }),
    })),
  });
  connector.close();
  console.log(`server resident memory     ${residentMb(server.pid!).toFixed(0)} MB after the Teams run too (Teams loaded)`);
  console.log(`/api/messages, 50 conn.    ${teams.requests.average.toFixed(0)} requests/s, p50 ${teams.latency.p50} ms, p99 ${teams.latency.p99} ms, ${teams.errors + teams.non2xx} errors`);
} finally {
  await new Promise((resolve) => {
    server.once('exit', resolve);
    server.kill('SIGTERM');
  });
  rmSync(dataDir, { recursive: true, force: true });
}
