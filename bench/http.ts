// `npm run bench:http`: the one server, started as `npm start` starts it, under load on loopback with
// autocannon, beside a bare teams-ai echo stack (bench/bare-teams.ts) in the same run:
// - web chat question turns at 50 connections;
// - Teams message turns at 50 connections over 500 conversations, ours and the bare stack in
//   alternating windows after a warm-up window each, with the ratio; replies go to a local
//   stand-in for the Bot Connector;
// - `npm run bench:http -- --soak [minutes]` (5 by default): sustained Teams turns, one line a
//   minute with turns/s, p99, heap, resident memory and the store's size.
// It prints figures and the issue's targets beside them; it does not judge.
import autocannon from 'autocannon';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDevSet } from '../test/answers/devset.js';

const PORT = Number(process.env.BENCH_PORT ?? 3990);
const BARE_PORT = PORT + 2;
const CONNECTOR_PORT = PORT + 1;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARM_UP_SECONDS = 5;
const soakAt = process.argv.indexOf('--soak');
const SOAK_MINUTES = soakAt >= 0 ? Number(process.argv[soakAt + 1] ?? 5) || 5 : 0;
const dataDir = mkdtempSync(join(tmpdir(), 'cii-bench-'));
const url = (port: number, path: string) => `http://127.0.0.1:${port}${path}`;

// The server as `npm start` runs it: compiled first, then node on dist/ with the start script's flags.
execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
const startScript: string = JSON.parse(readFileSync('package.json', 'utf8')).scripts.start;
const startFlags = /node ((?:--\S+ )*)dist\/src\/server\.js/.exec(startScript)?.[1]?.trim().split(' ').filter(Boolean) ?? [];
const extraFlags = process.env.BENCH_NODE_OPTIONS?.split(' ').filter(Boolean) ?? [];
const started = performance.now();
const ours = spawn(process.execPath, [...startFlags, ...extraFlags, 'dist/src/server.js'], {
  env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'inherit', 'inherit'],
});
let bare: ChildProcess | undefined;

const chatBody = (text: string) => JSON.stringify({ conversationId: 'bench-conversation', text });

/** Polls until the request succeeds; the time from start. */
async function ready(target: string, init: RequestInit = {}): Promise<number> {
  for (let i = 0; i < 500; i++) {
    try {
      if ((await fetch(target, init)).ok) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${target} did not answer within 10 s`);
}

function residentMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}

/** Peak resident memory since the process started. */
function peakMb(pid: number): number {
  return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}

const heapMb = async (port: number) => ((await (await fetch(url(port, '/healthz'))).json()) as { heapMb?: number }).heapMb ?? NaN;

// Teams: message activities whose replies go to a local stand-in for the Bot Connector.
const connector = createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"r"}'));
});
let n = 0;
const teamsActivity = (text: string) => {
  n++;
  return JSON.stringify({
    type: 'message', id: `bench-${n}`, serviceUrl: url(CONNECTOR_PORT, '/'), channelId: 'msteams', text, locale: 'fr-CH',
    from: { id: '29:bench' }, conversation: { id: `a:bench-${n % 500}`, conversationType: 'personal' }, recipient: { id: '28:bot' },
  });
};

/**
 * One request that takes the next question of the list each time it is sent: autocannon prepares a
 * connection's whole list of requests as it opens, and with all of the dev set's questions the first
 * request of each connection waited seconds on the load generator, not on the server.
 */
function cycling(questions: string[], body: (question: string) => string): autocannon.Request[] {
  let next = 0;
  return [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (request: autocannon.Request) => ({ ...request, body: body(questions[next++ % questions.length]!) }) }];
}

function teamsLoad(port: number, questions: string[], seconds: number) {
  // A new activity id every time: the same id would be skipped as a redelivery.
  return autocannon({ url: url(port, '/api/messages'), connections: 50, duration: seconds, requests: cycling(questions, teamsActivity) });
}

const line = (label: string, value: string) => console.log(`${label.padEnd(34)}${value}`);
const storeKb = () => (existsSync(join(dataDir, 'store.json')) ? statSync(join(dataDir, 'store.json')).size / 1024 : 0);

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

try {
  await new Promise<void>((resolve) => connector.listen(CONNECTOR_PORT, '127.0.0.1', resolve));
  const startup = await ready(url(PORT, '/api/chat'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: chatBody('critères cas CII Vaud') });
  line('start-up to first answer', `${startup.toFixed(0)} ms   (target < 1500 ms), ${residentMb(ours.pid!).toFixed(0)} MB resident then`);
  // The bare stack starts once ours answers, so that the start-up time is ours alone.
  bare = spawn(process.execPath, [...startFlags, '--import', 'tsx', 'bench/bare-teams.ts'], { env: { ...process.env, PORT: String(BARE_PORT) }, stdio: ['ignore', 'inherit', 'inherit'] });
  await ready(url(BARE_PORT, '/healthz'));
  const questions = loadDevSet().map((q) => q.q);
  // Teams loads on its first request, and both stacks run a few thousand turns before the code
  // they run is compiled (ours has more of it): a warm-up window each, not part of the measure.
  for (const port of [PORT, BARE_PORT]) await fetch(url(port, '/api/messages'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: teamsActivity('aide') });
  for (const port of [PORT, BARE_PORT]) await teamsLoad(port, questions, WARM_UP_SECONDS);

  if (SOAK_MINUTES > 0) {
    console.log(`Soak: ${SOAK_MINUTES} minutes of Teams turns at 50 connections, 500 conversations`);
    const first: number[] = [];
    for (let minute = 1; minute <= SOAK_MINUTES; minute++) {
      const r = await teamsLoad(PORT, questions, 60);
      first.push(r.requests.average);
      line(`minute ${minute}`, `${r.requests.average.toFixed(0)} turns/s, p99 ${r.latency.p99} ms, heap ${(await heapMb(PORT)).toFixed(0)} MB, resident ${residentMb(ours.pid!).toFixed(0)} MB, store ${storeKb().toFixed(0)} kB, ${r.errors + r.non2xx} errors`);
    }
    line('last minute / first', `${((100 * first.at(-1)!) / first[0]!).toFixed(0)} %   (target >= 90 %), ${ours.exitCode === null ? 'no crash' : `exited ${ours.exitCode}`}`);
  } else {
    const web = await autocannon({
      url: url(PORT, '/api/chat'),
      connections: 50,
      duration: SECONDS,
      requests: cycling(questions, chatBody),
    });
    line('web chat, 50 connections', `${web.requests.average.toFixed(0)} requests/s, p50 ${web.latency.p50} ms, p99 ${web.latency.p99} ms, ${web.errors + web.non2xx} errors`);
    // Alternating windows, so that both stacks see the same machine.
    const windows: Record<'ours' | 'bare', { rps: number[]; p99: number[] }> = { ours: { rps: [], p99: [] }, bare: { rps: [], p99: [] } };
    for (let round = 0; round < 2; round++) {
      for (const [name, port] of [['bare', BARE_PORT], ['ours', PORT]] as const) {
        const r = await teamsLoad(port, questions, SECONDS);
        windows[name].rps.push(r.requests.average);
        windows[name].p99.push(r.latency.p99);
      }
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    line('Teams turns, bare teams-ai echo', `${mean(windows.bare.rps).toFixed(0)} turns/s, p99 ${Math.max(...windows.bare.p99)} ms`);
    line(`Teams turns, cii-assistant (${process.env.TEAMS_SDK === 'v2' ? 'v2' : 'v1'})`, `${mean(windows.ours.rps).toFixed(0)} turns/s, p99 ${Math.max(...windows.ours.p99)} ms   (target p99 < 150 ms)`);
    line('ours / bare', `${((100 * mean(windows.ours.rps)) / mean(windows.bare.rps)).toFixed(0)} %   (target >= 90 %)`);
    line('peak resident memory', `${peakMb(ours.pid!).toFixed(0)} MB   (target < 200 MB; bare stack ${peakMb(bare.pid!).toFixed(0)} MB), heap ${(await heapMb(PORT)).toFixed(0)} MB, store ${storeKb().toFixed(0)} kB`);
  }
} finally {
  connector.close();
  await Promise.all([stop(ours), ...(bare ? [stop(bare)] : [])]);
  rmSync(dataDir, { recursive: true, force: true });
}
