import autocannon from 'autocannon';
import { loadDevSet } from './test/answers/devset.js';
const qs = loadDevSet().map((q) => q.q);
const body = (text: string) => JSON.stringify({ conversationId: 'bench-conversation', text });
const r = await autocannon({ url: 'http://127.0.0.1:3992/api/chat', connections: 50, duration: 5, requests: qs.map((q) => ({ method: 'POST', path: '/api/chat', headers: { 'content-type': 'application/json' }, body: body(q) })) });
console.log(r.requests.average, r.latency.p99);
