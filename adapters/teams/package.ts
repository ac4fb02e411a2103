/**
 * `npm run teams:package -- --app-id <bot app id> [--out file.zip]`: the Teams app package (manifest and
 * two icons), with the bot's app id written into the manifest, ready to upload in Teams.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { toZip } from './zip.ts';

const manifestDir = new URL('./manifest/', import.meta.url);

export function buildTeamsPackage(appId: string): Buffer {
  const manifest = JSON.parse(readFileSync(new URL('manifest.json', manifestDir), 'utf8'));
  manifest.id = appId;
  for (const bot of manifest.bots) bot.botId = appId;
  // Reading a team's channel messages (replies under a queue card, without @Tierdesk) is granted to this app id.
  manifest.webApplicationInfo.id = appId;
  return toZip([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    { name: 'color.png', data: readFileSync(new URL('color.png', manifestDir)) },
    { name: 'outline.png', data: readFileSync(new URL('outline.png', manifestDir)) },
  ]);
}

function main(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { 'app-id': { type: 'string' }, out: { type: 'string' } } });
  const appId = z.uuid().safeParse(values['app-id']);
  if (!appId.success) {
    console.error(
      "Usage: npm run teams:package -- --app-id <the bot's Microsoft app id (a GUID)> [--out tierdesk-teams.zip]",
    );
    return 2;
  }
  const out = values.out ?? 'tierdesk-teams.zip';
  writeFileSync(out, buildTeamsPackage(appId.data));
  console.log(`Wrote ${out}: upload it in Teams (Apps → Manage your apps → Upload an app).`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = main(process.argv.slice(2));
