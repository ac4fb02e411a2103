import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildTeamsPackage } from '../../../../adapters/teams/package.ts';

// Both are CommonJS whose module.exports is the class / plugin itself.
const require = createRequire(import.meta.url);
const Ajv = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const withFormats = require('ajv-formats') as typeof import('ajv-formats').default;

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const manifestFile = join(root, 'adapters/teams/manifest/manifest.json');
/** Microsoft's own schema for the manifest version we declare, shipped in @microsoft/app-manifest (draft-04). */
const schema = JSON.parse(
  readFileSync(
    require.resolve('@microsoft/app-manifest/build/json-schemas/teams/v1.22/MicrosoftTeams.schema.json'),
    'utf8',
  ),
);
// strict off: Microsoft's schema has keywords without a "type" beside them, which strict mode refuses to compile.
const ajv = new Ajv({ allErrors: true, strict: false });
withFormats(ajv);
const validate = ajv.compile(schema);

const problems = (manifest: unknown): string[] =>
  validate(manifest) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);

const appId = '11111111-2222-4333-8444-555555555555';
const unzipManifest = (zip: string) =>
  JSON.parse(execFileSync('unzip', ['-p', zip, 'manifest.json'], { encoding: 'utf8' })) as Record<string, unknown>;

describe("the Teams manifest against Microsoft's v1.22 schema", () => {
  it('declares the schema it is checked against', () => {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    expect(manifest.$schema).toBe(
      'https://developer.microsoft.com/en-us/json-schemas/teams/v1.22/MicrosoftTeams.schema.json',
    );
    expect(schema.properties.manifestVersion.const).toBe(manifest.manifestVersion);
  });

  it('validates as committed', () => {
    expect(problems(JSON.parse(readFileSync(manifestFile, 'utf8')))).toEqual([]);
  });

  it('validates as `npm run teams:package` packs it, with an app id filled in', () => {
    const zip = join(mkdtempSync(join(tmpdir(), 'teams-pkg-')), 'tierdesk-teams.zip');
    execFileSync(process.execPath, ['--import', 'tsx', 'adapters/teams/package.ts', '--app-id', appId, '--out', zip], {
      cwd: root,
      encoding: 'utf8',
    });
    const packed = unzipManifest(zip);
    expect(packed.id).toBe(appId);
    expect(problems(packed)).toEqual([]);
    // The same package as buildTeamsPackage makes, which the other manifest tests look into.
    const built = join(mkdtempSync(join(tmpdir(), 'teams-pkg-')), 'app.zip');
    writeFileSync(built, buildTeamsPackage(appId));
    expect(unzipManifest(built)).toEqual(packed);
  });

  it('fails a manifest Teams would refuse', () => {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    manifest.manifestVersion = '1.21';
    manifest.id = 'not-a-guid';
    manifest.name.short = 'A name far longer than the thirty characters Teams allows';
    manifest.bots[0].scopes = ['personal', 'everywhere'];
    delete manifest.developer;
    manifest.surprise = true;
    expect(problems(manifest)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/ must have required property 'developer'/),
        expect.stringMatching(/^\/ must NOT have additional properties/),
        expect.stringMatching(/^\/manifestVersion must be equal to constant/),
        expect.stringMatching(/^\/id must match pattern/),
        expect.stringMatching(/^\/name\/short must NOT have more than 30 characters/),
        expect.stringMatching(/^\/bots\/0\/scopes\/1 must be equal to one of the allowed values/),
      ]),
    );
  });
});
