// `npm run manifest:teams`: the Teams app package (manifest, fr/de/it/en strings, icons) as
// out/teams/cii-assistant.zip, validated offline against the official schemas that the npm
// package @microsoft/app-manifest bundles. Fills {{TEAMS_APP_ID}}, {{MicrosoftAppId}} and
// {{APP_BASE_URL}} from the environment.
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildTeamsPackage } from './teams-package.js';

const out = 'out/teams/cii-assistant.zip';
const result = await buildTeamsPackage(process.env);
if (result.problems.length > 0) {
  console.error(`The Teams package is not valid:\n${result.problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
mkdirSync('out/teams', { recursive: true });
writeFileSync(out, result.zip);
console.log(`${out}: manifest ${result.manifestVersion}, ${result.files.join(', ')} (valid against the bundled schemas)`);
