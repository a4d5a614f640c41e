// Builds and validates the Teams app package from manifest/teams/; shared by the command and its test.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import JSZip from 'jszip';
import { PNG } from 'pngjs';

const MANIFEST_DIR = 'manifest/teams';
const SCHEMAS = join(dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest')), 'json-schemas', 'teams');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const DEFAULTS: Record<string, string> = {
  TEAMS_APP_ID: '6d1c1b8e-2f4f-4a0e-9c35-4f2f8f0c1c11',
  MicrosoftAppId: '00000000-0000-0000-0000-000000000000',
  APP_BASE_URL: 'https://localhost:3978',
};

/**
 * Validates against one of the bundled schemas. The Localization schema's patterns do not compile
 * as Unicode regular expressions (the package's own validator throws on them), hence unicodeRegExp off.
 */
function validate(document: unknown, schema: Record<string, unknown>, file: string): string[] {
  // Both are CommonJS modules whose class or function is their `default` export.
  const Ajv = ajvDraft04.default;
  const addFormats = ajvFormats.default;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const check = ajv.compile(schema);
  return check(document) ? [] : (check.errors ?? []).map((e: { instancePath: string; message?: string; params: unknown }) => `${file}${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

function fill(text: string, env: NodeJS.ProcessEnv): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => env[name] ?? DEFAULTS[name] ?? `{{${name}}}`);
}

/** The app's mark: a rounded block with two joined links, in the accent colour or as a white outline. */
function icon(size: number, outline: boolean): Buffer {
  const png = new PNG({ width: size, height: size });
  const [r, g, b] = outline ? [255, 255, 255] : [0x20, 0x31, 0x5e];
  const ring = (x: number, y: number, cx: number, cy: number, radius: number, width: number) => {
    const d = Math.hypot(x - cx, y - cy);
    return d <= radius && d >= radius - width;
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const u = x / size;
      const v = y / size;
      const mark = ring(u, v, 0.4, 0.5, 0.22, 0.07) || ring(u, v, 0.6, 0.5, 0.22, 0.07);
      if (outline) {
        png.data.set(mark ? [r, g, b, 255] : [0, 0, 0, 0], i);
      } else {
        png.data.set(mark ? [255, 255, 255, 255] : [r, g, b, 255], i);
      }
    }
  }
  return PNG.sync.write(png);
}

export interface TeamsPackage {
  zip: Buffer;
  manifest: Record<string, any>;
  manifestVersion: string;
  files: string[];
  problems: string[];
}

export async function buildTeamsPackage(env: NodeJS.ProcessEnv): Promise<TeamsPackage> {
  const manifest = JSON.parse(fill(readFileSync(join(MANIFEST_DIR, 'manifest.json'), 'utf8'), env));
  const version: string = manifest.manifestVersion;
  const problems: string[] = [];
  const schema = JSON.parse(readFileSync(join(SCHEMAS, `v${version}`, 'MicrosoftTeams.schema.json'), 'utf8'));
  const localizationSchema = JSON.parse(readFileSync(join(SCHEMAS, `v${version}`, 'MicrosoftTeams.Localization.schema.json'), 'utf8'));
  problems.push(...validate(manifest, schema, 'manifest.json'));
  for (const id of [manifest.id, manifest.bots?.[0]?.botId]) if (!GUID.test(id ?? '')) problems.push(`not a GUID: ${id}`);
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(manifest, null, 2));
  const files = ['manifest.json'];
  for (const { file } of manifest.localizationInfo?.additionalLanguages ?? []) {
    const strings = JSON.parse(readFileSync(join(MANIFEST_DIR, file), 'utf8'));
    problems.push(...validate(strings, localizationSchema, file));
    zip.file(file, JSON.stringify(strings, null, 2));
    files.push(file);
  }
  zip.file(manifest.icons.color, icon(192, false));
  zip.file(manifest.icons.outline, icon(32, true));
  files.push(manifest.icons.color, manifest.icons.outline);
  return { zip: await zip.generateAsync({ type: 'nodebuffer' }), manifest, manifestVersion: version, files, problems };
}
