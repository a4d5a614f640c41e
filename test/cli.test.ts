import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'src/cli.ts', ...args], { encoding: 'utf8' });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('cli ask', () => {
  it('prints one JSON object with text, language, sources, confidence and follow-ups', async () => {
    const { code, stdout } = await cli('ask', 'wer steuert die IIZ im Kanton Genf?', '--json');
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    expect(Object.keys(answer).sort()).toEqual(['confidence', 'followUps', 'language', 'sources', 'text']);
    expect(answer.language).toBe('de');
    expect(answer.text).toMatch(/Genf/);
    expect(answer.sources[0]).toMatchObject({ document: '002_8cd2fce77ca12853.txt' });
    expect(Object.keys(answer.sources[0]).sort()).toEqual(['document', 'title', 'where']);
  }, 30_000);

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
