import { readFileSync, readdirSync } from 'node:fs';
const f = readdirSync('/tmp/prof').find((x) => x.endsWith('.cpuprofile'));
const profile = JSON.parse(readFileSync('/tmp/prof/' + f, 'utf8'));
const self = new Map(); const byId = new Map(profile.nodes.map((n) => [n.id, n]));
profile.samples.forEach((id, i) => { const n = byId.get(id); const k = `${n.callFrame.functionName}@${n.callFrame.url.split('/').slice(-3).join('/')}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0)); });
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(v/1000).toFixed(0)}ms ${k}`).join('\n'));
