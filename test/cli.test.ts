import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

type Run = (...args: string[]) => Promise<{ code: number; stdout: string; stderr: string }>;

function withEnv(env: NodeJS.ProcessEnv): Run {
  return async (...args) => {
    try {
      const { stdout, stderr } = await run('npx', ['tsx', 'src/cli.ts', ...args], { encoding: 'utf8', env });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
}

const cli = Object.assign(withEnv(process.env), { withEnv });

describe('cli triage', () => {
  it('prints the verdict as JSON with exactly the contract keys, the same as the chat and the form', async () => {
    const facts = { institutions: ['AC', 'AS'], problems: ['health', 'no-work'] };
    const { code, stdout } = await cli('triage', '--canton', 'GE', '--facts', JSON.stringify(facts), '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result).sort()).toEqual(['canton', 'met', 'missing', 'nextSteps', 'sources', 'unmet', 'verdict']);
    expect(result).toMatchObject({ verdict: 'cii-case', canton: 'GE', unmet: [], missing: [] });
    const { Bot } = await import('../src/bot.js');
    const { loadKnowledge } = await import('../src/knowledge/loader.js');
    const { LowStore } = await import('../src/store/lowdb.js');
    const bot = new Bot(loadKnowledge(), LowStore.inMemory());
    const [viaForm] = await bot.action({ conversationId: 'c', verb: 'triage.form', user: { id: 'u' }, data: { canton: 'GE', 'fact:institutions': 'AC,AS', 'fact:problems': 'health,no-work' } });
    expect(viaForm!.kind === 'triage-result' && viaForm!.result.verdict).toBe(result.verdict);
  }, 30_000);

  it('gives Valais its tier', async () => {
    const { stdout } = await cli('triage', '--canton', 'vs', '--facts', '{"riskFactorsSeveral": true}', '--json');
    expect(JSON.parse(stdout)).toMatchObject({ verdict: 'cii-case', tier: 'complex' });
  }, 30_000);

  it('prints the result for a case file with --format text: canton, date, verdict, facts, criteria, sources', async () => {
    const { code, stdout } = await cli('triage', '--canton', 'NE', '--facts', '{"employabilityRecognised": true}', '--lang', 'en', '--format', 'text');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^CII triage — result for the case file \(no personal data\)\nCanton: Neuchâtel \(NE\)\nDate: \d{1,2} \w+ \d{4}\nVerdict: CII case\n/);
    expect(stdout).toMatch(/- Employability recognised: yes/);
    expect(stdout).toMatch(/✓ .*pronostic|✓ .*prognosis/);
    expect(stdout).toMatch(/Table 3, l\.545/);
    const bad = await cli('triage', '--canton', 'NE', '--facts', '{}', '--format', 'pdf');
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringMatching(/--format must be text or json/)]);
  }, 30_000);

  it('names an unknown canton, an unknown fact and a wrong type, with exit code 2', async () => {
    const canton = await cli('triage', '--canton', 'XY', '--facts', '{}');
    expect([canton.code, canton.stderr]).toEqual([2, expect.stringMatching(/Unknown canton: "XY"/)]);
    const fact = await cli('triage', '--canton', 'ZH', '--facts', '{"name": "Muster"}');
    expect([fact.code, fact.stderr]).toEqual([2, expect.stringMatching(/Unknown fact name: name/)]);
    const type = await cli('triage', '--canton', 'ZH', '--facts', '{"age": "forty"}');
    expect([type.code, type.stderr]).toEqual([2, expect.stringMatching(/Fact age/)]);
  }, 30_000);
});

describe('cli ask', () => {
  it('prints one JSON object with text, language, sources, confidence and follow-ups', async () => {
    const { code, stdout } = await cli('ask', 'wer steuert die IIZ im Kanton Genf?', '--json');
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    expect(Object.keys(answer).sort()).toEqual(['confidence', 'followUps', 'language', 'sources', 'text']);
    expect(answer.language).toBe('de');
    expect(answer.text).toMatch(/Genf/);
    expect(answer.sources[0]).toMatchObject({ document: '002_8cd2fce77ca12853.txt' });
    expect(Object.keys(answer.sources[0]).sort()).toEqual(['document', 'short', 'title', 'where']);
  }, 30_000);

  it('keeps a conversation with --session: a follow-up inherits what the answer before was about', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cii-cli-session-'));
    const env = { ...process.env, DATA_DIR: dataDir };
    const first = await cli.withEnv(env)('ask', 'critères cas CII Genève', '--session', 'case-7', '--json');
    expect(JSON.parse(first.stdout).text).toMatch(/Genève — Critères/);
    const follow = await cli.withEnv(env)('ask', 'et à Zurich ?', '--session', 'case-7', '--json');
    expect(Object.keys(JSON.parse(follow.stdout)).sort()).toEqual(['confidence', 'followUps', 'language', 'sources', 'text']);
    expect(JSON.parse(follow.stdout).text).toMatch(/^\*\*Zurich — Critères d'un cas CII/);
    // Without --session each call stands alone.
    expect(JSON.parse((await cli('ask', 'et à Zurich ?', '--json')).stdout).text).not.toMatch(/^\*\*Zurich — Critères/);
    const bad = await cli('ask', 'x', '--session', '../etc');
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringMatching(/--session takes letters/)]);
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('answers in the language asked with --lang', async () => {
    const { stdout } = await cli('ask', 'ZH', '--lang', 'it', '--json');
    expect(JSON.parse(stdout).language).toBe('it');
  }, 30_000);

  it('prints readable text without --json', async () => {
    const { code, stdout } = await cli('ask', 'indication 38');
    expect(code).toBe(0);
    expect(stdout).toMatch(/38/);
    expect(stdout).toMatch(/Sources:/);
  }, 30_000);

  it('refuses an empty question with exit code 2', async () => {
    const { code, stderr } = await cli('ask', '  ', '--json');
    expect(code).toBe(2);
    expect(stderr).toMatch(/empty/);
  }, 30_000);

  it('refuses a question over 2000 characters with exit code 2', async () => {
    const { code, stderr } = await cli('ask', 'x'.repeat(2001));
    expect(code).toBe(2);
    expect(stderr).toMatch(/2000/);
  }, 30_000);

  it('refuses an unknown language with exit code 2', async () => {
    const { code, stderr } = await cli('ask', 'ZH', '--lang', 'es');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--lang/);
  }, 30_000);
});
