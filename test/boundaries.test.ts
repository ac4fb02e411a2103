import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const importsOf = (source: string) =>
  [...source.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');

describe('the dependency rule', () => {
  const src = sourceFiles(join(root, 'src'));

  it('finds the source tree', () => {
    expect(src.length).toBeGreaterThan(20);
  });

  it('keeps adapters and platform SDKs out of src/, except the composition root', () => {
    const offenders = src
      .filter((file) => relative(root, file) !== join('src', 'main.ts'))
      .flatMap((file) =>
        importsOf(readFileSync(file, 'utf8'))
          .filter((spec) => /\/adapters\/|^@slack\/|^botbuilder|^botframework/.test(spec))
          .map((spec) => `${relative(root, file)} imports ${spec}`),
      );
    expect(offenders).toEqual([]);
  });

  it('reads process.env only in src/main.ts', () => {
    const readers = [...src, ...sourceFiles(join(root, 'adapters'))]
      .filter((file) => /process\.env/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(readers).toEqual([join('src', 'main.ts')]);
  });

  it('keeps Bot Framework and Slack types inside their own adapters', () => {
    const files = sourceFiles(join(root, 'adapters'));
    const leaks = files.flatMap((file) => {
      const rel = relative(root, file);
      return importsOf(readFileSync(file, 'utf8'))
        .filter(
          (spec) =>
            (/^botbuilder|^botframework/.test(spec) && !rel.startsWith(join('adapters', 'teams'))) ||
            (/^@slack\//.test(spec) && !rel.startsWith(join('adapters', 'slack'))),
        )
        .map((spec) => `${rel} imports ${spec}`);
    });
    expect(leaks).toEqual([]);
  });
});
