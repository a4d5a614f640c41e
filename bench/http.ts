// `npm run bench:http`: the one server, started as users start it, under load on loopback with
// autocannon: question turns through the web chat endpoint at 50 concurrent connections.
// Prints requests per second, p50 and p99 latency, errors, start-up to first answer and the
// server's resident memory. Targets are in the issue; this prints figures, it does not judge.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDevSet } from '../test/answers/devset.js';

const PORT = Number(process.env.BENCH_PORT ?? 3990);
const base = `http://127.0.0.1:${PORT}`;
const dataDir = mkdtempSync(join(tmpdir(), 'cii-bench-'));

const started = performance.now();
const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
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
  const questions = loadDevSet().map((q) => q.q);
  const result = await autocannon({
    url: `${base}/api/chat`,
    connections: 50,
    duration: Number(process.env.BENCH_SECONDS ?? 10),
    requests: questions.map((q) => ({ method: 'POST', path: '/api/chat', headers: { 'content-type': 'application/json' }, body: body(q) })),
  });
  console.log(`start-up to first answer   ${startup.toFixed(0)} ms   (target < 1500 ms)`);
  console.log(`web chat, 50 connections   ${result.requests.average.toFixed(0)} requests/s   (target >= 1000)`);
  console.log(`latency                    p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms   (target p99 < 50 ms)`);
  console.log(`errors                     ${result.errors} errors, ${result.non2xx} non-2xx, ${result.timeouts} timeouts`);
  console.log(`server resident memory     ${residentMb(server.pid!).toFixed(0)} MB after the run   (target < 200 MB)`);
  console.log('/api/messages              not measured: the Teams endpoint is not built yet');
} finally {
  await new Promise((resolve) => {
    server.once('exit', resolve);
    server.kill('SIGTERM');
  });
  rmSync(dataDir, { recursive: true, force: true });
}
