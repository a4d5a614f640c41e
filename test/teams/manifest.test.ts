import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { buildTeamsPackage } from '../../scripts/teams-package.js';

describe('the Teams app package', () => {
  it('is valid against the bundled schema at the current version, with both icons and four languages', async () => {
    const pkg = await buildTeamsPackage({ MicrosoftAppId: '11111111-2222-3333-4444-555555555555', APP_BASE_URL: 'https://cii.example.ch' });
    expect(pkg.problems).toEqual([]);
    expect(pkg.manifest.bots[0].botId).toBe('11111111-2222-3333-4444-555555555555');
    expect(pkg.manifest.developer.privacyUrl).toBe('https://cii.example.ch/privacy.html');
    const zip = await JSZip.loadAsync(pkg.zip);
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'de.json', 'en.json', 'it.json', 'manifest.json', 'outline.png']);
    const color = PNG.sync.read(await zip.file('color.png')!.async('nodebuffer'));
    const outline = PNG.sync.read(await zip.file('outline.png')!.async('nodebuffer'));
    expect([color.width, color.height, outline.width, outline.height]).toEqual([192, 192, 32, 32]);
    // The outline icon is white on transparent, as Teams requires.
    const pixels = [...Array(32 * 32).keys()].map((i) => [...outline.data.subarray(i * 4, i * 4 + 4)]);
    expect(pixels.every(([r, g, b, a]) => a === 0 || (r === 255 && g === 255 && b === 255))).toBe(true);
    const commands = pkg.manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title);
    expect(commands).toEqual(['aide', 'triage', 'checklist', 'critères']);
    const de = JSON.parse(await zip.file('de.json')!.async('string'));
    expect(de['bots[0].commandLists[0].commands[0].title']).toBe('Hilfe');
  });

  it('reports what is wrong instead of building a package Teams would refuse', async () => {
    const pkg = await buildTeamsPackage({ MicrosoftAppId: 'my-bot', APP_BASE_URL: 'not a url' });
    expect(pkg.problems.join('\n')).toMatch(/not a GUID: my-bot/);
    expect(pkg.problems.join('\n')).toMatch(/websiteUrl|uri/);
  });
});
