import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './desk-spawn.ts';

/** Compiles dist/ when a source changed since the last build, as `npm start` does before it runs it. */
export async function ensureBuild(): Promise<void> {
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--if-stale'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed');
}
