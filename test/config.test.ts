// Configuration: an empty variable is an unset one; a .env file fills what the environment leaves unset.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, dotEnv, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('reads an empty variable as unset, and still names a wrong one', () => {
    const config = loadConfig({ MicrosoftAppId: '', MicrosoftAppPassword: '', PORT: ' ', SLACK_BOT_TOKEN: '' });
    expect(config.MicrosoftAppId).toBeUndefined();
    expect(config.PORT).toBe(3978);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
  });

  it('takes from .env only what the environment does not set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cii-env-'));
    const file = join(dir, '.env');
    writeFileSync(file, '# a comment\nPORT=4000\nLOG_LEVEL=debug\nMicrosoftAppId=\nSLACK_API_URL="http://127.0.0.1:9/api/"\n');
    expect(dotEnv(file, { LOG_LEVEL: 'warn', MicrosoftAppId: '' })).toEqual({ PORT: '4000', MicrosoftAppId: '', SLACK_API_URL: 'http://127.0.0.1:9/api/' });
    expect(dotEnv(join(dir, 'missing.env'), {})).toEqual({});
    const config = loadConfig({ LOG_LEVEL: 'warn', ...dotEnv(file, { LOG_LEVEL: 'warn' }) });
    expect(config).toMatchObject({ PORT: 4000, LOG_LEVEL: 'warn' });
    expect(config.MicrosoftAppId).toBeUndefined();
    rmSync(dir, { recursive: true, force: true });
  });
});
