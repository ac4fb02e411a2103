// `npm run build`: compiles src/ and adapters/ to plain JavaScript in dist/ (tsconfig.build.json), with the
// files the code reads beside itself (the WebAssembly kernel, the model's thread, the chat page, word lists)
// and migrations/ where the compiled store looks for them. `--if-stale` (what `npm start` runs first) builds
// only when an input is newer than the last build, so a start after no change costs a few file stats.
// Plain JavaScript: it must run before anything is compiled, without tsx.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(root, 'dist');
const stamp = join(dist, '.built');
const sourceDirs = ['src', 'adapters'];
const inputs = [...sourceDirs, 'migrations', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs'];

/** Every file under `path` (or `path` itself). */
function filesUnder(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((e) => filesUnder(join(path, e.name)));
}

function isStale() {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return inputs.some((input) => filesUnder(join(root, input)).some((file) => statSync(file).mtimeMs > built));
}

function build() {
  // Built beside dist/ and swapped in at the end, so a failed build leaves the last good one in place.
  const next = join(root, `dist.building-${process.pid}`);
  rmSync(next, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const compiled = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', next], {
    cwd: root,
    stdio: 'inherit',
  });
  if (compiled.status !== 0) {
    rmSync(next, { recursive: true, force: true });
    console.error('build failed: TypeScript reported errors (see above)');
    process.exit(compiled.status ?? 1);
  }
  // Anything in the source folders that is not TypeScript is read at run time from beside the code.
  for (const dir of sourceDirs)
    for (const file of filesUnder(join(root, dir)).filter((f) => extname(f) !== '.ts'))
      cpSync(file, join(next, relative(root, file)));
  cpSync(join(root, 'migrations'), join(next, 'migrations'), { recursive: true });
  writeFileSync(join(next, '.built'), `${new Date().toISOString()}\n`);
  const old = join(root, `dist.old-${process.pid}`);
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(next, dist);
  rmSync(old, { recursive: true, force: true });
}

if (!process.argv.includes('--if-stale') || isStale()) {
  if (process.argv.includes('--if-stale')) console.error('Compiling Tierdesk (sources changed since the last build)…');
  build();
}
