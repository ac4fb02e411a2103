import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTeamsPackage } from '../../../../adapters/teams/package.ts';
import { shippedRegistry } from '../../../support/shipped-registry.ts';

const dir = new URL('../../../../adapters/teams/manifest/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8'));

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (file: string) => {
  const png = readFileSync(new URL(file, dir));
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
};

describe('Teams manifest', () => {
  it('is schema 1.22 with a bot in personal, team and group chat scopes', () => {
    expect(manifest.manifestVersion).toBe('1.22');
    expect(manifest.$schema).toContain('/v1.22/');
    expect(manifest.bots).toHaveLength(1);
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
  });

  it('lists exactly the commands the desk offers in menus', () => {
    const commandNames = shippedRegistry.commands.filter((c) => c.menu).map((c) => c.name);
    const titles = manifest.bots[0].commandLists.flatMap((l: { commands: { title: string }[] }) =>
      l.commands.map((c) => c.title),
    );
    expect(titles).toEqual([...commandNames]);
  });

  it('ships a 192×192 colour icon and a 32×32 outline icon', () => {
    expect(pngSize(manifest.icons.color)).toEqual({ width: 192, height: 192 });
    expect(pngSize(manifest.icons.outline)).toEqual({ width: 32, height: 32 });
  });

  it('packages the manifest with the app id and both icons into a zip Teams can read', () => {
    const appId = '11111111-2222-4333-8444-555555555555';
    const file = join(mkdtempSync(join(tmpdir(), 'teams-pkg-')), 'app.zip');
    writeFileSync(file, buildTeamsPackage(appId));
    const listing = execFileSync('unzip', ['-l', file], { encoding: 'utf8' });
    for (const name of ['manifest.json', 'color.png', 'outline.png']) expect(listing).toContain(name);
    const packed = JSON.parse(execFileSync('unzip', ['-p', file, 'manifest.json'], { encoding: 'utf8' }));
    expect(packed.id).toBe(appId);
    expect(packed.bots[0].botId).toBe(appId);
    expect(execFileSync('unzip', ['-p', file, 'color.png']).equals(readFileSync(new URL('color.png', dir)))).toBe(true);
  });
});
